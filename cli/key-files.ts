// Reading what a verifying command is given on disk: the file, and the Ed25519 public key (SPKI PEM) that checks a
// sealed report (`ecdx verify-report`) or a signed evidence log (`ecdx monitor verify-log`). A file or key that
// cannot be used is a misuse (exit 2), said in one line.
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../conformance/harness/runner.ts';
import { ed25519PublicKey } from '../protocol/index.ts';

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
