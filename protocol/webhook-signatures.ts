// Standard Webhooks 1.0 signatures for ECDX pushes: `webhook-id`, `webhook-timestamp` and `webhook-signature`
// over `{id}.{timestamp}.{body}`, either `v1` (HMAC-SHA256 with a `whsec_` secret) or `v1a` (ed25519 with a
// `whsk_` secret key; receivers hold the `whpk_` public key). ECDX prefers v1a: the receiver then holds nothing
// that could forge a push.
import { createHmac, generateKeyPairSync, randomBytes, sign as edSign, timingSafeEqual, verify as edVerify, type KeyObject } from 'node:crypto';
import { bodyBytes, type Body } from './content-digest.ts';
import { ed25519PrivateKey, ed25519PublicKey, hmacSecret, rawEd25519 } from './keys.ts';
import { headerValue, type SignableRequest } from './messages.ts';

export const WEBHOOK_SCHEMES = ['v1a', 'v1'] as const;
export type WebhookScheme = (typeof WEBHOOK_SCHEMES)[number];
/** A receiver rejects a `webhook-timestamp` further than this from its clock, in either direction. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
/** Standard Webhooks bounds for symmetric secrets: 24 to 64 bytes. */
export const WEBHOOK_SECRET_BYTES = { min: 24, max: 64 } as const;

export type WebhookSigningKey = { readonly scheme: 'v1'; readonly key: KeyObject } | { readonly scheme: 'v1a'; readonly key: KeyObject };
export type WebhookVerificationKey = WebhookSigningKey;

/** A `v1` key from `whsec_<base64>` or raw bytes; the same object signs and verifies. */
export function webhookSecret(secret: string | Uint8Array): WebhookSigningKey {
  let bytes: Uint8Array;
  if (typeof secret === 'string') {
    if (!secret.startsWith('whsec_')) throw new TypeError('a Standard Webhooks secret begins with whsec_');
    bytes = Buffer.from(secret.slice(6), 'base64');
  } else {
    bytes = secret;
  }
  if (bytes.byteLength > WEBHOOK_SECRET_BYTES.max) throw new TypeError(`a webhook secret has at most ${WEBHOOK_SECRET_BYTES.max} bytes`);
  return Object.freeze({ scheme: 'v1' as const, key: hmacSecret(bytes, WEBHOOK_SECRET_BYTES.min) });
}

/** A `v1a` signing key from `whsk_<base64>` (a 32-byte seed, or the 64-byte seed‖public form), PEM or KeyObject. */
export function webhookSigningKey(key: string | KeyObject): WebhookSigningKey {
  if (typeof key === 'string' && key.startsWith('whsk_')) {
    const bytes = Buffer.from(key.slice(5), 'base64');
    if (bytes.byteLength !== 32 && bytes.byteLength !== 64) throw new TypeError('a whsk_ key holds 32 or 64 bytes');
    return Object.freeze({ scheme: 'v1a' as const, key: ed25519PrivateKey(bytes.subarray(0, 32)) });
  }
  return Object.freeze({ scheme: 'v1a' as const, key: ed25519PrivateKey(key) });
}

/** A `v1a` verification key from `whpk_<base64>` (32 bytes), PEM or KeyObject (a private key is reduced to its public half). */
export function webhookPublicKey(key: string | KeyObject): WebhookVerificationKey {
  if (typeof key === 'string' && key.startsWith('whpk_')) {
    return Object.freeze({ scheme: 'v1a' as const, key: ed25519PublicKey(Buffer.from(key.slice(5), 'base64')) });
  }
  return Object.freeze({ scheme: 'v1a' as const, key: ed25519PublicKey(key) });
}

/** Any serialised Standard Webhooks key, by its prefix. */
export function parseWebhookKey(serialized: string): WebhookSigningKey {
  if (serialized.startsWith('whsec_')) return webhookSecret(serialized);
  if (serialized.startsWith('whsk_')) return webhookSigningKey(serialized);
  if (serialized.startsWith('whpk_')) return webhookPublicKey(serialized);
  throw new TypeError('a Standard Webhooks key begins with whsec_, whsk_ or whpk_');
}

/** The serialised form: `whsec_` for a secret, `whsk_` (64-byte seed‖public) for a private key, `whpk_` for a public key. */
export function formatWebhookKey(key: WebhookSigningKey): string {
  if (key.scheme === 'v1') return `whsec_${key.key.export().toString('base64')}`;
  if (key.key.type === 'private') {
    return `whsk_${Buffer.concat([rawEd25519(key.key), rawEd25519(ed25519PublicKey(key.key))]).toString('base64')}`;
  }
  return `whpk_${Buffer.from(rawEd25519(key.key)).toString('base64')}`;
}

/** What the receiver keeps: the public key for v1a, the secret itself for v1. */
export const webhookVerificationKeyOf = (key: WebhookSigningKey): WebhookVerificationKey =>
  key.scheme === 'v1' || key.key.type === 'public' ? key : webhookPublicKey(key.key);

export const generateWebhookSecret = (): WebhookSigningKey => webhookSecret(randomBytes(32));
export const generateWebhookSigningKey = (): WebhookSigningKey => webhookSigningKey(generateKeyPairSync('ed25519').privateKey);

export interface WebhookMessage {
  /** `webhook-id`: for ECDX pushes, the PushBatch's batchId; the same on every retry of the batch. */
  id: string;
  /** The attempt time; epoch milliseconds or a Date. Default: the system clock. */
  timestamp?: Date | number;
  body: Body;
}

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
  [name: string]: string;
}

const signedContent = (id: string, timestamp: string, body: Body): Buffer => Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), bodyBytes(body)]);

/**
 * Sign a push. Several keys give several signatures, space-separated — how a sender rotates keys without
 * interruption (sign with the old and the new key until every receiver holds the new one).
 */
export function signWebhook(message: WebhookMessage, keys: WebhookSigningKey | readonly WebhookSigningKey[]): WebhookHeaders {
  // A dot or a space in the id would make the signed content or the header ambiguous.
  if (!/^[^\s.]{1,256}$/.test(message.id)) throw new TypeError('webhook-id must be 1–256 characters without dots or white space');
  const ms = message.timestamp === undefined ? Date.now() : typeof message.timestamp === 'number' ? message.timestamp : message.timestamp.getTime();
  const timestamp = String(Math.floor(ms / 1000));
  const content = signedContent(message.id, timestamp, message.body);
  const signatures = (Array.isArray(keys) ? keys : [keys as WebhookSigningKey]).map((key) => {
    if (key.scheme === 'v1') return `v1,${createHmac('sha256', key.key).update(content).digest('base64')}`;
    if (key.key.type !== 'private') throw new TypeError('a v1a signature needs the private key');
    return `v1a,${edSign(null, content, key.key).toString('base64')}`;
  });
  if (signatures.length === 0) throw new TypeError('at least one key is needed');
  return { 'webhook-id': message.id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures.join(' ') };
}

export type WebhookVerifyResult =
  | { ok: true; id: string; timestamp: number; scheme: WebhookScheme }
  /** `detail` says what failed in English, `detailZh` the same in Simplified Chinese. */
  | { ok: false; status: 401; problem: 'signature-missing' | 'signature-invalid' | 'signature-expired'; detail: string; detailZh: string };

export interface WebhookVerifyOptions {
  /** The receiver's clock; epoch milliseconds or a Date. Default: the system clock. */
  now?: Date | number;
  /** Default 300. */
  toleranceSeconds?: number;
}

const failure = (problem: 'signature-missing' | 'signature-invalid' | 'signature-expired', detail: string, detailZh: string): WebhookVerifyResult => ({
  ok: false,
  status: 401,
  problem,
  detail,
  detailZh,
});

/** Verify a received push against the keys the receiver trusts for the sender. Any one valid signature suffices. */
export function verifyWebhook(
  headers: SignableRequest['headers'],
  body: Body,
  keys: WebhookVerificationKey | readonly WebhookVerificationKey[],
  options: WebhookVerifyOptions = {},
): WebhookVerifyResult {
  const id = headerValue(headers, 'webhook-id');
  const timestamp = headerValue(headers, 'webhook-timestamp');
  const signature = headerValue(headers, 'webhook-signature');
  if (id === undefined || timestamp === undefined || signature === undefined) {
    return failure(
      'signature-missing',
      'the push lacks one of webhook-id, webhook-timestamp, webhook-signature',
      '推送缺少 webhook-id、webhook-timestamp、webhook-signature 中的一项',
    );
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    return failure('signature-invalid', 'webhook-timestamp is not an integer count of seconds', 'webhook-timestamp 不是以秒计的整数');
  }
  const now = (options.now === undefined ? Date.now() : typeof options.now === 'number' ? options.now : options.now.getTime()) / 1000;
  const tolerance = options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  const offset = Number(timestamp) - now;
  if (Math.abs(offset) > tolerance) {
    const seconds = Math.round(Math.abs(offset));
    return failure(
      'signature-expired',
      `webhook-timestamp is ${seconds} s ${offset < 0 ? 'old' : 'in the future'}; at most ${tolerance} s is accepted`,
      `webhook-timestamp 比接收方时钟${offset < 0 ? '落后' : '超前'} ${seconds} 秒；至多接受相差 ${tolerance} 秒`,
    );
  }
  const trusted = Array.isArray(keys) ? keys : [keys as WebhookVerificationKey];
  const content = signedContent(id, timestamp, body);
  let seenScheme = false;
  for (const entry of signature.split(' ')) {
    const comma = entry.indexOf(',');
    if (comma < 0) continue;
    const scheme = entry.slice(0, comma);
    if (scheme !== 'v1' && scheme !== 'v1a') continue; // unknown schemes are skipped, as the specification asks
    const value = Buffer.from(entry.slice(comma + 1), 'base64');
    for (const key of trusted) {
      if (key.scheme !== scheme) continue;
      seenScheme = true;
      if (scheme === 'v1') {
        const expected = createHmac('sha256', key.key).update(content).digest();
        if (value.byteLength === expected.byteLength && timingSafeEqual(value, expected)) return { ok: true, id, timestamp: Number(timestamp), scheme };
      } else if (value.byteLength === 64 && edVerify(null, content, key.key, value)) {
        return { ok: true, id, timestamp: Number(timestamp), scheme };
      }
    }
  }
  return seenScheme
    ? failure('signature-invalid', 'no signature verifies with the trusted keys', '没有一个签名能用受信任的密钥验证通过')
    : failure('signature-invalid', 'no signature uses a scheme the receiver holds a key for', '没有一个签名使用接收方持有密钥的签名方案');
}
