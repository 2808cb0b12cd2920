// The suite tests itself: run the harness against the reference mock (every MUST check must pass) and against the
// mock with each fault alone (the fault's requirements must fail, no other MUST requirement may fail). The result
// is the detection matrix, published in the docs.
import { faults as faultCatalogue, type Fault, type FaultName } from '../mocks/faults/index.ts';
import { startMockServer } from '../mocks/server.ts';
import { runConformance } from '../conformance/index.ts';
import type { Check } from '../conformance/harness/check.ts';
import type { ConformanceReport } from '../conformance/harness/report.ts';

export type Role = 'carrier' | 'platform';

export interface RunOutcome {
  role: Role;
  /** MUST requirements that failed (from failed checks' failedRequirementIds). */
  failed: string[];
  /** SHOULD requirements that ended in a warning. */
  warned: string[];
  /** Checks that errored (the harness could not decide). */
  errors: string[];
  /** Checks blocked by a failed precondition. */
  blocked: string[];
  results: number;
}

export interface FaultOutcome {
  fault: string;
  requirements: string[];
  role: Fault['role'];
  runs: RunOutcome[];
  /** Every requirement of the fault failed in at least one role. */
  detected: boolean;
  /** MUST requirements outside the fault's list that failed, or checks that errored. */
  falseFailures: string[];
}

export interface DetectionMatrix {
  baseline: RunOutcome[];
  faults: FaultOutcome[];
  summary: { faults: number; detected: number; withFalseFailures: number; baselineClean: boolean };
}

function outcomeOf(role: Role, report: ConformanceReport): RunOutcome {
  const failed = new Set<string>();
  const warned = new Set<string>();
  for (const r of report.results) {
    if (r.status === 'failed') for (const id of r.failedRequirementIds ?? r.requirementIds) failed.add(id);
    if (r.status === 'warning') for (const id of r.failedRequirementIds ?? r.requirementIds) warned.add(id);
  }
  return {
    role,
    failed: [...failed].sort(),
    warned: [...warned].sort(),
    errors: report.results.filter((r) => r.status === 'error').map((r) => `${r.checkId}: ${r.message}`),
    blocked: report.results.filter((r) => r.status === 'precondition-failed').map((r) => r.checkId),
    results: report.results.length,
  };
}

export interface VerifyOptions {
  roles?: readonly Role[];
  /** Only these faults (default all). */
  faults?: readonly string[];
  /** Mock servers run at once. */
  parallel?: number;
  checks?: readonly Check[];
  onProgress?: (line: string) => void;
}

/** One harness run against a fresh mock of `role` with `faults` switched on. */
export async function runAgainstMock(role: Role, faults: readonly FaultName[], checks?: readonly Check[]): Promise<RunOutcome> {
  const server = await startMockServer({ role, port: 0, host: '127.0.0.1', faults: [...faults], clockSpeed: 1 });
  try {
    // The mock answers on loopback within milliseconds: a short settle time is plenty to see that nothing follows.
    const report = await runConformance({ target: server.url, role, concurrency: 4, timeoutMs: 10_000, settleMs: 400, ...(checks ? { checks } : {}) });
    return outcomeOf(role, report);
  } finally {
    await server.close();
  }
}

const rolesOf = (fault: Fault, roles: readonly Role[]): Role[] => roles.filter((r) => fault.role === 'both' || fault.role === r);

export async function verifySuite(options: VerifyOptions = {}): Promise<DetectionMatrix> {
  const roles = options.roles ?? ['carrier', 'platform'];
  const log = options.onProgress ?? (() => {});
  const baseline: RunOutcome[] = [];
  for (const role of roles) {
    const outcome = await runAgainstMock(role, [], options.checks);
    baseline.push(outcome);
    log(`baseline ${role}: ${outcome.results} results, ${outcome.failed.length} MUST failures, ${outcome.errors.length} errors`);
  }
  const selected = faultCatalogue.filter((f) => !options.faults || options.faults.includes(f.name));
  const jobs = selected.flatMap((fault) => rolesOf(fault, roles).map((role) => ({ fault, role })));
  const runs = new Map<string, RunOutcome[]>();
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(options.parallel ?? 3, jobs.length)) }, async () => {
    while (next < jobs.length) {
      const { fault, role } = jobs[next++]!;
      const outcome = await runAgainstMock(role, [fault.name], options.checks);
      runs.set(fault.name, [...(runs.get(fault.name) ?? []), outcome]);
      log(`${fault.name} (${role}): failed ${outcome.failed.join(', ') || 'nothing'}`);
    }
  });
  await Promise.all(workers);

  const faultOutcomes: FaultOutcome[] = selected.map((fault) => {
    const faultRuns = (runs.get(fault.name) ?? []).sort((a, b) => a.role.localeCompare(b.role));
    const failedAnywhere = new Set(faultRuns.flatMap((r) => [...r.failed, ...r.warned]));
    const falseFailures = new Set<string>();
    for (const run of faultRuns) {
      for (const id of run.failed) if (!fault.requirements.includes(id)) falseFailures.add(`${id} (${run.role})`);
      for (const e of run.errors) falseFailures.add(`error: ${e} (${run.role})`);
    }
    return {
      fault: fault.name,
      requirements: fault.requirements,
      role: fault.role,
      runs: faultRuns,
      detected: faultRuns.length > 0 && fault.requirements.every((id) => failedAnywhere.has(id)),
      falseFailures: [...falseFailures].sort(),
    };
  });
  const baselineClean = baseline.every((b) => b.failed.length === 0 && b.errors.length === 0 && b.blocked.length === 0);
  return {
    baseline,
    faults: faultOutcomes,
    summary: {
      faults: faultOutcomes.length,
      detected: faultOutcomes.filter((f) => f.detected).length,
      withFalseFailures: faultOutcomes.filter((f) => f.falseFailures.length > 0).length,
      baselineClean,
    },
  };
}
