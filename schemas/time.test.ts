import { describe, expect, it } from 'vitest';
import { DAY, formatTimestamp, HOUR, MINUTE, SECOND, wholeSecond } from './time.ts';

describe('time', () => {
  it('counts durations in milliseconds', () => {
    expect([SECOND, MINUTE, HOUR, DAY]).toEqual([1_000, 60_000, 3_600_000, 86_400_000]);
  });

  it('writes instants in China Standard Time, with milliseconds only when there are some', () => {
    const instant = Date.parse('2026-03-01T01:30:00Z');
    expect(formatTimestamp(instant)).toBe('2026-03-01T09:30:00+08:00');
    expect(formatTimestamp(instant + 250)).toBe('2026-03-01T09:30:00.250+08:00');
    expect(Date.parse(formatTimestamp(instant + 250))).toBe(instant + 250);
    expect(formatTimestamp(Date.parse('2026-12-31T20:00:00Z'))).toBe('2027-01-01T04:00:00+08:00');
  });

  it('rounds an instant down to its second', () => {
    expect(wholeSecond(1_700_000_000_999)).toBe(1_700_000_000_000);
    expect(formatTimestamp(wholeSecond(Date.parse('2026-03-01T01:30:00.999Z')))).toBe('2026-03-01T09:30:00+08:00');
  });
});
