// The ECDX security protocol: request signatures (RFC 9421, ECDX profile), content digests (RFC 9530), push
// signatures (Standard Webhooks 1.0), replay protection, keys and the published demo credentials. The mock server
// and the conformance harness both build on this module; its normative description is spec/text/15-security.md.
export { bodyBytes, contentDigest, digest, DIGEST_ALGORITHMS, verifyContentDigest } from './content-digest.ts';
export type { Body, DigestAlgorithm, DigestCheck } from './content-digest.ts';

export {
  ed25519PrivateKey,
  ed25519PublicKey,
  ed25519SigningKey,
  ed25519VerificationKey,
  generateEd25519SigningKey,
  generateHmacKey,
  hmacKey,
  hmacSecret,
  isSignatureAlgorithm,
  Keyring,
  MIN_HMAC_SECRET_BYTES,
  rawEd25519,
  SIGNATURE_ALGORITHMS,
  verificationKeyOf,
} from './keys.ts';
export type { KeyResolver, SignatureAlgorithm, SigningKey, VerificationKey } from './keys.ts';

export { canonicalJson, pointerToken, pointerWithin, sameJson } from './json.ts';
export { startMetricsEndpoint } from './metrics-endpoint.ts';

export { NonceCache } from './nonce-cache.ts';
export type { NonceCacheOptions, NonceCacheStats, NonceOutcome, NonceStore } from './nonce-cache.ts';

export { fromFetchRequest, fromNodeRequest, headersToRecord, headerValue, withHeaders } from './messages.ts';
export type { HeaderRecord, SignableRequest } from './messages.ts';

export { authenticationFor, PUSH_OPERATION, UNSIGNED_OPERATIONS } from './authentication.ts';
export {
  CLOCK_SKEW_SECONDS,
  COMPONENT_WITH_PARAMETERS,
  componentValue,
  concludeVerification,
  CONDITIONAL_COMPONENTS,
  createSignatureValue,
  MAX_SIGNATURE_LIFETIME_SECONDS,
  MIN_NONCE_LENGTH,
  parseSignature,
  prepareVerification,
  REQUEST_DERIVED_COMPONENTS,
  requiredComponents,
  SHORT_NONCE,
  SIGNATURE_LABEL,
  signatureBase,
  signatureParamsValue,
  signRequest,
  targetUri,
  UNKNOWN_DERIVED_COMPONENT,
  verifyRequest,
  verifySignatureValue,
} from './http-signatures.ts';
export type {
  ParsedSignature,
  PendingVerification,
  SignatureHeaders,
  SignatureParams,
  SignatureProblem,
  SignOptions,
  VerifiedSignature,
  VerifyFailure,
  VerifyOptions,
  VerifyResult,
} from './http-signatures.ts';
export { verifyRequestAsync, verifySignatureValueAsync } from './async-verification.ts';

export {
  formatWebhookKey,
  generateWebhookSecret,
  generateWebhookSigningKey,
  parseWebhookKey,
  signWebhook,
  verifyWebhook,
  WEBHOOK_SCHEMES,
  WEBHOOK_SECRET_BYTES,
  WEBHOOK_TOLERANCE_SECONDS,
  webhookPublicKey,
  webhookSecret,
  webhookSigningKey,
  webhookVerificationKeyOf,
} from './webhook-signatures.ts';
export type {
  WebhookHeaders,
  WebhookMessage,
  WebhookScheme,
  WebhookSigningKey,
  WebhookVerificationKey,
  WebhookVerifyOptions,
  WebhookVerifyResult,
} from './webhook-signatures.ts';

export {
  DEMO_CARRIER_HMAC_KEYID,
  DEMO_CARRIER_HMAC_SECRET_BASE64,
  DEMO_CARRIER_CODE,
  DEMO_CARRIER_KEYID,
  DEMO_CARRIER_PRIVATE_KEY_PEM,
  DEMO_CARRIER_PUBLIC_KEY_PEM,
  DEMO_HMAC_KEYID,
  DEMO_HMAC_SECRET_BASE64,
  DEMO_KEYID_PREFIX,
  DEMO_PLATFORM_KEYID,
  DEMO_PLATFORM_PRIVATE_KEY_PEM,
  DEMO_PLATFORM_PUBLIC_KEY_PEM,
  DEMO_PUSH_PRIVATE_KEY_JWK,
  DEMO_PUSH_PRIVATE_KEY_PEM,
  DEMO_PUSH_PUBLIC_KEY,
  DEMO_PUSH_PUBLIC_KEY_JWK,
  DEMO_PUSH_PUBLIC_KEY_PEM,
  DEMO_PUSH_SIGNING_KEY,
  DEMO_WEBHOOK_SECRET,
  demoCredentials,
  demoKeyring,
  isDemoKeyid,
} from './demo-credentials.ts';

/** Problem slugs this module reports; the catalogue with titles and statuses is schemas/src/problems.ts. */
export const SECURITY_PROBLEM_SLUGS = [
  'signature-missing',
  'signature-invalid',
  'signature-expired',
  'nonce-replayed',
  'digest-mismatch',
  'unknown-key',
  'rate-limited',
] as const;
