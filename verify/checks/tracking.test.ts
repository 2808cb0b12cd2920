// The checks of the trajectory and of the privacy of tracking events (tracking.ts, tracking-journey.ts,
// tracking-privacy.ts) against the reference mock: every one passes against the faultless mock, and each fault of
// mocks/faults/tracking.ts makes exactly its own requirements fail — nothing else, no check in error.
import { describe, expect, it } from 'vitest';
import type { FaultName } from '../../mocks/faults/index.ts';
import { trackingFaults } from '../../mocks/faults/tracking.ts';
import type { CheckResult } from '../../conformance/harness/report.ts';
import { failedRequirements, pool, runChecksAgainstMock } from '../against-mock.ts';
import { areas } from '../../conformance/checks/index.ts';

const checks = [...areas.tracking, ...areas['tracking-privacy']];

/** Checks a fault leaves without the state they need (precondition-failed is never a pass, but no failure either). */
const BLOCKED_BY: Record<string, string[]> = {
  'limit-ignored': ['tracking/cursor-lifetime', 'tracking-privacy/cursor-without-personal-data'], // no page gives a cursor
  'cursor-expires-after-a-minute': ['tracking/walk-while-recording'], // its walk needs a cursor kept 55 minutes
};

const run = (faults: readonly FaultName[]): Promise<CheckResult[]> => runChecksAgainstMock('carrier', checks, faults, 4);

describe('trajectory and tracking-privacy checks against the reference mock', () => {
  it('cover every testable TRK requirement and the tracking PRV requirements', () => {
    const covered = new Set(checks.flatMap((c) => c.requirements));
    for (const n of ['001', '002', '003', '004', '005', '006', '007', '008', '009', '010', '011', '012', '013', '014', '015', '016', '017']) expect(covered).toContain(`ECDX-TRK-${n}`);
    for (const n of ['001', '002', '003', '005', '006', '007', '016']) expect(covered).toContain(`ECDX-PRV-${n}`);
  });

  it('pass against the faultless mock', async () => {
    const results = await run([]);
    expect(results.filter((r) => r.status !== 'passed').map((r) => `${r.checkId}: ${r.status} ${r.message}`)).toEqual([]);
  }, 30_000);

  it('fail exactly the requirements of each tracking fault', async () => {
    const outcomes = await pool(trackingFaults, 8, async (fault) => {
      const results = await run([fault.name]);
      const blocked = results.filter((r) => r.status === 'precondition-failed').map((r) => r.checkId).sort();
      const errors = results.filter((r) => r.status === 'error').map((r) => `${r.checkId}: ${r.message}`);
      return { fault: fault.name, failed: failedRequirements(results), expected: [...fault.requirements].sort(), blocked, allowed: (BLOCKED_BY[fault.name] ?? []).sort(), errors };
    });
    for (const o of outcomes) {
      expect({ fault: o.fault, failed: o.failed, errors: o.errors }).toEqual({ fault: o.fault, failed: o.expected, errors: [] });
      expect(o.allowed, `${o.fault}: checks blocked`).toEqual(expect.arrayContaining(o.blocked));
    }
  }, 60_000);
});
