// The governance checks (notices*.ts, incidents.ts, statistics.ts) against the reference mock: every one passes
// against the faultless mock in both roles, and each fault of these areas makes exactly its own requirements fail —
// nothing else, no check in error or blocked.
import { describe, expect, it } from 'vitest';
import { faults as catalogue, type FaultName } from '../../mocks/faults/index.ts';
import type { CheckResult } from '../../conformance/harness/report.ts';
import { failedRequirements, pool, runChecksAgainstMock } from '../against-mock.ts';
import { areas } from '../../conformance/checks/index.ts';

const checks = [...areas.notices, ...areas.incidents, ...areas.statistics, ...areas.health];
type Role = 'carrier' | 'platform';

/** The faults of the notices, incidents and statistics areas (mocks/faults/governance.ts). */
const FAULTS = catalogue.filter((f) => /^(notice|incident|statistics)-/.test(f.name));

const run = (role: Role, faults: readonly FaultName[]): Promise<CheckResult[]> => runChecksAgainstMock(role, checks, faults, 6);

describe('governance checks against the reference mock', () => {
  it('cover every fault of their areas', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(20);
    for (const fault of FAULTS) {
      const covered = fault.requirements.filter((id) => checks.some((c) => c.requirements.includes(id)));
      expect(covered, fault.name).toEqual(fault.requirements);
    }
  });

  it('pass against the faultless mock in both roles', async () => {
    for (const role of ['carrier', 'platform'] as const) {
      const results = await run(role, []);
      expect(results.filter((r) => r.status !== 'passed').map((r) => `${r.checkId}: ${r.status} ${r.message}`), role).toEqual([]);
    }
  }, 60_000);

  it('fail exactly the requirements of each fault of their areas, in every role the fault concerns', async () => {
    const jobs = FAULTS.flatMap((fault) => (['carrier', 'platform'] as const).filter((role) => fault.role === 'both' || fault.role === role).map((role) => ({ fault, role })));
    const outcomes = await pool(jobs, 8, async ({ fault, role }) => {
      const results = await run(role, [fault.name]);
      const unsettled = results.filter((r) => r.status === 'error' || r.status === 'precondition-failed').map((r) => `${r.checkId}: ${r.status} ${r.message}`);
      return { job: `${fault.name} (${role})`, failed: failedRequirements(results), expected: [...fault.requirements].sort(), unsettled };
    });
    for (const o of outcomes) {
      expect({ job: o.job, failed: o.failed, unsettled: o.unsettled }).toEqual({ job: o.job, failed: o.expected, unsettled: [] });
    }
  }, 120_000);
});
