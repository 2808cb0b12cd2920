import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  formatWebhookKey,
  generateWebhookSecret,
  generateWebhookSigningKey,
  parseWebhookKey,
  signWebhook,
  verifyWebhook,
  webhookPublicKey,
  webhookSecret,
  webhookSigningKey,
  webhookVerificationKeyOf,
} from './webhook-signatures.ts';

// The test vector published with the Standard Webhooks reference libraries.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const NOW = Date.parse('2026-03-01T09:30:00+08:00');
const batch = { id: 'batch-20260301-0001', timestamp: NOW, body: '{"batchId":"batch-20260301-0001","events":[]}' };

describe('Standard Webhooks test vector', () => {
  it('reproduces the published v1 signature', () => {
    const headers = signWebhook({ id: VECTOR.id, timestamp: VECTOR.timestamp * 1000, body: VECTOR.body }, webhookSecret(VECTOR.secret));
    expect(headers).toEqual({ 'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature });
  });

  it('verifies the published v1 signature at its own time', () => {
    const headers = { 'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature };
    expect(verifyWebhook(headers, VECTOR.body, webhookSecret(VECTOR.secret), { now: VECTOR.timestamp * 1000 })).toEqual({
      ok: true,
      id: VECTOR.id,
      timestamp: VECTOR.timestamp,
      scheme: 'v1',
    });
  });
});

describe('signWebhook and verifyWebhook', () => {
  const push = generateWebhookSigningKey();
  const pushPublic = webhookVerificationKeyOf(push);
  const secret = generateWebhookSecret();

  it('round-trips a v1a (ed25519) push with only the public key at the receiver', () => {
    const headers = signWebhook(batch, push);
    expect(headers['webhook-signature']).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
    expect(pushPublic.key.type).toBe('public');
    expect(verifyWebhook(headers, batch.body, pushPublic, { now: NOW })).toMatchObject({ ok: true, scheme: 'v1a', id: batch.id });
  });

  it('round-trips a v1 (HMAC) push and a body given as bytes', () => {
    const headers = signWebhook(batch, secret);
    expect(verifyWebhook(headers, new TextEncoder().encode(batch.body), secret, { now: NOW })).toMatchObject({ ok: true, scheme: 'v1' });
  });

  it('accepts a push signed with an old and a new key while the receiver holds only the new one', () => {
    const next = generateWebhookSigningKey();
    const headers = signWebhook(batch, [push, next]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyWebhook(headers, batch.body, webhookVerificationKeyOf(next), { now: NOW }).ok).toBe(true);
  });

  it('accepts a timestamp up to 300 s away from the receiver clock', () => {
    const headers = signWebhook(batch, push);
    expect(verifyWebhook(headers, batch.body, pushPublic, { now: NOW + 300_000 }).ok).toBe(true);
    expect(verifyWebhook(headers, batch.body, pushPublic, { now: NOW - 300_000 }).ok).toBe(true);
  });

  const problem = (r: ReturnType<typeof verifyWebhook>) => (r.ok ? 'ok' : r.problem);

  it('rejects a tampered body', () => {
    expect(problem(verifyWebhook(signWebhook(batch, push), `${batch.body} `, pushPublic, { now: NOW }))).toBe('signature-invalid');
    expect(problem(verifyWebhook(signWebhook(batch, secret), '{}', secret, { now: NOW }))).toBe('signature-invalid');
  });

  it('rejects a changed webhook-id', () => {
    const headers = { ...signWebhook(batch, push), 'webhook-id': 'batch-20260301-0002' };
    expect(problem(verifyWebhook(headers, batch.body, pushPublic, { now: NOW }))).toBe('signature-invalid');
  });

  it('rejects a signature by another key', () => {
    expect(problem(verifyWebhook(signWebhook(batch, generateWebhookSigningKey()), batch.body, pushPublic, { now: NOW }))).toBe('signature-invalid');
    expect(problem(verifyWebhook(signWebhook(batch, generateWebhookSecret()), batch.body, secret, { now: NOW }))).toBe('signature-invalid');
  });

  it('rejects a stale or future timestamp as signature-expired', () => {
    const headers = signWebhook(batch, push);
    expect(problem(verifyWebhook(headers, batch.body, pushPublic, { now: NOW + 301_000 }))).toBe('signature-expired');
    expect(problem(verifyWebhook(headers, batch.body, pushPublic, { now: NOW - 301_000 }))).toBe('signature-expired');
  });

  it('rejects a push without the three headers as signature-missing', () => {
    const { 'webhook-signature': _dropped, ...rest } = signWebhook(batch, push);
    expect(problem(verifyWebhook(rest, batch.body, pushPublic, { now: NOW }))).toBe('signature-missing');
  });

  it('rejects a push signed only in a scheme the receiver holds no key for', () => {
    expect(verifyWebhook(signWebhook(batch, secret), batch.body, pushPublic, { now: NOW })).toMatchObject({
      ok: false,
      problem: 'signature-invalid',
      detail: 'no signature uses a scheme the receiver holds a key for',
      detailZh: '没有一个签名使用接收方持有密钥的签名方案',
    });
  });

  it('rejects a non-numeric timestamp', () => {
    const headers = { ...signWebhook(batch, push), 'webhook-timestamp': '2026-03-01T01:30:00Z' };
    expect(problem(verifyWebhook(headers, batch.body, pushPublic, { now: NOW }))).toBe('signature-invalid');
  });

  it('refuses to sign an id with a dot', () => {
    expect(() => signWebhook({ ...batch, id: 'batch.1' }, push)).toThrow(/dots/);
  });
});

describe('serialised webhook keys', () => {
  it('round-trips whsec_, whsk_ and whpk_', () => {
    const push = generateWebhookSigningKey();
    const whsk = formatWebhookKey(push);
    const whpk = formatWebhookKey(webhookVerificationKeyOf(push));
    expect(whsk).toMatch(/^whsk_/);
    expect(whpk).toMatch(/^whpk_/);
    expect(parseWebhookKey(whsk).key.equals(push.key)).toBe(true);
    expect(parseWebhookKey(whpk).key.equals(webhookPublicKey(push.key).key)).toBe(true);
    const secret = generateWebhookSecret();
    expect(parseWebhookKey(formatWebhookKey(secret)).key.equals(secret.key)).toBe(true);
  });

  it('reads a whsk_ key holding only the 32-byte seed', () => {
    const push = generateWebhookSigningKey();
    const seedOnly = `whsk_${Buffer.from(formatWebhookKey(push).slice(5), 'base64').subarray(0, 32).toString('base64')}`;
    expect(webhookSigningKey(seedOnly).key.equals(push.key)).toBe(true);
  });

  it('refuses secrets outside 24–64 bytes and unknown prefixes', () => {
    expect(() => webhookSecret(`whsec_${Buffer.alloc(16).toString('base64')}`)).toThrow();
    expect(() => webhookSecret(`whsec_${Buffer.alloc(65).toString('base64')}`)).toThrow();
    expect(() => parseWebhookKey('sk_live_123')).toThrow(/whsec_/);
  });
});

describe('interoperability with the standardwebhooks package', () => {
  const serialised = formatWebhookKey(generateWebhookSecret());

  it('verifies a push they sign', () => {
    const timestamp = new Date();
    const signature = new Webhook(serialised).sign(batch.id, timestamp, batch.body);
    const headers = { 'webhook-id': batch.id, 'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)), 'webhook-signature': signature };
    expect(verifyWebhook(headers, batch.body, parseWebhookKey(serialised))).toMatchObject({ ok: true, scheme: 'v1' });
  });

  it('signs a push they verify', () => {
    const headers = signWebhook({ id: batch.id, body: batch.body }, parseWebhookKey(serialised));
    expect(new Webhook(serialised).verify(batch.body, headers)).toEqual(JSON.parse(batch.body));
  });

  it('agrees with them that a tampered push fails', () => {
    const headers = signWebhook({ id: batch.id, body: batch.body }, parseWebhookKey(serialised));
    expect(() => new Webhook(serialised).verify('{"tampered":true}', headers)).toThrow();
  });
});

// Every refusal says what failed in English (`detail`) and in Simplified Chinese (`detailZh`), with the same values.
/** The numbers and identifier-like tokens of a detail: header names, schemes. */
function factsOf(detail: string): string[] {
  const numbers = detail.match(/\d+/g) ?? [];
  const tokens = (detail.match(/[@\w](?:[\w@.-]*[\w@])?/g) ?? []).filter((t) => /[\d@_-]/.test(t));
  return [...new Set([...numbers, ...tokens])];
}

describe('every refusal of verifyWebhook says the same in Chinese', () => {
  const push = generateWebhookSigningKey();
  const pushPublic = webhookVerificationKeyOf(push);
  const signed = signWebhook(batch, push);
  const { 'webhook-signature': _dropped, ...unsigned } = signed;
  const cases: [string, Record<string, string>, number, RegExp][] = [
    ['a missing header', unsigned, NOW, /^the push lacks one of webhook-id, webhook-timestamp, webhook-signature$/],
    ['a non-numeric timestamp', { ...signed, 'webhook-timestamp': '2026-03-01T01:30:00Z' }, NOW, /^webhook-timestamp is not an integer count of seconds$/],
    ['a stale timestamp', signed, NOW + 301_000, /^webhook-timestamp is 301 s old; at most 300 s is accepted$/],
    ['a future timestamp', signed, NOW - 302_000, /^webhook-timestamp is 302 s in the future; at most 300 s is accepted$/],
    ['another key', signWebhook(batch, generateWebhookSigningKey()), NOW, /^no signature verifies with the trusted keys$/],
    ['another scheme', signWebhook(batch, generateWebhookSecret()), NOW, /^no signature uses a scheme the receiver holds a key for$/],
  ];

  it.each(cases)('%s', (_name, headers, now, detail) => {
    const result = verifyWebhook(headers, batch.body, pushPublic, { now });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.detail).toMatch(detail);
    expect(result.detailZh, result.detail).toMatch(/\p{Script=Han}/u);
    for (const fact of factsOf(result.detail)) expect(result.detailZh, result.detail).toContain(fact);
    // Chinese punctuation beside Chinese text, and no space between two Chinese characters.
    expect(result.detailZh).not.toMatch(/\p{Script=Han} +\p{Script=Han}|\p{Script=Han}\s*[,;:!?()]|[,;:!?()]\s*\p{Script=Han}/u);
  });

  it('tells a stale timestamp from a future one', () => {
    const zh = (now: number) => {
      const result = verifyWebhook(signed, batch.body, pushPublic, { now });
      return result.ok ? '' : result.detailZh;
    };
    expect(zh(NOW + 301_000)).toBe('webhook-timestamp 比接收方时钟落后 301 秒；至多接受相差 300 秒');
    expect(zh(NOW - 301_000)).toBe('webhook-timestamp 比接收方时钟超前 301 秒；至多接受相差 300 秒');
  });
});
