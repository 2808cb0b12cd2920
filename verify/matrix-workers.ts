// The fault runs of the matrix spread over worker threads: harness and mock share one thread in a run, so a matrix
// in one thread keeps one core busy however many runs it holds at once (issue 12). The main thread keeps the queue
// and hands a run to whichever worker has a free slot, the runs that check the most first.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../schemas/package-root.ts';
import type { FromWorker, FaultRunJob, ToWorker } from './matrix-worker.ts';
import type { RunOutcome } from './verify.ts';

export type { FaultRunJob } from './matrix-worker.ts';

export interface WorkerPlan {
  workers: number;
  /** Seconds each run took last time, by `fault (role)`: the longest start first, so that none is left to run alone at the end. */
  lastSeconds?: ReadonlyMap<string, number>;
  /** Runs at once in each worker. */
  slots: number;
  onOutcome?: (job: FaultRunJob, outcome: RunOutcome, seconds: number) => void;
}

/** How a run is named in the durations of the last matrix. */
export const runKey = (job: Pick<FaultRunJob, 'fault' | 'role'>): string => `${job.fault} (${job.role})`;

/** Every job's outcome, in the order of `jobs`; a run that threw rejects the whole. */
export async function runInWorkers(jobs: readonly FaultRunJob[], plan: WorkerPlan): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = new Array(jobs.length);
  // Longest first (by last time's seconds, else by how many checks run), so that the end is not one long run alone.
  const cost = (job: FaultRunJob) => plan.lastSeconds?.get(runKey(job)) ?? job.checkIds.length / 10;
  const queue = [...jobs].sort((a, b) => cost(b) - cost(a));
  const boot = new URL('./worker-boot.mjs', import.meta.url);
  const module = new URL('./matrix-worker.ts', import.meta.url).href;
  const count = Math.max(1, Math.min(plan.workers, jobs.length));
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(boot, { workerData: { module, slots: plan.slots } });
          const send = (message: ToWorker) => worker.postMessage(message);
          worker.on('message', (message: FromWorker) => {
            if ('ready' in message) {
              const job = queue.shift();
              send(job ? { job } : { done: true });
            } else if ('error' in message) {
              reject(new Error(`the run of ${jobs[message.index]!.fault} (${jobs[message.index]!.role}) failed: ${message.error}`));
              void worker.terminate();
            } else {
              outcomes[message.index] = message.outcome;
              plan.onOutcome?.(jobs[message.index]!, message.outcome, message.seconds);
            }
          });
          worker.on('error', reject);
          worker.on('exit', () => resolve());
        }),
    ),
  );
  const missing = jobs.findIndex((_, i) => outcomes[i] === undefined);
  if (missing >= 0) throw new Error(`the run of ${jobs[missing]!.fault} (${jobs[missing]!.role}) reported no outcome`);
  return outcomes;
}

/** Where the seconds of the last matrix's runs are kept: a cache, as vitest keeps its durations, never committed. */
const DURATIONS = join(packageRoot, 'node_modules', '.cache', 'ecdx', 'matrix-seconds.json');

export function lastSeconds(): Map<string, number> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(DURATIONS, 'utf8')) as Record<string, number>));
  } catch {
    return new Map(); // a fresh checkout: the runs go by how many checks they run
  }
}

export function keepSeconds(seconds: ReadonlyMap<string, number>): void {
  try {
    mkdirSync(dirname(DURATIONS), { recursive: true });
    writeFileSync(DURATIONS, `${JSON.stringify(Object.fromEntries(seconds), null, 1)}\n`);
  } catch {
    // read-only checkout: the next matrix orders its runs by their checks
  }
}
