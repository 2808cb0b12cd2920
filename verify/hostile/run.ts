// One run of `ecdx test` against a hostile target, in a child process measured from outside: GNU time's
// "Maximum resident set size" is the peak RSS of the harness's process, whatever it did inside.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostileTarget, startWitness, type Misbehaviour, type Seen } from './target.ts';

const root = join(import.meta.dirname, '..', '..');
const TIME = '/usr/bin/time';

export interface HarnessRun {
  behaviour: Misbehaviour;
  exitCode: number | null;
  /** Wall-clock time of the child process (ms). */
  durationMs: number;
  /** Peak resident set size of the child (MiB), or undefined when GNU time is not installed. */
  peakRssMiB: number | undefined;
  stdout: string;
  stderr: string;
  reportDir: string;
  /** What reached the target, and what reached the other origin. */
  atTarget: Seen[];
  atWitness: Seen[];
  targetOrigin: string;
}

export interface RunLimits {
  /** --max-duration of the run, in seconds. */
  maxDurationSeconds: number;
  /** --timeout of each request, in seconds. */
  timeoutSeconds: number;
  /** The child is killed after this long (ms): a harness that overruns is a finding, not a hung test. */
  killAfterMs: number;
}

export async function runHarnessAgainst(behaviour: Misbehaviour, limits: RunLimits): Promise<HarnessRun> {
  const witness = await startWitness();
  const target = await startHostileTarget(behaviour, witness.url);
  const reportDir = mkdtempSync(join(tmpdir(), `ecdx-hostile-${behaviour}-`));
  const timeFile = join(reportDir, 'time.txt');
  const args = [
    join(root, 'bin', 'ecdx.js'),
    'test',
    '--target',
    target.url,
    '--role',
    'carrier',
    '--report-dir',
    reportDir,
    '--format',
    'console,json,junit',
    '--max-duration',
    `${limits.maxDurationSeconds}s`,
    '--timeout',
    `${limits.timeoutSeconds}s`,
  ];
  const measured = existsSync(TIME);
  const started = Date.now();
  // Its own process group, so that an overrun kills the harness and not only GNU time, its parent.
  const options = { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'], detached: true };
  const child = measured ? spawn(TIME, ['-v', '-o', timeFile, process.execPath, ...args], options) : spawn(process.execPath, args, options);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    if (stdout.length < 64 * 1024) stdout += c.toString('utf8');
  });
  child.stderr.on('data', (c: Buffer) => {
    if (stderr.length < 64 * 1024) stderr += c.toString('utf8');
  });
  const killer = setTimeout(() => {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, limits.killAfterMs);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(killer);
  const durationMs = Date.now() - started;
  await target.close();
  await witness.close();
  const rss = measured && existsSync(timeFile) ? /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'))?.[1] : undefined;
  return {
    behaviour,
    exitCode,
    durationMs,
    peakRssMiB: rss === undefined ? undefined : Number(rss) / 1024,
    stdout,
    stderr,
    reportDir,
    atTarget: target.seen,
    atWitness: witness.seen,
    targetOrigin: target.url,
  };
}
