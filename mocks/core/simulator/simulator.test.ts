// The simulator inside a running mock: events are recorded as the virtual clock reaches them, announced to the
// listeners once each and in order, and a mock restarted over the same store sees the same events and announces
// only what the previous one had not.
import { afterEach, describe, expect, it } from 'vitest';
import type { TrackingEvent } from '../../../schemas/src/index.ts';
import { demoCredentials } from '../../../protocol/index.ts';
import { send } from '../../testing.ts';
import { findService } from '../services.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../sqlite-store.ts';
import { MemoryStore } from '../store.ts';
import { createShipment, DAY, HOUR, MockPool, START } from './fixtures.ts';
import { simulatorFor } from './simulator.ts';

const pool = new MockPool();
afterEach(() => pool.closeAll());

function listen(mock: ReturnType<MockPool['mock']>) {
  const heard: { event: TrackingEvent; owner: string; at: number }[] = [];
  findService(mock.context, 'trajectory')!.onRecorded((event, owner) => heard.push({ event, owner, at: mock.context.clock.now() }));
  return heard;
}

describe('the trajectory service', () => {
  it('is provided by a carrier mock and not by a platform-only one', () => {
    expect(findService(pool.mock().context, 'trajectory')).toBeDefined();
    expect(findService(pool.mock({ role: 'platform' }).context, 'trajectory')).toBeUndefined();
  });

  it('knows no events of an unknown waybill', () => {
    expect(findService(pool.mock().context, 'trajectory')!.recordedEvents('ECDX000000000018')).toBeUndefined();
  });

  it('records events only as virtual time reaches their recordedAt', async () => {
    const mock = pool.mock();
    const service = findService(mock.context, 'trajectory')!;
    const { waybillNo } = await createShipment(mock);
    expect(service.recordedEvents(waybillNo)!.map((e) => e.status)).toEqual(['ORDER_CREATED']);
    mock.context.clock.advance(3 * DAY);
    const all = service.recordedEvents(waybillNo)!;
    expect(all.at(-1)!.status).toBe('DELIVERED');
    for (const event of all) expect(Date.parse(event.recordedAt)).toBeLessThanOrEqual(mock.context.clock.now());
  });

  it('announces each event once, in sequence, when the clock reaches it, with the owner’s keyid', async () => {
    const mock = pool.mock();
    const heard = listen(mock);
    const { waybillNo } = await createShipment(mock);
    for (let hour = 0; hour < 80; hour++) mock.context.clock.advance(HOUR);
    const trajectory = findService(mock.context, 'trajectory')!.recordedEvents(waybillNo)!;
    expect(heard.map((h) => h.event)).toEqual(trajectory);
    expect(new Set(heard.map((h) => h.owner))).toEqual(new Set([demoCredentials.platform.signingKey.keyid]));
    for (const { event, at } of heard) {
      expect(at).toBeGreaterThanOrEqual(Date.parse(event.recordedAt));
      expect(at - Date.parse(event.recordedAt)).toBeLessThanOrEqual(HOUR);
    }
  });

  it('announces a cancellation and nothing of the trajectory that no longer happens', async () => {
    const mock = pool.mock();
    const heard = listen(mock);
    const { waybillNo } = await createShipment(mock);
    mock.context.clock.advance(60_000);
    expect((await send(mock, 'POST', `/v1/shipments/${waybillNo}/cancellation`, { reason: 'ORDER_CANCELLED' })).status).toBe(200);
    mock.context.clock.advance(5 * DAY);
    expect(heard.map((h) => h.event.status)).toEqual(['ORDER_CREATED', 'CANCELLED']);
    expect(mock.context.clock.pendingTimers).toBe(0);
  });

  it('leaves no timer behind once a trajectory has ended', async () => {
    const mock = pool.mock();
    await createShipment(mock);
    expect(mock.context.clock.pendingTimers).toBeGreaterThan(0);
    mock.context.clock.advance(6 * DAY);
    expect(mock.context.clock.pendingTimers).toBe(0);
  });
});

describe('restarting over the same store', () => {
  it('a second mock sees the same shipments and events, member for member', async () => {
    const store = new MemoryStore();
    const first = pool.mock({ store });
    const { waybillNo } = await createShipment(first);
    first.context.clock.advance(2 * DAY);
    const before = findService(first.context, 'trajectory')!.recordedEvents(waybillNo)!;
    await first.close();

    const second = pool.mock({ store, clockStart: START + 2 * DAY });
    expect(findService(second.context, 'trajectory')!.recordedEvents(waybillNo)).toEqual(before);
    const page = await send(second, 'GET', `/v1/shipments/${waybillNo}/events?limit=100`);
    expect((page.body as { items: TrackingEvent[] }).items).toEqual(before);
  });

  it('announces what fell due while the mock was down, once, and nothing announced before', async () => {
    const store = new MemoryStore();
    const first = pool.mock({ store });
    const heardFirst = listen(first);
    const { waybillNo } = await createShipment(first);
    first.context.clock.advance(5 * HOUR);
    await first.close();

    const second = pool.mock({ store, clockStart: START + 4 * DAY });
    const heardSecond = listen(second);
    second.context.clock.advance(0);
    second.context.clock.advance(DAY);
    const all = simulatorFor(second.context).recordedEvents(waybillNo)!;
    expect([...heardFirst, ...heardSecond].map((h) => h.event)).toEqual(all);
    expect(heardFirst.length).toBeGreaterThan(0);
    expect(heardSecond.length).toBeGreaterThan(0);
  });

  it('works over an SQLite data file: the reopened mock serves the same shipment and events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecdx-simulator-'));
    try {
      const file = join(dir, 'mock.db');
      const first = pool.mock({ store: openSqliteStore(file) });
      const created = await createShipment(first);
      first.context.clock.advance(DAY);
      const before = findService(first.context, 'trajectory')!.recordedEvents(created.waybillNo)!;
      const cursor = ((await send(first, 'GET', `/v1/shipments/${created.waybillNo}/events?limit=2`)).body as { nextCursor: string }).nextCursor;
      await first.close();

      const second = pool.mock({ store: openSqliteStore(file), clockStart: START + DAY });
      expect(findService(second.context, 'trajectory')!.recordedEvents(created.waybillNo)).toEqual(before);
      expect((await send(second, 'GET', `/v1/shipments/${created.waybillNo}`)).body).toMatchObject({ request: created.request, createdAt: created.createdAt });
      const next = await send(second, 'GET', `/v1/shipments/${created.waybillNo}/events?limit=2&cursor=${cursor}`);
      expect((next.body as { items: TrackingEvent[] }).items).toEqual(before.slice(2, 4));
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
