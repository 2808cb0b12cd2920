// The self-test engine's judgement, on matrices written by hand: what problemsOf reports and what it lets pass.
import { describe, expect, it } from 'vitest';
import { defineCheck } from '../conformance/harness/check.ts';
import { faultsFor, problemsOf, verifiedBy, type DetectionMatrix, type RunOutcome } from './verify.ts';

const check = defineCheck({
  id: 'security/x',
  requirements: ['ECDX-SEC-002'],
  title: 'Unsigned refused',
  description: 'A check of one both-role requirement.',
  run: async () => {},
});
const run = (role: 'carrier' | 'platform', outcome: Partial<RunOutcome> = {}): RunOutcome => ({
  role,
  failed: [],
  warned: [],
  errors: [],
  blocked: [],
  results: 1,
  ...outcome,
});
const matrix = (runs: RunOutcome[], detected = true, falseFailures: string[] = []): DetectionMatrix => ({
  baseline: [run('carrier'), run('platform')],
  faults: [{ fault: 'accept-unsigned', requirements: ['ECDX-SEC-002'], role: 'both', runs, detected, falseFailures }],
  summary: { faults: 1, detected: detected ? 1 : 0, withFalseFailures: falseFailures.length ? 1 : 0, baselineClean: true },
});

describe('the self-test engine', () => {
  it('derives the faults from the requirements the checks verify', () => {
    expect(faultsFor([check]).map((f) => f.name)).toEqual(['accept-unsigned']);
    expect([...verifiedBy([check], 'platform')]).toEqual(['ECDX-SEC-002']);
  });

  it('passes a fault that fails exactly its requirement in every role', () => {
    expect(problemsOf(matrix([run('carrier', { failed: ['ECDX-SEC-002'] }), run('platform', { failed: ['ECDX-SEC-002'] })]), [check])).toEqual([]);
  });

  it('reports a role that misses the fault, a block nobody expected, and a fault nothing saw', () => {
    const missed = matrix([run('carrier', { failed: ['ECDX-SEC-002'] }), run('platform', { blocked: ['security/x'] })]);
    expect(problemsOf(missed, [check])).toMatchInlineSnapshot(`
      [
        "accept-unsigned (platform): failed [], expected [ECDX-SEC-002]",
        "accept-unsigned (platform): blocked security/x",
      ]
    `);
    expect(problemsOf(missed, [check], { mayBlock: { 'accept-unsigned': ['security/x'] } })).toHaveLength(1);
    expect(problemsOf(matrix([run('carrier'), run('platform')], false), [check])).toHaveLength(3);
    expect(problemsOf(matrix([run('carrier'), run('platform')], false), [check], { seenElsewhere: ['accept-unsigned'] })).toEqual([]);
  });

  it('reports a dirty baseline and false failures', () => {
    const dirty = matrix([run('carrier', { failed: ['ECDX-SEC-002', 'ECDX-SEC-003'] }), run('platform', { failed: ['ECDX-SEC-002'] })], true, [
      'ECDX-SEC-003 (carrier)',
    ]);
    dirty.baseline[0] = run('carrier', { errors: ['security/x: the target did not answer'] });
    expect(problemsOf(dirty, [check])).toMatchInlineSnapshot(`
      [
        "baseline carrier: failed -; errors security/x: the target did not answer; blocked -",
        "accept-unsigned: false failures ECDX-SEC-003 (carrier)",
        "accept-unsigned (carrier): failed [ECDX-SEC-002, ECDX-SEC-003], expected [ECDX-SEC-002]",
      ]
    `);
  });
});
