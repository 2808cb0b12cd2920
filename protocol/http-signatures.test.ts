import { describe, expect, it } from 'vitest';
import { contentDigest, verifyContentDigest } from './content-digest.ts';
import { ed25519SigningKey, ed25519VerificationKey, generateEd25519SigningKey, generateHmacKey, hmacKey, Keyring, type SigningKey } from './keys.ts';
import { withHeaders, type SignableRequest } from './messages.ts';
import { NonceCache } from './nonce-cache.ts';
import {
  createSignatureValue,
  parseSignature,
  requiredComponents,
  signatureBase,
  signRequest,
  verifyRequest,
  verifySignatureValue,
  type SignatureParams,
  type SignOptions,
  type VerifyOptions,
} from './http-signatures.ts';

// RFC 9421 Appendix B: the test request of B.2 and the keys of B.1.4 (ed25519) and B.1.5 (shared secret).
const RFC_ED25519_PRIVATE = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----\n';
const RFC_ED25519_PUBLIC = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=\n-----END PUBLIC KEY-----\n';
const RFC_SHARED_SECRET = 'uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==';
const rfcRequest: SignableRequest = {
  method: 'POST',
  url: 'https://example.com/foo?param=Value&Pet=dog',
  headers: {
    Host: 'example.com',
    Date: 'Tue, 20 Apr 2021 02:07:55 GMT',
    'Content-Type': 'application/json',
    'Content-Digest': 'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
    'Content-Length': '18',
  },
  body: '{"hello": "world"}',
};

describe('RFC 9421 Appendix B vectors', () => {
  it('B.2.6: rebuilds the ed25519 signature base and reproduces the signature', () => {
    const components = ['date', '@method', '@path', '@authority', 'content-type', 'content-length'];
    const params: SignatureParams = new Map<string, number | string>([
      ['created', 1618884473],
      ['keyid', 'test-key-ed25519'],
    ]);
    const base = signatureBase(rfcRequest, components, params);
    expect(base).toBe(
      [
        '"date": Tue, 20 Apr 2021 02:07:55 GMT',
        '"@method": POST',
        '"@path": /foo',
        '"@authority": example.com',
        '"content-type": application/json',
        '"content-length": 18',
        '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
      ].join('\n'),
    );
    const signature = createSignatureValue(ed25519SigningKey('test-key-ed25519', RFC_ED25519_PRIVATE), base);
    expect(signature.toString('base64')).toBe('wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==');
    expect(verifySignatureValue(ed25519VerificationKey('test-key-ed25519', RFC_ED25519_PUBLIC), base, signature)).toBe(true);
  });

  it('B.2.6: reads the published Signature-Input and Signature fields', () => {
    const signed = withHeaders(rfcRequest, {
      'signature-input': 'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
      signature: 'sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:',
    });
    const parsed = parseSignature(signed, 'sig-b26');
    if (!parsed.ok) throw new Error(parsed.detail);
    const base = signatureBase(signed, parsed.components, parsed.params);
    expect(verifySignatureValue(ed25519VerificationKey('test-key-ed25519', RFC_ED25519_PUBLIC), base, parsed.signature)).toBe(true);
  });

  it('B.2.5: rebuilds the hmac-sha256 signature base and reproduces the signature', () => {
    const params: SignatureParams = new Map<string, number | string>([
      ['created', 1618884473],
      ['keyid', 'test-shared-secret'],
    ]);
    const base = signatureBase(rfcRequest, ['date', '@authority', 'content-type'], params);
    expect(base).toBe(
      [
        '"date": Tue, 20 Apr 2021 02:07:55 GMT',
        '"@authority": example.com',
        '"content-type": application/json',
        '"@signature-params": ("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"',
      ].join('\n'),
    );
    const key = hmacKey('test-shared-secret', RFC_SHARED_SECRET);
    const signature = createSignatureValue(key, base);
    expect(signature.toString('base64')).toBe('pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=');
    expect(verifySignatureValue(key, base, signature)).toBe(true);
  });
});

// The ECDX profile. Clock: 2026-03-01T09:30:00+08:00.
const NOW = Date.parse('2026-03-01T09:30:00+08:00');
const platform = generateEd25519SigningKey('platform-1');
const shared = generateHmacKey('platform-hmac');
const shipment: SignableRequest = {
  method: 'POST',
  url: 'https://carrier.example/v1/shipments',
  headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'order-20260301-0001' },
  body: '{"platformOrderId":"ord-20260301-0001"}',
};

function setup(keys: SigningKey[] = [platform, shared]) {
  const options: VerifyOptions = { keyring: new Keyring(keys), nonceCache: new NonceCache(), now: NOW };
  const sign = (request: SignableRequest, extra: Partial<SignOptions> = {}) =>
    withHeaders(request, signRequest(request, { key: platform, now: NOW, ...extra }));
  return { options, sign, verify: (request: SignableRequest) => verifyRequest(request, options) };
}

describe('signRequest', () => {
  it('covers method, target URI, content type, digest and idempotency key, with every parameter', () => {
    const headers = signRequest(shipment, { key: platform, now: NOW, nonce: 'n0nce-0123456789abcdef' });
    expect(headers['content-digest']).toBe(contentDigest(shipment.body));
    expect(headers['signature-input']).toBe(
      'ecdx=("@method" "@target-uri" "content-type" "content-digest" "idempotency-key");' +
        `created=${NOW / 1000};expires=${NOW / 1000 + 300};nonce="n0nce-0123456789abcdef";keyid="platform-1";alg="ed25519"`,
    );
    expect(headers.signature).toMatch(/^ecdx=:[A-Za-z0-9+/]{86}==:$/);
  });

  it('covers only method and target URI on a request without content or idempotency key', () => {
    const get = { method: 'GET', url: 'https://carrier.example/v1/shipments/SF1234567890', headers: {} };
    const headers = signRequest(get, { key: platform, now: NOW });
    expect(headers['content-digest']).toBeUndefined();
    expect(headers['signature-input']).toMatch(/^ecdx=\("@method" "@target-uri"\);/);
  });

  it('keeps a Content-Digest the request already has', () => {
    const request = withHeaders(shipment, { 'content-digest': contentDigest(shipment.body, ['sha-512', 'sha-256']) });
    expect(signRequest(request, { key: platform, now: NOW })['content-digest']).toBeUndefined();
  });

  it('refuses a lifetime over 300 seconds and a short nonce', () => {
    expect(() => signRequest(shipment, { key: platform, expiresIn: 301 })).toThrow(RangeError);
    expect(() => signRequest(shipment, { key: platform, nonce: 'short' })).toThrow(RangeError);
  });

  it('lists the components the profile requires', () => {
    expect(requiredComponents(withHeaders(shipment, { 'content-digest': 'x' }))).toEqual([
      '@method',
      '@target-uri',
      'content-type',
      'content-digest',
      'idempotency-key',
    ]);
  });
});

describe('verifyRequest accepts', () => {
  it('an ed25519-signed request', () => {
    const { sign, verify } = setup();
    expect(verify(sign(shipment))).toMatchObject({ ok: true, keyid: 'platform-1', alg: 'ed25519' });
  });

  it('an hmac-sha256-signed request', () => {
    const { sign, verify } = setup();
    expect(verify(sign(shipment, { key: shared }))).toMatchObject({ ok: true, keyid: 'platform-hmac', alg: 'hmac-sha256' });
  });

  it('a body given as bytes where it was signed as a string', () => {
    const { sign, verify } = setup();
    const signed = sign(shipment);
    expect(verify({ ...signed, body: new TextEncoder().encode(shipment.body as string) }).ok).toBe(true);
  });

  it('the same target URI written with a default port and upper-case host', () => {
    const { sign, verify } = setup();
    const signed = sign({ ...shipment, url: 'HTTPS://Carrier.Example:443/v1/shipments' });
    expect(verify({ ...signed, url: 'https://carrier.example/v1/shipments' }).ok).toBe(true);
  });

  it('a signature created up to 30 s ahead of the receiver clock, or expired up to 30 s ago', () => {
    const { sign, verify } = setup();
    expect(verify(sign(shipment, { now: NOW + 30_000 })).ok).toBe(true);
    expect(verify(sign(shipment, { now: NOW - 330_000 })).ok).toBe(true);
  });

  it('a signature from a key added during rotation next to the old one', () => {
    const next = generateEd25519SigningKey('platform-2');
    const { sign, verify } = setup([platform, next]);
    expect(verify(sign(shipment, { key: next })).ok).toBe(true);
    expect(verify(sign(shipment)).ok).toBe(true);
  });

  it('other signature labels beside ecdx', () => {
    const { sign, verify } = setup();
    const signed = sign(shipment);
    const headers = signed.headers as Record<string, string>;
    const extra = { 'signature-input': `proxy=("@method");created=1, ${headers['signature-input']}`, signature: `proxy=:AAAA:, ${headers.signature}` };
    expect(verify(withHeaders(signed, extra)).ok).toBe(true);
  });
});

describe('verifyRequest rejects', () => {
  const problem = (result: ReturnType<typeof verifyRequest>) => (result.ok ? 'ok' : result.problem);

  it('a request without signature fields as signature-missing', () => {
    const { verify } = setup();
    expect(problem(verify(shipment))).toBe('signature-missing');
  });

  it('a request whose only signature has another label as signature-missing', () => {
    const { sign, verify } = setup();
    expect(problem(verify(sign(shipment, { tamper: { label: 'sig1' } })))).toBe('signature-missing');
  });

  it('a tampered body as digest-mismatch', () => {
    const { sign, verify } = setup();
    expect(problem(verify({ ...sign(shipment), body: '{"platformOrderId":"ord-20260301-0002"}' }))).toBe('digest-mismatch');
  });

  it('a body whose Content-Digest was recomputed after signing as signature-invalid', () => {
    const { sign, verify } = setup();
    const body = '{"platformOrderId":"ord-20260301-0002"}';
    expect(problem(verify(withHeaders({ ...sign(shipment), body }, { 'content-digest': contentDigest(body) })))).toBe('signature-invalid');
  });

  it('content sent without any Content-Digest as digest-mismatch', () => {
    const { verify } = setup();
    const bare = { ...shipment, body: undefined };
    const signed = withHeaders(bare, signRequest(bare, { key: platform, now: NOW }));
    expect(problem(verify({ ...signed, body: shipment.body }))).toBe('digest-mismatch');
  });

  it('a signature by another key under the same keyid as signature-invalid', () => {
    const { sign, verify } = setup();
    expect(problem(verify(sign(shipment, { key: generateEd25519SigningKey('platform-1') })))).toBe('signature-invalid');
  });

  it('a signature that does not verify with the base it was verified over, and no signature value', () => {
    const { sign, verify } = setup();
    const signed = sign(shipment, { key: generateEd25519SigningKey('platform-1') });
    const result = verify(signed);
    const parsed = parseSignature(signed);
    if (result.ok || result.status !== 401 || !parsed.ok) throw new Error('expected a refusal of a well-formed signature');
    // What a test deployment shows its client: the base the receiver computed, never what the signature should be.
    expect(result.signatureBase).toBe(signatureBase(signed, parsed.components, parsed.params));
    expect(result.signatureBase).not.toContain(Buffer.from(parsed.signature).toString('base64'));
    // Only the failure over the base carries one: the others say what failed before a base was computed.
    const early = verify({ ...sign(shipment), body: '{"platformOrderId":"ord-20260301-0002"}' });
    expect(early).toMatchObject({ ok: false, problem: 'digest-mismatch' });
    expect(early).not.toHaveProperty('signatureBase');
  });

  it('an unregistered keyid as unknown-key', () => {
    const { sign, verify } = setup();
    expect(problem(verify(sign(shipment, { key: generateEd25519SigningKey('stranger') })))).toBe('unknown-key');
  });

  it('a signature created more than 30 s in the future as signature-expired', () => {
    const { sign, verify } = setup();
    expect(problem(verify(sign(shipment, { now: NOW + 31_000 })))).toBe('signature-expired');
  });

  it('a stale signature as signature-expired', () => {
    const { sign, verify } = setup();
    expect(problem(verify(sign(shipment, { now: NOW - 331_000 })))).toBe('signature-expired');
  });

  it('a reused nonce as nonce-replayed, even on a different request', () => {
    const { sign, verify } = setup();
    expect(verify(sign(shipment, { nonce: 'fixed-nonce-0123456789' })).ok).toBe(true);
    expect(problem(verify(sign(shipment, { nonce: 'fixed-nonce-0123456789' })))).toBe('nonce-replayed');
    const get = { method: 'GET', url: 'https://carrier.example/v1/health', headers: {} };
    expect(problem(verify(sign(get, { nonce: 'fixed-nonce-0123456789' })))).toBe('nonce-replayed');
  });

  it('a replay of the identical signed request as nonce-replayed', () => {
    const { sign, verify } = setup();
    const signed = sign(shipment);
    expect(verify(signed).ok).toBe(true);
    expect(problem(verify(signed))).toBe('nonce-replayed');
  });

  it.each(['content-type', 'content-digest', 'idempotency-key', '@target-uri', '@method'])('a signature that omits %s as signature-invalid', (omitted) => {
    const { sign, verify } = setup();
    const components = ['@method', '@target-uri', 'content-type', 'content-digest', 'idempotency-key'].filter((c) => c !== omitted);
    expect(problem(verify(sign(shipment, { tamper: { components } })))).toBe('signature-invalid');
  });

  it('a wrong alg for the key as signature-invalid', () => {
    const { sign, verify } = setup();
    expect(problem(verify(sign(shipment, { tamper: { params: { alg: 'hmac-sha256' } } })))).toBe('signature-invalid');
    expect(problem(verify(sign(shipment, { tamper: { params: { alg: 'rsa-pss-sha512' } } })))).toBe('signature-invalid');
  });

  it.each(['created', 'expires', 'nonce', 'keyid', 'alg'])('a signature without %s as signature-invalid', (param) => {
    const { sign, verify } = setup();
    expect(problem(verify(sign(shipment, { tamper: { params: { [param]: undefined } } })))).toBe('signature-invalid');
  });

  it('a lifetime over 300 s as signature-invalid', () => {
    const { sign, verify } = setup();
    expect(problem(verify(sign(shipment, { tamper: { params: { expires: NOW / 1000 + 301 } } })))).toBe('signature-invalid');
  });

  it('a changed method or target URI as signature-invalid', () => {
    const { sign, verify } = setup();
    expect(problem(verify({ ...sign(shipment), method: 'PUT' }))).toBe('signature-invalid');
    expect(problem(verify({ ...sign(shipment), url: 'https://carrier.example/v1/subscriptions' }))).toBe('signature-invalid');
  });

  it('a changed idempotency key as signature-invalid', () => {
    const { sign, verify } = setup();
    expect(problem(verify(withHeaders(sign(shipment), { 'idempotency-key': 'order-20260301-0002' })))).toBe('signature-invalid');
  });

  it('malformed signature fields as signature-invalid', () => {
    const { verify } = setup();
    expect(problem(verify(withHeaders(shipment, { 'signature-input': 'ecdx=(', signature: 'ecdx=:AAAA:' })))).toBe('signature-invalid');
    expect(problem(verify(withHeaders(shipment, { 'signature-input': 'ecdx="x"', signature: 'ecdx=:AAAA:' })))).toBe('signature-invalid');
  });

  it('a rejected request without recording its nonce', () => {
    const { sign, verify } = setup();
    const nonce = 'nonce-of-a-bad-request';
    expect(problem(verify({ ...sign(shipment, { nonce }), body: '{}' }))).toBe('digest-mismatch');
    expect(verify(sign(shipment, { nonce })).ok).toBe(true);
  });

  it('every request with 429 rate-limited when the nonce store is full', () => {
    const { sign, options } = setup();
    const small = { ...options, nonceCache: new NonceCache({ maxEntries: 1 }) };
    expect(verifyRequest(sign(shipment), small).ok).toBe(true);
    expect(verifyRequest(sign(shipment), small)).toMatchObject({ ok: false, status: 429, problem: 'rate-limited' });
  });
});

// Every refusal says what failed in English (`detail`) and in Simplified Chinese (`detailZh`), with the same values.
const IDENTIFIER_WORDS = new Set(['keyid', 'alg', 'nonce', 'created', 'expires', 'Signature', 'ECDX', 'ecdx']);
const ENGLISH_WORDS = new Set(['lower-case']);
/** The numbers and identifier-like tokens of a detail: keyids, labels, component and field names, algorithms, parameters. */
function factsOf(detail: string): string[] {
  const numbers = detail.match(/\d+/g) ?? [];
  const tokens = (detail.match(/[@\w](?:[\w@.-]*[\w@])?/g) ?? []).filter((t) => !ENGLISH_WORDS.has(t) && (/[\d@_-]/.test(t) || IDENTIFIER_WORDS.has(t)));
  // The value after a parameter's name: `keyid stranger`, `alg foo`, `labelled sig1` (not the English of `keyid must …`).
  const named = [...detail.matchAll(/\b(?:keyid|alg|nonce|labelled) (?!must\b)([^\s,;:]+)/g)].map((m) => m[1]!);
  return [...new Set([...numbers, ...tokens, ...named])];
}
function expectChinese(failure: { detail: string; detailZh: string }) {
  expect(failure.detailZh, failure.detail).toMatch(/\p{Script=Han}/u);
  for (const fact of factsOf(failure.detail)) expect(failure.detailZh, failure.detail).toContain(fact);
  // Chinese punctuation beside Chinese text, and no space between two Chinese characters.
  expect(failure.detailZh).not.toMatch(/\p{Script=Han} +\p{Script=Han}|\p{Script=Han}\s*[,;:!?()]|[,;:!?()]\s*\p{Script=Han}/u);
}

describe('every refusal of verifyRequest says the same in Chinese', () => {
  const { sign } = setup();
  const otherBody = '{"platformOrderId":"ord-20260301-0002"}';
  const bare = { ...shipment, body: undefined };
  const withNote = { ...shipment, headers: { ...shipment.headers, 'X-Note': 'line one\nline two' } };
  const all = ['@method', '@target-uri', 'content-type', 'content-digest', 'idempotency-key'];
  const cases: [string, RegExp, () => SignableRequest][] = [
    ['no fields', /^the request has no Signature-Input and Signature fields$/, () => shipment],
    [
      'no dictionary',
      /^Signature-Input or Signature is not a structured dictionary: .*\d/,
      () => withHeaders(shipment, { 'signature-input': 'ecdx=(', signature: 'ecdx=:AAAA:' }),
    ],
    ['another label', /^the request has no signature labelled ecdx$/, () => sign(shipment, { tamper: { label: 'sig1' } })],
    ['no inner list', /^Signature-Input ecdx is not an inner list$/, () => withHeaders(shipment, { 'signature-input': 'ecdx="x"', signature: 'ecdx=:AAAA:' })],
    [
      'no byte sequence',
      /^Signature ecdx is not a byte sequence$/,
      () => withHeaders(shipment, { 'signature-input': 'ecdx=("@method");created=1', signature: 'ecdx="AAAA"' }),
    ],
    [
      'upper-case component',
      /^covered components must be lower-case strings$/,
      () => withHeaders(shipment, { 'signature-input': 'ecdx=("Content-Type");created=1', signature: 'ecdx=:AAAA:' }),
    ],
    [
      'component parameters',
      /^a covered component carries parameters: content-digest,/,
      () => sign(shipment, { tamper: { componentParams: { 'content-digest': { sf: true } } } }),
    ],
    [
      'unknown derived component',
      /^unknown derived component @status: .*@query$/,
      () => sign(shipment, { tamper: { components: [...all, '@status'], componentValues: { '@status': '200' } } }),
    ],
    ['covered twice', /^component @method is covered twice$/, () => sign(shipment, { tamper: { components: [...all, '@method'] } })],
    ['no created', /^created and expires must both be present as integers$/, () => sign(shipment, { tamper: { params: { created: undefined } } })],
    ['short nonce', /^nonce must be a string of at least 16 characters$/, () => sign(shipment, { tamper: { params: { nonce: 'a'.repeat(15) } } })],
    ['no keyid', /^keyid must be present as a string$/, () => sign(shipment, { tamper: { params: { keyid: undefined } } })],
    ['no alg', /^alg must be present as a string$/, () => sign(shipment, { tamper: { params: { alg: undefined } } })],
    ['alg not allowed', /^alg rsa-pss-sha512 is not one ECDX allows/, () => sign(shipment, { tamper: { params: { alg: 'rsa-pss-sha512' } } })],
    ['lifetime', /^expires − created is 301 s; it must be 1–300 s$/, () => sign(shipment, { tamper: { params: { expires: NOW / 1000 + 301 } } })],
    ['created ahead', /^created lies 31 s in the future$/, () => sign(shipment, { now: NOW + 31_000 })],
    ['expired', /^the signature expired 31 s ago$/, () => sign(shipment, { now: NOW - 331_000 })],
    [
      'not covered',
      /^the signature does not cover idempotency-key, which the request carries$/,
      () => sign(shipment, { tamper: { components: all.filter((c) => c !== 'idempotency-key') } }),
    ],
    [
      'content without digest',
      /^the request has content but no Content-Digest field$/,
      () => ({ ...withHeaders(bare, signRequest(bare, { key: platform, now: NOW })), body: shipment.body }),
    ],
    ['unknown keyid', /^no key is registered for keyid stranger$/, () => sign(shipment, { key: generateEd25519SigningKey('stranger') })],
    [
      'alg of another key',
      /^keyid platform-1 is registered for ed25519, not hmac-sha256$/,
      () => sign(shipment, { tamper: { params: { alg: 'hmac-sha256' } } }),
    ],
    ['digest mismatch', /^Content-Digest sha-256 does not match the request content$/, () => ({ ...sign(shipment), body: otherBody })],
    [
      'digest not a dictionary',
      /^Content-Digest is not a structured dictionary: .*\d/,
      () => withHeaders(sign(shipment), { 'content-digest': 'sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=' }),
    ],
    [
      'component absent',
      /^covered component x-absent is not present in the request$/,
      () => sign(shipment, { tamper: { components: [...all, 'x-absent'], componentValues: { 'x-absent': 'x' } } }),
    ],
    ['line break', /^component x-note contains a line break$/, () => sign(withNote, { tamper: { components: [...all, 'x-note'] } })],
    ['invalid URL', /^Invalid URL$/, () => ({ ...sign(shipment), url: 'carrier.example/v1/shipments' })],
    ['does not verify', /^the signature does not verify over the signature base$/, () => sign(shipment, { key: generateEd25519SigningKey('platform-1') })],
  ];

  it.each(cases)('%s', (_name, detail, request) => {
    const result = setup().verify(request());
    if (result.ok) throw new Error('expected a refusal');
    expect(result.detail).toMatch(detail);
    expectChinese(result);
  });

  it('a replayed nonce and a full nonce store', () => {
    const { options, verify } = setup();
    const signed = sign(shipment, { nonce: 'fixed-nonce-0123456789' });
    expect(verify(signed).ok).toBe(true);
    const replayed = verify(signed);
    expect(replayed).toMatchObject({ ok: false, detail: 'nonce fixed-nonce-0123456789 was already used with keyid platform-1' });
    if (!replayed.ok) expectChinese(replayed);
    const small = { ...options, nonceCache: new NonceCache({ maxEntries: 1 }) };
    expect(verifyRequest(sign(shipment), small).ok).toBe(true);
    const full = verifyRequest(sign(shipment), small);
    expect(full).toMatchObject({ ok: false, status: 429, detail: 'too many live signatures to remember; retry later' });
    if (!full.ok) expectChinese(full);
  });

  it('a digest refusal in the words of verifyContentDigest', () => {
    const result = setup().verify({ ...sign(shipment), body: otherBody });
    const digest = verifyContentDigest(contentDigest(shipment.body), otherBody);
    if (result.ok || digest.ok) throw new Error('expected a refusal');
    expect(result).toMatchObject({ problem: 'digest-mismatch', detail: digest.detail, detailZh: digest.detailZh });
  });

  it('each case is a distinct refusal', () => {
    const details = cases.map(([, , request]) => {
      const result = setup().verify(request());
      return result.ok ? 'ok' : result.detailZh;
    });
    expect(new Set(details).size).toBe(cases.length);
  });
});
