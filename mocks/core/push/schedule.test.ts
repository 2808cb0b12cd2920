import { describe, expect, it } from 'vitest';
import { jitterFactor, MAX_ATTEMPTS, nextAttemptTime, RETRY_DELAYS_MS, retryAfterTime, retryDelay } from './schedule.ts';

const NOW = Date.UTC(2026, 2, 1, 1, 0, 0);

describe('the retry schedule', () => {
  it('is the Standard Webhooks schedule after an immediate first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h', () => {
    expect(RETRY_DELAYS_MS.map((ms) => ms / 1000)).toEqual([5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400]);
    expect(MAX_ATTEMPTS).toBe(10);
  });

  it('keeps every delay within ±10 % of the schedule, for many batches', () => {
    for (let b = 0; b < 200; b++) {
      for (let failed = 1; failed <= 9; failed++) {
        const delay = retryDelay(7, `bat_${b}`, failed)!;
        const base = RETRY_DELAYS_MS[failed - 1]!;
        expect(delay).toBeGreaterThanOrEqual(base * 0.9);
        expect(delay).toBeLessThanOrEqual(base * 1.1);
      }
    }
  });

  it('actually jitters: batches that failed together do not all retry at the same moment', () => {
    const delays = new Set(Array.from({ length: 50 }, (_, b) => retryDelay(1, `bat_${b}`, 1)));
    expect(delays.size).toBeGreaterThan(40);
  });

  it('is deterministic for a seed, a batch and an attempt, and differs between seeds', () => {
    expect(jitterFactor(1, 'bat_a', 2)).toBe(jitterFactor(1, 'bat_a', 2));
    expect(jitterFactor(1, 'bat_a', 2)).not.toBe(jitterFactor(2, 'bat_a', 2));
    expect(jitterFactor(1, 'bat_a', 2)).not.toBe(jitterFactor(1, 'bat_a', 3));
  });

  it('has no delay after the tenth attempt: the batch is abandoned', () => {
    expect(retryDelay(1, 'bat_a', 9)).toBeDefined();
    expect(retryDelay(1, 'bat_a', 10)).toBeUndefined();
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds', () => {
    expect(retryAfterTime('120', NOW)).toBe(NOW + 120_000);
    expect(retryAfterTime(' 0 ', NOW)).toBe(NOW);
  });

  it('reads an IMF-fixdate against the answer\u2019s Date field, whatever the mock\u2019s clock says', () => {
    const date = 'Sun, 01 Mar 2026 01:00:00 GMT';
    expect(retryAfterTime('Sun, 01 Mar 2026 01:10:00 GMT', NOW + 3_600_000, date)).toBe(NOW + 3_600_000 + 600_000);
  });

  it('reads an HTTP-date without a Date field as a duration from the real time it came, waited on the virtual clock', () => {
    const realNow = Date.parse('Sun, 01 Mar 2026 01:00:00 GMT');
    expect(retryAfterTime('Sun, 01 Mar 2026 01:10:00 GMT', realNow + 3 * 86_400_000, undefined, realNow)).toBe(realNow + 3 * 86_400_000 + 600_000);
  });

  it('reads an HTTP-date against the mock\u2019s clock when the answer has no Date field and no real time is given', () => {
    expect(retryAfterTime('Sun, 01 Mar 2026 01:10:00 GMT', NOW)).toBe(NOW + 600_000);
    expect(retryAfterTime('Sun Mar  1 01:10:00 2026', NOW)).toBe(NOW + 600_000);
    expect(retryAfterTime('Sunday, 01-Mar-26 01:10:00 GMT', NOW)).toBe(NOW + 600_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(retryAfterTime('Sun, 01 Mar 2026 00:00:00 GMT', NOW)).toBe(NOW);
  });

  it.each(['', 'soon', '-5', '1.5', '12abc', 'Sun, 99 Foo 2026 01:10:00 GMT', '2026-03-01T01:10:00Z', '99999999999'])(
    'ignores the malformed value %j',
    (value) => {
      expect(retryAfterTime(value, NOW)).toBeUndefined();
    },
  );

  it('ignores an absent value', () => {
    expect(retryAfterTime(undefined, NOW)).toBeUndefined();
  });

  it('decides the next attempt: the later of the schedule and Retry-After', () => {
    expect(nextAttemptTime(NOW, 5_000, NOW + 120_000)).toBe(NOW + 120_000);
    expect(nextAttemptTime(NOW, 300_000, NOW + 120_000)).toBe(NOW + 300_000);
    expect(nextAttemptTime(NOW, 5_000)).toBe(NOW + 5_000);
  });
});
