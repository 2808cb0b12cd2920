// A broken or hostile endpoint gets failed or errored checks with a readable reason — never a crash or a hang.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer } from '../mocks/server.ts';
import { discoveryChecks } from '../conformance/checks/discovery/index.ts';
import { checks } from '../conformance/checks/index.ts';
import { ConfigurationError, runConformance } from '../conformance/index.ts';

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

async function hostile(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const someChecks = [...discoveryChecks, ...checks.filter((c) => c.id.startsWith('errors/')).slice(0, 3)];

describe('runConformance against endpoints that misbehave', () => {
  it('reports a closed port as errors that say the connection was refused', async () => {
    const url = await hostile(() => {});
    servers[0]!.close();
    servers[0]!.closeAllConnections();
    const report = await runConformance({ target: url, role: 'carrier', checks: someChecks, classes: ['core'], timeoutMs: 1_000 });
    expect(report.conformant).toBe(false);
    const ran = report.results.filter((r) => r.status !== 'skipped' && r.status !== 'precondition-failed');
    expect(ran.length).toBeGreaterThan(0);
    for (const r of ran) expect(r.message).toMatch(/connection refused|did not answer/);
  });

  it('gives up on an endpoint that never answers, within its timeout', async () => {
    const url = await hostile(() => {
      /* accept and say nothing */
    });
    const started = Date.now();
    const report = await runConformance({ target: url, role: 'carrier', checks: someChecks, classes: ['core'], timeoutMs: 400, concurrency: 8 });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(report.results.some((r) => r.status === 'error' && /no answer within 400 ms/.test(r.message))).toBe(true);
  });

  it('fails checks with readable reasons when every answer is garbage', async () => {
    const url = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"not": "what you expect"');
    });
    const report = await runConformance({ target: url, role: 'platform', checks: someChecks, classes: ['core'], timeoutMs: 2_000 });
    const failed = report.results.filter((r) => r.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) expect(r.message.length).toBeGreaterThan(10);
  });

  it('survives an endpoint that resets connections and floods a huge body', async () => {
    let n = 0;
    const url = await hostile((req, res) => {
      n += 1;
      if (n % 2 === 0) return req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"a":"${'x'.repeat(6 * 1024 * 1024)}"}`);
    });
    const report = await runConformance({ target: url, role: 'carrier', checks: someChecks, classes: ['core'], timeoutMs: 3_000 });
    expect(report.results.every((r) => ['failed', 'error', 'precondition-failed', 'skipped'].includes(r.status))).toBe(true);
  });

  it('refuses plain http to a host that is not loopback', async () => {
    await expect(runConformance({ target: 'http://carrier.example.cn', role: 'carrier' })).rejects.toBeInstanceOf(ConfigurationError);
  });
});

describe('runConformance as a library', () => {
  it('returns the report a vendor can assert on', async () => {
    const server = await startMockServer({ role: 'carrier', port: 0 });
    try {
      const report = await runConformance({ target: server.url, role: 'carrier', classes: ['core'] });
      // --classes below the claim: the checks that ran passed, but it is a partial run, no verdict
      expect([report.verdict, report.conformant, report.scope.partial]).toEqual(['partial', false, true]);
      expect(report.results.filter((r) => r.status === 'passed').length).toBeGreaterThan(5);
      expect(report.results.every((r) => r.requirementIds.length > 0)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
