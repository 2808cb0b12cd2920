import { describe, expect, it } from 'vitest';
import { describeDifference, firstDifference, pointerToken, stringsIn, valueAt } from './json.ts';

describe('kit/json', () => {
  const sent = { order: 'a1', items: [{ name: '手机', qty: 1 }], at: '2026-03-01T09:30:00+08:00' };

  it('finds no difference between equal documents, whatever the order of members', () => {
    expect(firstDifference(sent, JSON.parse(JSON.stringify({ at: sent.at, items: sent.items, order: 'a1' })))).toBeUndefined();
  });

  it('names the first differing member by JSON Pointer', () => {
    expect(firstDifference(sent, { ...sent, items: [{ name: '手机', qty: 2 }] })).toBe('/items/0/qty');
    expect(firstDifference(sent, { ...sent, items: [] })).toBe('/items');
    expect(firstDifference({ 'a/b': 1 }, { 'a/b': 2 })).toBe('/a~1b');
    expect(firstDifference(1, '1')).toBe('/');
    expect(firstDifference({ a: 1 }, [1])).toBe('/');
  });

  it('compares timestamps to the letter unless told to compare instants', () => {
    const utc = { ...sent, at: '2026-03-01T01:30:00Z' };
    expect(firstDifference(sent, utc)).toBe('/at');
    expect(firstDifference(sent, utc, { sameInstant: true })).toBeUndefined();
    expect(firstDifference(sent, { ...sent, at: '2026-03-01T01:30:01Z' }, { sameInstant: true })).toBe('/at');
  });

  it('counts an undefined member as absent only when comparing instants', () => {
    expect(firstDifference({ a: 1, b: undefined }, { a: 1 })).toBe('/b');
    expect(firstDifference({ a: 1, b: undefined }, { a: 1 }, { sameInstant: true })).toBeUndefined();
  });

  it('reads the value at a pointer and describes a difference with both values', () => {
    expect(valueAt(sent, '/items/0/name')).toBe('手机');
    expect(valueAt(sent, '/nothing/here')).toBeUndefined();
    expect(valueAt(sent, '/')).toEqual(sent);
    expect(describeDifference(sent, { ...sent, order: 'A1' })).toEqual({ en: '/order is "A1" instead of "a1"', 'zh-Hans': '/order 为 "A1"，应为 "a1"' });
    expect(describeDifference(sent, { ...sent, order: undefined })?.en).toBe('/order is absent instead of "a1"');
    expect(describeDifference(sent, sent)).toBeUndefined();
  });

  it('lists every string with its pointer and member', () => {
    expect(stringsIn({ a: ['x', { b: 'y' }], n: 1, 'c~': 'z' })).toEqual([
      { pointer: '/a/0', member: 'a', text: 'x' },
      { pointer: '/a/1/b', member: 'b', text: 'y' },
      { pointer: '/c~0', member: 'c~', text: 'z' },
    ]);
    expect(pointerToken('a/b~c')).toBe('a~1b~0c');
  });
});
