import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoCredentials, signRequest } from '../protocol/index.ts';
import { violations } from '../schemas/validate.ts';
import { MAX_BODY_BYTES } from './core/mock.ts';
import type { MockRequest, MockResponse } from './core/types.ts';
import { startMockServer, type MockServer, type MockServerOptions } from './server.ts';
import { expectProblem } from './test-support/problems.ts';
import { shipmentRequest } from './test-support/requests.ts';

interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** false: unsigned. */
  signed?: boolean;
}

/** An HTTP request to the server, signed with the demo platform key at the mock's clock unless told otherwise. */
async function call(server: MockServer, method: string, path: string, options: CallOptions = {}): Promise<MockResponse> {
  const url = `${server.url}${path}`;
  const bytes = options.body === undefined ? undefined : Buffer.from(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
  const headers: Record<string, string> = bytes ? { 'content-type': 'application/json' } : {};
  Object.assign(headers, options.headers);
  if (options.signed !== false) {
    Object.assign(
      headers,
      signRequest({ method, url, headers, body: bytes }, { key: demoCredentials.platform.signingKey, now: server.mock.context.clock.now() }),
    );
  }
  const response = await request(url, { method: method as 'GET', headers, body: bytes });
  const text = await response.body.text();
  const flat = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, String(value)]));
  return { status: response.statusCode, headers: flat, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** The headers of a POST /v1/shipments signed for `url` with the demo platform key, and its body. */
function signedShipment(url: string, now: number): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(shipmentRequest());
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': `k-${Math.random()}` };
  Object.assign(headers, signRequest({ method: 'POST', url, headers, body: Buffer.from(body) }, { key: demoCredentials.platform.signingKey, now }));
  return { headers, body };
}

/** A raw POST with the Host the test chooses (a client's Host is its own to write). */
const rawRequest = (path: string, host: string, { headers, body }: { headers: Record<string, string>; body: string }): string =>
  `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

/** Write raw bytes on a fresh connection and collect everything the server sends until it closes (or `waitMs`). */
function exchange(server: MockServer, ...writes: (string | Buffer)[]): Promise<string> {
  const { port, hostname } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), 3_000);
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(received).toString('utf8'));
    });
    for (const bytes of writes) socket.write(bytes);
  });
}

/** The status and JSON body of each HTTP/1.1 response in `text` (Content-Length framed). */
function parseResponses(text: string): { status: number; headers: string; body: unknown }[] {
  const responses: { status: number; headers: string; body: unknown }[] = [];
  let rest = text;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    const head = rest.slice(0, end);
    const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    const body = rest.slice(end + 4, end + 4 + length);
    responses.push({ status: Number(head.slice(9, 12)), headers: head.toLowerCase(), body: body ? (JSON.parse(body) as unknown) : undefined });
    rest = rest.slice(end + 4 + length);
  }
  return responses;
}

/** A response parsed off the wire, in the core's shape (the content type is all the problem checks read). */
const asResponse = (response: { status: number; headers: string; body: unknown } | undefined): MockResponse => ({
  status: response!.status,
  headers: { 'content-type': /content-type: ([^\r\n]+)/.exec(response!.headers)?.[1] ?? '' },
  body: response!.body,
});

/** A 400 `bad-request` problem, as parsed off the wire. */
const expectBadRequest = (response: { status: number; headers: string; body: unknown } | undefined) => expectProblem(asResponse(response), 'bad-request');

describe('the standalone mock server', () => {
  let server: MockServer;
  const start = async (options: MockServerOptions = {}) => (server = await startMockServer({ port: 0, selfCheck: true, ...options }));
  afterEach(async () => {
    await server?.close();
    vi.restoreAllMocks();
  });

  it('answers routing problems before anything else: 404 for an unknown path, 405 with Allow for a wrong method', async () => {
    await start();
    expectProblem(await call(server, 'GET', '/v1/nowhere', { signed: false }), 'not-found');
    const wrongMethod = await call(server, 'PUT', '/v1/shipments', { signed: false });
    expectProblem(wrongMethod, 'method-not-allowed');
    expect(wrongMethod.headers['allow']).toBe('POST');
  });

  it('passes a request signed for its origin through to the core and sends the JSON body the core answers', async () => {
    await start({ clockSpeed: 0 });
    const clock = await call(server, 'GET', '/v1/test/clock');
    expect(clock.status).toBe(200);
    expect(clock.headers['content-type']).toBe('application/json');
    expect(violations('TestClock', clock.body)).toEqual([]);
    expectProblem(await call(server, 'GET', '/v1/test/clock', { signed: false }), 'signature-missing');
  });

  it('hands the core what the pipeline checks: media type 415, malformed JSON 400, schema 422', async () => {
    await start({ clockSpeed: 0 });
    expectProblem(
      await call(server, 'POST', '/v1/test/clock', { body: '{"advanceSeconds":1}', headers: { 'content-type': 'text/plain' } }),
      'unsupported-media-type',
    );
    expectProblem(await call(server, 'POST', '/v1/test/clock', { body: '{"advanceSeconds":' }), 'malformed-json');
    expectProblem(await call(server, 'POST', '/v1/test/clock', { body: { advanceSeconds: 0 } }), 'validation-failed');
  });

  it('gives the core lower-case header names, repeated fields joined, and a URL built from its origin and the target', async () => {
    await start();
    const seen: MockRequest[] = [];
    const handle = server.mock.handle;
    server.mock.handle = (req) => {
      seen.push(req);
      return handle(req);
    };
    const { port } = new URL(server.url);
    await exchange(server, `GET /v1/health?x=1 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Trace: a\r\nx-trace: b\r\nConstructor: c\r\nConnection: close\r\n\r\n`);
    expect(seen[0]!.url.href).toBe(`http://127.0.0.1:${port}/v1/health?x=1`);
    expect(seen[0]!.headers['x-trace']).toBe('a, b');
    expect(seen[0]!.headers['constructor']).toBe('c');
    expect(seen[0]!.body).toBeUndefined();
  });

  it('serves several requests on one kept-alive connection', async () => {
    await start();
    const { port } = new URL(server.url);
    const get = (path: string, last = false) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${last ? 'Connection: close\r\n' : ''}\r\n`;
    const responses = parseResponses(await exchange(server, get('/v1/nowhere') + get('/v1/shipments/SF1') + get('/v1/also-nowhere', true)));
    expect(responses.map((r) => r.status)).toEqual([404, 401, 404]);
  });

  it('verifies "@target-uri" against its own origin, whatever Host the client sends (a signature for another party is refused)', async () => {
    await start({ clockSpeed: 0 });
    const now = server.mock.context.clock.now();
    const elsewhere = signedShipment('http://carrier-b.example/v1/shipments', now);
    const [forged] = parseResponses(await exchange(server, rawRequest('/v1/shipments', 'carrier-b.example', elsewhere)));
    expectProblem(asResponse(forged), 'signature-invalid');
    expect(String((forged!.body as { detail?: string }).detail)).toContain(server.url);
    // The same request signed for the mock's own origin is served; undici, like any client, sets Host from the URL.
    const own = signedShipment(`${server.url}/v1/shipments`, now);
    const [served] = parseResponses(await exchange(server, rawRequest('/v1/shipments', new URL(server.url).host, own)));
    expect(served!.status).toBe(201);
  });

  it('verifies against the public origin it is given (behind a proxy), not the address it listens on', async () => {
    await start({ clockSpeed: 0, publicOrigin: 'https://carrier.example' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const now = server.mock.context.clock.now();
    const proxied = signedShipment('https://carrier.example/v1/shipments', now);
    const [served] = parseResponses(await exchange(server, rawRequest('/v1/shipments', 'internal-upstream:8080', proxied)));
    expect(served!.status).toBe(201);
    const direct = signedShipment(`${server.url}/v1/shipments`, now);
    const [refused] = parseResponses(await exchange(server, rawRequest('/v1/shipments', new URL(server.url).host, direct)));
    expectProblem(asResponse(refused), 'signature-invalid');
    await expect(startMockServer({ port: 0, publicOrigin: 'https://carrier.example/ecdx' })).rejects.toThrow(/without a path/);
  });

  it('accepts the absolute form of the request target, verified against its own origin', async () => {
    await start({ clockSpeed: 0 });
    const url = `${server.url}/v1/test/clock`;
    const signed = signRequest({ method: 'GET', url, headers: {} }, { key: demoCredentials.platform.signingKey, now: server.mock.context.clock.now() });
    const fields = Object.entries(signed)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const [response] = parseResponses(await exchange(server, `GET ${url} HTTP/1.1\r\nHost: elsewhere.example\r\n${fields}Connection: close\r\n\r\n`));
    expect(response!.status).toBe(200);
    // An absolute target naming another authority is still verified against the mock's origin.
    const other = 'http://carrier-b.example/v1/test/clock';
    const forged = signRequest({ method: 'GET', url: other, headers: {} }, { key: demoCredentials.platform.signingKey, now: server.mock.context.clock.now() });
    const forgedFields = Object.entries(forged)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const [refused] = parseResponses(await exchange(server, `GET ${other} HTTP/1.1\r\nHost: carrier-b.example\r\n${forgedFields}Connection: close\r\n\r\n`));
    expectProblem(asResponse(refused), 'signature-invalid');
  });

  it('refuses a request without Host, or with a Host that is no host[:port], with a 400 problem', async () => {
    await start();
    for (const host of ['', 'Host: a b\r\n', 'Host: exa mple:80\r\n', 'Host: x:y\r\n']) {
      const [response] = parseResponses(await exchange(server, `GET /v1/health HTTP/1.1\r\n${host}Connection: close\r\n\r\n`));
      expectBadRequest(response);
    }
  });

  it('answers a malformed request line with a 400 problem and closes the connection', async () => {
    await start();
    for (const garbage of ['GARBAGE\r\n\r\n', 'GET /v1/health HTTP/9.9\r\n\r\n', '\x00\x01\x02 / HTTP/1.1\r\n\r\n']) {
      const responses = parseResponses(await exchange(server, garbage));
      expect(responses).toHaveLength(1);
      expectBadRequest(responses[0]);
      expect(responses[0]!.headers).toContain('connection: close');
    }
  });

  it('answers a tunnel request (CONNECT) or an asterisk-form target with a 400 problem', async () => {
    await start();
    for (const line of ['CONNECT carrier.example:443 HTTP/1.1\r\nHost: carrier.example:443', 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close']) {
      const [response] = parseResponses(await exchange(server, `${line}\r\n\r\n`));
      expectBadRequest(response);
    }
  });

  it('answers a header flood with a 400 problem and goes on serving other clients', async () => {
    await start();
    const flood = `GET /v1/health HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 2_000 }, (_, i) => `x-flood-${i}: ${'y'.repeat(20)}\r\n`).join('')}\r\n`;
    const [response] = parseResponses(await exchange(server, flood));
    expectBadRequest(response);
    expectProblem(await call(server, 'GET', '/v1/nowhere', { signed: false }), 'not-found');
  });

  it('answers 413 to a body over 1 MiB, without reading it all, and closes the connection', async () => {
    await start();
    const tooLarge = await call(server, 'POST', '/v1/shipments', { body: 'x'.repeat(MAX_BODY_BYTES + 1), signed: false });
    expectProblem(tooLarge, 'payload-too-large');
    expect(tooLarge.headers['connection']).toBe('close');
    // Declared too large and never sent: the answer does not wait for the body.
    const [declared] = parseResponses(await exchange(server, `POST /v1/shipments HTTP/1.1\r\nHost: x\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`));
    expect(declared!.status).toBe(413);
    // Chunked, so the size shows only while reading.
    const chunk = 'y'.repeat(64 * 1024);
    const chunked = Array.from({ length: 20 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const [streamed] = parseResponses(await exchange(server, `POST /v1/shipments HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n`, chunked));
    expect(streamed!.status).toBe(413);
  });

  it('refuses a declared oversized body before the client sends it when asked to continue', async () => {
    await start();
    const reply = await exchange(server, `POST /v1/shipments HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`);
    expect(reply).not.toContain('100 Continue');
    expect(parseResponses(reply)[0]!.status).toBe(413);
  });

  it('reads past 1 MiB when committing the no-body-size-limit fault', async () => {
    await start({ clockSpeed: 0, faults: ['no-body-size-limit'] });
    const response = await call(server, 'POST', '/v1/test/clock', { body: { advanceSeconds: 1, padding: 'x'.repeat(MAX_BODY_BYTES) } });
    expect(response.status).toBe(422);
  });

  it('survives a client that vanishes half-way through a body', async () => {
    await start();
    const { port, hostname } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write('POST /v1/shipments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"platform');
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });
    expectProblem(await call(server, 'GET', '/v1/nowhere', { signed: false }), 'not-found');
  });

  it('answers a failure of the mock, or a response HTTP cannot carry, with a 500 problem and a log line, and keeps serving', async () => {
    await start();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handle = server.mock.handle;
    server.mock.handle = () => Promise.reject(new Error('boom'));
    expectProblem(await call(server, 'GET', '/v1/health', { signed: false }), 'internal-error');
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toMatch(/^ecdx mock: GET \/v1\/health failed/);
    // A response node cannot put on the wire, as a careless fault could produce.
    server.mock.handle = () => Promise.resolve({ status: 200, headers: { 'x-note': 'line\nbreak' }, body: {} });
    expectProblem(await call(server, 'GET', '/v1/health', { signed: false }), 'internal-error');
    expect(log).toHaveBeenCalledTimes(2);
    server.mock.handle = handle;
    expectProblem(await call(server, 'GET', '/v1/nowhere', { signed: false }), 'not-found');
  });

  it('lets an in-flight request finish on close, then takes no more connections', async () => {
    await start({ clockSpeed: 0 });
    const inFlight = call(server, 'POST', '/v1/test/clock', { body: { advanceSeconds: 60 }, headers: { 'ecdx-test-delay-ms': '300' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = server.close();
    expect((await inFlight).status).toBe(200);
    await closed;
    await expect(call(server, 'GET', '/v1/health', { signed: false })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('refuses to start on a port that is in use', async () => {
    await start();
    await expect(startMockServer({ port: Number(new URL(server.url).port) })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

/** The fields of a GET signed for `url` with the demo platform key, as a client that captured them would keep them. */
const signedGet = (url: string, now: number): Record<string, string> =>
  signRequest({ method: 'GET', url, headers: {} }, { key: demoCredentials.platform.signingKey, now });

/** Send a GET with exactly these fields (a replay sends what was captured, unchanged). */
async function replay(url: string, headers: Record<string, string>): Promise<MockResponse> {
  // reset: a fresh connection each time, so that none outlives the server it was opened to across the restart.
  const response = await request(url, { method: 'GET', headers, reset: true });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    headers: { 'content-type': String(response.headers['content-type']) },
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

describe('the standalone mock server with a data file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecdx-server-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps shipments across a restart and never runs its clock back', async () => {
    const dataFile = join(dir, 'mock.db');
    const first = await startMockServer({ port: 0, clockSpeed: 0, dataFile });
    await call(first, 'POST', '/v1/test/clock', { body: { advanceSeconds: 86_400 } });
    const created = await call(first, 'POST', '/v1/shipments', {
      body: shipmentRequest('ord-restart-1'),
      headers: { 'idempotency-key': 'restart-1' },
    });
    expect(created.status).toBe(201);
    const before = first.mock.context.clock.now();
    await first.close();

    const second = await startMockServer({ port: 0, clockSpeed: 0, dataFile });
    try {
      expect(second.mock.context.clock.now()).toBeGreaterThanOrEqual(before);
      const waybillNo = (created.body as { waybillNo: string }).waybillNo;
      const read = await call(second, 'GET', `/v1/shipments/${waybillNo}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
    } finally {
      await second.close();
    }
  });

  it('remembers the nonces it accepted across a restart: a captured signed GET replayed after it is refused (ECDX-SEC-006)', async () => {
    const dataFile = join(dir, 'nonces.db');
    const first = await startMockServer({ port: 0, clockSpeed: 0, dataFile });
    const port = Number(new URL(first.url).port);
    const url = `${first.url}/v1/test/clock`;
    const captured = signedGet(url, first.mock.context.clock.now());
    expect((await replay(url, captured)).status).toBe(200);
    expectProblem(await replay(url, captured), 'nonce-replayed');
    await first.close();

    // The same origin (same port), within the signature's validity: only the remembered nonce stops it.
    const second = await startMockServer({ port, clockSpeed: 0, dataFile });
    try {
      expectProblem(await replay(url, captured), 'nonce-replayed');
      expect((await replay(url, signedGet(url, second.mock.context.clock.now()))).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
