import { describe, expect, it } from 'vitest';
import { PreconditionFailed } from '../harness/check.ts';
import { scriptedClaim, scriptedContext } from '../harness/scripted-target.ts';
import { claimedSchemes, claimsClass, targetCarrierCode } from './claim.ts';

describe('kit/claim', () => {
  it('reads the claimed classes by their URIs', () => {
    const { t } = scriptedContext({ role: 'carrier', claim: scriptedClaim('carrier', ['carrier-shipping']) });
    expect(claimsClass(t, 'carrier-shipping')).toBe(true);
    expect(claimsClass(t, 'core')).toBe(true);
    expect(claimsClass(t, 'carrier-tracking-push')).toBe(false);
    expect(claimsClass(scriptedContext({ role: 'carrier' }).t, 'core')).toBe(false);
  });

  it('lists the push schemes v1a first, and v1a when the claim says none', () => {
    const both = scriptedContext({ role: 'carrier', claim: scriptedClaim('carrier', [], { webhookSignatureSchemes: ['v1', 'v1a'] }) }).t;
    expect(claimedSchemes(both)).toEqual(['v1a', 'v1']);
    expect(claimedSchemes(scriptedContext({ role: 'carrier' }).t)).toEqual(['v1a']);
  });

  it('gives the carrier code, or ends the check precondition-failed', () => {
    expect(targetCarrierCode(scriptedContext({ role: 'carrier', claim: scriptedClaim('carrier') }).t)).toBe('ECDXDEMO');
    const { t } = scriptedContext({ role: 'platform', claim: scriptedClaim('platform') });
    expect(() => targetCarrierCode(t)).toThrow(PreconditionFailed);
    expect(t.evidence).toMatchInlineSnapshot(`
      [
        {
          "kind": "assertion",
          "message": "precondition: the conformance claim names no carrier code (party.carrierCode)",
          "passed": false,
          "translations": {
            "zh-Hans": {
              "message": "前提条件：一致性声明未给出快递企业代码（party.carrierCode）",
            },
          },
        },
      ]
    `);
  });
});
