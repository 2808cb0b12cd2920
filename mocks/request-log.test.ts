// The request log: one line per request in either format, and nothing in it that must not travel — no signature,
// secret, query value, mobile or identity number — whatever a hostile or careless client puts in its requests.
import { connect } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_HMAC_SECRET_BASE64, demoCredentials, signRequest } from '../protocol/index.ts';
import { findMobileNumbers, findResidentIds } from '../schemas/identifiers.ts';
import { formatLogEntry, loggablePath, problemSlug, type RequestLogEntry } from './request-log.ts';
import { startMockServer, type MockServer, type MockServerOptions } from './server.ts';
import { shipmentRequest } from './test-support/requests.ts';

const MOBILE = '13812345678';
const RESIDENT_ID = '11010519491231002X';

describe('loggablePath', () => {
  it.each([
    ['/v1/health', '/v1/health'],
    ['/v1/shipments/ECDX000000000018/events?cursor=c3VwZXI&limit=5', '/v1/shipments/ECDX000000000018/events?cursor=…&limit=…'],
    ['http://127.0.0.1:4010/v1/subscriptions/sub_7Q2M1', '/v1/subscriptions/sub_7Q2M1'],
    [`/v1/shipments/${MOBILE}`, '/v1/shipments/13*******78'],
    ['/v1/shipments/%31%33%38%31%32%33%34%35%36%37%38', '/v1/shipments/13*******78'],
    ['/v1/shipments/138-1234-5678', '/v1/shipments/13*******78'],
    [`/v1/shipments/${RESIDENT_ID}`, '/v1/shipments/11*************02X'],
    ['/v1/张三/x', '/v1/…/x'],
    ['/v1/shipments/ecdx=:c2lnbmF0dXJl:', '/v1/shipments/…'],
    ['/v1/test/clock?signature=abc&token=def', '/v1/test/clock?signature=…&token=…'],
    ['/v1/x/%E0%A4%A', '/v1/x/…'],
    ['/v1/x?', '/v1/x?'],
    [`/v1/x/${'A'.repeat(43)}`, '/v1/x/…'],
    ['', '/'],
  ])('%s → %s', (target, shown) => {
    expect(loggablePath(target)).toBe(shown);
  });

  it('caps the segments and the query names it shows', () => {
    expect(loggablePath(`/${'a/'.repeat(50)}`).split('/').length).toBeLessThanOrEqual(15);
    expect(loggablePath(`/v1?${'n=1&'.repeat(50)}`).split('&').length).toBeLessThanOrEqual(13);
  });
});

describe('problemSlug', () => {
  it('names the catalogue slug of a problem, and nothing for another answer', () => {
    const problem = (type: unknown) => ({ status: 401, headers: { 'content-type': 'application/problem+json' }, body: { type } });
    expect(problemSlug(problem('https://ecdx.dev/problems/signature-invalid'))).toBe('signature-invalid');
    expect(problemSlug(problem('about:blank'))).toBe('problem');
    expect(problemSlug(problem(`https://ecdx.dev/problems/${MOBILE} x`))).toBe('problem');
    expect(problemSlug({ status: 200, headers: { 'content-type': 'application/json' }, body: { type: 'x' } })).toBeNull();
  });
});

describe('formatLogEntry', () => {
  const entry: RequestLogEntry = { at: '2026-03-01T01:30:00.250Z', method: 'GET', path: '/v1/test/clock', status: 401, problem: 'signature-missing', ms: 1.25 };

  it('json: the entry as one JSON object', () => {
    const line = formatLogEntry(entry, 'json');
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(entry);
  });

  it('pretty: aligned columns, the problem last', () => {
    const lines = [
      formatLogEntry(entry, 'pretty'),
      formatLogEntry({ ...entry, method: 'POST', path: '/v1/shipments', status: 201, problem: null, ms: 12.5 }, 'pretty'),
      formatLogEntry({ ...entry, status: null, problem: null }, 'pretty'),
    ];
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.250 {2}GET {5}\/v1\/test\/clock +401 +1\.3 ms {2}signature-missing$/);
    expect(lines[1]).toMatch(/ 201 +12\.5 ms$/);
    expect(lines[2]).toMatch(/ --- +1\.3 ms$/);
    const statusColumn = lines.map((line) => line.search(/ (\d{3}|---) /));
    expect(new Set(statusColumn).size).toBe(1);
  });
});

describe('startMockServer({ log })', () => {
  let server: MockServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const start = async (options: MockServerOptions) => {
    server = await startMockServer({ port: 0, clockSpeed: 0, ...options });
    return server;
  };

  /** A request over HTTP, signed with the demo platform key for `signedOrigin` (default: the mock's origin) unless `signed` is false. */
  async function call(target: MockServer, method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; signed?: boolean } = {}) {
    const body = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const headers: Record<string, string> = { ...(body ? { 'content-type': 'application/json', 'idempotency-key': `k-${MOBILE}` } : {}), ...options.headers };
    if (options.signed !== false) {
      const now = target.mock.context.clock.now();
      Object.assign(headers, signRequest({ method, url: `${target.url}${path}`, headers, body }, { key: demoCredentials.platform.signingKey, now }));
    }
    const response = await request(`${target.url}${path}`, { method: method as 'GET', headers, body });
    await response.body.text();
    return { status: response.statusCode, headers };
  }

  it('writes one line per request to a callback, with status, problem and time', async () => {
    const entries: RequestLogEntry[] = [];
    const target = await start({ log: (entry) => entries.push(entry) });
    await call(target, 'GET', '/v1/health', { signed: false });
    await call(target, 'GET', '/v1/test/clock?cursor=abc', { signed: false });
    await call(target, 'POST', '/v1/shipments', { body: shipmentRequest() });
    await vi.waitFor(() => expect(entries).toHaveLength(3));
    expect(entries.map(({ at: _at, ms: _ms, ...rest }) => rest)).toEqual([
      { method: 'GET', path: '/v1/health', status: 200, problem: null },
      { method: 'GET', path: '/v1/test/clock?cursor=…', status: 401, problem: 'signature-missing' },
      { method: 'POST', path: '/v1/shipments', status: 201, problem: null },
    ]);
    for (const entry of entries) {
      expect(entry.ms).toBeGreaterThanOrEqual(0);
      expect(Date.parse(entry.at)).not.toBeNaN();
    }
  });

  it('writes JSON lines or aligned lines to a stream', async () => {
    for (const logFormat of ['json', 'pretty'] as const) {
      const written: string[] = [];
      const target = await start({ log: { write: (line: string) => written.push(line) }, logFormat });
      await call(target, 'GET', '/v1/health', { signed: false });
      await call(target, 'GET', '/v1/nothing-here', { signed: false });
      await vi.waitFor(() => expect(written).toHaveLength(2));
      expect(written.every((line) => line.endsWith('\n') && line.indexOf('\n') === line.length - 1)).toBe(true);
      if (logFormat === 'json') {
        expect(written.map((line) => JSON.parse(line) as RequestLogEntry).map((e) => [e.path, e.status, e.problem])).toEqual([
          ['/v1/health', 200, null],
          ['/v1/nothing-here', 404, 'not-found'],
        ]);
      } else {
        expect(written[0]).toMatch(/ {2}GET {5}\/v1\/health +200 +\d+\.\d ms\n$/);
        expect(written[1]).toMatch(/ {2}GET {5}\/v1\/nothing-here +404 +\d+\.\d ms {2}not-found\n$/);
      }
      await target.close();
      server = undefined;
    }
  });

  it('keeps signatures, secrets, query values, mobiles and identity numbers out of the log', async () => {
    const lines: string[] = [];
    const target = await start({ log: { write: (line: string) => lines.push(line) }, logFormat: 'json' });
    const signature = (await call(target, 'GET', '/v1/test/clock')).headers['signature']!;
    const encoded = encodeURIComponent(signature);
    const hostile: [string, string, Parameters<typeof call>[3]?][] = [
      ['GET', `/v1/shipments/${MOBILE}`],
      ['GET', `/v1/shipments/${RESIDENT_ID}/events`],
      ['GET', `/v1/shipments/${encodeURIComponent(MOBILE).replace(/\d/g, (d) => `%3${d}`)}`],
      ['GET', '/v1/shipments/138-1234-5678'],
      ['GET', `/v1/shipments/ECDX000000000018/events?cursor=${MOBILE}&limit=5&signature=${encoded}`, { signed: false }],
      ['GET', `/v1/${encoded}`, { signed: false }],
      ['GET', `/v1/secret/${encodeURIComponent(DEMO_HMAC_SECRET_BASE64)}`, { signed: false }],
      ['GET', `/v1/test/clock?${MOBILE}=1&token=${DEMO_HMAC_SECRET_BASE64}`],
      ['GET', `/v1/${encodeURIComponent('张三')}/${encodeURIComponent('１３８１２３４５６７８')}`, { signed: false }],
      ['POST', '/v1/shipments', { body: { ...shipmentRequest(), note: `${MOBILE} ${RESIDENT_ID}` }, headers: { 'x-recipient-mobile': MOBILE } }],
      ['GET', '/v1/test/clock', { headers: { authorization: `Bearer ${DEMO_HMAC_SECRET_BASE64}` } }],
    ];
    for (const [method, path, options] of hostile) await call(target, method, path, options);
    // A message node cannot parse as HTTP is logged too, by its status alone.
    await new Promise<void>((resolve) => {
      const { hostname, port } = new URL(target.url);
      const socket = connect(Number(port), hostname, () => socket.end(`GET /v1/${MOBILE} HTTP/1.1\r\nHost: x\r\nBad Header ${MOBILE}\r\n\r\n`));
      socket.on('data', () => undefined).on('close', () => resolve());
    });
    await vi.waitFor(() => expect(lines).toHaveLength(hostile.length + 2));

    const log = lines.join('');
    for (const leak of [MOBILE, '1234-5678', RESIDENT_ID, '19491231', signature.slice(6, 30), encoded.slice(10, 40), DEMO_HMAC_SECRET_BASE64, '张', '１３８']) {
      expect(log).not.toContain(leak);
    }
    expect(findMobileNumbers(log)).toEqual([]);
    expect(findResidentIds(log)).toEqual([]);
    const entries = lines.map((line) => JSON.parse(line) as RequestLogEntry);
    for (const entry of entries) expect(Object.keys(entry)).toEqual(['at', 'method', 'path', 'status', 'problem', 'ms']);
    expect(entries.map((e) => e.path)).toEqual([
      '/v1/test/clock',
      '/v1/shipments/13*******78',
      '/v1/shipments/11*************02X/events',
      '/v1/shipments/13*******78',
      '/v1/shipments/13*******78',
      '/v1/shipments/ECDX000000000018/events?cursor=…&limit=…&signature=…',
      '/v1/…',
      '/v1/secret/…',
      '/v1/test/clock?13*******78=…&token=…',
      '/v1/…/…',
      '/v1/shipments',
      '/v1/test/clock',
      '…',
    ]);
    expect(entries.at(-1)).toMatchObject({ method: '?', status: 400, problem: 'bad-request' });
  });
});
