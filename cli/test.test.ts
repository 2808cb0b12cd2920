// `ecdx test`: misuse is one line and exit code 2; a run writes the reports and exits 0 or 1 by the verdict.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceReport } from '../conformance/harness/report.ts';
import { mdText } from '../conformance/reporters/markdown.ts';
import { escapeHtml } from '../conformance/reporters/shared.ts';
import { startMockServer, type MockServer } from '../mocks/server.ts';
import { CHECK_TITLES_ZH } from '../conformance/i18n/index.ts';
import { requirementById } from '../spec/registry.ts';
import { runCli as run } from './test-support/run-cli.ts';
import { DEMO_PLATFORM_KEYID, DEMO_PLATFORM_PUBLIC_KEY_PEM } from '../protocol/index.ts';
import { parseTestArguments } from './test.ts';

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
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'platform', '--target-key-id', 'k'], /^ecdx: --target-key-id and --target-key-file go together$/],
    [
      ['test', '--target', 'http://127.0.0.1:1', '--role', 'platform', '--target-key-id', 'k', '--target-key-file', '/nonexistent/key.pem'],
      /^ecdx: cannot read --target-key-file \/nonexistent\/key\.pem: ENOENT$/,
    ],
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'platform', '--counterparty-port', 'x'], /--counterparty-port/],
    [
      ['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--only', 'nosuch-check'],
      /^ecdx: --only 'nosuch-check' names no check, requirement or area$/,
    ],
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--skip', 'discovery/nosuch'], /^ecdx: --skip 'discovery\/nosuch' names no check/],
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--max-duration', 'soon'], /--max-duration must be a duration/],
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--timeout', '0s'], /--timeout must be a duration/],
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--max-response-size', '0.5'], /--max-response-size must be a number of MiB from 1 to 64/],
    [
      ['test', '--target', 'https://carrier.example/v1', '--role', 'carrier'],
      /^ecdx: --target https:\/\/carrier\.example\/v1 ends in \/v1: drop it \(--target https:\/\/carrier\.example\)/,
    ],
    [
      ['test', '--target', 'https://carrier.example/ecdx/v1/', '--role', 'carrier'],
      /drop it \(--target https:\/\/carrier\.example\/ecdx\); the target is the part before \/v1/,
    ],
    [
      ['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--docs-url', 'docs/spec.html'],
      /^ecdx: --docs-url 'docs\/spec\.html' leads to no file from the report directory/,
    ],
    [
      ['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--docs-url', 'javascript:alert(1)'],
      /^ecdx: --docs-url 'javascript:alert\(1\)' must be an http\(s\) URL/,
    ],
    [['test', '--target', 'http://127.0.0.1:1', '--role', 'carrier', '--lang', 'fr'], /^ecdx: --lang must be en or zh-Hans, not 'fr'$/],
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

  it('exits 1 when a MUST check fails, and the report says what the requirement says, linked where --docs-url says', async () => {
    const docsUrl = 'https://docs.example.test/ecdx/spec.html';
    const { code, out } = await run([
      'test',
      '--target',
      broken.url,
      '--role',
      'carrier',
      '--classes',
      'core',
      '--format',
      'json,md',
      '--report-dir',
      join(dir, 'bad'),
      '--docs-url',
      docsUrl,
      '--lang',
      'en',
    ]);
    expect(code).toBe(1);
    expect(out).toMatch(/^partial run \(FAILED\), not a conformance verdict/);
    const md = readFileSync(join(dir, 'bad', 'report.md'), 'utf8');
    const report = JSON.parse(readFileSync(join(dir, 'bad', 'report.json'), 'utf8')) as ConformanceReport;
    const failed = report.results.find((r) => r.status === 'failed')!;
    const id = failed.requirementIds[0]!;
    expect(md).toContain(`[${id}](${docsUrl}#${id}) ${requirementById(id)!.level}: ${mdText(requirementById(id)!.text.en)}`);
    expect(md).not.toContain('https://ecdx.dev/spec/');
  }, 60_000);

  it('writes the HTML and Markdown reports in Chinese with --lang zh-Hans: the failure reads in Chinese', async () => {
    const out = join(dir, 'zh');
    const { code, out: printed } = await run([
      'test',
      '--target',
      broken.url,
      '--role',
      'carrier',
      '--only',
      'discovery',
      '--format',
      'json,md,html',
      '--report-dir',
      out,
      '--lang',
      'zh-Hans',
    ]);
    expect(code).toBe(1);
    // Without console output, the one line of result is in Chinese too; the counts stay JSON for scripts.
    expect(printed).toMatch(/^部分运行（已运行部分未通过），不构成一致性结论：\{"passed":\d+,.*\}；报告：/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ConformanceReport;
    const failed = report.results.find((r) => r.status === 'failed')!;
    expect(failed).toBeDefined();
    const zhTitle = CHECK_TITLES_ZH[failed.checkId]!;
    const requirement = requirementById(failed.requirementIds[0]!)!;
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md.startsWith('# ECDX 一致性测试报告\n')).toBe(true);
    const failures = md.slice(md.indexOf('## 未通过的检查'));
    expect(md.indexOf('## 未通过的检查')).toBeGreaterThan(0);
    expect(failures).toContain(`### ✘ 未通过: \`${failed.checkId}\``);
    expect(failures).toContain(`**${mdText(zhTitle)}** (${mdText(failed.title)})`);
    expect(failures).toContain(`${requirement.level}: ${mdText(requirement.text['zh-Hans'])}\\\n  ${mdText(requirement.text.en)}`);
    // The failure reads in Chinese, the English as the check wrote it under it.
    const zhMessage = failed.translations?.['zh-Hans']?.message;
    expect(zhMessage).toMatch(/[\u4e00-\u9fff]/);
    expect(failures).toContain(`> ${mdText(zhMessage!)}\\\n> ${mdText(failed.message)}`);
    expect(failures).not.toContain('原文：');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="zh-Hans">');
    expect(html).toContain('<h1>ECDX 一致性测试报告</h1>');
    expect(html).toContain(`>${escapeHtml(zhTitle)}</div>`);
    expect(html).toContain(`<dd lang="zh-Hans">${escapeHtml(requirement.text['zh-Hans'])}</dd><dd lang="en">`);
    // JSON keeps its stable ids in every language: the same check id and English title as written by the check.
    expect(failed.title).not.toBe(zhTitle);
  }, 60_000);

  it('takes the language from --lang, then the config file, then the locale, else English', () => {
    const base = ['--target', 'http://127.0.0.1:1', '--role', 'carrier'];
    const lang = (argv: string[], env: Record<string, string | undefined>) => {
      const parsed = parseTestArguments(argv, env);
      if (parsed.help) throw new Error('not a run');
      return parsed.lang;
    };
    expect(lang(base, {})).toBe('en');
    expect(lang(base, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(lang(base, { LANG: 'zh_CN.UTF-8' })).toBe('zh-Hans');
    expect(lang(base, { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(lang(base, { LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('zh-Hans');
    expect(lang([...base, '--lang', 'zh-Hans'], { LANG: 'en_US.UTF-8' })).toBe('zh-Hans');
    expect(lang([...base, '--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    const config = join(dir, 'lang.yaml');
    writeFileSync(config, 'lang: zh-Hans\n');
    expect(lang([...base, '--config', config], {})).toBe('zh-Hans');
    expect(lang([...base, '--config', config, '--lang', 'en'], {})).toBe('en');
    writeFileSync(config, 'lang: zh-CN\n');
    expect(() => lang([...base, '--config', config], {})).toThrow(/--lang must be en or zh-Hans, not 'zh-CN'/);
  });

  it('runs the checks of an area named with --only, as a partial run', async () => {
    const { code, out } = await run([
      'test',
      '--target',
      carrier.url,
      '--role',
      'carrier',
      '--only',
      'discovery',
      '--format',
      'json',
      '--report-dir',
      join(dir, 'area'),
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/^partial run \(passed\), not a conformance verdict/);
    const report = JSON.parse(readFileSync(join(dir, 'area', 'report.json'), 'utf8')) as { results: { checkId: string }[] };
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results.every((r) => r.checkId.startsWith('discovery/'))).toBe(true);
  }, 60_000);

  it('exits 1 and says so when no check was executed', async () => {
    const { code, out, err } = await run([
      'test',
      '--target',
      carrier.url,
      '--role',
      'carrier',
      '--only',
      'ECDX-CNF-003',
      '--format',
      'json',
      '--report-dir',
      join(dir, 'none'),
    ]);
    expect(code).toBe(1);
    expect(out).toMatch(/^no check was executed, so this run is no verdict/);
    expect(err).toEqual(['ecdx: no check was executed (--only ECDX-CNF-003 selects no check of a carrier target): nothing was tested']);
  });

  it('ends a run against a target that never answers at --max-duration, and writes the reports', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const started = Date.now();
      const { code } = await run([
        'test',
        '--target',
        url,
        '--role',
        'carrier',
        '--max-duration',
        '1.5s',
        '--timeout',
        '10',
        '--format',
        'json,junit',
        '--report-dir',
        join(dir, 'silent'),
      ]);
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(code).toBe(1);
      const report = JSON.parse(readFileSync(join(dir, 'silent', 'report.json'), 'utf8')) as {
        stopped: string;
        results: { status: string; message: string }[];
      };
      expect(report.stopped).toBe('the run reached its deadline (max duration 1.5 s)');
      expect(report.results.filter((r) => r.status !== 'skipped').every((r) => r.status === 'error' && /deadline/.test(r.message))).toBe(true);
      expect(existsSync(join(dir, 'silent', 'junit.xml'))).toBe(true);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  }, 30_000);

  it('documents the deadlines and what --only takes', async () => {
    const { out } = await run(['test', '--help']);
    expect(out).toMatch(/--max-duration DURATION/);
    expect(out).toMatch(/--only NAME,…\s+run only these checks, requirements or areas/);
    expect(out).toMatch(/areas: discovery, security, idempotency/);
  });

  it('takes the key the target signs its client requests with, and where the target reaches the judging counterparty', () => {
    const file = join(dir, 'target-key.pem');
    writeFileSync(file, DEMO_PLATFORM_PUBLIC_KEY_PEM);
    const parsed = parseTestArguments([
      ...['--target', 'http://127.0.0.1:1', '--role', 'platform', '--target-key-id', DEMO_PLATFORM_KEYID, '--target-key-file', file],
      ...['--counterparty-port', '9471', '--counterparty-url', 'https://tunnel.example/ecdx'],
    ]);
    if (parsed.help) throw new Error('not a run');
    expect(parsed.run.targetKeys?.map((k) => [k.keyid, k.alg])).toEqual([[DEMO_PLATFORM_KEYID, 'ed25519']]);
    expect([parsed.run.counterpartyPort, parsed.run.counterpartyUrl]).toEqual([9471, 'https://tunnel.example/ecdx']);
  });

  it('refuses key material in a config file', async () => {
    const config = join(dir, 'secret.json');
    writeFileSync(config, JSON.stringify({ target: carrier.url, role: 'carrier', key: 'c2VjcmV0' }));
    const { code, err } = await run(['test', '--config', config]);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/key material does not go in a config file/);
  });
});
