// Which checks a fault can reach: the self-test's impact analysis (decision 0046). A fault is either a switch the
// core consults where it bends a rule, or a rewrite of one operation's answers. The clean baseline run is traced —
// one check at a time, every switch the mock consults and every answer a rewrite could change attributed to the
// check running then — and a fault then runs with the checks it can reach, not the whole suite:
//   - every check during which the mock consulted the fault's switch, or answered the operation it rewrites;
//   - every check verifying one of the fault's requirements (it must fail there);
//   - every check that shares a fixture with one of those (it reads state made under the fault);
//   - every check that reads state of the whole run (discovery, health, statistics);
//   - and the whole suite when the switch was consulted outside any check (start-up, discovery of the claim) or
//     the rewrite applies to every operation.
// A check the fault cannot reach takes the same path on the faulted mock as on the clean one, so it observes the
// same answers and ends as it did in the baseline: it cannot be a false failure, and running it proves nothing.
import type { Check } from '../conformance/harness/check.ts';
import type { ConformanceReport } from '../conformance/harness/report.ts';
import type { FaultTrace } from '../mocks/core/mock.ts';
import type { Fault } from '../mocks/faults/index.ts';

/** What the traced baseline run of one role showed. */
export interface Impact {
  /** Switches consulted before the first check started: a fault on one may change what every check sees. */
  everywhere: Set<string>;
  /** By check id: the switches consulted and the operations answered while it ran (or, after it, until the next began). */
  switches: Map<string, Set<string>>;
  operations: Map<string, Set<string>>;
  /** Who used what, as the report says: a check or fixture id → the fixtures it used. */
  fixtures: Map<string, readonly string[]>;
}

/** Classes whose checks read what the whole run did (the claim, the health backlog, the statistics): always run. */
const RUN_WIDE_AREAS = new Set(['discovery', 'health', 'statistics']);

const REFUSED_BEFORE_ROUTING = '(before routing)';

/**
 * A trace to give the mock (MockOptions.trace) and the progress listener that tells it which check runs, for a run
 * with one check at a time. What the mock consults between two checks (a dispatcher finishing the last one's work)
 * is the last one's.
 */
export function impactRecorder(): {
  trace: FaultTrace;
  progress: { checkStarted(check: Check): void };
  finish(report: ConformanceReport): Impact;
} {
  const impact: Impact = { everywhere: new Set(), switches: new Map(), operations: new Map(), fixtures: new Map() };
  let current: string | undefined;
  const of = (map: Map<string, Set<string>>, id: string): Set<string> => {
    const set = map.get(id) ?? new Set<string>();
    map.set(id, set);
    return set;
  };
  return {
    trace: {
      switchRead: (name) => (current === undefined ? impact.everywhere.add(name) : of(impact.switches, current).add(name)),
      rewritable: (operationId) => {
        if (current !== undefined) of(impact.operations, current).add(operationId ?? REFUSED_BEFORE_ROUTING);
      },
    },
    progress: {
      checkStarted: (check) => {
        current = check.id;
      },
    },
    finish: (report) => {
      const uses = (id: string) => impact.fixtures.get(id) ?? [];
      for (const result of report.results) impact.fixtures.set(result.checkId, result.uses ?? []);
      for (const fixture of report.fixtures ?? [])
        for (const user of fixture.usedBy) if (!uses(user).includes(fixture.id)) impact.fixtures.set(user, [...uses(user), fixture.id]);
      return impact;
    },
  };
}

/** The checks a fault can reach (see the top of this file); all of `checks` when it can reach every one. */
export function checksReachedBy(fault: Fault, checks: readonly Check[], impact: Impact): readonly Check[] {
  if (fault.switch !== undefined && impact.everywhere.has(fault.switch)) return checks;
  if (fault.rewrite && fault.operation === '*') return checks;
  const reached = (check: Check): boolean => {
    if (fault.switch !== undefined) return impact.switches.get(check.id)?.has(fault.switch) ?? false;
    return fault.operation !== undefined && (impact.operations.get(check.id)?.has(fault.operation) ?? false);
  };
  const selected = new Set(
    checks.filter((c) => reached(c) || c.requirements.some((id) => fault.requirements.includes(id)) || RUN_WIDE_AREAS.has(c.id.split('/')[0]!)),
  );
  // A fixture made under the fault is seen by every check that uses it, directly or through another fixture; and a
  // selected check may have made (under the fault) any fixture it used.
  const below = (id: string, seen = new Set<string>()): Set<string> => {
    for (const f of impact.fixtures.get(id) ?? []) if (!seen.has(f)) below(f, seen.add(f));
    return seen;
  };
  const touched = new Set([...selected].flatMap((c) => [...below(c.id)]));
  for (const c of checks) if ([...below(c.id)].some((f) => touched.has(f))) selected.add(c);
  return checks.filter((c) => selected.has(c));
}
