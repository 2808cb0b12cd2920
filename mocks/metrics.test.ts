import { connect, createServer } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PLATFORM_KEYID, demoCredentials, signRequest } from '../protocol/index.ts';
import { pushDispatcherOf } from './core/operations/subscriptions.ts';
import { startTestCallback, trackingEvent, type TestCallback } from './core/push/test-support.ts';
import { MOCK_METRICS, MockMetrics } from './metrics.ts';
import { startMockServer, type MockServer } from './server.ts';

let server: MockServer | undefined;
const callbacks: TestCallback[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const callback of callbacks.splice(0)) await callback.close();
});

interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Sign for this origin (default the server's); false: unsigned. */
  signFor?: string | false;
}

/** An HTTP request to the server, signed with the demo platform key at the mock's clock unless told otherwise. */
async function call(mock: MockServer, method: string, path: string, options: CallOptions = {}): Promise<number> {
  const bytes = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  const headers: Record<string, string> = bytes ? { 'content-type': 'application/json', 'idempotency-key': `k-${Math.random()}` } : {};
  Object.assign(headers, options.headers);
  if (options.signFor !== false) {
    const signed = { method, url: `${options.signFor ?? mock.url}${path}`, headers, body: bytes };
    Object.assign(headers, signRequest(signed, { key: demoCredentials.platform.signingKey, now: mock.mock.context.clock.now() }));
  }
  const response = await request(`${mock.url}${path}`, { method: method as 'GET', headers, body: bytes });
  await response.body.dump();
  return response.statusCode;
}

async function scrape(mock: MockServer): Promise<{ contentType: string; text: string }> {
  const response = await request(mock.metricsUrl!);
  expect(response.statusCode).toBe(200);
  return { contentType: String(response.headers['content-type']), text: await response.body.text() };
}

/** The sample lines of one series (a histogram's: of `name_suffix`), label sets and values as exposed. */
const samples = (text: string, name: string): string[] =>
  text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .sort();

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('the mock server with metrics', () => {
  it('serves them on a port of its own at metricsUrl, and has none without the option', async () => {
    server = await startMockServer({ port: 0, clockSpeed: 0, metrics: { port: 0 } });
    expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(server.metricsUrl!).port).not.toBe(new URL(server.url).port);
    const { contentType, text } = await scrape(server);
    expect(contentType).toBe(new MockMetrics().contentType);
    for (const name of Object.values(MOCK_METRICS)) expect(text).toContain(`# TYPE ${name} `);
    const url = server.metricsUrl!;
    await server.close();
    server = undefined;
    await expect(request(url)).rejects.toThrow();

    server = await startMockServer({ port: 0 });
    expect(server.metricsUrl).toBeUndefined();
  });

  it('counts every answer by the operationId it matched and the status, and times it', async () => {
    server = await startMockServer({ port: 0, clockSpeed: 0, metrics: { port: 0 } });
    expect(await call(server, 'GET', '/v1/health', { signFor: false })).toBe(200);
    expect(await call(server, 'GET', '/v1/health', { signFor: false })).toBe(200);
    expect(await call(server, 'GET', '/v1/no-such-thing', { signFor: false })).toBe(404);
    expect(await call(server, 'DELETE', '/v1/health', { signFor: false })).toBe(405);
    // Signed, but for another party's origin: refused by the operation's own authentication.
    expect(await call(server, 'GET', '/v1/test/clock', { signFor: 'https://other.example' })).toBe(401);
    expect(await call(server, 'PUT', '/v1/test/faults', { body: { faults: [] }, signFor: false })).toBe(200);
    expect(await call(server, 'GET', '/v1/conformance', { signFor: false, headers: { 'ecdx-test-delay-ms': '300' } })).toBe(200);

    const { text } = await scrape(server);
    expect(samples(text, MOCK_METRICS.requests)).toEqual(
      [
        'ecdx_mock_requests_total{operation="getHealth",status="200"} 2',
        'ecdx_mock_requests_total{operation="unmatched",status="404"} 1',
        'ecdx_mock_requests_total{operation="unmatched",status="405"} 1',
        'ecdx_mock_requests_total{operation="getTestClock",status="401"} 1',
        'ecdx_mock_requests_total{operation="faultControl",status="200"} 1',
        'ecdx_mock_requests_total{operation="getConformanceClaim",status="200"} 1',
      ].sort(),
    );
    expect(samples(text, `${MOCK_METRICS.requestDuration}_count`)).toEqual(
      [
        'ecdx_mock_request_duration_seconds_count{operation="getHealth"} 2',
        'ecdx_mock_request_duration_seconds_count{operation="unmatched"} 2',
        'ecdx_mock_request_duration_seconds_count{operation="getTestClock"} 1',
        'ecdx_mock_request_duration_seconds_count{operation="faultControl"} 1',
        'ecdx_mock_request_duration_seconds_count{operation="getConformanceClaim"} 1',
      ].sort(),
    );
    // The delayed answer took at least its 300 ms: above the 0.25 s bucket, and in the sum, in seconds (not 300 ms).
    const buckets = samples(text, `${MOCK_METRICS.requestDuration}_bucket`).filter((line) => line.includes('operation="getConformanceClaim"'));
    expect(buckets).toContain('ecdx_mock_request_duration_seconds_bucket{le="0.25",operation="getConformanceClaim"} 0');
    expect(buckets).toContain('ecdx_mock_request_duration_seconds_bucket{le="+Inf",operation="getConformanceClaim"} 1');
    const sum = samples(text, `${MOCK_METRICS.requestDuration}_sum`).find((line) => line.includes('operation="getConformanceClaim"'));
    expect(Number(sum?.split(' ')[1])).toBeGreaterThanOrEqual(0.29);
    expect(Number(sum?.split(' ')[1])).toBeLessThan(60);
  });

  it('counts a request node cannot parse as unmatched 400, untimed (it has no operation and no arrival of its own)', async () => {
    server = await startMockServer({ port: 0, clockSpeed: 0, metrics: { port: 0 } });
    const { port } = new URL(server.url);
    const answer = await new Promise<string>((resolve, reject) => {
      let received = '';
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const { text } = await scrape(server);
    expect(samples(text, MOCK_METRICS.requests)).toEqual(['ecdx_mock_requests_total{operation="unmatched",status="400"} 1']);
    expect(samples(text, `${MOCK_METRICS.requestDuration}_count`)).toEqual([]);
  });

  it('counts how each push attempt settled: delivered, gone, failed and at last abandoned', async () => {
    server = await startMockServer({ port: 0, clockSpeed: 0, metrics: { port: 0 } });
    const accepting = await startTestCallback([], { status: 200 });
    const gone = await startTestCallback([], { status: 410 });
    const failing = await startTestCallback([], { status: 500 });
    callbacks.push(accepting, gone, failing);
    for (const callback of [accepting, gone, failing]) {
      const subscription = { callbackUrl: callback.url, scope: { type: 'ALL' }, signatureScheme: 'v1a' };
      expect(await call(server, 'POST', '/v1/subscriptions', { body: subscription })).toBe(201);
    }
    const pushes = async () => samples((await scrape(server!)).text, MOCK_METRICS.pushes);
    // Every outcome is exposed from the start, at 0.
    expect(await pushes()).toEqual(
      [
        'ecdx_mock_pushes_total{outcome="delivered"} 0',
        'ecdx_mock_pushes_total{outcome="failed"} 0',
        'ecdx_mock_pushes_total{outcome="abandoned"} 0',
        'ecdx_mock_pushes_total{outcome="gone"} 0',
      ].sort(),
    );

    const clock = server.mock.context.clock;
    pushDispatcherOf(server.mock.context)!.record(trackingEvent('ECDX00000000001', 1, 'ACCEPTED', clock.now()), DEMO_PLATFORM_KEYID);
    await server.mock.context.background.idle();
    expect(await pushes()).toEqual(
      [
        'ecdx_mock_pushes_total{outcome="delivered"} 1',
        'ecdx_mock_pushes_total{outcome="failed"} 1',
        'ecdx_mock_pushes_total{outcome="abandoned"} 0',
        'ecdx_mock_pushes_total{outcome="gone"} 1',
      ].sort(),
    );

    // The failing callback's batch through the whole retry schedule: nine retries, the last of them given up. Each
    // step passes the longest delay (24 h + 10 %) once; the next retry is scheduled from the answer, after the step.
    for (let retry = 1; retry <= 9; retry++) {
      clock.advance(27 * 3600_000);
      await server.mock.context.background.idle();
    }
    expect(failing.deliveries).toHaveLength(10);
    expect(await pushes()).toEqual(
      [
        'ecdx_mock_pushes_total{outcome="delivered"} 1',
        'ecdx_mock_pushes_total{outcome="failed"} 9',
        'ecdx_mock_pushes_total{outcome="abandoned"} 1',
        'ecdx_mock_pushes_total{outcome="gone"} 1',
      ].sort(),
    );
  });

  it('refuses a metrics port out of range before it listens, and a metrics port in use leaves nothing listening', async () => {
    await expect(startMockServer({ port: 0, metrics: { port: 70_000 } })).rejects.toThrow(/metrics port must be an integer from 0 to 65535/);
    server = await startMockServer({ port: 0, metrics: { port: 0 } });
    const taken = Number(new URL(server.metricsUrl!).port);
    const free = await freePort();
    await expect(startMockServer({ port: free, metrics: { port: taken } })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    // The mock's own port was let go again: another mock takes it.
    const again = await startMockServer({ port: free });
    await again.close();
  });
});
