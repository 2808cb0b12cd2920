// The demo credentials as an outside implementer loads them (chapter Security, Appendix A): the push key pair from
// its PKCS#8 / SPKI PEM and its JWK with node:crypto and with WebCrypto, the `v1` secret with the independent
// standardwebhooks package, and each HMAC secret as the bytes its base64 decodes to. Every signature is made
// without this package's signers and must verify with its verifiers.
import { createHmac, createPrivateKey, createPublicKey, sign as edSign, webcrypto } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  DEMO_HMAC_SECRET_BASE64,
  DEMO_PUSH_PRIVATE_KEY_JWK,
  DEMO_PUSH_PRIVATE_KEY_PEM,
  DEMO_PUSH_PUBLIC_KEY,
  DEMO_PUSH_PUBLIC_KEY_JWK,
  DEMO_PUSH_PUBLIC_KEY_PEM,
  DEMO_WEBHOOK_SECRET,
  demoCredentials,
  demoKeyring,
} from './demo-credentials.ts';
import { signatureBase, parseSignature, signRequest, verifyRequest } from './http-signatures.ts';
import { withHeaders } from './messages.ts';
import { NonceCache } from './nonce-cache.ts';
import { verifyWebhook, webhookPublicKey } from './webhook-signatures.ts';

const push = { id: 'batch-demo-0001', body: '{"batchId":"batch-demo-0001","events":[]}' };
const timestamp = String(Math.floor(Date.now() / 1000));
const content = Buffer.from(`${push.id}.${timestamp}.${push.body}`);
const pushHeaders = (signature: string) => ({ 'webhook-id': push.id, 'webhook-timestamp': timestamp, 'webhook-signature': signature });
const verifiesWithPublishedKey = (signature: Uint8Array): boolean =>
  verifyWebhook(pushHeaders(`v1a,${Buffer.from(signature).toString('base64')}`), push.body, webhookPublicKey(DEMO_PUSH_PUBLIC_KEY)).ok;

describe('the demo push key pair in the forms common libraries load', () => {
  it('is one key in the whsk_/whpk_, PEM and JWK forms', () => {
    const fromWhsk = demoCredentials.push.v1a.signingKey.key;
    expect(fromWhsk.export({ type: 'pkcs8', format: 'pem' })).toBe(DEMO_PUSH_PRIVATE_KEY_PEM);
    expect(createPublicKey(fromWhsk).export({ type: 'spki', format: 'pem' })).toBe(DEMO_PUSH_PUBLIC_KEY_PEM);
    expect(fromWhsk.export({ format: 'jwk' })).toEqual(DEMO_PUSH_PRIVATE_KEY_JWK);
    expect(createPublicKey(fromWhsk).export({ format: 'jwk' })).toEqual(DEMO_PUSH_PUBLIC_KEY_JWK);
  });

  it('signs, loaded by node:crypto from PKCS#8 PEM or from JWK, pushes that verify with the published whpk_ key', () => {
    for (const key of [createPrivateKey(DEMO_PUSH_PRIVATE_KEY_PEM), createPrivateKey({ key: { ...DEMO_PUSH_PRIVATE_KEY_JWK }, format: 'jwk' })]) {
      expect(verifiesWithPublishedKey(edSign(null, content, key))).toBe(true);
    }
    expect(verifiesWithPublishedKey(edSign(null, Buffer.from('another content'), createPrivateKey(DEMO_PUSH_PRIVATE_KEY_PEM)))).toBe(false);
  });

  it('signs, imported by WebCrypto as pkcs8 or jwk, pushes that verify; its public PEM and JWK verify ours', async () => {
    const der = createPrivateKey(DEMO_PUSH_PRIVATE_KEY_PEM).export({ type: 'pkcs8', format: 'der' });
    const keys = [
      await webcrypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']),
      await webcrypto.subtle.importKey('jwk', { ...DEMO_PUSH_PRIVATE_KEY_JWK }, { name: 'Ed25519' }, false, ['sign']),
    ];
    for (const key of keys) expect(verifiesWithPublishedKey(new Uint8Array(await webcrypto.subtle.sign('Ed25519', key, content)))).toBe(true);
    const ours = edSign(null, content, demoCredentials.push.v1a.signingKey.key);
    const publicJwk = await webcrypto.subtle.importKey('jwk', { ...DEMO_PUSH_PUBLIC_KEY_JWK }, { name: 'Ed25519' }, false, ['verify']);
    expect(await webcrypto.subtle.verify('Ed25519', publicJwk, ours, content)).toBe(true);
    expect(verifyWebhook(pushHeaders(`v1a,${ours.toString('base64')}`), push.body, webhookPublicKey(DEMO_PUSH_PUBLIC_KEY_PEM)).ok).toBe(true);
  });
});

describe('the demo secrets are the bytes their base64 decodes to', () => {
  it('v1: standardwebhooks signs with the published whsec_ secret what this package verifies, and the reverse', () => {
    const theirs = new Webhook(DEMO_WEBHOOK_SECRET).sign(push.id, new Date(Number(timestamp) * 1000), push.body);
    expect(verifyWebhook(pushHeaders(theirs), push.body, demoCredentials.push.v1)).toMatchObject({ ok: true, scheme: 'v1' });
    const decoded = Buffer.from(DEMO_WEBHOOK_SECRET.slice('whsec_'.length), 'base64');
    expect(theirs).toBe(`v1,${createHmac('sha256', decoded).update(content).digest('base64')}`);
    const asText = createHmac('sha256', DEMO_WEBHOOK_SECRET.slice('whsec_'.length)).update(content).digest('base64');
    expect(verifyWebhook(pushHeaders(`v1,${asText}`), push.body, demoCredentials.push.v1).ok).toBe(false);
  });

  it('hmac-sha256: a request signed by hand with the decoded 32 bytes verifies; one keyed with the base64 text does not', () => {
    const request = { method: 'GET', url: 'https://carrier.example/v1/shipments/ECDXDEMO12345678', headers: {} };
    const headers = signRequest(request, { key: demoCredentials.platformHmac });
    const signed = withHeaders(request, headers);
    const parsed = parseSignature(signed);
    if (!parsed.ok) throw new Error(parsed.detail);
    const base = signatureBase(signed, parsed.components, parsed.params);
    const input = headers['signature-input'];
    const byHand = (key: Buffer | string) =>
      withHeaders(request, { 'signature-input': input, signature: `ecdx=:${createHmac('sha256', key).update(base).digest('base64')}:` });
    const decoded = Buffer.from(DEMO_HMAC_SECRET_BASE64, 'base64');
    expect(decoded.byteLength).toBe(32);
    expect(verifyRequest(byHand(decoded), { keyring: demoKeyring(), nonceCache: new NonceCache() })).toMatchObject({ ok: true });
    expect(verifyRequest(byHand(DEMO_HMAC_SECRET_BASE64), { keyring: demoKeyring(), nonceCache: new NonceCache() })).toMatchObject({
      ok: false,
      problem: 'signature-invalid',
    });
  });
});
