// mockVsRaw and mockVsRawEd25519: the mock's rate on the signed events query against raw node:http answering the
// same bytes, with hmac-sha256 and with ed25519, every round measuring raw and both algorithms (mock-throughput.ts).
// Beside the ed25519 figure, its ceiling (ed25519-ceiling.ts, decision 0043): the best ratio a server verifying
// ed25519 on its event loop can reach on this machine, from the cost of one crypto.verify and of raw node:http's request.
import { measureEd25519Ceiling } from './ed25519-ceiling.ts';
import { figure, type Figure } from './figures.ts';
import { loadProblems } from './load-client.ts';
import { defaultThroughputOptions, measureThroughput } from './mock-throughput.ts';

export async function measureMockVsRaw(smoke: boolean): Promise<{ mockVsRaw: Figure; mockVsRawEd25519: Figure }> {
  const options = smoke
    ? { ...defaultThroughputOptions, requests: 200, warmup: 100, rounds: 1, comparisonRequests: 100 }
    : { ...defaultThroughputOptions, requests: 10_000, algorithm: 'hmac-sha256' as const };
  const report = await measureThroughput(options);
  const problems = report.rounds.flatMap((round, i) => [
    ...loadProblems(`raw, round ${i + 1}`, round.raw, options.requests, 200),
    ...loadProblems(`mock, round ${i + 1}`, round.mock, options.requests, 200),
    ...loadProblems(`mock ed25519, round ${i + 1}`, round.other, options.comparisonRequests, 200),
  ]);
  if (Object.keys(report.msw.statuses).some((s) => s !== '200')) problems.push(`msw: answers other than 200`);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const ceiling = await measureEd25519Ceiling(smoke ? { rounds: 1, verifies: 50, requests: 200 } : {});
  const rate = (n: number) => Math.round(n);
  const medianOf = (pick: (r: (typeof report.rounds)[number]) => number) =>
    rate([...report.rounds.map(pick)].sort((a, b) => a - b)[Math.floor(report.rounds.length / 2)]!);
  return {
    mockVsRaw: figure('mockVsRaw', report.ratio, {
      rounds: report.rounds.map((r) => r.ratio),
      detail: {
        rawRequestsPerSecond: medianOf((r) => r.raw.requestsPerSecond),
        mockRequestsPerSecond: medianOf((r) => r.mock.requestsPerSecond),
        perCpuSecondRatio: report.cpuRatio,
        requestsPerRound: options.requests,
        mswMicrosecondsPerRequest: Math.round(report.msw.microsecondsPerRequest),
      },
    }),
    mockVsRawEd25519: figure('mockVsRawEd25519', report.otherAlgorithm.ratio, {
      rounds: report.rounds.map((r) => r.otherRatio),
      detail: {
        mockRequestsPerSecond: medianOf((r) => r.other.requestsPerSecond),
        perCpuSecondRatio: report.otherAlgorithm.cpuRatio,
        requestsPerRound: options.comparisonRequests,
        ceiling,
      },
    }),
  };
}
