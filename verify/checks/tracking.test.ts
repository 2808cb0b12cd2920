// The trajectory and tracking-privacy checks against the reference mock: with no fault every one passes, and under each fault that breaks one of
// their requirements exactly that fault's requirements fail (in every role the fault concerns), nothing errors, and only the
// checks a fault is known to leave without their state are blocked.
// The faults are derived from the checks' requirements; verify/verify.ts runs them side by side, one mock each.
import { describe, expect, it } from 'vitest';
import { areas } from '../../conformance/checks/index.ts';
import { MAY_BLOCK as mayBlock } from '../expectations.ts';
import { problemsOf, verify } from '../verify.ts';

const checks = [...areas.tracking, ...areas['tracking-privacy']];

/** ECDX-PRV-016 at the Location of a notice a platform received: the privacy checks see it, these at the events cursor. */
const seenElsewhere = ['notice-location-with-mitigation'] as const;

describe('trajectory and tracking-privacy checks against the reference mock and their faults', () => {
  it('pass the mock and fail exactly the requirements of each fault', async () => {
    const matrix = await verify({ checks, parallel: 12 });
    expect(matrix.faults.length).toBeGreaterThanOrEqual(20);
    expect(problemsOf(matrix, checks, { mayBlock, seenElsewhere })).toEqual([]);
  }, 240_000);
});
