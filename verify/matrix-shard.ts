// The whole matrix in `npm test`, cut into shards that vitest runs side by side on CI's two cores: the matrix runs
// every mock in the test's own process, so one file keeps one core busy while the other idles. Each shard takes
// every n-th fault of the catalogue by name (a mix of both roles) and runs the clean baseline too, which it needs to
// tell a fault's failures from the mock's. Together the shards cover the catalogue; the test of the published
// matrix (verify-suite.test.ts) holds them to it.
import { describe, expect, it } from 'vitest';
import { checks } from '../conformance/checks/index.ts';
import { faults, type FaultName } from '../mocks/faults/index.ts';
import { verifySuite } from './verify-suite.ts';
import { problemsOf } from './verify.ts';

// The runs wait on the mock far more than they compute (a whole matrix takes a few CPU-minutes): many at once.
const PARALLEL = Number(process.env['ECDX_VERIFY_PARALLEL'] ?? 32);

/** The faults of shard `index` (1-based) of `count`. */
export function faultsOfShard(index: number, count: number): FaultName[] {
  const names = faults.map((f) => f.name).sort();
  return names.filter((_, i) => i % count === index - 1);
}

export function describeMatrixShard(index: number, count: number): void {
  describe(`the suite against the reference mock and each of its faults (shard ${index} of ${count})`, () => {
    it('passes the mock, detects every fault, and fails nothing else', async () => {
      const matrix = await verifySuite({ parallel: PARALLEL, faults: faultsOfShard(index, count) });
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
