import { describe, expect, it } from 'vitest';
import { NonceCache } from './nonce-cache.ts';

describe('NonceCache', () => {
  it('accepts a nonce once and refuses it while it is live', () => {
    const cache = new NonceCache();
    expect(cache.checkAndRecord('k', 'n-0123456789abcdef', 1330, 1000)).toEqual({ outcome: 'fresh' });
    expect(cache.checkAndRecord('k', 'n-0123456789abcdef', 1330, 1100)).toEqual({ outcome: 'replayed' });
    expect(cache.checkAndRecord('k', 'n-0123456789abcdef', 1330, 1330)).toEqual({ outcome: 'replayed' });
  });

  it('scopes nonces by keyid', () => {
    const cache = new NonceCache();
    cache.checkAndRecord('platform', 'shared-nonce-value', 1330, 1000);
    expect(cache.checkAndRecord('carrier', 'shared-nonce-value', 1330, 1000).outcome).toBe('fresh');
  });

  it('does not confuse a keyid and nonce that concatenate alike', () => {
    const cache = new NonceCache();
    cache.checkAndRecord('ab', 'c', 1330, 1000);
    expect(cache.checkAndRecord('a', 'bc', 1330, 1000).outcome).toBe('fresh');
  });

  it('refuses a restored nonce while it is live, and forgets it once it is dead', () => {
    const cache = new NonceCache();
    cache.restore('k', 'nonce-already-dead-at-start', 990);
    cache.restore('k', 'nonce-from-before-a-restart', 1330);
    expect(cache.checkAndRecord('k', 'nonce-from-before-a-restart', 1330, 1000).outcome).toBe('replayed');
    expect(cache.checkAndRecord('k', 'nonce-already-dead-at-start', 1330, 1000).outcome).toBe('fresh');
    expect(cache.checkAndRecord('k', 'nonce-from-before-a-restart', 1700, 1331).outcome).toBe('fresh');
  });

  it('forgets a nonce once its signature can no longer be valid', () => {
    const cache = new NonceCache();
    cache.checkAndRecord('k', 'nonce-aaaaaaaaaaaa', 1330, 1000);
    expect(cache.checkAndRecord('k', 'nonce-aaaaaaaaaaaa', 1700, 1331).outcome).toBe('fresh');
  });

  it('sweeps dead entries so that memory follows the live window, not the total', () => {
    const cache = new NonceCache({ maxEntries: 1000 });
    for (let second = 0; second < 5000; second++) {
      expect(cache.checkAndRecord('k', `nonce-${second}-xxxxxxxx`, second + 330, second).outcome).toBe('fresh');
    }
    expect(cache.stats().size).toBeLessThanOrEqual(331);
  });

  it('refuses new nonces when full of live ones instead of forgetting any', () => {
    const cache = new NonceCache({ maxEntries: 3 });
    for (const n of ['a', 'b', 'c']) cache.checkAndRecord('k', `nonce-${n}-xxxxxxxxxx`, 1330, 1000);
    const outcome = cache.checkAndRecord('k', 'nonce-d-xxxxxxxxxx', 1330, 1000);
    expect(outcome).toEqual({ outcome: 'full', retryAfterSeconds: 330 });
    expect(cache.checkAndRecord('k', 'nonce-a-xxxxxxxxxx', 1330, 1001).outcome).toBe('replayed');
    expect(cache.stats()).toEqual({ size: 3, maxEntries: 3, refusedFull: 1 });
  });

  it('reclaims dead entries that sit behind a live one when full', () => {
    const cache = new NonceCache({ maxEntries: 3 });
    cache.checkAndRecord('k', 'long-lived-nonce-x', 2000, 1000);
    cache.checkAndRecord('k', 'short-lived-nonce1', 1010, 1000);
    cache.checkAndRecord('k', 'short-lived-nonce2', 1010, 1000);
    expect(cache.checkAndRecord('k', 'new-nonce-xxxxxxx', 1400, 1100).outcome).toBe('fresh');
    expect(cache.stats().size).toBe(2);
  });

  it('refuses a nonsensical bound', () => {
    expect(() => new NonceCache({ maxEntries: 0 })).toThrow(RangeError);
  });
});
