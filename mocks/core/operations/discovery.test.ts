import { afterEach, describe, expect, it } from 'vitest';
import { checkConformanceClaim, checkHealth, feedsOfClasses, type ConformanceClaim, type Health } from '../../../schemas/src/index.ts';
import { classUri, SPEC_VERSION } from '../../../schemas/src/classes.ts';
import { send } from '../../testing.ts';
import { recordActivity } from '../activity.ts';
import { IDEMPOTENCY_KEY_EXPIRY_SECONDS } from '../idempotency.ts';
import { createMock, type Mock, type MockOptions } from '../mock.ts';
import { pushFixture, trackingEvent } from '../push/test-support.ts';
import { provideService } from '../services.ts';
import { timestampAt } from './discovery.ts';
import { MINUTE } from '../../../schemas/time.ts';

const START = Date.parse('2026-03-01T09:30:00+08:00');
const mocks: Mock[] = [];
const mockOf = (options: MockOptions = {}) => {
  const mock = createMock({ selfCheck: true, clockSpeed: 0, clockStart: START, ...options });
  mocks.push(mock);
  return mock;
};
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

const claimOf = async (mock: Mock, query = '') => {
  const response = await send(mock, 'GET', `/v1/conformance${query}`, undefined, { key: false });
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/json');
  return response.body as ConformanceClaim;
};
const healthOf = async (mock: Mock) => {
  const response = await send(mock, 'GET', '/v1/health', undefined, { key: false });
  expect(response.status).toBe(200);
  return response.body as Health;
};

const CARRIER_CLASSES = [
  'core',
  'security',
  'privacy',
  'carrier-shipping',
  'carrier-tracking-pull',
  'carrier-tracking-push',
  'notices',
  'incidents',
  'statistics',
  'client',
];
const PLATFORM_CLASSES = ['core', 'security', 'privacy', 'platform-tracking-receiver', 'notices', 'incidents', 'statistics', 'client'];

describe('GET /v1/conformance', () => {
  it('answers an unsigned request with a consistent carrier claim by default when the mock plays both roles', async () => {
    const claim = await claimOf(mockOf());
    expect(claim.role).toBe('carrier');
    expect(claim.classes).toEqual(CARRIER_CLASSES.map((c) => classUri(c as never)));
    expect(claim.party.carrierCode).toBe('ECDXDEMO');
    expect(checkConformanceClaim(claim)).toEqual([]);
  });

  it('answers ?role=platform with the platform claim and ?role=carrier with the carrier claim', async () => {
    const mock = mockOf();
    const platform = await claimOf(mock, '?role=platform');
    expect(platform.role).toBe('platform');
    expect(platform.party.carrierCode).toBeUndefined();
    expect(platform.classes).toEqual(PLATFORM_CLASSES.map((c) => classUri(c as never)));
    expect(checkConformanceClaim(platform)).toEqual([]);
    expect((await claimOf(mock, '?role=carrier')).role).toBe('carrier');
  });

  it('ignores the role parameter when the mock plays a single role', async () => {
    expect((await claimOf(mockOf({ role: 'carrier' }), '?role=platform')).role).toBe('carrier');
    expect((await claimOf(mockOf({ role: 'platform' }), '?role=carrier')).role).toBe('platform');
  });

  it('publishes the idempotency-key expiry the mock applies and both signature algorithms and push schemes', async () => {
    const claim = await claimOf(mockOf());
    expect(claim.idempotencyKeyExpirySeconds).toBe(IDEMPOTENCY_KEY_EXPIRY_SECONDS);
    expect(claim.signatureAlgorithms).toEqual(['ed25519', 'hmac-sha256']);
    expect(claim.webhookSignatureSchemes).toEqual(['v1a', 'v1']);
    expect(claim.maxPageSize).toBe(100);
    expect(claim.ecdxVersion).toBe(SPEC_VERSION);
  });

  it('claims testMode exactly when the mock runs as a test deployment', async () => {
    expect((await claimOf(mockOf())).testMode).toBe(true);
    expect((await claimOf(mockOf({ testMode: false }))).testMode).toBe(false);
  });

  it('claims the class client and the test actions of its role in test mode only (ECDX-CNF-010)', async () => {
    const carrier = await claimOf(mockOf({ role: 'carrier' }));
    expect(carrier.testActions).toEqual(['issue-notice', 'respond-to-notice', 'notify-incident']);
    expect((await claimOf(mockOf({ role: 'platform' }))).testActions).toEqual([
      'send-shipment',
      'subscribe',
      'pull-trajectory',
      'issue-notice',
      'respond-to-notice',
      'notify-incident',
    ]);
    const production = await claimOf(mockOf({ testMode: false }));
    expect(production.testActions).toBeUndefined();
    expect(production.classes).not.toContain(classUri('client'));
  });
});

describe('GET /v1/health', () => {
  it('answers an unsigned request with an honest document listing every feed of the carrier claim', async () => {
    const mock = mockOf();
    const claim = await claimOf(mock);
    const health = await healthOf(mock);
    expect(health.feeds.map((f) => f.feed)).toEqual(['SHIPPING_DATA', 'PARCEL_DATA_PULL', 'PARCEL_DATA_PUSH']);
    expect(checkHealth(health, new Date(START), feedsOfClasses(claim.role, claim.classes), claim.ecdxVersion)).toEqual([]);
    expect(health.status).toBe('UP');
  });

  it('lists the push feed alone for a platform', async () => {
    const mock = mockOf({ role: 'platform' });
    const claim = await claimOf(mock);
    const health = await healthOf(mock);
    expect(health.feeds.map((f) => f.feed)).toEqual(['PARCEL_DATA_PUSH']);
    expect(checkHealth(health, new Date(START), feedsOfClasses(claim.role, claim.classes), claim.ecdxVersion)).toEqual([]);
  });

  it('takes serverTime from the mock clock', async () => {
    const mock = mockOf();
    mock.context.clock.advance(90 * MINUTE);
    expect(Date.parse((await healthOf(mock)).serverTime)).toBe(START + 90 * MINUTE);
  });

  it('reports the last exchange of each feed from the activity log and nothing for a feed never used', async () => {
    const mock = mockOf();
    recordActivity(mock.context, { kind: 'shipment-accepted', at: START - 5 * MINUTE, counterparty: 'p' });
    recordActivity(mock.context, { kind: 'shipment-rejected', at: START - MINUTE, counterparty: 'p', reason: 'validation-failed' });
    recordActivity(mock.context, { kind: 'event-provided', at: START - 2 * MINUTE, counterparty: 'p', eventId: 'e1', node: 'ACCEPTANCE' });
    const [shipping, pull, push] = (await healthOf(mock)).feeds;
    expect(shipping?.lastExchangeAt).toBe(timestampAt(START - 5 * MINUTE));
    expect(pull?.lastExchangeAt).toBe(timestampAt(START - 2 * MINUTE));
    expect(push?.lastExchangeAt).toBeUndefined();
  });

  it('counts undelivered push batches in the backlog with their age and degrades the feed and the whole', async () => {
    const mock = mockOf();
    provideService(mock.context, 'pushes', {
      pendingAttempts: () => 0,
      backlog: () => ({ pendingBatches: 3, oldestPendingAt: START - 10 * MINUTE, lastDeliveredAt: START - 20 * MINUTE }),
    });
    const health = await healthOf(mock);
    const push = health.feeds.find((f) => f.feed === 'PARCEL_DATA_PUSH');
    expect(push).toEqual({
      feed: 'PARCEL_DATA_PUSH',
      status: 'DEGRADED',
      lastExchangeAt: timestampAt(START - 20 * MINUTE),
      backlog: 3,
      oldestPendingAt: timestampAt(START - 10 * MINUTE),
    });
    expect(health.status).toBe('DEGRADED');
    expect(checkHealth(health, new Date(START), ['SHIPPING_DATA', 'PARCEL_DATA_PULL', 'PARCEL_DATA_PUSH'], SPEC_VERSION)).toEqual([]);
  });

  it('reports the push feed DOWN, and with it the whole, when a batch has waited over an hour with nothing delivered since', async () => {
    const mock = mockOf();
    provideService(mock.context, 'pushes', { pendingAttempts: () => 0, backlog: () => ({ pendingBatches: 1, oldestPendingAt: START - 61 * MINUTE }) });
    const health = await healthOf(mock);
    expect(health.feeds.find((f) => f.feed === 'PARCEL_DATA_PUSH')?.status).toBe('DOWN');
    expect(health.status).toBe('DOWN');
  });

  it('keeps the push feed DEGRADED after an hour while deliveries still succeed', async () => {
    const mock = mockOf();
    provideService(mock.context, 'pushes', {
      pendingAttempts: () => 0,
      backlog: () => ({ pendingBatches: 1, oldestPendingAt: START - 61 * MINUTE, lastDeliveredAt: START - MINUTE }),
    });
    expect((await healthOf(mock)).feeds.find((f) => f.feed === 'PARCEL_DATA_PUSH')?.status).toBe('DEGRADED');
  });

  it('follows the push dispatcher: DEGRADED while a callback refuses a batch, UP with the delivery time once it takes it', async () => {
    const fixture = await pushFixture({ answers: [{ status: 503 }] });
    try {
      const recordedAt = fixture.mock.context.clock.now();
      fixture.record([trackingEvent('ECDX00000000001', 1, 'ACCEPTED', recordedAt)]);
      await fixture.settle();
      const waiting = await healthOf(fixture.mock);
      expect(waiting.status).toBe('DEGRADED');
      expect(waiting.feeds.find((f) => f.feed === 'PARCEL_DATA_PUSH')).toMatchObject({
        status: 'DEGRADED',
        backlog: 1,
        oldestPendingAt: timestampAt(recordedAt),
      });
      await fixture.advance(6_000);
      const delivered = await healthOf(fixture.mock);
      expect(delivered.status).toBe('UP');
      expect(delivered.feeds.find((f) => f.feed === 'PARCEL_DATA_PUSH')).toEqual({
        feed: 'PARCEL_DATA_PUSH',
        status: 'UP',
        lastExchangeAt: timestampAt(recordedAt + 6_000),
        backlog: 0,
      });
    } finally {
      await fixture.close();
    }
  });

  it('reports an empty push backlog as UP without an age', async () => {
    const mock = mockOf();
    provideService(mock.context, 'pushes', { pendingAttempts: () => 0, backlog: () => ({ pendingBatches: 0, lastDeliveredAt: START - MINUTE }) });
    const push = (await healthOf(mock)).feeds.find((f) => f.feed === 'PARCEL_DATA_PUSH');
    expect(push?.status).toBe('UP');
    expect(push?.oldestPendingAt).toBeUndefined();
  });
});
