import { afterEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, SECOND } from '../../schemas/time.ts';
import { PreconditionFailed } from '../harness/check.ts';
import type { HttpResponse } from '../harness/client.ts';
import { scriptedClaim, scriptedContext, type Script, type ScriptedAnswer, type ScriptedRequest } from '../harness/scripted-target.ts';
import { createShipment, happyOrderId } from './shipping-data.ts';
import {
  advanceUntil,
  delivered,
  describeEvent,
  ENDING_STATUSES,
  eventIdOf,
  eventsPath,
  getEvents,
  itemPointer,
  journeys,
  pageOf,
  readJourneys,
  readTrajectory,
  SENDER_LANDLINE,
  sequenceOf,
  statusOf,
  subStatusOf,
  walkEvents,
  type Journeys,
  type ServedEvent,
} from './trajectory.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const START = Date.parse('2026-03-01T01:30:00Z');
const claim = scriptedClaim('carrier', ['carrier-shipping', 'carrier-tracking-pull'], { testMode: true });

const event = (sequence: number, status: string, extra: ServedEvent = {}): ServedEvent => ({ eventId: `evt_${sequence}`, sequence, status, ...extra });

/** A page of `events` from `offset`, `limit` a page (20 by default), its cursor the offset of the next page. */
function page(waybillNo: string, events: readonly ServedEvent[], request: ScriptedRequest): ScriptedAnswer {
  const query = new URL(request.path, 'http://x').searchParams;
  const limit = Number(query.get('limit') ?? 20);
  const offset = Number(query.get('cursor')?.slice(1) ?? 0);
  const items = events.slice(offset, offset + limit);
  return { status: 200, json: { waybillNo, items, ...(offset + limit < events.length ? { nextCursor: `c${offset + limit}` } : {}) } };
}

/**
 * A carrier on a test clock: it creates shipments (waybill numbers by the order id's prefix, `DELIVERED…` for
 * `ecdx-happy-`, `RETURNED…` for the rejected path) and serves, for each, the events `trajectory` says were
 * recorded by its clock's time.
 */
function carrierOnTestClock(trajectory: (waybillNo: string, elapsed: number) => ServedEvent[]) {
  let now = START;
  const shipments: Record<string, unknown>[] = [];
  const clock = () => ({ status: 200, json: { now: new Date(now).toISOString() } });
  const script: Script = (r) => {
    if (r.path === '/v1/test/clock') {
      if (r.method === 'POST') now += (JSON.parse(r.body) as { advanceSeconds: number }).advanceSeconds * SECOND;
      return clock();
    }
    if (r.method === 'POST' && r.path === '/v1/shipments') {
      const request = JSON.parse(r.body) as Record<string, unknown>;
      shipments.push(request);
      const prefix = String(request['platformOrderId']).startsWith('ecdx-happy-') ? 'DELIVERED' : 'RETURNED';
      const waybillNo = `${prefix}${String(shipments.length).padStart(4, '0')}`;
      return {
        status: 201,
        json: {
          waybillNo,
          carrierCode: 'ECDXDEMO',
          status: 'CREATED',
          request,
          createdAt: '2026-03-01T09:30:02+08:00',
          updatedAt: '2026-03-01T09:30:02+08:00',
        },
      };
    }
    const waybillNo = /^\/v1\/shipments\/([^/?]+)\/events/.exec(r.path)?.[1];
    if (r.method === 'GET' && waybillNo) return page(waybillNo, trajectory(waybillNo, now - START), r);
    return { status: 404, json: {} };
  };
  const scripted = scriptedContext({ role: 'carrier', claim, script });
  close = scripted.close;
  const advances = () =>
    scripted.requests
      .filter((r) => r.method === 'POST' && r.path === '/v1/test/clock')
      .map((r) => (JSON.parse(r.body) as { advanceSeconds: number }).advanceSeconds * SECOND);
  return { ...scripted, shipments, advances };
}

/** A carrier serving the same events for every waybill, pages as `page` cuts them, or as `answer` says. */
function carrierServing(events: readonly ServedEvent[], answer?: (r: ScriptedRequest) => ScriptedAnswer | undefined) {
  const scripted = scriptedContext({ role: 'carrier', claim, script: (r) => answer?.(r) ?? page('SF1234567890', events, r) });
  close = scripted.close;
  return scripted;
}

const answer = (status: number, json: unknown): HttpResponse => ({
  status,
  headers: {},
  text: '',
  json,
  durationMs: 1,
  sent: { method: 'GET', url: '', headers: {}, body: undefined },
});

const five = [1, 2, 3, 4, 5].map((n) => event(n, 'IN_TRANSIT'));

describe('kit/trajectory: reading pages', () => {
  it('writes the events path with its query, escaped', () => {
    expect(eventsPath('SF1')).toBe('/v1/shipments/SF1/events');
    expect(eventsPath('SF1', { limit: 3, cursor: 'a b/c' })).toBe('/v1/shipments/SF1/events?limit=3&cursor=a+b%2Fc');
    expect(eventsPath('SF1', { limit: 'abc' })).toBe('/v1/shipments/SF1/events?limit=abc');
  });

  it('gets a page with the options given', async () => {
    const { t, requests } = carrierServing(five);
    const response = await getEvents(t, 'SF1', { limit: 2 }, { sign: false });
    expect(response.status).toBe(200);
    expect(requests[0]!.path).toBe('/v1/shipments/SF1/events?limit=2');
    expect(requests[0]!.headers['signature-input']).toBeUndefined();
  });

  it('reads a page only from a 200 whose items are objects, telling an unusable cursor', () => {
    expect(pageOf(answer(200, { items: [event(1, 'ACCEPTED')], nextCursor: 'c1' }))).toEqual({
      items: [event(1, 'ACCEPTED')],
      nextCursor: 'c1',
      badCursor: false,
    });
    expect(pageOf(answer(200, { items: [], nextCursor: 7 }))).toEqual({ items: [], nextCursor: undefined, badCursor: true });
    expect(pageOf(answer(200, { items: [event(1, 'ACCEPTED'), 'junk'] }))).toBeUndefined();
    expect(pageOf(answer(200, { items: 'none' }))).toBeUndefined();
    expect(pageOf(answer(200, [event(1, 'ACCEPTED')]))).toBeUndefined();
    expect(pageOf(answer(404, { items: [] }))).toBeUndefined();
  });

  it('walks the cursors to the last page, keeping every page and cursor', async () => {
    const { t } = carrierServing(five);
    const walk = await walkEvents(t, 'SF1', 2);
    expect(walk.events.map(sequenceOf)).toEqual([1, 2, 3, 4, 5]);
    expect(walk.pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(walk.cursors).toEqual(['c2', 'c4']);
    expect(walk.complete).toBe(true);
    expect(walk.refused).toBeUndefined();
    expect(Math.abs(walk.answeredAt - t.targetNow())).toBeLessThan(1_000);
  });

  it('stops a walk at the most pages allowed, or at an answer that is not a page', async () => {
    const looping = carrierServing(five, () => ({ status: 200, json: { items: [event(1, 'ACCEPTED')], nextCursor: 'again' } }));
    const loop = await walkEvents(looping.t, 'SF1', 1, 3);
    expect([loop.pages.length, loop.complete, looping.requests.length]).toEqual([3, false, 3]);
    const refusing = carrierServing(five, (r) => (r.path.includes('cursor=c2') ? { status: 422, json: { title: 'bad cursor' } } : undefined));
    const refused = await walkEvents(refusing.t, 'SF1', 2);
    expect([refused.events.length, refused.complete, refused.refused?.status]).toEqual([2, false, 422]);
    const badCursor = carrierServing(five, () => ({ status: 200, json: { items: [], nextCursor: 1 } }));
    expect((await walkEvents(badCursor.t, 'SF1')).complete).toBe(false);
  });

  it('reads the whole trajectory 100 a page, or ends the check precondition-failed', async () => {
    const { t, requests } = carrierServing(five);
    expect((await readTrajectory(t, 'SF1')).events).toHaveLength(5);
    expect(requests[0]!.path).toBe('/v1/shipments/SF1/events?limit=100');

    const refusing = carrierServing(five, () => ({ status: 500, json: {} }));
    await expect(readTrajectory(refusing.t, 'SF1')).rejects.toThrowErrorMatchingInlineSnapshot(
      `[PreconditionFailed: GET /v1/shipments/SF1/events answered 500 without a readable EventPage (see ECDX-TRK-001)]`,
    );
    const looping = carrierServing(five, () => ({ status: 200, json: { items: [], nextCursor: 'again' } }));
    await expect(readTrajectory(looping.t, 'SF1')).rejects.toThrowErrorMatchingInlineSnapshot(
      `[PreconditionFailed: the trajectory of SF1 did not end within 60 pages of 100 events]`,
    );
  });
});

describe('kit/trajectory: event members', () => {
  it('reads members loosely and describes an event for messages', () => {
    const e = event(3, 'EXCEPTION', { subStatus: 'EXCEPTION_DAMAGED' });
    expect([sequenceOf(e), statusOf(e), subStatusOf(e), eventIdOf(e)]).toEqual([3, 'EXCEPTION', 'EXCEPTION_DAMAGED', 'evt_3']);
    expect(describeEvent(e).en).toBe('event 3 (EXCEPTION/EXCEPTION_DAMAGED)');
    const odd = { sequence: '3', status: 7, subStatus: 1, eventId: null };
    expect([sequenceOf(odd), statusOf(odd), subStatusOf(odd), eventIdOf(odd)]).toEqual([Number.NaN, '7', undefined, 'null']);
    expect(describeEvent(odd).en).toBe('event 3 (7)');
  });

  it('knows the statuses that end a trajectory by their nature', () => {
    expect(ENDING_STATUSES).toEqual(['DELIVERED', 'RETURNED', 'CANCELLED']);
  });

  it('points at an event\u2019s member in the page of 100 it came from', () => {
    expect(itemPointer(3, '/node')).toBe('/items/3/node');
    expect(itemPointer(103)).toBe('/items/3');
  });
});

describe('kit/trajectory: moving the clock', () => {
  /** One event every 2 hours of test-clock time, the first at once. */
  const everyTwoHours = (_waybillNo: string, elapsed: number) =>
    Array.from({ length: Math.floor(elapsed / (2 * HOUR)) + 1 }, (_, i) => event(i + 1, 'IN_TRANSIT'));

  it('moves the clock step by step until the trajectories show what is awaited, keeping every read', async () => {
    const { t, advances } = carrierOnTestClock(everyTwoHours);
    const reads: { waybillNo: string; events: number; answeredAt: number }[] = [];
    const onRead = (waybillNo: string, s: { events: ServedEvent[]; answeredAt: number }) =>
      reads.push({ waybillNo, events: s.events.length, answeredAt: s.answeredAt - START });
    const result = await advanceUntil(t, ['SF1', 'SF2'], (all) => all.every((events) => events.length >= 3), { step: HOUR, max: DAY, onRead });
    expect(result.reached).toBe(true);
    expect(result.reads.map((events) => events.length)).toEqual([3, 3]);
    expect(advances()).toEqual([HOUR, HOUR, HOUR, HOUR]);
    expect(reads.filter((r) => r.waybillNo === 'SF2').map((r) => [r.events, r.answeredAt / HOUR])).toEqual([
      [1, 0],
      [1, 1],
      [2, 2],
      [2, 3],
      [3, 4],
    ]);
  });

  it('stops at the most time allowed, the last step cut short', async () => {
    const { t, advances } = carrierOnTestClock(everyTwoHours);
    const result = await advanceUntil(t, ['SF1'], () => false, { step: 5 * HOUR, max: 12 * HOUR });
    expect(result.reached).toBe(false);
    expect(advances()).toEqual([5 * HOUR, 5 * HOUR, 2 * HOUR]);
  });
});

describe('kit/trajectory: the shared journeys', () => {
  /** The delivered parcel ends 10 hours in, the returned one 14 hours in; `late` adds an event after each end. */
  const travelled =
    (late = false) =>
    (waybillNo: string, elapsed: number): ServedEvent[] => {
      const ending = waybillNo.startsWith('DELIVERED') ? { at: 10 * HOUR, status: 'DELIVERED' } : { at: 14 * HOUR, status: 'RETURNED' };
      const events = [event(1, 'ACCEPTED')];
      if (elapsed >= HOUR) events.push(event(2, 'IN_TRANSIT'));
      if (elapsed >= ending.at) events.push(event(3, ending.status, { terminal: true }));
      if (late && elapsed >= ending.at + 12 * HOUR) events.push(event(4, 'SORTING'));
      return events;
    };

  async function follow(late = false) {
    const carrier = carrierOnTestClock(travelled(late));
    const happy = await createShipment(carrier.t, { platformOrderId: happyOrderId() });
    const result = await journeys.create(carrier.t, { shipment: async () => happy });
    return { ...carrier, happy, result: result as Journeys };
  }

  it('follows both parcels in 6-hour steps until both ended, then one more day', async () => {
    const { result, advances, shipments } = await follow();
    expect(advances()).toEqual([6 * HOUR, 6 * HOUR, 6 * HOUR, DAY]);
    expect(result.happy.waybillNo).toBe('DELIVERED0001');
    expect(result.rejected.waybillNo).toBe('RETURNED0002');
    // The day after the end begins with a read of its own, so the read when both had ended is kept twice.
    const happy = result.happy.snapshots.map((s) => [s.events.length, (s.answeredAt - START) / HOUR]);
    expect(happy).toEqual([
      [1, 0],
      [2, 6],
      [3, 12],
      [3, 18],
      [3, 18],
      [3, 42],
    ]);
    expect(result.rejected.snapshots.map((s) => s.events.length)).toEqual([1, 2, 2, 3, 3, 3]);
    expect(result.rejected.final.map(statusOf)).toEqual(['ACCEPTED', 'IN_TRANSIT', 'RETURNED']);
    const rejected = shipments[1]!;
    expect(String(rejected['platformOrderId'])).toMatch(/^ecdx-path-rejected-/);
    expect((rejected['sender'] as { phone: string }).phone).toBe(SENDER_LANDLINE);
    expect(result.rejected.request).toEqual(rejected);
  });

  it('keeps in the final read what was recorded after the end', async () => {
    const { result } = await follow(true);
    expect(result.happy.final.map(sequenceOf)).toEqual([1, 2, 3, 4]);
  });

  it('gives the delivered journey, or ends the check precondition-failed', async () => {
    const { t, result } = await follow();
    expect(delivered(t, result)).toBe(result.happy);
    const undelivered = { ...result, happy: { ...result.happy, final: [event(1, 'ACCEPTED')] } };
    expect(() => delivered(t, undelivered)).toThrow(PreconditionFailed);
    expect(t.evidence.at(-1)).toMatchInlineSnapshot(`
      {
        "kind": "assertion",
        "message": "precondition: the parcel DELIVERED0001 (platformOrderId ecdx-happy-…) was not DELIVERED within 7 days of test-clock time (chapter Test controls promises 4)",
        "passed": false,
        "translations": {
          "zh-Hans": {
            "message": "前提条件：快件 DELIVERED0001（platformOrderId ecdx-happy-…）在测试时钟的 7 天内未达到 DELIVERED（测试控制一章承诺 4 天）",
          },
        },
      }
    `);
  });

  it('reads both journeys again, labelled, answered by the clock read after them', async () => {
    const { t, result } = await follow();
    const reads = await readJourneys(t, result);
    expect(reads.map((r) => [r.label.en, r.events.length, (r.answeredAt - START) / HOUR])).toEqual([
      ['the delivered parcel DELIVERED0001', 3, 42],
      ['the returned parcel RETURNED0002', 3, 42],
    ]);
    expect(reads[1]!.request).toBe(result.rejected.request);
  });
});
