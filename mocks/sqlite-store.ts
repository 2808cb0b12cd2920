// A Store (mocks/core/store.ts) kept in an SQLite file, for `ecdx mock --data FILE`: shipments, events, subscriptions,
// the request nonces and the rest survive a restart. better-sqlite3 is synchronous, like the Store interface, and is loaded only here,
// only when a data file is asked for, so that the mock runs without its native addon otherwise.
//
// Reads come from an in-memory copy of each collection, loaded on first use; every write goes to both. Values are
// immutable by the Store's contract, so the copy never goes stale, and the file is opened in exclusive mode so that
// no other process can change it underneath.
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { Collection, Store } from './core/store.ts';
import { NONCES_TABLE, SqliteNonces } from './sqlite-nonces.ts';
import type { NonceStore } from '../protocol/index.ts';

/** better-sqlite3 is an optional peer dependency: a project that uses `--data` installs it itself. */
export const INSTALL_SQLITE_HINT = '--data needs better-sqlite3 in your project: npm install --save-dev better-sqlite3@12';
/** Installed, but its native addon does not load: not built (npm 11 skips install scripts it has not approved), or built for another Node. */
export const BUILD_SQLITE_HINT =
  "--data needs better-sqlite3's native addon, which does not load: rebuild it with npm rebuild better-sqlite3 (in an ECDX checkout: npm run build:sqlite)";

/** The data file cannot be used: the addon is missing, the file is not a mock store, or another process holds it. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

const FORMAT = 'ecdx-mock-store/1';

export interface SqliteStoreOptions {
  /** Path of the native addon to load instead of better-sqlite3's own (tests use it to simulate a missing one). */
  nativeBinding?: string;
}

type Driver = typeof BetterSqlite3;

function loadDriver(nativeBinding: string | undefined): Driver {
  let Database: Driver;
  try {
    Database = createRequire(import.meta.url)('better-sqlite3') as Driver;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && firstLine(error).includes("'better-sqlite3'");
    throw new DataFileError(missing ? INSTALL_SQLITE_HINT : `${BUILD_SQLITE_HINT} (${firstLine(error)})`);
  }
  try {
    // The addon is loaded on the first construction: probe it apart from the data file, so that a broken addon
    // and a broken file get different messages.
    new Database(':memory:', nativeBinding === undefined ? {} : { nativeBinding }).close();
  } catch (error) {
    throw new DataFileError(`${BUILD_SQLITE_HINT} (${firstLine(error)})`);
  }
  return Database;
}

const firstLine = (error: unknown): string => String((error as Error)?.message ?? error).split('\n')[0]!;

/**
 * A better-sqlite3 `Database`, typed loosely here so that the package's declarations do not need better-sqlite3's
 * (it is an optional dependency: a project that never uses `--data` installs neither it nor its types).
 */
export type SqliteDatabase = object;

export class SqliteStore implements Store {
  readonly description: string;
  /** The request nonces accepted, kept in the file too: a restart does not reopen a replay window. */
  readonly nonces: NonceStore;
  readonly #db: BetterSqlite3.Database;
  readonly #collections = new Map<string, SqliteCollection<unknown>>();
  readonly #put: BetterSqlite3.Statement<[string, string, number, string]>;
  readonly #delete: BetterSqlite3.Statement<[string, string]>;
  readonly #load: BetterSqlite3.Statement<[string], { id: string; value: string }>;
  readonly #setMeta: BetterSqlite3.Statement<[string, string]>;
  readonly #writeInTransaction: BetterSqlite3.Transaction<(collection: string, id: string, seq: number, json: string) => void>;
  readonly #removeInTransaction: BetterSqlite3.Transaction<(collection: string, id: string) => void>;
  #seq: number;
  #now: (() => number) | undefined;
  #closed = false;

  constructor(handle: SqliteDatabase, file: string) {
    const db = handle as BetterSqlite3.Database;
    this.#db = db;
    this.description = `SQLite file ${file} (kept across restarts)`;
    this.nonces = new SqliteNonces(db);
    this.#put = db.prepare(
      'INSERT INTO ecdx_entries (collection, id, seq, value) VALUES (?, ?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET value = excluded.value',
    );
    this.#delete = db.prepare('DELETE FROM ecdx_entries WHERE collection = ? AND id = ?');
    this.#load = db.prepare('SELECT id, value FROM ecdx_entries WHERE collection = ? ORDER BY seq');
    this.#setMeta = db.prepare('INSERT INTO ecdx_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.#writeInTransaction = db.transaction((collection: string, id: string, seq: number, json: string) => {
      this.#put.run(collection, id, seq, json);
      this.#recordTime();
    });
    this.#removeInTransaction = db.transaction((collection: string, id: string) => {
      this.#delete.run(collection, id);
      this.#recordTime();
    });
    this.#seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM ecdx_entries').get() as { seq: number }).seq;
  }

  collection<T>(name: string): Collection<T> {
    let collection = this.#collections.get(name);
    if (!collection) {
      this.#assertOpen();
      const items = new Map<string, unknown>();
      for (const row of this.#load.all(name)) items.set(row.id, JSON.parse(row.value));
      collection = new SqliteCollection<unknown>(name, items, this);
      this.#collections.set(name, collection);
    }
    return collection as Collection<T>;
  }

  /** The mock's virtual time when the file was last written, so that a restarted mock can resume from it. */
  savedVirtualTime(): number | undefined {
    const row = this.#db.prepare('SELECT value FROM ecdx_meta WHERE key = ?').get('virtual-time') as { value: string } | undefined;
    const value = row ? Number(row.value) : Number.NaN;
    return Number.isFinite(value) ? value : undefined;
  }

  /** Record the mock's virtual time with every write and on close. */
  trackVirtualTime(now: () => number): void {
    this.#now = now;
  }

  /** @internal Called by collections. Written in one transaction with the virtual time, so both survive a crash together. */
  write(collection: string, id: string, value: unknown, isNew: boolean): void {
    this.#assertOpen();
    this.#writeInTransaction(collection, id, isNew ? this.#seq + 1 : 0, JSON.stringify(value) ?? 'null');
    if (isNew) this.#seq++;
  }

  /** @internal */
  remove(collection: string, id: string): void {
    this.#assertOpen();
    this.#removeInTransaction(collection, id);
  }

  close(): void {
    if (this.#closed) return;
    this.#recordTime();
    this.#closed = true;
    this.#db.close();
  }

  #recordTime(): void {
    if (this.#now) this.#setMeta.run('virtual-time', String(this.#now()));
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('the SQLite store is closed');
  }
}

class SqliteCollection<T> implements Collection<T> {
  readonly #name: string;
  readonly #items: Map<string, T>;
  readonly #store: SqliteStore;

  constructor(name: string, items: Map<string, T>, store: SqliteStore) {
    this.#name = name;
    this.#items = items;
    this.#store = store;
  }
  get(id: string) {
    return this.#items.get(id);
  }
  has(id: string) {
    return this.#items.has(id);
  }
  put(id: string, value: T) {
    // Written first: a value the file refused must not appear in memory either.
    this.#store.write(this.#name, id, value, !this.#items.has(id));
    this.#items.set(id, value);
  }
  delete(id: string) {
    if (!this.#items.has(id)) return false;
    this.#store.remove(this.#name, id);
    return this.#items.delete(id);
  }
  values() {
    return [...this.#items.values()];
  }
  get size() {
    return this.#items.size;
  }
}

/**
 * Open (or create) a mock data file. Throws DataFileError with a one-line reason when it cannot be used.
 * `startMockServer({ dataFile })` also carries the clock over; a mock built on the store directly does that with
 * `createMock({ store, clockStart: store.savedVirtualTime() })` and `store.trackVirtualTime(() => mock.context.clock.now())`.
 */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  const Database = loadDriver(options.nativeBinding);
  let db: BetterSqlite3.Database | undefined;
  try {
    // A short busy timeout: a file held by another mock is reported at once, not after five seconds.
    db = new Database(file, { timeout: 100, ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }) });
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    if (tables.length > 0 && !tables.includes('ecdx_meta')) throw new DataFileError(`${file} is an SQLite database, but not an ecdx mock data file`);
    db.exec(`
      CREATE TABLE IF NOT EXISTS ecdx_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ecdx_entries (
        collection TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS ecdx_entries_order ON ecdx_entries (collection, seq);
      ${NONCES_TABLE}
    `);
    const format = db.prepare('SELECT value FROM ecdx_meta WHERE key = ?').get('format') as { value: string } | undefined;
    if (format && format.value !== FORMAT) throw new DataFileError(`${file} was written by an incompatible mock (${format.value}, expected ${FORMAT})`);
    if (!format) db.prepare('INSERT INTO ecdx_meta (key, value) VALUES (?, ?)').run('format', FORMAT);
    return new SqliteStore(db, file);
  } catch (error) {
    db?.close();
    if (error instanceof DataFileError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
      throw new DataFileError(`${file} is in use by another process (is another ecdx mock running on it?)`);
    throw new DataFileError(`cannot use ${file} as the mock's data file: ${firstLine(error)}`);
  }
}
