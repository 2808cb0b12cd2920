import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, compactVerify, exportJWK, importSPKI } from 'jose';
import { describe, expect, it } from 'vitest';
import { detachedProblem, keyThumbprint, sealOf, signDetached } from './seal.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519').publicKey;
const payload = Buffer.from('{\n  "verdict": "conformant"\n}\n');

describe('a sealed report', () => {
  it('names its key by the RFC 7638 thumbprint jose computes, from the private or the public key', async () => {
    const expected = await calculateJwkThumbprint(await exportJWK(publicKey), 'sha256');
    expect(keyThumbprint(privateKey)).toBe(expected);
    expect(keyThumbprint(publicKey)).toBe(expected);
    expect(sealOf(privateKey)).toEqual({ alg: 'EdDSA', keyThumbprint: expected, signature: 'report.json.jws' });
  });

  it('is a detached JWS that jose verifies once the payload is put back (RFC 7515 Appendix F)', async () => {
    const jws = signDetached(payload, privateKey);
    const [header, detached, signature] = jws.split('.');
    expect(detached).toBe('');
    const key = await importSPKI(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'EdDSA');
    const { payload: verified, protectedHeader } = await compactVerify(`${header}.${payload.toString('base64url')}.${signature}`, key);
    expect(Buffer.from(verified).equals(payload)).toBe(true);
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: keyThumbprint(publicKey) });
  });

  it('verifies the bytes it signed, and no others, with its key and no other', () => {
    const jws = signDetached(payload, privateKey);
    expect(detachedProblem(payload, jws, publicKey)).toBeUndefined();
    const edited = Buffer.from(payload);
    edited[5] = edited[5]! ^ 1;
    expect(detachedProblem(edited, jws, publicKey)).toMatch(/does not verify/);
    expect(detachedProblem(payload, jws, other)).toMatch(/does not verify/);
    expect(detachedProblem(payload, jws.replace('..', `.${payload.toString('base64url')}.`), publicKey)).toMatch(/no detached JWS/);
    const hs = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}..${jws.split('.')[2]}`;
    expect(detachedProblem(payload, hs, publicKey)).toMatch(/not EdDSA/);
    const crit = `${Buffer.from('{"alg":"EdDSA","b64":false,"crit":["b64"]}').toString('base64url')}..${jws.split('.')[2]}`;
    expect(detachedProblem(payload, crit, publicKey)).toMatch(/extensions/);
  });
});
