// RFC 9421 HTTP Message Signatures, ECDX profile: one signature labelled `ecdx` over the method, the target URI
// and — whenever the request has them — Content-Type, Content-Digest and Idempotency-Key, with `created`,
// `expires` (at most 300 s later), a single-use `nonce`, `keyid` and `alg`. The generic pieces (signature base,
// signature value) follow the RFC and are tested against its Appendix B; the profile's rules live in
// `requiredComponents` and `verifyRequest`.
import { createHmac, sign as edSign, timingSafeEqual, verify as edVerify, randomBytes } from 'node:crypto';
import {
  parseDictionary,
  serializeDictionary,
  serializeInnerList,
  serializeItem,
  type BareItem,
  type InnerList,
  type Item,
  type Parameters,
} from 'structured-headers';
import { bodyBytes, contentDigest, verifyContentDigest } from './content-digest.ts';
import { isSignatureAlgorithm, type KeyResolver, type SignatureAlgorithm, type SigningKey, type VerificationKey } from './keys.ts';
import { headerValue, withHeaders, type SignableRequest } from './messages.ts';
import type { NonceStore } from './nonce-cache.ts';

/** The label of the ECDX signature in Signature-Input and Signature. Other labels may be present and are ignored. */
export const SIGNATURE_LABEL = 'ecdx';
/** Longest validity a signature may claim: `expires` − `created`. */
export const MAX_SIGNATURE_LIFETIME_SECONDS = 300;
/** Clock difference a receiver tolerates on either side of the validity window. */
export const CLOCK_SKEW_SECONDS = 30;
/** Shortest nonce accepted; the signer's default nonce is 16 random bytes, base64url (22 characters). */
export const MIN_NONCE_LENGTH = 16;

/**
 * The derived components (RFC 9421 §2.2) a receiver computes on a request. A signature covering any other `@` name —
 * `@status`, which belongs to responses, `@signature-params`, or a name the RFC does not define — is refused: the
 * receiver cannot know what value the signer signed for it.
 */
export const REQUEST_DERIVED_COMPONENTS = ['@method', '@target-uri', '@authority', '@scheme', '@request-target', '@path', '@query'] as const;

/** The header fields a signature must cover whenever the request carries them. */
export const CONDITIONAL_COMPONENTS = ['content-type', 'content-digest', 'idempotency-key'] as const;

/** Problem slugs (`https://ecdx.dev/problems/<slug>`) a failed verification reports; all are answered with 401. */
export type SignatureProblem = 'signature-missing' | 'signature-invalid' | 'signature-expired' | 'nonce-replayed' | 'digest-mismatch' | 'unknown-key';

export type VerifyFailure =
  | {
      ok: false;
      status: 401;
      problem: SignatureProblem;
      /** What failed, in English; `detailZh` says the same in Simplified Chinese, with the same values. */
      detail: string;
      detailZh: string;
      /**
       * Set when the signature does not verify: the base it was verified over, which a test deployment may show its
       * client to compare with the one it signed. It holds only what the request sent; the signature value the
       * request should have carried is never reported, which would make the receiver a signing oracle.
       */
      signatureBase?: string;
    }
  /** The nonce store is full of live nonces: answer 429 `rate-limited` with `Retry-After`, not 401. */
  | { ok: false; status: 429; problem: 'rate-limited'; detail: string; detailZh: string; retryAfterSeconds: number };

export interface VerifiedSignature {
  ok: true;
  /** The client, as identified by the key that verified; idempotency keys are scoped by it. */
  keyid: string;
  alg: SignatureAlgorithm;
  created: number;
  expires: number;
  nonce: string;
  components: string[];
}

export type VerifyResult = VerifiedSignature | VerifyFailure;

/** Signature parameters in the order they are serialised. */
export type SignatureParams = Map<string, BareItem>;

const nowMs = (now: Date | number | undefined): number => (now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime());

/**
 * The `@target-uri` value (RFC 9421 §2.2.2). ECDX serialises it as a WHATWG URL does — lower-case scheme and host,
 * default port omitted, empty path as `/` — so that a Fetch client and a node:http server derive the same string.
 */
export const targetUri = (url: string): string => new URL(url).href;

/** The value of one covered component, or `undefined` when the request does not have it. */
export function componentValue(request: SignableRequest, name: string): string | undefined {
  if (!name.startsWith('@')) return headerValue(request.headers, name);
  if (name === '@method') return request.method;
  const url = new URL(request.url);
  switch (name) {
    case '@target-uri':
      return url.href;
    case '@authority':
      return url.host;
    case '@scheme':
      return url.protocol.slice(0, -1);
    case '@path':
      return url.pathname;
    case '@query':
      return url.search === '' ? '?' : url.search;
    case '@request-target':
      return `${url.pathname}${url.search}`;
    default:
      return undefined; // not a request component: REQUEST_DERIVED_COMPONENTS
  }
}

/** Why a signature base cannot be built: a TypeError whose message is English, with the same in Chinese beside it. */
class SignatureBaseError extends TypeError {
  readonly messageZh: string;
  constructor(message: string, messageZh: string) {
    super(message);
    this.messageZh = messageZh;
  }
}

/** The signature base (RFC 9421 §2.5) for the given covered components and parameters. Throws on a missing component. */
export function signatureBase(request: SignableRequest, components: readonly string[], params: SignatureParams): string {
  const lines: string[] = [];
  for (const name of components) {
    const value = componentValue(request, name);
    if (value === undefined) throw new SignatureBaseError(`covered component ${name} is not present in the request`, `请求中没有覆盖组件 ${name}`);
    if (/[\r\n]/.test(value)) throw new SignatureBaseError(`component ${name} contains a line break`, `组件 ${name} 含有换行符`);
    lines.push(`"${name}": ${value}`);
  }
  lines.push(`"@signature-params": ${signatureParamsValue(components, params)}`);
  return lines.join('\n');
}

/** Parameters of covered components, by component name; the ECDX profile uses none (a tampering signer may). */
type ComponentParameters = Readonly<Record<string, Readonly<Record<string, BareItem>>>>;

const coveredList = (components: readonly string[], componentParams: ComponentParameters = {}): InnerList[0] =>
  components.map((c) => [c, new Map(Object.entries(componentParams[c] ?? {}))]);

/** The serialised inner list that is both the `@signature-params` line and the Signature-Input member. */
export const signatureParamsValue = (components: readonly string[], params: SignatureParams, componentParams?: ComponentParameters): string =>
  serializeInnerList([coveredList(components, componentParams), params]);

/** The raw signature over a signature base. */
export function createSignatureValue(key: SigningKey, base: string): Buffer {
  const data = Buffer.from(base, 'utf8');
  return key.alg === 'ed25519' ? edSign(null, data, key.key) : createHmac('sha256', key.key).update(data).digest();
}

/** Whether `signature` is a valid signature over `base` under `key`. Never throws. */
export function verifySignatureValue(key: VerificationKey, base: string, signature: Uint8Array): boolean {
  const data = Buffer.from(base, 'utf8');
  try {
    if (key.alg === 'ed25519') return signature.byteLength === 64 && edVerify(null, data, key.key, signature);
    const expected = createHmac('sha256', key.key).update(data).digest();
    return signature.byteLength === expected.byteLength && timingSafeEqual(signature, expected);
  } catch {
    return false;
  }
}

/** The components the ECDX profile requires a signature on this request to cover, in the recommended order. */
export function requiredComponents(request: SignableRequest): string[] {
  const components = ['@method', '@target-uri'];
  for (const name of CONDITIONAL_COMPONENTS) if (headerValue(request.headers, name) !== undefined) components.push(name);
  return components;
}

export interface SignOptions {
  key: SigningKey;
  /** The signing time; epoch milliseconds or a Date. Default: the system clock. */
  now?: Date | number;
  /** Default: 16 random bytes, base64url. */
  nonce?: string;
  /** Seconds from `created` to `expires`, 1–300. Default 300. */
  expiresIn?: number;
  /**
   * Deliberate faults, for conformance checks that must send a wrong signature (a component left out, a wrong
   * `alg`, a stale `created` …). The result is still a well-formed signature; never set this in production.
   */
  tamper?: {
    components?: readonly string[];
    label?: string;
    params?: Record<string, BareItem | undefined>;
    /**
     * Parameters on covered components (`{"content-digest": {sf: true}}`), written in Signature-Input and in the
     * signature base's component identifiers as RFC 9421 §2.1 serialises them. The value signed stays the field's
     * own, which is what `sf` yields for a field already in its canonical structured form.
     */
    componentParams?: ComponentParameters;
    /** The value signed for a component the request does not have, such as a derived component ECDX does not define. */
    componentValues?: Readonly<Record<string, string>>;
  };
}

/** The signature base a tampering signer builds: RFC 9421 §2.5 with component parameters and made-up values allowed. */
function tamperedSignatureBase(
  request: SignableRequest,
  components: readonly string[],
  params: SignatureParams,
  tamper: NonNullable<SignOptions['tamper']>,
): string {
  const lines = components.map((name) => {
    const value = componentValue(request, name) ?? tamper.componentValues?.[name];
    if (value === undefined) throw new TypeError(`covered component ${name} is not present in the request`);
    return `${serializeItem([name, new Map(Object.entries(tamper.componentParams?.[name] ?? {}))])}: ${value}`;
  });
  lines.push(`"@signature-params": ${signatureParamsValue(components, params, tamper.componentParams)}`);
  return lines.join('\n');
}

/**
 * The header fields `signRequest` adds: Signature-Input, Signature and, when the body needs one and has none,
 * Content-Digest. A plain record, so that it spreads into any header object.
 */
export type SignatureHeaders = Record<string, string> & { 'signature-input': string; signature: string };

/**
 * Sign a request under the ECDX profile. Returns the header fields to add; the request itself is not changed. A
 * request with content and no Content-Digest gets one computed here, and the signature covers it.
 */
export function signRequest(request: SignableRequest, options: SignOptions): SignatureHeaders {
  const expiresIn = options.expiresIn ?? MAX_SIGNATURE_LIFETIME_SECONDS;
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_SIGNATURE_LIFETIME_SECONDS) {
    throw new RangeError(`expiresIn must be an integer from 1 to ${MAX_SIGNATURE_LIFETIME_SECONDS} seconds`);
  }
  const nonce = options.nonce ?? randomBytes(16).toString('base64url');
  if (nonce.length < MIN_NONCE_LENGTH) throw new RangeError(`a nonce needs at least ${MIN_NONCE_LENGTH} characters`);

  const added: SignatureHeaders = { 'signature-input': '', signature: '' };
  let subject = request;
  if (bodyBytes(request.body).byteLength > 0 && headerValue(request.headers, 'content-digest') === undefined) {
    added['content-digest'] = contentDigest(request.body);
    subject = withHeaders(request, { 'content-digest': added['content-digest'] });
  }

  const created = Math.floor(nowMs(options.now) / 1000);
  const params: SignatureParams = new Map<string, BareItem>([
    ['created', created],
    ['expires', created + expiresIn],
    ['nonce', nonce],
    ['keyid', options.key.keyid],
    ['alg', options.key.alg],
  ]);
  for (const [name, value] of Object.entries(options.tamper?.params ?? {})) {
    if (value === undefined) params.delete(name);
    else params.set(name, value);
  }
  const components = options.tamper?.components ?? requiredComponents(subject);
  const label = options.tamper?.label ?? SIGNATURE_LABEL;
  const base = options.tamper ? tamperedSignatureBase(subject, components, params, options.tamper) : signatureBase(subject, components, params);
  const value = createSignatureValue(options.key, base);
  added['signature-input'] = serializeDictionary(new Map<string, InnerList>([[label, [coveredList(components, options.tamper?.componentParams), params]]]));
  added.signature = serializeDictionary(new Map<string, Item>([[label, [new Uint8Array(value), new Map()]]]));
  return added;
}

/** A parsed signature: what the sender claims to have signed. */
export interface ParsedSignature {
  ok: true;
  label: string;
  components: string[];
  params: Parameters;
  signature: Uint8Array;
}

const fail = (problem: SignatureProblem, detail: string, detailZh: string): VerifyFailure => ({ ok: false, status: 401, problem, detail, detailZh });

/** How the details of the profile's refusals begin, so that a caller can tell the rules apart (ECDX-SEC-020, SEC-021). */
export const SHORT_NONCE = 'nonce must be a string of at least';
export const COMPONENT_WITH_PARAMETERS = 'a covered component carries parameters:';
export const UNKNOWN_DERIVED_COMPONENT = 'unknown derived component';
/** How the Chinese details (`detailZh`) of the same refusals begin. */
export const SHORT_NONCE_ZH = 'nonce 必须是字符串，且至少有';
export const COMPONENT_WITH_PARAMETERS_ZH = '覆盖组件带有参数：';
export const UNKNOWN_DERIVED_COMPONENT_ZH = '未知的派生组件';

/** The detail of the failure that leaves the value itself at fault (a wrong key, a component signed otherwise). */
const SIGNATURE_DOES_NOT_VERIFY = 'the signature does not verify over the signature base';
const SIGNATURE_DOES_NOT_VERIFY_ZH = '签名无法在签名基串上验证通过';
const NONCES_FULL = 'too many live signatures to remember; retry later';
const NONCES_FULL_ZH = '有效期内的签名过多，无法再记住；请稍后重试';

/** Read the signature with `label` from Signature-Input and Signature, without checking it. */
export function parseSignature(request: SignableRequest, label = SIGNATURE_LABEL): ParsedSignature | VerifyFailure {
  const input = headerValue(request.headers, 'signature-input');
  const signature = headerValue(request.headers, 'signature');
  if (input === undefined || signature === undefined)
    return fail('signature-missing', 'the request has no Signature-Input and Signature fields', '请求没有 Signature-Input 和 Signature 字段');
  let inputs: ReturnType<typeof parseDictionary>;
  let signatures: ReturnType<typeof parseDictionary>;
  try {
    inputs = parseDictionary(input);
    signatures = parseDictionary(signature);
  } catch (error) {
    const message = (error as Error).message;
    return fail(
      'signature-invalid',
      `Signature-Input or Signature is not a structured dictionary: ${message}`,
      `Signature-Input 或 Signature 不是结构化字典：${message}`,
    );
  }
  const declared = inputs.get(label);
  const value = signatures.get(label);
  if (declared === undefined || value === undefined) {
    return fail('signature-missing', `the request has no signature labelled ${label}`, `请求没有标签为 ${label} 的签名`);
  }
  if (!Array.isArray(declared[0]))
    return fail('signature-invalid', `Signature-Input ${label} is not an inner list`, `Signature-Input 的 ${label} 不是内部列表`);
  if (!(value[0] instanceof ArrayBuffer)) return fail('signature-invalid', `Signature ${label} is not a byte sequence`, `Signature 的 ${label} 不是字节序列`);
  const components: string[] = [];
  for (const [name, componentParams] of declared[0] as InnerList[0]) {
    if (typeof name !== 'string' || name !== name.toLowerCase()) {
      return fail('signature-invalid', 'covered components must be lower-case strings', '覆盖组件必须是小写字符串');
    }
    if (componentParams.size > 0) {
      return fail(
        'signature-invalid',
        `${COMPONENT_WITH_PARAMETERS} ${name}, and the ECDX profile uses none`,
        `${COMPONENT_WITH_PARAMETERS_ZH}${name}，而 ECDX 签名规范不使用组件参数`,
      );
    }
    if (name.startsWith('@') && !(REQUEST_DERIVED_COMPONENTS as readonly string[]).includes(name)) {
      return fail(
        'signature-invalid',
        `${UNKNOWN_DERIVED_COMPONENT} ${name}: a request signature covers only ${REQUEST_DERIVED_COMPONENTS.join(', ')}`,
        `${UNKNOWN_DERIVED_COMPONENT_ZH} ${name}：请求签名只覆盖 ${REQUEST_DERIVED_COMPONENTS.join('、')}`,
      );
    }
    if (components.includes(name)) return fail('signature-invalid', `component ${name} is covered twice`, `组件 ${name} 被覆盖了两次`);
    components.push(name);
  }
  return { ok: true, label, components, params: declared[1], signature: new Uint8Array(value[0]) };
}

export interface VerifyOptions {
  /** The keys this receiver trusts, by keyid. */
  keyring: KeyResolver;
  /** Where accepted nonces are remembered. */
  nonceCache: NonceStore;
  /** The receiver's clock; epoch milliseconds or a Date. Default: the system clock. */
  now?: Date | number;
  /** Default 30. */
  skewSeconds?: number;
  label?: string;
}

/**
 * A request that passed every rule of the profile but the signature value itself: the key and base to verify it
 * with, and what `concludeVerification` needs to turn the verdict into the result. Plain data, not a closure, so
 * that preparing costs the synchronous path nothing.
 */
export interface PendingVerification {
  ok: 'pending';
  key: VerificationKey;
  base: string;
  signature: Uint8Array;
  /** The result when the value verifies and the nonce is fresh. */
  verified: VerifiedSignature;
  /** The receiver's now and the end of the nonce's life (epoch seconds: `expires` + skew). */
  now: number;
  nonceUntil: number;
}

/** The result of a prepared verification once its value is checked; records the nonce only for a valid signature. */
export function concludeVerification(pending: PendingVerification, valid: boolean, nonceCache: NonceStore): VerifyResult {
  const { base, verified } = pending;
  if (!valid) {
    return {
      ok: false,
      status: 401,
      problem: 'signature-invalid',
      detail: SIGNATURE_DOES_NOT_VERIFY,
      detailZh: SIGNATURE_DOES_NOT_VERIFY_ZH,
      signatureBase: base,
    };
  }
  // Recorded after the verdict, on the caller's thread: of two requests with one nonce, whichever concludes first wins.
  const recorded = nonceCache.checkAndRecord(verified.keyid, verified.nonce, pending.nonceUntil, pending.now);
  if (recorded.outcome === 'replayed') {
    return fail(
      'nonce-replayed',
      `nonce ${verified.nonce} was already used with keyid ${verified.keyid}`,
      `nonce ${verified.nonce} 已在 keyid ${verified.keyid} 下使用过`,
    );
  }
  if (recorded.outcome === 'full') {
    return { ok: false, status: 429, problem: 'rate-limited', detail: NONCES_FULL, detailZh: NONCES_FULL_ZH, retryAfterSeconds: recorded.retryAfterSeconds };
  }
  return verified;
}

/** Verify a request's ECDX signature: every rule of the profile, cheapest checks first, the nonce recorded last. */
export function verifyRequest(request: SignableRequest, options: VerifyOptions): VerifyResult {
  const pending = prepareVerification(request, options);
  if (pending.ok !== 'pending') return pending;
  return concludeVerification(pending, verifySignatureValue(pending.key, pending.base, pending.signature), options.nonceCache);
}

/**
 * Every step of `verifyRequest` up to the signature value, which the caller verifies where it likes (on this
 * thread, or on libuv's pool: `verifyRequestAsync`), then hands to `concludeVerification`. Nothing is recorded here.
 */
export function prepareVerification(request: SignableRequest, options: VerifyOptions): VerifyFailure | PendingVerification {
  const parsed = parseSignature(request, options.label ?? SIGNATURE_LABEL);
  if (!parsed.ok) return parsed;
  const { components, params } = parsed;

  const created = params.get('created');
  const expires = params.get('expires');
  const nonce = params.get('nonce');
  const keyid = params.get('keyid');
  const alg = params.get('alg');
  if (!Number.isInteger(created) || !Number.isInteger(expires)) {
    return fail('signature-invalid', 'created and expires must both be present as integers', 'created 和 expires 必须都存在且为整数');
  }
  if (typeof nonce !== 'string' || nonce.length < MIN_NONCE_LENGTH) {
    return fail('signature-invalid', `${SHORT_NONCE} ${MIN_NONCE_LENGTH} characters`, `${SHORT_NONCE_ZH} ${MIN_NONCE_LENGTH} 个字符`);
  }
  if (typeof keyid !== 'string' || keyid === '') return fail('signature-invalid', 'keyid must be present as a string', 'keyid 必须存在且为字符串');
  if (typeof alg !== 'string') return fail('signature-invalid', 'alg must be present as a string', 'alg 必须存在且为字符串');
  if (!isSignatureAlgorithm(alg)) {
    return fail('signature-invalid', `alg ${alg} is not one ECDX allows (ed25519, hmac-sha256)`, `alg ${alg} 不是 ECDX 允许的算法（ed25519、hmac-sha256）`);
  }
  const lifetime = (expires as number) - (created as number);
  if (lifetime <= 0 || lifetime > MAX_SIGNATURE_LIFETIME_SECONDS) {
    return fail(
      'signature-invalid',
      `expires − created is ${lifetime} s; it must be 1–${MAX_SIGNATURE_LIFETIME_SECONDS} s`,
      `expires − created 为 ${lifetime} 秒；必须为 1–${MAX_SIGNATURE_LIFETIME_SECONDS} 秒`,
    );
  }

  const now = nowMs(options.now) / 1000;
  const skew = options.skewSeconds ?? CLOCK_SKEW_SECONDS;
  if ((created as number) > now + skew) {
    const ahead = Math.round((created as number) - now);
    return fail('signature-expired', `created lies ${ahead} s in the future`, `created 比接收方时钟超前 ${ahead} 秒`);
  }
  if (now > (expires as number) + skew) {
    const ago = Math.round(now - (expires as number));
    return fail('signature-expired', `the signature expired ${ago} s ago`, `签名已于 ${ago} 秒前过期`);
  }

  for (const name of requiredComponents(request)) {
    if (!components.includes(name)) {
      return fail('signature-invalid', `the signature does not cover ${name}, which the request carries`, `签名未覆盖请求所带的 ${name}`);
    }
  }
  const hasContent = bodyBytes(request.body).byteLength > 0;
  if (hasContent && !components.includes('content-digest')) {
    return fail('digest-mismatch', 'the request has content but no Content-Digest field', '请求有内容，但没有 Content-Digest 字段');
  }

  const key = options.keyring.get(keyid);
  if (key === undefined) return fail('unknown-key', `no key is registered for keyid ${keyid}`, `没有为 keyid ${keyid} 登记的密钥`);
  if (key.alg !== alg) {
    return fail('signature-invalid', `keyid ${keyid} is registered for ${key.alg}, not ${alg}`, `keyid ${keyid} 登记的算法是 ${key.alg}，而不是 ${alg}`);
  }

  if (components.includes('content-digest')) {
    const digest = verifyContentDigest(headerValue(request.headers, 'content-digest'), request.body);
    if (!digest.ok) return fail('digest-mismatch', digest.detail, digest.detailZh);
  }

  let base: string;
  try {
    base = signatureBase(request, components, params);
  } catch (error) {
    const message = (error as Error).message;
    return fail('signature-invalid', message, error instanceof SignatureBaseError ? error.messageZh : `无法构建签名基串：${message}`);
  }
  const verified: VerifiedSignature = { ok: true, keyid, alg, created: created as number, expires: expires as number, nonce, components };
  return { ok: 'pending', key, base, signature: parsed.signature, verified, now, nonceUntil: (expires as number) + skew };
}
