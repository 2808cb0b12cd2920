// The trajectory simulator of a running mock: it computes each shipment's trajectory (trajectory.ts), serves the
// events recorded by virtual now, and announces each event to the `onRecorded` listeners (the push dispatcher)
// when the mock's clock reaches its recordedAt. How far each waybill has been announced is kept in the store
// (collection `trajectory-announced`), so that a mock restarted over the same store announces what fell due
// while it was down, once, and nothing twice.
import type { TrackingEvent } from '../../../schemas/src/index.ts';
import type { TrajectoryService } from '../services.ts';
import type { MockContext } from '../types.ts';
import { shipmentsOf, type StoredShipment } from './shipment-record.ts';
import { simulateTrajectory, type SimulatedEvent } from './trajectory.ts';

type Listener = (event: TrackingEvent, ownerKeyid: string) => void;

const ANNOUNCED = 'trajectory-announced';
/** Trajectories kept computed; beyond that the oldest are recomputed on demand (they are deterministic). */
const CACHE_LIMIT = 5000;

export class TrajectorySimulator implements TrajectoryService {
  readonly #mock: MockContext;
  readonly #cache = new Map<string, { key: string; events: SimulatedEvent[] }>();
  readonly #timers = new Map<string, () => void>();
  readonly #listeners: Listener[] = [];

  constructor(mock: MockContext) {
    this.#mock = mock;
  }

  /** The whole trajectory of a stored shipment, future events included. */
  trajectory(record: StoredShipment): SimulatedEvent[] {
    const { waybillNo, createdAt, cancelledAt } = record.shipment;
    // The faults in force shape the trajectory too: after a run-time change it is computed again under the new ones.
    const key = `${createdAt}|${cancelledAt ?? ''}|${this.#mock.faultGeneration}`;
    const cached = this.#cache.get(waybillNo);
    if (cached?.key === key) return cached.events;
    const events = simulateTrajectory({
      seed: this.#mock.seed,
      waybillNo,
      carrierCode: record.shipment.carrierCode,
      createdAtMs: Date.parse(createdAt),
      ...(cancelledAt ? { cancelledAtMs: Date.parse(cancelledAt) } : {}),
      request: record.shipment.request,
      honourTestControls: this.#mock.testMode,
      fault: (name) => this.#mock.fault(name),
    });
    this.#cache.delete(waybillNo);
    this.#cache.set(waybillNo, { key, events });
    if (this.#cache.size > CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value!);
    return events;
  }

  /** The events of a stored shipment recorded by `now` (recordedAt ≤ now), in sequence order. */
  recorded(record: StoredShipment, now = this.#mock.clock.now()): SimulatedEvent[] {
    return this.trajectory(record).filter((e) => e.recordedAtMs <= now);
  }

  recordedEvents(waybillNo: string): TrackingEvent[] | undefined {
    const record = shipmentsOf(this.#mock).get(waybillNo);
    return record ? this.recorded(record).map((e) => e.event) : undefined;
  }

  onRecorded(listener: Listener): void {
    this.#listeners.push(listener);
  }

  /** Arm the timers of every stored shipment: at start-up, also over a store a previous mock wrote. */
  start(): void {
    for (const record of shipmentsOf(this.#mock).values()) this.follow(record.shipment.waybillNo);
  }

  /** (Re)arm the announcement of a shipment's next event: after it is created, and after it is cancelled. */
  follow(waybillNo: string): void {
    this.#timers.get(waybillNo)?.();
    this.#timers.delete(waybillNo);
    const record = shipmentsOf(this.#mock).get(waybillNo);
    if (!record) return;
    const events = this.trajectory(record);
    const next = events[this.#announced(waybillNo)];
    if (!next) return;
    const cancel = this.#mock.clock.at(next.recordedAtMs, () => {
      this.#timers.delete(waybillNo);
      this.#announceDue(waybillNo);
      this.follow(waybillNo);
    });
    this.#timers.set(waybillNo, cancel);
  }

  /** Forget what was announced for a waybill whose shipment was replaced (only a fault replaces one). */
  restart(waybillNo: string): void {
    this.#cache.delete(waybillNo);
    this.#mock.store.collection<number>(ANNOUNCED).delete(waybillNo);
    this.follow(waybillNo);
  }

  #announced(waybillNo: string): number {
    return this.#mock.store.collection<number>(ANNOUNCED).get(waybillNo) ?? 0;
  }

  #announceDue(waybillNo: string): void {
    const record = shipmentsOf(this.#mock).get(waybillNo);
    if (!record) return;
    const events = this.trajectory(record);
    const now = this.#mock.clock.now();
    let count = this.#announced(waybillNo);
    while (count < events.length && events[count]!.recordedAtMs <= now) {
      const { event } = events[count]!;
      count += 1;
      this.#mock.store.collection<number>(ANNOUNCED).put(waybillNo, count);
      for (const listener of this.#listeners) {
        try {
          listener(event, record.ownerKeyid);
        } catch (error) {
          console.error(`ecdx mock: a listener of recorded events failed on ${event.eventId}:`, error);
        }
      }
    }
  }
}

const simulators = new WeakMap<MockContext, TrajectorySimulator>();

/** The simulator of a running mock (one per mock, created on first use). */
export function simulatorFor(mock: MockContext): TrajectorySimulator {
  let simulator = simulators.get(mock);
  if (!simulator) {
    simulator = new TrajectorySimulator(mock);
    simulators.set(mock, simulator);
  }
  return simulator;
}
