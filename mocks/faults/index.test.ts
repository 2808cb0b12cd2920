// The catalogue against the core's mechanism: every fault is either a switch of the registry (each switch flipped by
// exactly one fault, of the same name) or a rewrite of an operation of the standard; and names resolve to faults in
// catalogue order, refusing one the catalogue does not have.
import { describe, expect, it } from 'vitest';
import { RoleScope } from '../../schemas/src/index.ts';
import { isValid } from '../../schemas/validate.ts';
import { operations } from '../../spec/openapi/operations.ts';
import { switches } from '../core/switches.ts';
import { faultByName, faults, faultsNamed, isFaultName } from './index.ts';

describe('the fault catalogue', () => {
  it('holds switch faults named as the switch they flip, one for every switch of the registry', () => {
    const flipped = faults.flatMap((f) => (f.switch === undefined ? [] : [f.switch]));
    expect(faults.filter((f) => f.switch !== undefined && f.switch !== f.name).map((f) => f.name)).toEqual([]);
    expect([...flipped].sort()).toEqual(Object.values(switches).flat().sort());
  });

  it('routes every rewrite to an operation of the standard, or to every answer', () => {
    const ids = new Set<string>(['*', ...operations.map((o) => o.operationId)]);
    const rewrites = faults.filter((f) => f.rewrite !== undefined);
    expect(rewrites.length).toBeGreaterThan(30);
    expect(rewrites.filter((f) => !ids.has(f.operation!)).map((f) => `${f.name} → ${f.operation}`)).toEqual([]);
  });

  it('gives every fault a role of the one role type', () => {
    expect(faults.filter((f) => !isValid(RoleScope, f.role)).map((f) => f.name)).toEqual([]);
  });

  it('resolves names to its faults in catalogue order, each once', () => {
    const named = faultsNamed('problem-as-plain-text', 'accept-unsigned', 'problem-as-plain-text');
    expect(named.map((f) => f.name)).toEqual(['accept-unsigned', 'problem-as-plain-text']);
    expect(named[0]).toBe(faultByName('accept-unsigned'));
  });

  it('refuses a name it does not have: at compile time, and from plain JavaScript with the CLI’s message', () => {
    expect(isFaultName('accept-unsigned')).toBe(true);
    expect(isFaultName('accept-unsinged')).toBe(false);
    // @ts-expect-error — 'accept-unsinged' is no fault of the catalogue
    expect(() => faultsNamed('accept-unsinged')).toThrow("unknown fault 'accept-unsinged' (see ecdx mock --list-faults)");
  });
});
