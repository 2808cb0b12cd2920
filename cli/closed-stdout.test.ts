// `ecdx test … | head -2`: the reader goes away after two lines. The run goes on, writes its reports and exits
// with the verdict's code: a closed stdout changes neither.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileTarget, startWitness, type Listener } from '../verify/hostile/target.ts';

const bin = join(import.meta.dirname, '..', 'bin', 'ecdx.js');

describe('ecdx test with a reader that goes away', () => {
  let target: Listener;
  let witness: Listener;
  const dir = mkdtempSync(join(tmpdir(), 'ecdx-head-'));
  beforeAll(async () => {
    witness = await startWitness();
    target = await startHostileTarget('malformed-claim', witness.url);
  });
  afterAll(async () => {
    await target.close();
    await witness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the exit code of a failed run and writes the reports after stdout closed', async () => {
    const child = spawn(process.execPath, [bin, 'test', '--target', target.url, '--role', 'carrier', '--format', 'console,json,junit', '--report-dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      lines += chunk.toString('utf8').split('\n').length - 1;
      if (lines >= 2) child.stdout.destroy(); // what `head -2` does once it has its lines
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/Error|EPIPE/);
    expect(code).toBe(1);
    expect(existsSync(join(dir, 'report.json'))).toBe(true);
    expect(existsSync(join(dir, 'junit.xml'))).toBe(true);
  }, 60_000);
});
