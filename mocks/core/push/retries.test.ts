import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PLATFORM_KEYID, demoCredentials, verifyWebhook } from '../../../protocol/index.ts';
import type { PushBatch, Subscription } from '../../../schemas/src/index.ts';
import { send } from '../../testing.ts';
import { activitiesBetween } from '../activity.ts';
import { MemoryStore } from '../store.ts';
import { RETRY_DELAYS_MS, retryDelay } from './schedule.ts';
import { pushFixture, trackingEvent, type CallbackAnswer, type PushFixture } from './test-support.ts';

let fixture: PushFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const W1 = 'ECDX00000000001';
const subscriptionOf = async (f: PushFixture) => (await send(f.mock, 'GET', `/v1/subscriptions/${f.subscription.subscriptionId}`)).body as Subscription;

/** Record one event and let its first attempt finish. */
async function firstAttempt(f: PushFixture): Promise<void> {
  f.record([trackingEvent(W1, 1, 'ACCEPTED', f.mock.context.clock.now())]);
  await f.settle();
  expect(f.callback.deliveries).toHaveLength(1);
}

describe('retries on the schedule', () => {
  it('retries a failing batch 9 times on the jittered schedule, same batchId and body, fresh timestamp and signature, then gives up', async () => {
    fixture = await pushFixture({ fallback: { status: 500 } });
    await firstAttempt(fixture);
    const first = fixture.callback.deliveries[0]!;
    const batchId = (first.json as PushBatch).batchId;

    for (let failed = 1; failed <= 9; failed++) {
      const delay = retryDelay(fixture.mock.context.seed, batchId, failed)!;
      expect(Math.abs(delay / RETRY_DELAYS_MS[failed - 1]! - 1)).toBeLessThanOrEqual(0.1);
      await fixture.advance(delay - 1);
      expect(fixture.callback.deliveries).toHaveLength(failed);
      await fixture.advance(1);
      expect(fixture.callback.deliveries).toHaveLength(failed + 1);
      const retry = fixture.callback.deliveries[failed]!;
      expect(retry.body).toBe(first.body);
      expect(retry.headers['webhook-id']).toBe(batchId);
      expect(Number(retry.headers['webhook-timestamp'])).toBe(Math.floor(fixture.mock.context.clock.now() / 1000));
      expect(retry.headers['webhook-signature']).not.toBe(fixture.callback.deliveries[failed - 1]!.headers['webhook-signature']);
      expect(verifyWebhook(retry.headers, retry.body, demoCredentials.push.v1a.verificationKey, { now: fixture.mock.context.clock.now() }).ok).toBe(true);
    }

    await fixture.advance(7 * 24 * 3600_000);
    expect(fixture.callback.deliveries).toHaveLength(10);
    expect(fixture.dispatcher.backlog().pendingBatches).toBe(0);
    expect(await subscriptionOf(fixture)).toMatchObject({ state: 'DISABLED', disabledReason: 'DELIVERY_FAILING' });
    const log = activitiesBetween(fixture.mock.context, 0, Number.MAX_SAFE_INTEGER, DEMO_PLATFORM_KEYID);
    expect(log.filter((a) => a.kind === 'push-retried')).toHaveLength(9);
    expect(log.filter((a) => a.kind === 'push-failed')).toHaveLength(1);
    expect(log.filter((a) => a.kind === 'push-delivered')).toHaveLength(0);
  });

  it.each<[string, CallbackAnswer]>([
    ['no answer within the timeout', { delayMs: 3_000 }],
    ['a connection reset', { reset: true }],
    ['an answer that is not HTTP', { garbage: true }],
    ['a redirect', { status: 308, headers: { location: 'http://127.0.0.1:1/elsewhere' } }],
    ['400', { status: 400 }],
    ['404', { status: 404 }],
  ])('counts %s as a failed attempt and retries after about 5 s', async (_, answer) => {
    fixture = await pushFixture({ answers: [answer], attemptTimeoutMs: 300 });
    await firstAttempt(fixture);
    await fixture.advance(5_500);
    expect(fixture.callback.deliveries).toHaveLength(2);
    expect(fixture.dispatcher.backlog().pendingBatches).toBe(0);
  });
});

describe('410 Gone', () => {
  it('disables the subscription with ENDPOINT_GONE and stops every push for it', async () => {
    fixture = await pushFixture({ answers: [{ status: 500 }, { status: 410 }] });
    const now = fixture.mock.context.clock.now();
    fixture.record([trackingEvent(W1, 1, 'ACCEPTED', now)]);
    await fixture.settle();
    fixture.record([trackingEvent(W1, 2, 'SORTING', now)]); // a second batch, answered 410
    await fixture.settle();
    expect(fixture.callback.deliveries).toHaveLength(2);

    const disabled = await subscriptionOf(fixture);
    expect(disabled).toMatchObject({ state: 'DISABLED', disabledReason: 'ENDPOINT_GONE' });
    expect(disabled.disabledAt).toBeDefined();
    expect(fixture.dispatcher.backlog().pendingBatches).toBe(0);
    fixture.record([trackingEvent(W1, 3, 'IN_TRANSIT', now)]);
    await fixture.advance(7 * 24 * 3600_000);
    expect(fixture.callback.deliveries).toHaveLength(2);
    const failed = activitiesBetween(fixture.mock.context, 0, Number.MAX_SAFE_INTEGER).filter((a) => a.kind === 'push-failed');
    expect(failed).toHaveLength(1);
  });
});

describe('Retry-After', () => {
  it('waits for a 429\u2019s Retry-After of 120 s although the schedule says 5 s', async () => {
    fixture = await pushFixture({ answers: [{ status: 429, headers: { 'retry-after': '120' } }] });
    await firstAttempt(fixture);
    await fixture.advance(119_999);
    expect(fixture.callback.deliveries).toHaveLength(1);
    await fixture.advance(1);
    expect(fixture.callback.deliveries).toHaveLength(2);
  });

  it('waits for a 503\u2019s Retry-After given as an HTTP-date, read against the answer\u2019s Date', async () => {
    const date = new Date(Math.floor(Date.now() / 1000) * 1000);
    const later = new Date(date.getTime() + 600_000);
    fixture = await pushFixture({ answers: [{ status: 503, headers: { date: date.toUTCString(), 'retry-after': later.toUTCString() } }] });
    await firstAttempt(fixture);
    await fixture.advance(599_999);
    expect(fixture.callback.deliveries).toHaveLength(1);
    await fixture.advance(1);
    expect(fixture.callback.deliveries).toHaveLength(2);
  });

  it('keeps the schedule when it names a later time than Retry-After', async () => {
    fixture = await pushFixture({ answers: [{ status: 500 }, { status: 429, headers: { 'retry-after': '1' } }] });
    await firstAttempt(fixture);
    await fixture.advance(5_500);
    expect(fixture.callback.deliveries).toHaveLength(2);
    await fixture.advance(60_000);
    expect(fixture.callback.deliveries).toHaveLength(2);
    await fixture.advance(300_000 * 1.1);
    expect(fixture.callback.deliveries).toHaveLength(3);
  });

  it('reads Retry-After only on 429 and 503: a 500 with one is retried on the schedule', async () => {
    fixture = await pushFixture({ answers: [{ status: 500, headers: { 'retry-after': '3600' } }] });
    await firstAttempt(fixture);
    await fixture.advance(5_500);
    expect(fixture.callback.deliveries).toHaveLength(2);
  });
});

describe('deletion and restarts', () => {
  it('starts no attempt after DELETE has been answered, and forgets the pending batch', async () => {
    fixture = await pushFixture({ fallback: { status: 500 } });
    await firstAttempt(fixture);
    const deleted = await send(fixture.mock, 'DELETE', `/v1/subscriptions/${fixture.subscription.subscriptionId}`);
    expect(deleted.status).toBe(204);
    expect(fixture.dispatcher.backlog().pendingBatches).toBe(0);
    fixture.record([trackingEvent(W1, 2, 'SORTING', fixture.mock.context.clock.now())]);
    await fixture.advance(7 * 24 * 3600_000);
    expect(fixture.callback.deliveries).toHaveLength(1);
    expect(fixture.mock.context.clock.pendingTimers).toBe(0);
  });

  it('lets an attempt already under way complete when the subscription is deleted meanwhile', async () => {
    fixture = await pushFixture({ answers: [{ delayMs: 200 }] });
    fixture.record([trackingEvent(W1, 1, 'ACCEPTED', fixture.mock.context.clock.now())]);
    await fixture.callback.waitFor(1);
    expect((await send(fixture.mock, 'DELETE', `/v1/subscriptions/${fixture.subscription.subscriptionId}`)).status).toBe(204);
    await fixture.settle();
    await fixture.advance(24 * 3600_000);
    expect(fixture.callback.deliveries).toHaveLength(1);
  });

  it('resumes a pending retry in a mock restarted over the same store', async () => {
    const store = new MemoryStore();
    fixture = await pushFixture({ store, answers: [{ status: 500 }] });
    await firstAttempt(fixture);
    const stoppedAt = fixture.mock.context.clock.now();
    const batchId = (fixture.callback.deliveries[0]!.json as PushBatch).batchId;
    await fixture.mock.close();

    const restarted = await pushFixture({ store, clockStart: stoppedAt, answers: [] });
    // The restarted fixture made a second subscription on the same store; only the first one has a batch.
    try {
      await restarted.advance(retryDelay(1, batchId, 1)! + 1);
      const retried = restarted.callback.deliveries.length + fixture.callback.deliveries.length;
      expect(retried).toBe(2);
      expect(fixture.callback.deliveries[1]?.headers['webhook-id']).toBe(batchId);
      expect(restarted.dispatcher.backlog().pendingBatches).toBe(0);
    } finally {
      await restarted.close();
    }
  });
});
