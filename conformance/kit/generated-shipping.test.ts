import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isProhibitedContentsCategory, ShipmentRequest } from '../../schemas/src/index.ts';
import { violations } from '../../schemas/validate.ts';
import { arbitraryFor } from '../generate/arbitrary.ts';
import { acceptableShippingData } from './generated-shipping.ts';

const NOW = Date.parse('2026-12-02T10:00:00+08:00');
// biome-ignore lint/suspicious/noExplicitAny: drawn requests are read member by member in these assertions
type Json = Record<string, any>;

describe('acceptableShippingData', () => {
  const drawn = fc.sample(arbitraryFor<Json>(ShipmentRequest, { optionalMembers: 'always' }), { seed: 17, numRuns: 150 });
  const made = drawn.map((d) => acceptableShippingData(d, 'ECDXDEMO', NOW) as Json);

  it('keeps every drawn request valid against ShipmentRequest', () => {
    for (const body of made) expect(violations(ShipmentRequest, body)).toEqual([]);
  });

  it('addresses the target, declares no prohibited contents, and carries only current consents', () => {
    for (const body of made) {
      expect(body['carrierCode']).toBe('ECDXDEMO');
      for (const line of body['contents']) expect(isProhibitedContentsCategory(line.category)).toBe(false);
      for (const consent of body['consents'] ?? []) {
        expect(Date.parse(consent.grantedAt)).toBeLessThan(NOW);
        expect(Date.parse(consent.expiresAt)).toBeGreaterThan(NOW);
        expect(consent.withdrawnAt).toBeUndefined();
      }
    }
  });

  it('makes a separate cross-border consent name a CROSS_BORDER_TRANSFER record of the same request', () => {
    const separate = made.filter((b) => b['crossBorder']?.separateConsentId !== undefined);
    expect(separate.length).toBeGreaterThan(0);
    for (const body of separate) {
      expect(body['consents'].some((c: Json) => c.consentId === body['crossBorder'].separateConsentId && c.purpose === 'CROSS_BORDER_TRANSFER')).toBe(true);
    }
  });

  it('leaves what it was given as it was', () => {
    const before = JSON.stringify(drawn[0]);
    acceptableShippingData(drawn[0]!, 'OTHER', NOW);
    expect(JSON.stringify(drawn[0])).toBe(before);
  });
});
