// Key objects for ECDX request signatures (RFC 9421) and push signatures (Standard Webhooks).
// Every key is imported once into a node:crypto KeyObject when it is loaded; signing and verifying then never parse
// key material again, which is what lets the mock answer thousands of signed requests a second.
import { createPrivateKey, createPublicKey, createSecretKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

/** The request-signature algorithms ECDX allows (RFC 9421 §3.3 names). `ed25519` is preferred. */
export const SIGNATURE_ALGORITHMS = ['ed25519', 'hmac-sha256'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

export const isSignatureAlgorithm = (value: unknown): value is SignatureAlgorithm =>
  typeof value === 'string' && (SIGNATURE_ALGORITHMS as readonly string[]).includes(value);

/** Shortest HMAC secret ECDX accepts for request signatures: 256 bits, the output size of SHA-256. */
export const MIN_HMAC_SECRET_BYTES = 32;

/** A key a client signs requests with: an ed25519 private key, or an HMAC secret shared with the receiver. */
export interface SigningKey {
  readonly keyid: string;
  readonly alg: SignatureAlgorithm;
  /** `private` for ed25519, `secret` for hmac-sha256. */
  readonly key: KeyObject;
}

/** A key a receiver verifies requests with: an ed25519 public key, or the same HMAC secret. */
export interface VerificationKey {
  readonly keyid: string;
  readonly alg: SignatureAlgorithm;
  /** `public` for ed25519, `secret` for hmac-sha256. */
  readonly key: KeyObject;
}

/** Anything that resolves a `keyid` to the key registered for it; `Keyring` is the usual one. */
export interface KeyResolver {
  get(keyid: string): VerificationKey | undefined;
}

// DER prefixes that wrap a raw 32-byte ed25519 seed (PKCS #8) or public key (SPKI), RFC 8410.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const asBytes = (value: Uint8Array): Buffer => Buffer.from(value.buffer, value.byteOffset, value.byteLength);

function checkKeyid(keyid: string): string {
  // The keyid travels as a Structured Field string: printable ASCII only.
  if (!/^[\x20-\x7e]{1,256}$/.test(keyid)) throw new TypeError(`keyid must be 1–256 printable ASCII characters: ${JSON.stringify(keyid)}`);
  return keyid;
}

function checkEd25519(key: KeyObject, type: 'private' | 'public'): KeyObject {
  if (key.type !== type || key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`expected an ed25519 ${type} key, got a ${key.asymmetricKeyType ?? key.type} ${key.type} key`);
  }
  return key;
}

/** An ed25519 private key from a PKCS #8 PEM, a raw 32-byte seed, or a KeyObject. */
export function ed25519PrivateKey(material: string | Uint8Array | KeyObject): KeyObject {
  if (typeof material === 'string') return checkEd25519(createPrivateKey(material), 'private');
  if (material instanceof Uint8Array) {
    if (material.byteLength !== 32) throw new TypeError(`a raw ed25519 seed has 32 bytes, not ${material.byteLength}`);
    return checkEd25519(createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, asBytes(material)]), format: 'der', type: 'pkcs8' }), 'private');
  }
  return checkEd25519(material, 'private');
}

/** An ed25519 public key from an SPKI PEM, a raw 32-byte key, a KeyObject, or derived from a private key. */
export function ed25519PublicKey(material: string | Uint8Array | KeyObject): KeyObject {
  if (typeof material === 'string') {
    const key = material.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(material)) : createPublicKey(material);
    return checkEd25519(key, 'public');
  }
  if (material instanceof Uint8Array) {
    if (material.byteLength !== 32) throw new TypeError(`a raw ed25519 public key has 32 bytes, not ${material.byteLength}`);
    return checkEd25519(createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, asBytes(material)]), format: 'der', type: 'spki' }), 'public');
  }
  return checkEd25519(material.type === 'private' ? createPublicKey(material) : material, 'public');
}

/** The raw 32-byte form of an ed25519 key (the seed of a private key, the point of a public key). */
export function rawEd25519(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  const field = key.type === 'private' ? jwk.d : jwk.x;
  if (typeof field !== 'string') throw new TypeError('not an ed25519 key');
  return new Uint8Array(Buffer.from(field, 'base64url'));
}

/** An HMAC secret from raw bytes or their base64 form, refusing secrets shorter than `minBytes`. */
export function hmacSecret(material: string | Uint8Array | KeyObject, minBytes = MIN_HMAC_SECRET_BYTES): KeyObject {
  const key =
    typeof material === 'string'
      ? createSecretKey(Buffer.from(material, 'base64'))
      : material instanceof Uint8Array
        ? createSecretKey(asBytes(material))
        : material;
  if (key.type !== 'secret') throw new TypeError(`expected a secret key, got a ${key.type} key`);
  if ((key.symmetricKeySize ?? 0) < minBytes) throw new TypeError(`an HMAC secret needs at least ${minBytes} bytes, got ${key.symmetricKeySize}`);
  return key;
}

/** A signing key for `ed25519`. */
export const ed25519SigningKey = (keyid: string, privateKey: string | Uint8Array | KeyObject): SigningKey =>
  Object.freeze({ keyid: checkKeyid(keyid), alg: 'ed25519' as const, key: ed25519PrivateKey(privateKey) });

/** A verification key for `ed25519`. */
export const ed25519VerificationKey = (keyid: string, publicKey: string | Uint8Array | KeyObject): VerificationKey =>
  Object.freeze({ keyid: checkKeyid(keyid), alg: 'ed25519' as const, key: ed25519PublicKey(publicKey) });

/** An `hmac-sha256` key; the same object signs and verifies, since the secret is shared. */
export const hmacKey = (keyid: string, secret: string | Uint8Array | KeyObject, minBytes = MIN_HMAC_SECRET_BYTES): SigningKey & VerificationKey =>
  Object.freeze({ keyid: checkKeyid(keyid), alg: 'hmac-sha256' as const, key: hmacSecret(secret, minBytes) });

/** What a receiver registers for a client's signing key: its public half, or the shared secret itself. */
export function verificationKeyOf(key: SigningKey): VerificationKey {
  if (key.alg === 'hmac-sha256') return key;
  return Object.freeze({ keyid: key.keyid, alg: key.alg, key: ed25519PublicKey(key.key) });
}

/** A fresh ed25519 signing key (tests and key ceremonies; production keys come from the party's key store). */
export const generateEd25519SigningKey = (keyid: string): SigningKey => ed25519SigningKey(keyid, generateKeyPairSync('ed25519').privateKey);

/** A fresh 32-byte HMAC key. */
export const generateHmacKey = (keyid: string): SigningKey & VerificationKey => hmacKey(keyid, randomBytes(32));

/**
 * The keys a receiver trusts, by keyid. Several keys per counterparty may be present at once: that is how a key is
 * rotated without an outage (register the new key, let the client switch, remove the old key).
 */
export class Keyring implements KeyResolver {
  readonly #keys = new Map<string, VerificationKey>();

  constructor(keys: Iterable<VerificationKey | SigningKey> = []) {
    for (const key of keys) this.add(key);
  }

  /** Register a key; a signing key is reduced to its verification half first. Refuses to replace a keyid silently. */
  add(key: VerificationKey | SigningKey): this {
    const verification = key.key.type === 'private' ? verificationKeyOf(key) : key;
    const existing = this.#keys.get(key.keyid);
    if (existing !== undefined && !(existing.alg === verification.alg && existing.key.equals(verification.key))) {
      throw new Error(`keyid ${key.keyid} is already registered with another key; remove it first`);
    }
    this.#keys.set(key.keyid, verification);
    return this;
  }

  remove(keyid: string): boolean {
    return this.#keys.delete(keyid);
  }

  get(keyid: string): VerificationKey | undefined {
    return this.#keys.get(keyid);
  }

  has(keyid: string): boolean {
    return this.#keys.has(keyid);
  }

  get size(): number {
    return this.#keys.size;
  }

  keyids(): string[] {
    return [...this.#keys.keys()];
  }
}
