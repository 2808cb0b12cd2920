// The shipping and shipping-privacy checks (shipping.ts, shipping-vectors.ts, shipping-privacy.ts) against the
// reference mock carrier: every one passes against the faultless mock, each fault of these areas makes exactly its
// own requirements fail, and the faults of neighbouring areas that touch the same answers (the shape of problems,
// the tracking cursor) fail nothing outside their own list. No check may end in error.
import { describe, expect, it } from 'vitest';
import { faultByName, type FaultName } from '../../mocks/faults/index.ts';
import type { CheckResult } from '../../conformance/harness/report.ts';
import { failedRequirements, pool, runChecksAgainstMock } from '../against-mock.ts';
import { areas } from '../../conformance/checks/index.ts';

const shippingChecks = [...areas.shipping, ...areas.privacy, ...areas.consent];

/** Faults of the shipping and shipping-privacy areas: each must fail exactly its requirements. */
const OWN_FAULTS = [
  'shipment-created-without-location', 'waybill-reused-for-same-order', 'accept-foreign-carrier-code', 'accept-prohibited-contents',
  'require-package-weight', 'shipment-read-order-id-upper-cased', 'unknown-waybill-validation-failed', 'cancelled-shipment-read-as-created',
  'cancel-after-acceptance', 'repeat-cancellation-restamped', 'shipment-updated-before-created', 'accept-lapsed-consent',
  'consent-demanded-for-order', 'accept-cross-border-without-legal-basis', 'ignore-separate-consent-reference', 'accept-undefined-members',
  'accept-any-purpose', 'accept-invalid-shipping-data', 'accept-invalid-cancellation',
] as const;
/** Faults of other areas that change answers these checks judge: they may fail only their own requirements. */
const NEIGHBOUR_FAULTS = [
  'problem-as-plain-text', 'problem-type-about-blank', 'problem-without-invalid-params', 'problem-echoes-personal-data', 'cursor-with-recipient-phone',
] as const;

const run = (faults: readonly FaultName[]): Promise<CheckResult[]> => runChecksAgainstMock('carrier', shippingChecks, faults, 6);

describe('shipping checks against the reference mock carrier', () => {
  it('verify every testable MUST requirement of their areas', () => {
    const covered = new Set(shippingChecks.flatMap((c) => c.requirements));
    for (const id of ['001', '002', '003', '004', '005', '006', '007', '008', '009', '010', '011', '012', '013']) expect(covered.has(`ECDX-SHP-${id}`), id).toBe(true);
    for (const id of ['ECDX-PRV-010', 'ECDX-PRV-012', 'ECDX-PRV-016', 'ECDX-CON-002', 'ECDX-CON-003', 'ECDX-CON-004', 'ECDX-CON-005']) expect(covered.has(id), id).toBe(true);
  });

  it('pass against the faultless mock', async () => {
    const results = await run([]);
    expect(results.map((r) => `${r.checkId}: ${r.status} ${r.status === 'passed' ? '' : r.message}`.trim())).toEqual(results.map((r) => `${r.checkId}: passed`));
  }, 30_000);

  it('fail exactly the requirements of each fault of their areas, and nothing outside a neighbouring fault\'s list', async () => {
    const jobs = [...OWN_FAULTS.map((name) => ({ name, exact: true })), ...NEIGHBOUR_FAULTS.map((name) => ({ name, exact: false }))];
    const outcomes = await pool(jobs, 8, async ({ name, exact }) => {
      const fault = faultByName(name);
      if (!fault) throw new Error(`the fault ${name} is not in the catalogue`);
      const results = await run([name]);
      const failed = failedRequirements(results);
      const errors = results.filter((r) => r.status === 'error').map((r) => `${r.checkId}: ${r.message}`);
      const outside = failed.filter((id) => !fault.requirements.includes(id));
      return { name, ok: errors.length === 0 && (exact ? failed.join() === [...fault.requirements].sort().join() : outside.length === 0), failed, expected: fault.requirements, errors };
    });
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
  }, 60_000);
});
