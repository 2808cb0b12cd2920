// matrixSeconds: the detection matrix as `npm run verify-suite` runs it (every fault, both roles, two at a time),
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

function verifySuite(args: readonly string[]): Promise<{ exitCode: number; lastLine: string; cpuSeconds: number }> {
  const cpuBefore = endedChildrenCpuSeconds();
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', join('scripts', 'verify-suite.ts'), ...args], {
      cwd: join(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let tail = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (tail = (tail + chunk).slice(-4_000)));
    child.once('error', reject);
    child.once('exit', (code) =>
      resolve({ exitCode: code ?? 1, lastLine: tail.trim().split('\n').at(-1) ?? '', cpuSeconds: endedChildrenCpuSeconds() - cpuBefore }),
    );
  });
}

export async function measureMatrix(smoke: boolean): Promise<{ matrixSeconds: Figure }> {
  const args = ['--no-write', '--parallel', '2', '--quiet', ...(smoke ? ['--role', 'platform', '--fault', SMOKE_FAULT] : [])];
  const timed = await timedRounds(smoke ? 1 : 3, 90, () => verifySuite(args));
  const failed = timed.results.find((r) => r.exitCode !== 0);
  // A matrix that found a fault undetected or a false failure is timed all the same; the figure says so.
  return {
    matrixSeconds: figure('matrixSeconds', timed.median, {
      rounds: timed.seconds,
      detail: {
        command: `npx tsx scripts/verify-suite.ts ${args.join(' ')}`,
        outcome: timed.results.map((r) => r.lastLine),
        cpuSeconds: timed.results.map((r) => r.cpuSeconds),
      },
      ...(failed ? { note: `verify-suite exited ${failed.exitCode}: ${failed.lastLine}` } : {}),
    }),
  };
}
