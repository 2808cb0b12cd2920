// A worker thread of the matrix (verify/matrix-workers.ts) runs TypeScript: tsx's loader is registered for it here,
// as `--import tsx` is for the main thread, which a worker does not inherit.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
