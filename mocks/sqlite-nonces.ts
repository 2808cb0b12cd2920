// The request nonces of a mock kept in its SQLite data file, so that a signed request captured before a restart
// cannot be replayed after it while its signature is still valid (ECDX-SEC-006). Lookups go to an in-memory
// NonceCache, bounded as ever and loaded from the file on start; every nonce accepted is written to the file before
// the request is answered, and those that can no longer be live are deleted at most once a second.
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
  readonly #record: BetterSqlite3.Transaction<(keyid: string, nonce: string, expiresAt: number, now: number) => void>;
  #lastSweep = Number.NEGATIVE_INFINITY;

  constructor(db: BetterSqlite3.Database) {
    const rows = db.prepare('SELECT keyid, nonce, expires_at FROM ecdx_nonces ORDER BY expires_at').iterate() as IterableIterator<NonceRow>;
    for (const row of rows) this.#memory.restore(row.keyid, row.nonce, row.expires_at);
    // An accepted nonce replaces a dead one of the same pair, which the sweep may not have reached yet.
    const put = db.prepare<[string, string, number]>(
      'INSERT INTO ecdx_nonces (keyid, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT (keyid, nonce) DO UPDATE SET expires_at = excluded.expires_at',
    );
    const sweep = db.prepare<[number]>('DELETE FROM ecdx_nonces WHERE expires_at < ?');
    this.#record = db.transaction((keyid: string, nonce: string, expiresAt: number, now: number) => {
      if (now >= this.#lastSweep + 1) {
        sweep.run(now);
        this.#lastSweep = now;
      }
      put.run(keyid, nonce, expiresAt);
    });
  }

  checkAndRecord(keyid: string, nonce: string, expiresAt: number, now: number): NonceOutcome {
    const outcome = this.#memory.checkAndRecord(keyid, nonce, expiresAt, now);
    // Written before the request is answered: a nonce the file did not take fails the request (500), never a replay.
    if (outcome.outcome === 'fresh') this.#record(keyid, nonce, expiresAt, now);
    return outcome;
  }
}
