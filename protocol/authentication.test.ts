import { describe, expect, it } from 'vitest';
import { authenticationFor } from './authentication.ts';

describe('authenticationFor', () => {
  it('exempts discovery, routes the push to webhook verification and signs everything else', () => {
    expect(authenticationFor('GET', 'https://carrier.example/v1/conformance')).toBe('none');
    expect(authenticationFor('GET', '/v1/health')).toBe('none');
    expect(authenticationFor('POST', '/v1/health')).toBe('request');
    expect(authenticationFor('POST', '/v1/tracking-events')).toBe('push');
    expect(authenticationFor('GET', '/v1/shipments/SF1234567890/events?limit=20')).toBe('request');
    expect(authenticationFor('GET', '/v1/statistics/sharing')).toBe('request');
  });
});
