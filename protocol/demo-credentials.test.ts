import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEMO_CARRIER_KEYID,
  DEMO_CARRIER_HMAC_KEYID,
  DEMO_HMAC_KEYID,
  DEMO_PLATFORM_KEYID,
  DEMO_PUSH_PUBLIC_KEY,
  DEMO_PUSH_SIGNING_KEY,
  DEMO_WEBHOOK_SECRET,
  demoCredentials,
  demoKeyring,
  isDemoKeyid,
} from './demo-credentials.ts';
import { verificationKeyOf } from './keys.ts';
import { withHeaders } from './messages.ts';
import { NonceCache } from './nonce-cache.ts';
import { parseSignature, signatureBase, signRequest, verifyRequest } from './http-signatures.ts';
import { formatWebhookKey, signWebhook, verifyWebhook, webhookVerificationKeyOf } from './webhook-signatures.ts';

describe('demo credentials', () => {
  it('pair each published private key with its published public key', () => {
    for (const party of [demoCredentials.platform, demoCredentials.carrier]) {
      expect(verificationKeyOf(party.signingKey).key.equals(party.verificationKey.key)).toBe(true);
    }
    expect(formatWebhookKey(webhookVerificationKeyOf(demoCredentials.push.v1a.signingKey))).toBe(DEMO_PUSH_PUBLIC_KEY);
    expect(formatWebhookKey(demoCredentials.push.v1a.signingKey)).toBe(DEMO_PUSH_SIGNING_KEY);
    expect(formatWebhookKey(demoCredentials.push.v1)).toBe(DEMO_WEBHOOK_SECRET);
  });

  it('use 32-byte secrets', () => {
    expect(demoCredentials.platformHmac.key.symmetricKeySize).toBe(32);
    expect(demoCredentials.push.v1.key.symmetricKeySize).toBe(32);
  });

  it('all carry the demo keyid prefix, so production can refuse them', () => {
    for (const keyid of [DEMO_PLATFORM_KEYID, DEMO_CARRIER_KEYID, DEMO_HMAC_KEYID]) expect(isDemoKeyid(keyid)).toBe(true);
    expect(isDemoKeyid('platform-2026')).toBe(false);
  });

  it('sign requests that the demo keyring verifies', () => {
    const keyring = demoKeyring();
    expect(keyring.keyids().sort()).toEqual([DEMO_CARRIER_KEYID, DEMO_CARRIER_HMAC_KEYID, DEMO_HMAC_KEYID, DEMO_PLATFORM_KEYID].sort());
    const request = { method: 'GET', url: 'https://carrier.example/v1/shipments/SF1234567890', headers: {} };
    for (const key of [demoCredentials.platform.signingKey, demoCredentials.carrier.signingKey, demoCredentials.platformHmac]) {
      const signed = withHeaders(request, signRequest(request, { key }));
      expect(verifyRequest(signed, { keyring, nonceCache: new NonceCache() })).toMatchObject({ ok: true, keyid: key.keyid });
    }
  });

  it('sign pushes that verify with the published push keys', () => {
    const push = { id: 'batch-demo-0001', body: '{"events":[]}' };
    const v1a = signWebhook(push, demoCredentials.push.v1a.signingKey);
    expect(verifyWebhook(v1a, push.body, demoCredentials.push.v1a.verificationKey).ok).toBe(true);
    const v1 = signWebhook(push, demoCredentials.push.v1);
    expect(verifyWebhook(v1, push.body, demoCredentials.push.v1).ok).toBe(true);
  });
});

// Appendix A (the demo keys) is generated: protocol/demo-credentials-appendix.ts and its test.
describe("the specification's worked example (spec/text/15-security.md, Appendix B)", () => {
  const chapter = readFileSync(join(import.meta.dirname, '../spec/text/15-security.md'), 'utf8');
  const now = Date.parse('2026-03-01T09:30:00+08:00');

  it('shows the signature base and signature this implementation computes', () => {
    const request = {
      method: 'POST',
      url: 'https://carrier.example/v1/shipments',
      headers: { 'content-type': 'application/json', 'idempotency-key': '0f8c2a3e-6b1d-4f57-9a0e-2d5b7c9e1f43' },
      body: '{"platformOrderId":"ord-20260301-0001"}',
    };
    const headers = signRequest(request, { key: demoCredentials.platform.signingKey, now, nonce: 'Xq3vY8pK2mN7rT5wZ1aB4c' });
    const signed = withHeaders(request, headers);
    const parsed = parseSignature(signed);
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(chapter).toContain(`\`\`\`\n${signatureBase(signed, parsed.components, parsed.params)}\n\`\`\``);
    expect(chapter).toContain(`Signature: ${headers.signature}`);
    expect(chapter).toContain(`Signature-Input: ${headers['signature-input']}`);
    expect(chapter).toContain(`Content-Digest: ${headers['content-digest']}`);
  });

  it('shows the push signatures this implementation computes', () => {
    const push = signWebhook({ id: 'batch-20260301-0001', timestamp: now, body: '{"batchId":"batch-20260301-0001"}' }, [
      demoCredentials.push.v1a.signingKey,
      demoCredentials.push.v1,
    ]);
    expect(chapter).toContain(`webhook-signature: ${push['webhook-signature']}`);
  });
});
