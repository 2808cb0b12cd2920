import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushBatch } from '../schemas/src/index.ts';
import { createMock } from './core/mock.ts';
import { retryDelay } from './core/push/schedule.ts';
import { pushFixture, trackingEvent } from './core/push/test-support.ts';
import { MemoryStore, type Store } from './core/store.ts';
import { BUILD_SQLITE_HINT, DataFileError, openSqliteStore } from './sqlite-store.ts';
import { send } from './testing.ts';
import { shipmentRequest } from './test-support/requests.ts';

const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

describe('the SQLite store', () => {
  let dir: string;
  let n = 0;
  const file = () => join(dir, `store-${++n}.db`);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecdx-sqlite-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps values in the order their ids were first put, as the memory store does', () => {
    const store = openSqliteStore(file());
    const shipments = store.collection<{ n: number }>('shipments');
    shipments.put('b', { n: 1 });
    shipments.put('a', { n: 2 });
    shipments.put('b', { n: 3 });
    expect(shipments.values()).toEqual([{ n: 3 }, { n: 2 }]);
    expect(shipments.delete('b')).toBe(true);
    expect(shipments.delete('b')).toBe(false);
    shipments.put('b', { n: 4 });
    expect(shipments.values()).toEqual([{ n: 2 }, { n: 4 }]);
    expect([shipments.size, shipments.has('a'), shipments.get('zz')]).toEqual([2, true, undefined]);
    store.close();
  });

  it('finds every collection as it was after reopening the file', () => {
    const path = file();
    const first = openSqliteStore(path);
    first.collection('shipments').put('SF1', { waybillNo: 'SF1', nested: { list: [1, 'two', null] } });
    first.collection('shipments').put('SF2', { waybillNo: 'SF2' });
    first.collection('shipments').put('SF1', { waybillNo: 'SF1', status: 'ACCEPTED' });
    first.collection('events').put('e1', { sequence: 1 });
    first.collection('events').delete('e1');
    first.close();

    const second = openSqliteStore(path);
    expect(second.collection('shipments').values()).toEqual([{ waybillNo: 'SF1', status: 'ACCEPTED' }, { waybillNo: 'SF2' }]);
    expect(second.collection('events').size).toBe(0);
    second.collection('shipments').put('SF3', { waybillNo: 'SF3' });
    expect(
      second
        .collection<{ waybillNo: string }>('shipments')
        .values()
        .map((s) => s.waybillNo),
    ).toEqual(['SF1', 'SF2', 'SF3']);
    second.close();
  });

  it('keeps the nonces it accepted across a reopen, and deletes those no signature can still use', () => {
    const path = file();
    const first = openSqliteStore(path);
    expect(first.nonces.checkAndRecord('k', 'nonce-live-after-reopen', 1330, 1000).outcome).toBe('fresh');
    expect(first.nonces.checkAndRecord('k', 'nonce-dead-soon-after-1', 1010, 1000).outcome).toBe('fresh');
    first.close();

    const second = openSqliteStore(path);
    expect(second.nonces.checkAndRecord('k', 'nonce-live-after-reopen', 1330, 1100).outcome).toBe('replayed');
    expect(second.nonces.checkAndRecord('other', 'nonce-live-after-reopen', 1430, 1100).outcome).toBe('fresh');
    second.close();
    const db = new Database(path);
    const kept = db.prepare('SELECT keyid, nonce FROM ecdx_nonces ORDER BY keyid').all();
    db.close();
    expect(kept).toEqual([
      { keyid: 'k', nonce: 'nonce-live-after-reopen' },
      { keyid: 'other', nonce: 'nonce-live-after-reopen' },
    ]);
  });

  it('writes ahead (WAL) and describes itself for the start-up banner', () => {
    const path = file();
    const store = openSqliteStore(path);
    expect(store.description).toContain(path);
    store.close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('records the virtual time with every write and on close', () => {
    const path = file();
    let now = 1_772_328_600_000;
    const store = openSqliteStore(path);
    expect(store.savedVirtualTime()).toBeUndefined();
    store.trackVirtualTime(() => now);
    store.collection('shipments').put('SF1', {});
    expect(store.savedVirtualTime()).toBe(now);
    now += 86_400_000;
    store.close();
    const reopened = openSqliteStore(path);
    expect(reopened.savedVirtualTime()).toBe(now);
    reopened.close();
  });

  it('refuses a file another process (or store) holds', () => {
    const path = file();
    const holder = openSqliteStore(path);
    try {
      expect(() => openSqliteStore(path)).toThrow(/in use by another process/);
    } finally {
      holder.close();
    }
  });

  it('refuses files that are not mock data files, with a one-line reason', () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database, just text that is long enough to have a header\n'.repeat(10));
    const foreign = join(dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE orders (id INTEGER)');
    db.close();
    for (const [path, reason] of [
      [text, /cannot use .* as the mock's data file/],
      [foreign, /not an ecdx mock data file/],
      [join(dir, 'missing-dir', 'x.db'), /directory does not exist/],
    ] as const) {
      let error: unknown;
      try {
        openSqliteStore(path);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('explains how to build the native addon when it cannot be loaded', () => {
    expect(() => openSqliteStore(file(), { nativeBinding: join(dir, 'no-such-addon.node') })).toThrow(DataFileError);
    expect(() => openSqliteStore(file(), { nativeBinding: join(dir, 'no-such-addon.node') })).toThrow(BUILD_SQLITE_HINT);
  });

  it('serves as the store of a mock, whose shipments a second mock on the same file reads back', async () => {
    const path = file();
    const first = createMock({ clockSpeed: 0, selfCheck: true, store: openSqliteStore(path) });
    const created = await send(first, 'POST', '/v1/shipments', shipmentRequest('ord-sqlite-1'));
    expect(created.status).toBe(201);
    await first.close();
    const second = createMock({ clockSpeed: 0, selfCheck: true, store: openSqliteStore(path) });
    try {
      const waybillNo = (created.body as { waybillNo: string }).waybillNo;
      const read = await send(second, 'GET', `/v1/shipments/${waybillNo}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
    } finally {
      await second.close();
    }
  });

  it('keeps what many turns of puts, replacements and deletions left, in the same order as the memory store', async () => {
    const path = file();
    const sqlite = openSqliteStore(path);
    const memory = new MemoryStore();
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let turn = 0; turn < 40; turn++) {
      // Several changes of the same ids within one turn (committed together), then the next turn.
      for (let change = 0; change < 25; change++) {
        const name = `c${random(3)}`;
        const id = `id-${random(30)}`;
        for (const store of [sqlite, memory] as Store[]) {
          if (random(4) === 0) store.collection(name).delete(id);
          else store.collection(name).put(id, { turn, change, list: [id, null] });
        }
      }
      await Promise.resolve();
    }
    const snapshot = (store: Store) => ['c0', 'c1', 'c2'].map((name) => ({ size: store.collection(name).size, values: store.collection(name).values() }));
    expect(snapshot(sqlite)).toEqual(snapshot(memory));
    sqlite.close();
    const reopened = openSqliteStore(path);
    expect(snapshot(reopened)).toEqual(snapshot(memory));
    reopened.close();
  });

  it('moves an id deleted and put again within one turn to the end of the order, in the file too', () => {
    const path = file();
    const store = openSqliteStore(path);
    const items = store.collection<number>('items');
    items.put('a', 1);
    items.put('b', 2);
    store.commit();
    items.delete('a');
    items.put('a', 3);
    items.put('b', 4);
    expect(items.values()).toEqual([4, 3]);
    store.close();
    const reopened = openSqliteStore(path);
    expect(reopened.collection('items').values()).toEqual([4, 3]);
    reopened.close();
  });

  it('reads an entry when it is asked for, not the whole collection', () => {
    const path = file();
    const first = openSqliteStore(path);
    for (const id of ['SF1', 'SF2', 'SF3']) first.collection('shipments').put(id, { waybillNo: id });
    first.close();
    // Every other entry made unreadable: asking for SF2 or the size must not touch them.
    const db = new Database(path);
    db.prepare(
      "UPDATE ecdx_values SET value = '{unreadable' WHERE id != 'SF2' AND collection = (SELECT id FROM ecdx_collections WHERE name = 'shipments')",
    ).run();
    db.close();

    const second = openSqliteStore(path);
    const shipments = second.collection('shipments');
    expect(shipments.get('SF2')).toEqual({ waybillNo: 'SF2' });
    expect([shipments.has('SF9'), shipments.size]).toEqual([false, 3]);
    expect(() => shipments.values()).toThrow(SyntaxError);
    second.close();
  });

  it('starts a mock on a file without reading its activity log or idempotency records', async () => {
    const path = file();
    const first = createMock({ clockSpeed: 0, store: openSqliteStore(path) });
    const created = await send(first, 'POST', '/v1/shipments', shipmentRequest('ord-lazy-1'));
    expect(created.status).toBe(201);
    await first.close();
    const db = new Database(path);
    db.prepare(
      "UPDATE ecdx_values SET value = '{unreadable' WHERE collection IN (SELECT id FROM ecdx_collections WHERE name IN ('activity', 'idempotency-keys'))",
    ).run();
    db.close();

    const second = createMock({ clockSpeed: 0, store: openSqliteStore(path) });
    try {
      const waybillNo = (created.body as { waybillNo: string }).waybillNo;
      expect((await send(second, 'GET', `/v1/shipments/${waybillNo}`)).status).toBe(200);
      expect((await send(second, 'POST', '/v1/shipments', shipmentRequest('ord-lazy-2'))).status).toBe(201);
    } finally {
      await second.close();
    }
  });

  it('has what a mock answered in the file when the answer goes out: a mock killed right after it keeps it', async () => {
    const path = file();
    const module = (name: string) => JSON.stringify(fileURLToPath(new URL(name, import.meta.url)));
    const script = join(dir, 'answer-then-die.mts');
    writeFileSync(
      script,
      `import { createMock } from ${module('./core/mock.ts')};
      import { openSqliteStore } from ${module('./sqlite-store.ts')};
      import { send } from ${module('./testing.ts')};
      import { shipmentRequest } from ${module('./test-support/requests.ts')};
      const mock = createMock({ clockSpeed: 0, store: openSqliteStore(${JSON.stringify(path)}) });
      const created = await send(mock, 'POST', '/v1/shipments', shipmentRequest('ord-killed-1'));
      process.stdout.write(JSON.stringify(created));
      process.kill(process.pid, 'SIGKILL');
      `,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const created = JSON.parse(child.stdout) as { status: number; body: { waybillNo: string } };
    expect(created.status).toBe(201);

    const restarted = createMock({ clockSpeed: 0, store: openSqliteStore(path) });
    try {
      const read = await send(restarted, 'GET', `/v1/shipments/${created.body.waybillNo}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
    } finally {
      await restarted.close();
    }
  });

  it('stops at a commit the file refuses: nothing more is answered from what memory holds', () => {
    const store = openSqliteStore(file());
    const items = store.collection('items');
    items.put('fine', { n: 1 });
    // A value JSON cannot hold fails the commit as a full disk would.
    items.put('unwritable', { n: 2n });
    expect(() => store.commit()).toThrow(DataFileError);
    expect(() => items.get('fine')).toThrow(/could not be written/);
    expect(() => items.put('more', {})).toThrow(/could not be written/);
    expect(() => store.nonces.checkAndRecord('k', 'nonce-after-the-failure', 1330, 1000)).toThrow(/could not be written/);
    store.close();
  });

  it('converts a file of the first format: every value in its order, the nonces, and the last push delivered', () => {
    const path = file();
    const db = new Database(path);
    db.exec(`
      CREATE TABLE ecdx_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE ecdx_entries (collection TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (collection, id)) WITHOUT ROWID;
      CREATE INDEX ecdx_entries_order ON ecdx_entries (collection, seq);
      CREATE TABLE ecdx_nonces (keyid TEXT NOT NULL, nonce TEXT NOT NULL, expires_at REAL NOT NULL, PRIMARY KEY (keyid, nonce)) WITHOUT ROWID;
      INSERT INTO ecdx_meta VALUES ('format', 'ecdx-mock-store/1'), ('virtual-time', '1772328600000');
      INSERT INTO ecdx_entries VALUES
        ('shipments', 'SF2', 1, '{"waybillNo":"SF2"}'), ('shipments', 'SF1', 3, '{"waybillNo":"SF1"}'),
        ('activity', '000000000001', 2, '{"kind":"push-delivered","at":1772328500000}'),
        ('activity', '000000000002', 4, '{"kind":"push-delivered","at":1772328550000}');
      INSERT INTO ecdx_nonces VALUES ('k', 'nonce-from-the-first-format', 2000);
    `);
    db.close();

    const store = openSqliteStore(path);
    expect(store.collection('shipments').values()).toEqual([{ waybillNo: 'SF2' }, { waybillNo: 'SF1' }]);
    expect(store.collection('activity').size).toBe(2);
    expect(store.collection('push-last-delivered').get('at')).toBe(1_772_328_550_000);
    expect(store.nonces.checkAndRecord('k', 'nonce-from-the-first-format', 2000, 1000).outcome).toBe('replayed');
    expect(store.savedVirtualTime()).toBe(1_772_328_600_000);
    store.collection('shipments').put('SF3', { waybillNo: 'SF3' });
    store.close();
    const reopened = openSqliteStore(path);
    expect(reopened.collection('shipments').values()).toEqual([{ waybillNo: 'SF2' }, { waybillNo: 'SF1' }, { waybillNo: 'SF3' }]);
    reopened.close();
    const raw = new Database(path);
    expect(raw.prepare("SELECT value FROM ecdx_meta WHERE key = 'format'").get()).toEqual({ value: 'ecdx-mock-store/2' });
    // Vacuumed once on conversion, which turns on the incremental auto_vacuum a new file has.
    expect(raw.pragma('auto_vacuum', { simple: true })).toBe(2);
    raw.close();
  });

  it('keeps a push batch with every event it gathered in its turn, and a restarted mock retries it whole', async () => {
    const path = file();
    const fixture = await pushFixture({ store: openSqliteStore(path), answers: [{ status: 500 }] });
    const now = fixture.mock.context.clock.now();
    // One turn: the batch is stored when it opens and again, with all three events, when the turn ends.
    fixture.record(['ECDX00000000001', 'ECDX00000000002', 'ECDX00000000003'].map((w) => trackingEvent(w, 1, 'ACCEPTED', now)));
    await fixture.settle();
    const first = fixture.callback.deliveries[0]!.json as PushBatch;
    expect(first.events).toHaveLength(3);
    await fixture.mock.close();

    const restarted = await pushFixture({ store: openSqliteStore(path), clockStart: now, answers: [] });
    try {
      await restarted.advance(retryDelay(1, first.batchId, 1)! + 1);
      // The first fixture's callback still belongs to the stored subscription: the retry goes there.
      const retry = fixture.callback.deliveries[1]!.json as PushBatch;
      expect([retry.batchId, retry.events]).toEqual([first.batchId, first.events]);
    } finally {
      await restarted.close();
      await fixture.callback.close();
    }
  });
});
