// What a test deployment tells a developer whose signer fails. Building a client against a signed API fails first
// at the signature, and "does not verify" alone leaves them guessing which of a dozen details differs. So in test
// mode a 401 `signature-invalid` or `digest-mismatch` carries the signature base the mock computed and the first
// covered component whose value differs from what the client most likely signed. That component is found by
// verifying the signature over plausible variations of the base — another origin or Host, the path without its
// query, a header value untrimmed, Content-Digest recomputed — and naming the one that makes it verify.
// Nothing here reveals a secret: the base holds only what the request sent, the key is used to verify and never
// shown, and no expected signature value is ever computed for output. A production deployment gets none of it.
import {
  bodyBytes,
  contentDigest,
  headerValue,
  parseSignature,
  signatureBase,
  verifySignatureValue,
  type KeyResolver,
  type ParsedSignature,
  type SignableRequest,
  type VerifyFailure,
} from '../../protocol/index.ts';
import type { Problem } from '../../schemas/src/problems.ts';
import type { MockRequest } from './types.ts';
import { targetVariations, valueVariations, type Variation } from './signature-variations.ts';

type SignatureMismatch = NonNullable<Problem['signatureMismatch']>;
/** The members a test deployment adds to (or changes in) a signature problem. */
export type SignatureHelp = Pick<Problem, 'detail' | 'signatureBase' | 'signatureMismatch'>;

/** The Problem schema's bounds: a longer base is left out, a longer value is cut. */
const MAX_BASE = 8192;
const MAX_VALUE = 4096;

/** The verifier reports an uncovered component as signature-invalid with this wording (http-signatures.ts). */
export const isCoverageFailure = (detail: string): boolean => detail.startsWith('the signature does not cover');
/**
 * A signature that does not verify over the base (wrong key, altered method or target), as opposed to the other
 * signature-invalid cases — a wrong alg, an over-long validity, a short nonce — which other requirements govern.
 */
export const isVerificationFailure = (detail: string): boolean => detail === 'the signature does not verify over the signature base';

/**
 * A signature for another origin than the mock's is the usual reason a correct signer fails here (a client that
 * reached the mock through `localhost`, or a proxy's name): the detail says which origin the mock verified with.
 */
export function withOriginHint(request: MockRequest, detail: string): string {
  const host = request.headers['host'];
  if (host === undefined || host.toLowerCase() === request.url.host) return detail;
  return `${detail}; "@target-uri" is verified with this mock's origin, ${request.url.origin}, not with the Host ${host}`;
}

/**
 * The help for a refused signature, or undefined where there is none to give (the signature is missing, stale,
 * replayed, or its key unknown: the detail says all there is). `keys` resolves the keyid as the verifier did.
 */
export function signatureHelp(request: MockRequest, signable: SignableRequest, failure: VerifyFailure, keys: KeyResolver): SignatureHelp | undefined {
  if (failure.problem !== 'signature-invalid' && failure.problem !== 'digest-mismatch') return undefined;
  const parsed = parseSignature(signable);
  if (!parsed.ok) return undefined;
  const base = failure.signatureBase ?? baseOf(signable, parsed);
  const shown = base !== undefined && base.length <= MAX_BASE ? { signatureBase: base } : {};
  if (failure.problem === 'digest-mismatch') {
    const mismatch = digestMismatch(signable, parsed);
    return { detail: `${failure.detail}; ${mismatch.hint}`, ...shown, signatureMismatch: mismatch };
  }
  if (!isVerificationFailure(failure.detail) || base === undefined) return { detail: failure.detail, ...shown };

  const key = keys.get(String(parsed.params.get('keyid')));
  const mismatch = key && findMismatch(request, signable, parsed, base, (candidate) => verifySignatureValue(key, candidate, parsed.signature));
  if (mismatch) {
    return { detail: `${failure.detail}, but it does with another "${mismatch.component}": ${mismatch.hint}`, ...shown, signatureMismatch: mismatch };
  }
  const covered = parsed.components.map((c) => `"${c}"`).join(', ');
  return {
    detail:
      `${withOriginHint(request, failure.detail)}; no single difference in one covered component (${covered}) makes it verify with keyid ` +
      `${String(parsed.params.get('keyid'))}: check that the client signs with that key, over exactly signatureBase (the values as this mock saw them)`,
    ...shown,
  };
}

function baseOf(signable: SignableRequest, parsed: ParsedSignature): string | undefined {
  try {
    return signatureBase(signable, parsed.components, parsed.params);
  } catch {
    return undefined; // a covered component the request lacks: the detail names it
  }
}

/** The Content-Digest the client sent against the digest of the content the mock received. */
function digestMismatch(signable: SignableRequest, parsed: ParsedSignature): SignatureMismatch {
  const sent = headerValue(signable.headers, 'content-digest');
  const received = contentDigest(signable.body);
  const size = bodyBytes(signable.body).byteLength;
  const hint =
    sent === undefined || !parsed.components.includes('content-digest')
      ? `send Content-Digest with the sha-256 of the ${size} bytes of content (verifierValue) and cover it`
      : `Content-Digest must carry the sha-256 of exactly the ${size} bytes of content sent (verifierValue, as this mock received them): compute it after the body is serialised, and send those bytes unchanged`;
  return { component: 'content-digest', verifierValue: received, ...(sent === undefined ? {} : { signerValue: clip(sent) }), hint };
}

/**
 * The first covered component whose variation makes the signature verify, in the order the signature covers them;
 * a variation of the target changes every component derived from it at once (`@target-uri`, `@authority` …).
 */
function findMismatch(
  request: MockRequest,
  signable: SignableRequest,
  parsed: ParsedSignature,
  base: string,
  verifies: (base: string) => boolean,
): SignatureMismatch | undefined {
  // The base's lines are `"name": value` in the covered order, then "@signature-params" (RFC 9421 §2.5); no value
  // holds a line break (signatureBase refuses one), so the lines split cleanly.
  const lines = base.split('\n');
  const names = [...parsed.components, '@signature-params'];
  const values = new Map(names.map((name, i) => [name, lines[i]!.slice(name.length + 4)]));
  const variations: Variation[] = [...targetVariations(request, values), ...valueVariations(signable, values, request.headers['signature-input'])];
  for (const variation of variations) {
    const varied = names.map((name) => `"${name}": ${variation.values[name] ?? values.get(name)!}`).join('\n');
    if (varied === base || !verifies(varied)) continue;
    const component = names.find((name) => variation.values[name] !== undefined && variation.values[name] !== values.get(name))!;
    return { component, verifierValue: clip(values.get(component)!), signerValue: clip(variation.values[component]!), hint: variation.hint };
  }
  return undefined;
}

const clip = (value: string): string => (value.length <= MAX_VALUE ? value : `${value.slice(0, MAX_VALUE - 1)}…`);
