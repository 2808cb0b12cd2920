// `npm run bench -- --smoke` still runs every figure's code (so that the bench does not rot between the runs on the
// reference machine) and writes the latest.json format with every figure. No value and no timing is judged here:
// benchmarks measure, tests check behaviour.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FIGURE_KEYS } from './figures.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecdx-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench -- --smoke', () => {
  it('measures every figure and writes each with its target and verdict', { timeout: 300_000 }, async () => {
    const out = join(dir, 'latest.json');
    await promisify(execFile)('npx', ['tsx', join(import.meta.dirname, 'run.ts'), '--smoke', '--out', out], {
      cwd: join(import.meta.dirname, '..'),
      maxBuffer: 16 * 1024 * 1024,
    });
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      smoke: boolean;
      failures: string[];
      figures: Record<string, { value: unknown; target: { op: string; bound: number }; met: unknown; error?: string }>;
    };
    expect(result.smoke).toBe(true);
    expect(result.failures).toEqual([]);
    expect(Object.keys(result.figures)).toEqual([...FIGURE_KEYS]);
    for (const [key, figure] of Object.entries(result.figures)) {
      expect(figure.error, key).toBeUndefined();
      expect(['>=', '<', '<='], key).toContain(figure.target.op);
      // A figure has a value and a verdict, or neither (a measure that has no value says why in its note).
      expect(typeof figure.value === 'number' ? typeof figure.met : figure.met, key).toBe(typeof figure.value === 'number' ? 'boolean' : null);
    }
  });
});
