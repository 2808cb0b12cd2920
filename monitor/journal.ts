// Where the monitor writes what it observed: every evidence record goes first into the state (`--state FILE`, an
// SQLite file, in one transaction per batch), then onto the evidence log file that a party hands the authorities.
// The state is the durable copy: a process killed between the two writes loses nothing, since on start the log file
// is brought up to the state (the records it lacks appended, a torn last line cut off by EvidenceFile.open). Without
// `--state` the log file itself is read back on start, so a restart continues the chain either way.
//
// better-sqlite3 is loaded only with `--state`, lazily, as the mock loads it for `--data`.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { KeyObject } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { lineHash, sealRecord, type ChainHead, type EvidenceEntry, type EvidenceRecord } from './evidence/chain.ts';
import { EvidenceFile } from './evidence/file.ts';

/** The state file cannot be used: the addon is missing, the file is no monitor state, or another monitor holds it. */
export class StateFileError extends Error {
  override readonly name = 'StateFileError';
}

const FORMAT = 'ecdx-monitor-state/1';
const TABLES = `
  CREATE TABLE IF NOT EXISTS ecdx_monitor_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS ecdx_monitor_evidence (seq INTEGER PRIMARY KEY, line TEXT NOT NULL);
`;

/** The records, as lines, in order; appended in batches that either all land or none do. */
interface RecordStore {
  lines(): string[];
  append(lines: readonly { seq: number; line: string }[]): void;
  close(): void;
}

const firstLine = (error: unknown): string => String((error as Error)?.message ?? error).split('\n')[0]!;

function sqliteStore(file: string): RecordStore {
  let Database: typeof BetterSqlite3;
  try {
    Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    new Database(':memory:').close();
  } catch (error) {
    throw new StateFileError(
      `--state needs better-sqlite3 and its native addon (npm install better-sqlite3@12; in an ECDX checkout: npm run build:sqlite): ${firstLine(error)}`,
    );
  }
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new Database(file, { timeout: 100 });
    // One monitor per state: a second one would fork the chain.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // FULL: a record the monitor has written must survive a power cut, since the log file is brought up to it.
    db.pragma('synchronous = FULL');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    if (tables.length > 0 && !tables.includes('ecdx_monitor_meta')) throw new StateFileError(`${file} is an SQLite database, but no ecdx monitor state`);
    db.exec(TABLES);
    const format = (db.prepare("SELECT value FROM ecdx_monitor_meta WHERE key = 'format'").get() as { value: string } | undefined)?.value;
    if (format !== undefined && format !== FORMAT) throw new StateFileError(`${file} was written by an incompatible monitor (${format}, expected ${FORMAT})`);
    db.prepare("INSERT OR IGNORE INTO ecdx_monitor_meta (key, value) VALUES ('format', ?)").run(FORMAT);
  } catch (error) {
    db?.close();
    if (error instanceof StateFileError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
      throw new StateFileError(`${file} is in use by another process (is another ecdx monitor running on it?)`);
    throw new StateFileError(`cannot use ${file} as the monitor's state: ${firstLine(error)}`);
  }
  const handle = db;
  const insert = handle.prepare('INSERT INTO ecdx_monitor_evidence (seq, line) VALUES (?, ?)');
  const append = handle.transaction((lines: readonly { seq: number; line: string }[]) => {
    for (const { seq, line } of lines) insert.run(seq, line);
  });
  return {
    lines: () => (handle.prepare('SELECT line FROM ecdx_monitor_evidence ORDER BY seq').all() as { line: string }[]).map((r) => r.line),
    append: (lines) => append(lines),
    close: () => handle.close(),
  };
}

/** Without --state: the log file as it stands is what was observed before. */
function fileBackedStore(evidencePath: string): RecordStore {
  const lines = existsSync(evidencePath)
    ? readFileSync(evidencePath, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
    : [];
  return { lines: () => lines, append: () => {}, close: () => {} };
}

export interface JournalOptions {
  /** The SQLite state; absent: the log file alone. */
  statePath?: string;
  evidencePath: string;
  /** The operator's Ed25519 key: every record and the head are signed with it. */
  signer?: KeyObject;
}

export class Journal {
  readonly evidencePath: string;
  readonly #store: RecordStore;
  readonly #file: EvidenceFile;
  readonly #signer: KeyObject | undefined;
  readonly #records: EvidenceRecord[];
  #head: ChainHead | undefined;
  /** What open() had to repair in the log file, in words. */
  readonly repairs: string[] = [];

  private constructor(options: JournalOptions, store: RecordStore, file: EvidenceFile, records: EvidenceRecord[], head: ChainHead | undefined) {
    this.evidencePath = options.evidencePath;
    this.#store = store;
    this.#file = file;
    this.#signer = options.signer;
    this.#records = records;
    this.#head = head;
  }

  static open(options: JournalOptions): Journal {
    // The file first: opening it cuts a torn last line, which the file-backed store must not read back.
    const file = EvidenceFile.open(options.evidencePath, options.signer ? { signer: options.signer } : {});
    const store = options.statePath ? sqliteStore(options.statePath) : fileBackedStore(options.evidencePath);
    try {
      const lines = store.lines();
      const records = lines.map((line) => JSON.parse(line) as EvidenceRecord);
      const head = lines.length ? { seq: lines.length, hash: lineHash(lines.at(-1)!) } : undefined;
      const journal = new Journal(options, store, file, records, head);
      if (file.repaired) journal.repairs.push(file.repaired);
      journal.#resync(lines);
      return journal;
    } catch (error) {
      store.close();
      throw error;
    }
  }

  /** Every record so far, in order (the ledger is rebuilt from them). */
  get records(): readonly EvidenceRecord[] {
    return this.#records;
  }

  get head(): ChainHead | undefined {
    return this.#head;
  }

  /** Seal the entries onto the chain, write them to the state and then to the log file; the records written. */
  write(entries: readonly EvidenceEntry[]): EvidenceRecord[] {
    if (entries.length === 0) return [];
    const sealed: { record: EvidenceRecord; line: string; head: ChainHead }[] = [];
    let head = this.#head;
    for (const entry of entries) {
      const next = sealRecord(head, entry, this.#signer);
      sealed.push(next);
      head = next.head;
    }
    this.#store.append(sealed.map((s) => ({ seq: s.head.seq, line: s.line })));
    this.#head = head;
    this.#records.push(...sealed.map((s) => s.record));
    this.#file.append(sealed);
    return sealed.map((s) => s.record);
  }

  close(): void {
    this.#store.close();
  }

  /** Bring the log file up to the state: append what it lacks; refuse a file that is not a prefix of the state. */
  #resync(lines: readonly string[]): void {
    const fileHead = this.#file.head;
    const held = fileHead?.seq ?? 0;
    if (held > lines.length)
      throw new StateFileError(
        `${this.evidencePath} holds ${held} records, the state only ${lines.length}: it belongs to another state (give the --state it was written with)`,
      );
    if (fileHead && lineHash(lines[held - 1]!) !== fileHead.hash)
      throw new StateFileError(`${this.evidencePath} differs from the state at record ${held}: it was edited, or belongs to another state`);
    if (held === lines.length) return;
    const missing = lines.slice(held).map((line, i) => ({ line, head: { seq: held + i + 1, hash: lineHash(line) } }));
    this.#file.append(missing);
    this.repairs.push(`appended ${missing.length} record(s) the state held and ${this.evidencePath} did not (the monitor stopped between the two writes)`);
  }
}
