import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials, signRequest } from '../protocol/index.ts';
import { operations } from '../spec/openapi/operations.ts';
import { violations } from '../schemas/validate.ts';
import { MAX_BODY_BYTES, type Mock } from './core/mock.ts';
import type { MockResponse } from './core/types.ts';
import { createHandlers, defaultHandlersMock, handlers, toHttpResponse, toMockRequest } from './handlers.ts';
import { expectProblem } from './test-support/problems.ts';

/** A Fetch response as the MockResponse shape the problem assertions take. */
async function plain(response: Response | undefined): Promise<MockResponse> {
  if (!response) throw new Error('no handler answered');
  const text = await response.text();
  return { status: response.status, headers: Object.fromEntries(response.headers), body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** A Fetch request signed with the demo platform key at the mock's clock. */
function signed(mock: Mock, url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Request {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers };
  const body = init.body === undefined ? undefined : new TextEncoder().encode(init.body);
  Object.assign(headers, signRequest({ method, url, headers, body }, { key: demoCredentials.platform.signingKey, now: mock.context.clock.now() }));
  return new Request(url, { method, headers, ...(body ? { body } : {}) });
}

describe('msw handlers over the mock', () => {
  const mocks: Mock[] = [];
  const fresh = (options: Parameters<typeof createHandlers>[0] = {}) => {
    const created = createHandlers({ clockSpeed: 0, selfCheck: true, ...options });
    mocks.push(created.mock);
    return created;
  };
  afterAll(async () => {
    for (const mock of mocks) await mock.close();
  });

  it('has one handler per operation, in msw path syntax, and a fallback under /v1', () => {
    const { handlers: list } = fresh();
    const headers = list.map((h) => h.info.header);
    for (const operation of operations) {
      expect(headers).toContain(`${operation.method.toUpperCase()} *${operation.path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    expect(headers).toContain('GET */v1/shipments/:waybillNo/events');
    expect(headers.at(-1)).toMatch(/\*\/v1\/\*$/);
  });

  it('serves only the operations of its role', () => {
    const carrierOnly = fresh({ role: 'carrier' }).handlers.map((h) => h.info.header);
    expect(carrierOnly).toContain('POST */v1/shipments');
    expect(carrierOnly).not.toContain('POST */v1/tracking-events');
  });

  it('answers on any origin through getResponse without a baseUrl, since its paths are absolute', async () => {
    const { handlers: list, mock } = fresh();
    for (const origin of ['http://127.0.0.1:4010', 'https://carrier.example']) {
      const response = await plain(await getResponse(list, signed(mock, `${origin}/v1/test/clock`)));
      expect(response.status).toBe(200);
      expect(violations('TestClock', response.body)).toEqual([]);
    }
  });

  it('lets the core answer what no route matches: 404 for an unknown path, 405 with Allow for a wrong method', async () => {
    const { handlers: list } = fresh();
    expectProblem(await plain(await getResponse(list, new Request('https://carrier.example/v1/nowhere'))), 'not-found');
    const wrongMethod = await plain(await getResponse(list, new Request('https://carrier.example/v1/shipments', { method: 'PATCH' })));
    expectProblem(wrongMethod, 'method-not-allowed');
    expect(wrongMethod.headers['allow']).toBe('POST');
  });

  it('answers a path msw cannot decode with 404 instead of failing the lookup', async () => {
    const { handlers: list } = fresh();
    expectProblem(await plain(await getResponse(list, new Request('https://carrier.example/v1/shipments/%E0%A4%A/events'))), 'not-found');
  });

  it('leaves requests outside /v1, and with a baseUrl other origins, to other handlers', async () => {
    expect(await getResponse(fresh().handlers, new Request('https://carrier.example/api/v1/shipments'))).toBeUndefined();
    const { handlers: one } = fresh({ baseUrl: 'https://carrier.example' });
    expect(await getResponse(one, new Request('https://other.example/v1/nowhere'))).toBeUndefined();
    expect((await getResponse(one, new Request('https://carrier.example/v1/nowhere')))?.status).toBe(404);
  });

  it('verifies signatures against its baseUrl: a request signed for another origin is refused, whatever Host it carries', async () => {
    const { handlers: one, mock } = fresh({ baseUrl: 'https://carrier.example' });
    expect((await plain(await getResponse(one, signed(mock, 'https://carrier.example/v1/test/clock')))).status).toBe(200);
    const elsewhere = signed(mock, 'https://carrier-b.example/v1/test/clock');
    const sent = new Request('https://carrier.example/v1/test/clock', { headers: { ...Object.fromEntries(elsewhere.headers), host: 'carrier-b.example' } });
    expectProblem(await plain(await getResponse(one, sent)), 'signature-invalid');
  });

  it('refuses a baseUrl with a path, which the core could not route', () => {
    expect(() => createHandlers({ baseUrl: 'https://carrier.example/ecdx' })).toThrow(/without a path/);
  });

  it('hands the core an oversized body cut at 1 MiB and flagged, which it answers with 413', async () => {
    const { handlers: list } = fresh();
    const big = new Request('https://carrier.example/v1/shipments', {
      method: 'POST',
      body: 'x'.repeat(MAX_BODY_BYTES + 10),
      headers: { 'content-type': 'application/json' },
    });
    const request = await toMockRequest(big.clone());
    expect(request.oversized).toBe(true);
    expect(request.body?.byteLength).toBe(MAX_BODY_BYTES);
    expectProblem(await plain(await getResponse(list, big)), 'payload-too-large');
  });

  it('converts header names to lower case and leaves a body-less request without a body', async () => {
    const request = await toMockRequest(new Request('https://carrier.example/v1/health?x=1', { headers: { 'X-Trace': 'a' } }));
    expect(request.headers['x-trace']).toBe('a');
    expect(request.body).toBeUndefined();
    expect(request.url.href).toBe('https://carrier.example/v1/health?x=1');
  });

  it('sends objects as JSON, strings as they are, and no body with 204', async () => {
    const asJson = toHttpResponse({ status: 200, headers: {}, body: { a: 1 } });
    expect(asJson.headers.get('content-type')).toBe('application/json');
    expect(await asJson.json()).toEqual({ a: 1 });
    expect(await toHttpResponse({ status: 400, headers: { 'content-type': 'text/plain' }, body: 'error 400' }).text()).toBe('error 400');
    expect((await toHttpResponse({ status: 204, headers: {} }).arrayBuffer()).byteLength).toBe(0);
  });
});

describe('the default handlers', () => {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(async () => {
    server.close();
    await defaultHandlersMock().close();
  });

  it('intercept fetch in-process and share one mock, reachable for its clock', async () => {
    const before = defaultHandlersMock().context.clock.now();
    const moved = await fetch(signed(defaultHandlersMock(), 'https://carrier.example/v1/test/clock', { method: 'POST', body: '{"advanceSeconds":3600}' }));
    expect(moved.status).toBe(200);
    expect(defaultHandlersMock().context.clock.now()).toBeGreaterThanOrEqual(before + 3_600_000);
    expect((await fetch('https://carrier.example/v1/nowhere')).status).toBe(404);
  });
});
