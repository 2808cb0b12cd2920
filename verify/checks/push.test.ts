// The push checks against the reference mock: with no fault every one passes, and under each fault that breaks one of
// their requirements exactly that fault's requirements fail (in every role the fault concerns), nothing errors.
// The faults are derived from the checks' requirements; verify/verify.ts runs them side by side, one mock each.
import { describe, expect, it } from 'vitest';
import { areas } from '../../conformance/checks/index.ts';
import { MAY_BLOCK as mayBlock } from '../expectations.ts';
import { problemsOf, verify } from '../verify.ts';

const checks = [...areas.push];

/**
 * The slow-acknowledgement fault makes every accepted push take 16 s: only the checks that time the answer run
 * under it, or the checks that push several correct batches would take minutes.
 */
const only = { 'platform-slow-acknowledgement': ['push/receiver-acknowledges-in-time', 'push/receiver-acknowledgement'] };

describe('push checks against the reference mock and their faults', () => {
  it('pass the mock and fail exactly the requirements of each fault', async () => {
    const matrix = await verify({ checks, parallel: 12, only });
    expect(matrix.faults.length).toBeGreaterThanOrEqual(20);
    expect(problemsOf(matrix, checks, { mayBlock })).toEqual([]);
  }, 240_000);
});
