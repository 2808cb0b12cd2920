import { describe, expect, it } from 'vitest';
import { bodyBytes, contentDigest, verifyContentDigest } from './content-digest.ts';

// RFC 9530 §2 and Appendix B use this content throughout.
const RFC_BODY = '{"hello": "world"}';
const RFC_SHA256 = 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:';
const RFC_SHA512 = 'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:';

describe('contentDigest', () => {
  it('computes the RFC 9530 sha-256 example', () => {
    expect(contentDigest(RFC_BODY)).toBe(RFC_SHA256);
  });

  it('computes the RFC 9530 sha-512 example alongside sha-256', () => {
    expect(contentDigest(RFC_BODY, ['sha-256', 'sha-512'])).toBe(`${RFC_SHA256}, ${RFC_SHA512}`);
  });

  it('digests a string as its UTF-8 octets', () => {
    const text = '{"name":"张三"}';
    expect(contentDigest(text)).toBe(contentDigest(new TextEncoder().encode(text)));
    expect(bodyBytes(text).byteLength).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('digests absent content as the empty octet sequence', () => {
    expect(contentDigest(undefined)).toBe(contentDigest(''));
  });
});

describe('verifyContentDigest', () => {
  it('accepts the RFC 9530 example', () => {
    expect(verifyContentDigest(RFC_SHA256, RFC_BODY)).toEqual({ ok: true });
  });

  it('accepts sha-256 together with a matching sha-512', () => {
    expect(verifyContentDigest(`${RFC_SHA512}, ${RFC_SHA256}`, RFC_BODY).ok).toBe(true);
  });

  it('ignores digest algorithms it does not know', () => {
    expect(verifyContentDigest(`unixsum=:AAAA:, ${RFC_SHA256}`, RFC_BODY).ok).toBe(true);
  });

  it('rejects a body changed by one character', () => {
    const check = verifyContentDigest(RFC_SHA256, '{"hello": "World"}');
    expect(check).toEqual({
      ok: false,
      detail: 'Content-Digest sha-256 does not match the request content',
      detailZh: 'Content-Digest 的 sha-256 与请求内容不一致',
    });
  });

  it('rejects a matching sha-256 beside a wrong sha-512', () => {
    expect(verifyContentDigest(`${RFC_SHA256}, sha-512=:AAAA:`, RFC_BODY).ok).toBe(false);
  });

  it('rejects a missing field', () => {
    expect(verifyContentDigest(undefined, RFC_BODY).ok).toBe(false);
  });

  it('rejects a field without sha-256', () => {
    expect(verifyContentDigest(RFC_SHA512, RFC_BODY)).toEqual({
      ok: false,
      detail: 'Content-Digest has no sha-256 member',
      detailZh: 'Content-Digest 没有 sha-256 成员',
    });
  });

  it('rejects a field that is not a structured dictionary', () => {
    expect(verifyContentDigest('sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=', RFC_BODY).ok).toBe(false);
  });

  it('rejects a digest given as a string instead of a byte sequence', () => {
    expect(verifyContentDigest('sha-256="X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="', RFC_BODY).ok).toBe(false);
  });
});

// Every refusal says what failed in English (`detail`) and in Simplified Chinese (`detailZh`), with the same values.
/** The numbers and identifier-like tokens of a detail: field names, algorithms. */
function factsOf(detail: string): string[] {
  const numbers = detail.match(/\d+/g) ?? [];
  const tokens = (detail.match(/[@\w](?:[\w@.-]*[\w@])?/g) ?? []).filter((t) => /[\d@_-]/.test(t));
  return [...new Set([...numbers, ...tokens])];
}

describe('every refusal of verifyContentDigest says the same in Chinese', () => {
  it.each([
    ['no field', undefined, /^the request has no Content-Digest field$/],
    ['an empty field', ' ', /^the request has no Content-Digest field$/],
    ['no dictionary', 'sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=', /^Content-Digest is not a structured dictionary: .*\d/],
    ['no sha-256', RFC_SHA512, /^Content-Digest has no sha-256 member$/],
    ['a string', 'sha-256="X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="', /^Content-Digest sha-256 is not a byte sequence$/],
    ['a sha-512 string', `${RFC_SHA256}, sha-512="AAAA"`, /^Content-Digest sha-512 is not a byte sequence$/],
    ['another sha-256', 'sha-256=:AAAA:', /^Content-Digest sha-256 does not match the request content$/],
    ['another sha-512', `${RFC_SHA256}, sha-512=:AAAA:`, /^Content-Digest sha-512 does not match the request content$/],
  ])('%s', (_name, header, detail) => {
    const check = verifyContentDigest(header, RFC_BODY);
    if (check.ok) throw new Error('expected a refusal');
    expect(check.detail).toMatch(detail);
    expect(check.detailZh, check.detail).toMatch(/\p{Script=Han}/u);
    for (const fact of factsOf(check.detail)) expect(check.detailZh, check.detail).toContain(fact);
    // Chinese punctuation beside Chinese text, and no space between two Chinese characters.
    expect(check.detailZh).not.toMatch(/\p{Script=Han} +\p{Script=Han}|\p{Script=Han}\s*[,;:!?()]|[,;:!?()]\s*\p{Script=Han}/u);
  });
});
