// The signature-profile checks against scripted answers: a gate that verifies with the protocol layer (the
// profile's rules) passes; a gate that lets the rule to its library fails with a message that names it.
import { describe, expect, it } from 'vitest';
import { demoKeyring, NonceCache, verifyRequest } from '../../../protocol/index.ts';
import { runScripted, scriptedClaim, scriptedProblem, SCRIPTED_TARGET, type Script } from '../../harness/scripted-target.ts';
import { securityChecks } from './index.ts';

const claim = scriptedClaim('carrier', ['security', 'carrier-shipping']);
const check = (id: string) => securityChecks.find((c) => c.id === id)!;

/** Verifies like the profile; `lenient` lifts the refusals whose detail it matches, as a library might. */
const gate =
  (lenient?: RegExp): Script =>
  (request) => {
    if (request.path === '/v1/health') return { status: 200, json: { serverTime: new Date().toISOString() } };
    const nonceCache = new NonceCache();
    const signable = {
      method: request.method,
      url: `${SCRIPTED_TARGET}${request.path}`,
      headers: request.headers,
      body: new TextEncoder().encode(request.body),
    };
    const verified = verifyRequest(signable, { keyring: demoKeyring(), nonceCache });
    if (!verified.ok && !lenient?.test(verified.detail)) return scriptedProblem(verified.problem);
    return request.method === 'POST' ? { status: 201, json: { accepted: true } } : scriptedProblem('not-found');
  };
const run = async (id: string, script: Script) => {
  const { status, message } = await runScripted(check(id), { role: 'carrier', claim, script });
  return { status, message: message.replace(/ECDXPROBE\d+/g, 'ECDXPROBE…').replace(/nonce [A-Za-z0-9_-]{15}$/, 'nonce …') };
};

describe('signature-profile checks against scripted answers', () => {
  it('security/short-nonce-refused', async () => {
    expect((await run('security/short-nonce-refused', gate())).status).toBe('passed');
    expect(await run('security/short-nonce-refused', gate(/^nonce must/))).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/15-character nonce .*expected HTTP 401/),
    });
    expect(await run('security/short-nonce-refused', () => scriptedProblem('signature-invalid'))).toMatchObject({ status: 'precondition-failed' });
  });

  it('security/component-profile-enforced', async () => {
    expect((await run('security/component-profile-enforced', gate())).status).toBe('passed');
    expect(await run('security/component-profile-enforced', gate(/carries parameters/))).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('"content-digest";sf: expected HTTP 401 (signature-invalid), got 201'),
    });
    expect(await run('security/component-profile-enforced', gate(/unknown derived component/))).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('derived component @status: expected HTTP 401 (signature-invalid), got 404'),
    });
  });

  it('security/content-digest-without-content', async () => {
    expect((await run('security/content-digest-without-content', gate())).status).toBe('passed');
    expect(await run('security/content-digest-without-content', gate(/Content-Digest/))).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('whose Content-Digest is that of {}: expected HTTP 401 (digest-mismatch), got 404'),
    });
    const refusesAnyDigest: Script = (request) => (request.headers['content-digest'] && !request.body ? scriptedProblem('digest-mismatch') : gate()(request));
    expect(await run('security/content-digest-without-content', refusesAnyDigest)).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('Content-Digest of zero octets was answered 401'),
    });
  });
});
