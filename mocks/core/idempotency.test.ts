// Idempotency of creating POSTs (ECDX-IDM-002…008), through the whole pipeline. Each operation handler is wrapped
// in a counter, so "without acting on it" and "nothing created twice" are observed, not inferred.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoCredentials } from '../../protocol/index.ts';
import { createMock, type Mock } from './mock.ts';
import { IDEMPOTENCY_KEY_EXPIRY_SECONDS } from './idempotency.ts';
import type { OperationHandler } from './types.ts';
import { buildRequest, send } from '../testing.ts';
import { expectProblem } from '../test-support/problems.ts';
import { shipmentRequest, withBody } from '../test-support/requests.ts';
import { HOUR } from '../../schemas/time.ts';

const calls = vi.hoisted(() => new Map<string, number>());
vi.mock('./operations/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./operations/index.ts')>();
  const counted: Record<string, OperationHandler> = {};
  for (const [operationId, handler] of Object.entries(original.operationHandlers)) {
    counted[operationId] = (input) => {
      calls.set(operationId, (calls.get(operationId) ?? 0) + 1);
      return handler(input);
    };
  }
  return { ...original, operationHandlers: counted };
});

const START = Date.parse('2026-03-01T09:30:00+08:00');
let mock: Mock;
beforeEach(() => {
  calls.clear();
  mock = createMock({ selfCheck: true, clockSpeed: 0, clockStart: START });
});
afterEach(() => mock.close());

const created = () => calls.get('createShipment') ?? 0;
const hmac = { key: demoCredentials.platformHmac };

describe('the Idempotency-Key field itself (ECDX-IDM-002)', () => {
  const refused: [string, string | false][] = [
    ['missing', false],
    ['empty', ''],
    ['longer than 255 characters', 'k'.repeat(256)],
    ['not ASCII', 'schlüssel-0001'],
    ['holding a space', 'key 0001'],
    ['holding a control character', 'key\u00010001'],
  ];
  for (const [what, idempotencyKey] of refused) {
    it(`refuses a creating POST whose key is ${what} with 400, without acting on it`, async () => {
      expectProblem(await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { idempotencyKey }), 'idempotency-key-missing');
      expect(created()).toBe(0);
    });
  }

  it('accepts a key of exactly 255 visible ASCII characters', async () => {
    expect((await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { idempotencyKey: '~'.repeat(255) })).status).toBe(201);
  });

  it('needs no key on a request that creates nothing', async () => {
    expect((await send(mock, 'GET', '/v1/health', undefined, { key: false })).status).toBe(200);
  });
});

describe('a repeated request (ECDX-IDM-003)', () => {
  it('gets the original status and body again, marked as replayed, and creates nothing twice', async () => {
    const body = shipmentRequest();
    const first = await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'order-0001-attempt' });
    expect(first.status).toBe(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    const again = await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'order-0001-attempt' });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(created()).toBe(1);
    expect(mock.context.store.collection('shipments').size).toBe(1);
  });

  it('replays a refusal as a refusal', async () => {
    const body = { ...shipmentRequest(), purpose: 'MARKETING' };
    const first = expectProblem(await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'bad-order-0001' }), 'validation-failed');
    const again = await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'bad-order-0001' });
    expect(expectProblem(again, 'validation-failed')).toEqual(first);
    expect(again.headers['idempotency-replayed']).toBe('true');
  });

  it('still checks the signature of a repeat', async () => {
    const body = shipmentRequest();
    const first = buildRequest(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'order-0002' });
    expect((await mock.handle(first)).status).toBe(201);
    expectProblem(await mock.handle(first), 'nonce-replayed');
  });
});

describe('a key reused for another request (ECDX-IDM-004)', () => {
  it('refuses another body under a used key with 422, without acting on it', async () => {
    expect((await send(mock, 'POST', '/v1/shipments', shipmentRequest('ord-a'), { idempotencyKey: 'shared-key-01' })).status).toBe(201);
    expectProblem(await send(mock, 'POST', '/v1/shipments', shipmentRequest('ord-b'), { idempotencyKey: 'shared-key-01' }), 'idempotency-key-reused');
    expect(created()).toBe(1);
  });

  it('refuses the same key on another target with 422', async () => {
    const body = shipmentRequest();
    expect((await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'shared-key-02' })).status).toBe(201);
    expectProblem(await send(mock, 'POST', '/v1/shipments?x=1', body, { idempotencyKey: 'shared-key-02' }), 'idempotency-key-reused');
  });
});

describe('a key still in flight (ECDX-IDM-005)', () => {
  it('answers a second request with 409 while the first is being processed, and the first completes', async () => {
    const body = shipmentRequest();
    const slow = mock.handle(buildRequest(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'slow-0001', headers: { 'ecdx-test-delay-ms': '200' } }));
    const second = await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'slow-0001' });
    expectProblem(second, 'idempotency-request-in-flight');
    expect((await slow).status).toBe(201);
    const third = await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'slow-0001' });
    expect(third.headers['idempotency-replayed']).toBe('true');
    expect(created()).toBe(1);
  });

  it('answers 409 for any request under a key in flight, even with another body', async () => {
    const slow = mock.handle(
      buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest('ord-a'), { idempotencyKey: 'slow-0002', headers: { 'ecdx-test-delay-ms': '200' } }),
    );
    expectProblem(await send(mock, 'POST', '/v1/shipments', shipmentRequest('ord-b'), { idempotencyKey: 'slow-0002' }), 'idempotency-request-in-flight');
    await slow;
  });
});

describe('keys belong to one client (ECDX-IDM-007)', () => {
  it('treats the same key from the platform’s ed25519 and HMAC keys as two requests', async () => {
    const body = shipmentRequest();
    const viaEd25519 = await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'per-client-01' });
    const viaHmac = await send(mock, 'POST', '/v1/shipments', body, { ...hmac, idempotencyKey: 'per-client-01' });
    expect([viaEd25519.status, viaHmac.status]).toEqual([201, 201]);
    expect(viaHmac.headers['idempotency-replayed']).toBeUndefined();
    expect(viaHmac.body).not.toEqual(viaEd25519.body);
    expect(created()).toBe(2);
  });

  it('lets another client use a key with a different body', async () => {
    expect((await send(mock, 'POST', '/v1/shipments', shipmentRequest('ord-a'), { idempotencyKey: 'per-client-02' })).status).toBe(201);
    expect((await send(mock, 'POST', '/v1/shipments', shipmentRequest('ord-b'), { ...hmac, idempotencyKey: 'per-client-02' })).status).toBe(201);
  });
});

describe('refusals before processing do not consume the key (ECDX-IDM-008)', () => {
  it('processes a correctly signed request under a key an unsigned one used', async () => {
    const body = shipmentRequest();
    expectProblem(await send(mock, 'POST', '/v1/shipments', body, { key: false, idempotencyKey: 'retry-0001' }), 'signature-missing');
    const signed = await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'retry-0001' });
    expect(signed.status).toBe(201);
    expect(signed.headers['idempotency-replayed']).toBeUndefined();
  });

  it('processes another body under a key a tampered request used', async () => {
    const tampered = withBody(
      buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest('ord-a'), { idempotencyKey: 'retry-0002' }),
      JSON.stringify(shipmentRequest('ord-x')),
    );
    expectProblem(await mock.handle(tampered), 'digest-mismatch');
    expect((await send(mock, 'POST', '/v1/shipments', shipmentRequest('ord-b'), { idempotencyKey: 'retry-0002' })).status).toBe(201);
    expect(created()).toBe(1);
  });
});

describe('how long keys are kept (ECDX-IDM-006)', () => {
  it('publishes at least a day', () => {
    expect(IDEMPOTENCY_KEY_EXPIRY_SECONDS).toBeGreaterThanOrEqual(86_400);
  });

  it('still replays just before 24 hours and forgets the key after', async () => {
    const body = shipmentRequest();
    expect((await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'day-0001' })).status).toBe(201);
    mock.context.clock.advance(24 * HOUR - 60_000);
    expect((await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'day-0001' })).headers['idempotency-replayed']).toBe('true');
    mock.context.clock.advance(2 * 60_000);
    const later = await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'day-0001' });
    expect(later.status).toBe(201);
    expect(later.headers['idempotency-replayed']).toBeUndefined();
    expect(created()).toBe(2);
  });
});
