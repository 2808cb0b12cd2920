// `ecdx monitor` as a process, killed with SIGKILL in the middle of an outage and started again on the same --state:
// the interruption open before the kill is the one closed after it — one per feed, not two — and the evidence log
// is whole (verify-log exit 0); an edited log is not (exit 1).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MonitorReport } from '../../monitor/report-schema.ts';
import { violations } from '../../schemas/validate.ts';
import { freePort, mockCarrierLink, until } from './scenario.ts';

const root = mkdtempSync(join(tmpdir(), 'ecdx-monitor-restart-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const bin = join(import.meta.dirname, '../../bin/ecdx.js');

interface Running {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

function run(args: string[]): Running {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

const records = (file: string): { kind: string; data: Record<string, unknown> }[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
const kinds = (file: string, kind: string) => records(file).filter((r) => r.kind === kind);

async function verifyLog(file: string): Promise<{ code: number | null; text: string }> {
  const checked = run(['monitor', 'verify-log', file]);
  const code = await checked.exited;
  return { code, text: checked.output.join('') };
}

describe('ecdx monitor, killed and restarted', () => {
  it('keeps an interruption that spans a SIGKILL and a restart exactly once, and its log verifies', async () => {
    const link = await mockCarrierLink({ speed: 600 });
    const dir = mkdtempSync(join(root, 'run-'));
    const evidence = join(dir, 'evidence.jsonl');
    const args = [
      'monitor',
      ...['--target', link.proxy.url, '--role', 'carrier', '--name', 'mock', '--clock', 'target'],
      ...['--interval', '100ms', '--failures-to-open', '2', '--state', join(dir, 'state.db'), '--report-dir', dir],
      ...['--counterparty-port', String(await freePort())],
    ];
    let monitor: Running | undefined;
    try {
      monitor = run(args);
      expect(await until(() => kinds(evidence, 'probe').length >= 5, 20_000)).toBe(true);
      const noticeUrl = /mock: notices to (\S+)/.exec(monitor.output.join(''))?.[1];
      link.proxy.cut();
      expect(await until(() => kinds(evidence, 'interruption-opened').length === 2, 20_000)).toBe(true);
      monitor.child.kill('SIGKILL');
      expect(await monitor.exited).toBe(null);

      monitor = run(args);
      expect(await until(() => monitor!.output.join('').includes('evidence:'), 20_000)).toBe(true);
      // The same notice URL after the restart: the counterparty was given it once.
      expect(/mock: notices to (\S+)/.exec(monitor.output.join(''))?.[1]).toBe(noticeUrl);
      const restartedAt = records(evidence).length;
      expect(
        await until(
          () =>
            records(evidence)
              .slice(restartedAt)
              .filter((r) => r.kind === 'probe').length >= 3,
          20_000,
        ),
      ).toBe(true);
      link.proxy.restore();
      expect(await until(() => kinds(evidence, 'interruption-closed').length === 2, 20_000)).toBe(true);
      monitor.child.kill('SIGTERM');
      expect(await monitor.exited).toBe(0);
    } finally {
      if (monitor?.child.exitCode === null) monitor.child.kill('SIGKILL');
      await link.close();
    }
    expect(kinds(evidence, 'interruption-opened')).toHaveLength(2);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as MonitorReport;
    expect(violations(MonitorReport, report)).toEqual([]);
    const interruptions = report.targets[0]!.interruptions;
    expect(interruptions.map((i) => [i.feed, i.endedAt !== undefined, i.compliance]).sort()).toEqual([
      ['PARCEL_DATA_PULL', true, 'non-compliant'],
      ['PARCEL_DATA_PUSH', true, 'non-compliant'],
    ]);
    // The time the monitor was down is not measured, and not counted as available.
    const pull = report.targets[0]!.feeds.find((f) => f.feed === 'PARCEL_DATA_PULL')!;
    expect(pull.minutes.available).toBeLessThan(pull.minutes.period);
    expect(kinds(evidence, 'monitor-started')).toHaveLength(2);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('PARCEL_DATA_PULL');
    expect(await verifyLog(evidence)).toMatchObject({ code: 0 });

    // An edit anywhere — here one probe's outcome turned from failed to ok — breaks the chain after it.
    const lines = readFileSync(evidence, 'utf8').split('\n');
    const failed = lines.findIndex((line) => line.includes('"ok":false'));
    lines[failed] = lines[failed]!.replace('"ok":false', '"ok":true');
    writeFileSync(evidence, lines.join('\n'));
    const edited = await verifyLog(evidence);
    expect(edited.code).toBe(1);
    expect(edited.text).toMatch(new RegExp(`line ${failed + 2}`));
  }, 90_000);
});
