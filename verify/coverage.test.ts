// Meta-tests of the suite's tracing: every fault is traced to registered requirements, and every black-box-testable
// MUST requirement has a check and a fault. The checks' own metadata is conformance/checks/checks.test.ts's.
import { describe, expect, it } from 'vitest';
import { requirementById } from '../spec/registry.ts';
import { faults } from '../mocks/faults/index.ts';
import { coverageMatrix, isBlackBoxMust } from './coverage.ts';

describe('fault metadata', () => {
  it('gives every fault a unique kebab-case name and registered requirements', () => {
    const names = faults.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of faults) {
      expect(f.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(f.requirements.length).toBeGreaterThan(0);
      for (const id of f.requirements) expect(requirementById(id), `${f.name}: ${id} is registered`).toBeDefined();
    }
  });
});

describe('coverage', () => {
  const rows = coverageMatrix().filter((row) => isBlackBoxMust(row.requirement));

  it('has a check for every black-box-testable MUST requirement', () => {
    expect(rows.filter((r) => r.checks.length === 0).map((r) => r.requirement.id)).toEqual([]);
  });

  it('has a fault for every black-box-testable MUST requirement', () => {
    expect(rows.filter((r) => r.faults.length === 0).map((r) => r.requirement.id)).toEqual([]);
  });
});
