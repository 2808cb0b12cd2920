// `ecdx monitor`'s arguments: the flags and a config file of many links come to one MonitorOptions, and every misuse
// is one line and exit 2 before any probe is sent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
  ])('refuses a config file with %s', async (_what, text, message) => {
    const { code, err } = await misuse(['--config', file(`bad-${Math.random()}.yml`, text)]);
    expect([code, err.length]).toEqual([2, 1]);
    expect(err[0]).toMatch(message);
  });

  it('answers --help with the usage', async () => {
    const out: string[] = [];
    expect(await main(['monitor', '--help'], { out: (l) => out.push(l), err: () => {} })).toBe(0);
    expect(out.join('\n')).toMatch(/Usage: ecdx monitor --target URL --role carrier\|platform/);
  });
});
