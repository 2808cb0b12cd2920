import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PLATFORM_KEYID, DEMO_WEBHOOK_SECRET, demoCredentials, verifyWebhook, webhookSecret } from '../../../protocol/index.ts';
import type { Health, PushBatch } from '../../../schemas/src/index.ts';
import { send } from '../../testing.ts';
import { isValid } from '../../../schemas/validate.ts';
import { activitiesBetween } from '../activity.ts';
import { DEMO_CARRIER_CODE } from '../mock.ts';
import { pushFixture, trackingEvent, type PushFixture } from './test-support.ts';

let fixture: PushFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const batchesOf = (f: PushFixture) => f.callback.deliveries.map((d) => d.json as PushBatch);
const W1 = 'ECDX00000000001';
const W2 = 'ECDX00000000002';

describe('delivering what the trajectory records', () => {
  it('POSTs a PushBatch in application/json, signed v1a with webhook-id equal to the batchId', async () => {
    fixture = await pushFixture();
    const now = fixture.mock.context.clock.now();
    const events = [trackingEvent(W1, 1, 'ACCEPTED', now)];
    fixture.record(events);
    await fixture.settle();

    expect(fixture.callback.deliveries).toHaveLength(1);
    const [delivery] = fixture.callback.deliveries;
    const batch = delivery!.json as PushBatch;
    expect(isValid('PushBatch', batch)).toBe(true);
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.headers['webhook-id']).toBe(batch.batchId);
    expect(batch).toMatchObject({ subscriptionId: fixture.subscription.subscriptionId, carrierCode: DEMO_CARRIER_CODE, events });
    expect(delivery!.headers['webhook-signature']).toMatch(/^v1a,/);
    const verified = verifyWebhook(delivery!.headers, delivery!.body, demoCredentials.push.v1a.verificationKey, { now });
    expect(verified).toMatchObject({ ok: true, id: batch.batchId, scheme: 'v1a' });
    expect(Number(delivery!.headers['webhook-timestamp'])).toBe(Math.floor(now / 1000));
  });

  it('signs a v1 subscription with its own secret, which the independent standardwebhooks package verifies', async () => {
    fixture = await pushFixture({ subscription: { signatureScheme: 'v1' } });
    const secret = fixture.subscription.secret!;
    expect(secret).toMatch(/^whsec_/);
    fixture.record([trackingEvent(W1, 1, 'ACCEPTED', fixture.mock.context.clock.now())]);
    await fixture.settle();

    const [delivery] = fixture.callback.deliveries;
    expect(delivery!.headers['webhook-signature']).toMatch(/^v1,/);
    expect(verifyWebhook(delivery!.headers, delivery!.body, webhookSecret(secret), { now: fixture.mock.context.clock.now() }).ok).toBe(true);
    expect(verifyWebhook(delivery!.headers, delivery!.body, demoCredentials.push.v1, { now: fixture.mock.context.clock.now() }).ok).toBe(false);
    // The package checks the timestamp against the real clock; the frozen mock clock started at real time.
    expect(new Webhook(secret).verify(delivery!.body, delivery!.headers)).toEqual(delivery!.json);
    expect(() => new Webhook(DEMO_WEBHOOK_SECRET).verify(delivery!.body, delivery!.headers)).toThrow();
  });

  it('never puts the v1 secret in a push', async () => {
    fixture = await pushFixture({ subscription: { signatureScheme: 'v1' } });
    fixture.record([trackingEvent(W1, 1, 'ACCEPTED', fixture.mock.context.clock.now())]);
    await fixture.settle();
    const raw = fixture.subscription.secret!.slice('whsec_'.length);
    const [delivery] = fixture.callback.deliveries;
    expect(delivery!.body).not.toContain(raw);
    expect(JSON.stringify(delivery!.headers)).not.toContain(raw);
  });

  it('gathers the events recorded in one turn into one batch, each waybill in ascending sequence', async () => {
    fixture = await pushFixture();
    const now = fixture.mock.context.clock.now();
    fixture.record([
      trackingEvent(W2, 1, 'ACCEPTED', now),
      trackingEvent(W1, 1, 'ACCEPTED', now),
      trackingEvent(W1, 2, 'SORTING', now),
      trackingEvent(W2, 2, 'SORTING', now),
    ]);
    await fixture.settle();

    const batches = batchesOf(fixture);
    expect(batches).toHaveLength(1);
    for (const waybillNo of [W1, W2]) {
      expect(batches[0]!.events.filter((e) => e.waybillNo === waybillNo).map((e) => e.sequence)).toEqual([1, 2]);
    }
  });

  it('splits 250 events into batches of at most 100, each waybill ascending across them, every event once', async () => {
    fixture = await pushFixture();
    const now = fixture.mock.context.clock.now();
    const events = Array.from({ length: 250 }, (_, i) => trackingEvent(i % 2 ? W1 : W2, Math.floor(i / 2) + 1, 'IN_TRANSIT', now));
    fixture.record(events);
    await fixture.settle();

    const batches = batchesOf(fixture);
    expect(batches.map((b) => b.events.length)).toEqual([100, 100, 50]);
    expect(batches.every((b) => isValid('PushBatch', b))).toBe(true);
    expect(new Set(batches.map((b) => b.batchId)).size).toBe(3);
    const pushed = batches.flatMap((b) => b.events);
    expect(pushed.map((e) => e.eventId).sort()).toEqual(events.map((e) => e.eventId).sort());
    for (const waybillNo of [W1, W2]) {
      const sequences = pushed.filter((e) => e.waybillNo === waybillNo).map((e) => e.sequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    }
  });

  it('pushes only the subscriber\u2019s own waybills, in scope, with a status of its filter', async () => {
    fixture = await pushFixture({ subscription: { statuses: ['DELIVERED', 'EXCEPTION'] } });
    const now = fixture.mock.context.clock.now();
    fixture.record([trackingEvent(W1, 1, 'ACCEPTED', now), trackingEvent(W1, 2, 'DELIVERED', now)]);
    fixture.record([trackingEvent(W2, 2, 'DELIVERED', now)], 'ecdx-demo-other-platform');
    await fixture.settle();

    const pushed = batchesOf(fixture).flatMap((b) => b.events);
    expect(pushed.map((e) => [e.waybillNo, e.status])).toEqual([[W1, 'DELIVERED']]);
  });

  it('pushes nothing for a subscription scoped to other waybills', async () => {
    fixture = await pushFixture();
    // A WAYBILLS scope needs a waybill the caller owns; check the filtering through the dispatcher's matching alone.
    const { subscriptionId } = fixture.subscription;
    const records = fixture.mock.context.store.collection<{ subscription: { scope: unknown } }>('subscriptions');
    const held = records.get(subscriptionId)!;
    records.put(subscriptionId, { ...held, subscription: { ...held.subscription, scope: { type: 'WAYBILLS', waybillNos: [W2] } } });
    const now = fixture.mock.context.clock.now();
    fixture.record([trackingEvent(W1, 1, 'ACCEPTED', now), trackingEvent(W2, 1, 'ACCEPTED', now)]);
    await fixture.settle();
    expect(
      batchesOf(fixture)
        .flatMap((b) => b.events)
        .map((e) => e.waybillNo),
    ).toEqual([W2]);
  });

  it.each([
    ['200 with a body that is no acknowledgement', { status: 200, body: 'thanks!' }],
    ['202 without a body', { status: 202 }],
    ['204', { status: 204 }],
    ['299', { status: 299, body: '{"weird":true}' }],
  ])('treats %s as delivery and never sends the batch again', async (_, answer) => {
    fixture = await pushFixture({ answers: [answer], fallback: { status: 500 } });
    fixture.record([trackingEvent(W1, 1, 'ACCEPTED', fixture.mock.context.clock.now())]);
    await fixture.settle();
    await fixture.advance(4 * 24 * 3600_000);
    expect(fixture.callback.deliveries).toHaveLength(1);
    expect(fixture.dispatcher.backlog().pendingBatches).toBe(0);
  });
});

describe('backlog and statistics', () => {
  it('counts a batch waiting for a retry in the backlog, with its age, until it is delivered', async () => {
    fixture = await pushFixture({ answers: [{ status: 500 }] });
    const recordedAt = fixture.mock.context.clock.now();
    expect(fixture.dispatcher.backlog()).toEqual({ pendingBatches: 0 });
    fixture.record([trackingEvent(W1, 1, 'ACCEPTED', recordedAt)]);
    expect(fixture.dispatcher.backlog()).toEqual({ pendingBatches: 1, oldestPendingAt: recordedAt });
    await fixture.settle();
    expect(fixture.dispatcher.backlog()).toEqual({ pendingBatches: 1, oldestPendingAt: recordedAt });

    await fixture.advance(6_000);
    expect(fixture.callback.deliveries).toHaveLength(2);
    expect(fixture.dispatcher.backlog()).toEqual({ pendingBatches: 0, lastDeliveredAt: recordedAt + 6_000 });
  });

  it('shows the waiting batch in the health document: PARCEL_DATA_PUSH has a backlog and is not UP', async () => {
    fixture = await pushFixture({ answers: [{ status: 500 }] });
    fixture.record([trackingEvent(W1, 1, 'ACCEPTED', fixture.mock.context.clock.now())]);
    await fixture.settle();
    const health = (await send(fixture.mock, 'GET', '/v1/health', undefined, { key: false })).body as Health;
    const feed = health.feeds.find((f) => f.feed === 'PARCEL_DATA_PUSH');
    expect(feed).toMatchObject({ backlog: 1 });
    expect(feed?.status).not.toBe('UP');
    expect(health.status).not.toBe('UP');
  });

  it('records push-retried, push-delivered with the latency from recordedAt, and event-provided once per event', async () => {
    fixture = await pushFixture({ answers: [{ status: 503 }] });
    const t0 = fixture.mock.context.clock.now();
    const events = [trackingEvent(W1, 1, 'ACCEPTED', t0 - 10_000), trackingEvent(W1, 2, 'SORTING', t0)];
    fixture.record(events);
    await fixture.settle();
    await fixture.advance(6_000);

    const log = activitiesBetween(fixture.mock.context, 0, Number.MAX_SAFE_INTEGER, DEMO_PLATFORM_KEYID);
    const batchId = batchesOf(fixture)[0]!.batchId;
    expect(log.filter((a) => a.kind === 'push-retried')).toEqual([{ kind: 'push-retried', at: t0 + 6_000, counterparty: DEMO_PLATFORM_KEYID, batchId }]);
    const delivered = log.filter((a) => a.kind === 'push-delivered');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ batchId });
    // The median of the two events' latencies (6 s and 16 s, less the milliseconds recordedAt does not carry).
    const { latencySeconds } = delivered[0] as { latencySeconds: number };
    expect(latencySeconds).toBeGreaterThanOrEqual(6);
    expect(latencySeconds).toBeLessThan(7);
    const provided = log.filter((a) => a.kind === 'event-provided');
    expect(provided.map((a) => (a as { eventId: string }).eventId)).toEqual(events.map((e) => e.eventId));
    expect(provided.map((a) => (a as { node: string }).node)).toEqual(['ACCEPTANCE', 'SORTING']);
  });
});
