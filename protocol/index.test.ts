import { describe, expect, it } from 'vitest';
import * as protocol from './index.ts';

describe('protocol/ public API', () => {
  it('exports the entry points the mock server and the harness use', () => {
    for (const name of [
      'signRequest',
      'verifyRequest',
      'contentDigest',
      'verifyContentDigest',
      'signWebhook',
      'verifyWebhook',
      'Keyring',
      'NonceCache',
      'fromFetchRequest',
      'fromNodeRequest',
      'demoCredentials',
      'demoKeyring',
    ]) {
      expect(['function', 'object'], name).toContain(typeof (protocol as Record<string, unknown>)[name]);
    }
  });

  it('names the problem slugs it reports, all in the ECDX problem namespace', () => {
    expect(protocol.SECURITY_PROBLEM_SLUGS).toContain('nonce-replayed');
    for (const slug of protocol.SECURITY_PROBLEM_SLUGS) expect(slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('fixes the profile constants the specification states', () => {
    expect(protocol.SIGNATURE_LABEL).toBe('ecdx');
    expect(protocol.MAX_SIGNATURE_LIFETIME_SECONDS).toBe(300);
    expect(protocol.CLOCK_SKEW_SECONDS).toBe(30);
    expect(protocol.WEBHOOK_TOLERANCE_SECONDS).toBe(300);
  });
});
