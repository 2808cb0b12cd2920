// `redocly lint` must report nothing at all: neither errors nor warnings.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('OpenAPI document', () => {
  it('passes redocly lint with no error and no warning', () => {
    let output = '';
    let failed = false;
    try {
      output = execFileSync('npx', ['redocly', 'lint', 'spec/openapi.yaml', '--format=json'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      failed = true;
      output = String((error as { stdout?: string }).stdout ?? '');
    }
    const json = output.slice(output.indexOf('{'));
    const report = JSON.parse(json) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string; location: { pointer?: string }[] }[];
    };
    const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(failed).toBe(false);
  }, 60_000);
});
