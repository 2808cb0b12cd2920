// The request-rule faults: off, the rule holds; on, exactly the deviation described, its neighbours intact.
import { describe, expect, it } from 'vitest';
import { faultMocks } from '../test-support/fault-mocks.ts';
import type { Mock } from '../core/mock.ts';
import { expectProblem } from '../test-support/problems.ts';
import { shipmentRequest } from '../test-support/requests.ts';
import { send } from '../testing.ts';
import { requestRuleFaults } from './request-rules.ts';

const mockWith = faultMocks();

const GET = '/v1/shipments/SF1234567890123';
const keyless = (mock: Mock) => send(mock, 'POST', '/v1/shipments', shipmentRequest(), { idempotencyKey: false });
const paramsOf = (body: unknown) => (body as { invalidParams?: unknown }).invalidParams;

it('every request-rule fault is tested here', async () => {
  const source = await import('node:fs/promises').then((fs) => fs.readFile(new URL(import.meta.url), 'utf8'));
  for (const fault of requestRuleFaults) expect(source, fault.name).toContain(`describe('${fault.name}'`);
});

describe('idempotency-key-missing-unnamed', () => {
  it('off: the 400 names /Idempotency-Key in: header, for a missing and for a malformed key', async () => {
    const mock = mockWith();
    const missing = await keyless(mock);
    expectProblem(missing, 'idempotency-key-missing');
    expect(paramsOf(missing.body)).toEqual([{ name: '/Idempotency-Key', in: 'header', reason: 'the field is missing' }]);
    const spaced = await send(mock, 'POST', '/v1/shipments', shipmentRequest(), { idempotencyKey: 'a key' });
    expect(paramsOf(spaced.body)).toMatchObject([{ name: '/Idempotency-Key', in: 'header' }]);
  });
  it('on: the 400 is still idempotency-key-missing, without invalidParams; other problems keep theirs', async () => {
    const mock = mockWith('idempotency-key-missing-unnamed');
    const missing = await keyless(mock);
    expectProblem(missing, 'idempotency-key-missing');
    expect(paramsOf(missing.body)).toBeUndefined();
    const invalid = await send(mock, 'POST', '/v1/shipments', { platformOrderId: 1 });
    expectProblem(invalid, 'validation-failed');
    expect(paramsOf(invalid.body)).toBeDefined();
  });
});

describe('idempotency-key-refused-when-not-creating', () => {
  it('off: a GET with an Idempotency-Key is answered as without one', async () => {
    const mock = mockWith();
    const plain = await send(mock, 'GET', GET);
    const keyed = await send(mock, 'GET', GET, undefined, { headers: { 'idempotency-key': 'k-1' } });
    expect(keyed.status).toBe(plain.status);
  });
  it('on: it is refused with 400 bad-request; a creating POST with a key is still processed', async () => {
    const mock = mockWith('idempotency-key-refused-when-not-creating');
    expectProblem(await send(mock, 'GET', GET, undefined, { headers: { 'idempotency-key': 'k-1' } }), 'bad-request');
    expect((await send(mock, 'POST', '/v1/shipments', shipmentRequest())).status).toBe(201);
  });
});

describe('options-answered-with-allow', () => {
  it('off: OPTIONS and HEAD are answered 405 method-not-allowed with Allow: GET', async () => {
    const mock = mockWith();
    for (const method of ['OPTIONS', 'HEAD']) {
      const response = await send(mock, method, '/v1/conformance', undefined, { key: false });
      expectProblem(response, 'method-not-allowed');
      expect(response.headers['allow']).toBe('GET');
    }
  });
  it('on: OPTIONS is answered 204 with Allow; HEAD is still 405', async () => {
    const mock = mockWith('options-answered-with-allow');
    const options = await send(mock, 'OPTIONS', '/v1/conformance', undefined, { key: false });
    expect(options).toMatchObject({ status: 204, headers: { allow: 'GET' } });
    expectProblem(await send(mock, 'HEAD', '/v1/conformance', undefined, { key: false }), 'method-not-allowed');
  });
});
