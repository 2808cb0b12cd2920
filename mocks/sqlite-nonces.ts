// The request nonces of a mock kept in its SQLite data file, so that a signed request captured before a restart
// cannot be replayed after it while its signature is still valid (ECDX-SEC-006). Lookups go to an in-memory
// NonceCache, bounded as ever and loaded from the file on start; every nonce accepted is written to the file with the
// rest of the request's writes, in the store's commit, before the request is answered; those that can no longer be
// live are deleted at most once a second.
import type BetterSqlite3 from 'better-sqlite3';
import { NonceCache, type NonceOutcome, type NonceStore } from '../protocol/index.ts';

/** The table's definition, created with the rest of the data file's schema. */
export const NONCES_TABLE = `
  CREATE TABLE IF NOT EXISTS ecdx_nonces (
    keyid TEXT NOT NULL, nonce TEXT NOT NULL, expires_at REAL NOT NULL,
    PRIMARY KEY (keyid, nonce)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS ecdx_nonces_expiry ON ecdx_nonces (expires_at);
`;

interface NonceRow {
  keyid: string;
  nonce: string;
  expires_at: number;
}

export class SqliteNonces implements NonceStore {
  readonly #memory = new NonceCache();
  readonly #put: BetterSqlite3.Statement<[string, string, number]>;
  readonly #sweep: BetterSqlite3.Statement<[number]>;
  /** Runs a write in the store's next commit (the transaction of this turn's writes). */
  readonly #defer: (write: () => void) => void;
  #lastSweep = Number.NEGATIVE_INFINITY;

  constructor(db: BetterSqlite3.Database, defer: (write: () => void) => void) {
    this.#defer = defer;
    const rows = db.prepare('SELECT keyid, nonce, expires_at FROM ecdx_nonces ORDER BY expires_at').iterate() as IterableIterator<NonceRow>;
    for (const row of rows) this.#memory.restore(row.keyid, row.nonce, row.expires_at);
    // An accepted nonce replaces a dead one of the same pair, which the sweep may not have reached yet.
    this.#put = db.prepare<[string, string, number]>(
      'INSERT INTO ecdx_nonces (keyid, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT (keyid, nonce) DO UPDATE SET expires_at = excluded.expires_at',
    );
    this.#sweep = db.prepare<[number]>('DELETE FROM ecdx_nonces WHERE expires_at < ?');
  }

  checkAndRecord(keyid: string, nonce: string, expiresAt: number, now: number): NonceOutcome {
    const outcome = this.#memory.checkAndRecord(keyid, nonce, expiresAt, now);
    // Committed before the request is answered: a nonce the file did not take stops the mock, never allows a replay.
    if (outcome.outcome === 'fresh') {
      const sweepBefore = now >= this.#lastSweep + 1 ? now : undefined;
      if (sweepBefore !== undefined) this.#lastSweep = now;
      this.#defer(() => {
        if (sweepBefore !== undefined) this.#sweep.run(sweepBefore);
        this.#put.run(keyid, nonce, expiresAt);
      });
    }
    return outcome;
  }
}
