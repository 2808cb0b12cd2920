// Reading the keys a command is given on disk: the Ed25519 public key (SPKI PEM) that checks a sealed report
// (`ecdx verify-report`) or a signed evidence log (`ecdx monitor verify-log`), and the credentials `ecdx test` and
// `ecdx monitor` sign with and verify the target by. A file or key that cannot be used is a misuse (exit 2), said
// in one line.
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../conformance/harness/runner.ts';
import {
  ed25519PrivateKey,
  ed25519PublicKey,
  ed25519SigningKey,
  ed25519VerificationKey,
  hmacKey,
  type SigningKey,
  type VerificationKey,
} from '../protocol/index.ts';

/** Why a file operation or a key failed, in a few words: the errno code, else the first line of the message. */
export const reason = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0]!;

export function readOrRefuse(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConfigurationError(`cannot read ${what} ${path}: ${reason(error)}`);
  }
}

export function publicKeyOf(path: string): KeyObject {
  const pem = readOrRefuse(path, '--public-key').toString('utf8');
  try {
    return ed25519PublicKey(pem);
  } catch (error) {
    throw new ConfigurationError(`--public-key ${path} is no Ed25519 public key (SPKI PEM): ${reason(error)}`);
  }
}

/** Where the signing key is, as the flags (`--key-id`, `--key-file`, `--key-env`, `--key-alg`) or a config file say. */
export interface KeyLocation {
  keyId?: string | undefined;
  keyFile?: string | undefined;
  keyEnv?: string | undefined;
  keyAlg?: string | undefined;
}

/** The signing key of `--key-id` with `--key-file` or `--key-env`; undefined when none is given (the demo key). */
export function loadKey(location: KeyLocation): SigningKey | undefined {
  const keyid = location.keyId;
  const file = location.keyFile;
  const env = location.keyEnv;
  if (!keyid && !file && !env) return undefined;
  if (!keyid) throw new ConfigurationError('--key-file/--key-env need --key-id');
  if (file && env) throw new ConfigurationError('give the key with --key-file or --key-env, not both');
  if (!file && !env) throw new ConfigurationError('--key-id needs --key-file or --key-env');
  let material: string;
  if (file) {
    try {
      material = readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new ConfigurationError(`cannot read --key-file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else {
    material = (process.env[env!] ?? '').trim();
    if (!material) throw new ConfigurationError(`the environment variable ${env} is empty or not set`);
  }
  const alg = location.keyAlg ?? (material.includes('BEGIN') ? 'ed25519' : 'hmac-sha256');
  try {
    if (alg === 'ed25519') return ed25519SigningKey(keyid, material);
    if (alg === 'hmac-sha256') return hmacKey(keyid, material);
  } catch (error) {
    throw new ConfigurationError(`the key for ${keyid} cannot be used as ${alg}: ${(error as Error).message.split('\n')[0]}`);
  }
  throw new ConfigurationError(`--key-alg must be ed25519 or hmac-sha256, got '${alg}'`);
}

/** The key the target signs its requests with as a client (`--target-key-id`, `--target-key-file`), when given. */
export function loadTargetKey(location: Pick<KeyLocation, 'keyId' | 'keyFile'>): VerificationKey | undefined {
  const keyid = location.keyId;
  const file = location.keyFile;
  if (!keyid && !file) return undefined;
  if (!keyid || !file) throw new ConfigurationError('--target-key-id and --target-key-file go together');
  let material: string;
  try {
    material = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new ConfigurationError(`cannot read --target-key-file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return material.includes('BEGIN') ? ed25519VerificationKey(keyid, material) : hmacKey(keyid, material);
  } catch (error) {
    throw new ConfigurationError(
      `--target-key-file ${file} is no ed25519 public key (SPKI PEM) or base64 HMAC secret: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

/** The Ed25519 private key of `--sign-key FILE`, checked before the run so that a run is never lost to a bad key. */
export function loadSignKey(path: string | undefined): KeyObject | undefined {
  if (path === undefined) return undefined;
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`cannot read --sign-key ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return ed25519PrivateKey(pem);
  } catch (error) {
    throw new ConfigurationError(`--sign-key ${path} is no Ed25519 private key (PKCS#8 PEM): ${(error as Error).message.split('\n')[0]}`);
  }
}
