// Request verification with the ed25519 check off the event loop. One ed25519 verification costs about as much as
// node:http's whole request (decision 0043), so a server that verifies on its event loop serves at most about a
// third of what plain node:http does on one core. node:crypto's `verify` with a callback runs the same OpenSSL call
// on libuv's thread pool: the event loop then pays only the hand-over (~10 µs) and parses, routes and answers other
// requests while the signature is checked on another core. Every rule and every result is `verifyRequest`'s: this
// module shares its preparation (`prepareVerification`) and its conclusion, and changes only where the value is checked.
import { verify as edVerify } from 'node:crypto';
import { concludeVerification, prepareVerification, verifySignatureValue, type VerifyOptions, type VerifyResult } from './http-signatures.ts';
import type { VerificationKey } from './keys.ts';
import type { SignableRequest } from './messages.ts';

/**
 * Whether `signature` is a valid signature over `base` under `key`, as `verifySignatureValue` says, with an ed25519
 * check run on libuv's thread pool. An HMAC stays on the calling thread: it costs a few µs, less than the hand-over.
 * Never rejects.
 */
export function verifySignatureValueAsync(key: VerificationKey, base: string, signature: Uint8Array): Promise<boolean> {
  if (key.alg !== 'ed25519' || signature.byteLength !== 64) return Promise.resolve(verifySignatureValue(key, base, signature));
  return new Promise((resolve) => {
    try {
      edVerify(null, Buffer.from(base, 'utf8'), key.key, signature, (error, valid) => resolve(error === null && valid));
    } catch {
      resolve(false);
    }
  });
}

/**
 * `verifyRequest` with the signature value checked off the event loop (`verifySignatureValueAsync`). The nonce is
 * recorded when the check returns, on the caller's thread, so that of two requests carrying one nonce exactly one
 * is accepted, whichever concludes first.
 */
export async function verifyRequestAsync(request: SignableRequest, options: VerifyOptions): Promise<VerifyResult> {
  const pending = prepareVerification(request, options);
  if (pending.ok !== 'pending') return pending;
  return concludeVerification(pending, await verifySignatureValueAsync(pending.key, pending.base, pending.signature), options.nonceCache);
}
