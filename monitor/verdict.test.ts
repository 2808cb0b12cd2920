// The verdict on an interruption, case by case, against what the standard says (spec/requirements/NTC.yaml):
// ECDX-NTC-001 no interruption without notice; ECDX-NTC-002 the notice no later than the reason's minimum lead time
// before plannedStart, with at least the minimum severity; ECDX-NTC-015 the disclosure of a SIGNIFICANT or SERIOUS
// notice recorded (DISCLOSED) by its deadline; ECDX-NTC-016 a SERIOUS notice in DISPUTED reported to both
// authorities (AUTHORITY_REPORTED) by the deadline. The notices are built valid against InterruptionNotice, with
// the state and obligations the rules give, so that the verdict is never judged on a notice no party could hold.
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { addSeconds, agreedPeriod, effectiveSeverity, negotiationStateOf, obligations, severityRank } from '../schemas/notice-rules.ts';
import {
  allSchemas,
  type AuthorityReport,
  type DataFeed,
  type ImpactSeverity,
  InterruptionNotice,
  type InterruptionReason,
  type NoticeResponse,
} from '../schemas/src/index.ts';
// Registers the date-time format (ajv-formats' check) that Value.Check needs for the notice's timestamps.
import '../schemas/validate.ts';
import type { Violation } from './report-schema.ts';
import { type HeldNotice, judgeInterruption as judge, type ObservedInterruption, roughDuration, sameVerdict, type Verdict } from './verdict.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The planned start of every notice below unless it says otherwise. */
const S = Date.parse('2026-03-05T01:00:00+08:00');
/** A notice's timestamp, written as Chinese parties write them (+08:00). */
const at = (t: number): string => addSeconds('2026-03-05T01:00:00+08:00', (t - S) / 1000);
/** A time as the verdict writes it in a violation's detail. */
const iso = (t: number): string => new Date(t).toISOString();

type ResponseSpec =
  | { type: 'ACKNOWLEDGE' | 'ACCEPT' | 'OBJECT' | 'WITHDRAW'; by: 'ISSUER' | 'RECIPIENT' }
  | { type: 'PROPOSE'; by: 'ISSUER' | 'RECIPIENT'; start: number; end?: number };

interface NoticeSpec {
  noticeId?: string;
  feeds?: DataFeed[];
  reason?: InterruptionReason;
  severity?: ImpactSeverity;
  shipmentsPerDay?: number;
  issuedAt?: number;
  plannedStart?: number;
  /** null: indefinite. */
  plannedEnd?: number | null;
  responses?: ResponseSpec[];
  /** The monitor's receipt; by default a second after issuedAt. */
  receivedAt?: number;
  disclosedAt?: number;
  authorityReportedAt?: number;
}

/**
 * A notice as the monitor holds it: a valid InterruptionNotice (the check makes the builder unable to drift from the
 * schema) in the state its responses reach, with the obligations the rules give, and the monitor's receipt times.
 * By default a PLANNED_MAINTENANCE notice for the parcel feeds, MINOR, one hour from S, issued 80 h before.
 */
function held(spec: NoticeSpec = {}): HeldNotice {
  const issuedAt = spec.issuedAt ?? S - 80 * HOUR;
  const plannedStart = spec.plannedStart ?? S;
  const plannedEnd = spec.plannedEnd === undefined ? plannedStart + HOUR : spec.plannedEnd;
  const receivedAt = spec.receivedAt ?? issuedAt + 1000;
  let n = 0;
  const base = () => ({ responseId: `rsp-${++n}`, respondedAt: at(issuedAt + n * MIN) });
  const responses: NoticeResponse[] = (spec.responses ?? []).map((r) =>
    r.type === 'PROPOSE'
      ? { ...base(), respondent: r.by, type: 'PROPOSE', proposal: { plannedStart: at(r.start), ...(r.end === undefined ? {} : { plannedEnd: at(r.end) }) } }
      : { ...base(), respondent: r.by, type: r.type },
  );
  if (spec.disclosedAt !== undefined) {
    responses.push({ ...base(), respondent: 'ISSUER', type: 'DISCLOSED', disclosure: { channels: ['MERCHANT_BACKEND'], plannedAt: at(spec.disclosedAt) } });
  }
  if (spec.authorityReportedAt !== undefined) {
    const authorityReport: AuthorityReport = { authorities: ['COMMERCE', 'POSTAL'], reportedAt: at(spec.authorityReportedAt), reference: '邮管〔2026〕0301号' };
    responses.push({ ...base(), respondent: 'ISSUER', type: 'AUTHORITY_REPORTED', authorityReport });
  }
  const state = negotiationStateOf(responses);
  if ('problemSlug' in state) throw new Error(`the test's responses are refused: ${state.detail}`);
  const facts = {
    reason: spec.reason ?? 'PLANNED_MAINTENANCE',
    issuedAt: at(issuedAt),
    plannedStart: at(plannedStart),
    ...(plannedEnd === null ? {} : { plannedEnd: at(plannedEnd) }),
    impact: {
      severity: spec.severity ?? 'MINOR',
      estimatedShipmentsPerDay: spec.shipmentsPerDay ?? 500,
      affectedUsers: '平台商家查询轨迹延迟',
      mitigation: '维护结束后补推全部轨迹',
    },
  };
  const disclosureNeeded = severityRank(effectiveSeverity(facts)) >= severityRank('SIGNIFICANT');
  const notice: InterruptionNotice = {
    noticeId: spec.noticeId ?? 'ntc-a',
    issuer: { name: 'ECDX 示例快递有限公司', role: 'carrier', carrierCode: 'ECDXDEMO' },
    recipient: { name: '示例电商平台有限公司', role: 'platform' },
    affectedFeeds: spec.feeds ?? ['PARCEL_DATA_PUSH', 'PARCEL_DATA_PULL'],
    reasonDetail: '轨迹推送集群数据库升级',
    ...facts,
    ...(disclosureNeeded ? { publicDisclosure: { channels: ['MERCHANT_BACKEND'], plannedAt: at(issuedAt + MIN) } } : {}),
    negotiation: { state: state.state, responses, obligations: obligations(facts, state.state, responses) },
    receivedAt: at(receivedAt),
  };
  if (!Value.Check(InterruptionNotice, [...allSchemas], notice)) {
    const first = Value.Errors(InterruptionNotice, [...allSchemas], notice).First();
    throw new Error(`the test builds an invalid InterruptionNotice: ${first?.path} ${first?.message}`);
  }
  return {
    notice,
    receivedAt,
    ...(spec.disclosedAt === undefined ? {} : { disclosedAt: spec.disclosedAt }),
    ...(spec.authorityReportedAt === undefined ? {} : { authorityReportedAt: spec.authorityReportedAt }),
  };
}

/** The push feed interrupted from `startedAt` for 50 minutes (or still, with `endedAt` null). */
const cut = (startedAt = S, endedAt: number | null = startedAt + 50 * MIN): ObservedInterruption =>
  endedAt === null ? { feed: 'PARCEL_DATA_PUSH', startedAt } : { feed: 'PARCEL_DATA_PUSH', startedAt, endedAt };

/** The numbers of a detail, in order, and its ids: notice ids, feeds, reasons, severities, states, times. */
const numbersOf = (detail: string): string[] => detail.match(/\d+/g) ?? [];
const idsOf = (detail: string): string[] => (detail.match(/[\w.:+-]+/g) ?? []).filter((t) => /[A-Z_\d-]/.test(t) && !/^\d+$/.test(t));

/** A violation's Chinese says what its English says: the same numbers in the same order, every id, Chinese units and punctuation. */
function expectChinese(v: Violation): void {
  const zh = v.detailZh ?? '';
  expect(zh, v.detail).toMatch(/\p{Script=Han}/u);
  expect(numbersOf(zh), `${v.detail} → ${zh}`).toEqual(numbersOf(v.detail));
  for (const id of idsOf(v.detail)) expect(zh, v.detail).toContain(id);
  // the durations in 天, 小时, 分钟, 秒, not the English units
  expect(zh).not.toMatch(/\d (d|h|min|s)\b/);
  expect(zh).not.toMatch(/\p{Script=Han} +\p{Script=Han}|\p{Script=Han}\s*[,;:!?()]|[,;:!?()]\s*\p{Script=Han}/u);
}

/** Every case's verdict, each of its violations' Chinese held to the English as it is reached. */
function judgeInterruption(...args: Parameters<typeof judge>): Verdict {
  const verdict = judge(...args);
  for (const v of verdict.violations) expectChinese(v);
  return verdict;
}

/** What a verdict comes to: compliance, the set of requirements broken, the notice matched. */
const outcome = (v: Verdict) => ({ compliance: v.compliance, requirements: v.violations.map((x) => x.requirement).sort(), noticeId: v.noticeId });
/** The details of the violations of `requirement`, joined. */
const detailOf = (v: Verdict, requirement: string): string => v.violations.flatMap((x) => (x.requirement === requirement ? [x.detail] : [])).join(' | ');

const NOW = S + 2 * HOUR;
const UNCOVERED = { compliance: 'non-compliant', requirements: ['ECDX-NTC-001', 'ECDX-NTC-002'], noticeId: undefined };
const COMPLIANT = { compliance: 'compliant', requirements: [], noticeId: 'ntc-a' };

describe('the notice builder', () => {
  it('refuses what InterruptionNotice refuses, so no case is judged on a notice no party could hold', () => {
    expect(() => held({ noticeId: 'ntc a' })).toThrow(/invalid InterruptionNotice: \/noticeId/);
    expect(() => held({ shipmentsPerDay: -1 })).toThrow(/invalid InterruptionNotice: \/impact\/estimatedShipmentsPerDay/);
  });
});

describe('judgeInterruption: is there a notice at all (ECDX-NTC-001, ECDX-NTC-002)', () => {
  it('no notice at all: an interruption without notice, and no notice sent', () => {
    const v = judgeInterruption(cut(), [], NOW);
    expect(outcome(v)).toEqual(UNCOVERED);
    expect(detailOf(v, 'ECDX-NTC-001')).toContain('no interruption notice received covers it');
    expect(detailOf(v, 'ECDX-NTC-002')).toContain('no interruption notice for PARCEL_DATA_PUSH reached the monitor');
  });

  it('a notice for another feed only covers nothing', () => {
    const v = judgeInterruption(cut(), [held({ feeds: ['SHIPPING_DATA'] })], NOW);
    expect(outcome(v)).toEqual(UNCOVERED);
    expect(detailOf(v, 'ECDX-NTC-001')).toContain('the PARCEL_DATA_PUSH feed was interrupted and no interruption notice');
  });

  it('a WITHDRAWN notice covers nothing, where the same notice not withdrawn does', () => {
    expect(outcome(judgeInterruption(cut(), [held({ responses: [{ type: 'WITHDRAW', by: 'ISSUER' }] })], NOW))).toEqual(UNCOVERED);
    expect(outcome(judgeInterruption(cut(), [held({ responses: [{ type: 'ACKNOWLEDGE', by: 'RECIPIENT' }] })], NOW))).toEqual(COMPLIANT);
  });

  it('an interruption that starts before the planned start, beyond the tolerance, is not the one announced', () => {
    const v = judgeInterruption(cut(S - 10 * MIN), [held()], NOW);
    expect(outcome(v)).toEqual({ compliance: 'non-compliant', requirements: ['ECDX-NTC-001'], noticeId: undefined });
    expect(detailOf(v, 'ECDX-NTC-001')).toBe('the PARCEL_DATA_PUSH feed was interrupted 10 min before the planned start of notice ntc-a');
  });

  it('an interruption that starts within the tolerance (5 min) of the planned start is covered', () => {
    expect(outcome(judgeInterruption(cut(S - 5 * MIN), [held()], NOW))).toEqual(COMPLIANT);
    expect(outcome(judgeInterruption(cut(S - 5 * MIN - 1000), [held()], NOW)).requirements).toEqual(['ECDX-NTC-001']);
  });
});

describe('judgeInterruption: the lead time, from the monitor’s receipt (ECDX-NTC-002)', () => {
  it('PLANNED_MAINTENANCE received 72 h ahead, MINOR, ended in time: compliant, with the notice named', () => {
    const v = judgeInterruption(cut(), [held({ receivedAt: S - 72 * HOUR })], NOW);
    expect(v).toEqual({ compliance: 'compliant', violations: [], noticeId: 'ntc-a' });
  });

  it('received a minute short of 72 h before plannedStart: too late for its reason', () => {
    const v = judgeInterruption(cut(), [held({ receivedAt: S - 72 * HOUR + MIN })], NOW);
    expect(outcome(v)).toEqual({ ...COMPLIANT, compliance: 'non-compliant', requirements: ['ECDX-NTC-002'] });
    expect(detailOf(v, 'ECDX-NTC-002')).toBe('notice ntc-a arrived 2 d 23 h 59 min before its planned start; PLANNED_MAINTENANCE needs 3 d');
  });

  it('judges from receivedAt, not issuedAt: an issuedAt back-dated 100 h does not make a late notice early', () => {
    const v = judgeInterruption(cut(), [held({ issuedAt: S - 100 * HOUR, receivedAt: S - 72 * HOUR + MIN })], NOW);
    expect(outcome(v).requirements).toEqual(['ECDX-NTC-002']);
    // …and the other way round: an issuedAt that looks late does not condemn a notice received in time.
    expect(outcome(judgeInterruption(cut(), [held({ issuedAt: S - HOUR, receivedAt: S - 73 * HOUR })], NOW))).toEqual(COMPLIANT);
  });

  // SECURITY_INCIDENT and LEGAL_REQUIREMENT have no lead time (ECDX-NTC-004): the notice may follow by at most 2 h.
  describe.each(['SECURITY_INCIDENT', 'LEGAL_REQUIREMENT'] as const)('%s (no minimum lead time)', (reason) => {
    const urgent = (receivedAt: number) => held({ reason, issuedAt: receivedAt - 1000, receivedAt });

    it('received 2 h after the interruption began, within the allowance: compliant', () => {
      expect(outcome(judgeInterruption(cut(), [urgent(S + 2 * HOUR)], S + 3 * HOUR))).toEqual(COMPLIANT);
    });

    it('received 2 h 1 min after the interruption began: too late', () => {
      const v = judgeInterruption(cut(), [urgent(S + 2 * HOUR + MIN)], S + 3 * HOUR);
      expect(outcome(v)).toEqual({ ...COMPLIANT, compliance: 'non-compliant', requirements: ['ECDX-NTC-002'] });
      expect(detailOf(v, 'ECDX-NTC-002')).toBe(`notice ntc-a (${reason}) arrived 2 h 1 min after the interruption began; it may follow by at most 2 h`);
    });
  });
});

describe('judgeInterruption: the impact assessment, at least the minimum severity (ECDX-NTC-002, ECDX-NTC-005)', () => {
  // Disclosed in time, so that the duty a higher effective severity brings is met and only the assessment is judged.
  it.each([
    { declared: 'MINOR', shipmentsPerDay: 1_000, end: S + HOUR, minimum: 'SIGNIFICANT', why: '1,000 shipments a day' },
    { declared: 'MINOR', shipmentsPerDay: 500, end: S + 2 * HOUR + MIN, minimum: 'SIGNIFICANT', why: 'more than 2 h' },
    { declared: 'SIGNIFICANT', shipmentsPerDay: 10_000, end: S + HOUR, minimum: 'SERIOUS', why: '10,000 shipments a day' },
  ] as const)('declaring $declared for $why understates it ($minimum)', ({ declared, shipmentsPerDay, end, minimum }) => {
    const v = judgeInterruption(cut(), [held({ severity: declared, shipmentsPerDay, plannedEnd: end, disclosedAt: S - HOUR })], NOW);
    expect(outcome(v)).toEqual({ ...COMPLIANT, compliance: 'non-compliant', requirements: ['ECDX-NTC-002'] });
    expect(detailOf(v, 'ECDX-NTC-002')).toBe(`notice ntc-a declares ${declared}; its reason, duration and volume make it at least ${minimum}`);
  });

  it('the duties follow the minimum where it is higher: an understated notice still owes its disclosure', () => {
    const v = judgeInterruption(cut(), [held({ shipmentsPerDay: 1_000 })], NOW);
    expect(outcome(v)).toEqual({ ...COMPLIANT, compliance: 'non-compliant', requirements: ['ECDX-NTC-002', 'ECDX-NTC-015'] });
  });

  it('exactly 2 h and 999 shipments a day is MINOR, and declaring it so is enough', () => {
    expect(outcome(judgeInterruption(cut(), [held({ shipmentsPerDay: 999, plannedEnd: S + 2 * HOUR })], NOW))).toEqual(COMPLIANT);
  });
});

describe('judgeInterruption: the public disclosure by its deadline (ECDX-NTC-015)', () => {
  const significant = (spec: NoticeSpec = {}) => held({ severity: 'SIGNIFICANT', plannedEnd: S + 3 * HOUR, ...spec });
  const within = cut(S, S + 3 * HOUR);

  it('not recorded, the deadline (plannedStart) passed: broken', () => {
    const v = judgeInterruption(within, [significant()], S + 4 * HOUR);
    expect(outcome(v)).toEqual({ ...COMPLIANT, compliance: 'non-compliant', requirements: ['ECDX-NTC-015'] });
    expect(detailOf(v, 'ECDX-NTC-015')).toBe(`no public disclosure of notice ntc-a was recorded (DISCLOSED) by its deadline ${iso(S)}`);
  });

  it('recorded before the deadline: compliant; recorded after it: still broken', () => {
    expect(outcome(judgeInterruption(within, [significant({ disclosedAt: S - 10 * MIN })], S + 4 * HOUR))).toEqual(COMPLIANT);
    expect(outcome(judgeInterruption(within, [significant({ disclosedAt: S + 10 * MIN })], S + 4 * HOUR)).requirements).toEqual(['ECDX-NTC-015']);
  });

  it('not recorded, the deadline still ahead: pending', () => {
    // Started within the tolerance before plannedStart, judged before it: the disclosure is not yet due.
    expect(outcome(judgeInterruption(cut(S - 3 * MIN, null), [significant()], S - MIN))).toEqual({ ...COMPLIANT, compliance: 'pending' });
    // A SECURITY_INCIDENT's deadline is the later of plannedStart and issuedAt + 24 h (ECDX-NTC-006).
    const incident = significant({ reason: 'SECURITY_INCIDENT', issuedAt: S + 10 * MIN });
    expect(outcome(judgeInterruption(within, [incident], S + 5 * HOUR))).toEqual({ ...COMPLIANT, compliance: 'pending' });
    expect(outcome(judgeInterruption(within, [incident], S + 10 * MIN + DAY + 1000)).requirements).toEqual(['ECDX-NTC-015']);
  });
});

describe('judgeInterruption: the report to both authorities of a SERIOUS notice in DISPUTED (ECDX-NTC-016)', () => {
  // SERIOUS by volume, disputed by the recipient, disclosed in time; a SECURITY_INCIDENT so that the report is due
  // by issuedAt + 24 h, after the interruption began.
  const disputed = (spec: NoticeSpec = {}) =>
    held({
      reason: 'SECURITY_INCIDENT',
      severity: 'SERIOUS',
      shipmentsPerDay: 12_000,
      issuedAt: S + 10 * MIN,
      responses: [
        { type: 'ACKNOWLEDGE', by: 'RECIPIENT' },
        { type: 'OBJECT', by: 'RECIPIENT' },
      ],
      disclosedAt: S + HOUR,
      ...spec,
    });
  const due = S + 10 * MIN + DAY;

  it('the builder gives the duty the rules give', () => {
    expect(disputed().notice.negotiation.obligations).toMatchObject({ authorityReportRequired: true, authorityReportDueBy: at(due) });
  });

  it('not reported, before the deadline: pending', () => {
    expect(outcome(judgeInterruption(cut(), [disputed()], due - MIN))).toEqual({ ...COMPLIANT, compliance: 'pending' });
  });

  it('not reported, after the deadline: broken', () => {
    const v = judgeInterruption(cut(), [disputed()], due + MIN);
    expect(outcome(v)).toEqual({ ...COMPLIANT, compliance: 'non-compliant', requirements: ['ECDX-NTC-016'] });
    expect(detailOf(v, 'ECDX-NTC-016')).toBe(
      `notice ntc-a is SERIOUS and DISPUTED, and no report to both authorities was recorded (AUTHORITY_REPORTED) by ${iso(due)}`,
    );
  });

  it('reported in time: no NTC-016; reported late: NTC-016', () => {
    expect(outcome(judgeInterruption(cut(), [disputed({ authorityReportedAt: due - HOUR })], due + MIN))).toEqual(COMPLIANT);
    expect(outcome(judgeInterruption(cut(), [disputed({ authorityReportedAt: due + 1000 })], due + MIN)).requirements).toEqual(['ECDX-NTC-016']);
  });

  it('a SERIOUS notice the recipient accepted needs no report', () => {
    const agreed = disputed({ responses: [{ type: 'ACCEPT', by: 'RECIPIENT' }] });
    expect(outcome(judgeInterruption(cut(), [agreed], due + MIN))).toEqual(COMPLIANT);
  });
});

describe('judgeInterruption: lasting past the planned end (ECDX-NTC-001)', () => {
  it('ended 10 min after plannedEnd: beyond the tolerance, unannounced', () => {
    const v = judgeInterruption(cut(S, S + HOUR + 10 * MIN), [held()], NOW);
    expect(outcome(v)).toEqual({ ...COMPLIANT, compliance: 'non-compliant', requirements: ['ECDX-NTC-001'] });
    expect(detailOf(v, 'ECDX-NTC-001')).toBe('the interruption lasted 10 min past the planned end of notice ntc-a');
  });

  it('ended within the tolerance (5 min) after plannedEnd: covered', () => {
    expect(outcome(judgeInterruption(cut(S, S + HOUR + 5 * MIN), [held()], NOW))).toEqual(COMPLIANT);
  });

  it('still open: judged at now', () => {
    const v = judgeInterruption(cut(S, null), [held()], S + 3 * HOUR);
    expect(outcome(v).requirements).toEqual(['ECDX-NTC-001']);
    expect(detailOf(v, 'ECDX-NTC-001')).toContain('lasted 2 h past the planned end');
    expect(outcome(judgeInterruption(cut(S, null), [held()], S + 30 * MIN))).toEqual(COMPLIANT);
  });

  it('a notice without plannedEnd (indefinite) is never outlasted', () => {
    const expiry = held({ reason: 'AGREEMENT_EXPIRY', severity: 'SERIOUS', plannedEnd: null, issuedAt: S - 31 * DAY, disclosedAt: S - DAY });
    expect(outcome(judgeInterruption(cut(S, null), [expiry], S + 90 * DAY))).toEqual(COMPLIANT);
  });
});

describe('judgeInterruption: the period the parties agreed (spec §6: an accepted proposal is the agreed interruption)', () => {
  const later = S + 7 * DAY;
  const moved = held({
    responses: [
      { type: 'PROPOSE', by: 'RECIPIENT', start: later, end: later + HOUR },
      { type: 'ACCEPT', by: 'ISSUER' },
    ],
  });

  it('the builder agrees the proposal', () => {
    expect(moved.notice.negotiation.state).toBe('AGREED');
    expect(agreedPeriod(moved.notice.negotiation.responses)).toEqual({ plannedStart: at(later), plannedEnd: at(later + HOUR) });
  });

  it('an interruption in the agreed period is covered', () => {
    expect(outcome(judgeInterruption(cut(later), [moved], later + 2 * HOUR))).toEqual(COMPLIANT);
  });

  it('an interruption in the original period, not the agreed one, is not', () => {
    const v = judgeInterruption(cut(S), [moved], NOW);
    expect(outcome(v)).toEqual({ compliance: 'non-compliant', requirements: ['ECDX-NTC-001'], noticeId: undefined });
    expect(detailOf(v, 'ECDX-NTC-001')).toContain('interrupted 7 d before the planned start of notice ntc-a');
  });

  it('a proposal objected to changes nothing: the notice’s own period still applies', () => {
    const objected = held({
      responses: [
        { type: 'PROPOSE', by: 'RECIPIENT', start: later, end: later + HOUR },
        { type: 'OBJECT', by: 'ISSUER' },
      ],
    });
    expect(outcome(judgeInterruption(cut(S), [objected], NOW))).toEqual(COMPLIANT);
  });

  // Spec §6: after an accepted proposal "the minimum severity, the obligations and their deadlines … are those of the
  // notice with the proposal's plannedStart and plannedEnd". The verdict takes the disclosure deadline and the
  // severity from the notice as issued (dutiesDueBy(notice), effectiveSeverity(notice)); see the report.
  it('a disclosure made before the agreed (postponed) start is in time', () => {
    const postponed = held({
      severity: 'SIGNIFICANT',
      plannedEnd: S + 3 * HOUR,
      responses: [
        { type: 'PROPOSE', by: 'RECIPIENT', start: later, end: later + 3 * HOUR },
        { type: 'ACCEPT', by: 'ISSUER' },
      ],
      disclosedAt: later - HOUR,
    });
    expect(postponed.notice.negotiation.obligations.publicDisclosureDueBy).toBe(at(later));
    expect(outcome(judgeInterruption(cut(later, later + 3 * HOUR), [postponed], later + 4 * HOUR))).toEqual(COMPLIANT);
  });

  it('an agreed period lengthened to 3 h makes the notice SIGNIFICANT, and its disclosure due', () => {
    const lengthened = held({
      responses: [
        { type: 'PROPOSE', by: 'RECIPIENT', start: S, end: S + 3 * HOUR },
        { type: 'ACCEPT', by: 'ISSUER' },
      ],
    });
    expect(lengthened.notice.negotiation.obligations.publicDisclosureRequired).toBe(true);
    expect(outcome(judgeInterruption(cut(S, S + 3 * HOUR), [lengthened], S + 4 * HOUR)).requirements).toContain('ECDX-NTC-015');
  });
});

describe('judgeInterruption: several covering notices', () => {
  const first = held({ noticeId: 'ntc-first', receivedAt: S - 80 * HOUR });
  const reissued = held({ noticeId: 'ntc-reissued', issuedAt: S - 71 * HOUR, receivedAt: S - 71 * HOUR });

  it('the latest received is the one judged, in whatever order they are given', () => {
    for (const notices of [
      [first, reissued],
      [reissued, first],
    ]) {
      const v = judgeInterruption(cut(), notices, NOW);
      expect(outcome(v)).toEqual({ compliance: 'non-compliant', requirements: ['ECDX-NTC-002'], noticeId: 'ntc-reissued' });
      expect(detailOf(v, 'ECDX-NTC-002')).toContain('notice ntc-reissued arrived 2 d 23 h before');
    }
  });
});

describe('the Chinese of a violation', () => {
  it('gives each its detailZh, in Chinese units, the numbers and ids of the English', () => {
    const late = judgeInterruption(
      cut(S + 10 * MIN),
      [held({ reason: 'SECURITY_INCIDENT', issuedAt: S + 2 * HOUR, receivedAt: S + 2 * HOUR + 11 * MIN })],
      NOW + DAY,
    );
    expect(late.violations.map((v) => [v.detail, v.detailZh])).toContainEqual([
      'notice ntc-a (SECURITY_INCIDENT) arrived 2 h 1 min after the interruption began; it may follow by at most 2 h',
      '通知 ntc-a（SECURITY_INCIDENT）在数据中断开始 2 小时 1 分钟后才到达；它最多只能晚于数据中断开始 2 小时',
    ]);
    const short = judgeInterruption(cut(), [held({ issuedAt: S - 72 * HOUR + MIN })], NOW);
    expect(short.violations.map((v) => v.detailZh)).toEqual([
      '通知 ntc-a 在其计划开始时间前 2 天 23 小时 59 分钟才到达；PLANNED_MAINTENANCE 的最短提前期为 3 天',
    ]);
    expect(judgeInterruption(cut(), [], NOW).violations.map((v) => v.detailZh)).toEqual([
      '数据流 PARCEL_DATA_PUSH 发生数据中断，而收到的中断通知均未涵盖它',
      '数据中断前，监测进程未收到关于 PARCEL_DATA_PUSH 的中断通知',
    ]);
  });

  it('is no change of verdict: one recorded without it (an earlier version) is the same verdict, one whose English differs is not', () => {
    const v = judgeInterruption(cut(), [], NOW);
    const recorded = { ...v, violations: v.violations.map(({ requirement, detail }) => ({ requirement, detail })) };
    expect(sameVerdict(v, recorded)).toBe(true);
    expect(sameVerdict(v, { ...recorded, violations: recorded.violations.map((x) => ({ ...x, detailZh: '另一种译法' })) })).toBe(true);
    expect(sameVerdict(v, { ...recorded, violations: recorded.violations.slice(1) })).toBe(false);
    expect(sameVerdict(v, { ...recorded, violations: [{ ...recorded.violations[0]!, detail: 'other' }, recorded.violations[1]!] })).toBe(false);
    expect(sameVerdict(v, { ...recorded, compliance: 'pending' })).toBe(false);
    expect(sameVerdict(v, { ...recorded, noticeId: 'ntc-a' })).toBe(false);
  });
});

describe('roughDuration', () => {
  it.each([
    [0, '0 s'],
    [29_000, '29 s'],
    // To the minute: from half a minute on it rounds to minutes (so 59 s reads "1 min", not "59 s").
    [59_000, '1 min'],
    [90 * MIN, '1 h 30 min'],
    [2 * HOUR, '2 h'],
    [72 * HOUR, '3 d'],
    [3 * DAY + HOUR, '3 d 1 h'],
    [-10 * MIN, '10 min'],
  ])('%i ms is "%s"', (duration, text) => {
    expect(roughDuration(duration)).toBe(text);
  });

  it.each([
    [0, '0 秒'],
    [29_000, '29 秒'],
    [59_000, '1 分钟'],
    [90 * MIN, '1 小时 30 分钟'],
    [72 * HOUR, '3 天'],
    [3 * DAY + HOUR, '3 天 1 小时'],
    [-10 * MIN, '10 分钟'],
  ])('%i ms is "%s" in Chinese', (duration, text) => {
    expect(roughDuration(duration, 'zh-Hans')).toBe(text);
  });
});
