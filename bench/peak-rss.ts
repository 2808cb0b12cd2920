// harnessPeakRssMb: the harness's peak resident memory over a full carrier run, measured where the harness is
// alone in its process, as it is when a vendor runs `ecdx test`: the mock runs in one child process
// (mock-process.ts), the harness in another, which reports its own process.resourceUsage().maxRSS when the run is
// over (harness-process.mjs). The full bench runs the harness compiled (the package is built first), as a vendor's
// installed package does, without a TypeScript loader in memory; a smoke run uses the sources through tsx.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Summary } from '../conformance/index.ts';
import { figure, type Figure } from './figures.ts';
import { SMOKE_CHECKS } from './suite-runs.ts';

const tsx = ['--import', import.meta.resolve('tsx')];

/** What harness-process.mjs sends back. */
interface HarnessProcessResult {
  maxRssKb: number;
  /** Peak RSS once the suite is loaded, before the run: what loading the code costs, apart from running it. */
  maxRssKbBeforeRun: number;
  heapUsedMbAtEnd: number;
  seconds: number;
  /** CPU seconds (user + system) of the run, against its wall `seconds`. */
  cpuSeconds: number;
  conformant: boolean;
  summary: Summary;
}

/** Fork a bench entry and resolve with its first IPC message; reject if it exits before sending one. */
function firstMessage<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${what} exited with code ${code} before it answered`)));
  });
}

/** `npm run build`: dist/ as the package ships it (scripts/build.ts, about 10 s). */
function buildPackage(): void {
  const built = spawnSync('npx', ['tsx', join('scripts', 'build.ts')], { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error(`the package build failed (exit ${built.status}): the compiled harness cannot be measured`);
}

export async function measurePeakRss(smoke: boolean): Promise<{ harnessPeakRssMb: Figure }> {
  const mockProcess = fork(join(import.meta.dirname, 'mock-process.ts'), ['carrier'], { execArgv: tsx, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const { url } = await firstMessage<{ url: string }>(mockProcess, 'the mock process');
    const only = smoke ? [...SMOKE_CHECKS] : [];
    if (!smoke) buildPackage();
    const harness = fork(join(import.meta.dirname, 'harness-process.mjs'), [smoke ? 'sources' : 'dist', url, 'carrier', ...only], {
      execArgv: smoke ? tsx : [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const result = await firstMessage<HarnessProcessResult>(harness, 'the harness process');
    await new Promise<void>((resolve) => (harness.exitCode === null ? harness.once('exit', () => resolve()) : resolve()));
    return {
      harnessPeakRssMb: figure('harnessPeakRssMb', result.maxRssKb / 1024, {
        detail: {
          loadedMb: result.maxRssKbBeforeRun / 1024,
          seconds: result.seconds,
          cpuSeconds: result.cpuSeconds,
          conformant: result.conformant,
          summary: result.summary,
          heapUsedMbAtEnd: result.heapUsedMbAtEnd,
        },
        note: smoke
          ? 'one smoke run from the sources (tsx loader included)'
          : 'one full carrier run of the compiled package (MB = MiB, maxRSS of the harness process)',
      }),
    };
  } finally {
    mockProcess.kill();
  }
}
