import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// `npm test` on CI's two cores, in two phases (decision 0061):
// 1. the matrix's shards (verify/verify-suite.shard-*.test.ts) alone, one per core: each keeps its core busy with
//    a hundred mock servers, and a third file beside them starved them (generated checks past their 2 min deadline,
//    answers past 10 s);
// 2. every other file, four at once and without a fresh module graph per file: most of them wait on sockets,
//    child processes and settle times, and re-importing the harness, the mock and TypeBox for each of two hundred
//    files cost more CPU than their tests.
const SHARDS = 'verify/verify-suite.shard-*.test.ts';
/** Files that replace a module with vi.mock: they need a module graph of their own. */
const MODULE_MOCKS = ['mocks/core/idempotency.test.ts'];

/**
 * The files known to take longest first (vitest knows no durations on a fresh checkout and goes by file size), so
 * that none of them starts last and runs alone at the end; the rest in vitest's order.
 */
const LONGEST = [
  'bench/smoke.test.ts',
  'scripts/package.test.ts',
  'verify/hostile/hostile.test.ts',
  'verify/report-leaks.test.ts',
  'cli/waivers.test.ts',
  'cli/mock.test.ts',
  'conformance/checks/push/delivery.test.ts',
  'verify/openapi-responses.test.ts',
  'verify/generated.test.ts',
  'scripts/generated.test.ts',
  'verify/monitor/restart.test.ts',
  'mocks/fuzz.test.ts',
  'conformance/checks/push/content.test.ts',
  'conformance/checks/client/client.test.ts',
  'conformance/checks/push/pending-pushes.test.ts',
];
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST.findIndex((path) => f.moduleId.endsWith(`/${path}`));
      return i < 0 ? LONGEST.length : i;
    };
    return sorted.sort((a, b) => rank(a) - rank(b)); // stable: the rest keep vitest's order
  }
}

// The per-area self-tests (verify/checks/) repeat, one area at a time, what the whole matrix (verify/verify-suite.test.ts)
// proves for every check and fault with the same expectations: they are for quick feedback while writing a check
// (`npm run verify:areas`), and stay out of `npm test`, which must fit CI's budget on two cores.
const areas = process.env['ECDX_AREA_TESTS'] === '1';
const ignored = ['node_modules/**', 'reports/**'];

const project = (name: string, test: TestProjectInlineConfiguration['test']): TestProjectInlineConfiguration => ({ extends: true, test: { name, ...test } });

export default defineConfig({
  // `ecdx/…` imported from inside the checkout (the msw example) resolves to the sources, not to a build.
  resolve: { conditions: ['ecdx-source'] },
  ssr: { resolve: { conditions: ['ecdx-source'], externalConditions: ['ecdx-source'] } },
  test: {
    testTimeout: 30_000,
    sequence: { sequencer: LongestFirst },
    projects: areas
      ? [project('areas', { include: ['verify/checks/**/*.test.ts'], exclude: ignored })]
      : [
          project('matrix', { include: [SHARDS], maxWorkers: 2, sequence: { groupOrder: 0 } }),
          project('shared', {
            include: ['**/*.test.ts'],
            exclude: [...ignored, 'verify/checks/**', SHARDS, ...MODULE_MOCKS],
            isolate: false,
            maxWorkers: 4,
            sequence: { groupOrder: 1 },
          }),
          project('isolated', { include: MODULE_MOCKS, maxWorkers: 4, sequence: { groupOrder: 1 } }),
        ],
  },
});
