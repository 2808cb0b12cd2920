// `ecdx test --waivers` and `--certify` end to end, against the mock with one fault (its claim is served signed):
// the waived failure passes the run and reads waived in every format; a certification run fails it and says the
// waiver was ignored; an expired, unknown or malformed waiver, and a filter under --certify, are usage errors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConformanceReport } from '../conformance/harness/report.ts';
import { utcDate } from '../conformance/harness/waivers.ts';
import { startMockServer, type MockServer } from '../mocks/server.ts';
import { runCli as run } from './test-support/run-cli.ts';

const FAILING = 'discovery/claim-served-unsigned';

const waiverYaml = (expires: string, check = FAILING) =>
  `- check: ${check}\n  justification: "Claim signing ships in release 4.2 (工单 1234)"\n  grantedBy: "ECDX certification desk (J. Doe)"\n  expires: "${expires}"\n`;

describe('ecdx test --waivers and --certify', () => {
  // A run moves the mock's test clock, so every run gets a mock of its own.
  let broken: MockServer;
  let dir: string;
  let waivers: string;
  beforeEach(async () => {
    broken = await startMockServer({ role: 'carrier', port: 0, faults: ['conformance-requires-signature'] });
  });
  afterEach(async () => {
    await broken.close();
  });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecdx-waivers-'));
    waivers = join(dir, 'waivers.yaml');
    writeFileSync(waivers, waiverYaml('2099-12-31'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const target = () => ['test', '--target', broken.url, '--role', 'carrier'];

  it('a waived failure does not fail the run, and reads waived with its justification in every format', async () => {
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    let result: Awaited<ReturnType<typeof run>>;
    try {
      result = await run([...target(), '--waivers', waivers, '--report-dir', join(dir, 'waived')]);
    } finally {
      write.mockRestore();
    }
    expect(result.code).toBe(0);
    const console = printed.join('');
    expect(console).toContain('Conformant with waivers — not a clean conformance verdict (1 waived result)');
    const report = JSON.parse(readFileSync(join(dir, 'waived', 'report.json'), 'utf8')) as ConformanceReport;
    expect(report.verdict).toBe('conformant-with-waivers');
    expect(report.conformant).toBe(false);
    const waived = report.results.find((r) => r.checkId === FAILING)!;
    expect(waived.status).toBe('waived');
    expect(waived.waiver?.waivedStatus).toBe('failed');
    expect(report.waivers).toMatchObject([{ check: FAILING, use: 'applied', checks: [FAILING] }]);
    const files = ['junit.xml', 'report.html', 'report.md'].map((f) => readFileSync(join(dir, 'waived', f), 'utf8'));
    for (const text of [console, ...files]) {
      expect(text).toContain('waived');
      expect(text).toMatch(/Claim signing ships in release 4\.2/);
      expect(text).toMatch(/ECDX certification desk \(J\. Doe\)/);
      expect(text).toContain('2099-12-31');
    }
  }, 60_000);

  it('--certify ignores the same waiver: the run fails, and the report says it certified and ignored it', async () => {
    const { code, out } = await run([...target(), '--waivers', waivers, '--certify', '--format', 'json,html', '--report-dir', join(dir, 'certified')]);
    expect(code).toBe(1);
    expect(out).toMatch(/^certification run: NOT conformant: /);
    const report = JSON.parse(readFileSync(join(dir, 'certified', 'report.json'), 'utf8')) as ConformanceReport;
    expect(report.certification).toBe(true);
    expect(report.results.find((r) => r.checkId === FAILING)?.status).toBe('failed');
    expect(report.waivers).toMatchObject([{ check: FAILING, use: 'ignored', checks: [FAILING] }]);
    const html = readFileSync(join(dir, 'certified', 'report.html'), 'utf8');
    expect(html).toContain('<dt>Certification</dt>');
    expect(html).toContain(`Waiver of check ${FAILING}`);
  }, 60_000);

  it('reads the waivers file from --config as well', async () => {
    const config = join(dir, 'ecdx.yaml');
    writeFileSync(config, `target: ${broken.url}\nrole: carrier\nwaivers: ${waivers}\nformat: json\nreport-dir: ${join(dir, 'config')}\n`);
    const { code, out } = await run(['test', '--config', config]);
    expect(code).toBe(0);
    expect(out).toMatch(/^conformant with waivers \(1 waived\), not a clean conformance verdict/);
  }, 60_000);

  it.each([
    [
      'an expired waiver',
      () => waiverYaml(utcDate(new Date(Date.now() - 86_400_000))),
      /^ecdx: the waiver of check discovery\/claim-served-unsigned expired on \d{4}-\d\d-\d\d/,
    ],
    ['a waiver of no check', () => waiverYaml('2099-12-31', 'discovery/nosuch'), /^ecdx: a waiver names check 'discovery\/nosuch', which is no check/],
    ['a malformed file', () => '- check: x\n  expires: soon\n', /^ecdx: --waivers .*: waiver 1 \(justification\) expected required property$/],
  ])('%s is a usage error: exit 2, one line', async (_, text, message) => {
    const file = join(dir, 'bad-waivers.yaml');
    writeFileSync(file, text());
    const { code, err } = await run([...target(), '--waivers', file, '--format', 'json', '--report-dir', join(dir, 'bad')]);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });

  it.each([
    [['--only', 'discovery'], /--only cannot narrow it/],
    [['--skip', 'discovery'], /--skip cannot narrow it/],
    [['--classes', 'core'], /--classes cannot narrow it/],
  ])('--certify with %j is a usage error', async (filter, message) => {
    const { code, err } = await run([...target(), '--certify', ...filter]);
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(message)]);
  });

  it('an unreadable waivers file is a usage error', async () => {
    const { code, err } = await run([...target(), '--waivers', join(dir, 'missing.yaml')]);
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(/^ecdx: cannot read --waivers .*missing\.yaml: ENOENT$/)]);
  });
});
