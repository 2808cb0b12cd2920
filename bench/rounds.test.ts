// The bench's arithmetic: the median, the rounds a budget allows, and a figure's verdict against its target.
import { describe, expect, it } from 'vitest';
import { figure, FIGURE_KEYS, FIGURES, isMet, noFigure } from './figures.ts';
import { median, timedRounds } from './rounds.ts';

describe('median', () => {
  it('is the middle value of an odd count and the upper middle of an even one, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
  });
  it('refuses no values', () => expect(() => median([])).toThrow(RangeError));
});

describe('timedRounds', () => {
  it('runs every round while the budget has room for one more like the last', async () => {
    const timed = await timedRounds(3, 1_000, async (i) => i);
    expect(timed.results).toEqual([0, 1, 2]);
    expect(timed.seconds).toHaveLength(3);
  });
  it('runs one round only when that round alone used the budget', async () => {
    const timed = await timedRounds(3, 0, async (i) => i);
    expect(timed.results).toEqual([0]);
    expect(timed.median).toBe(timed.seconds[0]);
  });
});

describe('figures', () => {
  it('have a spec, a unit and a target for every key', () => {
    for (const key of FIGURE_KEYS) expect(FIGURES[key].target.bound, key).toBeTypeOf('number');
  });
  it('judge each comparison at its bound', () => {
    expect(isMet(0.5, { op: '>=', bound: 0.5, from: 'issue' })).toBe(true);
    expect(isMet(8, { op: '<', bound: 8, from: 'issue' })).toBe(false);
    expect(isMet(2, { op: '<=', bound: 2, from: 'decision-0042' })).toBe(true);
  });
  it('give a verdict with a value and none without', () => {
    expect(figure('startSeconds', 9).met).toBe(false);
    expect(figure('mockVsPrism', 4.2).met).toBe(true);
    expect(noFigure('dataCreatesPerSecond', { note: 'not measured' })).toMatchObject({ value: null, met: null });
  });
});
