// The suite tests itself (issue: every check must be able to fail): against the reference mock every MUST check
// passes; against the mock with each fault alone, exactly that fault's requirements fail (the shards,
// verify-suite.shard-*.test.ts, run it). The published detection matrix (docs/detection-matrix.json, written by
// `npm run verify-suite`) must describe the current fault catalogue.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faults } from '../mocks/faults/index.ts';
import { faultsOfShard } from './matrix-shard.ts';
import type { DetectionMatrix } from './verify-suite.ts';

describe('the published detection matrix', () => {
  it('publishes a detection matrix for the current fault catalogue', () => {
    const file = join(import.meta.dirname, '..', 'docs', 'detection-matrix.json');
    expect(existsSync(file), 'docs/detection-matrix.json exists (npm run verify-suite)').toBe(true);
    const published = JSON.parse(readFileSync(file, 'utf8')) as DetectionMatrix;
    const current = faults.map((f) => ({ fault: f.name, requirements: f.requirements })).sort((a, b) => a.fault.localeCompare(b.fault));
    const listed = published.faults.map((f) => ({ fault: f.fault, requirements: f.requirements })).sort((a, b) => a.fault.localeCompare(b.fault));
    expect(listed, 'docs/detection-matrix.json is stale: run npm run verify-suite').toEqual(current);
  });

  it('is run whole in npm test: the shards (verify-suite.shard-*.test.ts) take every fault once', () => {
    const sharded = [1, 2].flatMap((i) => faultsOfShard(i, 2)).sort();
    expect(sharded).toEqual(faults.map((f) => f.name).sort());
  });
});
