// Faults of subscriptions, pushes and the push receiver (chapter Pushes, ECDX-HLT-007, ECDX-SEC-012/013). Most are
// switches read at the one point they bend (mocks/core/operations/subscriptions.ts, mocks/core/push/dispatcher.ts,
// mocks/core/operations/receiver.ts); those that only reshape an answer rewrite it here. The schema-level ones
// (accept-invalid-subscription, platform-accept-invalid-push-batch, platform-accept-unsigned-push) live with the
// pipeline.
import { demoCredentials, verifyWebhook } from '../../protocol/index.ts';
import { violations } from '../../schemas/validate.ts';
import { acceptPushBatch, batchSizeRefusal } from '../core/operations/receiver.ts';
import { subscriptionRecords } from '../core/push/records.ts';
import { problemResponse, validationProblem } from '../core/respond.ts';
import type { MockResponse, OperationInput } from '../core/types.ts';
import { defineFault } from '../core/faults.ts';

export const pushFaults = [
  // --- subscriptions (carrier) ----------------------------------------------------------------------------
  defineFault({
    name: 'subscription-created-without-location',
    requirements: ['ECDX-PSH-001'],
    role: 'carrier',
    description: 'Answers a new subscription with 201 but no Location header.',
    operation: 'createSubscription',
    rewrite: (_input, r) => {
      if (r.status !== 201) return r;
      const { location: _dropped, ...headers } = r.headers;
      return { ...r, headers };
    },
  }),
  defineFault({
    name: 'subscription-secret-disclosed',
    requirements: ['ECDX-PSH-002'],
    role: 'carrier',
    description: 'Includes the v1 secret in GET /v1/subscriptions/{subscriptionId}, not only in the 201 that created it.',
    operation: 'getSubscription',
    rewrite: (input, r) => {
      if (r.status !== 200) return r;
      const subscriptionId = (r.body as { subscriptionId?: string }).subscriptionId ?? '';
      const secret = subscriptionRecords(input.mock).get(subscriptionId)?.secret;
      return secret ? { ...r, body: { ...(r.body as object), secret } } : r;
    },
  }),
  defineFault({
    name: 'subscribe-foreign-waybills',
    switch: 'subscribe-foreign-waybills',
    requirements: ['ECDX-PSH-003'],
    role: 'carrier',
    description: 'Accepts a WAYBILLS scope listing waybills that are unknown or were issued for another platform (pushes still go only to the owner).',
  }),
  defineFault({
    name: 'subscribe-plain-http-callback',
    switch: 'subscribe-plain-http-callback',
    requirements: ['ECDX-PSH-004'],
    role: 'carrier',
    description: 'Accepts a plain http callbackUrl for any host, not only a loopback address.',
  }),
  defineFault({
    name: 'subscription-readable-by-other-platforms',
    switch: 'subscription-readable-by-other-platforms',
    requirements: ['ECDX-PSH-005'],
    role: 'carrier',
    description: 'Answers GET /v1/subscriptions/{subscriptionId} with 200 to a platform that does not own the subscription.',
  }),
  defineFault({
    name: 'deleted-subscription-still-pushed',
    switch: 'deleted-subscription-still-pushed',
    requirements: ['ECDX-PSH-006'],
    role: 'carrier',
    description: 'Answers DELETE with 204 but keeps pushing the subscription\u2019s pending batches and new events.',
  }),
  defineFault({
    name: 'subscription-deleted-twice-answers-204',
    switch: 'subscription-deleted-twice-answers-204',
    requirements: ['ECDX-PSH-029'],
    role: 'carrier',
    description: 'Answers a second DELETE of a subscription its platform already deleted with 204 instead of 404 subscription-not-found.',
  }),
  // --- what is pushed (carrier) ---------------------------------------------------------------------------
  defineFault({
    name: 'push-ignores-status-filter',
    switch: 'push-ignores-status-filter',
    requirements: ['ECDX-PSH-007'],
    role: 'carrier',
    description: 'Pushes events of every status, whatever the subscription\u2019s statuses filter says.',
  }),
  defineFault({
    name: 'push-drops-events',
    switch: 'push-drops-events',
    requirements: ['ECDX-PSH-008'],
    role: 'carrier',
    description: 'Never pushes events with an even sequence number.',
  }),
  defineFault({
    name: 'push-event-differs-from-trajectory',
    switch: 'push-event-differs-from-trajectory',
    requirements: ['ECDX-PSH-010'],
    role: 'carrier',
    description: 'Pushes each event with a description that differs from the same event in the trajectory.',
  }),
  defineFault({
    name: 'push-webhook-id-not-batch-id',
    switch: 'push-webhook-id-not-batch-id',
    requirements: ['ECDX-PSH-011'],
    role: 'carrier',
    description: 'Sends a webhook-id that is not the batchId (stable across retries; the signature covers the id sent).',
  }),
  defineFault({
    name: 'push-batch-descending',
    switch: 'push-batch-descending',
    requirements: ['ECDX-PSH-012'],
    role: 'carrier',
    description: 'Puts the events of each waybill in a batch in descending sequence.',
  }),
  // --- delivery and retries (carrier) ---------------------------------------------------------------------
  defineFault({
    name: 'push-only-200-is-delivery',
    switch: 'push-only-200-is-delivery',
    requirements: ['ECDX-PSH-013'],
    role: 'carrier',
    description: 'Treats 201–299 (202, 204 …) as a failed attempt and retries; only 200 counts as delivery.',
  }),
  defineFault({
    name: 'push-retry-new-batch-id',
    switch: 'push-retry-new-batch-id',
    requirements: ['ECDX-PSH-014'],
    role: 'carrier',
    description: 'Retries a batch under a new batchId and sentAt instead of resending it unchanged.',
  }),
  defineFault({
    name: 'push-retry-reuses-signature',
    switch: 'push-retry-reuses-signature',
    requirements: ['ECDX-PSH-014'],
    role: 'carrier',
    description: 'Retries with the first attempt\u2019s webhook-timestamp and signature instead of fresh ones.',
  }),
  defineFault({
    name: 'push-retry-schedule-compressed',
    switch: 'push-retry-schedule-compressed',
    requirements: ['ECDX-PSH-014'],
    role: 'carrier',
    description: 'Retries 5 s after every failed attempt instead of following the 5 s, 5 min, 30 min … schedule.',
  }),
  defineFault({
    name: 'push-ignores-410',
    switch: 'push-ignores-410',
    requirements: ['ECDX-PSH-015'],
    role: 'carrier',
    description: 'Treats 410 Gone as an ordinary failure: retries, and the subscription stays ACTIVE.',
  }),
  defineFault({
    name: 'subscription-active-after-abandoned-batch',
    switch: 'subscription-active-after-abandoned-batch',
    requirements: ['ECDX-PSH-028'],
    role: 'carrier',
    description: 'Abandons a batch whose every attempt failed but leaves the subscription ACTIVE and goes on pushing its other batches.',
  }),
  defineFault({
    name: 'push-ignores-retry-after',
    switch: 'push-ignores-retry-after',
    requirements: ['ECDX-PSH-016'],
    role: 'carrier',
    description: 'Retries a 429 or 503 on the schedule alone, before the time its Retry-After names.',
  }),
  defineFault({
    name: 'push-backlog-not-counted',
    switch: 'push-backlog-not-counted',
    requirements: ['ECDX-HLT-007'],
    role: 'carrier',
    description: 'Reports a push backlog of 0 in the health document while batches wait for a retry.',
  }),
  defineFault({
    name: 'pending-pushes-stated-early',
    switch: 'pending-pushes-stated-early',
    requirements: ['ECDX-CNF-009'],
    role: 'carrier',
    description: "States pendingPushes 0 in its test clock while an attempt is still waiting for the callback's answer.",
  }),
  // "Newly generated" is in both texts: a check of either that compares two subscriptions' secrets sees this.
  defineFault({
    name: 'push-v1-shared-secret',
    switch: 'push-v1-shared-secret',
    requirements: ['ECDX-SEC-012', 'ECDX-PSH-001'],
    role: 'carrier',
    description: 'Issues the same (published demo) v1 secret to every subscription instead of a new one per subscription.',
  }),
  // --- receiving pushes (platform) ------------------------------------------------------------------------
  defineFault({
    name: 'platform-single-push-signature-only',
    switch: 'platform-single-push-signature-only',
    requirements: ['ECDX-SEC-013'],
    role: 'platform',
    description: 'Refuses with 401 a push whose webhook-signature lists more than one signature, even when one of them verifies.',
  }),
  defineFault({
    name: 'platform-slow-acknowledgement',
    switch: 'platform-slow-acknowledgement',
    requirements: ['ECDX-PSH-017'],
    role: 'platform',
    description: 'Stores a valid batch but answers only after 16 seconds.',
  }),
  defineFault({
    name: 'platform-accept-stale-push',
    requirements: ['ECDX-PSH-020'],
    role: 'platform',
    description: 'Processes a correctly signed push whose webhook-timestamp is more than 300 s away from its clock.',
    operation: 'receiveTrackingEvents',
    rewrite: (input, r) => (isStaleRefusal(r) ? (acceptStalePush(input) ?? r) : r),
  }),
  defineFault({
    name: 'platform-reprocesses-duplicates',
    switch: 'platform-reprocesses-duplicates',
    requirements: ['ECDX-PSH-021'],
    role: 'platform',
    description: 'Processes events it already holds again and acknowledges them with duplicates 0.',
  }),
  defineFault({
    name: 'platform-refuses-duplicate-batch',
    switch: 'platform-refuses-duplicate-batch',
    requirements: ['ECDX-PSH-021'],
    role: 'platform',
    description: 'Answers 422 to a batch made only of events it already holds, so the carrier retries it for days.',
  }),
  defineFault({
    name: 'platform-refuses-out-of-order-events',
    switch: 'platform-refuses-out-of-order-events',
    requirements: ['ECDX-PSH-022'],
    role: 'platform',
    description: 'Refuses with 422 an event whose sequence is not the next one after the highest it holds for the waybill.',
  }),
  defineFault({
    name: 'platform-oversized-batch-as-validation-error',
    switch: 'platform-oversized-batch-as-validation-error',
    requirements: ['ECDX-PSH-023'],
    role: 'platform',
    description: 'Answers a batch of more than 100 events with 422 validation-failed instead of 413 batch-too-large.',
  }),
  defineFault({
    name: 'platform-refuses-unexpected-status',
    switch: 'platform-refuses-unexpected-status',
    requirements: ['ECDX-PSH-025'],
    role: 'platform',
    description: 'Refuses with 422 a batch holding a status off the plain delivery path (STALLED, CUSTOMS, EXCEPTION, RETURNING …).',
  }),
];

/** The pipeline's 401 for a push whose webhook-timestamp is out of tolerance. */
const isStaleRefusal = (r: MockResponse): boolean =>
  r.status === 401 && String((r.body as { type?: unknown } | undefined)?.type ?? '').endsWith('/signature-expired');

/**
 * The pipeline refused the push for its timestamp alone; a platform that ignores the timestamp goes on as the
 * pipeline would: signature (the demo carrier's push keys, with no time limit), JSON, size, schema, then the batch.
 */
function acceptStalePush(input: OperationInput): MockResponse | undefined {
  const { request, mock } = input;
  const bytes = request.body ?? new Uint8Array();
  const keys = [demoCredentials.push.v1a.verificationKey, demoCredentials.push.v1];
  const verified = verifyWebhook(request.headers, bytes, keys, { now: mock.clock.now(), toleranceSeconds: Number.MAX_SAFE_INTEGER });
  if (!verified.ok) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return problemResponse('malformed-json', { detail: 'the body is not well-formed JSON in UTF-8' });
  }
  const tooLarge = batchSizeRefusal(mock, body);
  if (tooLarge) return tooLarge;
  const found = violations('PushBatch', body);
  if (found.length > 0) return validationProblem(found.map((v) => ({ name: v.pointer, reason: v.message, in: 'body' as const })));
  return acceptPushBatch(mock, request, body);
}
