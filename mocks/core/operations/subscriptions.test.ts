import { describe, expect, it } from 'vitest';
import { DEMO_PLATFORM_KEYID, demoCredentials, generateEd25519SigningKey, Keyring, verificationKeyOf } from '../../../protocol/index.ts';
import type { Subscription } from '../../../schemas/src/index.ts';
import { switchedOn } from '../../test-support/switches.ts';
import { send } from '../../testing.ts';
import { createMock, type Mock } from '../mock.ts';
import { trackingEvent } from '../push/test-support.ts';
import { pushDispatcherOf } from './subscriptions.ts';

const carrier = (options: { testMode?: boolean } = {}) => createMock({ role: 'carrier', clockSpeed: 0, selfCheck: true, ...options });
const CALLBACK = 'https://platform.example.com/v1/tracking-events';
const request = (overrides: Record<string, unknown> = {}) => ({ callbackUrl: CALLBACK, scope: { type: 'ALL' }, signatureScheme: 'v1a', ...overrides });
const problemType = (body: unknown) => (body as { type: string }).type.split('/').pop();
const invalidNames = (body: unknown) => (body as { invalidParams: { name: string }[] }).invalidParams.map((p) => p.name);

async function subscribe(
  mock: Mock,
  overrides: Record<string, unknown> = {},
  key = demoCredentials.platform.signingKey,
): Promise<Subscription & { secret?: string }> {
  const response = await send(mock, 'POST', '/v1/subscriptions', request(overrides), { key });
  expect(response.status).toBe(201);
  return response.body as Subscription;
}

describe('POST /v1/subscriptions', () => {
  it('answers 201 with a Location and an ACTIVE subscription that repeats the request, without a secret for v1a', async () => {
    const mock = carrier();
    const body = request({ statuses: ['DELIVERED', 'EXCEPTION'] });
    const response = await send(mock, 'POST', '/v1/subscriptions', body);
    expect(response.status).toBe(201);
    const subscription = response.body as Subscription;
    expect(response.headers['location']).toBe(`/v1/subscriptions/${subscription.subscriptionId}`);
    expect(subscription).toMatchObject({ ...body, state: 'ACTIVE' });
    expect(subscription).not.toHaveProperty('secret');
    expect(subscription).not.toHaveProperty('disabledReason');
  });

  it('issues a v1 subscription a new secret of 32 random bytes, a different one each time', async () => {
    const mock = carrier();
    const first = await subscribe(mock, { signatureScheme: 'v1' });
    const second = await subscribe(mock, { signatureScheme: 'v1' });
    for (const { secret } of [first, second]) {
      expect(secret).toMatch(/^whsec_/);
      expect(Buffer.from(secret!.slice(6), 'base64')).toHaveLength(32);
    }
    expect(first.secret).not.toBe(second.secret);
    expect(first.secret).not.toBe('whsec_KAJxfKVdQLa9tofRhyr4nKy6irBh6Hnp3w8IS2DBnsY=');
  });

  it('replays the original answer, secret included, to a repeat with the same Idempotency-Key, creating nothing new', async () => {
    const mock = carrier();
    const first = await send(mock, 'POST', '/v1/subscriptions', request({ signatureScheme: 'v1' }), { idempotencyKey: 'sub-1' });
    const again = await send(mock, 'POST', '/v1/subscriptions', request({ signatureScheme: 'v1' }), { idempotencyKey: 'sub-1' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(mock.context.store.collection('subscriptions').size).toBe(1);
  });

  it.each([
    ['http to a public host', 'http://platform.example.com/v1/tracking-events'],
    ['http to a private address', 'http://10.1.2.3/v1/tracking-events'],
  ])('refuses a callbackUrl with %s with 422 naming /callbackUrl', async (_, callbackUrl) => {
    const mock = carrier();
    const response = await send(mock, 'POST', '/v1/subscriptions', request({ callbackUrl }));
    expect(response.status).toBe(422);
    expect(invalidNames(response.body)).toEqual(['/callbackUrl']);
    expect(mock.context.store.collection('subscriptions').size).toBe(0);
  });

  it.each(['http://127.0.0.1:9000/cb', 'http://localhost:9000/cb', 'http://[::1]:9000/cb'])(
    'accepts the loopback callback %s on a test deployment',
    async (callbackUrl) => {
      await subscribe(carrier(), { callbackUrl });
    },
  );

  it('refuses a loopback http callback when the mock does not run as a test deployment', async () => {
    // A production deployment refuses the demo keys (ECDX-SEC-016), so the platform signs with a key of its own.
    const key = generateEd25519SigningKey('vendor-platform-1');
    const production = createMock({
      role: 'carrier',
      clockSpeed: 0,
      selfCheck: true,
      testMode: false,
      keyring: new Keyring([verificationKeyOf(key)]),
      parties: { [key.keyid]: { role: 'platform', name: 'Vendor Platform' } },
    });
    const response = await send(production, 'POST', '/v1/subscriptions', request({ callbackUrl: 'http://127.0.0.1:9000/cb' }), { key });
    expect(response.status).toBe(422);
    expect(invalidNames(response.body)).toEqual(['/callbackUrl']);
  });

  it.each([
    ['a callbackUrl with user-info', request({ callbackUrl: 'https://user:pw@platform.example.com/cb' }), '/callbackUrl'],
    ['an ftp callbackUrl', request({ callbackUrl: 'ftp://platform.example.com/cb' }), '/callbackUrl'],
    ['an unknown signature scheme', request({ signatureScheme: 'v2' }), '/signatureScheme'],
    ['an empty waybill list', request({ scope: { type: 'WAYBILLS', waybillNos: [] } }), '/scope/waybillNos'],
    ['an unknown status in the filter', request({ statuses: ['TELEPORTED'] }), '/statuses/0'],
  ])('refuses %s with 422 naming the member', async (_, body, member) => {
    const response = await send(carrier(), 'POST', '/v1/subscriptions', body);
    expect(response.status).toBe(422);
    expect(invalidNames(response.body).some((name) => name.startsWith(member))).toBe(true);
  });

  it('refuses a WAYBILLS scope naming an unknown waybill with 422 naming its position', async () => {
    const response = await send(carrier(), 'POST', '/v1/subscriptions', request({ scope: { type: 'WAYBILLS', waybillNos: ['ECDX99999999999'] } }));
    expect(response.status).toBe(422);
    expect(invalidNames(response.body)).toEqual(['/scope/waybillNos/0']);
  });
});

describe('GET and DELETE /v1/subscriptions/{subscriptionId}', () => {
  it('answers GET with the subscription as held, never with its secret', async () => {
    const mock = carrier();
    const { secret, ...created } = await subscribe(mock, { signatureScheme: 'v1' });
    expect(secret).toBeDefined();
    const response = await send(mock, 'GET', `/v1/subscriptions/${created.subscriptionId}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(created);
    expect(JSON.stringify(response)).not.toContain(secret!.slice(6));
  });

  it('answers 404 subscription-not-found for an unknown subscription', async () => {
    const response = await send(carrier(), 'GET', '/v1/subscriptions/sub_unknown');
    expect(response.status).toBe(404);
    expect(problemType(response.body)).toBe('subscription-not-found');
  });

  it('answers 404 to another client, for GET and DELETE, and the subscription survives', async () => {
    const mock = carrier();
    const { subscriptionId } = await subscribe(mock);
    const other = { key: demoCredentials.platformHmac };
    expect((await send(mock, 'GET', `/v1/subscriptions/${subscriptionId}`, undefined, other)).status).toBe(404);
    expect((await send(mock, 'DELETE', `/v1/subscriptions/${subscriptionId}`, undefined, other)).status).toBe(404);
    expect((await send(mock, 'GET', `/v1/subscriptions/${subscriptionId}`)).status).toBe(200);
  });

  it('answers DELETE with 204, and afterwards GET and DELETE with 404', async () => {
    const mock = carrier();
    const { subscriptionId } = await subscribe(mock);
    const deleted = await send(mock, 'DELETE', `/v1/subscriptions/${subscriptionId}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await send(mock, 'GET', `/v1/subscriptions/${subscriptionId}`)).status).toBe(404);
    expect((await send(mock, 'DELETE', `/v1/subscriptions/${subscriptionId}`)).status).toBe(404);
  });
});

describe('under the accept-invalid-subscription fault', () => {
  it.each([
    ['an empty object', {}],
    ['a scope that is a string', { callbackUrl: CALLBACK, scope: 'everything', signatureScheme: 'v1a' }],
    ['a body that is an array', [1, 2, 3]],
    ['an extra member', { ...request(), colour: 'blue' }],
  ])('answers %s with 201 and holds a subscription the dispatcher can match events against', async (_, body) => {
    const mock = createMock({ role: 'carrier', clockSpeed: 0, faults: switchedOn('accept-invalid-subscription') });
    const response = await send(mock, 'POST', '/v1/subscriptions', body);
    expect(response.status).toBe(201);
    const held = await send(mock, 'GET', `/v1/subscriptions/${(response.body as Subscription).subscriptionId}`);
    expect(held.status).toBe(200);
    const event = trackingEvent('ECDX00000000001', 1, 'ACCEPTED', mock.context.clock.now());
    expect(() => pushDispatcherOf(mock.context)!.record(event, DEMO_PLATFORM_KEYID)).not.toThrow();
    await mock.close();
  });
});
