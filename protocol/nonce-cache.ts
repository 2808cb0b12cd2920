// Replay protection: remember every (keyid, nonce) pair accepted until the signature that carried it can no longer
// be valid, and refuse the pair a second time. Memory is bounded; when the bound is reached the cache refuses new
// requests (fail closed) rather than forget a live nonce, because forgetting would silently reopen a replay window.

/** What a nonce store answers when asked to accept a nonce. */
export type NonceOutcome =
  | { outcome: 'fresh' }
  | { outcome: 'replayed' }
  /** The store is full of live nonces; the caller should answer 429 with `Retry-After: retryAfterSeconds`. */
  | { outcome: 'full'; retryAfterSeconds: number };

/** The interface the verifier needs; a shared store (e.g. Redis `SET NX EX`) can implement it for a cluster. */
export interface NonceStore {
  /**
   * Record `nonce` for `keyid` until `expiresAt` (epoch seconds) unless it is already recorded and still live.
   * Must be atomic: of two concurrent calls with the same pair, exactly one sees `fresh`.
   */
  checkAndRecord(keyid: string, nonce: string, expiresAt: number, now: number): NonceOutcome;
}

export interface NonceCacheOptions {
  /** Most nonces held at once. Size it to (peak accepted requests per second) × (300 s + 2 × skew). Default 500,000. */
  maxEntries?: number;
}

export interface NonceCacheStats {
  size: number;
  maxEntries: number;
  /** Requests refused because the cache was full of live nonces. */
  refusedFull: number;
}

/** An in-process nonce store for one server. */
export class NonceCache implements NonceStore {
  // Keyed by keyid and nonce; the value is the epoch second after which the entry is dead. A Map iterates in
  // insertion order, which is close to expiry order (every signature lives at most 300 s), so sweeping from the
  // front removes almost every dead entry in amortised constant time.
  readonly #entries = new Map<string, number>();
  readonly #maxEntries: number;
  #refusedFull = 0;
  #lastFullSweep = Number.NEGATIVE_INFINITY;

  constructor(options: NonceCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 500_000;
    if (!Number.isInteger(this.#maxEntries) || this.#maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  }

  checkAndRecord(keyid: string, nonce: string, expiresAt: number, now: number): NonceOutcome {
    const id = `${keyid}\u0000${nonce}`;
    const until = this.#entries.get(id);
    if (until !== undefined && until >= now) return { outcome: 'replayed' };
    this.#sweepFront(now);
    if (until !== undefined) this.#entries.delete(id);
    if (this.#entries.size >= this.#maxEntries) {
      // Entries that expire early may sit behind one that expires late; look at all of them, at most once a second.
      if (now >= this.#lastFullSweep + 1) this.#sweepAll(now);
      if (this.#entries.size >= this.#maxEntries) {
        this.#refusedFull++;
        const oldest = this.#entries.values().next().value ?? now;
        return { outcome: 'full', retryAfterSeconds: Math.max(1, Math.ceil(oldest - now)) };
      }
    }
    this.#entries.set(id, expiresAt);
    return { outcome: 'fresh' };
  }

  /**
   * Hold a nonce accepted before this cache existed: what a store that keeps nonces across a restart puts back when
   * it starts, in order of expiry. It counts against `maxEntries` like any other; a dead one is swept as usual.
   */
  restore(keyid: string, nonce: string, expiresAt: number): void {
    this.#entries.set(`${keyid}\u0000${nonce}`, expiresAt);
  }

  /** Drop every entry; for tests and for a server that restarts its key epoch. */
  clear(): void {
    this.#entries.clear();
  }

  stats(): NonceCacheStats {
    return { size: this.#entries.size, maxEntries: this.#maxEntries, refusedFull: this.#refusedFull };
  }

  #sweepFront(now: number): void {
    for (const [id, until] of this.#entries) {
      if (until >= now) return;
      this.#entries.delete(id);
    }
  }

  #sweepAll(now: number): void {
    this.#lastFullSweep = now;
    for (const [id, until] of this.#entries) if (until < now) this.#entries.delete(id);
  }
}
