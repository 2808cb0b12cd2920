import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_WEBHOOK_SECRET, demoCredentials, generateWebhookSigningKey, verifyWebhook } from '../../protocol/index.ts';
import type { PushAcknowledgement, PushBatch, Subscription, TrackingEvent } from '../../schemas/src/index.ts';
import { isValid } from '../../schemas/validate.ts';
import { requirementById } from '../../spec/registry.ts';
import { createMock } from '../core/mock.ts';
import { acceptPushBatch } from '../core/operations/receiver.ts';
import { pushBatch, pushFixture, pushRequest, trackingEvent, type PushFixture, type PushFixtureOptions } from '../core/push/test-support.ts';
import { send } from '../testing.ts';
import { faults, faultsNamed, type FaultName } from './index.ts';
import { pushFaults } from './push.ts';
import { DAY } from '../../schemas/time.ts';

const W1 = 'ECDX00000000001';

let open: PushFixture[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(open.map((f) => f.close()));
  open = [];
});

/** The same scenario with the fault off and on. */
async function both(name: FaultName, options: PushFixtureOptions = {}): Promise<[PushFixture, PushFixture]> {
  const off = await pushFixture(options);
  const on = await pushFixture({ ...options, faults: faultsNamed(name) });
  open.push(off, on);
  return [off, on];
}

const recordNow = (f: PushFixture, events: (now: number) => TrackingEvent[]) => f.record(events(f.mock.context.clock.now()));
const pushed = (f: PushFixture) => f.callback.deliveries.flatMap((d) => (d.json as PushBatch).events);
const getSubscription = (f: PushFixture, key = demoCredentials.platform.signingKey) =>
  send(f.mock, 'GET', `/v1/subscriptions/${f.subscription.subscriptionId}`, undefined, { key });

describe('the push faults', () => {
  it('are in the catalogue once each, name existing MUST requirements and a role', () => {
    for (const fault of pushFaults) {
      expect(faults.filter((f) => f.name === fault.name)).toHaveLength(1);
      expect(fault.requirements.length).toBeGreaterThan(0);
      for (const id of fault.requirements) expect(requirementById(id)?.level).toMatch(/^MUST/);
    }
  });

  it('cover every testable MUST requirement of pushes, ECDX-HLT-007 and ECDX-SEC-012/013, with the pipeline\u2019s', () => {
    const covered = new Set(faults.flatMap((f) => f.requirements));
    const ids = ['HLT-007', 'SEC-012', 'SEC-013', ...Array.from({ length: 29 }, (_, i) => `PSH-${String(i + 1).padStart(3, '0')}`)];
    const needed = ids.map((id) => requirementById(`ECDX-${id}`)!).filter((r) => r.testable && r.level.startsWith('MUST'));
    expect(needed.filter((r) => !covered.has(r.id)).map((r) => r.id)).toEqual([]);
  });
});

describe('subscription faults', () => {
  it('subscription-created-without-location drops the Location of the 201', async () => {
    const [off, on] = await both('subscription-created-without-location');
    const body = { callbackUrl: 'https://platform.example.com/cb', scope: { type: 'ALL' }, signatureScheme: 'v1a' };
    expect((await send(off.mock, 'POST', '/v1/subscriptions', body)).headers['location']).toMatch(/^\/v1\/subscriptions\//);
    const created = await send(on.mock, 'POST', '/v1/subscriptions', body);
    expect(created.status).toBe(201);
    expect(created.headers['location']).toBeUndefined();
  });

  it('subscription-secret-disclosed shows the v1 secret in GET', async () => {
    const [off, on] = await both('subscription-secret-disclosed', { subscription: { signatureScheme: 'v1' } });
    expect((await getSubscription(off)).body).not.toHaveProperty('secret');
    expect(((await getSubscription(on)).body as Subscription).secret).toBe(on.subscription.secret);
  });

  it('subscribe-foreign-waybills accepts a waybill that is not the caller\u2019s, and still pushes only the owner\u2019s events', async () => {
    const [off, on] = await both('subscribe-foreign-waybills');
    const body = { callbackUrl: on.callback.url, scope: { type: 'WAYBILLS', waybillNos: [W1] }, signatureScheme: 'v1a' };
    expect((await send(off.mock, 'POST', '/v1/subscriptions', body)).status).toBe(422);
    expect((await send(on.mock, 'POST', '/v1/subscriptions', body)).status).toBe(201);
    on.record([trackingEvent(W1, 1, 'ACCEPTED', on.mock.context.clock.now())], 'ecdx-demo-someone-else');
    await on.settle();
    expect(on.callback.deliveries).toHaveLength(0);
  });

  it('subscribe-plain-http-callback accepts http to a public host', async () => {
    const [off, on] = await both('subscribe-plain-http-callback');
    const body = { callbackUrl: 'http://platform.example.com/cb', scope: { type: 'ALL' }, signatureScheme: 'v1a' };
    expect((await send(off.mock, 'POST', '/v1/subscriptions', body)).status).toBe(422);
    expect((await send(on.mock, 'POST', '/v1/subscriptions', body)).status).toBe(201);
  });

  it('subscription-readable-by-other-platforms lets another client read, but not delete, the subscription', async () => {
    const [off, on] = await both('subscription-readable-by-other-platforms');
    expect((await getSubscription(off, demoCredentials.platformHmac)).status).toBe(404);
    expect((await getSubscription(on, demoCredentials.platformHmac)).status).toBe(200);
    const foreignDelete = await send(on.mock, 'DELETE', `/v1/subscriptions/${on.subscription.subscriptionId}`, undefined, {
      key: demoCredentials.platformHmac,
    });
    expect(foreignDelete.status).toBe(404);
  });

  it('deleted-subscription-still-pushed retries and pushes after DELETE answered 204, while GET says 404', async () => {
    const [off, on] = await both('deleted-subscription-still-pushed', { answers: [{ status: 500 }] });
    for (const f of [off, on]) {
      recordNow(f, (now) => [trackingEvent(W1, 1, 'ACCEPTED', now)]);
      await f.settle();
      expect((await send(f.mock, 'DELETE', `/v1/subscriptions/${f.subscription.subscriptionId}`)).status).toBe(204);
      recordNow(f, (now) => [trackingEvent(W1, 2, 'SORTING', now)]);
      await f.advance(DAY);
    }
    expect(off.callback.deliveries).toHaveLength(1);
    expect(on.callback.deliveries).toHaveLength(3);
    expect((await getSubscription(on)).status).toBe(404);
  });

  it('subscription-deleted-twice-answers-204 answers a second DELETE with 204; an unknown one is still 404', async () => {
    const [off, on] = await both('subscription-deleted-twice-answers-204');
    const remove = (f: PushFixture, id = f.subscription.subscriptionId) => send(f.mock, 'DELETE', `/v1/subscriptions/${id}`);
    for (const f of [off, on]) expect((await remove(f)).status).toBe(204);
    const second = await remove(off);
    expect(second.status).toBe(404);
    expect((second.body as { type: string }).type).toMatch(/subscription-not-found$/);
    expect((await remove(on)).status).toBe(204);
    expect((await remove(on, 'sub_never')).status).toBe(404);
    expect((await getSubscription(on)).status).toBe(404);
  });
});

describe('faults in what is pushed', () => {
  it('push-ignores-status-filter pushes statuses outside the filter', async () => {
    const [off, on] = await both('push-ignores-status-filter', { subscription: { statuses: ['DELIVERED'] } });
    for (const f of [off, on]) recordNow(f, (now) => [trackingEvent(W1, 1, 'ACCEPTED', now), trackingEvent(W1, 2, 'DELIVERED', now)]);
    await Promise.all([off.settle(), on.settle()]);
    expect(pushed(off).map((e) => e.status)).toEqual(['DELIVERED']);
    expect(pushed(on).map((e) => e.status)).toEqual(['ACCEPTED', 'DELIVERED']);
  });

  it('push-drops-events never pushes even sequences', async () => {
    const [off, on] = await both('push-drops-events');
    for (const f of [off, on]) recordNow(f, (now) => [1, 2, 3, 4].map((n) => trackingEvent(W1, n, 'IN_TRANSIT', now)));
    await Promise.all([off.settle(), on.settle()]);
    expect(pushed(off).map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    expect(pushed(on).map((e) => e.sequence)).toEqual([1, 3]);
  });

  it('push-event-differs-from-trajectory changes the description of the pushed event, keeping it valid', async () => {
    const [off, on] = await both('push-event-differs-from-trajectory');
    const events = new Map<PushFixture, TrackingEvent>();
    for (const f of [off, on]) {
      const event = trackingEvent(W1, 1, 'ACCEPTED', f.mock.context.clock.now());
      events.set(f, event);
      f.record([event]);
    }
    await Promise.all([off.settle(), on.settle()]);
    expect(pushed(off)).toEqual([events.get(off)]);
    const [altered] = pushed(on);
    expect(altered!.description).not.toBe(events.get(on)!.description);
    expect({ ...altered, description: '' }).toEqual({ ...events.get(on), description: '' });
    expect(isValid('TrackingEvent', altered)).toBe(true);
  });

  it('push-webhook-id-not-batch-id sends another webhook-id, with a signature that verifies over it', async () => {
    const [off, on] = await both('push-webhook-id-not-batch-id');
    for (const f of [off, on]) recordNow(f, (now) => [trackingEvent(W1, 1, 'ACCEPTED', now)]);
    await Promise.all([off.settle(), on.settle()]);
    const [a] = off.callback.deliveries;
    const [b] = on.callback.deliveries;
    expect(a!.headers['webhook-id']).toBe((a!.json as PushBatch).batchId);
    expect(b!.headers['webhook-id']).not.toBe((b!.json as PushBatch).batchId);
    expect(verifyWebhook(b!.headers, b!.body, demoCredentials.push.v1a.verificationKey, { now: on.mock.context.clock.now() }).ok).toBe(true);
  });

  it('push-webhook-id-not-batch-id keeps its webhook-id across retries', async () => {
    const on = await pushFixture({ faults: faultsNamed('push-webhook-id-not-batch-id'), answers: [{ status: 500 }] });
    open.push(on);
    recordNow(on, (now) => [trackingEvent(W1, 1, 'ACCEPTED', now)]);
    await on.settle();
    await on.advance(6_000);
    const ids = on.callback.deliveries.map((d) => d.headers['webhook-id']);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('push-batch-descending puts a waybill\u2019s events in descending sequence', async () => {
    const [off, on] = await both('push-batch-descending');
    for (const f of [off, on]) recordNow(f, (now) => [1, 2, 3].map((n) => trackingEvent(W1, n, 'IN_TRANSIT', now)));
    await Promise.all([off.settle(), on.settle()]);
    expect(pushed(off).map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(pushed(on).map((e) => e.sequence)).toEqual([3, 2, 1]);
  });
});

describe('delivery and retry faults', () => {
  /** Record one event into both fixtures, let the first attempts finish, then move both clocks by `ms`. */
  async function firstAttemptThen(fixtures: PushFixture[], ms: number): Promise<void> {
    for (const f of fixtures) recordNow(f, (now) => [trackingEvent(W1, 1, 'ACCEPTED', now)]);
    await Promise.all(fixtures.map((f) => f.settle()));
    await Promise.all(fixtures.map((f) => f.advance(ms)));
  }

  it.each([202, 204])('push-only-200-is-delivery retries a batch answered %i', async (status) => {
    const fixtures = await both('push-only-200-is-delivery', { answers: [{ status }] });
    await firstAttemptThen(fixtures, 6_000);
    expect(fixtures.map((f) => f.callback.deliveries.length)).toEqual([1, 2]);
  });

  it('push-only-200-is-delivery still takes a 200 with an empty body as delivery', async () => {
    const fixtures = await both('push-only-200-is-delivery', { answers: [{ status: 200 }], fallback: { status: 500 } });
    await firstAttemptThen(fixtures, 6_000);
    expect(fixtures.map((f) => f.callback.deliveries.length)).toEqual([1, 1]);
  });

  it('push-retry-new-batch-id retries under a new batchId and sentAt', async () => {
    const [off, on] = await both('push-retry-new-batch-id', { answers: [{ status: 500 }] });
    await firstAttemptThen([off, on], 6_000);
    const ids = (f: PushFixture) => f.callback.deliveries.map((d) => (d.json as PushBatch).batchId);
    expect(new Set(ids(off)).size).toBe(1);
    expect(off.callback.deliveries[1]!.body).toBe(off.callback.deliveries[0]!.body);
    expect(new Set(ids(on)).size).toBe(2);
  });

  it('push-retry-reuses-signature sends the first attempt\u2019s timestamp and signature again', async () => {
    const [off, on] = await both('push-retry-reuses-signature', { answers: [{ status: 500 }] });
    await firstAttemptThen([off, on], 6_000);
    const stamps = (f: PushFixture) => f.callback.deliveries.map((d) => `${d.headers['webhook-timestamp']} ${d.headers['webhook-signature']}`);
    expect(new Set(stamps(off)).size).toBe(2);
    expect(new Set(stamps(on)).size).toBe(1);
  });

  it('push-retry-schedule-compressed makes the second retry 5 s after the first instead of about 5 min', async () => {
    const fixtures = await both('push-retry-schedule-compressed', { fallback: { status: 500 } });
    await firstAttemptThen(fixtures, 5_500);
    await Promise.all(fixtures.map((f) => f.advance(5_500)));
    expect(fixtures.map((f) => f.callback.deliveries.length)).toEqual([2, 3]);
  });

  it('push-ignores-410 keeps the subscription ACTIVE and retries', async () => {
    const [off, on] = await both('push-ignores-410', { answers: [{ status: 410 }] });
    await firstAttemptThen([off, on], 6_000);
    expect([off, on].map((f) => f.callback.deliveries.length)).toEqual([1, 2]);
    expect(((await getSubscription(off)).body as Subscription).state).toBe('DISABLED');
    expect(((await getSubscription(on)).body as Subscription).state).toBe('ACTIVE');
  });

  it('subscription-active-after-abandoned-batch drops the abandoned batch but leaves the subscription ACTIVE, still pushing', async () => {
    const [off, on] = await both('subscription-active-after-abandoned-batch', { fallback: { status: 500 } });
    await firstAttemptThen([off, on], 0);
    for (let i = 0; i < 20; i++) await Promise.all([off, on].map((f) => f.advance(DAY / 4)));
    expect(((await getSubscription(off)).body as Subscription).state).toBe('DISABLED');
    expect(((await getSubscription(off)).body as Subscription).disabledReason).toBe('DELIVERY_FAILING');
    expect(((await getSubscription(on)).body as Subscription).state).toBe('ACTIVE');
    const before = [off, on].map((f) => f.callback.deliveries.length);
    for (const f of [off, on]) recordNow(f, (now) => [trackingEvent(W1, 2, 'SORTING', now)]);
    await Promise.all([off, on].map((f) => f.advance(1_000)));
    expect([off, on].map((f, i) => f.callback.deliveries.length - before[i]!)).toEqual([0, 1]);
  });

  it('push-ignores-retry-after retries a 429 before its Retry-After', async () => {
    const fixtures = await both('push-ignores-retry-after', { answers: [{ status: 429, headers: { 'retry-after': '120' } }] });
    await firstAttemptThen(fixtures, 6_000);
    expect(fixtures.map((f) => f.callback.deliveries.length)).toEqual([1, 2]);
  });

  it('push-backlog-not-counted reports no backlog while a batch waits for its retry', async () => {
    const [off, on] = await both('push-backlog-not-counted', { answers: [{ status: 500 }] });
    await firstAttemptThen([off, on], 1_000);
    expect(off.dispatcher.backlog().pendingBatches).toBe(1);
    expect(on.dispatcher.backlog()).toEqual({ pendingBatches: 0 });
  });

  it('push-v1-shared-secret gives every v1 subscription the published demo secret, and signs with it', async () => {
    const [off, on] = await both('push-v1-shared-secret', { subscription: { signatureScheme: 'v1' } });
    expect(off.subscription.secret).not.toBe(DEMO_WEBHOOK_SECRET);
    expect(on.subscription.secret).toBe(DEMO_WEBHOOK_SECRET);
    await firstAttemptThen([on], 0);
    const [delivery] = on.callback.deliveries;
    expect(verifyWebhook(delivery!.headers, delivery!.body, demoCredentials.push.v1, { now: on.mock.context.clock.now() }).ok).toBe(true);
  });
});

describe('platform faults', () => {
  const platformPair = (name: FaultName) =>
    [createMock({ role: 'platform', clockSpeed: 0 }), createMock({ role: 'platform', clockSpeed: 0, faults: faultsNamed(name) })] as const;
  const event = (sequence: number, status: TrackingEvent['status'] = 'IN_TRANSIT') => trackingEvent(W1, sequence, status, Date.now());

  it('platform-single-push-signature-only refuses a signature list with 401, though one signature verifies', async () => {
    const [off, on] = platformPair('platform-single-push-signature-only');
    const keys = [generateWebhookSigningKey(), demoCredentials.push.v1a.signingKey];
    const batch = pushBatch([event(1)]);
    expect((await off.handle(pushRequest(off, batch, { keys }))).status).toBe(200);
    expect((await on.handle(pushRequest(on, batch, { keys }))).status).toBe(401);
    expect((await on.handle(pushRequest(on, batch))).status).toBe(200);
  });

  it('platform-slow-acknowledgement answers a valid batch only after 16 s', async () => {
    const [off, on] = platformPair('platform-slow-acknowledgement');
    const batch = pushBatch([event(1)]);
    const offRequest = pushRequest(off, batch);
    const onRequest = pushRequest(on, batch);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    expect((await off.handle(offRequest)).status).toBe(200);
    let answered = false;
    const slow = on.handle(onRequest).then((r) => {
      answered = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await slow).status).toBe(200);
  });

  it('platform-accept-stale-push processes a correctly signed push with a timestamp 10 minutes old', async () => {
    const [off, on] = platformPair('platform-accept-stale-push');
    const batch = pushBatch([event(1)]);
    const stale = (m: typeof on) => pushRequest(m, batch, { timestamp: m.context.clock.now() - 600_000 });
    expect((await off.handle(stale(off))).status).toBe(401);
    const accepted = await on.handle(stale(on));
    expect(accepted.status).toBe(200);
    expect((accepted.body as PushAcknowledgement).received).toBe(1);
    const forged = stale(on);
    forged.headers['webhook-signature'] = `v1a,${Buffer.alloc(64, 3).toString('base64')}`;
    expect((await on.handle(forged)).status).toBe(401);
    const invalid = pushRequest(on, { ...batch, events: [] }, { timestamp: on.context.clock.now() - 600_000 });
    expect((await on.handle(invalid)).status).toBe(422);
  });

  it('platform-reprocesses-duplicates takes a retried batch as new', async () => {
    const [off, on] = platformPair('platform-reprocesses-duplicates');
    const batch = pushBatch([event(1)]);
    for (const m of [off, on]) await m.handle(pushRequest(m, batch));
    expect(((await off.handle(pushRequest(off, batch))).body as PushAcknowledgement).duplicates).toBe(1);
    expect(((await on.handle(pushRequest(on, batch))).body as PushAcknowledgement).duplicates).toBe(0);
  });

  it('platform-refuses-duplicate-batch answers 422 to a batch of events it already holds, and 200 to a mixed one', async () => {
    const [off, on] = platformPair('platform-refuses-duplicate-batch');
    const [first, second] = [event(1), event(2)];
    for (const m of [off, on]) await m.handle(pushRequest(m, pushBatch([first])));
    expect((await off.handle(pushRequest(off, pushBatch([first])))).status).toBe(200);
    expect((await on.handle(pushRequest(on, pushBatch([first])))).status).toBe(422);
    expect((await on.handle(pushRequest(on, pushBatch([first, second])))).status).toBe(200);
  });

  it('platform-refuses-out-of-order-events answers 422 to a lower or non-contiguous sequence, 200 to the next one', async () => {
    const [off, on] = platformPair('platform-refuses-out-of-order-events');
    for (const m of [off, on]) await m.handle(pushRequest(m, pushBatch([event(3)])));
    expect((await off.handle(pushRequest(off, pushBatch([event(2)])))).status).toBe(200);
    expect((await on.handle(pushRequest(on, pushBatch([event(2)])))).status).toBe(422);
    expect((await on.handle(pushRequest(on, pushBatch([event(6)])))).status).toBe(422);
    expect((await on.handle(pushRequest(on, pushBatch([event(4), event(5)])))).status).toBe(200);
  });

  it('platform-oversized-batch-as-validation-error answers 422 instead of 413 to 101 events', () => {
    const [off, on] = platformPair('platform-oversized-batch-as-validation-error');
    const batch = pushBatch(Array.from({ length: 101 }, (_, i) => event(i + 1)));
    expect(acceptPushBatch(off.context, pushRequest(off, batch), batch).status).toBe(413);
    const refused = acceptPushBatch(on.context, pushRequest(on, batch), batch);
    expect(refused.status).toBe(422);
    expect(on.context.store.collection('received-events').size).toBe(0);
  });

  it('platform-refuses-unexpected-status answers 422 to a batch holding STALLED, 200 to the plain path', async () => {
    const [off, on] = platformPair('platform-refuses-unexpected-status');
    expect((await off.handle(pushRequest(off, pushBatch([event(1, 'STALLED')])))).status).toBe(200);
    expect((await on.handle(pushRequest(on, pushBatch([event(1, 'STALLED')])))).status).toBe(422);
    expect((await on.handle(pushRequest(on, pushBatch([event(2, 'DELIVERED')])))).status).toBe(200);
  });
});
