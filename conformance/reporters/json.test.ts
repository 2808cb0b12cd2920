import { TypeCompiler } from '@sinclair/typebox/compiler';
import { describe, expect, it } from 'vitest';
import { ConformanceReport, isConformant, summarise } from '../harness/report.ts';
import { controlReport, FIXTURE_NAMES, hostileReport, loadFixture, RAW_CONTROL } from './fixtures/index.ts';
import { renderJson } from './json.ts';

const validator = TypeCompiler.Compile(ConformanceReport);

describe('report.json', () => {
  it.each(FIXTURE_NAMES)('of %s is the report as is, pretty-printed, and valid against ConformanceReport', (name) => {
    const report = loadFixture(name);
    const text = renderJson(report);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"summary": \{$/);
    const parsed: unknown = JSON.parse(text);
    expect(parsed).toEqual(report);
    expect([...validator.Errors(parsed)]).toEqual([]);
  });

  it('keeps hostile evidence byte for byte (escaping is the job of the renderers that display it)', () => {
    const report = hostileReport();
    const parsed: unknown = JSON.parse(renderJson(report));
    expect(validator.Check(parsed)).toBe(true);
    expect(parsed).toEqual(report);
  });

  it('writes control characters and bidi overrides as \\u escapes: the same strings, nothing raw for a terminal', () => {
    const report = controlReport();
    const text = renderJson(report);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toContain('\\u009b31m');
    expect(text).toContain('\\u202eh\\u2066i');
    expect(JSON.parse(text)).toEqual(report);
  });

  it.each(FIXTURE_NAMES)('fixture %s is self-consistent: summary and verdict follow from its results', (name) => {
    const report = loadFixture(name);
    expect(report.summary).toEqual(summarise(report.results));
    expect(report.conformant).toBe(isConformant(report.results));
  });

  it('the failure fixture holds every result state, failures with evidence, and a passing fixture only passes', () => {
    const failing = loadFixture('with-failures');
    expect(new Set(failing.results.map((r) => r.status))).toEqual(
      new Set(['passed', 'failed', 'warning', 'skipped', 'precondition-failed', 'error', 'waived']),
    );
    for (const r of failing.results.filter((x) => x.status === 'failed')) {
      expect(r.evidence.some((e) => e.kind === 'http')).toBe(true);
      expect(r.evidence.some((e) => e.kind === 'assertion' && !e.passed)).toBe(true);
    }
    const passing = loadFixture('all-passing');
    expect(passing.conformant).toBe(true);
    expect(passing.results.every((r) => r.status === 'passed')).toBe(true);
  });
});
