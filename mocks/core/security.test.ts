// Request authentication in the pipeline (ECDX-SEC-002…008): every way a signature can be wrong is refused with
// 401 and its own problem, before the request is read any further.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCredentials, generateEd25519SigningKey, Keyring, verificationKeyOf } from '../../protocol/index.ts';
import type { PartyRole, RoleScope } from '../../schemas/src/index.ts';
import { operations, type OperationSpec } from '../../spec/openapi/operations.ts';
import { createMock, type Mock } from './mock.ts';
import type { MockResponse } from './types.ts';
import { buildRequest, send } from '../testing.ts';
import { expectProblem } from '../test-support/problems.ts';
import { shipmentRequest, signedRequest, withBody, withHeaders } from '../test-support/requests.ts';

const START = Date.parse('2026-03-01T09:30:00+08:00');
let mock: Mock;
beforeEach(() => {
  mock = createMock({ selfCheck: true, clockSpeed: 0, clockStart: START });
});
afterEach(() => mock.close());

/** Authentication let the request through: whatever the operation answers, it is not a 401. */
const authenticated = (response: MockResponse) => expect(response.status).not.toBe(401);
/** A signed GET that reaches an operation (the answer, 404 or 200, is the operation's business). */
const SIGNED_GET = '/v1/shipments/SF1234567890123';

describe('accepted signatures', () => {
  it('accepts the demo platform’s ed25519 signature', async () => {
    authenticated(await send(mock, 'GET', SIGNED_GET));
  });
  it('accepts the demo platform’s hmac-sha256 signature', async () => {
    authenticated(await send(mock, 'GET', SIGNED_GET, undefined, { key: demoCredentials.platformHmac }));
  });
  it('accepts the demo carrier’s signature', async () => {
    authenticated(await send(mock, 'GET', '/v1/statistics/sharing', undefined, { key: demoCredentials.carrier.signingKey }));
  });
  it('accepts a signature made up to 30 s ahead of the receiver’s clock', async () => {
    authenticated(await send(mock, 'GET', SIGNED_GET, undefined, { now: START + 29_000 }));
  });
  it('accepts a signature up to 30 s after it expired', async () => {
    authenticated(await send(mock, 'GET', SIGNED_GET, undefined, { now: START - 329_000 }));
  });
});

describe('refused signatures (401)', () => {
  it('refuses a request without a signature: signature-missing (ECDX-SEC-002)', async () => {
    expectProblem(await send(mock, 'GET', SIGNED_GET, undefined, { key: false }), 'signature-missing');
  });

  it('refuses a signature under another label only: signature-missing', async () => {
    expectProblem(await mock.handle(signedRequest(mock, 'GET', SIGNED_GET, undefined, { tamper: { label: 'other' } })), 'signature-missing');
  });

  it('refuses Signature-Input without Signature: signature-missing', async () => {
    expectProblem(await mock.handle(withHeaders(buildRequest(mock, 'GET', SIGNED_GET), { signature: undefined })), 'signature-missing');
  });

  it('refuses signature fields that are not structured dictionaries: signature-invalid', async () => {
    const request = withHeaders(buildRequest(mock, 'GET', SIGNED_GET), { 'signature-input': 'ecdx=(("', signature: 'ecdx=:%%%:' });
    expectProblem(await mock.handle(request), 'signature-invalid');
  });

  it('refuses a signature that leaves out a component the request carries (ECDX-SEC-003)', async () => {
    for (const left of ['content-type', 'content-digest', 'idempotency-key', '@target-uri']) {
      const components = ['@method', '@target-uri', 'content-type', 'content-digest', 'idempotency-key'].filter((c) => c !== left);
      const request = signedRequest(mock, 'POST', '/v1/shipments', shipmentRequest(), { tamper: { components } });
      expectProblem(await mock.handle(request), 'signature-invalid');
    }
  });

  it('refuses a body changed after signing: digest-mismatch (ECDX-SEC-004)', async () => {
    const request = buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest());
    expectProblem(await mock.handle(withBody(request, JSON.stringify(shipmentRequest('ord-tampered')))), 'digest-mismatch');
  });

  it('refuses a body sent without Content-Digest: digest-mismatch', async () => {
    const request = signedRequest(mock, 'POST', '/v1/shipments', shipmentRequest(), {
      tamper: { components: ['@method', '@target-uri', 'content-type', 'idempotency-key'] },
    });
    expectProblem(await mock.handle(withHeaders(request, { 'content-digest': undefined })), 'digest-mismatch');
  });

  it('refuses an expired signature: signature-expired (ECDX-SEC-005)', async () => {
    expectProblem(await send(mock, 'GET', SIGNED_GET, undefined, { now: START - 331_000 }), 'signature-expired');
  });

  it('refuses a signature created in the future: signature-expired', async () => {
    expectProblem(await send(mock, 'GET', SIGNED_GET, undefined, { now: START + 31_000 }), 'signature-expired');
  });

  it('refuses a signature claiming more than 300 s of validity: signature-invalid', async () => {
    const created = Math.floor(START / 1000);
    const request = signedRequest(mock, 'GET', SIGNED_GET, undefined, { tamper: { params: { expires: created + 301 } } });
    expectProblem(await mock.handle(request), 'signature-invalid');
  });

  it('refuses a replayed request: nonce-replayed (ECDX-SEC-006)', async () => {
    const request = buildRequest(mock, 'GET', SIGNED_GET);
    authenticated(await mock.handle(request));
    expectProblem(await mock.handle(request), 'nonce-replayed');
  });

  it('refuses a nonce shorter than 16 characters: signature-invalid', async () => {
    expectProblem(await mock.handle(signedRequest(mock, 'GET', SIGNED_GET, undefined, { tamper: { params: { nonce: 'short' } } })), 'signature-invalid');
  });

  it('refuses a keyid it does not hold: unknown-key (ECDX-SEC-007)', async () => {
    expectProblem(await send(mock, 'GET', SIGNED_GET, undefined, { key: generateEd25519SigningKey('ecdx-demo-stranger') }), 'unknown-key');
  });

  it('refuses a key it holds for no registered party: unknown-key', async () => {
    const orphan = generateEd25519SigningKey('orphan-key');
    const strict = createMock({ selfCheck: true, keyring: new Keyring([verificationKeyOf(orphan)]), clockSpeed: 0, clockStart: START });
    try {
      expectProblem(await send(strict, 'GET', SIGNED_GET, undefined, { key: orphan }), 'unknown-key');
    } finally {
      await strict.close();
    }
  });

  it('refuses an alg other than the key’s: signature-invalid (ECDX-SEC-007)', async () => {
    for (const alg of ['hmac-sha256', 'rsa-pss-sha512', 'ED25519']) {
      expectProblem(await mock.handle(signedRequest(mock, 'GET', SIGNED_GET, undefined, { tamper: { params: { alg } } })), 'signature-invalid');
    }
  });

  it('refuses a signature that does not verify: signature-invalid (ECDX-SEC-008)', async () => {
    const wrongKey = { ...generateEd25519SigningKey('x'), keyid: demoCredentials.platform.signingKey.keyid };
    expectProblem(await send(mock, 'GET', SIGNED_GET, undefined, { key: wrongKey }), 'signature-invalid');
  });

  it('refuses a signature made for another method or target: signature-invalid', async () => {
    const signed = buildRequest(mock, 'GET', SIGNED_GET);
    expectProblem(await mock.handle({ ...signed, method: 'DELETE', url: new URL('/v1/subscriptions/sub_1', signed.url) }), 'signature-invalid');
    const moved = buildRequest(mock, 'GET', SIGNED_GET);
    expectProblem(await mock.handle({ ...moved, url: new URL('/v1/shipments/SF9999999999999', moved.url) }), 'signature-invalid');
  });

  it('refuses an Idempotency-Key changed after signing: signature-invalid', async () => {
    const request = buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest());
    expectProblem(await mock.handle(withHeaders(request, { 'idempotency-key': 'another-key-0001' })), 'signature-invalid');
  });
});

describe('nothing is read before the signature is checked', () => {
  it('leaves no trace of a refused shipment', async () => {
    const request = withBody(buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest()), '{"platformOrderId":');
    expectProblem(await mock.handle(request), 'digest-mismatch');
    expect(mock.context.store.collection('shipments').size).toBe(0);
  });
});

describe('keys of the wrong role (ECDX-SEC-007)', () => {
  // A key is registered for a party in one role; it may call what the other role serves, and nothing else.
  const KEYS = {
    platform: [demoCredentials.platform.signingKey, demoCredentials.platformHmac],
    carrier: [demoCredentials.carrier.signingKey, demoCredentials.carrierHmac],
  };
  const other = (role: PartyRole): PartyRole => (role === 'carrier' ? 'platform' : 'carrier');
  /** Who may call `operation` on a mock playing `mockRole`: the counterpart of each role that serves it there. */
  const callers = (operation: OperationSpec, mockRole: RoleScope): PartyRole[] => {
    const serving = operation.role === 'both' ? (mockRole === 'both' ? (['carrier', 'platform'] as const) : [mockRole]) : [operation.role];
    return serving.map(other);
  };
  const PARAMETERS: Record<string, string> = { waybillNo: 'SF1234567890123', noticeId: 'ntc-2026-0301-01', subscriptionId: 'sub_01J9Z3W6QK' };
  const pathOf = (operation: OperationSpec) => operation.path.replace(/\{(\w+)\}/g, (_, name: string) => PARAMETERS[name]!);
  // Pushes carry Standard Webhooks signatures instead; discovery is unsigned.
  const requestSigned = operations.filter((o) => o.signed && o.operationId !== 'receiveTrackingEvents');

  it('refuses POST /v1/shipments signed with a carrier key as an unknown key, and takes the platform’s', async () => {
    for (const key of KEYS.carrier) {
      const refused = await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { key });
      expect(expectProblem(refused, 'unknown-key').detail).toMatch(/carrier/);
    }
    expect((await send(mock, 'POST', '/v1/shipments', shipmentRequest())).status).toBe(201);
    expect(mock.context.store.collection('shipments').size).toBe(1);
  });

  for (const mockRole of ['both', 'carrier', 'platform'] as const) {
    it(`lets a key call exactly the operations its role calls on a mock playing ${mockRole}, as the operations table says`, async () => {
      const played = createMock({ role: mockRole, clockSpeed: 0, clockStart: START });
      try {
        for (const operation of requestSigned.filter((o) => mockRole === 'both' || o.role === 'both' || o.role === mockRole)) {
          const allowed = callers(operation, mockRole);
          for (const role of ['carrier', 'platform'] as const) {
            for (const key of KEYS[role]) {
              const body = operation.requestBody ? {} : undefined;
              const response = await send(played, operation.method.toUpperCase(), pathOf(operation), body, { key });
              const what = `${operation.method.toUpperCase()} ${operation.path} signed with ${key.keyid} on a mock playing ${mockRole}`;
              if (allowed.includes(role)) expect(response.status, what).not.toBe(401);
              else expect((response.body as { type?: string }).type, what).toBe('https://ecdx.dev/problems/unknown-key');
            }
          }
        }
      } finally {
        await played.close();
      }
    });
  }
});
