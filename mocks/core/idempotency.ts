// Idempotency-Key semantics (draft-ietf-httpapi-idempotency-key-header, ECDX profile): a creating POST carries a
// key; the first request with a key is processed and its response stored; a replay gets the stored response; the
// same key with a different request is refused (422); the same key while the first is still being processed is
// refused (409). Keys are scoped to the client (keyid) and kept IDEMPOTENCY_KEY_EXPIRY_SECONDS.
import { createHash } from 'node:crypto';
import type { Clock } from './clock.ts';
import type { Collection } from './store.ts';
import type { MockRequest, MockResponse } from './types.ts';

export const IDEMPOTENCY_KEY_EXPIRY_SECONDS = 24 * 60 * 60;
/** 1–255 visible ASCII characters; quotes of an sf-string form are part of the key as sent. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface IdempotencyRecord {
  fingerprint: string;
  state: 'in-flight' | 'done';
  expiresAt: number;
  response?: MockResponse;
}

export type IdempotencyDecision =
  | { kind: 'missing' }
  | { kind: 'malformed' }
  | { kind: 'in-flight' }
  | { kind: 'reused' }
  | { kind: 'replay'; response: MockResponse }
  | { kind: 'proceed'; complete: (response: MockResponse) => void; abandon: () => void };

/** What makes two requests "the same": method, target and body. */
const fingerprintOf = (request: MockRequest): string =>
  createHash('sha256')
    .update(`${request.method} ${request.url.pathname}${request.url.search}\n`)
    .update(request.body ?? new Uint8Array())
    .digest('base64');

export class IdempotencyKeys {
  readonly #records: Collection<IdempotencyRecord>;
  readonly #clock: Clock;

  constructor(records: Collection<IdempotencyRecord>, clock: Clock) {
    this.#records = records;
    this.#clock = clock;
  }

  begin(request: MockRequest, clientKeyid: string): IdempotencyDecision {
    const key = request.headers['idempotency-key'];
    if (key === undefined) return { kind: 'missing' };
    if (!KEY_PATTERN.test(key)) return { kind: 'malformed' };
    const id = `${clientKeyid}\u0000${key}`;
    const now = this.#clock.now();
    const fingerprint = fingerprintOf(request);
    const existing = this.#records.get(id);
    if (existing && existing.expiresAt > now) {
      // While the first request is processed any request under its key gets 409, whatever its content (IDM-005).
      if (existing.state === 'in-flight') return { kind: 'in-flight' };
      if (existing.fingerprint !== fingerprint) return { kind: 'reused' };
      return { kind: 'replay', response: existing.response! };
    }
    const expiresAt = now + IDEMPOTENCY_KEY_EXPIRY_SECONDS * 1000;
    this.#records.put(id, { fingerprint, state: 'in-flight', expiresAt });
    return {
      kind: 'proceed',
      complete: (response) => this.#records.put(id, { fingerprint, state: 'done', expiresAt, response }),
      // A request that failed before it was processed (e.g. a 401) does not use up its key (ECDX-IDM-008).
      abandon: () => this.#records.delete(id),
    };
  }
}
