// What the README says of `ecdx test` and of runConformance holds: a vendor copies these lines first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCS_URL } from '../conformance/reporters/index.ts';
import { TEST_HELP } from './test.ts';
import { VERIFY_REPORT_HELP } from './verify-report.ts';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
const milliseconds = (text: string | undefined): number => Number(text?.replaceAll('_', ''));

describe('the README', () => {
  it("runs runConformance in a test whose timeout outlasts the run's own deadline, and says how long a run takes", () => {
    const snippet = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).find((code) => code.includes('runConformance(')) ?? '';
    const timeout = milliseconds(/\{ timeout: ([\d_]+) \}/.exec(snippet)?.[1]);
    const deadline = milliseconds(/maxDurationMs: ([\d_]+)/.exec(snippet)?.[1]);
    // vitest's default of 5 s ends a run that takes about 35 s against the mock; the run's deadline must come first
    expect(deadline).toBeGreaterThanOrEqual(60_000);
    expect(timeout).toBeGreaterThan(deadline);
    expect(snippet).toMatch(/takes about \d+ s/);
  });

  it('says the target is the part before /v1, and names --docs-url with its default', () => {
    expect(readme).toMatch(/`--target` is your base URL: the part before `\/v1`/);
    expect(readme).toContain('`--docs-url URL`');
    expect(readme).toContain(DEFAULT_DOCS_URL);
    expect(TEST_HELP).toContain(`(default ${DEFAULT_DOCS_URL})`);
  });

  it('names the options of waivers, certification and sealing that the help documents, and verify-report', () => {
    for (const option of ['--waivers FILE', '--certify', '--sign-key FILE']) {
      expect(TEST_HELP).toContain(`  ${option}`);
      expect(readme).toContain(`\`${option}\``);
    }
    expect(readme).toContain('ecdx verify-report reports/report.json --public-key');
    expect(VERIFY_REPORT_HELP).toMatch(/^Usage: ecdx verify-report REPORT --public-key FILE/);
    expect(readme).toContain('`conformant-with-waivers`');
  });
});
