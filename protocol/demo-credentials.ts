// ECDX demo credentials — PUBLIC TEST KEYS. Every private key and secret below is published in this repository and
// in the specification (chapter Security, Appendix A); anyone can sign with them. They exist so that the mock
// server, the conformance harness, examples and vendors' test deployments interoperate without a key exchange.
// A production deployment MUST NOT accept them (ECDX-SEC-016): every keyid here begins with `ecdx-demo-` so that
// a receiver can refuse the whole family by prefix. The keys were generated once with node:crypto and pasted in;
// never regenerate them, since other implementations copy these constants.
import { ed25519SigningKey, ed25519VerificationKey, hmacKey, Keyring } from './keys.ts';
import { webhookPublicKey, webhookSecret, webhookSigningKey } from './webhook-signatures.ts';

/** Every demo keyid starts with this; refuse it in production. */
export const DEMO_KEYID_PREFIX = 'ecdx-demo-';

/** The demo platform's request-signing key pair (ed25519). */
export const DEMO_PLATFORM_KEYID = 'ecdx-demo-platform-ed25519';
export const DEMO_PLATFORM_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIPfgWCE4Lqm4X9XCMnDiDk29GN9CEVU3dAWSLzaK1Jwd
-----END PRIVATE KEY-----
`;
export const DEMO_PLATFORM_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAv0kOQruBF2ZuSppAvNpSHtGPmJpp7eQjRkIYOshPVu4=
-----END PUBLIC KEY-----
`;

/** The demo carrier's request-signing key pair (ed25519), for the requests a carrier sends (notices, incidents). */
/** The carrier code of the demo carrier (chapter Test controls): the party a harness plays towards a platform. */
export const DEMO_CARRIER_CODE = 'ECDXDEMO';

export const DEMO_CARRIER_KEYID = 'ecdx-demo-carrier-ed25519';
export const DEMO_CARRIER_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIEtofDiOs87irhRpqOS6nW/oz8vUdQGg9udcW27QbyT3
-----END PRIVATE KEY-----
`;
export const DEMO_CARRIER_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAIgAQ3uhnGzL8LcU6WCiIfckuN4bkxfzF6yLLzSb4pMs=
-----END PUBLIC KEY-----
`;

/** The demo platform's alternative request key: a 32-byte HMAC-SHA256 secret shared with the carrier (base64). */
export const DEMO_HMAC_KEYID = 'ecdx-demo-platform-hmac';
export const DEMO_HMAC_SECRET_BASE64 = 'aAe78niPYNDCr++k0LiVuYKyeWJ6l402iyDBKUeUojk=';

/** The demo carrier's alternative request key: a second client identity of the same carrier (per-client checks). */
export const DEMO_CARRIER_HMAC_KEYID = 'ecdx-demo-carrier-hmac';
export const DEMO_CARRIER_HMAC_SECRET_BASE64 = 'M8hZNINiUdfJie0neDgbaT42tvR0aYI2iOQGKWdvGdA=';

/** The demo carrier's push keys: `v1a` (ed25519, preferred) as whsk_/whpk_, and a `v1` HMAC secret. */
export const DEMO_PUSH_SIGNING_KEY = 'whsk_UUS09tLW4XZNarHpDjMGf8ki1xXGyIeoy1/OL4JMA+9ISinPEprDAi1g2ywKnGTQpekAXVWwMM5oXq4kQkSHZw==';
export const DEMO_PUSH_PUBLIC_KEY = 'whpk_SEopzxKawwItYNssCpxk0KXpAF1VsDDOaF6uJEJEh2c=';
export const DEMO_WEBHOOK_SECRET = 'whsec_KAJxfKVdQLa9tofRhyr4nKy6irBh6Hnp3w8IS2DBnsY=';

// The same `v1a` push key pair in the forms common libraries load (PKCS#8 / SPKI PEM and JWK, RFC 8037): the whsk_
// form is Standard Webhooks' own, which general-purpose crypto libraries do not read. Exported once from the whsk_
// key above; demo-credentials.test.ts holds the three forms to the same key.
export const DEMO_PUSH_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIFFEtPbS1uF2TWqx6Q4zBn/JItcVxsiHqMtfzi+CTAPv
-----END PRIVATE KEY-----
`;
export const DEMO_PUSH_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEASEopzxKawwItYNssCpxk0KXpAF1VsDDOaF6uJEJEh2c=
-----END PUBLIC KEY-----
`;
export const DEMO_PUSH_PRIVATE_KEY_JWK = Object.freeze({
  kty: 'OKP',
  crv: 'Ed25519',
  d: 'UUS09tLW4XZNarHpDjMGf8ki1xXGyIeoy1_OL4JMA-8',
  x: 'SEopzxKawwItYNssCpxk0KXpAF1VsDDOaF6uJEJEh2c',
} as const);
export const DEMO_PUSH_PUBLIC_KEY_JWK = Object.freeze({ kty: 'OKP', crv: 'Ed25519', x: 'SEopzxKawwItYNssCpxk0KXpAF1VsDDOaF6uJEJEh2c' } as const);

/** The demo credentials, imported once as key objects. */
export const demoCredentials = Object.freeze({
  platform: Object.freeze({
    signingKey: ed25519SigningKey(DEMO_PLATFORM_KEYID, DEMO_PLATFORM_PRIVATE_KEY_PEM),
    verificationKey: ed25519VerificationKey(DEMO_PLATFORM_KEYID, DEMO_PLATFORM_PUBLIC_KEY_PEM),
  }),
  carrier: Object.freeze({
    signingKey: ed25519SigningKey(DEMO_CARRIER_KEYID, DEMO_CARRIER_PRIVATE_KEY_PEM),
    verificationKey: ed25519VerificationKey(DEMO_CARRIER_KEYID, DEMO_CARRIER_PUBLIC_KEY_PEM),
  }),
  platformHmac: hmacKey(DEMO_HMAC_KEYID, DEMO_HMAC_SECRET_BASE64),
  carrierHmac: hmacKey(DEMO_CARRIER_HMAC_KEYID, DEMO_CARRIER_HMAC_SECRET_BASE64),
  push: Object.freeze({
    v1a: Object.freeze({ signingKey: webhookSigningKey(DEMO_PUSH_SIGNING_KEY), verificationKey: webhookPublicKey(DEMO_PUSH_PUBLIC_KEY) }),
    v1: webhookSecret(DEMO_WEBHOOK_SECRET),
  }),
});

/** A keyring holding the verification half of every demo request key: what a test deployment trusts. */
export const demoKeyring = (): Keyring =>
  new Keyring([demoCredentials.platform.verificationKey, demoCredentials.carrier.verificationKey, demoCredentials.platformHmac, demoCredentials.carrierHmac]);

/** Whether a keyid belongs to the published demo family. */
export const isDemoKeyid = (keyid: string): boolean => keyid.startsWith(DEMO_KEYID_PREFIX);
