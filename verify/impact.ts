// Which checks a fault can reach: the self-test's impact analysis (decision 0046). A fault is either a switch the
// core consults where it bends a rule, or a rewrite of one operation's answers. The clean baseline run is traced —
// every request names the check (or fixture) that makes it in a header, the mock handles it within an async context
// of that name, and every switch it consults and every answer a rewrite could change, in that request or in the
// work it sets off (a push, a timer on the test clock), is attributed to that check — and a fault then runs with the
// checks it can reach, not the whole suite:
//   - every check during whose requests the mock consulted the fault's switch, or answered the operation it rewrites,
//     and every check that uses a fixture in whose requests it did;
//   - every check verifying one of the fault's requirements (it must fail there);
//   - every check that shares a fixture with one of those (it reads state made under the fault);
//   - every check that reads state of the whole run (RUN_WIDE: health, statistics);
//   - and the whole suite when the switch was consulted outside any check's request (start-up, discovery of the
//     claim) or the rewrite applies to every operation.
// A check the fault cannot reach takes the same path on the faulted mock as on the clean one, so it observes the
// same answers and ends as it did in the baseline: it cannot be a false failure, and running it proves nothing.
import { AsyncLocalStorage } from 'node:async_hooks';
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

/**
 * Checks that read what the whole run did, not only what their own requests were answered: always run, since a fault
 * met in another check's request may change it. By area, or by check id.
 */
export const RUN_WIDE: readonly string[] = [
  'health', // the health document: every feed's last exchange and the push backlog
  'statistics', // the sharing statistics, counted over every exchange of the period
  'discovery/health-honest', // the health document again, judged against the claim
];
const runWide = (check: Check): boolean => RUN_WIDE.includes(check.id) || RUN_WIDE.includes(check.id.split('/')[0]!);

const REFUSED_BEFORE_ROUTING = '(before routing)';

/** The header a traced run names the check (or fixture) of each request in (RunOptions.traceHeader). */
export const TRACE_HEADER = 'ecdx-trace-check';

/** A trace to give the mock (MockOptions.trace) for a run with `traceHeader: TRACE_HEADER`, and what it saw. */
export function impactRecorder(): { trace: FaultTrace; finish(report: ConformanceReport): Impact } {
  const impact: Impact = { everywhere: new Set(), switches: new Map(), operations: new Map(), fixtures: new Map() };
  const asking = new AsyncLocalStorage<string>();
  const of = (map: Map<string, Set<string>>, id: string): Set<string> => {
    const set = map.get(id) ?? new Set<string>();
    map.set(id, set);
    return set;
  };
  return {
    trace: {
      within: (request, handle) => {
        const id = request.headers[TRACE_HEADER];
        return id ? asking.run(id, handle) : handle();
      },
      switchRead: (name) => {
        const id = asking.getStore();
        if (id === undefined) impact.everywhere.add(name);
        else of(impact.switches, id).add(name);
      },
      rewritable: (operationId) => {
        const id = asking.getStore();
        if (id !== undefined) of(impact.operations, id).add(operationId ?? REFUSED_BEFORE_ROUTING);
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
  const below = (id: string, seen = new Set<string>()): Set<string> => {
    for (const f of impact.fixtures.get(id) ?? []) if (!seen.has(f)) below(f, seen.add(f));
    return seen;
  };
  const reachedAs = (id: string): boolean => {
    if (fault.switch !== undefined) return impact.switches.get(id)?.has(fault.switch) ?? false;
    return fault.operation !== undefined && (impact.operations.get(id)?.has(fault.operation) ?? false);
  };
  // A check is reached through its own requests or through those of a fixture it uses (which made them for it).
  const reached = (check: Check): boolean => reachedAs(check.id) || [...below(check.id)].some(reachedAs);
  const selected = new Set(checks.filter((c) => reached(c) || c.requirements.some((id) => fault.requirements.includes(id)) || runWide(c)));
  // A fixture made under the fault is seen by every check that uses it, directly or through another fixture; and a
  // selected check may have made (under the fault) any fixture it used.
  const touched = new Set([...selected].flatMap((c) => [...below(c.id)]));
  for (const c of checks) if ([...below(c.id)].some((f) => touched.has(f))) selected.add(c);
  return checks.filter((c) => selected.has(c));
}
