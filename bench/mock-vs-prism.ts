// mockVsPrism: the mock against Stoplight Prism mocking the same operation from spec/openapi.yaml, the signed
// events query of mockVsRaw. Prism checks no signature (it only sees that the headers are there), so it gets the
// same signed requests; mock and Prism are measured in alternating rounds of one run and each round gives a ratio.
import { startMockServer } from '../mocks/server.ts';
import { figure, type Figure } from './figures.ts';
import { runClient, type LoadPlan } from './load-client.ts';
import { seedShipment } from './mock-throughput.ts';
import { startPrism } from './prism.ts';
import { pairedRatio, type PairedRound } from './rounds.ts';

export async function measureMockVsPrism(smoke: boolean): Promise<{ mockVsPrism: Figure }> {
  // Prism serves about a tenth of the mock's rate: fewer requests for it keep its rounds as long as the mock's.
  const sizes = smoke ? { mock: 200, prism: 100, warmup: 50, rounds: 1 } : { mock: 10_000, prism: 2_000, warmup: 1_000, rounds: 5 };
  const server = await startMockServer({ port: 0, clockSpeed: 0 });
  const prism = await startPrism();
  try {
    const path = await seedShipment(server.mock, 'hmac-sha256');
    const now = server.mock.context.clock.now();
    const plan = (url: string, requests: number): LoadPlan => ({
      url,
      method: 'GET',
      path,
      now,
      algorithm: 'hmac-sha256',
      requests,
      connections: 4,
      pipelining: 16,
      timeLimitMs: 30_000,
    });
    const onPrism = (requests: number) => runClient(plan(prism.url, requests), prism.cpuSeconds);
    await runClient(plan(server.url, sizes.warmup));
    await onPrism(sizes.warmup);
    const rounds: PairedRound[] = [];
    for (let i = 0; i < sizes.rounds; i++) {
      const mock = await runClient(plan(server.url, sizes.mock));
      rounds.push({ mock, baseline: await onPrism(sizes.prism) });
    }
    const paired = pairedRatio(rounds, { baseline: 'Prism', mockRequests: sizes.mock, baselineRequests: sizes.prism, status: 200 });
    return {
      mockVsPrism: figure('mockVsPrism', paired.ratio, {
        rounds: paired.ratios,
        detail: {
          mockRequestsPerSecond: paired.mockRequestsPerSecond,
          prismRequestsPerSecond: paired.baselineRequestsPerSecond,
          perCpuSecondRatio: paired.perCpuSecondRatio,
          requestsPerRound: { mock: sizes.mock, prism: sizes.prism },
        },
      }),
    };
  } finally {
    await prism.close();
    await server.close();
  }
}
