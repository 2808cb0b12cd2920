// The whole matrix in `npm test`, cut into shards that vitest runs side by side on CI's two cores: the matrix runs
// every mock in the test's own process, so one file keeps one core busy while the other idles. Each shard takes its
// part of the catalogue (a mix of both roles) and runs the clean baseline too, which it needs to tell a fault's
// failures from the mock's. Together the shards cover the catalogue; the test of the published matrix
// (verify-suite.test.ts) holds them to it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../conformance/checks/index.ts';
import { faults, type FaultName } from '../mocks/faults/index.ts';
import { verifySuite } from './verify-suite.ts';
import { problemsOf, type DetectionMatrix } from './verify.ts';

// The runs wait on the mock far more than they compute (a whole matrix takes a few CPU-minutes): many at once.
const PARALLEL = Number(process.env['ECDX_VERIFY_PARALLEL'] ?? 32);
/** Every accepted push answered after 16 s: its run takes a minute on a few checks, and must not start last. */
const WAITING: readonly FaultName[] = ['platform-slow-acknowledgement'];

/**
 * How many checks each fault ran, over its roles, in the published matrix (docs/detection-matrix.json): a run's time
 * follows the checks it runs, and they range from none to the whole suite. A fault the published matrix does not
 * know yet weighs as much as the average one.
 */
function publishedWeights(): Map<string, number> {
  const published = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'docs', 'detection-matrix.json'), 'utf8')) as DetectionMatrix;
  return new Map(published.faults.map((f) => [f.fault, f.runs.reduce((sum, run) => sum + (run.ran ?? run.results), 0)]));
}

/**
 * The faults of shard `index` (1-based) of `count`: the heaviest fault first, each to the shard that holds the
 * least weight so far (ties to the lower shard), so that the shards end together rather than one core idling while
 * the other finishes. Deterministic: every shard computes the same split from the committed matrix.
 */
export function faultsOfShard(index: number, count: number): FaultName[] {
  const weights = publishedWeights();
  const known = [...weights.values()];
  const average = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const weight = (name: string) => weights.get(name) ?? average;
  const names = faults.map((f) => f.name).sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
  const load = new Array<number>(count).fill(0);
  const shardOf = new Map<FaultName, number>();
  for (const name of names) {
    const lightest = load.indexOf(Math.min(...load));
    shardOf.set(name, lightest);
    load[lightest]! += weight(name);
  }
  return names.filter((name) => shardOf.get(name) === index - 1).sort();
}

export function describeMatrixShard(index: number, count: number): void {
  describe(`the suite against the reference mock and each of its faults (shard ${index} of ${count})`, () => {
    it('passes the mock, detects every fault, and fails nothing else', async () => {
      const matrix = await verifySuite({ parallel: PARALLEL, faults: faultsOfShard(index, count), startFirst: WAITING });
      expect(matrix.baseline.map((b) => ({ role: b.role, failed: b.failed, errors: b.errors, blocked: b.blocked }))).toEqual([
        { role: 'carrier', failed: [], errors: [], blocked: [] },
        { role: 'platform', failed: [], errors: [], blocked: [] },
      ]);
      const problems = matrix.faults
        .filter((f) => !f.detected || f.falseFailures.length > 0)
        .map((f) => `${f.fault} [${f.requirements.join(', ')}]: ${f.detected ? '' : 'not detected; '}${f.falseFailures.join(', ')}`);
      expect(problems).toEqual([]);
      // Stricter than the published matrix: in every role a fault concerns, exactly its requirements fail (the
      // per-area runs in verify/checks/, `npm run verify:areas`, also hold each area's blocked checks to MAY_BLOCK).
      expect(problemsOf(matrix, checks, { anyBlocks: true })).toEqual([]);
    }, 540_000);
  });
}
