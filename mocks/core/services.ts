// Services one area offers another inside a running mock (the trajectory feeds the push dispatcher; the push
// dispatcher's backlog feeds the health document). An area provides its service in its start() function; areas
// start in the order of mocks/core/operations/index.ts, providers first.
import type { TrackingEvent } from '../../schemas/src/index.ts';
import type { MockContext } from './types.ts';

export interface TrajectoryService {
  /** The events of a waybill that are recorded by virtual now, in sequence order; undefined for an unknown waybill. */
  recordedEvents(waybillNo: string): TrackingEvent[] | undefined;
  /**
   * Register a listener called once for each event when virtual time reaches its recordedAt, with the keyid of
   * the platform whose shipping data created the shipment. Events recorded before the listener registered are
   * not replayed.
   */
  onRecorded(listener: (event: TrackingEvent, ownerKeyid: string) => void): void;
}

export interface PushService {
  /** Batches not yet delivered (pending or retrying), and the oldest one's creation time (epoch ms). */
  backlog(): { pendingBatches: number; oldestPendingAt?: number; lastDeliveredAt?: number };
  /** Attempts due by now that are not finished: batches formed but not yet sent, and attempts awaiting their answer. */
  pendingAttempts(): number;
  /**
   * Register a listener told how each push attempt settled, e.g. the standalone server's Prometheus counters
   * (mocks/metrics.ts), which the core does not know; returns the function that unregisters it. Optional, so that
   * a stand-in service of a test need not have it.
   */
  observe?(listener: PushOutcomeListener): () => void;
}

/**
 * How a push attempt settled: `delivered` (a 2xx), `failed` (it is attempted again on the schedule), `abandoned`
 * (the schedule is spent: the batch is given up) or `gone` (a 410 ended the subscription).
 */
export type PushOutcome = 'delivered' | 'failed' | 'abandoned' | 'gone';
export type PushOutcomeListener = (outcome: PushOutcome) => void;

export interface ServiceMap {
  trajectory: TrajectoryService;
  pushes: PushService;
}

export function provideService<K extends keyof ServiceMap>(mock: MockContext, name: K, service: ServiceMap[K]): void {
  mock.services.set(name, service);
}

/** The service, or undefined when the area that provides it is not running (e.g. a platform-only mock). */
export function findService<K extends keyof ServiceMap>(mock: MockContext, name: K): ServiceMap[K] | undefined {
  return mock.services.get(name) as ServiceMap[K] | undefined;
}
