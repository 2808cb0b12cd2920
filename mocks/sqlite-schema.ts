// The layout of a mock data file, and the step up from the first one (decision 0045). Values sit in a rowid table
// whose rowid is the order their ids were first put in: new values are appended at the end of the table, so pages fill
// up instead of splitting at random ids. Only the (collection, id) index is kept up to date with every write; a whole
// collection, read back once per run, is sorted by rowid then. Collections are numbered, so that their names are not
// repeated in every row and index entry.
import type BetterSqlite3 from 'better-sqlite3';
import { LAST_DELIVERED } from './core/push/records.ts';
import { NONCES_TABLE } from './sqlite-nonces.ts';

const FORMAT = 'ecdx-mock-store/2';
/** The first layout: one WITHOUT ROWID table keyed by (collection name, id), read back whole at start-up. */
const FIRST_FORMAT = 'ecdx-mock-store/1';

const TABLES = `
  CREATE TABLE IF NOT EXISTS ecdx_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS ecdx_collections (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
  CREATE TABLE IF NOT EXISTS ecdx_values (seq INTEGER PRIMARY KEY, collection INTEGER NOT NULL, id TEXT NOT NULL, value TEXT NOT NULL);
  CREATE UNIQUE INDEX IF NOT EXISTS ecdx_values_id ON ecdx_values (collection, id);
  ${NONCES_TABLE}
`;

/**
 * Create the tables of a new file, or bring a file of the first format up to this one. Returns why the file cannot
 * be used, or undefined.
 */
export function prepareFile(db: BetterSqlite3.Database, file: string): string | undefined {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  if (tables.length > 0 && !tables.includes('ecdx_meta')) return `${file} is an SQLite database, but not an ecdx mock data file`;
  const format =
    tables.length === 0 ? undefined : (db.prepare('SELECT value FROM ecdx_meta WHERE key = ?').get('format') as { value: string } | undefined)?.value;
  if (format !== undefined && format !== FORMAT && format !== FIRST_FORMAT)
    return `${file} was written by an incompatible mock (${format}, expected ${FORMAT})`;
  db.transaction(() => {
    db.exec(TABLES);
    if (format === FIRST_FORMAT) fromFirstFormat(db);
    db.prepare('INSERT INTO ecdx_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run('format', FORMAT);
  })();
  // Once, after a conversion: the old table's pages back to the file system, and auto_vacuum (asked for by the
  // opener) turned on, which only a VACUUM can do for a file that has tables.
  if (format === FIRST_FORMAT) db.exec('VACUUM');
  return undefined;
}

/**
 * Every value of a first-format file, in the same order (its seq was already the order of first puts, and unique),
 * and the instant of the last push delivered, which the dispatcher then read from the whole activity log at start-up.
 */
function fromFirstFormat(db: BetterSqlite3.Database): void {
  db.exec(`
    INSERT OR IGNORE INTO ecdx_collections (name) SELECT DISTINCT collection FROM ecdx_entries;
    INSERT INTO ecdx_values (seq, collection, id, value)
      SELECT e.seq, c.id, e.id, e.value FROM ecdx_entries e JOIN ecdx_collections c ON c.name = e.collection ORDER BY e.seq;
    DROP TABLE ecdx_entries;
  `);
  const last = db
    .prepare(
      "SELECT MAX(json_extract(v.value, '$.at')) AS at FROM ecdx_values v JOIN ecdx_collections c ON c.id = v.collection WHERE c.name = 'activity' AND json_extract(v.value, '$.kind') = 'push-delivered'",
    )
    .get() as { at: number | null };
  if (last.at === null) return;
  db.prepare('INSERT OR IGNORE INTO ecdx_collections (name) VALUES (?)').run(LAST_DELIVERED);
  db.prepare(
    "INSERT INTO ecdx_values (seq, collection, id, value) SELECT (SELECT COALESCE(MAX(seq), 0) + 1 FROM ecdx_values), id, 'at', ? FROM ecdx_collections WHERE name = ?",
  ).run(JSON.stringify(last.at), LAST_DELIVERED);
}
