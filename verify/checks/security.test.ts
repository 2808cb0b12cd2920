// The checks of the request pipeline (security.ts, security-keys.ts, idempotency.ts, errors.ts) against the
// reference mock: every one passes against the faultless mock, and each fault of these areas makes exactly its own
// requirements fail — nothing else, no check in error.
import { describe, expect, it } from 'vitest';
import { faultByName, type FaultName } from '../../mocks/faults/index.ts';
import type { CheckResult } from '../../conformance/harness/report.ts';
import { failedRequirements, pool, runChecksAgainstMock } from '../against-mock.ts';
import { areas } from '../../conformance/checks/index.ts';

const checks = [...areas.security, ...areas.idempotency, ...areas.errors];
type Role = 'carrier' | 'platform';

const FAULTS = [
  'accept-unsigned', 'accept-uncovered-components', 'ignore-content-digest', 'accept-expired-signature', 'accept-replayed-nonce',
  'accept-unknown-key', 'accept-bad-signature', 'validate-before-authenticate', 'claim-production-accepts-demo-keys',
  'idempotency-key-optional', 'idempotency-replay-creates-again', 'idempotency-key-reuse-accepted', 'idempotency-no-in-flight-guard',
  'idempotency-key-global-scope', 'claim-idempotency-expiry-overstated', 'idempotency-key-consumed-by-refusal', 'credential-in-location',
  'unknown-path-needs-signature', 'wrong-method-as-not-found', 'no-body-size-limit', 'ignore-content-type', 'server-error-on-bad-input',
  'malformed-json-as-validation-error', 'problem-as-plain-text', 'problem-type-about-blank', 'problem-without-invalid-params',
  'problem-echoes-personal-data', 'claim-hmac-not-honoured',
] as const;

const run = (role: Role, faults: readonly FaultName[]): Promise<CheckResult[]> => runChecksAgainstMock(role, checks, faults, 6);

/** Run `jobs` with at most `size` at a time. */
describe('request pipeline checks against the reference mock', () => {
  it('pass against the faultless mock in both roles', async () => {
    const roles = ['carrier', 'platform'] as const;
    const runs = await Promise.all(roles.map((role) => run(role, [])));
    roles.forEach((role, i) => {
      const notPassed = runs[i]!.filter((r) => r.status !== 'passed');
      expect(notPassed.map((r) => `${r.checkId}: ${r.status} ${r.message}`), role).toEqual([]);
    });
  }, 60_000);

  it('fail exactly the requirements of each fault of their areas', async () => {
    const jobs = FAULTS.flatMap((name) => {
      const fault = faultByName(name);
      if (!fault) throw new Error(`the fault ${name} is not in the catalogue`);
      return (['carrier', 'platform'] as const).filter((role) => fault.role === 'both' || fault.role === role).map((role) => ({ name, role, fault }));
    });
    const outcomes = await pool(jobs, 8, async ({ name, role, fault }) => {
      const results = await run(role, [name]);
      const expected = [...fault.requirements].filter((id) => checks.some((c) => c.requirements.includes(id))).sort();
      const errors = results.filter((r) => r.status === 'error').map((r) => `${r.checkId}: ${r.message}`);
      return { job: `${name} (${role})`, failed: failedRequirements(results), expected, errors };
    });
    for (const o of outcomes) {
      expect({ job: o.job, failed: o.failed, errors: o.errors }).toEqual({ job: o.job, failed: o.expected, errors: [] });
    }
  }, 120_000);
});
