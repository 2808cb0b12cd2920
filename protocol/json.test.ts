import { describe, expect, it } from 'vitest';
import { canonicalJson, sameJson } from './json.ts';

describe('canonicalJson', () => {
  it('sorts members at every depth and keeps the order of arrays', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });

  it('leaves undefined members out, as JSON would', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
    expect(canonicalJson(undefined)).toBe('undefined');
  });

  it('tells documents apart by content only', () => {
    expect(sameJson({ x: 1, y: [1, { z: 'ü' }] }, JSON.parse('{"y":[1,{"z":"ü"}],"x":1}'))).toBe(true);
    expect(sameJson({ x: 1 }, { x: '1' })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });
});
