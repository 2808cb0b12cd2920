// The client towards a target that takes its time, answers too much or points elsewhere: every request ends
// within its deadline (headers and body together), a body is read up to the cap and says it was cut, a stopped
// run stops its requests at once, and a redirect is reported, never followed.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../protocol/index.ts';
import { TargetClient, TargetUnreachable } from './client.ts';
import type { Evidence } from './report.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise((resolve) => {
          s.closeAllConnections();
          s.close(resolve);
        }),
    ),
  );
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function client(baseUrl: string, options: { timeoutMs?: number; maxResponseBytes?: number; signal?: AbortSignal } = {}) {
  const evidence: Evidence[] = [];
  const c = new TargetClient({
    baseUrl,
    key: demoCredentials.platform.signingKey,
    timeoutMs: options.timeoutMs ?? 2_000,
    clockOffset: () => 0,
    record: (e) => evidence.push(e),
    ...(options.maxResponseBytes ? { maxResponseBytes: options.maxResponseBytes } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { c, evidence };
}

describe('TargetClient deadlines', () => {
  it('ends a request whose body trickles in within its deadline, headers and body together', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 100); // never idle long enough for an idle timeout
      res.on('close', () => clearInterval(timer));
    });
    const { c, evidence } = client(url, { timeoutMs: 600 });
    const started = Date.now();
    await expect(c.send({ method: 'GET', path: '/v1/conformance', sign: false })).rejects.toThrow(/GET \/v1\/conformance: no answer within 600 ms/);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(evidence[0]).toMatchObject({ kind: 'http', error: 'no answer within 600 ms' });
    await c.close();
  });

  it('stops a request at once when the run is stopped, saying why', async () => {
    const { url } = await serve(() => {});
    const stop = new AbortController();
    const { c } = client(url, { timeoutMs: 10_000, signal: stop.signal });
    const started = Date.now();
    const pending = c.send({ method: 'GET', path: '/v1/health' });
    setTimeout(() => stop.abort(new Error('the run reached its deadline')), 100);
    await expect(pending).rejects.toThrow(/GET \/v1\/health: stopped: the run reached its deadline/);
    expect(Date.now() - started).toBeLessThan(1_000);
    // and nothing more is sent once stopped
    await expect(c.send({ method: 'GET', path: '/v1/health' })).rejects.toBeInstanceOf(TargetUnreachable);
    await c.close();
  });
});

describe('TargetClient body cap', () => {
  it('reads a body up to the cap, and the response and the evidence say it was cut', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"padding":"${'x'.repeat(3 * 1024 * 1024)}"}`);
    });
    const { c, evidence } = client(url, { maxResponseBytes: 1024 * 1024 });
    const response = await c.send({ method: 'GET', path: '/v1/conformance', sign: false });
    expect([response.status, response.truncated, response.json, response.text.length]).toEqual([200, true, undefined, 1024 * 1024]);
    const exchange = evidence[0] as Extract<Evidence, { kind: 'http' }>;
    expect(exchange.response?.body).toMatch(/\(the response was cut off after 1 MiB: the rest was not read\)$/);
    expect(exchange.response!.body!.length).toBeLessThan(10_000);
    await c.close();
  });

  it('keeps a small body whole', async () => {
    const { url } = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    const { c } = client(url);
    const response = await c.send({ method: 'GET', path: '/v1/health', sign: false });
    expect([response.truncated, response.json]).toEqual([false, { ok: true }]);
    await c.close();
  });

  it('does not read a body nested deeper than any ECDX document as JSON', async () => {
    const { url } = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(`${'['.repeat(5_000)}${']'.repeat(5_000)}`));
    const { c, evidence } = client(url);
    const response = await c.send({ method: 'GET', path: '/v1/conformance', sign: false });
    expect(response.json).toBeUndefined();
    expect(response.text).toHaveLength(10_000);
    expect(() => JSON.stringify(evidence)).not.toThrow();
    await c.close();
  });
});

describe('TargetClient redirects', () => {
  it('reports a redirect to another origin as the answer and never follows it', async () => {
    const elsewhere = await serve((_req, res) => res.writeHead(200).end('{}'));
    const { url } = await serve((req, res) => res.writeHead(307, { location: `${elsewhere.url}${req.url}` }).end());
    const { c } = client(url);
    const response = await c.send({ method: 'POST', path: '/v1/shipments', body: { a: 1 } });
    expect([response.status, response.headers['location']]).toEqual([307, `${elsewhere.url}/v1/shipments`]);
    expect(elsewhere.seen).toEqual([]);
    await c.close();
  });
});
