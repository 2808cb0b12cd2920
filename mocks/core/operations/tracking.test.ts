// GET /v1/shipments/{waybillNo}/events through the whole pipeline: valid pages, complete and stable paging,
// the limit and cursor rules, the 404s that reveal nothing, and the event-provided activity.
import { afterEach, describe, expect, it } from 'vitest';
import { findMobileNumbers } from '../../../schemas/identifiers.ts';
import type { EventPage, TrackingEvent } from '../../../schemas/src/index.ts';
import { expectProblem } from '../../test-support/problems.ts';
import { send } from '../../testing.ts';
import { activitiesBetween } from '../activity.ts';
import { createShipment, DAY, getEvents, HOUR, MockPool, otherPlatform, shippingData, START, walk } from '../simulator/fixtures.ts';
import { simulatorFor } from '../simulator/simulator.ts';
import { pageSize } from './tracking.ts';

const pool = new MockPool();
afterEach(() => pool.closeAll());

/** A mock with a delivered parcel (10 events on the happy path). */
async function delivered() {
  const mock = pool.mock();
  const { waybillNo } = await createShipment(mock);
  mock.context.clock.advance(4 * DAY);
  return { mock, waybillNo };
}
const page = (body: unknown) => body as EventPage;

describe('the trajectory page', () => {
  it('answers 200 with an EventPage, right after the shipment is created', async () => {
    const mock = pool.mock();
    const { waybillNo } = await createShipment(mock);
    const response = await getEvents(mock, waybillNo);
    expect(response.status).toBe(200);
    expect(page(response.body)).toMatchObject({ waybillNo, items: [{ sequence: 1, status: 'ORDER_CREATED' }] });
    expect(page(response.body).nextCursor).toBeUndefined();
  });

  it('lists a delivered parcel from ORDER_CREATED to DELIVERED, with all four nodes', async () => {
    const { mock, waybillNo } = await delivered();
    const items = page((await getEvents(mock, waybillNo)).body).items;
    expect(items.map((e) => e.sequence)).toEqual(items.map((_, i) => i + 1));
    expect(items.at(-1)).toMatchObject({ status: 'DELIVERED', terminal: true });
    expect(new Set(items.map((e) => e.node))).toEqual(new Set(['ACCEPTANCE', 'SORTING', 'TRANSPORT', 'DELIVERY']));
  });

  it('shows only events recorded by now (recordedAt never in the future)', async () => {
    const mock = pool.mock();
    const { waybillNo } = await createShipment(mock);
    for (let hours = 0; hours < 30; hours += 3) {
      mock.context.clock.advance(3 * HOUR);
      for (const e of page((await getEvents(mock, waybillNo)).body).items) expect(Date.parse(e.recordedAt)).toBeLessThanOrEqual(mock.context.clock.now());
    }
  });

  it('returns every event with the same eventId and members every time', async () => {
    const { mock, waybillNo } = await delivered();
    const first = page((await getEvents(mock, waybillNo)).body).items;
    mock.context.clock.advance(DAY);
    expect(page((await getEvents(mock, waybillNo)).body).items).toEqual(first);
  });
});

describe('pagination', () => {
  it.each([1, 2, 3, 4, 7, 9, 10, 20, 100, 1000])('a walk with limit %i yields every event once, in order, on pages of at most limit', async (limit) => {
    const { mock, waybillNo } = await delivered();
    const all = simulatorFor(mock.context).recordedEvents(waybillNo)!;
    const { events, pages } = await walk(mock, waybillNo, limit);
    expect(events).toEqual(all);
    expect(pages).toBe(Math.max(1, Math.ceil(all.length / Math.min(limit, 100))));
  });

  it('serves 20 events per page when limit is absent, the limit up to 100, and 100 above', () => {
    // No simulated trajectory is longer than 20 events, so the sizes are checked where they are decided.
    const mock = pool.mock().context;
    const size = (query: string) => pageSize(mock, new URLSearchParams(query));
    expect([size(''), size('limit=1'), size('limit=100'), size('limit=101'), size('limit=99999999999999999999999')]).toEqual([20, 1, 100, 100, 100]);
  });

  it('serves a limit above 100 rather than refusing it', async () => {
    const { mock, waybillNo } = await delivered();
    expect(page((await getEvents(mock, waybillNo, 'limit=1000')).body).items).toHaveLength(10);
  });

  it.each(['0', '-1', '1.5', 'abc', '', ' 5', '1e2'])('refuses limit=%j with 422 naming limit in the query', async (limit) => {
    const { mock, waybillNo } = await delivered();
    const problem = expectProblem(await getEvents(mock, waybillNo, `limit=${encodeURIComponent(limit)}`), 'validation-failed');
    expect(problem.invalidParams).toEqual([expect.objectContaining({ name: '/limit', in: 'query' })]);
  });

  it('shows events recorded during a walk only after those already returned', async () => {
    const mock = pool.mock();
    const { waybillNo } = await createShipment(mock);
    mock.context.clock.advance(6 * HOUR);
    const first = page((await getEvents(mock, waybillNo, 'limit=2')).body);
    mock.context.clock.advance(4 * DAY);
    const rest = await walkFrom(mock, waybillNo, first.nextCursor!);
    const sequences = [...first.items, ...rest].map((e) => e.sequence);
    expect(sequences).toEqual(sequences.map((_, i) => i + 1));
    expect(rest.at(-1)!.status).toBe('DELIVERED');
  });

  it('honours a cursor for days and after a restart of the clock', async () => {
    const { mock, waybillNo } = await delivered();
    const first = page((await getEvents(mock, waybillNo, 'limit=3')).body);
    mock.context.clock.advance(2 * DAY);
    const second = page((await getEvents(mock, waybillNo, `limit=3&cursor=${first.nextCursor}`)).body);
    expect(second.items.map((e) => e.sequence)).toEqual([4, 5, 6]);
  });

  it('refuses a cursor it did not issue, or issued for another waybill, with 422 naming the cursor', async () => {
    const { mock, waybillNo } = await delivered();
    const other = await createShipment(mock, shippingData('ecdx-happy-2'));
    mock.context.clock.advance(4 * DAY);
    const foreign = page((await getEvents(mock, other.waybillNo, 'limit=1')).body).nextCursor!;
    for (const cursor of ['c2VxPTIw', foreign, 'x'.repeat(512)]) {
      const problem = expectProblem(await getEvents(mock, waybillNo, `cursor=${cursor}`), 'validation-failed');
      expect(problem.invalidParams).toEqual([expect.objectContaining({ name: '/cursor', in: 'query' })]);
    }
  });

  it('issues cursors that carry no personal data', async () => {
    const { mock, waybillNo } = await delivered();
    const { cursors } = await walk(mock, waybillNo, 1);
    expect(cursors.length).toBe(9);
    for (const cursor of cursors) {
      expect(cursor).toMatch(/^[!-~]{1,512}$/);
      expect(findMobileNumbers(cursor)).toEqual([]);
      expect(cursor).not.toMatch(/张|中关村|100080/);
    }
  });
});

describe('unknown and foreign waybills', () => {
  it('answers 404 not-found alike for a waybill it does not hold and for another platform’s', async () => {
    const { mock, waybillNo } = await delivered();
    const unknown = expectProblem(await getEvents(mock, 'ECDX999999999994'), 'not-found');
    const foreign = expectProblem(await getEvents(mock, waybillNo, '', otherPlatform), 'not-found');
    expect(foreign).toEqual(unknown);
  });
});

describe('event-provided activity', () => {
  it('records each event once per counterparty, the first time it reaches it', async () => {
    const { mock, waybillNo } = await delivered();
    await walk(mock, waybillNo, 3);
    await walk(mock, waybillNo, 100);
    const provided = activitiesBetween(mock.context, START, mock.context.clock.now() + 1).filter((a) => a.kind === 'event-provided');
    const events = simulatorFor(mock.context).recordedEvents(waybillNo)!;
    expect(provided.map((a) => (a as { eventId: string }).eventId)).toEqual(events.map((e) => e.eventId));
    expect(provided.map((a) => (a as { node: string }).node)).toEqual(events.map((e) => e.node));
  });
});

async function walkFrom(mock: ReturnType<MockPool['mock']>, waybillNo: string, cursor: string): Promise<TrackingEvent[]> {
  const events: TrackingEvent[] = [];
  let next: string | undefined = cursor;
  while (next) {
    const response = await send(mock, 'GET', `/v1/shipments/${waybillNo}/events?limit=2&cursor=${next}`);
    expect(response.status).toBe(200);
    events.push(...page(response.body).items);
    next = page(response.body).nextCursor;
  }
  return events;
}
