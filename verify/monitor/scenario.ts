// The scenarios' shared set-up: the reference mock carrier behind a link the test can cut, its clock running fast
// (a test deployment's), and what a test needs to drive it — the test actions and the clock's advance, signed as
// the demo platform for the origin the mock is reached at (the proxy's).
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { demoCredentials, signRequest } from '../../protocol/index.ts';
import { startMockServer, type MockServer } from '../../mocks/server.ts';
import { startMonitor, type MonitorOptions, type RunningMonitor } from '../../monitor/monitor.ts';
import type { FaultName } from '../../mocks/faults/index.ts';
import type { TestAction, TestActionOutcome } from '../../schemas/src/index.ts';
import { LinkProxy } from './link-proxy.ts';

export interface MockLink {
  mock: MockServer;
  /** The link from the monitor to the mock: cut it for an outage. */
  proxy: LinkProxy;
  close(): Promise<void>;
}

export async function mockCarrierLink(options: { speed: number; faults?: FaultName[] }): Promise<MockLink> {
  const proxy = await LinkProxy.start();
  const mock = await startMockServer({
    role: 'carrier',
    port: 0,
    clockSpeed: options.speed,
    testMode: true,
    publicOrigin: proxy.url,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  proxy.to(mock.url);
  return {
    mock,
    proxy,
    close: async () => {
      await proxy.close();
      await mock.close();
    },
  };
}

/**
 * A monitor of the mock carrier through its link, on the mock's clock: a round every 100 ms (a minute of the mock's
 * at 600×), two failed rounds make an interruption, metrics on a free port.
 */
export const watchMockCarrier = (link: MockLink, evidencePath: string, extra: Partial<MonitorOptions> = {}): Promise<RunningMonitor> =>
  startMonitor({
    targets: [
      { name: 'mock', url: link.proxy.url, role: 'carrier', key: demoCredentials.platform.signingKey, targetKeys: [demoCredentials.carrier.verificationKey] },
    ],
    intervalMs: 100,
    failuresToOpen: 2,
    probeTimeoutMs: 2000,
    clock: 'target',
    evidencePath,
    metrics: { port: 0 },
    ...extra,
  });

/** The mock's clock now (its health document), to sign by. */
async function mockNow(link: MockLink): Promise<number> {
  const health = (await (await fetch(`${link.mock.url}/v1/health`)).json()) as { serverTime: string };
  return Date.parse(health.serverTime);
}

/** A signed POST straight to the mock (not through the link, which a test may have cut), signed for its public origin. */
async function post(link: MockLink, path: string, body: unknown): Promise<Response> {
  const signedFor = `${link.mock.publicOrigin}${path}`;
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  const headers: Record<string, string> = { host: new URL(signedFor).host, 'content-type': 'application/json' };
  Object.assign(
    headers,
    signRequest({ method: 'POST', url: signedFor, headers, body: bytes }, { key: demoCredentials.platform.signingKey, now: await mockNow(link) }),
  );
  const { host: _host, ...wire } = headers;
  return fetch(`${link.mock.url}${path}`, { method: 'POST', headers: wire, body: bytes });
}

export async function act(link: MockLink, action: TestAction): Promise<TestActionOutcome> {
  const response = await post(link, '/v1/test/actions', action);
  if (response.status !== 200) throw new Error(`POST /v1/test/actions answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as TestActionOutcome;
}

/** Move the mock's clock forward (POST /v1/test/clock). */
export async function advance(link: MockLink, seconds: number): Promise<void> {
  const response = await post(link, '/v1/test/clock', { advanceSeconds: seconds });
  if (response.status !== 200) throw new Error(`POST /v1/test/clock answered ${response.status}: ${await response.text()}`);
}

/** Poll until `condition` holds; false when it did not within `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000, stepMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return condition();
}

/** A loopback port free now, for a server that must be told its port before it starts (or keep it after a restart). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
