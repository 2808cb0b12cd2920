// Every fault of the trajectory and of the privacy rules on events: with it off the rule holds, with it on it
// breaks as described, and pulled events stay identical to what the trajectory service announces (so a fault in
// the content of events does not also break ECDX-PSH-010).
import { afterEach, describe, expect, it } from 'vitest';
import { findMobileNumbers, findResidentIds } from '../../schemas/identifiers.ts';
import { subStatusFits, type EventPage, type TrackingEvent } from '../../schemas/src/index.ts';
import { violations } from '../../schemas/validate.ts';
import { createShipment, DAY, getEvents, MockPool, otherPlatform, shippingData, walk } from '../core/simulator/fixtures.ts';
import { simulatorFor } from '../core/simulator/simulator.ts';
import { expectProblem } from '../test-support/problems.ts';
import { send } from '../testing.ts';
import { faultsNamed, type FaultName } from './index.ts';
import { trackingFaults } from './tracking.ts';

const pool = new MockPool();
afterEach(() => pool.closeAll());

/** A mock with the faults and a finished parcel of the order id (`ecdx-happy-…` is delivered), to `recipient` if given. */
async function finished(faults: FaultName[], orderId = 'ecdx-happy-1', recipient?: string) {
  const mock = pool.mock({ faults: faultsNamed(...faults) });
  const data = shippingData(orderId);
  if (recipient) data['recipient'] = { ...(data['recipient'] as object), name: recipient };
  const { waybillNo } = await createShipment(mock, data);
  mock.context.clock.advance(5 * DAY);
  return { mock, waybillNo, events: (await walk(mock, waybillNo, 100)).events };
}
const last = (events: TrackingEvent[]) => events[events.length - 1]!;
const of = (events: TrackingEvent[], status: string) => events.find((e) => e.status === status)!;

it('every tracking fault is tested here', async () => {
  const source = await import('node:fs/promises').then((fs) => fs.readFile(new URL(import.meta.url), 'utf8'));
  for (const fault of trackingFaults) expect(source, fault.name).toContain(`describe('${fault.name}'`);
});

it.each(trackingFaults.map((f) => f.name))('with %s on, pulled events are the events the trajectory service announces', async (name) => {
  const { mock, waybillNo, events } = await finished([name]);
  expect(events).toEqual(simulatorFor(mock.context).recordedEvents(waybillNo));
});

describe('event-page-with-total', () => {
  it('off: the page is a valid EventPage', async () => {
    const { mock, waybillNo } = await finished([]);
    expect(violations('EventPage', (await getEvents(mock, waybillNo)).body)).toEqual([]);
  });
  it('on: the page carries total and is no longer a valid EventPage', async () => {
    const { mock, waybillNo } = await finished(['event-page-with-total']);
    const body = (await getEvents(mock, waybillNo)).body as EventPage & { total: number };
    expect(body.total).toBe(10);
    expect(violations('EventPage', body).map((v) => v.message)).toContain('Unexpected property');
    for (const event of body.items) expect(violations('TrackingEvent', event)).toEqual([]);
  });
});

describe('no-sorting-event', () => {
  it('off: a delivered parcel has a SORTING event', async () => expect((await finished([])).events.map((e) => e.node)).toContain('SORTING'));
  it('on: it has none; the other nodes and the sequence are intact', async () => {
    const { events } = await finished(['no-sorting-event']);
    expect(new Set(events.map((e) => e.node))).toEqual(new Set(['ACCEPTANCE', 'TRANSPORT', 'DELIVERY']));
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
  });
});

describe('happy-path-sorts-after-dispatch', () => {
  const statuses = (events: TrackingEvent[]) => events.map((e) => e.status);
  it('off: the happy parcel sorts before OUT_FOR_DELIVERY, ORDER_CREATED first, SORTING twice', async () => {
    const s = statuses((await finished([])).events);
    expect(s[0]).toBe('ORDER_CREATED');
    expect(s.filter((x) => x === 'SORTING').length).toBe(2);
    expect(s.lastIndexOf('SORTING')).toBeLessThan(s.indexOf('OUT_FOR_DELIVERY'));
  });
  it('on: its last SORTING follows OUT_FOR_DELIVERY, times still ascending, every node still visited', async () => {
    const { events } = await finished(['happy-path-sorts-after-dispatch']);
    const s = statuses(events);
    expect(s.slice(-3)).toEqual(['OUT_FOR_DELIVERY', 'SORTING', 'DELIVERED']);
    expect(new Set(events.map((e) => e.node))).toEqual(new Set(['ACCEPTANCE', 'SORTING', 'TRANSPORT', 'DELIVERY']));
    const times = events.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
  it('on: a parcel not ordered as ecdx-happy- is untouched', async () => {
    const s = statuses((await finished(['happy-path-sorts-after-dispatch'], 'ecdx-path-standard-1')).events);
    expect(s.lastIndexOf('SORTING')).toBeLessThan(s.indexOf('OUT_FOR_DELIVERY'));
  });
});

describe('cancellation-records-no-event', () => {
  async function cancelledAfterAMinute(faults: FaultName[]) {
    const mock = pool.mock({ faults: faultsNamed(...faults) });
    const { waybillNo } = await createShipment(mock, shippingData('ecdx-conf-cancel'));
    mock.context.clock.advance(60_000);
    expect((await send(mock, 'POST', `/v1/shipments/${waybillNo}/cancellation`, { reason: 'ORDER_CANCELLED' })).status).toBe(200);
    return (await walk(mock, waybillNo, 100)).events;
  }
  it('off: the trajectory ends with a terminal CANCELLED event at ACCEPTANCE, after ORDER_CREATED', async () => {
    const events = await cancelledAfterAMinute([]);
    expect(events.map((e) => e.status)).toEqual(['ORDER_CREATED', 'CANCELLED']);
    expect(last(events)).toMatchObject({ sequence: 2, terminal: true, node: 'ACCEPTANCE', occurredAt: '2026-03-01T09:31:00+08:00' });
  });
  it('on: it stops at ORDER_CREATED, which is not terminal', async () => {
    const events = await cancelledAfterAMinute(['cancellation-records-no-event']);
    expect(events.map((e) => [e.status, e.terminal])).toEqual([['ORDER_CREATED', false]]);
  });
});

describe('arrival-node-delivery', () => {
  it('off: ARRIVED_DEST_CITY is at the TRANSPORT node', async () => expect(of((await finished([])).events, 'ARRIVED_DEST_CITY').node).toBe('TRANSPORT'));
  it('on: it is at DELIVERY; TRANSPORT still appears', async () => {
    const { events } = await finished(['arrival-node-delivery']);
    expect(of(events, 'ARRIVED_DEST_CITY').node).toBe('DELIVERY');
    expect(of(events, 'IN_TRANSIT').node).toBe('TRANSPORT');
  });
});

describe('out-for-delivery-with-pickup-sub-status', () => {
  it('off: every sub-status fits its status', async () => expect((await finished([])).events.every((e) => subStatusFits(e.status, e.subStatus))).toBe(true));
  it('on: OUT_FOR_DELIVERY carries PICKUP_STATION', async () => {
    const event = of((await finished(['out-for-delivery-with-pickup-sub-status'])).events, 'OUT_FOR_DELIVERY');
    expect(event.subStatus).toBe('PICKUP_STATION');
    expect(subStatusFits(event.status, event.subStatus)).toBe(false);
  });
});

describe('sequence-with-gaps', () => {
  it('off: sequences run 1, 2, 3 …', async () => expect((await finished([])).events.map((e) => e.sequence).slice(0, 4)).toEqual([1, 2, 3, 4]));
  it('on: 3 is skipped; the order is ascending and a walk still finds every event', async () => {
    const { mock, waybillNo, events } = await finished(['sequence-with-gaps']);
    expect(events.map((e) => e.sequence).slice(0, 4)).toEqual([1, 2, 4, 5]);
    expect((await walk(mock, waybillNo, 2)).events).toEqual(events);
  });
});

describe('event-ids-reused-across-waybills', () => {
  const twoWaybills = async (faults: FaultName[]) => {
    const { mock, events } = await finished(faults);
    const other = await createShipment(mock, shippingData('ecdx-happy-2'));
    mock.context.clock.advance(5 * DAY);
    return [events, (await walk(mock, other.waybillNo, 100)).events] as const;
  };
  it('off: two waybills share no eventId', async () => {
    const [a, b] = await twoWaybills([]);
    expect(a.filter((e) => b.some((f) => f.eventId === e.eventId))).toEqual([]);
  });
  it('on: they share them', async () => {
    const [a, b] = await twoWaybills(['event-ids-reused-across-waybills']);
    expect(a[0]!.eventId).toBe(b[0]!.eventId);
    expect(new Set(a.map((e) => e.eventId)).size).toBe(a.length);
  });
});

describe('recorded-before-occurred', () => {
  it('off: no event is recorded before it occurred', async () =>
    expect((await finished([])).events.filter((e) => Date.parse(e.recordedAt) < Date.parse(e.occurredAt))).toEqual([]));
  it('on: events after the acceptance are', async () => {
    const { mock, events } = await finished(['recorded-before-occurred']);
    expect(Date.parse(of(events, 'ACCEPTED').recordedAt)).toBeGreaterThanOrEqual(Date.parse(of(events, 'ACCEPTED').occurredAt));
    expect(Date.parse(last(events).recordedAt)).toBeLessThan(Date.parse(last(events).occurredAt));
    for (const e of events) expect(Date.parse(e.recordedAt)).toBeLessThanOrEqual(mock.context.clock.now());
  });
});

describe('page-boundary-skips-event', () => {
  it('off: a walk with limit 3 finds all 10 events', async () => {
    const { mock, waybillNo } = await finished([]);
    expect((await walk(mock, waybillNo, 3)).events).toHaveLength(10);
  });
  it('on: it misses the first event of every following page', async () => {
    const { mock, waybillNo, events } = await finished(['page-boundary-skips-event']);
    expect(events).toHaveLength(10);
    expect((await walk(mock, waybillNo, 3)).events.map((e) => e.sequence)).toEqual([1, 2, 3, 5, 6, 7, 9, 10]);
  });
});

describe('limit-ignored', () => {
  it('off: limit=1 serves one event', async () => {
    const { mock, waybillNo } = await finished([]);
    expect(((await getEvents(mock, waybillNo, 'limit=1')).body as EventPage).items).toHaveLength(1);
  });
  it('on: it serves all ten and no cursor', async () => {
    const { mock, waybillNo } = await finished(['limit-ignored']);
    const page = (await getEvents(mock, waybillNo, 'limit=1')).body as EventPage;
    expect(page.items).toHaveLength(10);
    expect(page.nextCursor).toBeUndefined();
  });
});

describe('default-page-size-10', () => {
  it('off: without limit a long trajectory is served 20 a page, with limit=1000 100 a page', async () => {
    const { mock, waybillNo, events } = await finished([], 'ecdx-path-long-1');
    expect(events.length).toBeGreaterThan(100);
    expect(((await getEvents(mock, waybillNo)).body as EventPage).items).toHaveLength(20);
    expect(((await getEvents(mock, waybillNo, 'limit=1000')).body as EventPage).items).toHaveLength(100);
  });
  it('on: without limit it is served 10 a page; an explicit limit is still honoured', async () => {
    const { mock, waybillNo } = await finished(['default-page-size-10'], 'ecdx-path-long-1');
    expect(((await getEvents(mock, waybillNo)).body as EventPage).items).toHaveLength(10);
    expect(((await getEvents(mock, waybillNo, 'limit=20')).body as EventPage).items).toHaveLength(20);
  });
});

describe('limit-above-100-refused', () => {
  it('off: limit=101 is served', async () => {
    const { mock, waybillNo } = await finished([]);
    expect((await getEvents(mock, waybillNo, 'limit=101')).status).toBe(200);
  });
  it('on: it is refused; limit=100 is still served', async () => {
    const { mock, waybillNo } = await finished(['limit-above-100-refused']);
    expectProblem(await getEvents(mock, waybillNo, 'limit=101'), 'validation-failed');
    expect((await getEvents(mock, waybillNo, 'limit=100')).status).toBe(200);
  });
});

describe('invalid-limit-served-default', () => {
  it('off: limit=0 is refused', async () => {
    const { mock, waybillNo } = await finished([]);
    expectProblem(await getEvents(mock, waybillNo, 'limit=0'), 'validation-failed');
  });
  it('on: limit=0 and limit=abc are served', async () => {
    const { mock, waybillNo } = await finished(['invalid-limit-served-default']);
    for (const limit of ['0', 'abc']) expect((await getEvents(mock, waybillNo, `limit=${limit}`)).status).toBe(200);
  });
});

describe('foreign-cursor-restarts-walk', () => {
  it('off: a made-up cursor is refused', async () => {
    const { mock, waybillNo } = await finished([]);
    expectProblem(await getEvents(mock, waybillNo, 'cursor=c2VxPTIw'), 'validation-failed');
  });
  it('on: it is answered with the first page', async () => {
    const { mock, waybillNo } = await finished(['foreign-cursor-restarts-walk']);
    const response = await getEvents(mock, waybillNo, 'limit=2&cursor=c2VxPTIw');
    expect((response.body as EventPage).items.map((e) => e.sequence)).toEqual([1, 2]);
  });
});

describe('cursor-expires-after-a-minute', () => {
  const cursorThenWait = async (faults: FaultName[], waitMs: number) => {
    const { mock, waybillNo } = await finished(faults);
    const cursor = ((await getEvents(mock, waybillNo, 'limit=2')).body as EventPage).nextCursor!;
    mock.context.clock.advance(waitMs);
    return getEvents(mock, waybillNo, `limit=2&cursor=${cursor}`);
  };
  it('off: a cursor is honoured after two hours', async () => expect((await cursorThenWait([], 2 * 3600_000)).status).toBe(200));
  it('on: it is refused after two minutes', async () => expectProblem(await cursorThenWait(['cursor-expires-after-a-minute'], 120_000), 'validation-failed'));
  it('on: it is honoured within the minute', async () => expect((await cursorThenWait(['cursor-expires-after-a-minute'], 30_000)).status).toBe(200));
});

describe('unknown-waybill-events-empty', () => {
  it('off: an unknown waybill is 404', async () => expectProblem(await getEvents(pool.mock(), 'ECDX999999999994'), 'not-found'));
  it('on: it is an empty page', async () => {
    const response = await getEvents(pool.mock({ faults: faultsNamed('unknown-waybill-events-empty') }), 'ECDX999999999994');
    expect(response).toMatchObject({ status: 200, body: { waybillNo: 'ECDX999999999994', items: [] } });
  });
});

describe('foreign-waybill-events-forbidden', () => {
  it('off: another platform’s waybill is 404', async () => {
    const { mock, waybillNo } = await finished([]);
    expectProblem(await getEvents(mock, waybillNo, '', otherPlatform), 'not-found');
  });
  it('on: it is 403; an unknown waybill is still 404', async () => {
    const { mock, waybillNo } = await finished(['foreign-waybill-events-forbidden']);
    expectProblem(await getEvents(mock, waybillNo, '', otherPlatform), 'forbidden');
    expectProblem(await getEvents(mock, 'ECDX999999999994', '', otherPlatform), 'not-found');
  });
});

describe('delivered-not-terminal', () => {
  it('off: DELIVERED is terminal', async () => expect(last((await finished([])).events)).toMatchObject({ status: 'DELIVERED', terminal: true }));
  it('on: it is not, and nothing follows it', async () => {
    const { events } = await finished(['delivered-not-terminal']);
    expect(last(events)).toMatchObject({ status: 'DELIVERED', terminal: false });
    expect(events.some((e) => e.terminal)).toBe(false);
  });
});

describe('event-after-terminal', () => {
  it('off: the terminal event is the last', async () => expect(last((await finished([])).events).terminal).toBe(true));
  it('on: an event follows the terminal DELIVERED', async () => {
    const { events } = await finished(['event-after-terminal']);
    expect(events.slice(-2).map((e) => [e.status, e.terminal])).toEqual([
      ['DELIVERED', true],
      ['RETURNING', false],
    ]);
  });
});

describe('location-without-division-code', () => {
  const located = (events: TrackingEvent[]) => events.filter((e) => e.location);
  it('off: every mainland location has a division code', async () =>
    expect(located((await finished([])).events).every((e) => e.location!.divisionCode)).toBe(true));
  it('on: none has, the facility is still named', async () => {
    const events = located((await finished(['location-without-division-code'])).events);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.location).toEqual({ facilityCode: expect.any(String), facilityName: expect.any(String) });
  });
});

describe('acceptance-without-real-name-check', () => {
  it('off: ACCEPTED carries realNameVerification', async () =>
    expect(of((await finished([])).events, 'ACCEPTED').realNameVerification).toMatchObject({ verified: true }));
  it('on: it does not', async () => {
    const { events } = await finished(['acceptance-without-real-name-check']);
    expect(of(events, 'ACCEPTED').realNameVerification).toBeUndefined();
  });
});

describe('signatory-name-masked-wrongly', () => {
  it('off: the recipient 张三 signs as 张*', async () => expect(last((await finished([])).events).signatory).toEqual({ name: '张*', relation: 'SELF' }));
  it('on: as 张*三, still a valid MaskedName', async () => {
    const event = last((await finished(['signatory-name-masked-wrongly'])).events);
    expect(event.signatory).toEqual({ name: '张*三', relation: 'SELF' });
    expect(violations('TrackingEvent', event)).toEqual([]);
  });
});

describe('names-masked-to-first-character', () => {
  it('off: the recipients 张小三 and 欧阳娜娜 sign as 张*三 and 欧**娜', async () => {
    expect(last((await finished([], 'ecdx-happy-1', '张小三')).events).signatory).toEqual({ name: '张*三', relation: 'SELF' });
    expect(last((await finished([], 'ecdx-happy-1', '欧阳娜娜')).events).signatory).toEqual({ name: '欧**娜', relation: 'SELF' });
  });
  it('on: as 张* and 欧*, still valid MaskedNames; couriers are masked the same way', async () => {
    for (const [name, shown] of [
      ['张小三', '张*'],
      ['欧阳娜娜', '欧*'],
    ]) {
      const { events } = await finished(['names-masked-to-first-character'], 'ecdx-happy-1', name);
      expect(last(events).signatory).toEqual({ name: shown, relation: 'SELF' });
      for (const event of events) expect(violations('TrackingEvent', event)).toEqual([]);
      for (const courier of events.flatMap((e) => (e.courier ? [e.courier.name] : []))) expect([...courier]).toHaveLength(2);
    }
  });
  it('on: a two-character name is still masked by rule M1', async () =>
    expect(last((await finished(['names-masked-to-first-character'])).events).signatory).toEqual({ name: '张*', relation: 'SELF' }));
});

describe('courier-phone-masked-wrongly-in-description', () => {
  it('off: the description shows courier.phone (M2)', async () => {
    const event = of((await finished([])).events, 'OUT_FOR_DELIVERY');
    expect(event.description).toContain(event.courier!.phone);
  });
  it('on: it shows 4 digits, ****, 3 digits; courier.phone is unchanged', async () => {
    const event = of((await finished(['courier-phone-masked-wrongly-in-description'])).events, 'OUT_FOR_DELIVERY');
    expect(event.description).toMatch(/1[3-9]\d{2}\*{4}\d{3}）/);
    expect(event.description).not.toContain(event.courier!.phone);
    expect(event.courier!.phone).toMatch(/^1[3-9]\d\*{4}\d{4}$/);
  });
});

describe('returned-landline-masked-wrongly', () => {
  it('off: the sender’s landline 0571-88881234 appears as 0571-******34', async () =>
    expect(last((await finished([], 'ecdx-path-rejected-1')).events).description).toContain('0571-******34'));
  it('on: as 0571-****1234', async () =>
    expect(last((await finished(['returned-landline-masked-wrongly'], 'ecdx-path-rejected-1')).events).description).toContain('0571-****1234'));
});

describe('id-number-in-delivery-description', () => {
  it('off: no event holds a resident ID number', async () => expect(findResidentIds(JSON.stringify((await finished([])).events))).toEqual([]));
  it('on: the DELIVERED description does', async () => {
    const { events } = await finished(['id-number-in-delivery-description']);
    expect(findResidentIds(last(events).description)).toHaveLength(1);
  });
});

describe('delivery-description-with-address', () => {
  it('off: no event holds the recipient’s address detail or postal code', async () =>
    expect(JSON.stringify((await finished([])).events)).not.toMatch(/中关村大街27号1101室|100080/));
  it('on: the DELIVERED description does', async () =>
    expect(last((await finished(['delivery-description-with-address'])).events).description).toContain('中关村大街27号1101室'));
});

describe('courier-phone-unmasked-in-description', () => {
  it('off: no event holds an unmasked mobile', async () => expect(findMobileNumbers(JSON.stringify((await finished([])).events))).toEqual([]));
  it('on: the OUT_FOR_DELIVERY description does', async () =>
    expect(findMobileNumbers(of((await finished(['courier-phone-unmasked-in-description'])).events, 'OUT_FOR_DELIVERY').description)).toHaveLength(1));
});

describe('cursor-with-recipient-phone', () => {
  it('off: cursors hold no mobile number', async () => {
    const { mock, waybillNo } = await finished([]);
    expect(findMobileNumbers((await walk(mock, waybillNo, 2)).cursors.join(' '))).toEqual([]);
  });
  it('on: every cursor holds the recipient’s, and the walk still works', async () => {
    const { mock, waybillNo, events } = await finished(['cursor-with-recipient-phone']);
    const { cursors, events: walked } = await walk(mock, waybillNo, 2);
    for (const cursor of cursors) expect(findMobileNumbers(cursor)).toEqual(['13812345678']);
    expect(walked).toEqual(events);
  });
});
