// One worker thread of the matrix (verify/matrix-workers.ts): asks for a fault run whenever one of its slots is free,
// runs it against a fresh mock in this thread, and posts the outcome back.
import { parentPort, workerData } from 'node:worker_threads';
import { checks as suite } from '../conformance/checks/index.ts';
import type { FaultName } from '../mocks/faults/index.ts';
import type { PartyRole } from '../schemas/src/index.ts';
import { runAgainstMock, type RunOutcome } from './verify.ts';

export interface FaultRunJob {
  index: number;
  role: PartyRole;
  fault: FaultName;
  /** The checks to run, by id: checks are code and do not cross to a thread. */
  checkIds: readonly string[];
}

export type ToWorker = { job: FaultRunJob } | { done: true };
export type FromWorker = { ready: true } | { index: number; outcome: RunOutcome; seconds: number } | { index: number; error: string };

const port = parentPort!;
const byId = new Map(suite.map((c) => [c.id, c]));
let open = (workerData as { slots: number }).slots;

port.on('message', (message: ToWorker) => {
  if ('done' in message) {
    if (--open === 0) port.close();
    return;
  }
  const { job } = message;
  const started = Date.now();
  runAgainstMock(
    job.role,
    [job.fault],
    job.checkIds.map((id) => byId.get(id)!),
  )
    .then(
      (outcome) => port.postMessage({ index: job.index, outcome, seconds: (Date.now() - started) / 1000 } satisfies FromWorker),
      (error: unknown) => port.postMessage({ index: job.index, error: String((error as Error)?.stack ?? error) } satisfies FromWorker),
    )
    .finally(() => port.postMessage({ ready: true } satisfies FromWorker)); // the slot is free for the next run
});
for (let i = 0; i < open; i++) port.postMessage({ ready: true } satisfies FromWorker);
