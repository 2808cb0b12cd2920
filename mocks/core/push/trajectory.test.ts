import { afterEach, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../../protocol/index.ts';
import type { PushBatch, Subscription, TrackingEvent } from '../../../schemas/src/index.ts';
import { send } from '../../testing.ts';
import { findService } from '../services.ts';
import { pushFixture, ship, trajectoryOf, type PushFixture } from './test-support.ts';
import { HOUR } from '../../../schemas/time.ts';

let fixture: PushFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const pushedEvents = (f: PushFixture): TrackingEvent[] => f.callback.deliveries.flatMap((d) => (d.json as PushBatch).events);

describe('pushing the simulated trajectory', () => {
  it('pushes every event recorded while the subscription is ACTIVE, member for member as the trajectory serves it', async () => {
    fixture = await pushFixture();
    const waybillNo = await ship(fixture.mock);
    await fixture.advance(4 * 24 * HOUR);

    const trajectory = await trajectoryOf(fixture.mock, waybillNo);
    expect(trajectory.at(-1)?.status).toBe('DELIVERED');
    expect(pushedEvents(fixture)).toEqual(trajectory);
  });

  it('pushes an event only once the trajectory provides it, and within 300 s of its recordedAt', async () => {
    fixture = await pushFixture();
    const waybillNo = await ship(fixture.mock);
    const trajectory = findService(fixture.mock.context, 'trajectory')!;
    for (let minute = 0; minute < 4 * 24 * 60; minute += 5) {
      await fixture.advance(5 * 60_000);
      const provided = new Set(trajectory.recordedEvents(waybillNo)!.map((e) => e.eventId));
      expect(pushedEvents(fixture).filter((e) => !provided.has(e.eventId))).toEqual([]);
    }
    const deliveries = fixture.callback.deliveries;
    expect(deliveries.length).toBeGreaterThan(3);
    for (const delivery of deliveries) {
      const sentAt = Number(delivery.headers['webhook-timestamp']) * 1000;
      for (const event of (delivery.json as PushBatch).events) expect(sentAt - Date.parse(event.recordedAt)).toBeLessThanOrEqual(300_000);
    }
  });

  it('pushes nothing recorded before the subscription was made', async () => {
    fixture = await pushFixture();
    await send(fixture.mock, 'DELETE', `/v1/subscriptions/${fixture.subscription.subscriptionId}`);
    const waybillNo = await ship(fixture.mock);
    await fixture.advance(3 * HOUR);
    const before = (await trajectoryOf(fixture.mock, waybillNo)).length;
    expect(before).toBeGreaterThan(0);
    const created = await send(fixture.mock, 'POST', '/v1/subscriptions', {
      callbackUrl: fixture.callback.url,
      scope: { type: 'ALL' },
      signatureScheme: 'v1a',
    });
    expect(created.status).toBe(201);
    await fixture.advance(4 * 24 * HOUR);
    const trajectory = await trajectoryOf(fixture.mock, waybillNo);
    expect(pushedEvents(fixture)).toEqual(trajectory.slice(before));
  });

  it('pushes a WAYBILLS subscription only the listed waybills of its owner', async () => {
    fixture = await pushFixture();
    const [listed, other] = [await ship(fixture.mock), await ship(fixture.mock)];
    const foreign = await ship(fixture.mock, 'ecdx-happy-foreign', demoCredentials.platformHmac);
    const body = { callbackUrl: fixture.callback.url, scope: { type: 'WAYBILLS', waybillNos: [listed] }, signatureScheme: 'v1a' };
    await send(fixture.mock, 'DELETE', `/v1/subscriptions/${fixture.subscription.subscriptionId}`);
    const created = await send(fixture.mock, 'POST', '/v1/subscriptions', body);
    expect(created.status).toBe(201);
    await fixture.advance(4 * 24 * HOUR);
    // Only the WAYBILLS subscription's batches: an attempt of the deleted ALL subscription already on the wire may
    // still arrive at the same callback (ECDX-PSH-006 allows it), carrying the other waybills.
    const { subscriptionId } = created.body as Subscription;
    const batches = fixture.callback.deliveries.map((d) => d.json as PushBatch).filter((b) => b.subscriptionId === subscriptionId);
    const waybills = new Set(batches.flatMap((b) => b.events).map((e) => e.waybillNo));
    expect([...waybills]).toEqual([listed]);
    expect(waybills.has(other) || waybills.has(foreign)).toBe(false);
  });
});

describe('the waybill scope of a subscription', () => {
  it('refuses another platform\u2019s waybill with 422, worded as for an unknown one, naming its position', async () => {
    fixture = await pushFixture();
    const own = await ship(fixture.mock);
    const foreign = await ship(fixture.mock, 'ecdx-happy-foreign', demoCredentials.platformHmac);
    const body = (waybillNos: string[]) => ({ callbackUrl: fixture!.callback.url, scope: { type: 'WAYBILLS', waybillNos }, signatureScheme: 'v1a' });
    const refusedForeign = await send(fixture.mock, 'POST', '/v1/subscriptions', body([own, foreign]));
    const refusedUnknown = await send(fixture.mock, 'POST', '/v1/subscriptions', body([own, 'ECDX999999999999']));
    expect(refusedForeign.status).toBe(422);
    const params = (r: typeof refusedForeign) => (r.body as { invalidParams: unknown[] }).invalidParams;
    expect(params(refusedForeign)).toEqual([{ name: '/scope/waybillNos/1', reason: expect.any(String), in: 'body' }]);
    expect(params(refusedForeign)).toEqual(params(refusedUnknown));
    expect((await send(fixture.mock, 'POST', '/v1/subscriptions', body([own]))).status).toBe(201);
  });
});
