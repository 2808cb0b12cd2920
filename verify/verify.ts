// The one self-test engine: run checks against the reference mock without a fault (every MUST check must pass) and
// with each fault alone (the fault's requirements must fail, nothing else may). `verify({ checks })` proves a set
// of checks against the faults their requirements call for; with every check and every fault it is the detection
// matrix the docs publish (verify-suite.ts). Runs go side by side, one mock server each, in one pool.
import { PARTY_ROLES, type PartyRole } from '../schemas/src/index.ts';
import { faults as catalogue, type Fault, type FaultName } from '../mocks/faults/index.ts';
import { startMockServer, type MockServerOptions } from '../mocks/server.ts';
import { runConformance } from '../conformance/index.ts';
import type { Check } from '../conformance/harness/check.ts';
import { pool } from '../conformance/harness/pool.ts';
import type { ConformanceReport } from '../conformance/harness/report.ts';
import { checksReachedBy, impactRecorder, TRACE_HEADER, type Impact } from './impact.ts';
import { keepSeconds, lastSeconds, runInWorkers, runKey } from './matrix-workers.ts';

export interface RunOutcome {
  role: PartyRole;
  /** MUST requirements that failed (from failed checks' failedRequirementIds). */
  failed: string[];
  /** SHOULD requirements that ended in a warning. */
  warned: string[];
  /** Checks that errored (the harness could not decide). */
  errors: string[];
  /** Checks blocked by a failed precondition. */
  blocked: string[];
  results: number;
  /** Checks that ran (not skipped): under a traced fault, those it can reach. */
  ran?: number;
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

export interface VerifyPlan {
  checks: readonly Check[];
  /** The faults to run; default every fault of the catalogue that breaks a requirement `checks` verify. */
  faults?: readonly Fault[];
  roles?: readonly PartyRole[];
  /** Mock servers at once: the runs wait on sockets far more than they compute. */
  parallel?: number;
  /**
   * Faults under which only some checks need to run (a fault that makes every answer take 16 s would make the
   * checks that push several batches take minutes): fault name → check ids.
   */
  only?: Partial<Record<FaultName, readonly string[]>>;
  /**
   * `traced` (default): each fault runs the checks it can reach, as the traced baseline shows (verify/impact.ts,
   * decision 0046); `every-check`: every fault runs every check.
   */
  reach?: 'traced' | 'every-check';
  /**
   * Faults whose runs wait far longer than the checks they run suggest (every acknowledgement 16 s late): they start
   * before every other run, which otherwise go longest first by how many checks they run.
   */
  startFirst?: readonly FaultName[];
  /**
   * Worker threads the fault runs are spread over (default 1: all in this thread). Harness and mock of a run share a
   * thread, so one thread keeps one core busy however many runs it holds.
   */
  workers?: number;
  onProgress?: (line: string) => void;
}

function outcomeOf(role: PartyRole, report: ConformanceReport): RunOutcome {
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
    ran: report.results.filter((r) => r.status !== 'skipped').length,
  };
}

/** One harness run against a fresh mock of `role` with `faults` switched on. */
export async function runAgainstMock(role: PartyRole, faults: readonly FaultName[], checks: readonly Check[]): Promise<RunOutcome> {
  return (await reportAgainstMock(role, faults, checks)).outcome;
}

/** The clean baseline of `role`, traced: its outcome, and what each check reached. */
async function tracedBaseline(role: PartyRole, checks: readonly Check[]): Promise<{ outcome: RunOutcome; impact: Impact }> {
  const recorder = impactRecorder();
  const { outcome, report } = await reportAgainstMock(role, [], checks, { trace: recorder.trace, traceHeader: TRACE_HEADER });
  return { outcome, impact: recorder.finish(report) };
}

/** The seed of the generated cases in every run of the self-test. */
const SELF_TEST_SEED = 2026;

async function reportAgainstMock(
  role: PartyRole,
  faults: readonly FaultName[],
  checks: readonly Check[],
  tracing: { trace?: MockServerOptions['trace']; traceHeader?: string } = {},
): Promise<{ outcome: RunOutcome; report: ConformanceReport }> {
  const server = await startMockServer({
    role,
    port: 0,
    host: '127.0.0.1',
    faults: [...faults],
    clockSpeed: 1,
    ...(tracing.trace ? { trace: tracing.trace } : {}),
  });
  try {
    // The mock answers on loopback within milliseconds: a short settle time is plenty to see that nothing follows.
    // The runner's default concurrency (8 checks at once): a fault that slows every answer (a 16 s acknowledgement)
    // costs its checks' waits side by side, not one after another.
    const report = await runConformance({
      target: server.url,
      role,
      ...(tracing.traceHeader ? { traceHeader: tracing.traceHeader } : {}),
      timeoutMs: 10_000,
      settleMs: 400,
      // One seed for every run of the self-test: the generated checks send the same cases under each fault as in
      // the traced baseline, so the matrix is repeatable (the generators' own tests vary the seed).
      seed: SELF_TEST_SEED,
      checks,
    });
    return { outcome: outcomeOf(role, report), report };
  } finally {
    await server.close();
  }
}

const appliesTo = (scope: Fault['role'] | Check['role'], role: PartyRole): boolean => scope === 'both' || scope === role;

/** The requirements `checks` verify against a target of `role`. */
export const verifiedBy = (checks: readonly Check[], role: PartyRole): Set<string> =>
  new Set(checks.filter((c) => appliesTo(c.role, role)).flatMap((c) => c.requirements));

/** The faults of the catalogue that break a requirement the checks verify. */
export const faultsFor = (checks: readonly Check[]): Fault[] => {
  const verified = new Set(checks.flatMap((c) => c.requirements));
  return catalogue.filter((f) => f.requirements.some((id) => verified.has(id)));
};

export async function verify(plan: VerifyPlan): Promise<DetectionMatrix> {
  const roles = plan.roles ?? PARTY_ROLES;
  const log = plan.onProgress ?? (() => {});
  const selected = plan.faults ?? faultsFor(plan.checks);
  const traced = (plan.reach ?? 'traced') === 'traced';
  // The baselines first: a traced one tells which checks each fault can reach.
  const baselines = await Promise.all(
    roles.map(async (role) => {
      const { outcome, impact } = traced
        ? await tracedBaseline(role, plan.checks)
        : { outcome: await runAgainstMock(role, [], plan.checks), impact: undefined };
      log(`baseline ${role}: ${outcome.results} results, ${outcome.failed.length} MUST failures, ${outcome.errors.length} errors`);
      return { outcome, impact };
    }),
  );
  const impactOf = new Map(roles.map((role, i) => [role, baselines[i]!.impact]));
  const checksFor = (fault: Fault, role: PartyRole): readonly Check[] => {
    const only = plan.only?.[fault.name as FaultName];
    if (only) return plan.checks.filter((c) => only.includes(c.id));
    const impact = impactOf.get(role);
    return impact ? checksReachedBy(fault, plan.checks, impact) : plan.checks;
  };
  // A fault runs in every role it concerns: where the checks verify none of its requirements, nothing may fail.
  const jobs = selected.flatMap((fault) => roles.filter((role) => appliesTo(fault.role, role)).map((role) => ({ role, fault })));
  // The runs that check the most start first, as in the workers: started last, a run of the whole suite would
  // finish alone long after the others (a third of a shard's time, measured).
  const cost = (job: (typeof jobs)[number]) =>
    plan.startFirst?.includes(job.fault.name as FaultName) ? Number.POSITIVE_INFINITY : checksFor(job.fault, job.role).length;
  const longestFirst = (list: typeof jobs) => [...list].sort((a, b) => cost(b) - cost(a));
  const previousSeconds = lastSeconds();
  const took = new Map<string, number>();
  const logRun = (fault: string, role: PartyRole, outcome: RunOutcome, seconds: number) =>
    log(`${fault} (${role}): failed ${outcome.failed.join(', ') || 'nothing'} (${outcome.ran} checks, ${seconds.toFixed(1)} s)`);
  const faultRuns =
    (plan.workers ?? 1) > 1
      ? await runInWorkers(
          jobs.map(({ role, fault }, index) => ({ index, role, fault: fault.name as FaultName, checkIds: checksFor(fault, role).map((c) => c.id) })),
          {
            workers: plan.workers!,
            slots: plan.parallel ?? 3,
            lastSeconds: previousSeconds,
            onOutcome: (job, outcome, seconds) => {
              took.set(runKey(job), seconds);
              logRun(job.fault, job.role, outcome, seconds);
            },
          },
        ).finally(() => keepSeconds(new Map([...previousSeconds, ...took])))
      : await inOrderOf(jobs, longestFirst(jobs), (order) =>
          pool(order, plan.parallel ?? 3, async ({ role, fault }) => {
            const started = Date.now();
            const outcome = await runAgainstMock(role, [fault.name as FaultName], checksFor(fault, role));
            logRun(fault.name, role, outcome, (Date.now() - started) / 1000);
            return outcome;
          }),
        );
  const baseline = baselines.map((b) => b.outcome);
  const runs = new Map<string, RunOutcome[]>();
  for (const [i, { fault }] of jobs.entries()) runs.set(fault.name, [...(runs.get(fault.name) ?? []), faultRuns[i]!]);

  const faultOutcomes: FaultOutcome[] = selected.map((fault) => {
    const faultRuns = (runs.get(fault.name) ?? []).sort((a, b) => a.role.localeCompare(b.role));
    const failedAnywhere = new Set(faultRuns.flatMap((r) => [...r.failed, ...r.warned]));
    const falseFailures = new Set<string>();
    for (const run of faultRuns) {
      for (const id of run.failed) if (!fault.requirements.includes(id)) falseFailures.add(`${id} (${run.role})`);
      for (const e of run.errors) falseFailures.add(`error: ${e} (${run.role})`);
    }
    const verified = new Set(roles.flatMap((role) => [...verifiedBy(plan.checks, role)]));
    return {
      fault: fault.name,
      requirements: fault.requirements,
      role: fault.role,
      runs: faultRuns,
      detected: faultRuns.length > 0 && fault.requirements.filter((id) => verified.has(id)).every((id) => failedAnywhere.has(id)),
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

/** `work` done over `order` (a permutation of `items`), its results given back in the order of `items`. */
async function inOrderOf<T extends object, R>(items: readonly T[], order: readonly T[], work: (order: readonly T[]) => Promise<R[]>): Promise<R[]> {
  const results = await work(order);
  const byItem = new Map(order.map((item, i) => [item, results[i]!]));
  return items.map((item) => byItem.get(item)!);
}

export interface Expectations {
  /** Checks a fault is known to leave without the state they need (precondition-failed): fault name → check ids. */
  mayBlock?: Partial<Record<FaultName, readonly string[]>>;
  /**
   * Faults that break a requirement these checks verify, but where other checks see it (the same requirement at
   * another operation): under them nothing may fail, and nothing needs to.
   */
  seenElsewhere?: readonly FaultName[];
  /**
   * Leave blocked checks out of the judgement. Over the whole suite a fault takes many checks' preconditions away
   * (a production claim takes the test clock from every check that needs it): the per-area runs list them.
   */
  anyBlocks?: boolean;
}

/**
 * What is wrong with a matrix, one line each (empty when nothing is): the baseline not clean, a fault undetected
 * or failing more than its own requirements, and — stricter than the published matrix, for the per-area tests — a
 * run that does not fail exactly the fault's requirements the checks verify in that role, or that blocks a check
 * the fault is not known to block.
 */
export function problemsOf(matrix: DetectionMatrix, checks: readonly Check[], expectations: Expectations = {}): string[] {
  const problems: string[] = [];
  for (const b of matrix.baseline) {
    if (b.failed.length || b.errors.length || b.blocked.length)
      problems.push(`baseline ${b.role}: failed ${b.failed.join(', ') || '-'}; errors ${b.errors.join(' | ') || '-'}; blocked ${b.blocked.join(', ') || '-'}`);
  }
  for (const f of matrix.faults) {
    const elsewhere = expectations.seenElsewhere?.includes(f.fault as FaultName) ?? false;
    if (!f.detected && !elsewhere) problems.push(`${f.fault}: not detected`);
    if (f.falseFailures.length) problems.push(`${f.fault}: false failures ${f.falseFailures.join(', ')}`);
    for (const run of f.runs) {
      // Exactly the fault's requirements fail; a SHOULD outside them may end in a warning as a side effect (a
      // 16 s acknowledgement is also not the 2 s one ECDX-PSH-018 asks for), as the published matrix allows.
      const expected = elsewhere ? [] : f.requirements.filter((id) => verifiedBy(checks, run.role).has(id)).sort();
      const failed = [...new Set([...run.failed, ...run.warned.filter((id) => expected.includes(id))])].sort();
      if (failed.join() !== expected.join()) problems.push(`${f.fault} (${run.role}): failed [${failed.join(', ')}], expected [${expected.join(', ')}]`);
      const unexpected = expectations.anyBlocks ? [] : run.blocked.filter((id) => !(expectations.mayBlock?.[f.fault as FaultName] ?? []).includes(id));
      if (unexpected.length) problems.push(`${f.fault} (${run.role}): blocked ${unexpected.join(', ')}`);
    }
  }
  return problems;
}
