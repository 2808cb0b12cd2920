// Which checks verify each requirement, and which of the mock's faults violate it: the coverage matrix behind
// `ecdx requirements`, the docs and the meta-tests.
import { faults } from '../mocks/faults/index.ts';
import { registry, type Requirement } from '../spec/registry.ts';
import type { Check } from '../conformance/harness/check.ts';
import { checks as allChecks } from '../conformance/checks/index.ts';

export interface CoverageRow {
  requirement: Requirement;
  checks: string[];
  faults: string[];
}

export function coverageMatrix(checks: readonly Check[] = allChecks): CoverageRow[] {
  return registry().requirements.map((requirement) => ({
    requirement,
    checks: checks.filter((c) => c.requirements.includes(requirement.id)).map((c) => c.id),
    faults: faults.filter((f) => f.requirements.includes(requirement.id)).map((f) => f.name),
  }));
}

/** Testable MUST / MUST NOT requirements: each needs a check, and a fault that proves the check can fail. */
export const isBlackBoxMust = (r: Requirement): boolean => r.testable && r.level.startsWith('MUST');
