// `ecdx monitor`'s arguments: the flags and a config file of many links come to one MonitorOptions, and every misuse
// is one line and exit 2 before any probe is sent.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MonitorReport } from '../monitor/report-schema.ts';
import { main } from './main.ts';
import { parseMonitorArguments } from './monitor.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecdx-monitor-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function misuse(argv: string[]): Promise<{ code: number; err: string[] }> {
  const err: string[] = [];
  const code = await main(['monitor', ...argv], { out: () => {}, err: (line) => err.push(line) });
  return { code, err };
}

describe('ecdx monitor arguments', () => {
  it('reads one link from the flags, with the defaults a reader of the help expects', () => {
    const parsed = parseMonitorArguments(['--target', 'http://127.0.0.1:4010/', '--role', 'carrier', '--interval', '500ms', '--push-gap', '2h']);
    expect(parsed.help).toBe(false);
    if (parsed.help) return;
    const { targets, ...rest } = parsed.options;
    expect(targets.map((t) => [t.name, t.url, t.role, t.pushGapMs, t.key.keyid])).toEqual([
      ['127.0.0.1:4010', 'http://127.0.0.1:4010', 'carrier', 7_200_000, 'ecdx-demo-platform-ed25519'],
    ]);
    expect(rest).toMatchObject({
      intervalMs: 500,
      failuresToOpen: 3,
      probeTimeoutMs: 2000,
      clock: 'real',
      reportDir: 'monitor-reports',
      evidencePath: join('monitor-reports', 'evidence.jsonl'),
    });
  });

  it('reads many links from a YAML config file, the flags winning', () => {
    const config = file(
      'links.yml',
      'interval: 1m\nfailuresToOpen: 5\nclock: target\ncounterpartyPort: 9400\ntargets:\n  - { name: sf, target: "https://sf.example/ecdx", role: carrier, pushGap: 15m }\n  - { name: shop, target: "https://shop.example", role: platform }\n',
    );
    const parsed = parseMonitorArguments(['--config', config, '--failures-to-open', '2']);
    if (parsed.help) throw new Error('no help asked');
    expect([parsed.options.intervalMs, parsed.options.failuresToOpen, parsed.options.clock, parsed.options.counterparty]).toEqual([
      60_000,
      2,
      'target',
      { port: 9400 },
    ]);
    expect(parsed.options.targets.map((t) => [t.name, t.role, t.pushGapMs ?? null])).toEqual([
      ['sf', 'carrier', 900_000],
      ['shop', 'platform', null],
    ]);
  });

  it.each([
    [[], /--target URL \(with --role\) or a --config file with targets is required/],
    [['--target', 'http://127.0.0.1:1'], /--role must be carrier or platform/],
    [['--target', 'http://127.0.0.1:1', '--role', 'carrier', '--interval', 'soon'], /--interval must be a duration/],
    [['--target', 'http://127.0.0.1:1', '--role', 'carrier', '--failures-to-open', '0'], /--failures-to-open must be a whole number from 1 to 100/],
    [['--target', 'http://127.0.0.1:1', '--role', 'carrier', '--clock', 'mock'], /--clock must be real or target/],
    [['--target', 'http://carrier.example', '--role', 'carrier'], /needs --insecure-http/],
    [['--target', 'http://127.0.0.1:1', '--role', 'carrier', '--metrics-port', '70000'], /--metrics-port must be a port/],
    [['--target', 'http://127.0.0.1:1', '--role', 'carrier', '--lang', 'fr'], /^ecdx: --lang must be en or zh-Hans, not 'fr'$/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['watch'], /unknown subcommand 'watch'/],
  ])('refuses %j in one line with exit 2', async (argv, message) => {
    const { code, err } = await misuse(argv);
    expect([code, err.length]).toEqual([2, 1]);
    expect(err[0]).toMatch(message);
  });

  it.each([
    ['an unknown option', 'intervall: 30s\n', /\/intervall Unexpected property/],
    [
      'two links of one name',
      'targets:\n  - { name: a, target: "http://127.0.0.1:1", role: carrier }\n  - { name: a, target: "http://127.0.0.1:2", role: platform }\n',
      /the name 'a' is given to two targets/,
    ],
    ['a link without a role', 'targets:\n  - { name: a, target: "http://127.0.0.1:1" }\n', /\/targets\/0/],
    ['key material', 'key: c2VjcmV0\n', /key material does not go in a config file/],
    [
      'a language it does not speak',
      'lang: zh-CN\ntargets:\n  - { name: a, target: "http://127.0.0.1:1", role: carrier }\n',
      /--lang must be en or zh-Hans, not 'zh-CN'/,
    ],
  ])('refuses a config file with %s', async (_what, text, message) => {
    const { code, err } = await misuse(['--config', file(`bad-${Math.random()}.yml`, text)]);
    expect([code, err.length]).toEqual([2, 1]);
    expect(err[0]).toMatch(message);
  });

  it('takes the language of report.html from --lang, then the config file, then the locale, else English', () => {
    const base = ['--target', 'http://127.0.0.1:1', '--role', 'carrier'];
    const lang = (argv: string[], env: Record<string, string | undefined>) => {
      const parsed = parseMonitorArguments(argv, env);
      if (parsed.help) throw new Error('no help asked');
      return parsed.options.lang;
    };
    expect(lang(base, {})).toBe('en');
    expect(lang(base, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(lang(base, { LANG: 'zh_CN.UTF-8' })).toBe('zh-Hans');
    expect(lang(base, { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(lang(base, { LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('zh-Hans');
    expect(lang([...base, '--lang', 'zh-Hans'], { LANG: 'en_US.UTF-8' })).toBe('zh-Hans');
    expect(lang([...base, '--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    const config = file('lang.yml', 'lang: zh-Hans\n');
    expect(lang([...base, '--config', config], {})).toBe('zh-Hans');
    expect(lang([...base, '--config', config, '--lang', 'en'], {})).toBe('en');
  });

  it('writes report.html in the language asked for, by --lang or by the config file; report.json the same in both', async () => {
    const run = async (name: string, argv: string[]): Promise<{ html: string; json: Record<string, unknown> }> => {
      const reportDir = join(dir, name);
      const err: string[] = [];
      const code = await main(['monitor', '--interval', '100ms', '--duration', '300ms', '--failures-to-open', '1', '--report-dir', reportDir, ...argv], {
        out: () => {},
        err: (l) => err.push(l),
      });
      expect([code, err]).toEqual([0, []]);
      return { html: readFileSync(join(reportDir, 'report.html'), 'utf8'), json: JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) };
    };
    const target = ['--target', 'http://127.0.0.1:1', '--role', 'carrier', '--name', 'closed'];
    const flag = await run('by-flag', [...target, '--lang', 'zh-Hans']);
    expect(flag.html).toContain('<html lang="zh-Hans">');
    expect(flag.html).toContain('<h1>ECDX 监测报告</h1>');
    expect(flag.html).not.toContain('ECDX monitor report');
    const config = file('zh.yml', 'lang: zh-Hans\ntargets:\n  - { name: closed, target: "http://127.0.0.1:1", role: carrier }\n');
    const byConfig = await run('by-config', ['--config', config]);
    expect(byConfig.html).toContain('<html lang="zh-Hans">');
    const english = await run('english', [...target, '--lang', 'en']);
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('<h1>ECDX monitor report</h1>');
    // report.json carries both languages whatever the page's: the verdict's reasons with their Chinese beside them
    const violationsOf = (json: Record<string, unknown>) =>
      (json as unknown as MonitorReport).targets.flatMap((t) => t.interruptions.flatMap((i) => i.violations.map((v) => [v.requirement, v.detail, v.detailZh])));
    expect(violationsOf(english.json)).toEqual(violationsOf(flag.json));
    const [requirement, detail, detailZh] = violationsOf(flag.json)[0]!;
    expect([requirement, detail, detailZh]).toEqual([
      'ECDX-NTC-001',
      'the PARCEL_DATA_PULL feed was interrupted and no interruption notice received covers it',
      '数据流 PARCEL_DATA_PULL 发生数据中断，而收到的中断通知均未涵盖它',
    ]);
    expect(flag.html).toContain(`ECDX-NTC-001</a> ${detailZh}</li>`);
    expect(english.html).toContain(`ECDX-NTC-001</a> ${detail}</li>`);
  }, 20_000);

  it('answers --help with the usage', async () => {
    const out: string[] = [];
    expect(await main(['monitor', '--help'], { out: (l) => out.push(l), err: () => {} })).toBe(0);
    expect(out.join('\n')).toMatch(/Usage: ecdx monitor --target URL --role carrier\|platform/);
  });
});
