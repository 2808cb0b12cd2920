import { describe, expect, it } from 'vitest';
import { verifyRequestAsync, verifySignatureValueAsync } from './async-verification.ts';
import { createSignatureValue, signRequest, verifyRequest, type SignOptions, type VerifyOptions, type VerifyResult } from './http-signatures.ts';
import { generateEd25519SigningKey, generateHmacKey, Keyring, verificationKeyOf } from './keys.ts';
import { withHeaders, type SignableRequest } from './messages.ts';
import { NonceCache } from './nonce-cache.ts';

const NOW = Date.parse('2026-03-01T09:30:00+08:00');
const platform = generateEd25519SigningKey('platform-1');
const shared = generateHmacKey('platform-hmac');
const shipment: SignableRequest = {
  method: 'POST',
  url: 'https://carrier.example/v1/shipments',
  headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'order-20260301-0001' },
  body: '{"platformOrderId":"ord-20260301-0001"}',
};

const options = (nonceCache = new NonceCache()): VerifyOptions => ({ keyring: new Keyring([platform, shared]), nonceCache, now: NOW });
const sign = (request: SignableRequest, extra: Partial<SignOptions> = {}) => withHeaders(request, signRequest(request, { key: platform, now: NOW, ...extra }));
const outcome = (result: VerifyResult) => (result.ok ? 'ok' : result.problem);

describe('verifySignatureValueAsync', () => {
  for (const key of [platform, shared]) {
    it(`says what verifySignatureValue says for ${key.alg}`, async () => {
      const base = '"@method": GET\n"@signature-params": ("@method")';
      const signature = createSignatureValue(key, base);
      const verification = verificationKeyOf(key);
      expect(await verifySignatureValueAsync(verification, base, signature)).toBe(true);
      expect(await verifySignatureValueAsync(verification, `${base} `, signature)).toBe(false);
      expect(await verifySignatureValueAsync(verification, base, signature.subarray(1))).toBe(false);
      expect(await verifySignatureValueAsync(verification, base, new Uint8Array(64))).toBe(false);
    });
  }
});

describe('verifyRequestAsync', () => {
  it('accepts what verifyRequest accepts, with the same result', async () => {
    for (const key of [platform, shared]) {
      const signed = sign(shipment, { key, nonce: `nonce-for-${key.alg}-0123456789` });
      const sync = verifyRequest(signed, options());
      expect(sync.ok).toBe(true);
      expect(await verifyRequestAsync(signed, options())).toEqual(sync);
    }
  });

  it('refuses what verifyRequest refuses, with the same problem and detail', async () => {
    const refused: SignableRequest[] = [
      shipment,
      { ...sign(shipment), body: '{"platformOrderId":"ord-20260301-0002"}' },
      sign(shipment, { key: generateEd25519SigningKey('platform-1') }),
      sign(shipment, { key: generateEd25519SigningKey('stranger') }),
      sign(shipment, { now: NOW - 331_000 }),
      sign(shipment, { tamper: { params: { alg: 'hmac-sha256' } } }),
      sign(shipment, { key: shared, tamper: { params: { alg: 'ed25519' } } }),
      { ...sign(shipment), method: 'PUT' },
      withHeaders(shipment, { 'signature-input': 'ecdx=(', signature: 'ecdx=:AAAA:' }),
    ];
    for (const request of refused) {
      const sync = verifyRequest(request, options());
      expect(sync.ok).toBe(false);
      expect(await verifyRequestAsync(request, options())).toEqual(sync);
    }
  });

  it('accepts one of two requests carrying the same nonce, verified at once', async () => {
    const nonceCache = new NonceCache();
    const nonce = 'one-nonce-for-both-0123456789';
    const results = await Promise.all([sign(shipment, { nonce }), sign(shipment, { nonce })].map((r) => verifyRequestAsync(r, options(nonceCache))));
    expect(results.map(outcome).sort()).toEqual(['nonce-replayed', 'ok']);
  });

  it('records no nonce for a signature that does not verify', async () => {
    const nonceCache = new NonceCache();
    const nonce = 'nonce-of-a-bad-signature-0123';
    const forged = sign(shipment, { nonce, key: generateEd25519SigningKey('platform-1') });
    expect(outcome(await verifyRequestAsync(forged, options(nonceCache)))).toBe('signature-invalid');
    expect(outcome(await verifyRequestAsync(sign(shipment, { nonce }), options(nonceCache)))).toBe('ok');
  });
});
