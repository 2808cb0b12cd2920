// The suite tests itself (issue: every check must be able to fail): against the reference mock every MUST check
// passes; against the mock with each fault alone, exactly that fault's requirements fail. The published detection
// matrix (docs/detection-matrix.json, written by `npm run verify-suite`) must describe the current fault catalogue.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faults } from '../mocks/faults/index.ts';
import { checks } from '../conformance/checks/index.ts';
import { verifySuite, type DetectionMatrix } from './verify-suite.ts';
import { problemsOf } from './verify.ts';

// The runs wait on the mock far more than they compute (a whole matrix takes under 2 CPU-minutes): many at once.
const PARALLEL = Number(process.env['ECDX_VERIFY_PARALLEL'] ?? 32);

describe('the suite against the reference mock and each of its faults', () => {
  it('passes the mock, detects every fault, and fails nothing else', async () => {
    const matrix = await verifySuite({ parallel: PARALLEL });
    expect(matrix.baseline.map((b) => ({ role: b.role, failed: b.failed, errors: b.errors, blocked: b.blocked }))).toEqual([
      { role: 'carrier', failed: [], errors: [], blocked: [] },
      { role: 'platform', failed: [], errors: [], blocked: [] },
    ]);
    const problems = matrix.faults
      .filter((f) => !f.detected || f.falseFailures.length > 0)
      .map((f) => `${f.fault} [${f.requirements.join(', ')}]: ${f.detected ? '' : 'not detected; '}${f.falseFailures.join(', ')}`);
    expect(problems).toEqual([]);
    // Stricter than the published matrix: in every role a fault concerns, exactly its requirements fail (the per-area
    // runs in verify/checks/, `npm run verify:areas`, also hold each area's blocked checks to MAY_BLOCK).
    expect(problemsOf(matrix, checks, { anyBlocks: true })).toEqual([]);
  }, 540_000);

  it('publishes a detection matrix for the current fault catalogue', () => {
    const file = join(import.meta.dirname, '..', 'docs', 'detection-matrix.json');
    expect(existsSync(file), 'docs/detection-matrix.json exists (npm run verify-suite)').toBe(true);
    const published = JSON.parse(readFileSync(file, 'utf8')) as DetectionMatrix;
    const current = faults.map((f) => ({ fault: f.name, requirements: f.requirements })).sort((a, b) => a.fault.localeCompare(b.fault));
    const listed = published.faults.map((f) => ({ fault: f.fault, requirements: f.requirements })).sort((a, b) => a.fault.localeCompare(b.fault));
    expect(listed, 'docs/detection-matrix.json is stale: run npm run verify-suite').toEqual(current);
  });
});
