// `ecdx test`: misuse is one line and exit code 2; a run writes the reports and exits 0 or 1 by the verdict.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../mocks/server.ts';
import { main } from './main.ts';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err };
}

describe('ecdx test', () => {
  let carrier: MockServer;
  let broken: MockServer;
  let dir: string;
  beforeAll(async () => {
    carrier = await startMockServer({ role: 'carrier', port: 0 });
    broken = await startMockServer({ role: 'carrier', port: 0, faults: ['conformance-requires-signature'] });
    dir = mkdtempSync(join(tmpdir(), 'ecdx-test-cmd-'));
  });
  afterAll(async () => {
    await carrier.close();
    await broken.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [['test'], /--target/],
    [['test', '--target', 'http://127.0.0.1:1'], /--role/],
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'courier'], /--role must be carrier or platform/],
    [['test', '--target', 'http://carrier.example.cn', '--role', 'carrier'], /plain http/],
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--format', 'pdf'], /unknown --format/],
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--timeout', 'soon'], /--timeout/],
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--key-id', 'k'], /--key-file or --key-env/],
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--key-id', 'k', '--key-env', 'ECDX_NO_SUCH_VARIABLE'], /is empty or not set/],
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--classes', 'everything'], /unknown class/],
    [['test', '--frobnicate'], /frobnicate/],
  ])('%j is a usage error', async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });

  it('reads its options from a config file and writes the reports', async () => {
    const config = join(dir, 'ecdx.yaml');
    writeFileSync(config, `target: ${carrier.url}\nrole: carrier\nclasses: core\nformat: [json, junit, md]\nreport-dir: ${join(dir, 'ok')}\n`);
    const { code, out } = await run(['test', '--config', config]);
    expect(code).toBe(0);
    expect(out).toMatch(/^partial run \(passed\), not a conformance verdict/);
    const report = JSON.parse(readFileSync(join(dir, 'ok', 'report.json'), 'utf8')) as { classes: string[]; results: unknown[] };
    expect(report.classes).toEqual(['core']);
    expect(existsSync(join(dir, 'ok', 'junit.xml'))).toBe(true);
    expect(existsSync(join(dir, 'ok', 'report.md'))).toBe(true);
  }, 60_000);

  it('exits 1 when a MUST check fails', async () => {
    const { code, out } = await run([
      'test',
      '--target',
      broken.url,
      '--role',
      'carrier',
      '--classes',
      'core',
      '--format',
      'json',
      '--report-dir',
      join(dir, 'bad'),
    ]);
    expect(code).toBe(1);
    expect(out).toMatch(/^partial run \(FAILED\), not a conformance verdict/);
  }, 60_000);

  it('refuses key material in a config file', async () => {
    const config = join(dir, 'secret.json');
    writeFileSync(config, JSON.stringify({ target: carrier.url, role: 'carrier', key: 'c2VjcmV0' }));
    const { code, err } = await run(['test', '--config', config]);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/key material does not go in a config file/);
  });
});
