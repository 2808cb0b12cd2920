// The request pipeline checks (signatures, keys, idempotency, errors) against the reference mock: with no fault every one passes, and under each fault that breaks one of
// their requirements exactly that fault's requirements fail (in every role the fault concerns), nothing errors.
// The faults are derived from the checks' requirements; verify/verify.ts runs them side by side, one mock each.
import { describe, expect, it } from 'vitest';
import { areas } from '../../conformance/checks/index.ts';
import { problemsOf, verify } from '../verify.ts';

const checks = [...areas.security, ...areas.idempotency, ...areas.errors];
/** Checks whose precondition a fault takes away: what they would judge needs the rule the fault breaks. */
const mayBlock = {
  // an unsigned but correct request must be refused first, to see what is looked at before the signature
  'accept-unsigned': ['security/authentication-before-validation'],
  // a request must be refused with 401 for its key to be shown unspent
  'accept-expired-signature': ['idempotency/refused-request-keeps-key'],
  // how long keys are kept shows only where a repeat is answered from the key at all
  'idempotency-replay-creates-again': ['idempotency/kept-for-published-expiry'],
  // a deployment that claims production mode offers no test clock and no test delay
  'claim-production-accepts-demo-keys': ['idempotency/in-flight-conflict', 'idempotency/kept-for-published-expiry', 'security/nonce-remembered-until-expiry'],
};

describe('request pipeline checks (signatures, keys, idempotency, errors) against the reference mock and their faults', () => {
  it('pass the mock and fail exactly the requirements of each fault', async () => {
    const matrix = await verify({ checks, parallel: 12 });
    expect(matrix.faults.length).toBeGreaterThanOrEqual(28);
    expect(problemsOf(matrix, checks, { mayBlock })).toEqual([]);
  }, 240_000);
});
