import { describe, expect, it } from 'vitest';
import { newIdempotencyKey, randomDigits, shortId } from './ids.ts';

describe('kit/ids', () => {
  it('makes short hexadecimal ids that do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, shortId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
  });

  it('makes digit strings of the length asked', () => {
    expect(randomDigits(12)).toMatch(/^\d{12}$/);
    expect(randomDigits(0)).toBe('');
  });

  it('makes Idempotency-Keys of visible ASCII within 255 characters', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[\x21-\x7e]{1,255}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });
});
