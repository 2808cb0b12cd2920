import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The matrix's shards first, on both workers, then everything else in vitest's order: they are the longest files by
 * far, and started last (vitest knows no durations on a fresh checkout and goes by file size) they leave a worker
 * idle at the end.
 */
class ShardsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isShard = (f: TestSpecification) => /verify-suite\.shard-\d+\.test\.ts$/.test(f.moduleId);
    return [...sorted.filter(isShard), ...sorted.filter((f) => !isShard(f))];
  }
}

// The per-area self-tests (verify/checks/) repeat, one area at a time, what the whole matrix (verify/verify-suite.test.ts)
// proves for every check and fault with the same expectations: they are for quick feedback while writing a check
// (`npm run verify:areas`), and stay out of `npm test`, which must fit CI's budget on two cores.
const areas = process.env['ECDX_AREA_TESTS'] === '1';

export default defineConfig({
  // `ecdx/…` imported from inside the checkout (the msw example) resolves to the sources, not to a build.
  resolve: { conditions: ['ecdx-source'] },
  ssr: { resolve: { conditions: ['ecdx-source'], externalConditions: ['ecdx-source'] } },
  test: {
    include: areas ? ['verify/checks/**/*.test.ts'] : ['**/*.test.ts'],
    exclude: ['node_modules/**', 'reports/**', ...(areas ? [] : ['verify/checks/**'])],
    testTimeout: 30_000,
    // Two files at once even on CI's two cores (vitest's default leaves one core idle): the longest files wait on
    // the mock's clock and sockets far more than they compute. Not three: the matrix shards already run a worker
    // thread per core each, and a third file starved them (checks past their 2 min deadline, answers past 10 s).
    maxWorkers: 2,
    sequence: { sequencer: ShardsFirst },
  },
});
