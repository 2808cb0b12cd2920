// For the check files' own tests: run a set of checks against a fresh reference mock with some faults switched on,
// and read which requirements failed.
import type { FaultName } from '../mocks/faults/index.ts';
import { startMockServer } from '../mocks/server.ts';
import type { Check } from '../conformance/harness/check.ts';
import type { CheckResult } from '../conformance/harness/report.ts';
import { runConformance } from '../conformance/index.ts';

export async function runChecksAgainstMock(
  role: 'carrier' | 'platform',
  checks: readonly Check[],
  faults: readonly FaultName[],
  concurrency = 6,
): Promise<CheckResult[]> {
  const server = await startMockServer({ role, port: 0, faults });
  try {
    return (await runConformance({ target: server.url, role, checks, concurrency })).results;
  } finally {
    await server.close();
  }
}

/** The requirements of failed and warning results, as the detection matrix counts them. */
export const failedRequirements = (results: readonly CheckResult[]): string[] =>
  [...new Set(results.filter((r) => r.status === 'failed' || r.status === 'warning').flatMap((r) => r.failedRequirementIds ?? []))].sort();

/** `work` over `items`, at most `size` at a time, results in the order of `items`. */
export async function pool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}
