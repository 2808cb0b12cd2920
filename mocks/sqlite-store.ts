// A Store (mocks/core/store.ts) kept in an SQLite file, for `ecdx mock --data FILE`: shipments, events, subscriptions,
// the request nonces and the rest survive a restart. better-sqlite3 is synchronous, like the Store interface, and is loaded only here,
// only when a data file is asked for, so that the mock runs without its native addon otherwise.
//
// Reads come from an in-memory copy of what was read or written, filled as entries are asked for, so that start-up
// does not read the whole file. Writes go to memory at once and to the file in one transaction per turn of the event
// loop (decision 0045), committed before any answer that depends on them is sent.
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { Collection, Store } from './core/store.ts';
import { SqliteNonces } from './sqlite-nonces.ts';
import { prepareFile } from './sqlite-schema.ts';
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

/** A change of one entry not yet in the file: the value to keep, or undefined for a deletion. */
interface PendingEntry {
  /** The collection's number in the file (ecdx_collections). */
  collection: number;
  id: string;
  value: unknown;
  /** The entry was deleted earlier in the same commit: it is put again at the end of the collection's order. */
  moved: boolean;
}

const entryKey = (collection: number, id: string): string => `${collection} ${id}`;

export class SqliteStore implements Store {
  readonly description: string;
  /** The request nonces accepted, kept in the file too: a restart does not reopen a replay window. */
  readonly nonces: NonceStore;
  readonly #db: BetterSqlite3.Database;
  readonly #collections = new Map<string, SqliteCollection<unknown>>();
  readonly #statements: ReturnType<typeof prepareStatements>;
  readonly #commitTransaction: BetterSqlite3.Transaction<() => void>;
  /** What this turn changed, by entry (the last change of an entry is the one that counts). */
  readonly #pending = new Map<string, PendingEntry>();
  /** Other writes of this turn (the nonces'), run in the same transaction. */
  #deferred: (() => void)[] = [];
  #commitScheduled = false;
  #seq: number;
  #now: (() => number) | undefined;
  /** The virtual time last written, so that a commit does not write it again unchanged. */
  #recordedTime: number | undefined;
  #closed = false;
  /** A commit failed: what the mock answered may not be in the file, so it must not answer anything more. */
  #broken: DataFileError | undefined;

  constructor(handle: SqliteDatabase, file: string) {
    const db = handle as BetterSqlite3.Database;
    this.#db = db;
    this.description = `SQLite file ${file} (kept across restarts)`;
    this.#statements = prepareStatements(db);
    this.nonces = new SqliteNonces(db, (write) => {
      this.assertUsable();
      this.#deferred.push(write);
      this.#scheduleCommit();
    });
    this.#commitTransaction = db.transaction(() => this.#writePending());
    this.#seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM ecdx_values').get() as { seq: number }).seq;
  }

  collection<T>(name: string): Collection<T> {
    let collection = this.#collections.get(name);
    if (!collection) {
      this.assertUsable();
      this.#statements.addCollection.run(name);
      collection = new SqliteCollection<unknown>(this.#statements.collectionId.get(name)!.id, this);
      this.#collections.set(name, collection);
    }
    return collection as Collection<T>;
  }

  /** The mock's virtual time when the file was last written, so that a restarted mock can resume from it. */
  savedVirtualTime(): number | undefined {
    this.commit();
    const row = this.#statements.getMeta.get('virtual-time');
    const value = row ? Number(row.value) : Number.NaN;
    return Number.isFinite(value) ? value : undefined;
  }

  /** Record the mock's virtual time with every commit and on close. */
  trackVirtualTime(now: () => number): void {
    this.#now = now;
  }

  /**
   * Write every change made so far, in one transaction with the virtual time. It runs by itself once the current
   * task's synchronous work is done (a microtask), which is before any answer computed from that work is written: an
   * answer is sent in a continuation queued after the writes, and so after the commit queued at the first of them.
   */
  commit(): void {
    if (this.#pending.size === 0 && this.#deferred.length === 0) return;
    this.assertUsable();
    try {
      this.#commitTransaction();
    } catch (error) {
      // The memory copy now holds what the file refused; nothing more may be answered from it. Thrown out of the
      // microtask, this ends a standalone mock before the answer that depended on the lost writes goes out.
      this.#broken = new DataFileError(`the data file could not be written, so the mock stops: ${firstLine(error)}`);
      throw this.#broken;
    } finally {
      this.#pending.clear();
      this.#deferred = [];
    }
  }

  /** @internal Called by collections: remember the change, to be written with the rest of this turn's. */
  change(collection: number, id: string, value: unknown): void {
    this.assertUsable();
    const key = entryKey(collection, id);
    const earlier = this.#pending.get(key);
    const moved = value !== undefined && earlier !== undefined && (earlier.value === undefined || earlier.moved);
    this.#pending.set(key, { collection, id, value, moved });
    this.#scheduleCommit();
  }

  /** @internal Whether a change of this turn decides the entry: undefined when the file does. */
  pendingValue(collection: number, id: string): { value: unknown } | undefined {
    const pending = this.#pending.get(entryKey(collection, id));
    return pending && { value: pending.value };
  }

  /** @internal One entry as the file holds it (after this turn's changes are committed). */
  read(collection: number, id: string): unknown {
    this.assertUsable();
    const row = this.#statements.get.get(collection, id);
    return row === undefined ? undefined : JSON.parse(row.value);
  }

  /** @internal Every entry of a collection, in the order their ids were first put. */
  readAll(collection: number): { id: string; value: string }[] {
    this.commit();
    return this.#statements.load.all(collection);
  }

  /** @internal */
  count(collection: number): number {
    this.commit();
    return this.#statements.count.get(collection)!.count;
  }

  close(): void {
    if (this.#closed) return;
    if (!this.#broken) {
      this.commit();
      this.#recordTime();
      // Hand back the pages of deleted values (a file made before auto_vacuum was on keeps them as free pages).
      this.#db.pragma('incremental_vacuum');
    }
    this.#closed = true;
    this.#db.close();
  }

  #scheduleCommit(): void {
    if (this.#commitScheduled) return;
    this.#commitScheduled = true;
    queueMicrotask(() => {
      this.#commitScheduled = false;
      if (!this.#closed) this.commit();
    });
  }

  #writePending(): void {
    const { put, putMoved, remove } = this.#statements;
    for (const { collection, id, value, moved } of this.#pending.values()) {
      if (value === undefined) remove.run(collection, id);
      else (moved ? putMoved : put).run(++this.#seq, collection, id, JSON.stringify(value));
    }
    for (const write of this.#deferred) write();
    this.#recordTime();
  }

  #recordTime(): void {
    const now = this.#now?.();
    if (now === undefined || now === this.#recordedTime) return;
    this.#statements.setMeta.run('virtual-time', String(now));
    this.#recordedTime = now;
  }

  /** @internal Also before every read: after a failed commit, memory holds what the file does not. */
  assertUsable(): void {
    if (this.#broken) throw this.#broken;
    if (this.#closed) throw new Error('the SQLite store is closed');
  }
}

/** Every statement the store runs, prepared once. */
function prepareStatements(db: BetterSqlite3.Database) {
  return {
    addCollection: db.prepare<[string]>('INSERT OR IGNORE INTO ecdx_collections (name) VALUES (?)'),
    collectionId: db.prepare<[string], { id: number }>('SELECT id FROM ecdx_collections WHERE name = ?'),
    // An id put before keeps its place in the order (ON CONFLICT leaves seq alone); one deleted and put again in
    // the same commit moves to the end, as it does in memory.
    put: db.prepare<[number, number, string, string]>(
      'INSERT INTO ecdx_values (seq, collection, id, value) VALUES (?, ?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET value = excluded.value',
    ),
    putMoved: db.prepare<[number, number, string, string]>(
      'INSERT INTO ecdx_values (seq, collection, id, value) VALUES (?, ?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET value = excluded.value, seq = excluded.seq',
    ),
    remove: db.prepare<[number, string]>('DELETE FROM ecdx_values WHERE collection = ? AND id = ?'),
    get: db.prepare<[number, string], { value: string }>('SELECT value FROM ecdx_values WHERE collection = ? AND id = ?'),
    load: db.prepare<[number], { id: string; value: string }>('SELECT id, value FROM ecdx_values WHERE collection = ? ORDER BY seq'),
    count: db.prepare<[number], { count: number }>('SELECT COUNT(*) AS count FROM ecdx_values WHERE collection = ?'),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM ecdx_meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>('INSERT INTO ecdx_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}

/**
 * A collection read from the file as it is used: an entry when it is first asked for, every entry only when all are
 * (values()), its size only when asked. What was read or written stays in memory: values are immutable by the
 * Store's contract, so the copy never goes stale, and the file is opened in exclusive mode, so no other process
 * changes it underneath.
 */
class SqliteCollection<T> implements Collection<T> {
  /** The collection's number in the file. */
  readonly #collection: number;
  readonly #store: SqliteStore;
  /** Entries read or written; once `#complete`, every entry, in order. */
  #items = new Map<string, T>();
  #complete = false;
  /** The number of entries, once asked for (kept from then on). */
  #size: number | undefined;

  constructor(collection: number, store: SqliteStore) {
    this.#collection = collection;
    this.#store = store;
  }
  get(id: string) {
    this.#store.assertUsable();
    const cached = this.#items.get(id);
    if (cached !== undefined || this.#complete) return cached;
    const pending = this.#store.pendingValue(this.#collection, id);
    if (pending) return pending.value as T | undefined;
    const value = this.#store.read(this.#collection, id) as T | undefined;
    if (value !== undefined) this.#items.set(id, value);
    return value;
  }
  has(id: string) {
    return this.get(id) !== undefined;
  }
  put(id: string, value: T) {
    // The same value again (a count that did not move) is not written again.
    if (this.#items.get(id) === value) return;
    if (this.#size !== undefined && !this.has(id)) this.#size++;
    this.#store.change(this.#collection, id, value);
    this.#items.set(id, value);
  }
  delete(id: string) {
    if (!this.has(id)) return false;
    this.#store.change(this.#collection, id, undefined);
    if (this.#size !== undefined) this.#size--;
    return this.#items.delete(id);
  }
  values() {
    this.#store.assertUsable();
    if (!this.#complete) {
      const items = new Map<string, T>();
      for (const row of this.#store.readAll(this.#collection)) items.set(row.id, this.#items.get(row.id) ?? (JSON.parse(row.value) as T));
      this.#items = items;
      this.#complete = true;
    }
    return [...this.#items.values()];
  }
  get size() {
    this.#store.assertUsable();
    if (this.#complete) return this.#items.size;
    this.#size ??= this.#store.count(this.#collection);
    return this.#size;
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
    // On a new file only (before anything is written): the pages of deleted values (push batches come and go) can
    // be handed back when the store closes. An existing file keeps the mode it was made with.
    db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // A checkpoint (copying the WAL into the file, with an fsync) every ~40 MB of WAL instead of every 4 MB: a page
    // the commits keep changing (an index's, the table's last) is copied once per checkpoint, not once per 4 MB.
    db.pragma('wal_autocheckpoint = 10000');
    const refusal = prepareFile(db, file);
    if (refusal !== undefined) throw new DataFileError(refusal);
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
