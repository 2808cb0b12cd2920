// Builders for the notices and incidents checks (checks/notices/, checks/incidents/): valid
// InterruptionNoticeRequests, NoticeResponses and SecurityIncidents, relative to the target's current time and with
// unique identifiers, and the helpers that post them and read the copy back. The harness always plays the
// counterparty of the target: the issuer of a notice the target receives, the reporter of an incident the target
// receives. Every rule the checks expect comes from schemas/notice-rules.ts, shared with the reference mock (which
// counts in seconds; the specs here are in milliseconds, as every duration of the harness).
// The statistics helpers are kit/statistics.ts's.
import { effectiveSeverity, severityRank } from '../../schemas/notice-rules.ts';
import { schemaByName, type InterruptionNotice, type InterruptionNoticeRequest, type NoticeResponse, type SecurityIncident } from '../../schemas/src/index.ts';
import type { ImpactSeverity, InterruptionReason, Respondent } from '../../schemas/src/notices.ts';
import { wholeSecond } from '../../schemas/time.ts';
import { violations } from '../../schemas/validate.ts';
import type { HttpResponse } from '../harness/client.ts';
import { partyOf } from '../harness/counterparty/answers.ts';
import type { TestContext } from '../harness/context.ts';
import type { Text } from '../i18n/text.ts';
import { shortId } from './ids.ts';
import { M } from './messages.ts';
import { DAY, HOUR, MINUTE, timestamp } from './time.ts';

export const NOTICES_PATH = '/v1/interruption-notices';

/** The path of a notice's copy. */
export const noticePath = (noticeId: string): string => `${NOTICES_PATH}/${encodeURIComponent(noticeId)}`;
export const responsesPath = (noticeId: string): string => `${noticePath(noticeId)}/responses`;

/** The target's clock, to the second: every time in a built body is a whole number of seconds from it. */
const baseSecond = (t: TestContext): number => wholeSecond(t.targetNow());

/** The party the harness plays (the target's counterparty) and the target as the claim names it. */
function parties(t: TestContext): { harness: InterruptionNoticeRequest['issuer']; target: InterruptionNoticeRequest['recipient'] } {
  const name = t.claim?.party.name ?? `${t.role === 'carrier' ? 'Carrier' : 'Platform'} under test`;
  const target: InterruptionNoticeRequest['recipient'] =
    t.role === 'carrier' ? { name, role: 'carrier', carrierCode: t.claim?.party.carrierCode ?? 'UNKNOWN' } : { name, role: 'platform' };
  return { harness: partyOf(t.role === 'carrier' ? 'platform' : 'carrier'), target };
}

/** What a notice built by `buildNotice` looks like; every duration in milliseconds, whole seconds. */
export interface NoticeSpec {
  reason?: InterruptionReason;
  /** plannedStart − issuedAt; default: the reason's minimum plus a day (negative: the notice follows the start). */
  leadMs?: number;
  /** plannedEnd − plannedStart; `null` leaves plannedEnd out (indefinite). Default one hour. */
  durationMs?: number | null;
  /** Default: the least severity the rules allow (so the notice is acceptable). */
  severity?: ImpactSeverity;
  shipmentsPerDay?: number;
  /**
   * The planned public disclosure: `auto` (default) plans one at issuedAt when the effective severity requires it,
   * `none` leaves it out, `afterStartMs` plans it that long after plannedStart (negative: before), `afterIssuedMs`
   * that long after issuedAt.
   */
  disclosure?: 'auto' | 'none' | { afterStartMs: number } | { afterIssuedMs: number };
  /** issuedAt relative to the target's clock (negative: back-dated). */
  issuedAtOffsetMs?: number;
  /** Make issuer and recipient the same role (ECDX-NTC-007). */
  sameRole?: boolean;
}

/** More than the reason's minimum lead time (a day more; an hour for the urgent reasons, which need none), so that a default notice is timely. */
const DEFAULT_LEAD: Record<InterruptionReason, number> = {
  AGREEMENT_EXPIRY: 31 * DAY,
  AGREEMENT_TERMINATION: 31 * DAY,
  PLANNED_MAINTENANCE: 4 * DAY,
  SYSTEM_CHANGE: 8 * DAY,
  OTHER: 8 * DAY,
  SECURITY_INCIDENT: HOUR,
  LEGAL_REQUIREMENT: HOUR,
};

/** A valid InterruptionNoticeRequest from the harness to the target, issued now (or as `spec` says). */
export function buildNotice(t: TestContext, spec: NoticeSpec = {}): InterruptionNoticeRequest {
  const reason = spec.reason ?? 'PLANNED_MAINTENANCE';
  const issued = baseSecond(t) + (spec.issuedAtOffsetMs ?? 0);
  const start = issued + (spec.leadMs ?? DEFAULT_LEAD[reason]);
  const duration = spec.durationMs === undefined ? HOUR : spec.durationMs;
  const { harness, target } = parties(t);
  const recipient = spec.sameRole
    ? harness.role === 'platform'
      ? { name: 'Another platform', role: 'platform' as const }
      : { name: 'Another carrier', role: 'carrier' as const, carrierCode: 'ECDXOTHER' }
    : target;
  const notice: InterruptionNoticeRequest = {
    noticeId: `ecdx-conf-ntc-${shortId()}`,
    issuer: harness,
    recipient,
    affectedFeeds: t.role === 'carrier' ? ['SHIPPING_DATA'] : ['PARCEL_DATA_PUSH'],
    reason,
    reasonDetail: `一致性测试通知(${reason})`,
    issuedAt: timestamp(issued),
    plannedStart: timestamp(start),
    ...(duration === null ? {} : { plannedEnd: timestamp(start + duration) }),
    impact: { severity: 'MINOR', estimatedShipmentsPerDay: spec.shipmentsPerDay ?? 10, affectedUsers: '测试商家', mitigation: '中断结束后补传全部数据' },
  };
  // The least severity the rules allow, unless the spec declares one.
  notice.impact.severity = spec.severity ?? effectiveSeverity(notice);
  const disclosure = spec.disclosure ?? 'auto';
  const plannedAt =
    disclosure === 'auto'
      ? severityRank(effectiveSeverity(notice)) >= severityRank('SIGNIFICANT')
        ? issued
        : undefined
      : disclosure === 'none'
        ? undefined
        : 'afterStartMs' in disclosure
          ? start + disclosure.afterStartMs
          : issued + disclosure.afterIssuedMs;
  if (plannedAt !== undefined) notice.publicDisclosure = { channels: ['WEBSITE', 'MERCHANT_BACKEND'], plannedAt: timestamp(plannedAt) };
  assertValid('InterruptionNoticeRequest', notice);
  return notice;
}

type ResponseType = NoticeResponse['type'];

/** A NoticeResponse of `type`, from the ISSUER (the harness's side) unless `respondent` says otherwise. */
export function buildResponse(t: TestContext, notice: InterruptionNoticeRequest, type: ResponseType, respondent: Respondent = 'ISSUER'): NoticeResponse {
  const now = baseSecond(t);
  const base = { responseId: `ecdx-conf-rsp-${shortId()}`, respondent, respondedAt: timestamp(now) };
  let response: NoticeResponse;
  switch (type) {
    case 'PROPOSE': {
      const start = Date.parse(notice.plannedStart) + DAY;
      response = { ...base, type, comment: '建议推迟一天(一致性测试)', proposal: { plannedStart: timestamp(start), plannedEnd: timestamp(start + HOUR) } };
      break;
    }
    case 'AUTHORITY_REPORTED':
      response = { ...base, type, authorityReport: { authorities: ['COMMERCE', 'POSTAL'], reportedAt: timestamp(now), reference: `ECDX-CONF-${shortId()}` } };
      break;
    case 'DISCLOSED':
      response = { ...base, type, disclosure: { channels: ['WEBSITE'], plannedAt: timestamp(now), url: 'https://example.com/ecdx-conformance/notice' } };
      break;
    default:
      response = { ...base, type };
  }
  assertValid('NoticeResponse', response);
  return response;
}

export interface IncidentSpec {
  /** How long ago the incident was detected (default a minute). */
  detectedAgoMs?: number;
  emergencyPlanActivated?: boolean;
  severity?: SecurityIncident['severity'];
  authoritiesNotified?: SecurityIncident['authoritiesNotified'];
  incidentId?: string;
}

/** A valid SecurityIncident reported by the harness (the target's counterparty), sent now. */
export function buildIncident(t: TestContext, spec: IncidentSpec = {}): SecurityIncident {
  const now = baseSecond(t);
  const detected = now - (spec.detectedAgoMs ?? MINUTE);
  const activated = spec.emergencyPlanActivated ?? true;
  const incident: SecurityIncident = {
    incidentId: spec.incidentId ?? `ecdx-conf-inc-${shortId()}`,
    reportedBy: parties(t).harness,
    detectedAt: timestamp(detected),
    occurredAt: timestamp(detected - 30 * MINUTE),
    reportedAt: timestamp(now),
    category: 'CREDENTIAL_COMPROMISE',
    severity: spec.severity ?? 'GENERAL',
    summary: '一致性测试:测试环境中的一个推送签名密钥已吊销并轮换。',
    affectedDataCategories: ['CREDENTIALS'],
    estimatedRecords: 0,
    affectedFeeds: ['PARCEL_DATA_PUSH'],
    emergencyPlanActivated: activated,
    ...(activated ? { emergencyPlanActivatedAt: timestamp(detected + MINUTE) } : {}),
    measuresTaken: ['吊销并轮换推送签名密钥'],
    authoritiesNotified: spec.authoritiesNotified ?? [],
    contact: { mailbox: 'security@example.com' },
  };
  assertValid('SecurityIncident', incident);
  return incident;
}

function assertValid(schema: string, value: unknown): void {
  const problems = violations(schemaByName(schema), value, 3);
  if (problems.length > 0) throw new Error(`harness bug: the ${schema} it built is invalid: ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`);
}

// --- posting and reading ------------------------------------------------------------------------------

/** POST the notice; the response, whatever it is. */
export const postNotice = (t: TestContext, notice: InterruptionNoticeRequest): Promise<HttpResponse> => t.http.post(NOTICES_PATH, notice);

/**
 * POST a notice the check needs as a starting point. Its acceptance is ECDX-NTC-003's question: here a refusal
 * ends the check precondition-failed.
 */
export async function issueNotice(t: TestContext, spec: NoticeSpec = {}): Promise<InterruptionNoticeRequest> {
  const notice = buildNotice(t, spec);
  const response = await postNotice(t, notice);
  t.precondition(response.status === 201, M.noticeNotAccepted({ path: NOTICES_PATH, reason: notice.reason, status: response.status }));
  return notice;
}

/** GET the copy; precondition-failed unless it is 200 and a valid InterruptionNotice (that is ECDX-NTC-009's). */
export async function readNotice(t: TestContext, noticeId: string, why: Text): Promise<InterruptionNotice> {
  const response = await t.http.get(noticePath(noticeId));
  // The path as the chapter writes it, `{noticeId}` and all: a value of the message, not a parameter of it.
  const path = `${NOTICES_PATH}/{noticeId}`;
  t.precondition(response.status === 200, M.noticeReadAnswered({ path, why, status: response.status }));
  t.precondition(violations(schemaByName('InterruptionNotice'), response.json, 1).length === 0, M.noticeReadInvalid({ path, why }));
  return response.json as InterruptionNotice;
}

// --- comparing (what differs is kit/json.ts's `firstDifference` with `sameInstant`) ------------------------

/** The members of a held copy that the issuer posted (without negotiation and receivedAt). */
export function asPosted(notice: InterruptionNotice): Record<string, unknown> {
  const { negotiation: _negotiation, receivedAt: _receivedAt, ...posted } = notice;
  return posted;
}

/** Whether a Location header names the notice's copy (relative or absolute). */
export function locationNames(location: string | undefined, noticeId: string): boolean {
  if (!location) return false;
  try {
    const path = new URL(location, 'http://target.invalid').pathname;
    return path.endsWith(noticePath(noticeId)) || decodeURIComponent(path).endsWith(`${NOTICES_PATH}/${noticeId}`);
  } catch {
    return false;
  }
}
