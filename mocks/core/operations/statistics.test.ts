import { afterEach, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../../protocol/index.ts';
import { findMobileNumbers } from '../../../schemas/identifiers.ts';
import { statisticsInconsistencies, type Problem, type SharingStatistics } from '../../../schemas/src/index.ts';
import { send } from '../../testing.ts';
import { recordActivity, type Activity } from '../activity.ts';
import { createMock, type Mock, type MockOptions } from '../mock.ts';
import { pushBatch, pushRequest, trackingEvent } from '../push/test-support.ts';
import { createShipment, shippingData, walk } from '../simulator/fixtures.ts';
import { timestampAt } from './discovery.ts';
import { DAY, MINUTE } from '../../../schemas/time.ts';

const START = Date.parse('2026-03-01T09:30:00+08:00');
const PLATFORM = demoCredentials.platform.signingKey.keyid;
const HMAC = demoCredentials.platformHmac.keyid;
const CARRIER = demoCredentials.carrier.signingKey.keyid;

const mocks: Mock[] = [];
const mockOf = (options: MockOptions = {}) => {
  const mock = createMock({ selfCheck: true, clockSpeed: 0, clockStart: START, ...options });
  mocks.push(mock);
  return mock;
};
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

const log = (mock: Mock, entries: Activity[]) => {
  for (const e of entries) recordActivity(mock.context, e);
};
const ago = (ms: number) => START - ms;
const query = (from: string, to: string) => `/v1/statistics/sharing?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
const statistics = (mock: Mock, from = timestampAt(ago(DAY)), to = timestampAt(START), options = {}) => send(mock, 'GET', query(from, to), undefined, options);
const figures = (r: { body?: unknown }) => r.body as SharingStatistics;
const problemOf = (r: { body?: unknown }) => r.body as Problem;

describe('GET /v1/statistics/sharing', () => {
  it("answers the requested period with the requester's figures as the carrier, consistent by construction", async () => {
    const mock = mockOf();
    log(mock, [
      { kind: 'shipment-accepted', at: ago(30 * MINUTE), counterparty: PLATFORM },
      { kind: 'shipment-accepted', at: ago(20 * MINUTE), counterparty: PLATFORM },
      { kind: 'shipment-rejected', at: ago(10 * MINUTE), counterparty: PLATFORM, reason: 'validation-failed' },
      { kind: 'shipment-rejected', at: ago(9 * MINUTE), counterparty: PLATFORM, reason: 'prohibited-contents' },
      { kind: 'shipment-rejected', at: ago(8 * MINUTE), counterparty: PLATFORM, reason: 'validation-failed' },
      { kind: 'event-provided', at: ago(7 * MINUTE), counterparty: PLATFORM, eventId: 'e1', node: 'ACCEPTANCE' },
      { kind: 'event-provided', at: ago(6 * MINUTE), counterparty: PLATFORM, eventId: 'e2', node: 'SORTING' },
      { kind: 'push-delivered', at: ago(5 * MINUTE), counterparty: PLATFORM, batchId: 'b1', latencySeconds: 4 },
      { kind: 'push-delivered', at: ago(4 * MINUTE), counterparty: PLATFORM, batchId: 'b2', latencySeconds: 10 },
      { kind: 'push-retried', at: ago(3 * MINUTE), counterparty: PLATFORM, batchId: 'b3' },
      { kind: 'push-failed', at: ago(2 * MINUTE), counterparty: PLATFORM, batchId: 'b4' },
    ]);
    const from = '2026-02-28T09:30:00+08:00';
    const r = await statistics(mock, from, '2026-03-01T01:30:00Z');
    expect(r.status).toBe(200);
    const s = figures(r);
    expect(s).toEqual({
      period: { from, to: '2026-03-01T01:30:00Z' },
      generatedAt: timestampAt(START),
      role: 'carrier',
      party: { name: 'ECDX Reference Mock Carrier', role: 'carrier', carrierCode: 'ECDXDEMO' },
      counterparty: { name: 'ECDX Demo Platform', role: 'platform' },
      shipments: { received: 5, accepted: 2, rejected: 3, rejectedByReason: { 'validation-failed': 2, 'prohibited-contents': 1 } },
      trackingEvents: { provided: 2, byNode: { ACCEPTANCE: 1, SORTING: 1, TRANSPORT: 0, DELIVERY: 0 } },
      pushes: { delivered: 2, retried: 1, failed: 1, medianLatencySeconds: 7 },
      interruptions: { count: 0, minutes: 0 },
      incidents: { count: 0 },
      availabilityPercent: 100,
    });
    expect(statisticsInconsistencies(s)).toEqual([]);
  });

  it('counts the shipping data and the trajectory a platform exchanged with the mock carrier', async () => {
    const mock = mockOf();
    const { waybillNo } = await createShipment(mock, shippingData('ecdx-happy-stat-1'));
    await createShipment(mock, shippingData('ecdx-happy-stat-2'));
    expect((await send(mock, 'POST', '/v1/shipments', shippingData('ecdx-happy-stat-3', { carrierCode: 'SF' }))).status).toBe(422);
    mock.context.clock.advance(5 * DAY);
    const { events } = await walk(mock, waybillNo);
    await walk(mock, waybillNo);
    const s = figures(await statistics(mock, timestampAt(START), timestampAt(START + 6 * DAY)));
    expect(s.shipments).toEqual({ received: 3, accepted: 2, rejected: 1, rejectedByReason: { 'validation-failed': 1 } });
    expect(s.trackingEvents.provided).toBe(events.length);
    for (const node of ['ACCEPTANCE', 'SORTING', 'TRANSPORT', 'DELIVERY'] as const) {
      expect(s.trackingEvents.byNode[node]).toBe(events.filter((e) => e.node === node).length);
    }
    expect(statisticsInconsistencies(s)).toEqual([]);
    expect(JSON.stringify(s)).not.toContain(waybillNo);
  });

  it("counts only the requesting client's exchanges, from inclusive and to exclusive", async () => {
    const mock = mockOf();
    log(mock, [
      { kind: 'shipment-accepted', at: ago(2 * DAY), counterparty: PLATFORM },
      { kind: 'shipment-accepted', at: ago(DAY), counterparty: PLATFORM },
      { kind: 'shipment-accepted', at: ago(MINUTE), counterparty: HMAC },
      { kind: 'shipment-accepted', at: START, counterparty: PLATFORM },
    ]);
    expect(figures(await statistics(mock)).shipments.received).toBe(1);
    expect(figures(await statistics(mock, undefined, undefined, { key: demoCredentials.platformHmac })).shipments.received).toBe(1);
  });

  it('counts up to now a period that ends later, and gives no latency when nothing was delivered', async () => {
    const mock = mockOf();
    log(mock, [{ kind: 'shipment-accepted', at: ago(MINUTE), counterparty: PLATFORM }]);
    const s = figures(await statistics(mock, timestampAt(ago(DAY)), timestampAt(START + 30 * DAY)));
    expect(s.shipments.accepted).toBe(1);
    expect(s.pushes.medianLatencySeconds).toBeUndefined();
    expect(statisticsInconsistencies(s)).toEqual([]);
  });

  it('reports as the platform to a carrier when the mock plays both roles', async () => {
    const mock = mockOf();
    log(mock, [
      { kind: 'push-received', at: ago(MINUTE), counterparty: CARRIER, batchId: 'b1' },
      { kind: 'shipment-accepted', at: ago(MINUTE), counterparty: CARRIER },
    ]);
    const s = figures(await statistics(mock, undefined, undefined, { key: demoCredentials.carrier.signingKey }));
    expect(s.role).toBe('platform');
    expect(s.party).toEqual({ name: 'ECDX Reference Mock Platform', role: 'platform' });
    expect(s.counterparty).toEqual({ name: 'ECDX Demo Carrier', role: 'carrier', carrierCode: 'ECDXDEMO' });
    expect(s.pushes.delivered).toBe(1);
    expect(s.shipments.received).toBe(0);
    expect(statisticsInconsistencies(s)).toEqual([]);
  });

  it('counts the pushes a platform received, their events by node and the median delay from recording to arrival', async () => {
    const mock = mockOf({ role: 'platform' });
    const events = [trackingEvent('ECDX00000000001', 1, 'ACCEPTED', ago(10_000)), trackingEvent('ECDX00000000001', 2, 'SORTING', ago(30_000))];
    expect((await mock.handle(pushRequest(mock, pushBatch(events)))).status).toBe(200);
    expect((await mock.handle(pushRequest(mock, pushBatch([events[0]!])))).status).toBe(200);
    const s = figures(await statistics(mock, undefined, timestampAt(START + 1_000), { key: demoCredentials.carrier.signingKey }));
    expect(s.role).toBe('platform');
    expect(s.trackingEvents).toEqual({ provided: 2, byNode: { ACCEPTANCE: 1, SORTING: 1, TRANSPORT: 0, DELIVERY: 0 } });
    expect(s.pushes).toEqual({ delivered: 2, retried: 0, failed: 0, medianLatencySeconds: 20 });
    expect(statisticsInconsistencies(s)).toEqual([]);
  });

  it('contains counts and codes only: no telephone number, name of a person or identifier', async () => {
    const mock = mockOf();
    log(mock, [{ kind: 'shipment-rejected', at: ago(MINUTE), counterparty: PLATFORM, reason: '13812345678 张三' }]);
    const s = figures(await statistics(mock));
    expect(findMobileNumbers(JSON.stringify(s))).toEqual([]);
    expect(s.shipments.rejectedByReason).toEqual({ unknown: 1 });
  });

  it('refuses a missing or malformed from or to with validation-failed naming each query parameter', async () => {
    const mock = mockOf();
    const missing = await send(mock, 'GET', '/v1/statistics/sharing');
    expect(missing.status).toBe(422);
    expect(problemOf(missing).type).toBe('https://ecdx.dev/problems/validation-failed');
    expect(problemOf(missing).invalidParams).toEqual([
      { name: '/from', in: 'query', reason: 'required' },
      { name: '/to', in: 'query', reason: 'required' },
    ]);
    const malformed = await send(mock, 'GET', `/v1/statistics/sharing?from=2026-03-01&to=${encodeURIComponent(timestampAt(START))}`);
    expect(problemOf(malformed).invalidParams).toEqual([expect.objectContaining({ name: '/from', in: 'query' })]);
    const twice = await send(mock, 'GET', `${query(timestampAt(ago(DAY)), timestampAt(START))}&to=${encodeURIComponent(timestampAt(START))}`);
    expect(problemOf(twice).invalidParams).toEqual([expect.objectContaining({ name: '/to', in: 'query' })]);
  });

  it('refuses a reversed, empty, future or over-long period with statistics-period-invalid', async () => {
    const mock = mockOf();
    const periods: [number, number][] = [
      [START, ago(DAY)],
      [START, START],
      [START + MINUTE, START + DAY],
      [ago(367 * DAY), START],
    ];
    for (const [from, to] of periods) {
      const r = await statistics(mock, timestampAt(from), timestampAt(to));
      expect(r.status).toBe(422);
      expect(problemOf(r).type).toBe('https://ecdx.dev/problems/statistics-period-invalid');
    }
  });

  it('answers a period of exactly 366 days that began 366 days ago', async () => {
    expect((await statistics(mockOf(), timestampAt(ago(366 * DAY)), timestampAt(START))).status).toBe(200);
  });

  it('refuses an unsigned request', async () => {
    expect((await statistics(mockOf(), undefined, undefined, { key: false })).status).toBe(401);
  });
});
