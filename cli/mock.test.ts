import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { faultCatalogue } from '../mocks/faults/index.ts';
import { shipmentRequest } from '../mocks/test-support/requests.ts';
import { runCli as run } from './test-support/run-cli.ts';
import { demoCredentials, signRequest } from '../protocol/index.ts';

const root = join(import.meta.dirname, '..');

interface Running {
  child: ChildProcess;
  url: string;
  banner: string;
  stderr: () => string;
}

const children: ChildProcess[] = [];

/** `node bin/ecdx.js mock --port 0 …` as a child process, resolved once its banner is out. */
function startCli(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, ['bin/ecdx.js', 'mock', '--port', '0', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url && out.includes('stop with Ctrl+C')) resolve({ child, url, banner: out, stderr: () => err });
    });
    child.once('exit', (code) => reject(new Error(`ecdx mock exited with ${code} before it listened: ${err}`)));
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

/**
 * A request to the running mock; signed with the demo platform key at the mock's own clock (from /v1/health), for
 * the target URI `origin` + path (by default the URL it is sent to).
 */
async function call(url: string, method: string, path: string, body?: unknown, signed = true, origin = url) {
  const target = `${url}${path}`;
  const bytes = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = bytes ? { 'content-type': 'application/json', 'idempotency-key': `k-${Math.random()}` } : {};
  if (signed) {
    const health = await request(`${url}/v1/health`);
    const now = Date.parse(((await health.body.json()) as { serverTime: string }).serverTime);
    Object.assign(headers, signRequest({ method, url: `${origin}${path}`, headers, body: bytes }, { key: demoCredentials.platform.signingKey, now }));
  }
  const response = await request(target, { method: method as 'GET', headers, body: bytes });
  const text = await response.body.text();
  return { status: response.statusCode, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('ecdx mock', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecdx-mock-cli-'));
  });
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints where it listens, its role, store, faults and the demo credentials, serves, and stops on SIGTERM with 0', async () => {
    const mock = await startCli([]);
    expect(mock.banner).toMatch(/role\s+both/);
    expect(mock.banner).toMatch(/store\s+in memory/);
    expect(mock.banner).toMatch(/faults\s+none/);
    for (const keyid of ['ecdx-demo-platform-ed25519', 'ecdx-demo-platform-hmac', 'ecdx-demo-carrier-ed25519']) expect(mock.banner).toContain(keyid);
    expect(mock.banner).toContain('protocol/demo-credentials.ts');
    expect((await call(mock.url, 'GET', '/v1/conformance', undefined, false)).status).toBe(200);
    expect((await call(mock.url, 'GET', '/v1/test/clock')).status).toBe(200);
    expect((await call(mock.url, 'GET', '/v1/test/clock', undefined, false)).status).toBe(401);
    // The request log, pretty by default, goes to stderr: stdout keeps the banner alone.
    expect(mock.banner).toMatch(/log\s+pretty, one line per request on stderr/);
    await vi.waitFor(() => expect(mock.stderr()).toMatch(/ {2}GET {5}\/v1\/test\/clock +401 +\d+\.\d ms {2}signature-missing\n/));
    expect(await stop(mock.child)).toBe(0);
  });

  it('logs JSON lines with --log json, and nothing with --log off', async () => {
    const json = await startCli(['--log', 'json', '--clock-speed', '0']);
    expect((await call(json.url, 'GET', '/v1/conformance', undefined, false)).status).toBe(200);
    expect((await call(json.url, 'GET', '/v1/test/clock?cursor=13812345678', undefined, false)).status).toBe(401);
    await vi.waitFor(() => expect(json.stderr().split('\n').filter(Boolean)).toHaveLength(2));
    const entries = json
      .stderr()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map(({ method, path, status, problem }) => ({ method, path, status, problem }))).toEqual([
      { method: 'GET', path: '/v1/conformance', status: 200, problem: null },
      { method: 'GET', path: '/v1/test/clock?cursor=…', status: 401, problem: 'signature-missing' },
    ]);
    expect(await stop(json.child)).toBe(0);

    const off = await startCli(['--log', 'off']);
    expect(off.banner).toMatch(/log\s+off/);
    expect((await call(off.url, 'GET', '/v1/conformance', undefined, false)).status).toBe(200);
    expect(await stop(off.child)).toBe(0);
    expect(off.stderr()).toBe('');
  });

  it('plays one role when told, commits the faults it names, and stops on SIGINT with 0', async () => {
    const mock = await startCli(['--role', 'carrier', '--fault', 'accept-unsigned', '--seed', '7', '--clock-speed', '0']);
    expect(mock.banner).toMatch(/role\s+carrier/);
    expect(mock.banner).toContain('accept-unsigned (ECDX-SEC-002) (change them: PUT /v1/test/faults)');
    expect((await call(mock.url, 'GET', '/v1/test/clock', undefined, false)).status).toBe(200);
    expect((await call(mock.url, 'POST', '/v1/tracking-events', { batchId: 'b' }, false)).status).toBe(404);
    // The faults switched while it runs: off, then back to those it started with.
    expect(await call(mock.url, 'PUT', '/v1/test/faults', { faults: [] }, false)).toEqual({ status: 200, body: { faults: [] } });
    expect((await call(mock.url, 'GET', '/v1/test/clock', undefined, false)).status).toBe(401);
    expect(await call(mock.url, 'DELETE', '/v1/test/faults', undefined, false)).toEqual({ status: 200, body: { faults: ['accept-unsigned'] } });
    expect((await call(mock.url, 'GET', '/v1/test/clock', undefined, false)).status).toBe(200);
    expect(await stop(mock.child, 'SIGINT')).toBe(0);
  });

  it('keeps shipments and their events in a --data file across a restart', async () => {
    const data = join(dir, 'mock.db');
    const first = await startCli(['--data', data]);
    expect(first.banner).toContain(`SQLite file ${data}`);
    const created = await call(first.url, 'POST', '/v1/shipments', shipmentRequest('ord-cli-restart'));
    expect(created.status).toBe(201);
    const waybillNo = String(created.body!['waybillNo']);
    expect((await call(first.url, 'POST', '/v1/test/clock', { advanceSeconds: 3 * 86_400 })).status).toBe(200);
    const events = await call(first.url, 'GET', `/v1/shipments/${waybillNo}/events?limit=100`);
    expect((events.body!['items'] as unknown[]).length).toBeGreaterThan(0);
    expect(await stop(first.child)).toBe(0);

    const second = await startCli(['--data', data]);
    const shipment = await call(second.url, 'GET', `/v1/shipments/${waybillNo}`);
    expect(shipment.status).toBe(200);
    expect(shipment.body!['waybillNo']).toBe(waybillNo);
    const again = await call(second.url, 'GET', `/v1/shipments/${waybillNo}/events?limit=100`);
    expect(again.status).toBe(200);
    expect((again.body!['items'] as unknown[]).slice(0, (events.body!['items'] as unknown[]).length)).toEqual(events.body!['items']);
    expect(await stop(second.child)).toBe(0);
  });

  it('verifies signatures against --public-origin (a mock behind a proxy), not the address it listens on', async () => {
    const mock = await startCli(['--public-origin', 'https://carrier.example', '--clock-speed', '0']);
    expect(mock.banner).toContain('sign the target URI with this origin, https://carrier.example;');
    expect((await call(mock.url, 'GET', '/v1/test/clock', undefined, true, 'https://carrier.example')).status).toBe(200);
    expect((await call(mock.url, 'GET', '/v1/test/clock')).status).toBe(401);
    expect(await stop(mock.child)).toBe(0);
  });

  it('serves Prometheus metrics on --metrics-port, printed on start, and stops them with the mock', async () => {
    const mock = await startCli(['--metrics-port', '0', '--log', 'off']);
    const metricsUrl = /^Prometheus metrics served at (http:\/\/127\.0\.0\.1:\d+\/metrics)$/m.exec(mock.banner)?.[1];
    expect(metricsUrl).toBeDefined();
    expect((await call(mock.url, 'GET', '/v1/conformance', undefined, false)).status).toBe(200);
    expect((await call(mock.url, 'GET', '/v1/test/clock', undefined, false)).status).toBe(401);
    const scraped = await request(metricsUrl!);
    expect(scraped.statusCode).toBe(200);
    const text = await scraped.body.text();
    expect(text).toContain('ecdx_mock_requests_total{operation="getConformanceClaim",status="200"} 1\n');
    expect(text).toContain('ecdx_mock_requests_total{operation="getTestClock",status="401"} 1\n');
    expect(await stop(mock.child)).toBe(0);
    await expect(request(metricsUrl!)).rejects.toThrow();

    const without = await startCli(['--log', 'off']);
    expect(without.banner).not.toContain('metrics');
    expect(await stop(without.child)).toBe(0);
  });

  it('lists the fault catalogue as a table, and as JSON with --json', async () => {
    const table = await run(['mock', '--list-faults']);
    expect(table.code).toBe(0);
    for (const fault of faultCatalogue()) expect(table.out).toContain(fault.name);
    const json = await run(['mock', '--list-faults', '--json']);
    expect(JSON.parse(json.out)).toEqual(faultCatalogue());
  });

  it('answers misuse with one line on stderr and exit code 2', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = String((busy.address() as { port: number }).port);
    try {
      for (const argv of [
        ['mock', '--nope'],
        ['mock', '--port', 'abc'],
        ['mock', '--port', '70000'],
        ['mock', '--seed', '1.5'],
        ['mock', '--clock-speed', 'fast'],
        ['mock', '--fault', 'no-such-fault'],
        ['mock', '--role', 'authority'],
        ['mock', '--json'],
        ['mock', 'extra'],
        ['mock', '--port', port],
        ['mock', '--port', '0', '--data', join(dir, 'missing-dir', 'mock.db')],
        ['mock', '--public-origin', 'https://carrier.example/ecdx'],
        ['mock', '--public-origin', 'carrier.example'],
        ['mock', '--public-origin', 'ftp://carrier.example'],
        ['mock', '--log', 'loud'],
        ['mock', '--port', '0', '--metrics-port', 'abc'],
        ['mock', '--port', '0', '--metrics-port', '-1'],
        ['mock', '--port', '0', '--metrics-port', '65536'],
        ['mock', '--port', '0', '--metrics-port', ''],
        ['mock', '--port', '0', '--metrics-host', '127.0.0.1'],
        ['mock', '--port', '4321', '--metrics-port', '4321'],
        ['mock', '--port', '0', '--metrics-port', port],
      ]) {
        const { code, err } = await run(argv);
        expect({ argv, code }).toEqual({ argv, code: 2 });
        expect(err).toHaveLength(1);
        expect(err[0]).toMatch(/^ecdx: /);
      }
      expect((await run(['mock', '--fault', 'no-such-fault'])).err).toEqual(["ecdx: unknown fault 'no-such-fault' (see ecdx mock --list-faults)"]);
      expect((await run(['mock', '--port', '0', '--metrics-port', 'abc'])).err).toEqual(["ecdx: --metrics-port needs an integer from 0 to 65535, got 'abc'"]);
      expect((await run(['mock', '--port', '0', '--metrics-port', port])).err).toEqual([
        `ecdx: cannot listen on 127.0.0.1:${port} (--metrics-port): the port is in use (EADDRINUSE)`,
      ]);
    } finally {
      busy.close();
    }
  });
});
