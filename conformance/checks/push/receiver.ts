// Receiving pushes, the platform's side (chapter Pushes §5; ECDX-SEC-013). The harness plays the carrier: it builds
// PushBatches of its own (fresh waybills and event ids for every check), signs them with the demo carrier's push key
// of the scheme the platform accepts, and POSTs them to /v1/tracking-events — correctly, without or with a wrong
// signature, stale, oversized, invalid, duplicated, out of order, with statuses a platform may not expect, and with
// several signatures. Whether refused events were processed shows in the acknowledgement of a later correct push
// of the same events (`duplicates`), when the platform returns one.
import { randomBytes } from 'node:crypto';
import { signWebhook } from '../../../protocol/index.ts';
import type { TrackingEvent } from '../../../schemas/src/index.ts';
import { MINUTE, SECOND } from '../../../schemas/time.ts';
import { defineCheck } from '../../harness/check.ts';
import type { HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
import { claimsClass } from '../../kit/claim.ts';
import { shortId } from '../../kit/ids.ts';
import {
  acknowledgementOf,
  harnessWaybill,
  is2xx,
  isTimeout,
  pushBatch,
  pushSigningKey,
  sendPush,
  trackingEvent,
  trajectoryEvents,
  unknownPushKey,
  type PushOptions,
} from '../../kit/pushes.ts';
import { expectRefusal, problemSummaryText } from '../../kit/refusals.ts';
import { verbatim, type Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

const PUSH = 'POST /v1/tracking-events';
const SIGNATURE_REFUSALS = ['signature-missing', 'signature-invalid'] as const;

/** "got 422 (validation-failed: …)", for messages. */
const got = (response: HttpResponse): Bilingual => M.gotStatus({ status: response.status, problem: problemSummaryText(response) });

/** The push as a message names it: "POST /v1/tracking-events with …". */
const push = (what: Bilingual): Bilingual => M.sent({ request: PUSH, what });

/** A correct push that must be acknowledged with a 2xx. */
async function accepted(t: TestContext, events: readonly TrackingEvent[], what: Bilingual, options: PushOptions = {}): Promise<HttpResponse> {
  const response = await sendPush(t, { body: pushBatch(t, events), ...options });
  t.assert(is2xx(response), M.expected2xxAck({ sent: push(what), got: got(response) }));
  return response;
}

/** A correct push of events the platform must not have processed yet: its acknowledgement says no duplicates. */
async function notProcessedBefore(t: TestContext, events: readonly TrackingEvent[], refused: Bilingual): Promise<void> {
  const response = await accepted(t, events, M.withEventsOf({ refused }));
  const ack = acknowledgementOf(response);
  if (!ack) return t.blocked(M.noAckProcessed({ refused }));
  t.assert(ack.duplicates === 0, M.notProcessed({ refused, got: ack.duplicates }));
}

/** The acknowledgement of a 2xx, when there is one, counts `duplicates` already-held events. */
/** Whether the answer's acknowledgement could be judged (it is a SHOULD, ECDX-PSH-018, so it may be absent). */
function expectDuplicates(t: TestContext, response: HttpResponse, duplicates: number, what: Bilingual): boolean {
  const ack = acknowledgementOf(response);
  if (ack) t.assert(ack.duplicates === duplicates, M.countsDuplicates({ what, n: duplicates, got: ack.duplicates }));
  else t.blocked(M.noAckDeduplication({ what }));
  return ack !== undefined;
}

export const pushReceiverChecks = [
  defineCheck({
    id: 'push/receiver-acknowledges-in-time',
    requirements: ['ECDX-PSH-017'],
    title: 'A correctly signed, valid push is acknowledged with a 2xx within 15 seconds',
    description: 'Pushes a valid `PushBatch` of two events, signed with the demo carrier push key, and expects a 2xx answer within 15 s.',
    async run(t) {
      const batch = pushBatch(t, trajectoryEvents(t, [1, 2]));
      let response: HttpResponse;
      try {
        // A little beyond the 15 s allowed, so that a late answer is timed rather than cut off.
        response = await sendPush(t, { body: batch, timeoutMs: 17 * SECOND });
      } catch (error) {
        if (isTimeout(error)) t.fail(M.noAnswerWithin15s({ sent: push(M.withValidSigned()) }));
        throw error;
      }
      t.assert(is2xx(response), M.expected2xx({ sent: push(M.withValidSigned()), got: got(response) }));
      t.assert(response.durationMs <= 15 * SECOND, M.answeredWithin({ request: PUSH, limit: 15, took: (response.durationMs / SECOND).toFixed(1) }));
    },
  }),
  defineCheck({
    id: 'push/receiver-acknowledgement',
    requirements: ['ECDX-PSH-018'],
    title: 'A push is acknowledged within 2 seconds with 200 and a PushAcknowledgement',
    description:
      'Pushes a valid batch of three new events and expects, within 2 s, 200 with a `PushAcknowledgement` naming the batch, `received` 3 and `duplicates` 0.',
    async run(t) {
      const batch = pushBatch(t, trajectoryEvents(t, [1, 2, 3]));
      const response = await sendPush(t, { body: batch });
      t.assert(response.status === 200, M.expected200({ sent: push(M.withValidBatch()), got: got(response) }));
      t.assert(response.durationMs <= 2 * SECOND, M.answeredWithin({ request: PUSH, limit: 2, took: (response.durationMs / SECOND).toFixed(1) }));
      const ack = t.expectSchema<{ batchId: string; received: number; duplicates: number }>(response, 'PushAcknowledgement', verbatim(PUSH));
      t.assert(ack.batchId === batch.batchId, M.ackNamesBatch({ expected: batch.batchId, got: String(ack.batchId) }));
      t.assert(ack.received === 3 && ack.duplicates === 0, M.ackCounts({ received: String(ack.received), duplicates: String(ack.duplicates) }));
    },
  }),
  defineCheck({
    id: 'push/receiver-verifies-signature',
    requirements: ['ECDX-PSH-019'],
    title: 'A push without a webhook-signature, or one that does not verify, is refused with 401 and not processed',
    description:
      'Pushes a valid batch without `webhook-signature`, signed with a key the platform cannot know, and with its ' +
      'body changed after signing: each must be refused with a 401 problem. A correct push of the same events is ' +
      'then acknowledged with `duplicates` 0 (when it carries an acknowledgement): none was processed.',
    async run(t) {
      const events = trajectoryEvents(t, [1, 2, 3]);
      const variants: [Bilingual, PushOptions][] = [
        [M.withoutSignature(), { headers: { 'webhook-signature': undefined } }],
        [M.withUnheldKey(), { keys: unknownPushKey(t) }],
        [M.bodyChanged(), { alterBody: (text) => text.replace(events[0]!.description, '快件信息已被篡改') }],
      ];
      for (const [what, options] of variants) {
        const response = await sendPush(t, { body: pushBatch(t, events), ...options });
        expectRefusal(t, response, 401, SIGNATURE_REFUSALS, { what: push(what) });
      }
      await notProcessedBefore(t, events, M.refusedPushes());
    },
  }),
  defineCheck({
    id: 'push/receiver-rejects-stale',
    requirements: ['ECDX-PSH-020'],
    title: 'A push whose webhook-timestamp is more than 300 s off is refused with 401 and not processed',
    description:
      'Pushes a correctly signed batch whose `webhook-timestamp` lies 420 s in the past, and one 420 s in the ' +
      'future (of the target\u2019s clock): each must be refused with a 401 problem, and a correct push of the same ' +
      'events afterwards is acknowledged with `duplicates` 0. Runs only when the platform refuses a push whose ' +
      'signature does not verify (ECDX-PSH-019): otherwise a refusal could not be told apart.',
    async run(t) {
      const probe = await sendPush(t, { body: pushBatch(t, trajectoryEvents(t, [1])), keys: unknownPushKey(t) });
      t.precondition(!is2xx(probe), M.acceptsUnknownKey({ status: probe.status }));
      const events = trajectoryEvents(t, [1, 2]);
      for (const [what, offset] of [
        [M.withOldTimestamp(), -7 * MINUTE],
        [M.withFutureTimestamp(), 7 * MINUTE],
      ] as const) {
        const response = await sendPush(t, { body: pushBatch(t, events), at: t.targetNow() + offset });
        expectRefusal(t, response, 401, ['signature-expired', 'signature-invalid'], { what: push(what) });
      }
      await notProcessedBefore(t, events, M.staleTimestampPushes());
    },
  }),
  defineCheck({
    id: 'push/receiver-deduplicates',
    requirements: ['ECDX-PSH-021'],
    title: 'Events already received are not processed again, and a batch of them is still acknowledged with a 2xx',
    description:
      'Pushes two events; then the same batch again (a carrier\u2019s retry) and the same events in a new batch, each ' +
      'of which must be answered 2xx; then a batch holding one new event twice. An acknowledgement, when returned, ' +
      'counts the events already held as `duplicates` (2, 2 and 1).',
    async run(t) {
      const events = trajectoryEvents(t, [1, 2, 3]);
      const first = pushBatch(t, events.slice(0, 2));
      const original = await sendPush(t, { body: first });
      t.precondition(is2xx(original), M.firstTwoNotAcknowledged({ got: got(original) }));
      const retry = await sendPush(t, { body: first });
      t.assert(is2xx(retry), M.expected2xx({ sent: push(M.repeatingBatch({ batchId: first.batchId })), got: got(retry) }));
      const seen = [expectDuplicates(t, retry, 2, M.theRepeatedBatch())];
      const again = await sendPush(t, { body: pushBatch(t, events.slice(0, 2)) });
      t.assert(is2xx(again), M.expected2xx({ sent: push(M.withOnlyReceived()), got: got(again) }));
      seen.push(expectDuplicates(t, again, 2, M.newBatchSameEvents()));
      // A batch holding one new event twice: the requirement asks that the copy is not processed again, not that
      // such a batch is acknowledged (it is not made only of events already held), so only an acknowledgement of it
      // is judged.
      const twice = await sendPush(t, { body: pushBatch(t, [events[2]!, events[2]!]) });
      if (is2xx(twice)) seen.push(expectDuplicates(t, twice, 1, M.batchEventTwice()));
      else t.blocked(M.eventTwiceRefused({ status: twice.status }));
      // Acknowledging a repeat with a 2xx is half of the rule; that nothing was processed again shows only in an
      // acknowledgement, and without one nothing of it was observed.
      t.precondition(seen.some(Boolean), M.noAckAgain());
    },
  }),
  defineCheck({
    id: 'push/receiver-any-order',
    requirements: ['ECDX-PSH-022'],
    title: 'Events are accepted in any order of arrival',
    description:
      'Pushes the events of one waybill out of order: sequence 5, then 2 (lower than one held), then 7 (not ' +
      'contiguous), then 1, 3, 4 and 6. Each batch must be acknowledged with a 2xx. (That a platform orders the ' +
      'events by sequence where it presents them cannot be observed through the interface.)',
    async run(t) {
      const events = trajectoryEvents(t, [1, 2, 3, 4, 5, 6, 7]);
      const bySeq = (...s: number[]) => s.map((n) => events[n - 1]!);
      const first = await sendPush(t, { body: pushBatch(t, bySeq(5)) });
      t.precondition(is2xx(first), M.sequence5NotAcknowledged({ got: got(first) }));
      for (const [what, seqs] of [
        [M.withSequence2(), [2]],
        [M.withSequence7(), [7]],
        [M.withGapFillers(), [1, 3, 4, 6]],
      ] as const) {
        await accepted(t, bySeq(...seqs), what);
      }
    },
  }),
  defineCheck({
    id: 'push/receiver-batch-too-large',
    requirements: ['ECDX-PSH-023'],
    title: 'A batch of more than 100 events is refused with 413 batch-too-large and not processed',
    description:
      'Pushes a correctly signed batch of 101 events and expects 413 `batch-too-large`; a correct push of 100 of those events is then acknowledged with `duplicates` 0.',
    async run(t) {
      const events = trajectoryEvents(
        t,
        Array.from({ length: 101 }, (_, i) => i + 1),
      );
      const response = await sendPush(t, { body: pushBatch(t, events) });
      expectRefusal(t, response, 413, 'batch-too-large', { what: push(M.with101Events()) });
      await notProcessedBefore(t, events.slice(0, 100), M.refusedBatchOf101());
    },
  }),
  defineCheck({
    id: 'push/receiver-validates-body',
    requirements: ['ECDX-PSH-024'],
    title: 'A correctly signed push that is not a valid PushBatch is refused with 422 naming the members',
    description:
      'Pushes, correctly signed, a batch without `sentAt` whose first event has sequence 0, and expects 422 ' +
      '`validation-failed` whose `invalidParams` names `/sentAt` and `/events/0/sequence`; then a body that is not ' +
      'JSON, which is answered 400 `malformed-json`.',
    async run(t) {
      const batch = pushBatch(t, trajectoryEvents(t, [1, 2]));
      const { sentAt: _dropped, ...withoutSentAt } = batch;
      const invalid = { ...withoutSentAt, events: [{ ...batch.events[0]!, sequence: 0 }, batch.events[1]!] };
      const what = push(M.withInvalidBatch());
      const response = await sendPush(t, { body: invalid, id: batch.batchId });
      expectRefusal(t, response, 422, 'validation-failed', { what });
      const params = (response.json as { invalidParams?: unknown }).invalidParams;
      const names = Array.isArray(params) ? params.map((p) => (p as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string') : [];
      for (const pointer of ['/sentAt', '/events/0/sequence']) {
        t.assert(names.includes(pointer), M.invalidParamsNames({ what, pointer, names: names.join(', ') || W.none() }), { requirementId: 'ECDX-ERR-003' });
      }
      const broken = await sendPush(t, { rawBody: `{"batchId": "bat_${shortId()}", "events": [`, id: `bat_${shortId()}` });
      expectRefusal(t, broken, 400, 'malformed-json', { requirementId: 'ECDX-ERR-005', what: push(M.withNonJsonBody()) });
    },
  }),
  defineCheck({
    id: 'push/receiver-takes-unexpected',
    requirements: ['ECDX-PSH-025'],
    title: 'A valid batch with an unknown waybill or unexpected statuses is acknowledged, not refused',
    description:
      'Pushes, for a waybill the platform never shipped, a valid batch of events off the plain delivery path — ' +
      '`STALLED`, `EXCEPTION` (damaged), `CUSTOMS` (held), `RETURNING` — and expects a 2xx: the platform may ' +
      'discard what it does not want, but a refusal would hold up the carrier\u2019s pushes for days.',
    async run(t) {
      const waybillNo = harnessWaybill();
      const tag = shortId();
      const events = [
        trackingEvent(t, waybillNo, 1, 'ACCEPTED', { tag, age: 600 * SECOND }),
        trackingEvent(t, waybillNo, 2, 'STALLED', { tag, age: 500 * SECOND }),
        trackingEvent(t, waybillNo, 3, 'EXCEPTION', { tag, subStatus: 'EXCEPTION_DAMAGED', age: 400 * SECOND }),
        trackingEvent(t, waybillNo, 4, 'CUSTOMS', { tag, subStatus: 'CUSTOMS_HELD', age: 300 * SECOND }),
        trackingEvent(t, waybillNo, 5, 'RETURNING', { tag, age: 200 * SECOND }),
      ];
      await accepted(t, events, M.forUnknownWaybill({ waybillNo }));
    },
  }),
  defineCheck({
    id: 'push/receiver-several-signatures',
    requirements: ['ECDX-SEC-013'],
    title: 'A push with several signatures is accepted when one verifies; unknown schemes are skipped',
    description:
      'Pushes a valid batch whose `webhook-signature` lists a signature by a key the platform cannot hold before ' +
      'the correct one (a carrier rotating its key), and one that lists a signature of an unknown scheme `v2` ' +
      'before the correct one. Each must be acknowledged with a 2xx.',
    async run(t) {
      if (!claimsClass(t, 'platform-tracking-receiver')) t.notApplicable(M.noReceiverClass());
      const keys = [unknownPushKey(t), pushSigningKey(t)];
      await accepted(t, trajectoryEvents(t, [1, 2]), M.signedTwice(), { keys });
      const batch = pushBatch(t, trajectoryEvents(t, [1, 2]));
      const text = JSON.stringify(batch);
      const signed = signWebhook({ id: batch.batchId, timestamp: t.targetNow(), body: text }, pushSigningKey(t));
      const response = await sendPush(t, {
        rawBody: text,
        id: batch.batchId,
        headers: { ...signed, 'webhook-signature': `v2,${randomBytes(32).toString('base64')} ${signed['webhook-signature']}` },
      });
      t.assert(is2xx(response), M.expected2xx({ sent: push(M.withV2First()), got: got(response) }));
    },
  }),
];
