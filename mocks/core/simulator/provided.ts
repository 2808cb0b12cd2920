// The `event-provided` activity (mocks/core/activity.ts) that the sharing statistics count: one entry per event
// and counterparty, the first time the event reaches that counterparty, by pull or by acknowledged push (the
// dispatcher records a batch's events once it is delivered), so that an event both pulled and pushed counts once
// (chapter Sharing statistics §2).
import type { TrackingEvent } from '../../../schemas/src/index.ts';
import { recordActivity } from '../activity.ts';
import type { MockContext } from '../types.ts';

const COLLECTION = 'events-provided';

/** Record that `event` reached `counterparty` (a keyid) at `at`, unless it had reached it before. */
export function recordEventProvided(mock: MockContext, event: TrackingEvent, counterparty: string, at = mock.clock.now()): void {
  const seen = mock.store.collection<number>(COLLECTION);
  // By waybill and sequence rather than eventId: an event is the same event even where a fault reuses its id.
  const key = `${counterparty} ${event.waybillNo} ${event.sequence}`;
  if (seen.has(key)) return;
  seen.put(key, at);
  recordActivity(mock, { kind: 'event-provided', at, counterparty, eventId: event.eventId, node: event.node });
}
