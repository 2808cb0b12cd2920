// The suite tests itself, whole: every check against the reference mock and against each fault of the catalogue
// alone. The result is the detection matrix, published in the docs (docs/detection-matrix.json).
import { faults as catalogue, type FaultName } from '../mocks/faults/index.ts';
import type { PartyRole } from '../schemas/src/index.ts';
import { checks as suite } from '../conformance/index.ts';
import type { Check } from '../conformance/harness/check.ts';
import { verify, type DetectionMatrix } from './verify.ts';

export type { DetectionMatrix } from './verify.ts';

export interface VerifyOptions {
  roles?: readonly PartyRole[];
  /** Only these faults (default all). */
  faults?: readonly FaultName[];
  /** Mock servers run at once. */
  parallel?: number;
  checks?: readonly Check[];
  /** Which checks run under each fault (VerifyPlan.reach): those it can reach (default), or every one. */
  reach?: 'traced' | 'every-check';
  /** Faults whose runs start first (VerifyPlan.startFirst). */
  startFirst?: readonly FaultName[];
  /** Worker threads for the fault runs (VerifyPlan.workers). */
  workers?: number;
  onProgress?: (line: string) => void;
}

export const verifySuite = (options: VerifyOptions = {}): Promise<DetectionMatrix> =>
  verify({
    checks: options.checks ?? suite,
    faults: catalogue.filter((f) => !options.faults || options.faults.includes(f.name)),
    ...(options.roles ? { roles: options.roles } : {}),
    ...(options.parallel === undefined ? {} : { parallel: options.parallel }),
    ...(options.reach ? { reach: options.reach } : {}),
    ...(options.startFirst ? { startFirst: options.startFirst } : {}),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
