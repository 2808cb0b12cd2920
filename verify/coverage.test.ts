// Meta-tests of the suite (after test262's metadata linter): every check is well-formed and traced to registered
// requirements of its own class, and every black-box-testable MUST requirement has a check and a fault.
import { describe, expect, it } from 'vitest';
import { conformanceClassNames } from '../schemas/src/classes.ts';
import { requirementById } from '../spec/registry.ts';
import { faults } from '../mocks/faults/index.ts';
import { checks } from '../conformance/checks/index.ts';
import { coverageMatrix, isBlackBoxMust } from './coverage.ts';

describe('check metadata', () => {
  it('gives every check a unique, well-formed id', () => {
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(checks.map((c) => [c.id, c] as const))('%s names registered requirements, a known class, a title and a description', (_id, check) => {
    expect(check.requirements.length).toBeGreaterThan(0);
    expect(conformanceClassNames).toContain(check.class);
    expect(check.title.length).toBeGreaterThan(5);
    expect(check.description.length).toBeGreaterThan(20);
    for (const id of check.requirements) {
      const requirement = requirementById(id);
      expect(requirement, `${id} is registered`).toBeDefined();
      expect(requirement!.testable, `${id} is black-box testable`).toBe(true);
      if (requirement!.role !== 'both' && check.role !== 'both') expect(check.role, `${id} is a ${requirement!.role} requirement`).toBe(requirement!.role);
    }
  });
});

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
