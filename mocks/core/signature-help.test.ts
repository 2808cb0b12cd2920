// The help a test deployment gives a developer whose signature fails: the base the mock computed and the component
// the client most likely signed otherwise. Each case signs the way a real client goes wrong; production gets none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contentDigest,
  createSignatureValue,
  demoCredentials,
  generateEd25519SigningKey,
  Keyring,
  parseSignature,
  signatureBase,
  signRequest,
  verificationKeyOf,
  type SigningKey,
} from '../../protocol/index.ts';
import type { Problem } from '../../schemas/src/problems.ts';
import { buildRequest } from '../testing.ts';
import { expectProblem } from '../test-support/problems.ts';
import { shipmentRequest, withBody, withHeaders } from '../test-support/requests.ts';
import { createMock, type Mock } from './mock.ts';
import type { MockRequest } from './types.ts';

const START = Date.parse('2026-03-01T09:30:00+08:00');
const CLOCK = '/v1/test/clock';
let mock: Mock;
beforeEach(() => {
  mock = createMock({ clockSpeed: 0, clockStart: START });
});
afterEach(() => mock.close());

/** The request as `signRequest` signs it, then signed again over the base `edit` makes of it: a client's own mistake. */
function signedOver(request: MockRequest, edit: (base: string) => string, key: SigningKey = demoCredentials.platform.signingKey): MockRequest {
  const signable = { method: request.method, url: request.url.href, headers: request.headers, body: request.body };
  const parsed = parseSignature(signable);
  if (!parsed.ok) throw new Error('the request is not signed');
  const base = edit(signatureBase(signable, parsed.components, parsed.params));
  return withHeaders(request, { signature: `ecdx=:${createSignatureValue(key, base).toString('base64')}:` });
}

/** A GET to the mock's clock, signed for `signedUrl` while the Host names `host`, as a client that used another name. */
function signedForAnotherOrigin(target: Mock, key: SigningKey, signedUrl = `http://localhost:4010${CLOCK}`): MockRequest {
  const request = buildRequest(target, 'GET', CLOCK, undefined, { key: false, headers: { host: new URL(signedUrl).host } });
  const headers = signRequest({ method: 'GET', url: signedUrl, headers: request.headers }, { key, now: target.context.clock.now() });
  return withHeaders(request, headers);
}

const mismatchOf = (problem: Problem) => problem.signatureMismatch;

describe('a test deployment names the component the client signed otherwise', () => {
  it('a target signed for the Host the client sent, not the mock’s origin: "@target-uri"', async () => {
    const problem = expectProblem(await mock.handle(signedForAnotherOrigin(mock, demoCredentials.platform.signingKey)), 'signature-invalid');
    expect(mismatchOf(problem)).toMatchObject({
      component: '@target-uri',
      verifierValue: `http://127.0.0.1:4010${CLOCK}`,
      signerValue: `http://localhost:4010${CLOCK}`,
    });
    expect(problem.signatureMismatch!.hint).toContain('--public-origin');
    expect(problem.detail).toContain('but it does with another "@target-uri"');
    expect(problem.signatureBase).toContain(`"@target-uri": http://127.0.0.1:4010${CLOCK}\n`);
  });

  it('a header value signed untrimmed: that field', async () => {
    const request = buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest());
    const problem = expectProblem(
      await mock.handle(signedOver(request, (base) => base.replace('"content-type": application/json', '"content-type": application/json '))),
      'signature-invalid',
    );
    expect(mismatchOf(problem)).toMatchObject({ component: 'content-type', verifierValue: 'application/json', signerValue: 'application/json ' });
    expect(problem.signatureMismatch!.hint).toContain('white space');
  });

  it('a Content-Digest of another body than the one sent (stale): content-digest, with the digest of what arrived', async () => {
    const request = buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest());
    const sent = new TextEncoder().encode(JSON.stringify(shipmentRequest('ord-changed-after-signing'), null, 2));
    const problem = expectProblem(await mock.handle(withBody(request, sent)), 'digest-mismatch');
    expect(mismatchOf(problem)).toEqual({
      component: 'content-digest',
      verifierValue: contentDigest(sent),
      signerValue: request.headers['content-digest'],
      hint: expect.stringContaining(`${sent.byteLength} bytes`),
    });
    expect(problem.signatureBase).toContain(`"content-digest": ${request.headers['content-digest']}\n`);
  });

  it('the method signed in lower case: "@method"', async () => {
    const request = buildRequest(mock, 'GET', CLOCK);
    const problem = expectProblem(await mock.handle(signedOver(request, (base) => base.replace('"@method": GET', '"@method": get'))), 'signature-invalid');
    expect(mismatchOf(problem)).toMatchObject({ component: '@method', verifierValue: 'GET', signerValue: 'get' });
  });

  it('the target signed without its query: "@target-uri"', async () => {
    const request = buildRequest(mock, 'GET', '/v1/shipments/ECDX000000000018/events?limit=5');
    const problem = expectProblem(await mock.handle(signedOver(request, (base) => base.replace('?limit=5', ''))), 'signature-invalid');
    expect(mismatchOf(problem)).toMatchObject({ component: '@target-uri', signerValue: 'http://127.0.0.1:4010/v1/shipments/ECDX000000000018/events' });
  });

  it('Signature-Input written in another form than the line signed: "@signature-params"', async () => {
    const request = buildRequest(mock, 'GET', CLOCK);
    const written = request.headers['signature-input']!.replace(';created=', '; created=').slice('ecdx='.length);
    const respaced = signedOver(withHeaders(request, { 'signature-input': `ecdx=${written}` }), (base) =>
      base.replace(/"@signature-params": .*$/, `"@signature-params": ${written}`),
    );
    const problem = expectProblem(await mock.handle(respaced), 'signature-invalid');
    expect(mismatchOf(problem)).toMatchObject({ component: '@signature-params', signerValue: written });
  });

  it('with an HMAC key too, and never shows the secret or a signature value', async () => {
    const key = demoCredentials.platformHmac;
    const request = signedForAnotherOrigin(mock, key);
    const problem = expectProblem(await mock.handle(request), 'signature-invalid');
    expect(mismatchOf(problem)?.component).toBe('@target-uri');
    const shown = JSON.stringify(problem);
    const expected = createSignatureValue(key, problem.signatureBase!).toString('base64');
    for (const secret of [key.key.export().toString('base64'), key.key.export().toString('base64url'), request.headers['signature']!.slice(6, -1), expected]) {
      expect(shown).not.toContain(secret);
    }
  });
});

describe('when no single difference explains it', () => {
  it('a signature by another key: the base and the covered components, no mismatch', async () => {
    const wrongKey = { ...generateEd25519SigningKey('x'), keyid: demoCredentials.platform.signingKey.keyid };
    const problem = expectProblem(await mock.handle(buildRequest(mock, 'GET', CLOCK, undefined, { key: wrongKey })), 'signature-invalid');
    expect(problem.signatureMismatch).toBeUndefined();
    expect(problem.signatureBase).toMatch(/^"@method": GET\n"@target-uri": http:\/\/127\.0\.0\.1:4010\/v1\/test\/clock\n"@signature-params": /);
    expect(problem.detail).toContain('no single difference in one covered component ("@method", "@target-uri")');
  });

  it('a signature without the components the request requires: the base, no guess', async () => {
    const request = buildRequest(mock, 'POST', '/v1/shipments', shipmentRequest(), { key: false });
    const headers = signRequest(
      { method: 'POST', url: request.url.href, headers: request.headers, body: request.body },
      { key: demoCredentials.platform.signingKey, now: mock.context.clock.now(), tamper: { components: ['@method', '@target-uri'] } },
    );
    const problem = expectProblem(await mock.handle(withHeaders(request, headers)), 'signature-invalid');
    expect(problem.detail).toBe('the signature does not cover content-type, which the request carries');
    expect(problem.signatureBase).toMatch(/^"@method": POST\n/);
    expect(problem.signatureMismatch).toBeUndefined();
  });
});

describe('a production deployment', () => {
  it('answers the problem as it always has: no base, no mismatch', async () => {
    const key = generateEd25519SigningKey('vendor-platform-1');
    const production = createMock({
      clockSpeed: 0,
      clockStart: START,
      testMode: false,
      keyring: new Keyring([verificationKeyOf(key)]),
      parties: { [key.keyid]: { role: 'platform', name: 'Vendor Platform' } },
    });
    try {
      const wrongHost = expectProblem(await production.handle(signedForAnotherOrigin(production, key)), 'signature-invalid');
      expect(wrongHost).toEqual({
        type: 'https://ecdx.dev/problems/signature-invalid',
        title: 'Signature invalid',
        status: 401,
        detail:
          'the signature does not verify over the signature base; "@target-uri" is verified with this mock\'s origin, http://127.0.0.1:4010, not with the Host localhost:4010',
      });
      const request = buildRequest(production, 'POST', '/v1/shipments', shipmentRequest(), { key });
      const stale = expectProblem(await production.handle(withBody(request, '{}')), 'digest-mismatch');
      expect(Object.keys(stale).sort()).toEqual(['detail', 'status', 'title', 'type']);
    } finally {
      await production.close();
    }
  });
});
