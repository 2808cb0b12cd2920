import { afterEach, describe, expect, it } from 'vitest';
import { obligations } from '../../schemas/notice-rules.ts';
import type { InterruptionNotice, InterruptionNoticeRequest, NoticeResponse } from '../../schemas/src/index.ts';
import { DAY, HOUR, MINUTE, SECOND, wholeSecond } from '../../schemas/time.ts';
import { violations } from '../../schemas/validate.ts';
import { PreconditionFailed } from '../harness/check.ts';
import { scriptedClaim, scriptedContext, type Script } from '../harness/scripted-target.ts';
import {
  asPosted,
  buildIncident,
  buildNotice,
  buildResponse,
  issueNotice,
  locationNames,
  NOTICES_PATH,
  noticePath,
  postNotice,
  readNotice,
  responsesPath,
} from './notices.ts';
import { verbatim } from '../i18n/text.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A context towards a target of `role` (the claim names it), answering with `script`. */
function target(role: 'carrier' | 'platform', script?: Script) {
  const scripted = scriptedContext({ role, claim: scriptedClaim(role), ...(script ? { script } : {}) });
  close = scripted.close;
  return scripted;
}

/** The milliseconds from one timestamp of a notice to another. */
const between = (from: string | undefined, to: string | undefined): number => Date.parse(to ?? '') - Date.parse(from ?? '');

/** The copy a correct holder keeps of `notice`, just received. */
const copyOf = (notice: InterruptionNoticeRequest): InterruptionNotice => ({
  ...notice,
  negotiation: { state: 'ISSUED', responses: [], obligations: obligations(notice, 'ISSUED') },
  receivedAt: notice.issuedAt,
});

const preconditions = (evidence: readonly { kind: string; passed?: boolean; message?: string }[]) =>
  evidence.filter((e) => e.kind === 'assertion' && !e.passed).map((e) => e.message);

describe('kit/notices', () => {
  it("writes the paths of a notice's copy and its responses, the noticeId escaped", () => {
    expect(NOTICES_PATH).toBe('/v1/interruption-notices');
    expect(noticePath('ntc 1/a')).toBe('/v1/interruption-notices/ntc%201%2Fa');
    expect(responsesPath('ntc-1')).toBe('/v1/interruption-notices/ntc-1/responses');
  });

  it('builds a MINOR maintenance notice from the harness to a carrier target, a day beyond the lead time', () => {
    const { t } = target('carrier');
    const notice = buildNotice(t);
    expect(violations('InterruptionNoticeRequest', notice)).toEqual([]);
    expect({ issuer: notice.issuer, recipient: notice.recipient, feeds: notice.affectedFeeds, severity: notice.impact.severity }).toEqual({
      issuer: { name: 'ECDX conformance harness', role: 'platform' },
      recipient: { name: 'Scripted Carrier', role: 'carrier', carrierCode: 'ECDXDEMO' },
      feeds: ['SHIPPING_DATA'],
      severity: 'MINOR',
    });
    expect(Math.abs(Date.parse(notice.issuedAt) - t.targetNow())).toBeLessThan(2 * SECOND);
    expect(Date.parse(notice.issuedAt) % SECOND).toBe(0);
    expect([between(notice.issuedAt, notice.plannedStart), between(notice.plannedStart, notice.plannedEnd)]).toEqual([4 * DAY, HOUR]);
    expect(notice.publicDisclosure).toBeUndefined();
    expect(buildNotice(t).noticeId).not.toBe(notice.noticeId);
  });

  it('plays the carrier towards a platform target', () => {
    const notice = buildNotice(target('platform').t);
    expect([notice.issuer, notice.recipient.role, notice.affectedFeeds]).toEqual([
      { name: 'ECDX conformance harness', role: 'carrier', carrierCode: 'ECDXDEMO' },
      'platform',
      ['PARCEL_DATA_PUSH'],
    ]);
  });

  it('places every time of a notice as the spec says, in milliseconds', () => {
    const { t } = target('carrier');
    const before = wholeSecond(t.targetNow());
    const late = buildNotice(t, {
      reason: 'SECURITY_INCIDENT',
      leadMs: -2 * HOUR,
      durationMs: null,
      issuedAtOffsetMs: -200 * SECOND,
      disclosure: { afterIssuedMs: DAY },
    });
    const after = wholeSecond(t.targetNow());
    const issuedThen = Date.parse(late.issuedAt) + 200 * SECOND;
    expect(issuedThen >= before && issuedThen <= after, 'issuedAt lies 200 s before the second the notice was built in').toBe(true);
    expect(between(late.issuedAt, late.plannedStart)).toBe(-2 * HOUR);
    expect(late.plannedEnd).toBeUndefined();
    expect(between(late.issuedAt, late.publicDisclosure?.plannedAt)).toBe(DAY);
    const significant = buildNotice(t, { durationMs: 2 * HOUR + SECOND });
    expect([significant.impact.severity, between(significant.issuedAt, significant.publicDisclosure?.plannedAt)]).toEqual(['SIGNIFICANT', 0]);
    const disclosedLate = buildNotice(t, { durationMs: 3 * HOUR, disclosure: { afterStartMs: SECOND } });
    expect(between(disclosedLate.plannedStart, disclosedLate.publicDisclosure?.plannedAt)).toBe(SECOND);
    expect(buildNotice(t, { durationMs: 3 * HOUR, disclosure: 'none', severity: 'SERIOUS', shipmentsPerDay: 5 }).impact).toMatchObject({
      severity: 'SERIOUS',
      estimatedShipmentsPerDay: 5,
    });
    expect(buildNotice(t, { sameRole: true }).recipient).toEqual({ name: 'Another platform', role: 'platform' });
  });

  it("builds the issuer's responses, a proposal a day later for an hour", () => {
    const { t } = target('carrier');
    const notice = buildNotice(t);
    const response = buildResponse(t, notice, 'PROPOSE');
    expect(response.respondent).toBe('ISSUER');
    const { plannedStart, plannedEnd } = (response as Extract<NoticeResponse, { type: 'PROPOSE' }>).proposal;
    expect([between(notice.plannedStart, plannedStart), between(plannedStart, plannedEnd)]).toEqual([DAY, HOUR]);
    const member = (type: NoticeResponse['type'], name: string) => (buildResponse(t, notice, type) as unknown as Record<string, Record<string, unknown>>)[name];
    expect(member('AUTHORITY_REPORTED', 'authorityReport')?.['authorities']).toEqual(['COMMERCE', 'POSTAL']);
    expect(member('DISCLOSED', 'disclosure')?.['channels']).toEqual(['WEBSITE']);
    const acknowledged = buildResponse(t, notice, 'ACKNOWLEDGE', 'RECIPIENT');
    expect(Object.keys(acknowledged).sort()).toEqual(['respondedAt', 'respondent', 'responseId', 'type']);
    expect(acknowledged.respondent).toBe('RECIPIENT');
  });

  it('builds an incident detected a minute ago by default, or as the spec says', () => {
    const { t } = target('platform');
    const incident = buildIncident(t);
    expect(violations('SecurityIncident', incident)).toEqual([]);
    expect(incident.reportedBy).toEqual({ name: 'ECDX conformance harness', role: 'carrier', carrierCode: 'ECDXDEMO' });
    expect([
      between(incident.detectedAt, incident.reportedAt),
      between(incident.occurredAt, incident.detectedAt),
      between(incident.detectedAt, incident.emergencyPlanActivatedAt),
    ]).toEqual([MINUTE, 30 * MINUTE, MINUTE]);
    const late = buildIncident(t, { detectedAgoMs: 3 * DAY, emergencyPlanActivated: false, incidentId: 'ecdx-conf-inc-1', severity: 'LARGER' });
    expect([between(late.detectedAt, late.reportedAt), late.emergencyPlanActivatedAt, late.incidentId, late.severity]).toEqual([
      3 * DAY,
      undefined,
      'ecdx-conf-inc-1',
      'LARGER',
    ]);
  });

  it('posts a notice, and issues one only when the target answers 201', async () => {
    const accepting = target('carrier', (request) => ({ status: 201, json: copyOf(JSON.parse(request.body)) }));
    const notice = await issueNotice(accepting.t, { reason: 'SYSTEM_CHANGE' });
    expect(accepting.requests.map((r) => [r.method, r.path, JSON.parse(r.body).noticeId])).toEqual([['POST', NOTICES_PATH, notice.noticeId]]);
    expect((await postNotice(accepting.t, notice)).status).toBe(201);
    await close?.();
    const refusing = target('carrier', () => ({ status: 422, json: {} }));
    await expect(issueNotice(refusing.t)).rejects.toThrow(PreconditionFailed);
    expect(preconditions(refusing.t.evidence)).toMatchInlineSnapshot(`
      [
        "precondition: POST /v1/interruption-notices with a valid PLANNED_MAINTENANCE notice was answered 422, not 201, so there is no notice to work with",
      ]
    `);
  });

  it('reads a copy back, and ends the check precondition-failed unless it is a valid InterruptionNotice', async () => {
    const notice = buildNotice(target('carrier').t);
    await close?.();
    const holding = target('carrier', () => ({ status: 200, json: copyOf(notice) }));
    const copy = await readNotice(holding.t, notice.noticeId, verbatim('to test'));
    expect(holding.requests[0]?.path).toBe(noticePath(notice.noticeId));
    expect(asPosted(copy)).toEqual(notice);
    await close?.();
    const invalid = target('carrier', () => ({ status: 200, json: notice }));
    await expect(readNotice(invalid.t, notice.noticeId, verbatim('to test'))).rejects.toThrow(PreconditionFailed);
    await close?.();
    const missing = target('carrier', () => ({ status: 404, json: {} }));
    await expect(readNotice(missing.t, notice.noticeId, verbatim('to test'))).rejects.toThrow(PreconditionFailed);
    expect([...preconditions(invalid.t.evidence), ...preconditions(missing.t.evidence)]).toMatchInlineSnapshot(`
      [
        "precondition: GET /v1/interruption-notices/{noticeId} (to test) did not answer a valid InterruptionNotice",
        "precondition: GET /v1/interruption-notices/{noticeId} (to test) was answered 404, not 200",
      ]
    `);
  });

  it('knows whether a Location names the copy of a notice', () => {
    expect(locationNames('/v1/interruption-notices/ntc-1', 'ntc-1')).toBe(true);
    expect(locationNames('https://carrier.example/api/v1/interruption-notices/ntc%201', 'ntc 1')).toBe(true);
    expect(locationNames('/v1/interruption-notices/ntc-2', 'ntc-1')).toBe(false);
    expect(locationNames('/v1/shipments/ntc-1', 'ntc-1')).toBe(false);
    expect(locationNames(undefined, 'ntc-1')).toBe(false);
    expect(locationNames('', 'ntc-1')).toBe(false);
  });
});
