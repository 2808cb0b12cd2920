// The request pipeline of mocks/core/mock.ts, in the order the Core chapter fixes: route (404/405) → size (413) →
// signature (401) → media type (415) → JSON (400) → idempotency → schema (422). Each refusal is a catalogue problem.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMock, type Mock } from './mock.ts';
import { buildRequest, send } from '../testing.ts';
import { expectProblem } from '../test-support/problems.ts';
import { exampleOf, shipmentRequest, sign, withHeaders } from '../test-support/requests.ts';

const START = Date.parse('2026-03-01T09:30:00+08:00');
let mock: Mock;
beforeEach(() => {
  mock = createMock({ selfCheck: true, clockSpeed: 0, clockStart: START });
});
afterEach(() => mock.close());

describe('routing comes first, signed or not', () => {
  for (const signed of [true, false]) {
    const key = signed ? undefined : (false as const);
    it(`answers an undefined path under /v1 with 404 not-found (${signed ? 'signed' : 'unsigned'})`, async () => {
      const response = await send(mock, 'GET', '/v1/parcels', undefined, { key });
      expect(expectProblem(response, 'not-found').instance).toBe('/v1/parcels');
    });

    it(`answers a method the path does not support with 405 and Allow (${signed ? 'signed' : 'unsigned'})`, async () => {
      const response = await send(mock, 'PUT', '/v1/subscriptions/sub_01J9Z3W6QK', { a: 1 }, { key });
      expectProblem(response, 'method-not-allowed');
      expect(response.headers['allow']?.split(', ').sort()).toEqual(['DELETE', 'GET']);
    });
  }

  it('answers a path outside /v1 with 404', async () => {
    expectProblem(await send(mock, 'GET', '/', undefined, { key: false }), 'not-found');
    expectProblem(await send(mock, 'GET', '/v2/shipments', undefined, { key: false }), 'not-found');
  });

  it('lists the one allowed method of a creating path', async () => {
    const response = await send(mock, 'GET', '/v1/shipments', undefined, { key: false });
    expectProblem(response, 'method-not-allowed');
    expect(response.headers['allow']).toBe('POST');
  });

  it('answers 404 rather than 415 or 401 for an undefined path with an unsigned text body', async () => {
    const request = buildRequest(mock, 'POST', '/v1/parcels', undefined, { key: false, rawBody: 'hello', headers: { 'content-type': 'text/plain' } });
    expectProblem(await mock.handle(request), 'not-found');
  });

  it('answers 404 for a path the mock’s role does not serve', async () => {
    const carrier = createMock({ role: 'carrier', selfCheck: true, clockSpeed: 0, clockStart: START });
    const platform = createMock({ role: 'platform', selfCheck: true, clockSpeed: 0, clockStart: START });
    try {
      expectProblem(await send(carrier, 'POST', '/v1/tracking-events', { batchId: 'b' }, { idempotencyKey: false }), 'not-found');
      expectProblem(await send(platform, 'POST', '/v1/shipments', shipmentRequest()), 'not-found');
      expectProblem(await send(platform, 'GET', '/v1/shipments/SF1234567890123'), 'not-found');
    } finally {
      await Promise.all([carrier.close(), platform.close()]);
    }
  });

  it('keeps the 404 problem valid for a path longer than an instance may be', async () => {
    const response = await send(mock, 'GET', `/v1/${'p'.repeat(3000)}`, undefined, { key: false });
    expect(expectProblem(response, 'not-found').detail!.length).toBeLessThanOrEqual(2000);
  });

  it('answers a path parameter that is not valid percent-encoding with 404', async () => {
    expectProblem(await send(mock, 'GET', '/v1/shipments/%E0%A4%A'), 'not-found');
  });
});

describe('the size limit comes before the signature', () => {
  it('answers an oversized body with 413 even when it is unsigned', async () => {
    const request = { ...buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest(), { key: false }), oversized: true };
    expectProblem(await mock.handle(request), 'payload-too-large');
  });

  it('answers an oversized body with 413 when it is signed', async () => {
    const request = { ...buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest()), oversized: true };
    expectProblem(await mock.handle(request), 'payload-too-large');
  });

  it('answers an unknown path before the size', async () => {
    const request = { ...buildRequest(mock, 'POST', '/v1/nothing', { a: 1 }, { key: false }), oversized: true };
    expectProblem(await mock.handle(request), 'not-found');
  });
});

describe('authentication wins over every defect of the content (ECDX-SEC-010)', () => {
  const unsigned = { key: false as const };
  it('answers an unsigned request with malformed JSON with 401', async () => {
    expectProblem(
      await send(mock, 'POST', '/v1/shipments', undefined, { ...unsigned, rawBody: '{"platformOrderId":', headers: { 'content-type': 'application/json' } }),
      'signature-missing',
    );
  });
  it('answers an unsigned schema-invalid request with 401', async () => {
    expectProblem(await send(mock, 'POST', '/v1/shipments', { platformOrderId: 5 }, unsigned), 'signature-missing');
  });
  it('answers an unsigned request without Idempotency-Key with 401', async () => {
    expectProblem(await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { ...unsigned, idempotencyKey: false }), 'signature-missing');
  });
  it('answers an unsigned request with the wrong media type with 401', async () => {
    expectProblem(
      await send(mock, 'POST', '/v1/shipments', undefined, { ...unsigned, rawBody: 'x', headers: { 'content-type': 'text/plain' } }),
      'signature-missing',
    );
  });
  it('answers a wrongly signed request with an invalid body and no Idempotency-Key with 401', async () => {
    const request = buildRequest(mock, 'POST', '/v1/shipments', [1, 2], { idempotencyKey: false });
    const tampered = withHeaders(request, { 'content-type': 'application/json; charset=utf-8' });
    expectProblem(await mock.handle(tampered), 'signature-invalid');
  });
});

describe('after the signature: media type, then syntax, then the key, then the schema', () => {
  it('answers a malformed body declared as text with 415', async () => {
    expectProblem(
      await send(mock, 'POST', '/v1/shipments', undefined, { rawBody: '{"a":', headers: { 'content-type': 'text/plain' } }),
      'unsupported-media-type',
    );
  });
  it('answers malformed JSON without Idempotency-Key with 400 malformed-json', async () => {
    expectProblem(await send(mock, 'POST', '/v1/shipments', undefined, { rawBody: '{"a":', idempotencyKey: false }), 'malformed-json');
  });
  it('answers a schema-invalid body without Idempotency-Key with 400 idempotency-key-missing', async () => {
    expectProblem(await send(mock, 'POST', '/v1/shipments', { platformOrderId: 5 }, { idempotencyKey: false }), 'idempotency-key-missing');
  });
});

describe('media type (415)', () => {
  for (const contentType of [
    'text/plain',
    'application/xml',
    'application/json; charset=iso-8859-1',
    'application/json; charset=utf-16',
    'application/jsonx',
    'multipart/form-data; boundary=x',
  ]) {
    it(`refuses a body declared as ${contentType}`, async () => {
      const response = await send(mock, 'POST', '/v1/shipments', undefined, {
        rawBody: JSON.stringify(shipmentRequest()),
        headers: { 'content-type': contentType },
      });
      expectProblem(response, 'unsupported-media-type');
    });
  }

  it('keeps the problem valid when the refused media type is longer than a detail may be', async () => {
    const response = await send(mock, 'POST', '/v1/shipments', undefined, { rawBody: '{}', headers: { 'content-type': `text/${'x'.repeat(3000)}` } });
    expectProblem(response, 'unsupported-media-type');
  });

  it('refuses a body without Content-Type', async () => {
    const unsigned = buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest(), { key: false });
    const request = sign(mock, withHeaders(unsigned, { 'content-type': undefined }));
    expectProblem(await mock.handle(request), 'unsupported-media-type');
  });

  for (const contentType of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;Charset="UTF-8"']) {
    it(`accepts a body declared as ${contentType}`, async () => {
      const response = await send(mock, 'POST', '/v1/shipments', undefined, { rawBody: '{"platformOrderId":5}', headers: { 'content-type': contentType } });
      expectProblem(response, 'validation-failed');
    });
  }
});

describe('JSON syntax (400 malformed-json)', () => {
  const bodies: [string, Uint8Array | string][] = [
    ['bytes that are not UTF-8', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ['an overlong UTF-8 encoding', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d])],
    ['truncated JSON', JSON.stringify(shipmentRequest()).slice(0, 60)],
    ['an empty body', ''],
    ['a raw NUL inside a string', '{"platformOrderId":"a\u0000b"}'],
    ['two documents', '{}{}'],
    ['a JavaScript literal', '{platformOrderId: 1}'],
  ];
  for (const [what, rawBody] of bodies) {
    it(`answers ${what} with 400 malformed-json`, async () => {
      expectProblem(await send(mock, 'POST', '/v1/shipments', undefined, { rawBody }), 'malformed-json');
    });
  }
});

describe('schema (422 validation-failed)', () => {
  const pointersOf = (problem: { invalidParams?: { name: string }[] }) => (problem.invalidParams ?? []).map((p) => p.name);

  it('names a wrong member by JSON Pointer, in the body', async () => {
    const body = shipmentRequest();
    (body.recipient as Record<string, unknown>).phone = '1381234567';
    const problem = expectProblem(await send(mock, 'POST', '/v1/shipments', body), 'validation-failed');
    expect(problem.invalidParams).toContainEqual(expect.objectContaining({ name: '/recipient/phone', in: 'body' }));
  });

  it('points a missing member at where it belongs', async () => {
    const { service: _dropped, ...body } = shipmentRequest();
    expect(pointersOf(expectProblem(await send(mock, 'POST', '/v1/shipments', body), 'validation-failed'))).toContain('/service');
  });

  it('names a member the schema does not have, escaping it as RFC 6901 asks', async () => {
    const problem = expectProblem(await send(mock, 'POST', '/v1/shipments', { ...shipmentRequest(), 'extra~/member': 1 }), 'validation-failed');
    expect(pointersOf(problem)).toContain('/extra~0~1member');
  });

  it('points at the whole body when it is not an object', async () => {
    for (const body of [[], 'text', 42, null]) {
      expect(pointersOf(expectProblem(await send(mock, 'POST', '/v1/shipments', body), 'validation-failed'))).toContain('');
    }
  });

  it('lists every violation found', async () => {
    const body = shipmentRequest();
    (body.recipient as Record<string, unknown>).phone = 'x';
    body.purpose = 'MARKETING';
    body.package = { count: 0 };
    const pointers = pointersOf(expectProblem(await send(mock, 'POST', '/v1/shipments', body), 'validation-failed'));
    expect(pointers).toEqual(expect.arrayContaining(['/recipient/phone', '/purpose', '/package/count']));
  });

  it('does not repeat the offending value in the reasons (ECDX-ERR-010)', async () => {
    const body = shipmentRequest();
    (body.recipient as Record<string, unknown>).phone = '1391234567';
    const problem = expectProblem(await send(mock, 'POST', '/v1/shipments', body), 'validation-failed');
    expect(JSON.stringify(problem)).not.toContain('1391234567');
    expect(JSON.stringify(problem)).not.toContain('13812345678');
  });

  it('keeps a problem valid when a member name is longer than a pointer may be', async () => {
    const problem = expectProblem(await send(mock, 'POST', '/v1/shipments', { ...shipmentRequest(), ['m'.repeat(2000)]: 1 }), 'validation-failed');
    expect(problem.invalidParams?.length).toBeGreaterThan(0);
  });

  it('answers 422, not 500, for a body nested too deeply to validate', async () => {
    const notice = exampleOf('InterruptionNoticeRequest');
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const rawBody = JSON.stringify({ ...notice, affectedFeeds: [...(notice.affectedFeeds as string[]), '__deep__'] }).replace('"__deep__"', deep);
    expectProblem(await send(mock, 'POST', '/v1/interruption-notices', undefined, { rawBody }), 'validation-failed');
  });

  it('validates each operation’s own body schema', async () => {
    const incident = exampleOf('SecurityIncident');
    delete incident.incidentId;
    expect(pointersOf(expectProblem(await send(mock, 'POST', '/v1/security-incidents', incident), 'validation-failed'))).toContain('/incidentId');
    expectProblem(await send(mock, 'POST', '/v1/subscriptions', { callbackUrl: 'ftp://x' }), 'validation-failed');
  });
});

describe('discovery is unsigned', () => {
  for (const path of ['/v1/conformance', '/v1/health']) {
    it(`answers GET ${path} without a signature with 200 JSON`, async () => {
      const response = await send(mock, 'GET', path, undefined, { key: false });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    });

    it(`ignores a broken signature on GET ${path}`, async () => {
      const request = withHeaders(buildRequest(mock, 'GET', path), { signature: 'ecdx=:AAAA:' });
      expect((await mock.handle(request)).status).toBe(200);
    });
  }
});

describe('a request that passes every step', () => {
  it('reaches the operation: a valid signed shipment is created', async () => {
    const response = await send(mock, 'POST', '/v1/shipments', shipmentRequest());
    expect(response.status).toBe(201);
  });
});
