// The request pipeline checks (signatures, keys, idempotency, errors) against the reference mock: with no fault every one passes, and under each fault that breaks one of
// their requirements exactly that fault's requirements fail (in every role the fault concerns), nothing errors.
// The faults are derived from the checks' requirements; verify/verify.ts runs them side by side, one mock each.
import { describe, expect, it } from 'vitest';
import { areas } from '../../conformance/checks/index.ts';
import { MAY_BLOCK as mayBlock } from '../expectations.ts';
import { problemsOf, verify } from '../verify.ts';

const checks = [...areas.security, ...areas.idempotency, ...areas.errors];

describe('request pipeline checks (signatures, keys, idempotency, errors) against the reference mock and their faults', () => {
  it('pass the mock and fail exactly the requirements of each fault', async () => {
    const matrix = await verify({ checks, parallel: 12 });
    expect(matrix.faults.length).toBeGreaterThanOrEqual(28);
    expect(problemsOf(matrix, checks, { mayBlock })).toEqual([]);
  }, 240_000);
});
