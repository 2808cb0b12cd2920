import { describe, expect, it } from 'vitest';
import { defineCheck } from './check.ts';
import type { CheckResult, Waiver } from './report.ts';
import { verdictOf } from './report.ts';
import { applyWaivers, certificationProblem, parseWaivers, validateWaivers, WaiverError } from './waivers.ts';

const waiver: Waiver = { check: 'discovery/claim-served-unsigned', justification: 'fixed in 4.2', grantedBy: 'A. Auditor', expires: '2030-01-31' };

const result = (status: CheckResult['status'], over: Partial<CheckResult> = {}): CheckResult => ({
  checkId: 'discovery/claim-served-unsigned',
  requirementIds: ['ECDX-CNF-001', 'ECDX-CNF-002'],
  class: 'core',
  role: 'both',
  level: 'MUST',
  status,
  title: 't',
  message: 'm',
  evidence: [],
  durationMs: 1,
  ...over,
});

describe('parseWaivers', () => {
  it('reads a YAML list of waivers', () => {
    const text = `- check: discovery/claim-served-unsigned\n  justification: fixed in 4.2\n  grantedBy: A. Auditor\n  expires: 2030-01-31\n- requirement: ECDX-CNF-001\n  justification: j\n  grantedBy: g\n  expires: "2030-02-28"\n`;
    expect(parseWaivers(text, 'w.yaml')).toEqual([waiver, { requirement: 'ECDX-CNF-001', justification: 'j', grantedBy: 'g', expires: '2030-02-28' }]);
  });

  it.each([
    ['- check: [', /^w\.yaml is not valid YAML: /],
    ['check: x', /^w\.yaml must hold a list of waivers/],
    ['- check: a\n  grantedBy: g\n  expires: 2030-01-01', /^w\.yaml: waiver 1 \(justification\) expected required property$/],
    ['- check: a\n  justification: j\n  grantedBy: g\n  expires: 31.01.2030', /^w\.yaml: waiver 1 \(expires\) expected string to match/],
    ['- check: a\n  justification: j\n  grantedBy: g\n  expires: 2030-02-30', /^w\.yaml: waiver 1: expires '2030-02-30' is no calendar date$/],
    ['- check: a\n  justification: j\n  grantedBy: g\n  expires: 2030-01-01\n  until: x', /^w\.yaml: waiver 1 \(until\) unexpected property$/],
    ['- justification: j\n  grantedBy: g\n  expires: 2030-01-01', /^w\.yaml: waiver 1 must name one check or one requirement$/],
    ['- check: a\n  requirement: ECDX-CNF-001\n  justification: j\n  grantedBy: g\n  expires: 2030-01-01', /must name one check or one requirement/],
  ])('refuses %j in one line', (text, message) => {
    expect(() => parseWaivers(text, 'w.yaml')).toThrow(WaiverError);
    expect(() => parseWaivers(text, 'w.yaml')).toThrow(message);
  });
});

describe('validateWaivers', () => {
  const checks = [
    defineCheck({
      id: 'discovery/claim-served-unsigned',
      requirements: ['ECDX-CNF-001'],
      class: 'core',
      role: 'both',
      title: 't',
      description: 'd',
      run: async () => {},
    }),
  ];

  it('takes a waiver whose last day is today, and refuses one that ended yesterday', () => {
    expect(() => validateWaivers([waiver], checks, '2030-01-31')).not.toThrow();
    expect(() => validateWaivers([waiver], checks, '2030-02-01')).toThrow(
      'the waiver of check discovery/claim-served-unsigned expired on 2030-01-31 (granted by A. Auditor): renew it or remove it',
    );
  });

  it('refuses a check or a requirement that does not exist', () => {
    expect(() => validateWaivers([{ ...waiver, check: 'discovery/nosuch' }], checks, '2029-01-01')).toThrow(/names check 'discovery\/nosuch'/);
    const { check: _, ...rest } = waiver;
    expect(() => validateWaivers([{ ...rest, requirement: 'ECDX-CNF-999' }], checks, '2029-01-01')).toThrow(/requirement 'ECDX-CNF-999'/);
  });
});

describe('applyWaivers', () => {
  it('waives a failure, keeps its real status, and records the waiver as applied', () => {
    const { results, uses } = applyWaivers([result('failed')], [waiver]);
    expect(results[0]).toMatchObject({ status: 'waived', message: 'm', waiver: { waivedStatus: 'failed', grants: [waiver] } });
    expect(uses).toEqual([{ ...waiver, use: 'applied', checks: ['discovery/claim-served-unsigned'] }]);
  });

  it.each(['warning', 'error', 'precondition-failed'] as const)('waives %s too', (status) => {
    expect(applyWaivers([result(status)], [waiver]).results[0]!.waiver?.waivedStatus).toBe(status);
  });

  it('never waives a pass or a skip, and reports the waiver unused', () => {
    const { results, uses } = applyWaivers([result('passed'), result('skipped')], [waiver]);
    expect(results.map((r) => r.status)).toEqual(['passed', 'skipped']);
    expect(uses[0]!.use).toBe('unused');
  });

  it('waives by requirement only when every failed requirement is waived', () => {
    const cnf1: Waiver = { requirement: 'ECDX-CNF-001', justification: 'j', grantedBy: 'g', expires: '2030-01-01' };
    const cnf2: Waiver = { ...cnf1, requirement: 'ECDX-CNF-002' };
    expect(applyWaivers([result('failed', { failedRequirementIds: ['ECDX-CNF-001'] })], [cnf1]).results[0]!.status).toBe('waived');
    expect(applyWaivers([result('failed', { failedRequirementIds: ['ECDX-CNF-002'] })], [cnf1]).results[0]!.status).toBe('failed');
    expect(applyWaivers([result('error')], [cnf1]).results[0]!.status).toBe('error');
    expect(applyWaivers([result('error')], [cnf1, cnf2]).results[0]!.waiver?.grants).toEqual([cnf1, cnf2]);
  });

  it('under certification waives nothing and records each waiver as ignored, with what it would have covered', () => {
    const { results, uses } = applyWaivers([result('failed')], [waiver], true);
    expect(results[0]!.status).toBe('failed');
    expect(uses).toEqual([{ ...waiver, use: 'ignored', checks: ['discovery/claim-served-unsigned'] }]);
  });

  it('makes a whole run that passes only with waivers conformant-with-waivers, never conformant', () => {
    const { results } = applyWaivers([result('failed'), result('passed', { checkId: 'x' })], [waiver]);
    expect(verdictOf(results, { partial: false })).toBe('conformant-with-waivers');
    expect(verdictOf([result('passed')], { partial: false })).toBe('conformant');
  });
});

describe('certificationProblem', () => {
  it('refuses every filter: --only, --skip and --classes', () => {
    expect(certificationProblem({})).toBeUndefined();
    expect(certificationProblem({ only: ['discovery'] })).toMatch(/^--certify runs the whole claimed suite: --only cannot narrow it/);
    expect(certificationProblem({ skip: ['x'] })).toMatch(/--skip cannot narrow it/);
    expect(certificationProblem({ classes: ['core'] })).toMatch(/--classes cannot narrow it/);
    expect(certificationProblem({ fuzzRuns: 5 })).toMatch(/--fuzz-runs 5 draws fewer generated cases than its 40/);
    expect(certificationProblem({ fuzzRuns: 400 })).toBeUndefined();
  });
});
