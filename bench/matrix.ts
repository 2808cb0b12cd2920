// matrixSeconds: the detection matrix as `npm run verify-suite` runs it (every fault, both roles, one worker thread
// per core, three runs at a time in each),
// in a child process, without writing docs/detection-matrix.json; a smoke run asks for one platform fault only.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { figure, type Figure } from './figures.ts';
import { endedChildrenCpuSeconds } from './proc-stat.ts';
import { timedRounds } from './rounds.ts';

/**
 * The fault a smoke run's matrix tests, with the platform role only: any one fault exercises the code, and the
 * platform's baseline run is the shorter one.
 */
export const SMOKE_FAULT = 'claim-platform-with-carrier-code';

/**
 * The longest the bench waits for one matrix: past it the matrix's process group is ended and the figure is that
 * limit, a lower bound, so that the bench still finishes (and says so) while the matrix is slow.
 */
export const MATRIX_LIMIT_SECONDS = 150;

interface MatrixRun {
  exitCode: number;
  lastLine: string;
  cpuSeconds: number | null;
  /** Ended at MATRIX_LIMIT_SECONDS. */
  stopped: boolean;
}

function verifySuite(args: readonly string[]): Promise<MatrixRun> {
  const cpuBefore = endedChildrenCpuSeconds();
  return new Promise((resolve, reject) => {
    // A process group of its own (detached), so that the limit ends npx, tsx and the matrix together.
    const child = spawn('npx', ['tsx', join('scripts', 'verify-suite.ts'), ...args], {
      cwd: join(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    let stopped = false;
    const limit = setTimeout(() => {
      stopped = true;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }, MATRIX_LIMIT_SECONDS * 1000);
    let tail = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (tail = (tail + chunk).slice(-4_000)));
    child.once('error', (error) => {
      clearTimeout(limit);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(limit);
      const lastLine = stopped ? `stopped after ${MATRIX_LIMIT_SECONDS} s` : (tail.trim().split('\n').at(-1) ?? '');
      // An ended tree's processes were not all waited for by their parents: its CPU time is not known.
      resolve({ exitCode: code ?? 1, lastLine, cpuSeconds: stopped ? null : endedChildrenCpuSeconds() - cpuBefore, stopped });
    });
  });
}

export async function measureMatrix(smoke: boolean): Promise<{ matrixSeconds: Figure }> {
  const args = ['--no-write', '--parallel', '3', '--quiet', ...(smoke ? ['--role', 'platform', '--fault', SMOKE_FAULT] : [])];
  const timed = await timedRounds(smoke ? 1 : 3, 90, () => verifySuite(args));
  const failed = timed.results.find((r) => r.exitCode !== 0);
  const stopped = timed.results.some((r) => r.stopped);
  // A matrix that found a fault undetected or a false failure is timed all the same; the figure says so.
  const measured = figure('matrixSeconds', timed.median, {
    rounds: timed.seconds,
    detail: {
      command: `npx tsx scripts/verify-suite.ts ${args.join(' ')}`,
      outcome: timed.results.map((r) => r.lastLine),
      cpuSeconds: timed.results.map((r) => r.cpuSeconds),
    },
    ...(stopped
      ? { note: `stopped at the ${MATRIX_LIMIT_SECONDS} s limit: the matrix takes at least this long` }
      : failed
        ? { note: `verify-suite exited ${failed.exitCode}: ${failed.lastLine}` }
        : {}),
  });
  // A matrix ended at the limit did not finish: whatever the limit, it missed its target.
  return { matrixSeconds: stopped ? { ...measured, met: false } : measured };
}
