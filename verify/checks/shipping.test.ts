// The shipping, privacy and consent checks against the reference mock: with no fault every one passes, and under each fault that breaks one of
// their requirements exactly that fault's requirements fail (in every role the fault concerns), nothing errors.
// The faults are derived from the checks' requirements; verify/verify.ts runs them side by side, one mock each.
import { describe, expect, it } from 'vitest';
import { areas } from '../../conformance/checks/index.ts';
import { MAY_BLOCK as mayBlock } from '../expectations.ts';
import { problemsOf, verify } from '../verify.ts';

const checks = [...areas.shipping, ...areas.privacy, ...areas.consent];
/** ECDX-PRV-016 at the events cursor: the tracking-privacy checks see it, these check it at the Location header. */
const seenElsewhere = ['cursor-with-recipient-phone'] as const;

describe('shipping, privacy and consent checks against the reference mock and their faults', () => {
  it('pass the mock and fail exactly the requirements of each fault', async () => {
    const matrix = await verify({ checks, parallel: 12 });
    expect(matrix.faults.length).toBeGreaterThanOrEqual(19);
    expect(problemsOf(matrix, checks, { seenElsewhere, mayBlock })).toEqual([]);
  }, 240_000);
});
