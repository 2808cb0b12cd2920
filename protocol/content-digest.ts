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

/** A refusal says what failed twice: `detail` in English, `detailZh` the same in Simplified Chinese. */
export type DigestCheck = { ok: true } | { ok: false; detail: string; detailZh: string };

/**
 * Check a Content-Digest field value against the body received. The field must carry `sha-256`; any other
 * algorithm this implementation knows is checked too, and unknown ones are ignored (RFC 9530 §2).
 */
export function verifyContentDigest(header: string | undefined, body: Body | undefined): DigestCheck {
  if (header === undefined || header.trim() === '')
    return { ok: false, detail: 'the request has no Content-Digest field', detailZh: '请求没有 Content-Digest 字段' };
  let parsed: ReturnType<typeof parseDictionary>;
  try {
    parsed = parseDictionary(header);
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, detail: `Content-Digest is not a structured dictionary: ${message}`, detailZh: `Content-Digest 不是结构化字典：${message}` };
  }
  if (!parsed.has('sha-256')) return { ok: false, detail: 'Content-Digest has no sha-256 member', detailZh: 'Content-Digest 没有 sha-256 成员' };
  for (const [name, member] of parsed) {
    if (!(name in DIGEST_ALGORITHMS)) continue;
    const value = member[0];
    if (!(value instanceof ArrayBuffer))
      return { ok: false, detail: `Content-Digest ${name} is not a byte sequence`, detailZh: `Content-Digest 的 ${name} 不是字节序列` };
    const expected = digest(body, name as DigestAlgorithm);
    const received = new Uint8Array(value);
    if (received.byteLength !== expected.byteLength || !timingSafeEqual(received, expected)) {
      return { ok: false, detail: `Content-Digest ${name} does not match the request content`, detailZh: `Content-Digest 的 ${name} 与请求内容不一致` };
    }
  }
  return { ok: true };
}
