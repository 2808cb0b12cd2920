// Faults of the reference client (the test actions, ECDX-CNF-010): what the mock sends when a harness makes it act as
// a client of its counterparty. Every one but the first is a switch read in mocks/core/client/, at the one point the
// duty bends; the action still answers as it would, so that only what was sent differs.
import type { TestActionOutcome } from '../../schemas/src/index.ts';
import { defineFault } from '../core/faults.ts';

export const clientFaults = [
  defineFault({
    name: 'test-action-requests-miscounted',
    requirements: ['ECDX-CNF-010'],
    role: 'both',
    description: 'Answers every test action with a TestActionOutcome whose requests is one more than the requests it sent.',
    operation: 'performTestAction',
    rewrite: (_input, r) => {
      if (r.status !== 200) return r;
      const outcome = r.body as TestActionOutcome;
      return { ...r, body: { ...outcome, requests: outcome.requests + 1 } };
    },
  }),
  defineFault({
    name: 'client-requests-unsigned',
    switch: 'client-requests-unsigned',
    requirements: ['ECDX-SEC-001'],
    role: 'both',
    description: 'Sends every request of a test action without a signature: no Signature-Input, no Signature, no Content-Digest.',
  }),
  defineFault({
    name: 'client-idempotency-key-missing',
    switch: 'client-idempotency-key-missing',
    requirements: ['ECDX-IDM-001'],
    role: 'both',
    description: 'Sends the creating POSTs of the test actions (shipments, subscriptions, notices, responses, incidents) without an Idempotency-Key.',
  }),
  defineFault({
    name: 'client-idempotency-key-reused',
    switch: 'client-idempotency-key-reused',
    requirements: ['ECDX-IDM-001'],
    role: 'both',
    description: 'Sends every new creating POST of the test actions with the Idempotency-Key of the creating request sent before it.',
  }),
  defineFault({
    name: 'client-idempotency-key-predictable',
    switch: 'client-idempotency-key-predictable',
    requirements: ['ECDX-IDM-009'],
    role: 'both',
    description:
      'Derives each Idempotency-Key from what the request creates plus a counter (`ecdx-happy-…-3`, `inc-…-4`): unique, but neither random nor free of the body.',
  }),
  defineFault({
    name: 'client-retry-with-new-key',
    switch: 'client-retry-with-new-key',
    requirements: ['ECDX-IDM-011'],
    role: 'both',
    description: 'Sends a creating request again after no answer, 409 in flight, 429 or 5xx with a new Idempotency-Key (the body unchanged).',
  }),
  defineFault({
    name: 'client-ignores-retry-after',
    switch: 'client-ignores-retry-after',
    requirements: ['ECDX-ERR-013'],
    role: 'both',
    description: 'Sends a request again 50 ms after a 429 or 503, whatever its Retry-After says.',
  }),
  defineFault({
    name: 'client-pull-stops-at-first-page',
    switch: 'client-pull-stops-at-first-page',
    requirements: ['ECDX-TRK-021'],
    role: 'platform',
    description: 'Reads only the first page of a trajectory (pull-trajectory, gap repair) and takes it as complete, ignoring its nextCursor.',
  }),
  defineFault({
    name: 'shipment-carries-resident-id',
    switch: 'shipment-carries-resident-id',
    requirements: ['ECDX-PRV-011'],
    role: 'platform',
    description: "Hides a checksum-valid resident identity card number in the sender's company of the shipping data it sends (send-shipment).",
  }),
  defineFault({
    name: 'interruption-without-notice',
    switch: 'interruption-without-notice',
    // A notice never sent cannot be held either: the issuer's copy the harness reads is missing (ECDX-NTC-018).
    requirements: ['ECDX-NTC-002', 'ECDX-NTC-018'],
    role: 'both',
    description: 'Answers issue-notice DONE after 0 requests: the interruption is planned and no notice is sent, nor any copy held.',
  }),
  defineFault({
    name: 'notice-lead-time-too-short',
    switch: 'notice-lead-time-too-short',
    requirements: ['ECDX-NTC-002'],
    role: 'both',
    description: 'Issues every interruption notice with plannedStart one hour after issuedAt, whatever lead time its reason needs.',
  }),
  defineFault({
    name: 'issued-notice-not-held',
    switch: 'issued-notice-not-held',
    requirements: ['ECDX-NTC-018'],
    role: 'both',
    description: "Sends the notice of issue-notice but keeps no issuer's copy: GET /v1/interruption-notices/{noticeId} answers 404 notice-not-found.",
  }),
  defineFault({
    name: 'incident-notified-late',
    switch: 'incident-notified-late',
    requirements: ['ECDX-INC-002'],
    role: 'both',
    description: 'Notifies the incident of notify-incident 30 hours after detecting it (detectedAt 30 h before reportedAt).',
  }),
  defineFault({
    name: 'gap-not-repaired',
    switch: 'gap-not-repaired',
    requirements: ['ECDX-PSH-027'],
    role: 'platform',
    description: "Takes a push whose sequences leave a gap and never pulls the waybill's trajectory from the subscription's carrier to fill it.",
  }),
];
