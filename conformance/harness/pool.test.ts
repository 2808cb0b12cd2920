import { describe, expect, it } from 'vitest';
import { pool } from './pool.ts';

describe('pool', () => {
  it('never runs more than its size at once, and keeps the order of the items', async () => {
    let running = 0;
    let most = 0;
    const results = await pool([30, 5, 20, 1, 10, 15], 2, async (ms) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      return ms * 2;
    });
    expect(most).toBe(2);
    expect(results).toEqual([60, 10, 40, 2, 20, 30]);
  });

  it('runs nothing for no items and at least one worker for a size below one', async () => {
    expect(await pool([], 4, async () => 1)).toEqual([]);
    expect(await pool([1, 2], 0, async (n) => n + 1)).toEqual([2, 3]);
  });

  it('rejects when a piece of work does', async () => {
    await expect(pool([1, 2, 3], 2, async (n) => (n === 2 ? Promise.reject(new Error('two')) : n))).rejects.toThrow('two');
  });
});
