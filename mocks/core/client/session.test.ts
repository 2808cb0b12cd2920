// The reference client's requests: signed with the demo key of the role it plays, keyed afresh on every creating
// POST, sent again after 409 in flight / 503 with the same key and body once Retry-After has passed, and given up
// on within the bounds of decision 0051. The faults that bend these duties are tested in mocks/faults/client.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { demoCredentials, demoKeyring, NonceCache, verifyRequest } from '../../../protocol/index.ts';
import { problemTypeUri } from '../../../schemas/src/problems.ts';
import { faultsNamed, type FaultName } from '../../faults/index.ts';
import { createMock, type Mock } from '../mock.ts';
import { MAX_WAIT_MS, retryable, retryAfterMs } from './retry.ts';
import { ActionFailed, ClientSession } from './session.ts';
import { startCounterparty, type Recorded, type TestCounterparty } from './test-support.ts';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});
const mockWith = (...faults: FaultName[]): Mock => {
  const mock = createMock({ role: 'platform', clockSpeed: 0, faults: faultsNamed(...faults) });
  open.push(mock);
  return mock;
};
const counterparty = async (): Promise<TestCounterparty> => {
  const c = await startCounterparty('carrier');
  open.push(c);
  return c;
};
const ORDER = { platformOrderId: 'ord-1' };
const creating = async (mock: Mock, c: TestCounterparty, times = 1) => {
  const session = new ClientSession(mock.context, c.url);
  for (let i = 0; i < times; i++) await session.create('/v1/shipments', { ...ORDER, n: i }, 'ord-1');
  return session;
};
const keyOf = (r: Recorded) => r.headers['idempotency-key'];
const verify = (mock: Mock, r: Recorded, url: string) =>
  verifyRequest(
    { method: r.method, url: `${url}${r.path}`, headers: r.headers, body: r.body },
    { keyring: demoKeyring(), nonceCache: new NonceCache(), now: mock.context.clock.now() },
  );

describe('the signed client', () => {
  it('signs every request per the ECDX profile with the demo key of its role, digest included', async () => {
    const mock = mockWith();
    const c = await counterparty();
    const session = new ClientSession(mock.context, c.url);
    await session.create('/v1/shipments', ORDER, 'ord-1');
    await session.get('/v1/shipments/ECDX0000000017/events');
    expect(c.requests).toHaveLength(2);
    for (const r of c.requests) {
      const result = verify(mock, r, c.url);
      expect(result.ok ? result.keyid : result).toBe(demoCredentials.platform.signingKey.keyid);
    }
    expect(c.requests[0]!.headers['content-digest']).toMatch(/^sha-256=/);
    expect(c.requests[0]!.headers['signature-input']).toContain('"idempotency-key"');
    expect(session.requests).toBe(2);
  });

  it('reads the claim unsigned, and plays the counterpart of its role when the mock plays both', async () => {
    const mock = createMock({ clockSpeed: 0 });
    open.push(mock);
    const c = await counterparty();
    const session = new ClientSession(mock.context, c.url);
    expect(await session.role()).toBe('platform');
    expect(c.to('GET /v1/conformance')[0]!.headers['signature']).toBeUndefined();
  });

  it('sends a fresh random key on every creating POST', async () => {
    const c = await counterparty();
    await creating(mockWith(), c, 3);
    const keys = c.requests.map(keyOf);
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sends a 409 in flight and a 503 with Retry-After again, with the same key and body, after the wait', async () => {
    const c = await counterparty();
    c.script('POST /v1/shipments', [
      { status: 409, body: { type: problemTypeUri('idempotency-request-in-flight') } },
      { status: 503, headers: { 'retry-after': '1' }, body: { type: problemTypeUri('service-unavailable') } },
    ]);
    const session = await creating(mockWith(), c);
    const sent = c.to('POST /v1/shipments');
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map(keyOf)).size).toBe(1);
    expect(new Set(sent.map((r) => r.body)).size).toBe(1);
    expect(session.requests).toBe(3);
  });

  it('does not send again what a plain refusal answered', async () => {
    const c = await counterparty();
    c.script('POST /v1/shipments', [{ status: 422, body: { type: problemTypeUri('validation-failed'), detail: 'no' } }]);
    const session = new ClientSession(mockWith().context, c.url);
    expect((await session.create('/v1/shipments', ORDER, 'ord-1')).status).toBe(422);
    expect(c.requests).toHaveLength(1);
  });

  it('gives up after four attempts, and at once when Retry-After asks for more than it waits', async () => {
    const c = await counterparty();
    c.script(
      'POST /v1/shipments',
      Array.from({ length: 4 }, () => ({ status: 503, headers: { 'retry-after': '0' } })),
    );
    await expect(creating(mockWith(), c)).rejects.toThrow(ActionFailed);
    expect(c.requests).toHaveLength(4);
    const d = await counterparty();
    d.script('POST /v1/shipments', [{ status: 429, headers: { 'retry-after': String(MAX_WAIT_MS / 1000 + 1) } }]);
    await expect(creating(mockWith(), d)).rejects.toThrow(/Retry-After 11 s/);
    expect(d.requests).toHaveLength(1);
  });

  it('fails the action, never throws otherwise, when nothing answers', async () => {
    const c = await counterparty();
    const url = c.url;
    await c.close();
    const session = new ClientSession(mockWith().context, url, 'platform');
    await expect(session.get('/v1/shipments/X/events')).rejects.toThrow(ActionFailed);
    expect(session.requests).toBe(4);
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP-dates', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 5)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(5000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});

describe('what is worth sending again', () => {
  const answered = (status: number, body?: unknown) => ({ kind: 'answered' as const, status, headers: {}, body });
  it('no answer, 409 in flight, 429 and 5xx; not another 409 nor a 4xx', () => {
    expect(retryable({ kind: 'no-answer', reason: 'x' })).toBe(true);
    expect(retryable(answered(409, { type: problemTypeUri('idempotency-request-in-flight') }))).toBe(true);
    expect(retryable(answered(409, { type: problemTypeUri('idempotency-key-reused') }))).toBe(false);
    expect([429, 500, 502, 503].map((s) => retryable(answered(s)))).toEqual([true, true, true, true]);
    expect([400, 401, 404, 422].map((s) => retryable(answered(s)))).toEqual([false, false, false, false]);
  });
});
