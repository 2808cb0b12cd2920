import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMock } from './core/mock.ts';
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
});
