// `npm run bench`: the mock's throughput against raw node:http, with the other signature algorithm and msw's
// in-process path for comparison. Exits 1 when the mock serves less than half of raw node:http's requests per
// second (the target) or a measured request was not answered 200. See bench/README.md.
//   --requests N         requests per measured run (default 20000)
//   --alg ALG            hmac-sha256 (default) or ed25519: the algorithm the target is measured with
//   --json               print the whole report as JSON
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isSignatureAlgorithm } from '../protocol/index.ts';
import { defaultThroughputOptions, measureThroughput, type LoadResult, type ThroughputReport } from './mock-throughput.ts';

/** The mock must serve at least this share of raw node:http's requests per second. */
export const TARGET_RATIO = 0.5;

const { values } = parseArgs({ options: { requests: { type: 'string' }, alg: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
const requests = values.requests === undefined ? defaultThroughputOptions.requests : Number(values.requests);
if (!Number.isInteger(requests) || requests < 100 || requests > 1_000_000) {
  console.error('bench: --requests needs an integer from 100 to 1000000');
  process.exit(2);
}
const algorithm = values.alg ?? defaultThroughputOptions.algorithm;
if (!isSignatureAlgorithm(algorithm)) {
  console.error('bench: --alg is hmac-sha256 or ed25519');
  process.exit(2);
}

const report = await measureThroughput({ ...defaultThroughputOptions, requests, algorithm });
const baseline = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as { ratio?: number; otherAlgorithmRatio?: number };
const failures = verdict(report);

if (values.json) {
  console.log(JSON.stringify({ ...report, target: TARGET_RATIO, failures }, null, 2));
} else {
  const { options } = report;
  const rate = (r: LoadResult) =>
    `${Math.round(r.requestsPerSecond).toString().padStart(6)} req/s (${Math.round(r.requestsPerCpuSecond).toString().padStart(6)} per CPU s)`;
  console.log(`signed GET ${report.path.replace(/\/shipments\/[^/]+\//, '/shipments/{waybillNo}/')} over loopback`);
  console.log(`${options.requests} requests a run, ${options.connections} connections × ${options.pipelining} pipelined, signed ${options.algorithm}`);
  report.rounds.forEach((round, i) => {
    console.log(
      `  round ${i + 1}: raw node:http ${rate(round.raw)}   ecdx mock ${rate(round.mock)}   ratio ${round.ratio.toFixed(2)} (CPU ${round.cpuRatio.toFixed(2)})`,
    );
  });
  const other = report.otherAlgorithm;
  console.log(
    `  ecdx mock signed ${other.algorithm}: ${rate(other.mock)}   ratio ${other.ratio.toFixed(2)} (CPU ${other.cpuRatio.toFixed(2)}; ${options.comparisonRequests} requests, for comparison)`,
  );
  console.log(
    `  msw getResponse in-process: ${Math.round(report.msw.requestsPerSecond)} req/s, ${report.msw.microsecondsPerRequest.toFixed(0)} µs a request (for comparison)`,
  );
  const against = baseline.ratio === undefined ? '' : `; baseline ${baseline.ratio}`;
  console.log(
    `ratio mock / raw (median of ${report.rounds.length}): ${report.ratio.toFixed(2)}, per CPU second ${report.cpuRatio.toFixed(2)} — target ≥ ${TARGET_RATIO}${against}`,
  );
  for (const failure of failures) console.error(`FAIL: ${failure}`);
}
process.exitCode = failures.length > 0 ? 1 : 0;

function verdict(r: ThroughputReport): string[] {
  const failures: string[] = [];
  if (r.ratio < TARGET_RATIO) failures.push(`the mock serves ${r.ratio.toFixed(2)} of raw node:http's rate; the target is ${TARGET_RATIO}`);
  const runs: [string, LoadResult, number][] = [
    ...r.rounds.flatMap((round, i): [string, LoadResult, number][] => [
      [`raw, round ${i + 1}`, round.raw, r.options.requests],
      [`mock, round ${i + 1}`, round.mock, r.options.requests],
    ]),
    [`mock, ${r.otherAlgorithm.algorithm}`, r.otherAlgorithm.mock, r.options.comparisonRequests],
  ];
  for (const [name, result, expected] of runs) {
    if (result.answered !== expected) failures.push(`${name}: ${result.answered} of ${expected} requests answered within ${r.options.timeLimitMs} ms`);
    if (Object.keys(result.statuses).some((s) => s !== '200')) failures.push(`${name}: answers other than 200: ${statuses(result.statuses)}`);
  }
  if (Object.keys(r.msw.statuses).some((s) => s !== '200')) failures.push(`msw: answers other than 200: ${statuses(r.msw.statuses)}`);
  return failures;
}

function statuses(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
}
