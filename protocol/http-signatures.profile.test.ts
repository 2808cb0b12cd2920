// What a receiver does with a signature the ECDX profile does not allow though RFC 9421 would (chapter Security
// §1.4): a nonce under 16 characters, a covered component with parameters, a derived component the profile does
// not compute, and a Content-Digest on a request without content, which is checked against the empty content.
import { createSigner, createVerifier, httpbis } from 'http-message-signatures';
import { describe, expect, it } from 'vitest';
import { contentDigest } from './content-digest.ts';
import { generateEd25519SigningKey, Keyring, verificationKeyOf } from './keys.ts';
import { withHeaders, type SignableRequest } from './messages.ts';
import { NonceCache } from './nonce-cache.ts';
import {
  COMPONENT_WITH_PARAMETERS,
  COMPONENT_WITH_PARAMETERS_ZH,
  SHORT_NONCE,
  SHORT_NONCE_ZH,
  signRequest,
  UNKNOWN_DERIVED_COMPONENT,
  UNKNOWN_DERIVED_COMPONENT_ZH,
  verifyRequest,
  type SignOptions,
} from './http-signatures.ts';

const key = generateEd25519SigningKey('platform-1');
const keyring = new Keyring([verificationKeyOf(key)]);
const verify = (request: SignableRequest) => verifyRequest(request, { keyring, nonceCache: new NonceCache() });
const get: SignableRequest = { method: 'GET', url: 'https://carrier.example/v1/shipments/ECDXDEMO12345678', headers: {} };
const post: SignableRequest = {
  method: 'POST',
  url: 'https://carrier.example/v1/shipments',
  headers: { 'content-type': 'application/json', 'idempotency-key': 'key-1' },
  body: '{"platformOrderId":"ord-1"}',
};
const signed = (request: SignableRequest, options: Partial<SignOptions> = {}) => withHeaders(request, signRequest(request, { key, ...options }));

describe('the nonce', () => {
  it('is refused with signature-invalid below 16 characters, accepted from 16', () => {
    const short = signed(get, { tamper: { params: { nonce: 'a'.repeat(15) } } });
    expect(verify(short)).toMatchObject({ ok: false, problem: 'signature-invalid', detail: expect.stringContaining(SHORT_NONCE) });
    expect(verify(short)).toMatchObject({ detailZh: expect.stringMatching(new RegExp(`^${SHORT_NONCE_ZH}`)) });
    expect(verify(signed(get, { nonce: 'a'.repeat(16) }))).toMatchObject({ ok: true });
  });
});

describe('covered components', () => {
  it('with parameters are refused, though the signature is a correct RFC 9421 one', async () => {
    const request = signed(post, { tamper: { componentParams: { 'content-digest': { sf: true } } } });
    expect(request.headers['signature-input']).toContain('"content-digest";sf');
    expect(verify(request)).toMatchObject({ ok: false, problem: 'signature-invalid', detail: expect.stringContaining(COMPONENT_WITH_PARAMETERS) });
    expect(verify(request)).toMatchObject({ detailZh: expect.stringMatching(new RegExp(`^${COMPONENT_WITH_PARAMETERS_ZH}content-digest，`)) });
    // An independent implementation that supports `;sf` accepts it: only the profile refuses.
    const verified = await httpbis.verifyMessage(
      { keyLookup: async () => ({ id: key.keyid, algs: ['ed25519'], verify: createVerifier(verificationKeyOf(key).key, 'ed25519') }) },
      { method: request.method, url: request.url, headers: request.headers as Record<string, string> },
    );
    expect(verified).toBe(true);
  });

  it('that are derived components the profile does not compute are refused; the RFC 9421 request components verify', () => {
    for (const unknown of ['@ecdx-unknown', '@status', '@signature-params']) {
      const request = signed(get, { tamper: { components: ['@method', '@target-uri', unknown], componentValues: { [unknown]: 'x' } } });
      expect(verify(request)).toMatchObject({ ok: false, problem: 'signature-invalid', detail: expect.stringContaining(UNKNOWN_DERIVED_COMPONENT) });
      expect(verify(request)).toMatchObject({ detailZh: expect.stringMatching(new RegExp(`^${UNKNOWN_DERIVED_COMPONENT_ZH} ${unknown}：`)) });
    }
    const known = signed(get, { tamper: { components: ['@method', '@target-uri', '@authority', '@scheme', '@path', '@query', '@request-target'] } });
    expect(verify(known)).toMatchObject({ ok: true });
  });

  it('signed by their library with a component parameter are refused the same way', async () => {
    const request = withHeaders(post, { 'content-digest': contentDigest(post.body) });
    const theirs = await httpbis.signMessage(
      {
        key: createSigner(key.key, 'ed25519', key.keyid),
        name: 'ecdx',
        fields: ['@method', '@target-uri', 'content-type', 'content-digest;sf', 'idempotency-key'],
        params: ['created', 'expires', 'nonce', 'keyid', 'alg'],
        paramValues: { nonce: `their-nonce-${Math.random()}`, expires: new Date(Date.now() + 300_000) },
      },
      { method: request.method, url: request.url, headers: request.headers as Record<string, string> },
    );
    expect(theirs.headers['Signature-Input'] ?? theirs.headers['signature-input']).toContain('"content-digest";sf');
    expect(verify({ ...theirs, body: post.body })).toMatchObject({
      ok: false,
      problem: 'signature-invalid',
      detail: expect.stringContaining(COMPONENT_WITH_PARAMETERS),
    });
  });
});

describe('a Content-Digest on a request without content', () => {
  it('must be covered, and is checked against the empty content', () => {
    const empty = signed(withHeaders(get, { 'content-digest': contentDigest('') }));
    expect(empty.headers['signature-input']).toContain('"content-digest"');
    expect(verify(empty)).toMatchObject({ ok: true });
    const other = signed(withHeaders(get, { 'content-digest': contentDigest('{}') }));
    expect(verify(other)).toMatchObject({ ok: false, problem: 'digest-mismatch' });
    const uncovered = signed(withHeaders(get, { 'content-digest': contentDigest('') }), { tamper: { components: ['@method', '@target-uri'] } });
    expect(verify(uncovered)).toMatchObject({ ok: false, problem: 'signature-invalid' });
  });
});
