// When the pushes leave a gap: a sequence missing below the highest one held, and only then.
import { expect, it } from 'vitest';
import { waybillsWithGaps } from './trajectory.ts';

it('names the waybills whose held sequences miss one below the highest, each once', () => {
  const held: Record<string, number[]> = { A: [1, 2, 3], B: [1, 3], C: [2], D: [] };
  expect(waybillsWithGaps((w) => held[w] ?? [], ['A', 'B', 'B', 'C', 'D'])).toEqual(['B', 'C']);
});
