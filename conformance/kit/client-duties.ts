// The client duties, judged on the requests a client sent the harness's judging counterparty
// (conformance/harness/counterparty/). Each judge is a pure function of what arrived and returns findings — what is
// wrong and where — so that a check run through the test actions and `ecdx serve` judging a client by hand say the
// same thing about the same request.
import { checkNewNotice } from '../../schemas/notice-rules.ts';
import type { InterruptionNoticeRequest, SecurityIncident } from '../../schemas/src/index.ts';
import { violations } from '../../schemas/validate.ts';
import { HOUR, SECOND } from '../../schemas/time.ts';
import type { ClientRequest } from '../harness/counterparty/server.ts';
import type { Finding } from '../harness/context.ts';
import { scanForLeaks } from '../harness/privacy-scan.ts';
import type { Bilingual } from '../i18n/text.ts';
import { M } from './messages.ts';
import { violationText } from '../harness/violations.ts';

/** `POST /v1/shipments` as a finding names a request. */
export const describeRequest = (request: Pick<ClientRequest, 'method' | 'path'>): string => `${request.method} ${request.path}`;

/** The creating requests (ECDX-IDM-001): the POSTs of the standard that create something. */
const CREATING = new Set([
  'createShipment',
  'cancelShipment',
  'createSubscription',
  'receiveInterruptionNotice',
  'respondToInterruptionNotice',
  'receiveSecurityIncident',
]);
export const isCreating = (request: Pick<ClientRequest, 'operationId'>): boolean => request.operationId !== undefined && CREATING.has(request.operationId);

/** ECDX-SEC-001: every request but discovery signed per the profile with the client's registered key, its digest true. */
export function signatureFindings(requests: readonly ClientRequest[]): Finding[] {
  const findings: Finding[] = [];
  for (const request of requests) {
    if (request.signature.kind === 'refused') {
      findings.push({
        message: M.requestDetail({
          request: describeRequest(request),
          seq: request.seq,
          detail: { en: request.signature.detail, 'zh-Hans': request.signature.detailZh },
        }),
        requirementId: 'ECDX-SEC-001',
      });
    } else if (request.digestProblem) {
      findings.push({
        message: M.requestDetail({
          request: describeRequest(request),
          seq: request.seq,
          detail: { en: request.digestProblem, 'zh-Hans': request.digestProblemZh ?? request.digestProblem },
        }),
        requirementId: 'ECDX-SEC-001',
      });
    }
  }
  return findings;
}

/** An Idempotency-Key as ECDX-IDM-001 defines it: 1 to 255 visible ASCII characters. */
const KEY_FORM = /^[\x21-\x7e]{1,255}$/;

/**
 * ECDX-IDM-001 over a client's creating requests: each carries a key of the right form, and a key seen before comes
 * again only with the same body (a repeat of the same request); a new request with an old key is a reuse.
 */
export function idempotencyKeyFindings(requests: readonly ClientRequest[]): Finding[] {
  const findings: Finding[] = [];
  const firstBody = new Map<string, { body: string; seq: number }>();
  for (const request of requests.filter(isCreating)) {
    const key = request.headers['idempotency-key'];
    if (key === undefined) {
      findings.push({ message: M.noKey({ request: describeRequest(request), seq: request.seq }), requirementId: 'ECDX-IDM-001' });
      continue;
    }
    if (!KEY_FORM.test(key)) {
      findings.push({ message: M.keyForm({ request: describeRequest(request), seq: request.seq }), requirementId: 'ECDX-IDM-001' });
      continue;
    }
    const body = request.body.toString('utf8');
    const earlier = firstBody.get(key);
    if (!earlier) firstBody.set(key, { body, seq: request.seq });
    else if (earlier.body !== body) {
      findings.push({ message: M.keyReused({ request: describeRequest(request), seq: request.seq, earlier: earlier.seq }), requirementId: 'ECDX-IDM-001' });
    }
  }
  return findings;
}

/** ECDX-IDM-011: the request sent again after `first` was answered as it was carries the same key and the same body. */
export function retryFindings(first: ClientRequest, retry: ClientRequest): Finding[] {
  const findings: Finding[] = [];
  const which = { seq: retry.seq, first: first.seq, status: first.answer.status };
  if (retry.headers['idempotency-key'] !== first.headers['idempotency-key']) {
    findings.push({ message: M.retryOtherKey(which), requirementId: 'ECDX-IDM-011' });
  }
  if (!retry.body.equals(first.body)) findings.push({ message: M.retryOtherBody(which), requirementId: 'ECDX-IDM-011' });
  return findings;
}

/**
 * Timers fire up to a millisecond early and the harness stamps an arrival a little after the answer left; the client
 * measures from the answer's arrival, later still. What is shorter than Retry-After by more than this was not waited.
 */
export const RETRY_AFTER_SLACK_MS = 50;

/** ECDX-ERR-013: the request came again no sooner than the Retry-After (delay-seconds) its first answer named. */
export function retryAfterFindings(answered: ClientRequest, next: ClientRequest): Finding[] {
  const seconds = Number(answered.answer.headers['retry-after']);
  if (!Number.isInteger(seconds)) throw new Error('the scripted answer names no Retry-After in delay-seconds');
  const waited = next.receivedAt - answered.receivedAt;
  if (waited >= seconds * SECOND - RETRY_AFTER_SLACK_MS) return [];
  return [
    {
      message: M.retriedTooSoon({ next: next.seq, waited, answered: answered.seq, status: answered.answer.status, seconds }),
      requirementId: 'ECDX-ERR-013',
    },
  ];
}

/** Bits a key of this text can carry at most: its length times the bits of the smallest alphabet that writes it. */
export function keyBits(key: string): number {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.exec(key);
  // A version-4 UUID is the standard's own example of enough randomness (122 random bits).
  if (uuid) return uuid[1] === '4' ? 128 : 0;
  let alphabet = 0;
  if (/[0-9]/.test(key)) alphabet += 10;
  if (/[a-z]/.test(key)) alphabet += 26;
  if (/[A-Z]/.test(key)) alphabet += 26;
  if (/[^0-9a-zA-Z]/.test(key)) alphabet += 32;
  return alphabet <= 1 ? 0 : key.length * Math.log2(alphabet);
}

/** The personal data and identifiers a request carries, as strings of at least 6 characters: what a key must not be made of. */
function valuesOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && value.length >= 6) out.push(value);
  else if (Array.isArray(value)) for (const item of value) valuesOf(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) valuesOf(item, out);
  return out;
}

/**
 * ECDX-IDM-009 by what keys show (randomness itself cannot be proven from a few): each key has room for 128 bits, no
 * two keys differ only in a short tail (a counter), and none carries a value of its request's body.
 */
export function keyRandomnessFindings(requests: readonly ClientRequest[]): Finding[] {
  const findings: Finding[] = [];
  const keyed = requests.filter((r) => isCreating(r) && r.headers['idempotency-key'] !== undefined);
  const distinct = new Map<string, ClientRequest>();
  for (const request of keyed) if (!distinct.has(request.headers['idempotency-key']!)) distinct.set(request.headers['idempotency-key']!, request);
  for (const [key, request] of distinct) {
    const bits = keyBits(key);
    if (bits < 128) findings.push({ message: M.keyTooShort({ seq: request.seq, bits: Math.floor(bits) }), requirementId: 'ECDX-IDM-009' });
    const carried = valuesOf(request.json).find((value) => key.includes(value));
    if (carried !== undefined) findings.push({ message: M.keyCarriesValue({ seq: request.seq }), requirementId: 'ECDX-IDM-009' });
  }
  const keys = [...distinct.keys()];
  for (let i = 1; i < keys.length; i++) {
    const [a, b] = [keys[i - 1]!, keys[i]!];
    let shared = 0;
    while (shared < Math.min(a.length, b.length) && a[shared] === b[shared]) shared++;
    if (keyBits(b.slice(shared)) < 64 && keyBits(b) >= 0) {
      findings.push({
        message: M.keysDifferInTail({ a: distinct.get(a)!.seq, b: distinct.get(b)!.seq, n: b.length - shared }),
        requirementId: 'ECDX-IDM-009',
      });
    }
  }
  return findings;
}

/**
 * ECDX-TRK-021 over the page requests of one waybill: each page that named a nextCursor was followed by a request
 * with that cursor. Returns the findings and how many pages were read.
 */
export function cursorFindings(pages: readonly ClientRequest[]): Finding[] {
  const findings: Finding[] = [];
  const asked = new Set(pages.map((p) => p.query.get('cursor')).filter((c): c is string => c !== null));
  for (const page of pages) {
    if (page.answer.status !== 200) continue;
    const next = (JSON.parse(page.answer.body || '{}') as { nextCursor?: string }).nextCursor;
    if (next !== undefined && !asked.has(next)) {
      findings.push({ message: M.cursorNotFollowed({ seq: page.seq }), requirementId: 'ECDX-TRK-021' });
    }
  }
  return findings;
}

/**
 * ECDX-PRV-011 on shipping data a platform sent: nothing ShipmentRequest does not define (its closed objects), and no
 * identity document number hidden in a member it does define.
 */
export function shippingDataFindings(request: ClientRequest): Finding[] {
  const findings: Finding[] = violations('ShipmentRequest', request.json)
    // TypeBox words an undefined member of a closed object so; every other violation is the 422's, not a leak.
    .filter((v) => /unexpected property/i.test(v.message))
    .map((v) => ({
      message: M.undefinedMember({ pointer: v.pointer || '/' }),
      pointer: v.pointer,
      requirementId: 'ECDX-PRV-011',
    }));
  for (const leak of scanForLeaks(request.json)) {
    if (leak.kind !== 'resident-id') continue;
    findings.push({ message: M.identityNumber({ pointer: leak.pointer }), pointer: leak.pointer, requirementId: 'ECDX-PRV-011' });
  }
  return findings;
}

/** The first violations of `schema` in what the client sent, as findings of the duty whose message it is. */
function invalidAs(request: ClientRequest, schema: string, what: Bilingual, requirementId: string): Finding[] {
  return violations(schema, request.json, 5).map((v) => ({
    // The validator's own words name the member and the keyword: they stay as it wrote them.
    message: M.invalidAs({ what, schema, violation: violationText(v) }),
    pointer: v.pointer,
    requirementId,
  }));
}

/** ECDX-NTC-002 on a notice a client issued, received at `receivedAt` (the client's clock): its lead time and severity. */
export function noticeFindings(request: ClientRequest, receivedAt: number): Finding[] {
  const invalid = invalidAs(request, 'InterruptionNoticeRequest', M.theNotice(), 'ECDX-NTC-002');
  if (invalid.length > 0) return invalid;
  const framed = { 'notice-lead-time-too-short': M.noticeLeadTimeTooShort, 'notice-severity-understated': M.noticeSeverityUnderstated };
  return checkNewNotice(request.json as InterruptionNoticeRequest, new Date(receivedAt)).flatMap((p) =>
    p.problemSlug === 'notice-lead-time-too-short' || p.problemSlug === 'notice-severity-understated'
      ? [
          {
            // The rule's reason as it words it, in each language (the English where it gives no Chinese).
            message: framed[p.problemSlug]({ detail: { en: p.detail, 'zh-Hans': p.detailZh ?? p.detail } }),
            pointer: p.pointer,
            requirementId: 'ECDX-NTC-002',
          },
        ]
      : [],
  );
}

/** How long after detecting an incident the notification may come (ECDX-INC-002). */
export const INCIDENT_NOTIFICATION_HOURS = 24;

/** ECDX-INC-002 on an incident notification received at `receivedAt` (the client's clock): valid, within 24 h of detection. */
export function incidentFindings(request: ClientRequest, receivedAt: number): Finding[] {
  const invalid = invalidAs(request, 'SecurityIncident', M.theNotification(), 'ECDX-INC-002');
  if (invalid.length > 0) return invalid;
  const detected = Date.parse((request.json as SecurityIncident).detectedAt);
  const late = receivedAt - detected - INCIDENT_NOTIFICATION_HOURS * HOUR;
  return late > 0
    ? [
        {
          message: M.notificationLate({ hours: Math.round((receivedAt - detected) / HOUR), max: INCIDENT_NOTIFICATION_HOURS }),
          pointer: '/detectedAt',
          requirementId: 'ECDX-INC-002',
        },
      ]
    : [];
}
