import { describe, expect, it } from 'vitest';
import { DAY, HOUR, SECOND } from '../../schemas/time.ts';
import { describeDuration, describeMinutes, timestamp, utc } from './time.ts';

describe('kit/time', () => {
  const instant = Date.parse('2026-03-01T01:30:00.750Z');

  it('writes request timestamps in whole seconds of China Standard Time', () => {
    expect(timestamp(instant)).toBe('2026-03-01T09:30:00+08:00');
    expect(utc(instant)).toBe('2026-03-01T01:30:00Z');
  });

  it('describes durations in the largest whole unit, or one second off it', () => {
    expect(describeDuration(72 * HOUR)).toBe('3 d');
    expect(describeDuration(71 * HOUR)).toBe('71 h');
    expect(describeDuration(25 * HOUR - SECOND)).toBe('25 h − 1 s');
    expect(describeDuration(3 * DAY - SECOND)).toBe('3 d − 1 s');
    expect(describeDuration(HOUR + SECOND)).toBe('1 h + 1 s');
    expect(describeDuration(-2 * DAY)).toBe('−2 d');
    expect(describeDuration(90 * SECOND)).toBe('90 s');
    expect(describeMinutes(45 * 60 * SECOND)).toBe('45 min');
  });
});
