// Sealed reports (decision 0048): report.json signed with an Ed25519 key as a JWS with a detached payload (RFC 7515
// Appendix F; EdDSA, RFC 8037), so that any JOSE library checks it, and a counterparty or an authority can trust a
// report without running the suite again. The signature covers the exact bytes of report.json as written: the
// file is verified as it lies, never parsed and serialised again.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { SIGNATURE_FILE, type Seal } from './report.ts';

const b64url = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url');

/** The RFC 7638 thumbprint of an Ed25519 key (private or public): SHA-256 of `{"crv","kty","x"}` in that order, base64url. */
export function keyThumbprint(key: KeyObject): string {
  const jwk = (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new TypeError('a report is sealed with an Ed25519 key only');
  return createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
    .digest('base64url');
}

/** What report.json says of its seal before it is signed: the algorithm, the key and where the signature is. */
export const sealOf = (privateKey: KeyObject): Seal => ({ alg: 'EdDSA', keyThumbprint: keyThumbprint(privateKey), signature: SIGNATURE_FILE });

/** The detached JWS over `payload` (compact serialisation, empty payload part): `header..signature`. */
export function signDetached(payload: Uint8Array, privateKey: KeyObject): string {
  const header = b64url(JSON.stringify({ alg: 'EdDSA', kid: keyThumbprint(privateKey) }));
  const signature = sign(null, Buffer.from(`${header}.${b64url(payload)}`, 'ascii'), privateKey);
  return `${header}..${b64url(signature)}`;
}

/** Why a detached JWS does not verify `payload` with `publicKey`, or undefined when it does. */
export function detachedProblem(payload: Uint8Array, jws: string, publicKey: KeyObject): string | undefined {
  const parts = jws.trim().split('.');
  if (parts.length !== 3 || parts[1] !== '') return 'the signature is no detached JWS (header..signature)';
  const [header, , signature] = parts as [string, string, string];
  let protectedHeader: unknown;
  try {
    protectedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    return 'the signature header is not base64url JSON';
  }
  const fields = protectedHeader as { alg?: unknown; crit?: unknown; b64?: unknown };
  if (typeof protectedHeader !== 'object' || protectedHeader === null || fields.alg !== 'EdDSA')
    return `the signature is not EdDSA (alg ${JSON.stringify(fields?.alg)})`;
  // A critical extension (b64: false among them) changes what was signed: a verifier that does not know it must refuse.
  if (fields.crit !== undefined || fields.b64 !== undefined) return 'the signature names header extensions this verifier does not know';
  const ok = verify(null, Buffer.from(`${header}.${b64url(payload)}`, 'ascii'), publicKey, Buffer.from(signature, 'base64url'));
  return ok ? undefined : 'the signature does not verify: report.json was changed after it was signed, or another key signed it';
}
