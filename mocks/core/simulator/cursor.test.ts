import { describe, expect, it } from 'vitest';
import { findMobileNumbers, findResidentIds } from '../../../schemas/identifiers.ts';
import { MemoryStore } from '../store.ts';
import { issueCursor, readCursor } from './cursor.ts';

const position = { afterSequence: 7, issuedAtMs: Date.parse('2026-03-01T09:30:00+08:00') };

describe('pagination cursors', () => {
  it('read back the position they were issued with', () => {
    const store = new MemoryStore();
    expect(readCursor(store, 'ECDX000000000018', issueCursor(store, 'ECDX000000000018', position))).toEqual({ ok: true, position });
  });
  it('are opaque visible ASCII of the letters a–p, without anything a privacy scanner could read as a number', () => {
    const cursor = issueCursor(new MemoryStore(), 'ECDX000000000018', { afterSequence: 13812345, issuedAtMs: position.issuedAtMs });
    expect(cursor).toMatch(/^[a-p]{1,512}$/);
    expect(findMobileNumbers(cursor)).toEqual([]);
    expect(findResidentIds(cursor)).toEqual([]);
  });
  it('stay valid for another mock over the same store', () => {
    const store = new MemoryStore();
    const cursor = issueCursor(store, 'ECDX000000000018', position);
    expect(readCursor(store, 'ECDX000000000018', cursor).ok).toBe(true);
  });
  it('are refused for another waybill, from another store, altered, or made up', () => {
    const store = new MemoryStore();
    const cursor = issueCursor(store, 'ECDX000000000018', position);
    expect(readCursor(store, 'ECDX000000000026', cursor).ok).toBe(false);
    expect(readCursor(new MemoryStore(), 'ECDX000000000018', cursor).ok).toBe(false);
    expect(readCursor(store, 'ECDX000000000018', `${cursor.slice(0, 10)}${cursor[10] === 'a' ? 'b' : 'a'}${cursor.slice(11)}`).ok).toBe(false);
    for (const junk of ['', 'abc', 'c2VxPTIw', cursor.toUpperCase(), `${cursor}aa`]) expect(readCursor(store, 'ECDX000000000018', junk).ok).toBe(false);
  });
});
