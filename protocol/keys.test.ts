import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ed25519PrivateKey,
  ed25519PublicKey,
  ed25519SigningKey,
  ed25519VerificationKey,
  generateEd25519SigningKey,
  generateHmacKey,
  hmacKey,
  isSignatureAlgorithm,
  Keyring,
  rawEd25519,
  verificationKeyOf,
} from './keys.ts';

// RFC 9421 Appendix B.1.4, the ed25519 test key.
const RFC_PRIVATE = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----\n';
const RFC_PUBLIC = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=\n-----END PUBLIC KEY-----\n';

describe('ed25519 keys', () => {
  it('imports the same key from PEM and from its raw form', () => {
    const fromPem = ed25519PrivateKey(RFC_PRIVATE);
    expect(ed25519PrivateKey(rawEd25519(fromPem)).equals(fromPem)).toBe(true);
    const publicKey = ed25519PublicKey(RFC_PUBLIC);
    expect(ed25519PublicKey(rawEd25519(publicKey)).equals(publicKey)).toBe(true);
  });

  it('derives the public key from a private key PEM or KeyObject', () => {
    expect(ed25519PublicKey(RFC_PRIVATE).equals(ed25519PublicKey(RFC_PUBLIC))).toBe(true);
    expect(ed25519PublicKey(ed25519PrivateKey(RFC_PRIVATE)).equals(ed25519PublicKey(RFC_PUBLIC))).toBe(true);
  });

  it('refuses a raw key of the wrong length', () => {
    expect(() => ed25519PrivateKey(new Uint8Array(31))).toThrow(/32 bytes/);
    expect(() => ed25519PublicKey(new Uint8Array(33))).toThrow(/32 bytes/);
  });

  it('refuses a key of another algorithm', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => ed25519PrivateKey(privateKey)).toThrow(/ed25519/);
  });

  it('refuses a public key where a private key is needed', () => {
    expect(() => ed25519PrivateKey(ed25519PublicKey(RFC_PUBLIC))).toThrow(/private/);
  });
});

describe('signing and verification keys', () => {
  it('reduces an ed25519 signing key to its public half', () => {
    const signing = ed25519SigningKey('k1', RFC_PRIVATE);
    const verification = verificationKeyOf(signing);
    expect(verification).toMatchObject({ keyid: 'k1', alg: 'ed25519' });
    expect(verification.key.type).toBe('public');
    expect(verification.key.equals(ed25519VerificationKey('k1', RFC_PUBLIC).key)).toBe(true);
  });

  it('uses one object for both halves of an HMAC key', () => {
    const key = generateHmacKey('shared');
    expect(verificationKeyOf(key)).toBe(key);
    expect(key.key.symmetricKeySize).toBe(32);
  });

  it('refuses an HMAC secret shorter than 32 bytes', () => {
    expect(() => hmacKey('short', randomBytes(16))).toThrow(/at least 32 bytes/);
  });

  it('accepts an HMAC secret in base64', () => {
    const secret = randomBytes(48);
    expect(hmacKey('b64', secret.toString('base64')).key.equals(hmacKey('raw', secret).key)).toBe(true);
  });

  it('refuses a keyid that cannot travel as a structured string', () => {
    expect(() => ed25519SigningKey('', RFC_PRIVATE)).toThrow(/keyid/);
    expect(() => ed25519SigningKey('密钥', RFC_PRIVATE)).toThrow(/keyid/);
  });

  it('names the two ECDX algorithms', () => {
    expect(isSignatureAlgorithm('ed25519')).toBe(true);
    expect(isSignatureAlgorithm('hmac-sha256')).toBe(true);
    expect(isSignatureAlgorithm('rsa-pss-sha512')).toBe(false);
  });
});

describe('Keyring', () => {
  it('resolves keys by keyid and forgets removed ones', () => {
    const a = generateEd25519SigningKey('a');
    const b = generateHmacKey('b');
    const ring = new Keyring([a, b]);
    expect(ring.size).toBe(2);
    expect(ring.get('a')?.key.type).toBe('public');
    expect(ring.get('b')).toBe(b);
    expect(ring.remove('a')).toBe(true);
    expect(ring.get('a')).toBeUndefined();
    expect(ring.keyids()).toEqual(['b']);
  });

  it('holds an old and a new key of one party during a rotation', () => {
    const ring = new Keyring([generateEd25519SigningKey('platform-2025'), generateEd25519SigningKey('platform-2026')]);
    expect(ring.has('platform-2025') && ring.has('platform-2026')).toBe(true);
  });

  it('accepts the same key twice but refuses another key under a registered keyid', () => {
    const key = generateEd25519SigningKey('same');
    const ring = new Keyring([key]);
    expect(() => ring.add(key)).not.toThrow();
    expect(() => ring.add(generateEd25519SigningKey('same'))).toThrow(/already registered/);
  });
});
