// The platform's push receiver (chapter Pushes §5): POST /v1/tracking-events. By the time the handler runs, the
// pipeline has verified the Standard Webhooks signature and timestamp (ECDX-PSH-019/020) and the PushBatch schema
// (ECDX-PSH-024). The receiver is quick and forgiving where that is safe: it stores what is new, deduplicates by
// eventId, takes events in any order and any waybill or status, and acknowledges at once.
import { DEMO_CARRIER_KEYID } from '../../../protocol/index.ts';
import { MAX_EVENTS_PER_PAGE, type PushAcknowledgement, type PushBatch, type TrackingEvent, type TrackingStatus } from '../../../schemas/src/index.ts';
import { isValid } from '../../../schemas/validate.ts';
import { recordActivity } from '../activity.ts';
import { repairGaps, waybillsWithGaps } from '../client/trajectory.ts';
import { json, problemResponse, validationProblem } from '../respond.ts';
import { recordEventProvided } from '../simulator/provided.ts';
import type { MockContext, MockRequest, MockResponse, OperationHandler } from '../types.ts';

export const RECEIVED_EVENTS = 'received-events';
/** Per waybill, the received events' ids in sequence order: what a read-back walks (ECDX-PSH-022). */
const RECEIVED_WAYBILLS = 'received-waybills';

/** What the platform keeps of each event received; the statistics read it for the receiving latency. */
export interface ReceivedEvent {
  event: TrackingEvent;
  batchId: string;
  receivedAt: number;
}

interface ReceivedWaybill {
  entries: { sequence: number; eventId: string }[];
}

/**
 * Pushes are verified with the demo carrier's push keys, so they come from the demo carrier: its keyid is the
 * counterparty the platform's statistics count them for.
 */
const PUSHING_CARRIER = DEMO_CARRIER_KEYID;

/** How long the platform-slow-acknowledgement fault holds its answer (real time): past the 15-second limit. */
const SLOW_ACKNOWLEDGEMENT_MS = 16_000;

/** Statuses the platform-refuses-unexpected-status fault takes: the plain delivery path and nothing else. */
const ORDINARY_STATUSES: readonly TrackingStatus[] = [
  'ORDER_CREATED',
  'AWAITING_PICKUP',
  'ACCEPTED',
  'SORTING',
  'IN_TRANSIT',
  'ARRIVED_DEST_CITY',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
];

/** The events received for a waybill, in ascending sequence whatever order they arrived in. */
export function receivedEventsOf(mock: MockContext, waybillNo: string): TrackingEvent[] {
  const entries = mock.store.collection<ReceivedWaybill>(RECEIVED_WAYBILLS).get(waybillNo)?.entries ?? [];
  const events = mock.store.collection<ReceivedEvent>(RECEIVED_EVENTS);
  return entries.flatMap(({ eventId }) => {
    const held = events.get(eventId);
    return held ? [held.event] : [];
  });
}

/**
 * A batch of more than 100 events is refused with 413 `batch-too-large` (ECDX-PSH-023), before the schema check
 * would call it invalid: the pipeline calls this ahead of validation; the handler checks again.
 */
export function batchSizeRefusal(mock: MockContext, body: unknown): MockResponse | undefined {
  const events = (body as { events?: unknown } | null)?.events;
  if (!Array.isArray(events) || events.length <= MAX_EVENTS_PER_PAGE) return undefined;
  if (mock.fault('platform-oversized-batch-as-validation-error')) {
    return validationProblem([{ name: '/events', reason: `must NOT have more than ${MAX_EVENTS_PER_PAGE} items`, in: 'body' }]);
  }
  return problemResponse('batch-too-large', { detail: `the batch carries ${events.length} events; split it into batches of at most ${MAX_EVENTS_PER_PAGE}` });
}

/** Everything the receiver does with a batch, synchronously; the handler adds only the slow-answer fault. */
export function acceptPushBatch(mock: MockContext, request: MockRequest, body: unknown): MockResponse {
  if (mock.fault('platform-single-push-signature-only')) {
    const signatures = (request.headers['webhook-signature'] ?? '').split(' ').filter((s) => s !== '');
    if (signatures.length > 1) return problemResponse('signature-invalid', { detail: 'webhook-signature must hold exactly one signature' });
  }
  const tooLarge = batchSizeRefusal(mock, body);
  if (tooLarge) return tooLarge;

  const batch = body as Partial<PushBatch> | null;
  const batchId = typeof batch?.batchId === 'string' && isValid('ObjectId', batch.batchId) ? batch.batchId : 'unreadable-batch';
  // Only a validation-skipping fault lets a malformed batch get here: keep what is readable, never crash.
  const listed: unknown[] = Array.isArray(batch?.events) ? batch.events : [];
  const events = listed.filter((e): e is TrackingEvent => isValid('TrackingEvent', e));

  const refusal = strictRefusal(mock, events);
  if (refusal) return refusal;

  const stored = mock.store.collection<ReceivedEvent>(RECEIVED_EVENTS);
  const reprocess = mock.fault('platform-reprocesses-duplicates');
  const seenInBatch = new Set<string>();
  const fresh: TrackingEvent[] = [];
  for (const event of events) {
    const duplicate = stored.has(event.eventId) || seenInBatch.has(event.eventId);
    seenInBatch.add(event.eventId);
    if (!duplicate || reprocess) fresh.push(event);
  }
  if (fresh.length === 0 && events.length > 0 && mock.fault('platform-refuses-duplicate-batch')) {
    return validationProblem(
      events.map((_, i) => ({ name: `/events/${i}/eventId`, reason: 'has already been received', in: 'body' as const })).slice(0, 100),
      'Every event of this batch has already been received.',
    );
  }

  const now = mock.clock.now();
  for (const event of fresh) store(mock, event, batchId, now);
  recordActivity(mock, { kind: 'push-received', at: now, counterparty: PUSHING_CARRIER, batchId });
  for (const event of fresh) recordEventProvided(mock, event, PUSHING_CARRIER, now);

  // A gap the batch leaves is repaired by pulling from the subscription's carrier, after this answer (ECDX-PSH-027).
  const sequencesOf = (waybillNo: string) =>
    mock.store
      .collection<ReceivedWaybill>(RECEIVED_WAYBILLS)
      .get(waybillNo)
      ?.entries.map((e) => e.sequence) ?? [];
  const gaps = waybillsWithGaps(
    sequencesOf,
    fresh.map((e) => e.waybillNo),
  );
  repairGaps(mock, typeof batch?.subscriptionId === 'string' ? batch.subscriptionId : '', gaps, (pulled) => keepPulledEvents(mock, pulled));

  const received = Math.min(listed.length, MAX_EVENTS_PER_PAGE);
  const acknowledgement: PushAcknowledgement = { batchId, received, duplicates: reprocess ? 0 : Math.min(received, events.length - fresh.length) };
  return json(200, acknowledgement);
}

/** Events read by a pull (the reference client's): held beside the pushed ones, each once. */
export function keepPulledEvents(mock: MockContext, events: readonly TrackingEvent[]): void {
  const stored = mock.store.collection<ReceivedEvent>(RECEIVED_EVENTS);
  const now = mock.clock.now();
  for (const event of events) if (!stored.has(event.eventId)) store(mock, event, PULLED, now);
}

/** The batchId of an event the platform pulled rather than received in a push. */
const PULLED = 'pulled';

function store(mock: MockContext, event: TrackingEvent, batchId: string, at: number): void {
  mock.store.collection<ReceivedEvent>(RECEIVED_EVENTS).put(event.eventId, { event, batchId, receivedAt: at });
  const waybills = mock.store.collection<ReceivedWaybill>(RECEIVED_WAYBILLS);
  const entries = (waybills.get(event.waybillNo)?.entries ?? []).filter((e) => e.eventId !== event.eventId);
  entries.push({ sequence: event.sequence, eventId: event.eventId });
  entries.sort((a, b) => a.sequence - b.sequence);
  waybills.put(event.waybillNo, { entries });
}

/** The refusals that faults add: a platform stricter than ECDX allows (ECDX-PSH-022, ECDX-PSH-025). */
function strictRefusal(mock: MockContext, events: TrackingEvent[]): MockResponse | undefined {
  const invalid: { name: string; reason: string; in: 'body' }[] = [];
  if (mock.fault('platform-refuses-unexpected-status')) {
    events.forEach((e, i) => {
      if (!ORDINARY_STATUSES.includes(e.status)) invalid.push({ name: `/events/${i}/status`, reason: 'is not a status this platform handles', in: 'body' });
    });
  }
  if (mock.fault('platform-refuses-out-of-order-events')) {
    const stored = mock.store.collection<ReceivedEvent>(RECEIVED_EVENTS);
    const waybills = mock.store.collection<ReceivedWaybill>(RECEIVED_WAYBILLS);
    const highest = new Map<string, number>();
    events.forEach((e, i) => {
      if (stored.has(e.eventId)) return;
      const held = highest.get(e.waybillNo) ?? waybills.get(e.waybillNo)?.entries.at(-1)?.sequence;
      if (held !== undefined && e.sequence !== held + 1) {
        invalid.push({ name: `/events/${i}/sequence`, reason: `does not follow sequence ${held}, the last one received for this waybill`, in: 'body' });
      }
      highest.set(e.waybillNo, Math.max(held ?? 0, e.sequence));
    });
  }
  return invalid.length > 0 ? validationProblem(invalid.slice(0, 100), 'The batch holds events this platform does not take.') : undefined;
}

const receiveTrackingEvents: OperationHandler = async ({ mock, request, body }) => {
  const response = acceptPushBatch(mock, request, body);
  if (response.status === 200 && mock.fault('platform-slow-acknowledgement')) {
    await new Promise((resolve) => setTimeout(resolve, SLOW_ACKNOWLEDGEMENT_MS));
  }
  return response;
};

export const handlers = { receiveTrackingEvents } satisfies Record<string, OperationHandler>;
