// Builders for the governance checks (notices*.ts, incidents.ts, statistics*.ts): valid InterruptionNoticeRequests,
// NoticeResponses and SecurityIncidents, relative to the target's current time and with unique identifiers, the
// helpers that post them and compare what comes back, and for the statistics the request for a period and the
// exchanges the harness makes first so that the figures have something to count (a shipment for a carrier target,
// a push of two tracking events for a platform target). The harness always plays the counterparty of the target: the
// issuer of a notice the target receives, the reporter of an incident the target receives. Every rule the checks
// expect comes from schemas/notice-rules.ts, shared with the reference mock.
import { randomBytes } from 'node:crypto';
import { effectiveSeverity, severityRank } from '../../schemas/notice-rules.ts';
import { schemaByName, type InterruptionNotice, type InterruptionNoticeRequest, type NoticeResponse, type SecurityIncident, type SharingStatistics } from '../../schemas/src/index.ts';
import type { ImpactSeverity, InterruptionReason, Respondent } from '../../schemas/src/notices.ts';
import { violations } from '../../schemas/validate.ts';
import type { SigningKey } from '../../protocol/index.ts';
import type { HttpResponse } from '../harness/client.ts';
import type { TestContext } from '../harness/context.ts';
import { is2xx, pushBatch, sendPush, trajectoryEvents } from './pushes.ts';
import { HARNESS_CARRIER_CODE } from './requests.ts';
import { createShipment, minimalShipmentRequest, personalDataOf, postShipment } from './shipping-data.ts';
import { timestamp } from './time.ts';

export const HOUR = 3600;
export const DAY = 24 * HOUR;
export const NOTICES_PATH = '/v1/interruption-notices';

const shortId = (): string => randomBytes(6).toString('hex');

/** The path of a notice's copy. */
export const noticePath = (noticeId: string): string => `${NOTICES_PATH}/${encodeURIComponent(noticeId)}`;
export const responsesPath = (noticeId: string): string => `${noticePath(noticeId)}/responses`;

/** The target's clock, to the second: every time in a built body is a whole number of seconds from it. */
const baseSecond = (t: TestContext): number => Math.floor(t.targetNow() / 1000) * 1000;

/** The party the harness plays (the target's counterparty) and the target as the claim names it. */
export function parties(t: TestContext): { harness: InterruptionNoticeRequest['issuer']; target: InterruptionNoticeRequest['recipient'] } {
  const name = t.claim?.party.name ?? `${t.role === 'carrier' ? 'Carrier' : 'Platform'} under test`;
  const target: InterruptionNoticeRequest['recipient'] =
    t.role === 'carrier' ? { name, role: 'carrier', carrierCode: t.claim?.party.carrierCode ?? 'UNKNOWN' } : { name, role: 'platform' };
  const harness: InterruptionNoticeRequest['issuer'] =
    t.role === 'carrier' ? { name: 'ECDX conformance harness', role: 'platform' } : { name: 'ECDX conformance harness', role: 'carrier', carrierCode: HARNESS_CARRIER_CODE };
  return { harness, target };
}

export interface NoticeSpec {
  reason?: InterruptionReason;
  /** plannedStart − issuedAt, in seconds; default: the reason's minimum plus a day. */
  leadSeconds?: number;
  /** plannedEnd − plannedStart, in seconds; `null` leaves plannedEnd out (indefinite). Default one hour. */
  durationSeconds?: number | null;
  /** Default: the least severity the rules allow (so the notice is acceptable). */
  severity?: ImpactSeverity;
  shipmentsPerDay?: number;
  /**
   * The planned public disclosure: `auto` (default) plans one at issuedAt when the effective severity requires it,
   * `none` leaves it out, a number plans it that many seconds after plannedStart (negative: before).
   */
  disclosure?: 'auto' | 'none' | { afterStartSeconds: number } | { afterIssuedSeconds: number };
  /** issuedAt relative to the target's clock, in seconds (negative: back-dated). */
  issuedAtOffsetSeconds?: number;
  /** Make issuer and recipient the same role (ECDX-NTC-007). */
  sameRole?: boolean;
}

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
  const issued = baseSecond(t) + (spec.issuedAtOffsetSeconds ?? 0) * 1000;
  const start = issued + (spec.leadSeconds ?? DEFAULT_LEAD[reason]) * 1000;
  const duration = spec.durationSeconds === undefined ? HOUR : spec.durationSeconds;
  const { harness, target } = parties(t);
  const recipient = spec.sameRole ? (harness.role === 'platform' ? { name: 'Another platform', role: 'platform' as const } : { name: 'Another carrier', role: 'carrier' as const, carrierCode: 'ECDXOTHER' }) : target;
  const notice: InterruptionNoticeRequest = {
    noticeId: `ecdx-conf-ntc-${shortId()}`,
    issuer: harness,
    recipient,
    affectedFeeds: t.role === 'carrier' ? ['SHIPPING_DATA'] : ['PARCEL_DATA_PUSH'],
    reason,
    reasonDetail: `一致性测试通知(${reason})`,
    issuedAt: timestamp(issued),
    plannedStart: timestamp(start),
    ...(duration === null ? {} : { plannedEnd: timestamp(start + duration * 1000) }),
    impact: { severity: 'MINOR', estimatedShipmentsPerDay: spec.shipmentsPerDay ?? 10, affectedUsers: '测试商家', mitigation: '中断结束后补传全部数据' },
  };
  // The least severity the rules allow, unless the spec declares one.
  notice.impact.severity = spec.severity ?? effectiveSeverity(notice);
  const disclosure = spec.disclosure ?? 'auto';
  const plannedAt =
    disclosure === 'auto' ? (severityRank(effectiveSeverity(notice)) >= severityRank('SIGNIFICANT') ? issued : undefined)
    : disclosure === 'none' ? undefined
    : 'afterStartSeconds' in disclosure ? start + disclosure.afterStartSeconds * 1000
    : issued + disclosure.afterIssuedSeconds * 1000;
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
      const start = Date.parse(notice.plannedStart) + DAY * 1000;
      response = { ...base, type, comment: '建议推迟一天(一致性测试)', proposal: { plannedStart: timestamp(start), plannedEnd: timestamp(start + HOUR * 1000) } };
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
  /** How long ago the incident was detected, in seconds (default 60). */
  detectedAgoSeconds?: number;
  emergencyPlanActivated?: boolean;
  severity?: SecurityIncident['severity'];
  authoritiesNotified?: SecurityIncident['authoritiesNotified'];
  incidentId?: string;
}

/** A valid SecurityIncident reported by the harness (the target's counterparty), sent now. */
export function buildIncident(t: TestContext, spec: IncidentSpec = {}): SecurityIncident {
  const now = baseSecond(t);
  const detected = now - (spec.detectedAgoSeconds ?? 60) * 1000;
  const activated = spec.emergencyPlanActivated ?? true;
  const incident: SecurityIncident = {
    incidentId: spec.incidentId ?? `ecdx-conf-inc-${shortId()}`,
    reportedBy: parties(t).harness,
    detectedAt: timestamp(detected),
    occurredAt: timestamp(detected - 30 * 60_000),
    reportedAt: timestamp(now),
    category: 'CREDENTIAL_COMPROMISE',
    severity: spec.severity ?? 'GENERAL',
    summary: '一致性测试:测试环境中的一个推送签名密钥已吊销并轮换。',
    affectedDataCategories: ['CREDENTIALS'],
    estimatedRecords: 0,
    affectedFeeds: ['PARCEL_DATA_PUSH'],
    emergencyPlanActivated: activated,
    ...(activated ? { emergencyPlanActivatedAt: timestamp(detected + 60_000) } : {}),
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
  t.precondition(response.status === 201, `POST ${NOTICES_PATH} with a valid ${notice.reason} notice was answered ${response.status}, not 201, so there is no notice to work with`);
  return notice;
}

/** GET the copy; precondition-failed unless it is 200 and a valid InterruptionNotice (that is ECDX-NTC-009's). */
export async function readNotice(t: TestContext, noticeId: string, why: string): Promise<InterruptionNotice> {
  const response = await t.http.get(noticePath(noticeId));
  t.precondition(response.status === 200, `GET ${NOTICES_PATH}/{noticeId} (${why}) was answered ${response.status}, not 200`);
  t.precondition(violations(schemaByName('InterruptionNotice'), response.json, 1).length === 0, `GET ${NOTICES_PATH}/{noticeId} (${why}) did not answer a valid InterruptionNotice`);
  return response.json as InterruptionNotice;
}

// --- comparing ----------------------------------------------------------------------------------------

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The first JSON Pointer at which `actual` differs from `expected`, or undefined when they have the same content.
 * Two timestamps are the same when they denote the same instant (a holder may write another UTC offset).
 */
export function firstDifference(expected: unknown, actual: unknown, pointer = ''): string | undefined {
  if (typeof expected === 'string' && typeof actual === 'string' && TIMESTAMP.test(expected) && TIMESTAMP.test(actual)) {
    return Date.parse(expected) === Date.parse(actual) ? undefined : pointer || '/';
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return pointer || '/';
    for (let i = 0; i < expected.length; i++) {
      const found = firstDifference(expected[i], actual[i], `${pointer}/${i}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return pointer || '/';
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = new Set([...Object.keys(e), ...Object.keys(a)].filter((k) => e[k] !== undefined || a[k] !== undefined));
    for (const key of [...keys].sort()) {
      const found = firstDifference(e[key], a[key], `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return Object.is(expected, actual) ? undefined : pointer || '/';
}

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

/** A duration for messages: "72 h", "30 d", "72 h − 1 s". */
export function describeSeconds(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(seconds);
  for (const [unit, size] of [['d', DAY], ['h', HOUR]] as const) {
    if (s >= size && s % size === 0) return `${sign}${s / size} ${unit}`;
    if (s >= size && (s + 1) % size === 0) return `${sign}${(s + 1) / size} ${unit} − 1 s`;
    if (s >= size && (s - 1) % size === 0) return `${sign}${(s - 1) / size} ${unit} + 1 s`;
  }
  return `${sign}${s} s`;
}

// --- statistics ---------------------------------------------------------------------------------------

export const STATISTICS_PATH = '/v1/statistics/sharing';
const SECOND_MS = 1000;

/** `ms` in UTC (`…Z`), whole seconds: the other notation ECDX allows, so that a target must read offsets. */
export const utc = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** The path of a statistics request; a parameter given as undefined is left out. */
export function statisticsPath(from: string | undefined, to: string | undefined): string {
  const query = [from === undefined ? undefined : `from=${encodeURIComponent(from)}`, to === undefined ? undefined : `to=${encodeURIComponent(to)}`].filter(Boolean);
  return `${STATISTICS_PATH}${query.length ? `?${query.join('&')}` : ''}`;
}

/** GET the statistics for a period (signed with the run's key or `sign`). */
export const getStatistics = (t: TestContext, from: string, to: string, sign?: SigningKey): Promise<HttpResponse> =>
  t.http.get(statisticsPath(from, to), sign ? { sign } : {});

/** The statistics for a period, or precondition-failed unless 200 and a valid SharingStatistics (ECDX-STA-001's question). */
export async function readStatistics(t: TestContext, from: string, to: string, why: string, sign?: SigningKey): Promise<SharingStatistics> {
  const response = await getStatistics(t, from, to, sign);
  t.precondition(response.status === 200, `GET ${STATISTICS_PATH} (${why}) was answered ${response.status}, not 200 (ECDX-STA-001)`);
  const found = violations(schemaByName('SharingStatistics'), response.json, 3);
  t.precondition(found.length === 0, `GET ${STATISTICS_PATH} (${why}) did not answer a valid SharingStatistics (${found.map((v) => `${v.pointer || '/'} ${v.message}`).join('; ')})`);
  return response.json as SharingStatistics;
}

export interface Exchanges {
  /** A period around the exchanges: from a second before the first to a second after the last. */
  from: string;
  to: string;
  /** When the last exchange completed (target's clock, epoch ms). */
  completedAt: number;
  /** What the figures must count at least, and how to read it from them. */
  expected: { label: string; count: (s: SharingStatistics) => number; atLeast: number }[];
  /** Identifiers and personal data the harness sent, which the statistics must never repeat. */
  secrets: { kind: string; value: string }[];
}

/**
 * Exchanges the target's figures must count, made now by the harness (the run's key unless `sign` says otherwise):
 * for a carrier, `shipments` accepted shipments (and, with `rejected`, one invalid one, which only the consistency
 * check needs and nothing asserts is refused or counted); for a platform, one push of two tracking events. The check ends
 * precondition-failed when the target does not take them: that is another area's question.
 */
export async function makeExchanges(t: TestContext, options: { shipments?: number; rejected?: boolean; sign?: SigningKey } = {}): Promise<Exchanges> {
  const started = Math.floor(t.targetNow() / 1000) * 1000 - SECOND_MS;
  const secrets: Exchanges['secrets'] = [];
  let expected: Exchanges['expected'];
  if (t.role === 'carrier') {
    const count = options.shipments ?? 1;
    for (let i = 0; i < count; i++) {
      const created = await createShipment(t, undefined, options.sign ? { sign: options.sign } : {});
      secrets.push({ kind: 'waybill number', value: created.waybillNo });
      for (const datum of personalDataOf(created.request)) secrets.push({ kind: datum.kind, value: datum.value });
    }
    // A refusal to count (whether the target does refuse it is the shipping checks' question, not this one's).
    if (options.rejected) await postShipment(t, minimalShipmentRequest(t, { package: { count: 0 } }), options.sign ? { sign: options.sign } : {});
    expected = [
      { label: 'shipments.received', count: (s) => s.shipments.received, atLeast: count },
      { label: 'shipments.accepted', count: (s) => s.shipments.accepted, atLeast: count },
    ];
  } else {
    const events = trajectoryEvents(t, [1, 2]);
    const response = await sendPush(t, { body: pushBatch(t, events) });
    t.precondition(is2xx(response), `a correctly signed push of two tracking events was answered ${response.status}, not 2xx, so the platform has received nothing to count`);
    secrets.push({ kind: 'waybill number', value: events[0]!.waybillNo });
    expected = [
      { label: 'trackingEvents.provided', count: (s) => s.trackingEvents.provided, atLeast: events.length },
      { label: 'pushes.delivered', count: (s) => s.pushes.delivered, atLeast: 1 },
    ];
  }
  const completedAt = t.targetNow();
  return { from: timestamp(started), to: timestamp(Math.ceil(completedAt / 1000) * 1000 + SECOND_MS), completedAt, expected, secrets };
}

/** The expected figures that `stats` does not reach yet: "shipments.received 0 < 1". */
export const shortfalls = (exchanges: Exchanges, stats: SharingStatistics): string[] =>
  exchanges.expected.filter((e) => e.count(stats) < e.atLeast).map((e) => `${e.label} ${e.count(stats)} < ${e.atLeast}`);

/** Every string leaf of a JSON value, with its pointer. */
export function stringLeaves(value: unknown, pointer = ''): { pointer: string; value: string }[] {
  if (typeof value === 'string') return [{ pointer, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, `${pointer}/${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => stringLeaves(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return [];
}

/**
 * A token that reads like the identifier of a parcel: 8–32 upper-case letters and digits (a WaybillNumber)
 * holding at least six digits. Carrier codes (letters) and timestamps (separated digits) never match.
 */
export function waybillLikeToken(text: string): string | undefined {
  for (const token of text.split(/[^A-Z0-9]+/)) {
    if (token.length >= 8 && token.length <= 32 && (token.match(/\d/g)?.length ?? 0) >= 6) return token;
  }
  return undefined;
}
