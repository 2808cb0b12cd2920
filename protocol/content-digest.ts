// Content-Digest (RFC 9530): the digest of the request content, which the request signature covers. The signature
// alone proves who sent the headers; the digest ties the body to them, so a body swapped in transit is caught.
import { createHash, timingSafeEqual } from 'node:crypto';
import { parseDictionary, serializeDictionary, type Item } from 'structured-headers';

/** Digest algorithms this implementation computes (RFC 9530 §5 "active" algorithms). ECDX requires `sha-256`. */
export const DIGEST_ALGORITHMS = { 'sha-256': 'sha256', 'sha-512': 'sha512' } as const;
export type DigestAlgorithm = keyof typeof DIGEST_ALGORITHMS;

export type Body = Uint8Array | string;

const encoder = new TextEncoder();
/** The octets of a body: strings are sent as UTF-8. */
export const bodyBytes = (body: Body | undefined): Uint8Array =>
  body === undefined ? new Uint8Array(0) : typeof body === 'string' ? encoder.encode(body) : body;

export const digest = (body: Body | undefined, algorithm: DigestAlgorithm = 'sha-256'): Buffer =>
  createHash(DIGEST_ALGORITHMS[algorithm]).update(bodyBytes(body)).digest();

/** The Content-Digest field value for a body, e.g. `sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:`. */
export function contentDigest(body: Body | undefined, algorithms: readonly DigestAlgorithm[] = ['sha-256']): string {
  return serializeDictionary(new Map<string, Item>(algorithms.map((a) => [a, [new Uint8Array(digest(body, a)), new Map()]])));
}

export type DigestCheck = { ok: true } | { ok: false; detail: string };

/**
 * Check a Content-Digest field value against the body received. The field must carry `sha-256`; any other
 * algorithm this implementation knows is checked too, and unknown ones are ignored (RFC 9530 §2).
 */
export function verifyContentDigest(header: string | undefined, body: Body | undefined): DigestCheck {
  if (header === undefined || header.trim() === '') return { ok: false, detail: 'the request has no Content-Digest field' };
  let parsed: ReturnType<typeof parseDictionary>;
  try {
    parsed = parseDictionary(header);
  } catch (error) {
    return { ok: false, detail: `Content-Digest is not a structured dictionary: ${(error as Error).message}` };
  }
  if (!parsed.has('sha-256')) return { ok: false, detail: 'Content-Digest has no sha-256 member' };
  for (const [name, member] of parsed) {
    if (!(name in DIGEST_ALGORITHMS)) continue;
    const value = member[0];
    if (!(value instanceof ArrayBuffer)) return { ok: false, detail: `Content-Digest ${name} is not a byte sequence` };
    const expected = digest(body, name as DigestAlgorithm);
    const received = new Uint8Array(value);
    if (received.byteLength !== expected.byteLength || !timingSafeEqual(received, expected)) {
      return { ok: false, detail: `Content-Digest ${name} does not match the request content` };
    }
  }
  return { ok: true };
}
