// Faults of discovery, health, interruption notices, security incidents and sharing statistics. Each breaks one
// rule of one operation. Those that bend a decision inside a handler (which check runs, what is stored) are switches
// read in mocks/core/operations/{notices,incidents,statistics}.ts; those that only misreport rewrite the answers of
// their operation here.
import type { ConformanceClaim, Health, IncidentReceipt, InterruptionNotice, SharingStatistics } from '../../schemas/src/index.ts';
import { SecurityIncident } from '../../schemas/src/index.ts';
import { violations } from '../../schemas/validate.ts';
import { receiveSecurityIncident } from '../core/operations/incidents.ts';
import { timestampAt } from '../core/operations/discovery.ts';
import { problemResponse } from '../core/respond.ts';
import type { MockResponse, OperationInput } from '../core/types.ts';
import { defineFault } from '../core/faults.ts';
import { HOUR } from '../../schemas/time.ts';

/** Whether the operation succeeded (with `status`): the rewrites of this file change successful answers only. */
const answered = (response: MockResponse, status = 200): boolean => response.status === status;

const withBody = <T>(response: MockResponse, change: (body: T) => T): MockResponse => ({ ...response, body: change(structuredClone(response.body) as T) });

/** `timestamp` moved by `ms`, in the mock's own notation. */
const shifted = (timestamp: string, ms: number) => timestampAt(Date.parse(timestamp) + ms);

/**
 * A timestamp read without its offset, as a careless parser does: the same wall-clock digits in UTC, or in +08:00
 * when it was UTC already. Either way another instant.
 */
const offsetDropped = (timestamp: string): string => {
  const local = timestamp.replace(/(Z|[+-]\d{2}:\d{2})$/, '');
  return timestamp.endsWith('Z') ? `${local}+08:00` : `${local}Z`;
};

// --- discovery ------------------------------------------------------------------------------------------

const claimFaults = [
  defineFault({
    name: 'claim-unknown-role-answered',
    switch: 'claim-unknown-role-answered',
    requirements: ['ECDX-CNF-007'],
    role: 'both',
    description: 'Answers GET /v1/conformance?role=AAA with 200 and its carrier claim instead of refusing the unknown role with 422.',
  }),
  defineFault({
    name: 'claim-platform-with-carrier-code',
    requirements: ['ECDX-CNF-002'],
    role: 'platform',
    description: "The platform's conformance claim gives party.carrierCode, which only a carrier has.",
    operation: 'getConformanceClaim',
    rewrite: (input, r) =>
      answered(r) && (r.body as ConformanceClaim).role === 'platform'
        ? withBody<ConformanceClaim>(r, (c) => ({ ...c, party: { ...c.party, carrierCode: input.mock.self.carrier.carrierCode ?? 'ECDXDEMO' } }))
        : r,
  }),
  defineFault({
    name: 'claim-hmac-not-honoured',
    requirements: ['ECDX-CNF-004'],
    role: 'both',
    description:
      'The claim lists hmac-sha256 among its signatureAlgorithms, but a GET request correctly signed with hmac-sha256 is ' +
      'refused with 401 signature-invalid (creating POSTs are still accepted, so only the published parameter is broken).',
    operation: '*',
    rewrite: (input, r) => {
      const signedWithHmac = /;\s*alg="hmac-sha256"/.test(input.request.headers['signature-input'] ?? '');
      if (input.request.method !== 'GET' || !input.caller || !signedWithHmac || r.status === 401) return r;
      return problemResponse('signature-invalid', { detail: 'the signature does not verify over the signature base' });
    },
  }),
  defineFault({
    name: 'claim-production-accepts-demo-keys',
    requirements: ['ECDX-SEC-016'],
    role: 'both',
    description:
      'The claim presents a production deployment (testMode absent) while the mock still accepts requests signed with ' +
      'the published ecdx-demo- credentials.',
    operation: 'getConformanceClaim',
    rewrite: (_input, r) => (answered(r) ? withBody<ConformanceClaim>(r, ({ testMode: _testMode, ...claim }) => claim) : r),
  }),
  defineFault({
    name: 'claim-idempotency-expiry-overstated',
    requirements: ['ECDX-IDM-006'],
    role: 'both',
    description:
      'The claim publishes idempotencyKeyExpirySeconds 172800 (two days) but the mock forgets keys after one day: a ' +
      'repeat 36 hours later (test clock) is processed again instead of replayed. (A published value below 86400 would ' +
      'make the claim invalid, and a harness cannot run from an invalid claim, so the published value errs upward.)',
    operation: 'getConformanceClaim',
    rewrite: (_input, r) => (answered(r) ? withBody<ConformanceClaim>(r, (c) => ({ ...c, idempotencyKeyExpirySeconds: 172_800 })) : r),
  }),
  defineFault({
    name: 'test-clock-unreadable',
    requirements: ['ECDX-CNF-006'],
    role: 'both',
    description:
      'Claims testMode but answers GET /v1/test/clock with 404 not-found; POST /v1/test/clock still moves the clock, so ' +
      'a harness can keep its own time in step.',
    operation: 'getTestClock',
    rewrite: (_input, r) => (answered(r) ? problemResponse('not-found', { detail: 'no test clock here', instance: '/v1/test/clock' }) : r),
  }),
];

const healthFaults = [
  defineFault({
    name: 'health-requires-signature',
    requirements: ['ECDX-HLT-001'],
    role: 'both',
    description: 'Refuses an unsigned GET /v1/health with 401 signature-missing.',
    operation: 'getHealth',
    rewrite: (input, r) => (answered(r) && !input.request.headers['signature'] ? problemResponse('signature-missing', { detail: 'sign the request' }) : r),
  }),
  defineFault({
    name: 'health-clock-ahead',
    requirements: ['ECDX-HLT-002'],
    role: 'both',
    description: "The health document's serverTime runs an hour ahead of the mock's clock.",
    operation: 'getHealth',
    rewrite: (_input, r) => (answered(r) ? withBody<Health>(r, (h) => ({ ...h, serverTime: shifted(h.serverTime, HOUR) })) : r),
  }),
  defineFault({
    name: 'health-version-mismatch',
    requirements: ['ECDX-HLT-003'],
    role: 'both',
    description: 'The health document names ECDX version 1.0.0 while the claim names 1.0.0-draft.',
    operation: 'getHealth',
    rewrite: (_input, r) => (answered(r) ? withBody<Health>(r, (h) => ({ ...h, ecdxVersion: '1.0.0' })) : r),
  }),
  defineFault({
    name: 'health-omits-shipping-feed',
    requirements: ['ECDX-HLT-004'],
    role: 'carrier',
    description: "The carrier's health document leaves out the SHIPPING_DATA feed that carrier-shipping implies.",
    operation: 'getHealth',
    rewrite: (_input, r) => (answered(r) ? withBody<Health>(r, (h) => ({ ...h, feeds: h.feeds.filter((f) => f.feed !== 'SHIPPING_DATA') })) : r),
  }),
  defineFault({
    name: 'health-status-better-than-feeds',
    requirements: ['ECDX-HLT-005'],
    role: 'both',
    description: 'Reports the overall status UP while a feed is DEGRADED (its first feed is reported DEGRADED, as when it answers slowly).',
    operation: 'getHealth',
    rewrite: (_input, r) =>
      answered(r)
        ? withBody<Health>(r, (h) => ({
            ...h,
            status: 'UP',
            feeds: h.feeds.map((f, i) => (i === 0 && f.status === 'UP' ? { ...f, status: 'DEGRADED' } : f)),
          }))
        : r,
  }),
  defineFault({
    name: 'health-pending-age-without-backlog',
    requirements: ['ECDX-HLT-006'],
    role: 'both',
    description: 'Gives a feed with backlog 0 an oldestPendingAt, as if something waited that is not counted.',
    operation: 'getHealth',
    rewrite: (_input, r) => {
      if (!answered(r)) return r;
      return withBody<Health>(r, (h) => {
        const i = h.feeds.findIndex((f) => f.backlog === 0);
        return i < 0 ? h : { ...h, feeds: h.feeds.map((f, j) => (j === i ? { ...f, oldestPendingAt: h.serverTime } : f)) };
      });
    },
  }),
  defineFault({
    name: 'health-push-backlog-hidden',
    requirements: ['ECDX-HLT-007'],
    role: 'carrier',
    description:
      'The PARCEL_DATA_PUSH feed always reports backlog 0 and UP, even while a callback refuses deliveries and batches ' +
      'wait for their retries (the overall status follows the feeds as reported).',
    operation: 'getHealth',
    rewrite: (_input, r) => {
      if (!answered(r)) return r;
      return withBody<Health>(r, (h) => {
        const feeds = h.feeds.map((f) =>
          f.feed === 'PARCEL_DATA_PUSH'
            ? { feed: f.feed, status: 'UP' as const, ...(f.lastExchangeAt ? { lastExchangeAt: f.lastExchangeAt } : {}), backlog: 0 }
            : f,
        );
        const rank = { UP: 0, DEGRADED: 1, DOWN: 2 } as const;
        const status = feeds.reduce<Health['status']>((w, f) => (rank[f.status] > rank[w] ? f.status : w), 'UP');
        return { ...h, status, feeds };
      });
    },
  }),
];

// --- interruption notices -------------------------------------------------------------------------------

const noticeFaults = [
  defineFault({
    name: 'notice-receipt-without-location',
    requirements: ['ECDX-NTC-003'],
    role: 'both',
    description: 'Answers an accepted notice with 201 but without the Location header naming its copy.',
    operation: 'receiveInterruptionNotice',
    rewrite: (_input, r) => {
      if (!answered(r, 201)) return r;
      const { location: _location, ...headers } = r.headers;
      return { ...r, headers };
    },
  }),
  defineFault({
    name: 'notice-lead-time-not-checked',
    switch: 'notice-lead-time-not-checked',
    requirements: ['ECDX-NTC-004'],
    role: 'both',
    description: 'Accepts a notice whose lead time is shorter than the minimum for its reason (a maintenance notice 1 hour ahead).',
  }),
  defineFault({
    name: 'notice-severity-not-checked',
    switch: 'notice-severity-not-checked',
    requirements: ['ECDX-NTC-005'],
    role: 'both',
    description: 'Accepts a notice whose declared severity is below the minimum its reason, duration and volume imply.',
  }),
  defineFault({
    name: 'notice-disclosure-not-checked',
    switch: 'notice-disclosure-not-checked',
    requirements: ['ECDX-NTC-006'],
    role: 'both',
    description: 'Accepts a SIGNIFICANT or SERIOUS notice without a public disclosure, or with one planned after its deadline.',
  }),
  defineFault({
    name: 'notice-issued-at-not-checked',
    switch: 'notice-issued-at-not-checked',
    requirements: ['ECDX-NTC-007'],
    role: 'both',
    description: 'Accepts a notice whose issuedAt lies more than 300 s before (back-dated) or 30 s after its receipt.',
  }),
  defineFault({
    name: 'notice-disclosure-duty-unpublished',
    requirements: ['ECDX-NTC-008'],
    role: 'both',
    description: 'GET /v1/interruption-notices/{noticeId} publishes no public-disclosure duty, even for a SIGNIFICANT or SERIOUS notice.',
    operation: 'getInterruptionNotice',
    rewrite: (_input, r) =>
      answered(r)
        ? withBody<InterruptionNotice>(r, (n) => {
            const { publicDisclosureDueBy: _due, ...duties } = n.negotiation.obligations;
            return { ...n, negotiation: { ...n.negotiation, obligations: { ...duties, publicDisclosureRequired: false } } };
          })
        : r,
  }),
  defineFault({
    name: 'notice-read-without-responses',
    requirements: ['ECDX-NTC-009'],
    role: 'both',
    description: 'GET /v1/interruption-notices/{noticeId} answers the current state but leaves out the responses recorded so far.',
    operation: 'getInterruptionNotice',
    rewrite: (_input, r) => (answered(r) ? withBody<InterruptionNotice>(r, (n) => ({ ...n, negotiation: { ...n.negotiation, responses: [] } })) : r),
  }),
  defineFault({
    name: 'notice-readable-by-any-party',
    switch: 'notice-readable-by-any-party',
    requirements: ['ECDX-NTC-010'],
    role: 'both',
    description: 'Serves GET /v1/interruption-notices/{noticeId} to any client, including one that did not issue the notice.',
  }),
  defineFault({
    name: 'notice-response-answers-old-state',
    switch: 'notice-response-answers-old-state',
    requirements: ['ECDX-NTC-011'],
    role: 'both',
    description: 'Records a valid response correctly but answers the 201 with the notice as it was before the response.',
  }),
  defineFault({
    name: 'notice-response-after-withdrawal-accepted',
    switch: 'notice-response-after-withdrawal-accepted',
    requirements: ['ECDX-NTC-012'],
    role: 'both',
    description: 'Records any response to a WITHDRAWN notice with 201 instead of refusing it with 409.',
  }),
  defineFault({
    name: 'notice-own-side-response-accepted',
    switch: 'notice-own-side-response-accepted',
    requirements: ['ECDX-NTC-013'],
    role: 'both',
    description: "Accepts a posted response whose respondent is RECIPIENT (the mock's own side), such as an ACKNOWLEDGE sent by the issuer.",
  }),
  defineFault({
    name: 'notice-duplicate-overwritten',
    switch: 'notice-duplicate-overwritten',
    requirements: ['ECDX-NTC-014'],
    role: 'both',
    description: 'Replaces a held notice when a different notice arrives with the same noticeId, instead of answering 409.',
  }),
  defineFault({
    name: 'notice-resend-judged-by-issued-at',
    switch: 'notice-resend-judged-by-issued-at',
    requirements: ['ECDX-NTC-019'],
    role: 'both',
    description:
      'Judges issuedAt before looking for a notice already held, so an identical notice resent more than 300 s after its issuedAt is refused with 422 notice-issued-at-invalid.',
  }),
  defineFault({
    name: 'notice-duty-cleared-when-met',
    switch: 'notice-duty-cleared-when-met',
    // ECDX-NTC-011 too: the copy answered to the DISCLOSED response carries obligations other than the rules give.
    requirements: ['ECDX-NTC-008', 'ECDX-NTC-011'],
    role: 'both',
    description:
      'Publishes publicDisclosureRequired false (and authorityReportRequired false) once a DISCLOSED (AUTHORITY_REPORTED) response is recorded, as though the obligations listed only what is outstanding.',
  }),
  defineFault({
    name: 'notice-misaddressed-accepted',
    switch: 'notice-misaddressed-accepted',
    requirements: ['ECDX-NTC-020'],
    role: 'both',
    description: 'Accepts and holds a notice addressed to another carrier, or whose issuer is not the party that signed it, instead of answering 403.',
  }),
];

// --- security incidents ---------------------------------------------------------------------------------

/** An incident taken in whatever its signature: the body read as the pipeline would have, then handled. */
function acceptUnsigned(input: OperationInput, r: MockResponse): MockResponse {
  if (r.status !== 401) return r;
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(input.request.body ?? new Uint8Array()));
  } catch {
    return r;
  }
  if (violations(SecurityIncident, body).length > 0) return r;
  return receiveSecurityIncident({ mock: input.mock, caller: undefined, body });
}

const incidentFaults = [
  defineFault({
    name: 'incident-receipt-clock-behind',
    requirements: ['ECDX-INC-006'],
    role: 'both',
    description: "The IncidentReceipt's receivedAt lies an hour before the time the notification arrived.",
    operation: 'receiveSecurityIncident',
    rewrite: (_input, r) => (answered(r, 201) ? withBody<IncidentReceipt>(r, (x) => ({ ...x, receivedAt: shifted(x.receivedAt, -HOUR) })) : r),
  }),
  defineFault({
    name: 'incident-accepts-unsigned',
    requirements: ['ECDX-INC-007'],
    role: 'both',
    description: 'Records a valid SecurityIncident and answers 201 even when it is unsigned or its signature does not verify.',
    operation: 'receiveSecurityIncident',
    rewrite: acceptUnsigned,
  }),
  defineFault({
    name: 'incident-time-order-not-checked',
    switch: 'incident-time-order-not-checked',
    requirements: ['ECDX-INC-008'],
    role: 'both',
    description: 'Accepts a notification whose occurredAt lies after detectedAt or whose reportedAt lies before detectedAt.',
  }),
  defineFault({
    name: 'incident-update-refused',
    switch: 'incident-update-refused',
    requirements: ['ECDX-INC-009'],
    role: 'both',
    description: 'Refuses a second notification with an incidentId already held (422) instead of recording it as an update.',
  }),
  defineFault({
    name: 'incident-refused-without-emergency-plan',
    switch: 'incident-refused-without-emergency-plan',
    requirements: ['ECDX-INC-010'],
    role: 'both',
    description: 'Refuses a valid notification whose emergencyPlanActivated is false.',
  }),
  defineFault({
    name: 'incident-refused-when-late',
    switch: 'incident-refused-when-late',
    requirements: ['ECDX-INC-010'],
    role: 'both',
    description: 'Refuses a valid notification that arrives more than 24 hours after detectedAt.',
  }),
];

// --- sharing statistics ---------------------------------------------------------------------------------

/**
 * A waybill number to leak: the requester's latest shipment's when it has one (the shape of a stored shipment
 * belongs to the shipping area: `{ ownerKeyid, shipment: { waybillNo } }`), else one in the mock's own format.
 */
function someWaybillNumber(input: OperationInput): string {
  let found: string | undefined;
  for (const value of input.mock.store.collection<{ ownerKeyid?: unknown; shipment?: { waybillNo?: unknown } }>('shipments').values()) {
    const waybillNo = value?.shipment?.waybillNo;
    if (typeof waybillNo === 'string' && (found === undefined || value.ownerKeyid === input.caller?.keyid)) found = waybillNo;
  }
  return found ?? 'ECDX000000000018';
}

const renamed = (r: MockResponse, suffix: string) =>
  withBody<SharingStatistics>(r, (s) => ({ ...s, party: { ...s.party, name: `${s.party.name} ${suffix}`.slice(0, 100) } }));

const statisticsFaults = [
  defineFault({
    name: 'statistics-cover-all-counterparties',
    switch: 'statistics-cover-all-counterparties',
    requirements: ['ECDX-STA-001'],
    role: 'both',
    description: "Answers a counterparty's statistics request with the figures of every counterparty, not only the requester's.",
  }),
  defineFault({
    name: 'statistics-period-misreported',
    requirements: ['ECDX-STA-001'],
    role: 'both',
    description: 'Reports period.from with its UTC offset dropped (the same digits in another zone): the period no longer denotes the requested instants.',
    operation: 'getSharingStatistics',
    rewrite: (_input, r) => (answered(r) ? withBody<SharingStatistics>(r, (s) => ({ ...s, period: { ...s.period, from: offsetDropped(s.period.from) } })) : r),
  }),
  defineFault({
    name: 'statistics-period-unchecked',
    switch: 'statistics-period-unchecked',
    requirements: ['ECDX-STA-002'],
    role: 'both',
    description: 'Answers 200 for a reversed, future or over-long (> 366 days) period instead of 422 statistics-period-invalid.',
  }),
  defineFault({
    name: 'statistics-contain-mobile-number',
    requirements: ['ECDX-STA-003', 'ECDX-PRV-015'],
    role: 'both',
    description: "Puts a duty officer's mobile number into the reporting party's name in the statistics.",
    operation: 'getSharingStatistics',
    rewrite: (_input, r) => (answered(r) ? renamed(r, '值班 13912345678') : r),
  }),
  defineFault({
    name: 'statistics-contain-waybill-number',
    requirements: ['ECDX-STA-003', 'ECDX-PRV-015'],
    role: 'both',
    description: "Puts the waybill number of a shipment into the reporting party's name in the statistics.",
    operation: 'getSharingStatistics',
    rewrite: (input, r) => (answered(r) ? renamed(r, `运单 ${someWaybillNumber(input)}`) : r),
  }),
  defineFault({
    name: 'statistics-do-not-add-up',
    requirements: ['ECDX-STA-004'],
    role: 'both',
    description: 'Counts one ACCEPTANCE event more in trackingEvents.byNode than in trackingEvents.provided.',
    operation: 'getSharingStatistics',
    rewrite: (_input, r) =>
      answered(r)
        ? withBody<SharingStatistics>(r, (s) => ({
            ...s,
            trackingEvents: { ...s.trackingEvents, byNode: { ...s.trackingEvents.byNode, ACCEPTANCE: s.trackingEvents.byNode.ACCEPTANCE + 1 } },
          }))
        : r,
  }),
  defineFault({
    name: 'statistics-short-retention',
    switch: 'statistics-short-retention',
    requirements: ['ECDX-STA-006'],
    role: 'both',
    description: 'Keeps figures for 90 days only: a period that begins earlier is refused with 422 statistics-period-invalid.',
  }),
];

export const governanceFaults = [...claimFaults, ...healthFaults, ...noticeFaults, ...incidentFaults, ...statisticsFaults];
