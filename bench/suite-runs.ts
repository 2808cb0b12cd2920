// startSeconds and rtt50CarrierSeconds: whole conformance runs against the reference mock, timed from the outside.
// startSeconds is what `npm start` does (scripts/start.ts: both roles, one after the other, each against a mock
// started in-process on a free port) without writing the reports; rtt50CarrierSeconds is the carrier run with the
// mock 50 ms away: the harness reaches it through one latency proxy, and the mock's pushes reach the harness's
// receiver through another, 25 ms each way on both.
import { runConformance, type ConformanceReport } from '../conformance/index.ts';
import { startMockServer } from '../mocks/server.ts';
import { PARTY_ROLES, type PartyRole } from '../schemas/src/index.ts';
import { figure, type Figure } from './figures.ts';
import { startLatencyProxy } from './latency-proxy.ts';
import { freePort } from './ports.ts';
import { timedRounds } from './rounds.ts';

/** The checks a smoke run keeps: enough to exercise the code, not the suite. */
export const SMOKE_CHECKS = ['discovery', 'health'] as const;
/** A smoke RTT run also takes one push check, so that a push goes through the receiver's proxy. */
const SMOKE_RTT_CHECKS = [...SMOKE_CHECKS, 'push/2xx-ends-delivery'] as const;
const ONE_WAY_MS = 25;

/** CPU seconds (user + system) of this process since `from`: harness and mock together, against the wall time. */
const cpuSecondsSince = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

/** The run's verdict and counts, and which checks did not pass (a slow target must not cost a check its verdict). */
const outcome = (report: ConformanceReport) => ({
  conformant: report.conformant,
  ...report.summary,
  notPassed: report.results
    .filter((r) => r.status !== 'passed' && r.status !== 'skipped')
    .slice(0, 10)
    .map((r) => `${r.checkId}: ${r.status}: ${r.message.slice(0, 200)}`),
});

async function runAgainstInProcessMock(role: PartyRole, only: readonly string[] | undefined): Promise<ConformanceReport> {
  const server = await startMockServer({ role, port: 0, host: '127.0.0.1' });
  try {
    return await runConformance({ target: server.url, role, ...(only ? { only } : {}) });
  } finally {
    await server.close();
  }
}

export async function measureStart(smoke: boolean): Promise<{ startSeconds: Figure }> {
  const only = smoke ? SMOKE_CHECKS : undefined;
  const timed = await timedRounds(smoke ? 1 : 3, 30, async () => {
    const byRole: Record<string, ReturnType<typeof outcome> & { seconds: number; cpuSeconds: number }> = {};
    for (const role of PARTY_ROLES) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const report = await runAgainstInProcessMock(role, only);
      byRole[role] = { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsSince(cpu), ...outcome(report) };
    }
    return byRole;
  });
  return { startSeconds: figure('startSeconds', timed.median, { rounds: timed.seconds, detail: { byRole: timed.results } }) };
}

export async function measureRtt50(smoke: boolean): Promise<{ rtt50CarrierSeconds: Figure }> {
  const only = smoke ? SMOKE_RTT_CHECKS : undefined;
  const timed = await timedRounds(smoke ? 1 : 3, 40, async () => {
    // The mock verifies signatures against the origin its clients sign for: the proxy's, chosen before either starts.
    const targetPort = await freePort();
    const receiverPort = await freePort();
    const server = await startMockServer({ role: 'carrier', port: 0, host: '127.0.0.1', publicOrigin: `http://127.0.0.1:${targetPort}` });
    const toMock = await startLatencyProxy({ target: { port: Number(new URL(server.url).port) }, port: targetPort, oneWayMs: ONE_WAY_MS });
    const toReceiver = await startLatencyProxy({ target: { port: receiverPort }, oneWayMs: ONE_WAY_MS });
    try {
      const cpu = process.cpuUsage();
      const report = await runConformance({
        target: toMock.url,
        role: 'carrier',
        callbackPort: receiverPort,
        callbackUrl: toReceiver.url,
        ...(only ? { only } : {}),
      });
      const through = { toMock: toMock.stats(), toReceiver: toReceiver.stats() };
      // A run whose pushes bypassed the proxy would measure nothing of the push path's round trips, and one whose
      // connections the proxy refused would time the harness's errors, not its checks.
      if (through.toReceiver.accepted === 0) throw new Error('no push reached the receiver through its latency proxy');
      const refused = through.toMock.refused + through.toReceiver.refused;
      if (refused > 0) throw new Error(`the latency proxies refused ${refused} connections (maxConnections)`);
      return {
        ...outcome(report),
        cpuSeconds: cpuSecondsSince(cpu),
        connections: { toMock: through.toMock.accepted, toReceiver: through.toReceiver.accepted },
      };
    } finally {
      await toReceiver.close();
      await toMock.close();
      await server.close();
    }
  });
  return {
    rtt50CarrierSeconds: figure('rtt50CarrierSeconds', timed.median, {
      rounds: timed.seconds,
      detail: { oneWayMs: ONE_WAY_MS, runs: timed.results, ...(smoke ? { only } : {}) },
    }),
  };
}
