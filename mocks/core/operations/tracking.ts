// Parcel data by request (快件数据, OP-02): GET /v1/shipments/{waybillNo}/events, one cursor-paginated page of the
// trajectory the simulator has recorded by virtual now. `start()` arms the simulator's timers for every shipment
// in the store (a restarted mock picks up where the last one stopped) and provides the `trajectory` service that
// the push dispatcher listens to.
//
// Pages follow the sequence: a cursor marks the last sequence returned, so a walk yields every event recorded
// before it started exactly once, and events recorded during the walk only after those (ECDX-TRK-009). `limit`
// defaults to 20 and is served as 100 (the claim's maxPageSize) above 100; anything but an integer ≥ 1 is refused
// (ECDX-TRK-010).
import { DEFAULT_EVENTS_PAGE_SIZE, MAX_EVENTS_PER_PAGE, type EventPage } from '../../../schemas/src/index.ts';
import { json, problemResponse, validationProblem } from '../respond.ts';
import { provideService } from '../services.ts';
import { issueCursor, readCursor } from '../simulator/cursor.ts';
import { recordEventProvided } from '../simulator/provided.ts';
import { shipmentsOf } from '../simulator/shipment-record.ts';
import { simulatorFor } from '../simulator/simulator.ts';
import type { MockContext, MockResponse, OperationHandler } from '../types.ts';
import { shipmentNotFound } from './shipments.ts';
import { MINUTE } from '../../../schemas/time.ts';

/** The page size a request asks for, or the 422 it earns. */
export function pageSize(mock: MockContext, query: URLSearchParams): number | MockResponse {
  const raw = query.get('limit');
  if (raw === null) return mock.fault('default-page-size-10') ? 10 : DEFAULT_EVENTS_PAGE_SIZE;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    if (mock.fault('invalid-limit-served-default')) return DEFAULT_EVENTS_PAGE_SIZE;
    return validationProblem([{ name: '/limit', in: 'query', reason: 'limit must be an integer of at least 1' }], 'The query does not match this operation.');
  }
  const limit = Number(raw);
  if (limit <= MAX_EVENTS_PER_PAGE) return limit;
  if (mock.fault('limit-above-100-refused')) {
    return validationProblem([{ name: '/limit', in: 'query', reason: 'limit must not exceed 100' }], 'The query does not match this operation.');
  }
  return MAX_EVENTS_PER_PAGE;
}

const badCursor = (reason: string): MockResponse =>
  validationProblem([{ name: '/cursor', in: 'query', reason }], 'The cursor cannot be honoured; start again from the first page.');

/** The recipient's telephone digits, which the cursor-with-recipient-phone fault writes into every cursor. */
function leakedPhone(request: unknown): string {
  const phone = (request as { recipient?: { phone?: unknown } } | undefined)?.recipient?.phone;
  return typeof phone === 'string' ? phone.replace(/\D/g, '') : '';
}

const listTrackingEvents: OperationHandler = ({ mock, params, query, caller }) => {
  const waybillNo = params['waybillNo'] ?? '';
  const stored = shipmentsOf(mock).get(waybillNo);
  // The query before the lookup, the cursor after it (chapter Core, order of evaluation; ECDX-ERR-011).
  if (!stored && mock.fault('waybill-looked-up-before-query')) return shipmentNotFound();
  const limit = pageSize(mock, query);
  if (typeof limit !== 'number') return limit;
  if (!stored) {
    if (mock.fault('unknown-waybill-events-empty') && /^[A-Z0-9]{8,32}$/.test(waybillNo)) return json(200, { waybillNo, items: [] } satisfies EventPage);
    return shipmentNotFound();
  }
  if (stored.ownerKeyid !== caller?.keyid) {
    if (mock.fault('foreign-waybill-events-forbidden')) return problemResponse('forbidden', { detail: 'This waybill belongs to another platform.' });
    return shipmentNotFound();
  }

  const now = mock.clock.now();
  let afterSequence = 0;
  const given = query.get('cursor');
  if (given !== null) {
    const issued = mock.fault('cursor-with-recipient-phone') ? given.replace(/~\d*$/, '') : given;
    const reading = readCursor(mock.store, waybillNo, issued);
    if (reading.ok) {
      if (mock.fault('cursor-expires-after-a-minute') && now - reading.position.issuedAtMs > MINUTE) return badCursor('the cursor has expired');
      afterSequence = reading.position.afterSequence;
    } else if (!mock.fault('foreign-cursor-restarts-walk')) {
      return badCursor(reading.reason);
    }
  }

  const remaining = simulatorFor(mock)
    .recorded(stored, now)
    .map((e) => e.event)
    .filter((e) => e.sequence > afterSequence);
  const items = mock.fault('limit-ignored') ? remaining : remaining.slice(0, limit);
  const page: EventPage = { waybillNo, items };
  const last = items[items.length - 1];
  if (last && remaining.length > items.length) {
    const after = mock.fault('page-boundary-skips-event') ? last.sequence + 1 : last.sequence;
    page.nextCursor = issueCursor(mock.store, waybillNo, { afterSequence: after, issuedAtMs: now });
    if (mock.fault('cursor-with-recipient-phone')) page.nextCursor += `~${leakedPhone(stored.shipment.request)}`;
  }
  for (const event of items) recordEventProvided(mock, event, caller.keyid, now);
  return json(200, page);
};

export const handlers = { listTrackingEvents } satisfies Record<string, OperationHandler>;

/** Arm the simulator over the stored shipments and offer the trajectory to the other areas (a carrier's only). */
export function start(mock: MockContext): void {
  if (mock.role === 'platform') return;
  const simulator = simulatorFor(mock);
  simulator.start();
  provideService(mock, 'trajectory', simulator);
}
