// Every fault of the request pipeline: with it off the rule holds, with it on the rule breaks exactly as described,
// and neighbouring rules still hold (so that the harness can tell the faults apart).
import { describe, expect, it } from 'vitest';
import { FAULT_TEST_START, faultMocks } from '../test-support/fault-mocks.ts';
import { demoCredentials, generateEd25519SigningKey } from '../../protocol/index.ts';
import { problemTypeUri } from '../../schemas/src/problems.ts';
import type { Mock } from '../core/mock.ts';
import type { MockResponse } from '../core/types.ts';
import { buildRequest, send } from '../testing.ts';
import { expectProblem, problemDefects } from '../test-support/problems.ts';
import { exampleOf, pushRequest, shipmentRequest, signedRequest, withBody } from '../test-support/requests.ts';
import type { FaultName } from './index.ts';
import { pipelineFaults } from './pipeline.ts';

const mockWith = faultMocks();
const START = FAULT_TEST_START;

const GET = '/v1/shipments/SF1234567890123';
const reachedOperation = (response: MockResponse) => {
  expect(response.status).not.toBe(401);
  expect(response.status).toBeLessThan(500);
};
const created = (response: MockResponse) => expect(response.status).toBe(201);
const uncovered = (mock: Mock) =>
  signedRequest(mock, 'POST', '/v1/shipments', shipmentRequest(), { tamper: { components: ['@method', '@target-uri', 'content-type', 'content-digest'] } });
const wrongKey = { key: { ...generateEd25519SigningKey('x'), keyid: demoCredentials.platform.signingKey.keyid } };
const tampered = (mock: Mock) => withBody(buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest('ord-a')), JSON.stringify(shipmentRequest('ord-b')));
const malformed = { rawBody: '{"platformOrderId":' };

it('every pipeline fault is tested here', async () => {
  const source = await import('node:fs/promises').then((fs) => fs.readFile(new URL(import.meta.url), 'utf8'));
  for (const fault of pipelineFaults) expect(source, fault.name).toContain(`describe('${fault.name}'`);
});

describe('accept-unsigned', () => {
  it('off: an unsigned request is refused', async () => expectProblem(await send(mockWith(), 'GET', GET, undefined, { key: false }), 'signature-missing'));
  it('on: an unsigned request is processed', async () =>
    created(await send(mockWith('accept-unsigned'), 'POST', '/v1/shipments', shipmentRequest(), { key: false })));
  it('on: a bad signature is still refused', async () =>
    expectProblem(await send(mockWith('accept-unsigned'), 'GET', GET, undefined, wrongKey), 'signature-invalid'));
  it('on: an expired signature is still refused', async () =>
    expectProblem(await send(mockWith('accept-unsigned'), 'GET', GET, undefined, { now: START - 400_000 }), 'signature-expired'));
});

describe('accept-uncovered-components', () => {
  it('off: a signature that leaves out idempotency-key is refused', async () => {
    const mock = mockWith();
    expectProblem(await mock.handle(uncovered(mock)), 'signature-invalid');
  });
  it('on: it is processed', async () => {
    const mock = mockWith('accept-uncovered-components');
    created(await mock.handle(uncovered(mock)));
  });
  it('on: a signature that does not verify is still refused', async () =>
    expectProblem(await send(mockWith('accept-uncovered-components'), 'GET', GET, undefined, wrongKey), 'signature-invalid'));
  it('on: an unsigned request is still refused', async () =>
    expectProblem(await send(mockWith('accept-uncovered-components'), 'GET', GET, undefined, { key: false }), 'signature-missing'));
});

describe('ignore-content-digest', () => {
  it('off: a body changed after signing is refused', async () => {
    const mock = mockWith();
    expectProblem(await mock.handle(tampered(mock)), 'digest-mismatch');
  });
  it('on: the changed body is processed', async () => {
    const mock = mockWith('ignore-content-digest');
    const response = await mock.handle(tampered(mock));
    created(response);
    expect(response.body).toMatchObject({ request: { platformOrderId: 'ord-b' } });
  });
  it('on: a signature that does not verify is still refused', async () =>
    expectProblem(await send(mockWith('ignore-content-digest'), 'GET', GET, undefined, wrongKey), 'signature-invalid'));
});

describe('accept-expired-signature', () => {
  for (const [what, now] of [
    ['an expired', START - 400_000],
    ['a future', START + 60_000],
  ] as const) {
    it(`off: ${what} signature is refused`, async () => expectProblem(await send(mockWith(), 'GET', GET, undefined, { now }), 'signature-expired'));
    it(`on: ${what} signature is accepted`, async () => reachedOperation(await send(mockWith('accept-expired-signature'), 'GET', GET, undefined, { now })));
  }
  it('on: a signature claiming more than 300 s is still refused', async () => {
    const mock = mockWith('accept-expired-signature');
    const request = signedRequest(mock, 'GET', GET, undefined, { tamper: { params: { expires: Math.floor(START / 1000) + 600 } } });
    expectProblem(await mock.handle(request), 'signature-invalid');
  });
  it('on: a replay is still refused', async () => {
    const mock = mockWith('accept-expired-signature');
    const request = buildRequest(mock, 'GET', GET);
    reachedOperation(await mock.handle(request));
    expectProblem(await mock.handle(request), 'nonce-replayed');
  });
});

describe('accept-created-minutes-ahead', () => {
  it('off: a signature created 60 s ahead is refused', async () =>
    expectProblem(await send(mockWith(), 'GET', GET, undefined, { now: START + 60_000 }), 'signature-expired'));
  it('on: one created 120 s or 5 minutes ahead is accepted', async () => {
    const mock = mockWith('accept-created-minutes-ahead');
    reachedOperation(await send(mock, 'GET', GET, undefined, { now: START + 120_000 }));
    reachedOperation(await send(mock, 'GET', GET, undefined, { now: START + 300_000 }));
  });
  it('on: one created 10 minutes ahead, an expired one and a replay are still refused', async () => {
    const mock = mockWith('accept-created-minutes-ahead');
    expectProblem(await send(mock, 'GET', GET, undefined, { now: START + 600_000 }), 'signature-expired');
    expectProblem(await send(mock, 'GET', GET, undefined, { now: START - 400_000 }), 'signature-expired');
    const ahead = buildRequest(mock, 'GET', GET, undefined, { now: START + 120_000 });
    reachedOperation(await mock.handle(ahead));
    expectProblem(await mock.handle(ahead), 'nonce-replayed');
  });
  it('on: a future signature that does not verify is still refused', async () =>
    expectProblem(await send(mockWith('accept-created-minutes-ahead'), 'GET', GET, undefined, { ...wrongKey, now: START + 120_000 }), 'signature-invalid'));
});

describe('accept-replayed-nonce', () => {
  it('off: a replay is refused', async () => {
    const mock = mockWith();
    const request = buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest());
    created(await mock.handle(request));
    expectProblem(await mock.handle(request), 'nonce-replayed');
  });
  it('on: a replay is processed again (and answered from the idempotency store)', async () => {
    const mock = mockWith('accept-replayed-nonce');
    const request = buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest());
    created(await mock.handle(request));
    const again = await mock.handle(request);
    created(again);
    expect(again.headers['idempotency-replayed']).toBe('true');
  });
  it('on: an expired signature is still refused', async () =>
    expectProblem(await send(mockWith('accept-replayed-nonce'), 'GET', GET, undefined, { now: START - 400_000 }), 'signature-expired'));
});

describe('nonces-forgotten-after-a-minute', () => {
  /** A mock whose clock moves only when told, and a signed GET sent to it once. */
  const sentOnce = async (...faults: FaultName[]) => {
    const mock = mockWith(...faults);
    const request = buildRequest(mock, 'GET', GET);
    reachedOperation(await mock.handle(request));
    return { mock, request };
  };
  it('off: a replay 4 minutes later, and 15 s after the signature expired, is refused', async () => {
    const { mock, request } = await sentOnce();
    mock.context.clock.advance(240_000);
    expectProblem(await mock.handle(request), 'nonce-replayed');
    mock.context.clock.advance(75_000);
    expectProblem(await mock.handle(request), 'nonce-replayed');
  });
  it('on: a replay within the minute is refused, one 4 minutes later is processed', async () => {
    const { mock, request } = await sentOnce('nonces-forgotten-after-a-minute');
    mock.context.clock.advance(30_000);
    expectProblem(await mock.handle(request), 'nonce-replayed');
    mock.context.clock.advance(210_000);
    reachedOperation(await mock.handle(request));
  });
  it('on: an expired signature is still refused', async () =>
    expectProblem(await send(mockWith('nonces-forgotten-after-a-minute'), 'GET', GET, undefined, { now: START - 400_000 }), 'signature-expired'));
});

describe('accept-unknown-key', () => {
  const stranger = { key: generateEd25519SigningKey('partner-unknown') };
  it('off: an unknown keyid is refused', async () => expectProblem(await send(mockWith(), 'GET', GET, undefined, stranger), 'unknown-key'));
  it('on: it is accepted', async () => created(await send(mockWith('accept-unknown-key'), 'POST', '/v1/shipments', shipmentRequest(), stranger)));
  it('on: a wrong alg for a known key is still refused', async () => {
    const mock = mockWith('accept-unknown-key');
    expectProblem(await mock.handle(signedRequest(mock, 'GET', GET, undefined, { tamper: { params: { alg: 'hmac-sha256' } } })), 'signature-invalid');
  });
});

describe('accept-bad-signature', () => {
  it('off: a signature made with another key is refused', async () =>
    expectProblem(await send(mockWith(), 'GET', GET, undefined, wrongKey), 'signature-invalid'));
  it('on: it is accepted', async () => created(await send(mockWith('accept-bad-signature'), 'POST', '/v1/shipments', shipmentRequest(), wrongKey)));
  it('on: a request moved to another target after signing is accepted', async () => {
    const mock = mockWith('accept-bad-signature');
    const signed = buildRequest(mock, 'GET', GET);
    reachedOperation(await mock.handle({ ...signed, url: new URL('/v1/shipments/SF9999999999999', signed.url) }));
  });
  it('on: unsigned, uncovered, wrong-alg, over-long and tampered requests are still refused', async () => {
    const mock = mockWith('accept-bad-signature');
    expectProblem(await send(mock, 'GET', GET, undefined, { key: false }), 'signature-missing');
    expectProblem(await mock.handle(uncovered(mock)), 'signature-invalid');
    expectProblem(await mock.handle(signedRequest(mock, 'GET', GET, undefined, { tamper: { params: { alg: 'hmac-sha256' } } })), 'signature-invalid');
    expectProblem(
      await mock.handle(signedRequest(mock, 'GET', GET, undefined, { tamper: { params: { expires: Math.floor(START / 1000) + 900 } } })),
      'signature-invalid',
    );
    expectProblem(await mock.handle(tampered(mock)), 'digest-mismatch');
  });
});

describe('validate-before-authenticate', () => {
  it('off: an unsigned invalid request gets 401', async () => {
    const mock = mockWith();
    expectProblem(await send(mock, 'POST', '/v1/shipments', { platformOrderId: 1 }, { key: false }), 'signature-missing');
    expectProblem(await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { key: false, idempotencyKey: false }), 'signature-missing');
  });
  it('on: it gets 422, 400 or 415 instead', async () => {
    const mock = mockWith('validate-before-authenticate');
    expectProblem(await send(mock, 'POST', '/v1/shipments', { platformOrderId: 1 }, { key: false }), 'validation-failed');
    expectProblem(await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { key: false, idempotencyKey: false }), 'idempotency-key-missing');
    expectProblem(await send(mock, 'POST', '/v1/shipments', undefined, { key: false, ...malformed }), 'malformed-json');
  });
  it('on: an unsigned valid request is still refused and a signed one processed', async () => {
    const mock = mockWith('validate-before-authenticate');
    expectProblem(await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { key: false }), 'signature-missing');
    created(await send(mock, 'POST', '/v1/shipments', shipmentRequest()));
  });
});

describe('idempotency-key-optional', () => {
  it('off: a creating POST without a key is refused', async () =>
    expectProblem(await send(mockWith(), 'POST', '/v1/shipments', shipmentRequest(), { idempotencyKey: false }), 'idempotency-key-missing'));
  it('on: it is processed, with or without a malformed key', async () => {
    const mock = mockWith('idempotency-key-optional');
    created(await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { idempotencyKey: false }));
    created(await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { idempotencyKey: '' }));
  });
  it('on: a request that has a key is still replayed and guarded', async () => {
    const mock = mockWith('idempotency-key-optional');
    const body = shipmentRequest();
    created(await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'opt-0001' }));
    expect((await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'opt-0001' })).headers['idempotency-replayed']).toBe('true');
    expectProblem(await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { idempotencyKey: 'opt-0001' }), 'idempotency-key-reused');
  });
});

describe('idempotency-key-only-for-notices', () => {
  const incident = () => ({ ...exampleOf('SecurityIncident'), incidentId: `inc-${Math.random().toString(36).slice(2, 10)}` });
  it('off: an incident notification without a key is refused', async () =>
    expectProblem(await send(mockWith(), 'POST', '/v1/security-incidents', incident(), { idempotencyKey: false }), 'idempotency-key-missing'));
  it('on: it is processed, as is a shipment without a key', async () => {
    const mock = mockWith('idempotency-key-only-for-notices');
    created(await send(mock, 'POST', '/v1/security-incidents', incident(), { idempotencyKey: false }));
    created(await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { idempotencyKey: '' }));
  });
  it('on: an interruption notice without a key is still refused', async () =>
    expectProblem(
      await send(mockWith('idempotency-key-only-for-notices'), 'POST', '/v1/interruption-notices', exampleOf('InterruptionNoticeRequest'), {
        idempotencyKey: false,
      }),
      'idempotency-key-missing',
    ));
});

describe('idempotency-replay-creates-again', () => {
  const twice = async (mock: Mock) => {
    const body = shipmentRequest();
    const first = await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'again-0001' });
    return [first, await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'again-0001' })] as const;
  };
  it('off: a repeat is answered from the store', async () => {
    const [first, again] = await twice(mockWith());
    expect(again.body).toEqual(first.body);
  });
  it('on: a repeat creates a second shipment', async () => {
    const mock = mockWith('idempotency-replay-creates-again');
    const [first, again] = await twice(mock);
    created(again);
    expect(again.headers['idempotency-replayed']).toBeUndefined();
    expect(again.body).not.toEqual(first.body);
    expect(mock.context.store.collection('shipments').size).toBe(2);
  });
  it('on: another body under the key is still refused', async () => {
    const mock = mockWith('idempotency-replay-creates-again');
    await twice(mock);
    expectProblem(await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { idempotencyKey: 'again-0001' }), 'idempotency-key-reused');
  });
});

describe('idempotency-key-reuse-accepted', () => {
  const reuse = async (mock: Mock) => {
    created(await send(mock, 'POST', '/v1/shipments', shipmentRequest('ord-a'), { idempotencyKey: 'reuse-0001' }));
    return send(mock, 'POST', '/v1/shipments', shipmentRequest('ord-b'), { idempotencyKey: 'reuse-0001' });
  };
  it('off: another body under a used key is refused', async () => expectProblem(await reuse(mockWith()), 'idempotency-key-reused'));
  it('on: it is processed', async () => created(await reuse(mockWith('idempotency-key-reuse-accepted'))));
  it('on: a true repeat is still replayed', async () => {
    const mock = mockWith('idempotency-key-reuse-accepted');
    const body = shipmentRequest();
    created(await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'reuse-0002' }));
    expect((await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'reuse-0002' })).headers['idempotency-replayed']).toBe('true');
  });
});

describe('idempotency-no-in-flight-guard', () => {
  const overlap = async (mock: Mock) => {
    const body = shipmentRequest();
    const slow = mock.handle(buildRequest(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'overlap-1', headers: { 'ecdx-test-delay-ms': '100' } }));
    const second = await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'overlap-1' });
    created(await slow);
    return second;
  };
  it('off: an overlapping request is refused with 409', async () => expectProblem(await overlap(mockWith()), 'idempotency-request-in-flight'));
  it('on: it is processed as well', async () => created(await overlap(mockWith('idempotency-no-in-flight-guard'))));
  it('on: a repeat after completion is still replayed', async () => {
    const mock = mockWith('idempotency-no-in-flight-guard');
    await overlap(mock);
    expect((await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { idempotencyKey: 'overlap-1' })).status).toBe(422);
  });
});

describe('idempotency-key-global-scope', () => {
  const twoClients = async (mock: Mock) => {
    const body = shipmentRequest();
    created(await send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'scope-0001' }));
    return send(mock, 'POST', '/v1/shipments', body, { key: demoCredentials.platformHmac, idempotencyKey: 'scope-0001' });
  };
  it('off: a second client’s request under the same key is its own', async () => {
    const response = await twoClients(mockWith());
    created(response);
    expect(response.headers['idempotency-replayed']).toBeUndefined();
  });
  it('on: it is answered with the first client’s response', async () => {
    expect((await twoClients(mockWith('idempotency-key-global-scope'))).headers['idempotency-replayed']).toBe('true');
  });
});

describe('idempotency-key-consumed-by-refusal', () => {
  const refusedThenRetried = async (mock: Mock) => {
    const body = shipmentRequest();
    expectProblem(await send(mock, 'POST', '/v1/shipments', body, { key: wrongKey.key, idempotencyKey: 'retry-0001' }), 'signature-invalid');
    return send(mock, 'POST', '/v1/shipments', body, { idempotencyKey: 'retry-0001' });
  };
  it('off: the corrected retry under the same key is processed', async () => created(await refusedThenRetried(mockWith())));
  it('on: the corrected retry gets the stored 401', async () => {
    const response = await refusedThenRetried(mockWith('idempotency-key-consumed-by-refusal'));
    expect(response.status).toBe(401);
    expect(response.headers['idempotency-replayed']).toBe('true');
  });
});

describe('credential-in-location', () => {
  it('off: the Location of a new shipment is a plain path', async () => {
    const response = await send(mockWith(), 'POST', '/v1/shipments', shipmentRequest());
    created(response);
    expect(response.headers['location']).toMatch(/^\/v1\/shipments\/[A-Z0-9]+$/);
  });
  it('on: it carries the request signature in its query', async () => {
    const response = await send(mockWith('credential-in-location'), 'POST', '/v1/shipments', shipmentRequest());
    created(response);
    expect(response.headers['location']).toContain('?signature=');
  });
});

describe('notice-location-with-mitigation', () => {
  /** A notice the demo platform issues to the mock's carrier, whose mitigation names a contact. */
  const notice = () => ({
    noticeId: 'ntc-loc-1',
    issuer: { name: 'ECDX Demo Platform', role: 'platform' },
    recipient: { name: 'ECDX Reference Mock Carrier', role: 'carrier', carrierCode: 'ECDXDEMO' },
    affectedFeeds: ['SHIPPING_DATA'],
    reason: 'PLANNED_MAINTENANCE',
    reasonDetail: '维护',
    issuedAt: '2026-03-01T09:30:00+08:00',
    plannedStart: '2026-03-05T09:30:00+08:00',
    plannedEnd: '2026-03-05T10:30:00+08:00',
    impact: { severity: 'MINOR', estimatedShipmentsPerDay: 10, affectedUsers: '商家', mitigation: '请联系王小明 13912345678' },
  });
  it('off: the Location of a received notice names its copy only', async () => {
    const response = await send(mockWith(), 'POST', '/v1/interruption-notices', notice());
    created(response);
    expect(response.headers['location']).toBe('/v1/interruption-notices/ntc-loc-1');
  });
  it('on: it carries the mitigation, contact and mobile number included, in its query', async () => {
    const response = await send(mockWith('notice-location-with-mitigation'), 'POST', '/v1/interruption-notices', notice());
    created(response);
    expect(decodeURIComponent(response.headers['location']!)).toBe('/v1/interruption-notices/ntc-loc-1?about=请联系王小明 13912345678');
  });
});

describe('unknown-path-needs-signature', () => {
  it('off: an unsigned unknown path gets 404', async () => expectProblem(await send(mockWith(), 'GET', '/v1/parcels', undefined, { key: false }), 'not-found'));
  it('on: it gets 401', async () =>
    expectProblem(await send(mockWith('unknown-path-needs-signature'), 'GET', '/v1/parcels', undefined, { key: false }), 'signature-missing'));
  it('on: a signed unknown path and a wrong method still get 404 and 405', async () => {
    const mock = mockWith('unknown-path-needs-signature');
    expectProblem(await send(mock, 'GET', '/v1/parcels'), 'not-found');
    expectProblem(await send(mock, 'GET', '/v1/shipments', undefined, { key: false }), 'method-not-allowed');
  });
});

describe('wrong-method-as-not-found', () => {
  it('off: a wrong method gets 405 with Allow', async () => {
    const response = await send(mockWith(), 'DELETE', '/v1/shipments');
    expectProblem(response, 'method-not-allowed');
    expect(response.headers['allow']).toBe('POST');
  });
  it('on: it gets 404 without Allow', async () => {
    const response = await send(mockWith('wrong-method-as-not-found'), 'DELETE', '/v1/shipments');
    expectProblem(response, 'not-found');
    expect(response.headers['allow']).toBeUndefined();
  });
  it('on: an unknown path still gets 404 and a right method passes', async () => {
    const mock = mockWith('wrong-method-as-not-found');
    expectProblem(await send(mock, 'GET', '/v1/parcels'), 'not-found');
    created(await send(mock, 'POST', '/v1/shipments', shipmentRequest()));
  });
});

describe('no-body-size-limit', () => {
  const oversized = (mock: Mock, key?: false) => mock.handle({ ...buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest(), { key }), oversized: true });
  it('off: an oversized body gets 413', async () => expectProblem(await oversized(mockWith()), 'payload-too-large'));
  it('on: it is read and processed', async () => created(await oversized(mockWith('no-body-size-limit'))));
  it('on: an unsigned oversized body still gets 401', async () => expectProblem(await oversized(mockWith('no-body-size-limit'), false), 'signature-missing'));
});

describe('ignore-content-type', () => {
  const asText = { rawBody: JSON.stringify(shipmentRequest()), headers: { 'content-type': 'text/plain' } };
  it('off: a JSON body declared as text/plain gets 415', async () =>
    expectProblem(await send(mockWith(), 'POST', '/v1/shipments', undefined, asText), 'unsupported-media-type'));
  it('on: it is parsed and processed', async () => created(await send(mockWith('ignore-content-type'), 'POST', '/v1/shipments', undefined, asText)));
  it('on: malformed JSON still gets 400', async () =>
    expectProblem(
      await send(mockWith('ignore-content-type'), 'POST', '/v1/shipments', undefined, { ...malformed, headers: { 'content-type': 'text/plain' } }),
      'malformed-json',
    ));
});

describe('server-error-on-bad-input', () => {
  it('off: malformed JSON gets 400', async () => expectProblem(await send(mockWith(), 'POST', '/v1/shipments', undefined, malformed), 'malformed-json'));
  it('on: it gets 500 internal-error', async () =>
    expectProblem(await send(mockWith('server-error-on-bad-input'), 'POST', '/v1/shipments', undefined, malformed), 'internal-error'));
  it('on: schema violations, wrong media types and unsigned requests are still 4xx', async () => {
    const mock = mockWith('server-error-on-bad-input');
    expectProblem(await send(mock, 'POST', '/v1/shipments', { platformOrderId: 1 }), 'validation-failed');
    expectProblem(await send(mock, 'POST', '/v1/shipments', undefined, { rawBody: '{}', headers: { 'content-type': 'text/plain' } }), 'unsupported-media-type');
    expectProblem(await send(mock, 'POST', '/v1/shipments', undefined, { ...malformed, key: false }), 'signature-missing');
  });
});

describe('malformed-json-as-validation-error', () => {
  it('off: malformed JSON gets 400 malformed-json', async () =>
    expectProblem(await send(mockWith(), 'POST', '/v1/shipments', undefined, malformed), 'malformed-json'));
  it('on: it gets 422 validation-failed naming the whole body', async () => {
    const problem = expectProblem(
      await send(mockWith('malformed-json-as-validation-error'), 'POST', '/v1/shipments', undefined, malformed),
      'validation-failed',
    );
    expect(problem.invalidParams?.[0]?.name).toBe('');
  });
  it('on: a valid request is still processed', async () =>
    created(await send(mockWith('malformed-json-as-validation-error'), 'POST', '/v1/shipments', shipmentRequest())));
});

describe('union-violation-at-enclosing-value', () => {
  /** A mainland recipient address without divisionCode: both alternatives of the address rule are one member away. */
  const withoutDivision = () => {
    const body = shipmentRequest() as { recipient: { address: Record<string, unknown> } };
    const { divisionCode: _dropped, ...address } = body.recipient.address;
    body.recipient.address = { ...address, countryCode: 'CN' };
    return body;
  };
  const names = (r: MockResponse) => (expectProblem(r, 'validation-failed').invalidParams ?? []).map((p) => p.name);
  it('off: the closest alternative is named, the one that only lacks a member', async () =>
    expect(names(await send(mockWith(), 'POST', '/v1/shipments', withoutDivision()))).toEqual(['/recipient/address/divisionCode']));
  it('on: the address is named as a whole', async () => {
    const named = names(await send(mockWith('union-violation-at-enclosing-value'), 'POST', '/v1/shipments', withoutDivision()));
    expect(named).toContain('/recipient/address');
    expect(named).not.toContain('/recipient/address/divisionCode');
  });
  it('on: a violation outside any conditional rule is still named at its member', async () =>
    expect(names(await send(mockWith('union-violation-at-enclosing-value'), 'POST', '/v1/shipments', { ...shipmentRequest(), service: 'WARP_SPEED' }))).toEqual(
      ['/service'],
    ));
});

describe('waybill-looked-up-before-query', () => {
  const unknown = '/v1/shipments/ECDXNONE0000000000000001/events';
  it('off: an unknown waybill with limit=0 gets 422 naming the limit, with a bad cursor 404', async () => {
    const mock = mockWith();
    expect(expectProblem(await send(mock, 'GET', `${unknown}?limit=0`), 'validation-failed').invalidParams?.[0]?.name).toBe('/limit');
    expectProblem(await send(mock, 'GET', `${unknown}?cursor=not-a-cursor`), 'not-found');
  });
  it('on: the unknown waybill with limit=0 gets 404', async () =>
    expectProblem(await send(mockWith('waybill-looked-up-before-query'), 'GET', `${unknown}?limit=0`), 'not-found'));
  it('on: a known waybill with limit=0 still gets 422', async () => {
    const mock = mockWith('waybill-looked-up-before-query');
    const shipment = await send(mock, 'POST', '/v1/shipments', shipmentRequest());
    created(shipment);
    const { waybillNo } = shipment.body as { waybillNo: string };
    expectProblem(await send(mock, 'GET', `/v1/shipments/${waybillNo}/events?limit=0`), 'validation-failed');
  });
});

describe('conformance-requires-signature', () => {
  it('off: an unsigned GET /v1/conformance is answered', async () =>
    expect((await send(mockWith(), 'GET', '/v1/conformance', undefined, { key: false })).status).toBe(200));
  it('on: it gets 401', async () =>
    expectProblem(await send(mockWith('conformance-requires-signature'), 'GET', '/v1/conformance', undefined, { key: false }), 'signature-missing'));
  it('on: a signed one is answered and health stays unsigned', async () => {
    const mock = mockWith('conformance-requires-signature');
    expect((await send(mock, 'GET', '/v1/conformance')).status).toBe(200);
    expect((await send(mock, 'GET', '/v1/health', undefined, { key: false })).status).toBe(200);
  });
});

// Schema faults let one operation's invalid bodies through; the handler must still answer sensibly (never 5xx).
const invalidPassed = (response: MockResponse) => {
  expect(response.status).toBeLessThan(500);
  expect((response.body as { type?: string } | undefined)?.type).not.toBe(problemTypeUri('validation-failed'));
};
const badShipment = () => ({ ...shipmentRequest(), recipient: { ...(shipmentRequest().recipient as object), phone: '12345' } });
const badSubscription = { ...exampleOf('SubscriptionRequest'), signatureScheme: 'v9' };
const cancelInvalid = async (mock: Mock) => {
  const shipment = await send(mock, 'POST', '/v1/shipments', shipmentRequest());
  created(shipment);
  return send(mock, 'POST', `/v1/shipments/${(shipment.body as { waybillNo: string }).waybillNo}/cancellation`, { reason: 'CHANGED_MIND' });
};

describe('accept-invalid-shipping-data', () => {
  it('off: an invalid ShipmentRequest gets 422', async () =>
    expectProblem(await send(mockWith(), 'POST', '/v1/shipments', badShipment()), 'validation-failed'));
  it('on: it is accepted', async () => invalidPassed(await send(mockWith('accept-invalid-shipping-data'), 'POST', '/v1/shipments', badShipment())));
  it('on: other operations still validate', async () =>
    expectProblem(await send(mockWith('accept-invalid-shipping-data'), 'POST', '/v1/subscriptions', badSubscription), 'validation-failed'));
});

describe('accept-invalid-cancellation', () => {
  it('off: an invalid CancellationRequest gets 422', async () => expectProblem(await cancelInvalid(mockWith()), 'validation-failed'));
  it('on: it is accepted', async () => invalidPassed(await cancelInvalid(mockWith('accept-invalid-cancellation'))));
  it('on: shipping data is still validated', async () =>
    expectProblem(await send(mockWith('accept-invalid-cancellation'), 'POST', '/v1/shipments', badShipment()), 'validation-failed'));
});

describe('accept-invalid-subscription', () => {
  it('off: an invalid SubscriptionRequest gets 422', async () =>
    expectProblem(await send(mockWith(), 'POST', '/v1/subscriptions', badSubscription), 'validation-failed'));
  it('on: it is accepted', async () => invalidPassed(await send(mockWith('accept-invalid-subscription'), 'POST', '/v1/subscriptions', badSubscription)));
  it('on: shipping data is still validated', async () =>
    expectProblem(await send(mockWith('accept-invalid-subscription'), 'POST', '/v1/shipments', badShipment()), 'validation-failed'));
});

describe('platform-accept-invalid-push-batch', () => {
  const badBatch = () => ({ ...exampleOf('PushBatch'), events: 'none' });
  it('off: a signed push with an invalid batch gets 422', async () => {
    const mock = mockWith();
    expectProblem(await mock.handle(pushRequest(mock, badBatch())), 'validation-failed');
  });
  it('on: it is acknowledged', async () => {
    const mock = mockWith('platform-accept-invalid-push-batch');
    const response = await mock.handle(pushRequest(mock, badBatch()));
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
  });
  it('on: an unsigned push is still refused', async () => {
    const mock = mockWith('platform-accept-invalid-push-batch');
    expectProblem(await mock.handle(pushRequest(mock, badBatch(), false)), 'signature-missing');
  });
});

describe('platform-accept-unsigned-push', () => {
  it('off: an unsigned push gets 401', async () => {
    const mock = mockWith();
    expectProblem(await mock.handle(pushRequest(mock, exampleOf('PushBatch'), false)), 'signature-missing');
  });
  it('on: it is acknowledged', async () => {
    const mock = mockWith('platform-accept-unsigned-push');
    const response = await mock.handle(pushRequest(mock, exampleOf('PushBatch'), false));
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
  });
  it('on: an invalid batch is still refused', async () => {
    const mock = mockWith('platform-accept-unsigned-push');
    expectProblem(await mock.handle(pushRequest(mock, { batchId: 'b-1' }, false)), 'validation-failed');
  });
});

describe('problem-as-plain-text', () => {
  it('off: a problem is application/problem+json', async () => expectProblem(await send(mockWith(), 'GET', '/v1/parcels'), 'not-found'));
  it('on: it is text/plain with the same status', async () => {
    const response = await send(mockWith('problem-as-plain-text'), 'GET', '/v1/parcels');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(problemDefects(response.status, response.headers['content-type'], response.body)).not.toEqual([]);
  });
  it('on: a success is untouched', async () => {
    const response = await send(mockWith('problem-as-plain-text'), 'POST', '/v1/shipments', shipmentRequest());
    created(response);
    expect(response.headers['content-type']).toBe('application/json');
  });
});

describe('problem-type-about-blank', () => {
  it('on: every problem has the type about:blank and keeps its status and title', async () => {
    const response = await send(mockWith('problem-type-about-blank'), 'GET', GET, undefined, { key: false });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ type: 'about:blank', status: 401, title: 'Signature missing' });
    // about:blank is outside the Problem schema, hence ECDX-ERR-001 in the fault's list beside ERR-002.
    expect(problemDefects(response.status, response.headers['content-type'], response.body)).not.toEqual([]);
    expect((await send(mockWith('problem-type-about-blank'), 'PUT', '/v1/shipments')).body).toMatchObject({ type: 'about:blank', status: 405 });
  });
  it('on: a success is untouched', async () => created(await send(mockWith('problem-type-about-blank'), 'POST', '/v1/shipments', shipmentRequest())));
});

describe('problem-without-invalid-params', () => {
  const invalid = { ...shipmentRequest(), purpose: 'MARKETING' };
  it('off: validation-failed lists invalidParams', async () => {
    expect(expectProblem(await send(mockWith(), 'POST', '/v1/shipments', invalid), 'validation-failed').invalidParams).toBeDefined();
  });
  it('on: it does not, and stays a valid problem', async () => {
    expect(
      expectProblem(await send(mockWith('problem-without-invalid-params'), 'POST', '/v1/shipments', invalid), 'validation-failed').invalidParams,
    ).toBeUndefined();
  });
  it('on: other problems keep theirs', async () => {
    const mock = mockWith('problem-without-invalid-params');
    const body = { ...shipmentRequest(), contents: [{ name: '仿真枪', category: 'FIREARMS_AMMUNITION', quantity: 1 }] };
    expect(expectProblem(await send(mock, 'POST', '/v1/shipments', body), 'prohibited-contents').invalidParams).toEqual([
      expect.objectContaining({ name: '/contents/0/category' }),
    ]);
    expectProblem(await send(mock, 'GET', '/v1/parcels'), 'not-found');
  });
});

describe('problem-echoes-personal-data', () => {
  const invalid = { ...shipmentRequest(), purpose: 'MARKETING' };
  it('off: a 422 quotes no telephone number', async () => {
    expect(JSON.stringify(expectProblem(await send(mockWith(), 'POST', '/v1/shipments', invalid), 'validation-failed'))).not.toContain('13812345678');
  });
  it('on: it quotes the recipient’s mobile number in detail', async () => {
    expect(expectProblem(await send(mockWith('problem-echoes-personal-data'), 'POST', '/v1/shipments', invalid), 'validation-failed').detail).toContain(
      '13812345678',
    );
  });
  it('on: other problems are untouched', async () => expectProblem(await send(mockWith('problem-echoes-personal-data'), 'GET', '/v1/parcels'), 'not-found'));
});
