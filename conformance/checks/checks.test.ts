// Meta-tests of the checks (after test262's metadata linter): every check is well-formed, traced to registered
// testable requirements, filed in the folder its id names, and says nothing the registry already says.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceClassNames } from '../../schemas/src/classes.ts';
import { requirementById } from '../../spec/registry.ts';
import { classOf, roleOf } from '../harness/check.ts';
import { areas, checks } from './index.ts';

const conformance = join(import.meta.dirname, '..');
const sources = (dir: string) =>
  readdirSync(join(conformance, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(conformance, join(e.parentPath, e.name)));

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

  it('says class and role only where the requirements do not give them', () => {
    const redundant = checks.flatMap((c) => [
      ...(c.declared.class !== undefined && c.declared.class === classOf(c.requirements) ? [`${c.id}: class ${c.declared.class}`] : []),
      ...(c.declared.role !== undefined && c.declared.role === roleOf(c.requirements) ? [`${c.id}: role ${c.declared.role}`] : []),
    ]);
    expect(redundant).toEqual([]);
  });

  it('files every area in the folder its checks are named after, and every folder in the table', () => {
    const folders = readdirSync(join(conformance, 'checks'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.sort()).toEqual(Object.keys(areas).sort());
    for (const [area, list] of Object.entries(areas)) {
      expect(list.length, `${area} has checks`).toBeGreaterThan(0);
      for (const check of list) expect(check.id.startsWith(`${area}/`), check.id).toBe(true);
      const text = sources(`checks/${area}`)
        .map((f) => readFileSync(join(conformance, f), 'utf8'))
        .join('\n');
      for (const check of list) expect(text.includes(`id: '${check.id}'`), `${check.id} is defined in checks/${area}/`).toBe(true);
    }
  });

  it('gives shared fixtures unique ids', () => {
    const fixtures = new Map<string, unknown>();
    for (const check of checks) {
      for (const fixture of Object.values(check.uses)) {
        const seen = fixtures.get(fixture.id);
        expect(seen === undefined || seen === fixture, `two fixtures are named ${fixture.id}`).toBe(true);
        fixtures.set(fixture.id, fixture);
      }
    }
  });
});

describe('the check sources', () => {
  const files = [...sources('checks'), ...sources('kit'), ...sources('harness')].filter((f) => !f.endsWith('.test.ts'));

  it('never fake a passing assertion: a step not taken is t.blocked, a scan that found nothing t.expectNone', () => {
    const faked = files.filter((f) => /\bassert\(\s*true\b/.test(readFileSync(join(conformance, f), 'utf8')));
    expect(faked).toEqual([]);
  });

  it('test every module of the check kit', () => {
    const untested = sources('kit').filter((f) => !f.endsWith('.test.ts') && !sources('kit').includes(f.replace(/\.ts$/, '.test.ts')));
    expect(untested).toEqual([]);
  });
});
