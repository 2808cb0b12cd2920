import { describe, expect, it } from 'vitest';
import {
  addSeconds,
  checkNewNotice,
  dutiesDueBy,
  minimumLeadTimeSeconds,
  minimumSeverity,
  negotiationStateOf,
  nextNegotiationState,
  obligations,
  pendingProposer,
  postedResponseProblem,
  type NoticeFacts,
} from './notice-rules.ts';
import type { InterruptionNoticeRequest, InterruptionReason, NegotiationState, NoticeResponse } from './src/notices.ts';
import { InterruptionNoticeRequest as NoticeSchema } from './src/notices.ts';
import { validatorFor } from './validate.ts';

const H = 3600;
const D = 24 * H;
const NOW = new Date('2026-03-01T02:00:00Z'); // 10:00 in Beijing
const ISSUED = '2026-03-01T10:00:00+08:00';
const at = (seconds: number) => addSeconds(ISSUED, seconds);

/** A minor, well-announced maintenance notice: acceptable as it stands. */
const base = (overrides: Partial<InterruptionNoticeRequest> = {}): InterruptionNoticeRequest => ({
  noticeId: 'ntc-1',
  issuer: { name: '顺丰速运有限公司', role: 'carrier', carrierCode: 'SF' },
  recipient: { name: '示例电商平台有限公司', role: 'platform' },
  affectedFeeds: ['PARCEL_DATA_PUSH'],
  reason: 'PLANNED_MAINTENANCE',
  reasonDetail: '数据库升级',
  issuedAt: ISSUED,
  plannedStart: at(72 * H),
  plannedEnd: at(73 * H),
  impact: { severity: 'MINOR', estimatedShipmentsPerDay: 100, affectedUsers: '平台商家', mitigation: '事后补推' },
  ...overrides,
});
const withImpact = (n: InterruptionNoticeRequest, impact: Partial<InterruptionNoticeRequest['impact']>) => ({ ...n, impact: { ...n.impact, ...impact } });
const slugs = (notice: NoticeFacts, now = NOW) => checkNewNotice(notice, now).map((p) => p.problemSlug);

/** A notice that satisfies every rule but the one a test varies: severe enough, disclosed at issue. */
const serious = (reason: InterruptionReason, leadSeconds: number, overrides: Partial<InterruptionNoticeRequest> = {}) =>
  base({
    reason,
    plannedStart: at(leadSeconds),
    plannedEnd: undefined,
    impact: { severity: 'SERIOUS', estimatedShipmentsPerDay: 100, affectedUsers: '平台商家', mitigation: '切换备用渠道' },
    publicDisclosure: { channels: ['WEBSITE'], plannedAt: ISSUED },
    ...overrides,
  });

describe('the base notice', () => {
  it('is valid against the schema and acceptable', () => {
    expect(validatorFor(NoticeSchema).Check(base())).toBe(true);
    expect(checkNewNotice(base(), NOW)).toEqual([]);
  });
});

describe('minimum lead time', () => {
  it.each([
    ['AGREEMENT_EXPIRY', 30 * D],
    ['AGREEMENT_TERMINATION', 30 * D],
    ['PLANNED_MAINTENANCE', 72 * H],
    ['SYSTEM_CHANGE', 7 * D],
    ['OTHER', 7 * D],
    ['SECURITY_INCIDENT', 0],
    ['LEGAL_REQUIREMENT', 0],
  ] as const)('%s needs %i s', (reason, seconds) => {
    expect(minimumLeadTimeSeconds(reason)).toBe(seconds);
  });

  it.each(['AGREEMENT_EXPIRY', 'AGREEMENT_TERMINATION', 'PLANNED_MAINTENANCE', 'SYSTEM_CHANGE', 'OTHER'] as const)(
    '%s: exactly the minimum is enough, one second less is not',
    (reason) => {
      const lead = minimumLeadTimeSeconds(reason);
      expect(slugs(serious(reason, lead))).toEqual([]);
      expect(slugs(serious(reason, lead - 1))).toEqual(['notice-lead-time-too-short']);
    },
  );

  it('exactly 72 h is enough for maintenance; 72 h − 1 s is not', () => {
    expect(slugs(base({ plannedStart: at(72 * H), plannedEnd: at(73 * H) }))).toEqual([]);
    const short = checkNewNotice(base({ plannedStart: at(72 * H - 1), plannedEnd: at(73 * H) }), NOW);
    expect(short).toEqual([expect.objectContaining({ problemSlug: 'notice-lead-time-too-short', pointer: '/plannedStart' })]);
  });

  it.each(['SECURITY_INCIDENT', 'LEGAL_REQUIREMENT'] as const)('%s may follow the start by 2 h, not by 2 h + 1 s', (reason) => {
    expect(slugs(serious(reason, 0))).toEqual([]);
    expect(slugs(serious(reason, 10 * D))).toEqual([]);
    expect(slugs(serious(reason, -2 * H))).toEqual([]);
    expect(slugs(serious(reason, -2 * H - 1))).toEqual(['notice-lead-time-too-short']);
  });
});

describe('minimum severity', () => {
  const timed = (durationSeconds: number, perDay = 100) =>
    withImpact(base({ plannedStart: at(72 * H), plannedEnd: at(72 * H + durationSeconds) }), { estimatedShipmentsPerDay: perDay });

  it('is SERIOUS for the expiry or termination of the agreement, whatever else', () => {
    expect(minimumSeverity(base({ reason: 'AGREEMENT_EXPIRY' }))).toBe('SERIOUS');
    expect(minimumSeverity(base({ reason: 'AGREEMENT_TERMINATION' }))).toBe('SERIOUS');
  });
  it('is SERIOUS for an interruption without planned end', () => {
    expect(minimumSeverity(base({ plannedEnd: undefined }))).toBe('SERIOUS');
  });
  it('follows the duration: 2 h is MINOR, 2 h + 1 s SIGNIFICANT, 24 h SIGNIFICANT, 24 h + 1 s SERIOUS', () => {
    expect(minimumSeverity(timed(2 * H))).toBe('MINOR');
    expect(minimumSeverity(timed(2 * H + 1))).toBe('SIGNIFICANT');
    expect(minimumSeverity(timed(24 * H))).toBe('SIGNIFICANT');
    expect(minimumSeverity(timed(24 * H + 1))).toBe('SERIOUS');
  });
  it('follows the volume: 999 MINOR, 1,000 SIGNIFICANT, 9,999 SIGNIFICANT, 10,000 SERIOUS', () => {
    expect(minimumSeverity(timed(H, 999))).toBe('MINOR');
    expect(minimumSeverity(timed(H, 1000))).toBe('SIGNIFICANT');
    expect(minimumSeverity(timed(H, 9999))).toBe('SIGNIFICANT');
    expect(minimumSeverity(timed(H, 10_000))).toBe('SERIOUS');
  });
  it('refuses a notice that declares less, and accepts one that declares more', () => {
    const busy = withImpact(base({ publicDisclosure: { channels: ['APP'], plannedAt: ISSUED } }), { estimatedShipmentsPerDay: 1000 });
    expect(checkNewNotice(busy, NOW)).toEqual([expect.objectContaining({ problemSlug: 'notice-severity-understated', pointer: '/impact/severity' })]);
    const overstated = withImpact(base({ publicDisclosure: { channels: ['APP'], plannedAt: ISSUED } }), { severity: 'SERIOUS' });
    expect(slugs(overstated)).toEqual([]);
  });
});

describe('public disclosure', () => {
  const significant = (publicDisclosure?: InterruptionNoticeRequest['publicDisclosure']) =>
    withImpact(base({ plannedEnd: at(72 * H + 3 * H), publicDisclosure }), { severity: 'SIGNIFICANT' });

  it('is not required for a MINOR notice', () => {
    expect(slugs(base())).toEqual([]);
  });
  it('is required for SIGNIFICANT and SERIOUS notices', () => {
    expect(checkNewNotice(significant(), NOW)).toEqual([expect.objectContaining({ problemSlug: 'notice-disclosure-missing', pointer: '/publicDisclosure' })]);
    expect(slugs(serious('AGREEMENT_EXPIRY', 30 * D, { publicDisclosure: undefined }))).toEqual(['notice-disclosure-missing']);
  });
  it('is planned no later than plannedStart', () => {
    expect(slugs(significant({ channels: ['WEBSITE'], plannedAt: at(72 * H) }))).toEqual([]);
    expect(checkNewNotice(significant({ channels: ['WEBSITE'], plannedAt: at(72 * H + 1) }), NOW)).toEqual([
      expect.objectContaining({ problemSlug: 'notice-disclosure-missing', pointer: '/publicDisclosure/plannedAt' }),
    ]);
  });
  it('is due within 24 h of issue for reasons without lead time, or by plannedStart if that is later', () => {
    const urgent = (plannedAt: string, lead = 0) => serious('SECURITY_INCIDENT', lead, { publicDisclosure: { channels: ['APP'], plannedAt } });
    expect(slugs(urgent(at(24 * H)))).toEqual([]);
    expect(slugs(urgent(at(24 * H + 1)))).toEqual(['notice-disclosure-missing']);
    expect(slugs(urgent(at(3 * D), 3 * D))).toEqual([]);
    expect(dutiesDueBy(serious('LEGAL_REQUIREMENT', -H))).toBe(at(24 * H));
    expect(dutiesDueBy(serious('LEGAL_REQUIREMENT', 3 * D))).toBe(at(3 * D));
  });
});

describe('times and parties', () => {
  it('accepts issuedAt up to 300 s before and 30 s after receipt, not more', () => {
    const receivedAt = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
    expect(slugs(base(), receivedAt(300))).toEqual([]);
    expect(slugs(base(), receivedAt(301))).toEqual(['notice-issued-at-invalid']);
    expect(slugs(base(), receivedAt(-30))).toEqual([]);
    expect(slugs(base(), receivedAt(-31))).toEqual(['notice-issued-at-invalid']);
  });
  it('refuses a plannedEnd that does not follow plannedStart', () => {
    expect(checkNewNotice(base({ plannedEnd: at(72 * H) }), NOW)).toEqual([
      expect.objectContaining({ problemSlug: 'validation-failed', pointer: '/plannedEnd' }),
    ]);
  });
  it('refuses a notice between two parties of the same role', () => {
    const recipient = { name: '中通快递股份有限公司', role: 'carrier' as const, carrierCode: 'ZTO' };
    expect(checkNewNotice(base({ recipient }), NOW)).toEqual([expect.objectContaining({ problemSlug: 'validation-failed', pointer: '/recipient/role' })]);
  });
  it('writes due times in the offset of the notice', () => {
    expect(addSeconds('2026-03-01T23:30:00+08:00', H)).toBe('2026-03-02T00:30:00+08:00');
    expect(addSeconds('2026-03-01T00:30:00-05:30', -H)).toBe('2026-02-28T23:30:00-05:30');
    expect(addSeconds('2026-03-01T00:30:00Z', 1)).toBe('2026-03-01T00:30:01Z');
  });
});

describe('negotiation state machine', () => {
  let n = 0;
  const r = (
    respondent: NoticeResponse['respondent'],
    type: 'ACKNOWLEDGE' | 'ACCEPT' | 'OBJECT' | 'WITHDRAW' | 'PROPOSE' | 'AUTHORITY_REPORTED' | 'DISCLOSED',
  ): NoticeResponse => {
    const common = { responseId: `rsp-${++n}`, respondent, respondedAt: at(n * 60) };
    if (type === 'PROPOSE') return { ...common, type, proposal: { plannedStart: at(96 * H), plannedEnd: at(97 * H) } };
    if (type === 'AUTHORITY_REPORTED')
      return { ...common, type, authorityReport: { authorities: ['COMMERCE', 'POSTAL'], reportedAt: at(H), reference: 'R-1' } };
    if (type === 'DISCLOSED') return { ...common, type, disclosure: { channels: ['WEBSITE'], plannedAt: at(H) } };
    return { ...common, type };
  };
  const next = (state: NegotiationState, response: NoticeResponse, proposedBy?: NoticeResponse['respondent']) => {
    const t = nextNegotiationState(state, response, proposedBy);
    return 'state' in t ? t.state : t.problemSlug;
  };

  it("moves ISSUED → ACKNOWLEDGED → AGREED | DISPUTED on the recipient's word", () => {
    expect(next('ISSUED', r('RECIPIENT', 'ACKNOWLEDGE'))).toBe('ACKNOWLEDGED');
    expect(next('ACKNOWLEDGED', r('RECIPIENT', 'ACCEPT'))).toBe('AGREED');
    expect(next('ACKNOWLEDGED', r('RECIPIENT', 'OBJECT'))).toBe('DISPUTED');
    expect(next('ISSUED', r('RECIPIENT', 'ACCEPT'))).toBe('AGREED');
    expect(next('ISSUED', r('RECIPIENT', 'OBJECT'))).toBe('DISPUTED');
  });
  it('holds a proposal in PROPOSED until the other side accepts or objects', () => {
    expect(next('ACKNOWLEDGED', r('RECIPIENT', 'PROPOSE'))).toBe('PROPOSED');
    expect(next('ISSUED', r('ISSUER', 'PROPOSE'))).toBe('PROPOSED');
    expect(next('PROPOSED', r('ISSUER', 'ACCEPT'), 'RECIPIENT')).toBe('AGREED');
    expect(next('PROPOSED', r('ISSUER', 'OBJECT'), 'RECIPIENT')).toBe('DISPUTED');
    expect(next('PROPOSED', r('RECIPIENT', 'ACCEPT'), 'ISSUER')).toBe('AGREED');
    expect(next('PROPOSED', r('ISSUER', 'PROPOSE'), 'RECIPIENT')).toBe('PROPOSED');
  });
  it("refuses accepting, objecting to or repeating one's own pending proposal with 409", () => {
    expect(next('PROPOSED', r('RECIPIENT', 'ACCEPT'), 'RECIPIENT')).toBe('notice-state-conflict');
    expect(next('PROPOSED', r('RECIPIENT', 'OBJECT'), 'RECIPIENT')).toBe('notice-state-conflict');
    expect(next('PROPOSED', r('RECIPIENT', 'PROPOSE'), 'RECIPIENT')).toBe('notice-state-conflict');
  });
  it('reopens a dispute by a proposal, or closes it by the recipient accepting the notice', () => {
    expect(next('DISPUTED', r('ISSUER', 'PROPOSE'))).toBe('PROPOSED');
    expect(next('DISPUTED', r('RECIPIENT', 'ACCEPT'))).toBe('AGREED');
    expect(next('DISPUTED', r('RECIPIENT', 'OBJECT'))).toBe('notice-state-conflict');
  });
  it('refuses responses the state does not admit with 409', () => {
    expect(next('ACKNOWLEDGED', r('RECIPIENT', 'ACKNOWLEDGE'))).toBe('notice-state-conflict');
    expect(next('AGREED', r('RECIPIENT', 'OBJECT'))).toBe('notice-state-conflict');
    expect(next('AGREED', r('ISSUER', 'PROPOSE'))).toBe('notice-state-conflict');
    expect(next('ISSUED', r('ISSUER', 'ACCEPT'))).toBe('notice-state-conflict');
    expect(next('ISSUED', r('ISSUER', 'OBJECT'))).toBe('notice-state-conflict');
  });
  it('lets only the issuer withdraw, from any state but WITHDRAWN', () => {
    for (const state of ['ISSUED', 'ACKNOWLEDGED', 'PROPOSED', 'AGREED', 'DISPUTED'] as const) {
      expect(next(state, r('ISSUER', 'WITHDRAW'), 'RECIPIENT')).toBe('WITHDRAWN');
      expect(next(state, r('RECIPIENT', 'WITHDRAW'), 'ISSUER')).toBe('notice-response-not-allowed');
    }
  });
  it('refuses any response to a withdrawn notice with 409', () => {
    for (const type of ['ACKNOWLEDGE', 'ACCEPT', 'OBJECT', 'WITHDRAW', 'PROPOSE', 'AUTHORITY_REPORTED', 'DISCLOSED'] as const) {
      expect(next('WITHDRAWN', r('ISSUER', type))).toBe('notice-state-conflict');
      expect(next('WITHDRAWN', r('RECIPIENT', type))).toBe('notice-state-conflict');
    }
  });
  it('refuses an acknowledgement by the issuer with 422', () => {
    expect(next('ISSUED', r('ISSUER', 'ACKNOWLEDGE'))).toBe('notice-response-not-allowed');
  });
  it('records reports and disclosures without changing the state', () => {
    for (const state of ['ISSUED', 'ACKNOWLEDGED', 'PROPOSED', 'AGREED', 'DISPUTED'] as const) {
      expect(next(state, r('ISSUER', 'AUTHORITY_REPORTED'))).toBe(state);
      expect(next(state, r('RECIPIENT', 'DISCLOSED'))).toBe(state);
    }
  });
  it('refuses a proposal that ends before it starts', () => {
    const bad: NoticeResponse = {
      responseId: 'x',
      respondent: 'RECIPIENT',
      respondedAt: ISSUED,
      type: 'PROPOSE',
      proposal: { plannedStart: at(5 * D), plannedEnd: at(5 * D) },
    };
    expect(next('ISSUED', bad)).toBe('validation-failed');
  });
  it('replays a history and finds the pending proposer', () => {
    const history = [r('RECIPIENT', 'ACKNOWLEDGE'), r('RECIPIENT', 'PROPOSE'), r('ISSUER', 'PROPOSE')];
    expect(pendingProposer(history)).toBe('ISSUER');
    expect(negotiationStateOf(history)).toEqual({ state: 'PROPOSED' });
    expect(negotiationStateOf([...history, r('RECIPIENT', 'OBJECT')])).toEqual({ state: 'DISPUTED' });
    expect(pendingProposer([...history, r('RECIPIENT', 'OBJECT')])).toBeUndefined();
    expect(negotiationStateOf([r('ISSUER', 'WITHDRAW'), r('RECIPIENT', 'ACKNOWLEDGE')])).toMatchObject({ problemSlug: 'notice-state-conflict' });
  });
  it('takes posted responses only from the side that does not hold the copy', () => {
    expect(postedResponseProblem('RECIPIENT', r('ISSUER', 'WITHDRAW'))).toBeUndefined();
    expect(postedResponseProblem('RECIPIENT', r('RECIPIENT', 'ACKNOWLEDGE'))).toMatchObject({
      problemSlug: 'notice-response-not-allowed',
      pointer: '/respondent',
    });
  });
});

describe('obligations', () => {
  const seriousNotice = serious('AGREEMENT_EXPIRY', 30 * D);

  it('require a report to the authorities only for a SERIOUS notice in dispute, due by plannedStart', () => {
    expect(obligations(seriousNotice, 'DISPUTED')).toEqual({
      publicDisclosureRequired: true,
      publicDisclosureDueBy: seriousNotice.plannedStart,
      authorityReportRequired: true,
      authorityReportDueBy: seriousNotice.plannedStart,
    });
    for (const state of ['ISSUED', 'ACKNOWLEDGED', 'PROPOSED', 'AGREED'] as const) {
      expect(obligations(seriousNotice, state)).toEqual({
        publicDisclosureRequired: true,
        publicDisclosureDueBy: seriousNotice.plannedStart,
        authorityReportRequired: false,
      });
    }
  });
  it('require nothing of a MINOR notice, even in dispute', () => {
    expect(obligations(base(), 'DISPUTED')).toEqual({ publicDisclosureRequired: false, authorityReportRequired: false });
  });
  it('follow the minimum severity when the declared one is lower', () => {
    expect(obligations(withImpact(base(), { estimatedShipmentsPerDay: 20_000 }), 'DISPUTED').authorityReportRequired).toBe(true);
  });
  it('lapse when the notice is withdrawn', () => {
    expect(obligations(seriousNotice, 'WITHDRAWN')).toEqual({ publicDisclosureRequired: false, authorityReportRequired: false });
  });
  it('fall due within 24 h of issue for a security incident that has already started', () => {
    expect(obligations(serious('SECURITY_INCIDENT', -H), 'DISPUTED')).toMatchObject({ authorityReportRequired: true, authorityReportDueBy: at(24 * H) });
  });
});
