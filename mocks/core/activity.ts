// What the mock has exchanged, as a log the sharing statistics are computed from (OP-11). Areas record entries as
// they happen; GET /v1/statistics/sharing aggregates the entries of a period. Entries hold codes and counts only,
// never personal data, so the statistics cannot leak any.
import type { TrackingNode } from '../../schemas/src/index.ts';
import type { MockContext } from './types.ts';

export type Activity = { at: number; counterparty: string } & (
  | { kind: 'shipment-accepted' }
  | { kind: 'shipment-rejected'; reason: string }
  /** One entry per (event, counterparty), the first time the event reaches that counterparty by pull or push. */
  | { kind: 'event-provided'; eventId: string; node: TrackingNode }
  | { kind: 'push-delivered'; batchId: string; latencySeconds: number }
  | { kind: 'push-retried'; batchId: string }
  | { kind: 'push-failed'; batchId: string }
  /** Pushes a platform mock received (counted as events received). */
  | { kind: 'push-received'; batchId: string }
);

const COLLECTION = 'activity';

export function recordActivity(mock: MockContext, entry: Activity): void {
  const log = mock.store.collection<Activity>(COLLECTION);
  log.put(String(log.size + 1).padStart(12, '0'), entry);
}

/** Entries with `from ≤ at < to`, optionally for one counterparty (keyid). */
export function activitiesBetween(mock: MockContext, from: number, to: number, counterparty?: string): Activity[] {
  return mock.store
    .collection<Activity>(COLLECTION)
    .values()
    .filter((a) => a.at >= from && a.at < to && (counterparty === undefined || a.counterparty === counterparty));
}
