import { describe, expect, it } from 'vitest';
import { callbackUrlRefusal, isLoopbackHost } from './callback-url.ts';

describe('callback URLs', () => {
  it.each(['https://platform.example.com/v1/tracking-events', 'https://203.0.113.7:8443/hooks', 'https://[2001:db8::1]/x'])(
    'accepts the HTTPS URL %s',
    (url) => {
      expect(callbackUrlRefusal(url, false)).toBeUndefined();
      expect(callbackUrlRefusal(url, true)).toBeUndefined();
    },
  );

  it.each([
    'http://127.0.0.1:9000/cb',
    'http://127.8.9.10/cb',
    'http://localhost:3000/cb',
    'http://LOCALHOST/cb',
    'http://[::1]:8080/cb',
    'http://[::ffff:127.0.0.1]/cb',
    'http://127.1/cb',
  ])('accepts plain http to the loopback address %s on a test deployment only', (url) => {
    expect(callbackUrlRefusal(url, true)).toBeUndefined();
    expect(callbackUrlRefusal(url, false)).toMatch(/https/);
  });

  it.each([
    'http://platform.example.com/cb',
    'http://10.0.0.1/cb',
    'http://128.0.0.1/cb',
    'http://localhost.example.com/cb',
    'http://[::2]/cb',
    'http://[::ffff:10.0.0.1]/cb',
    'http://0.0.0.0/cb',
  ])('refuses plain http to the non-loopback host of %s', (url) => {
    expect(callbackUrlRefusal(url, true)).toMatch(/https/);
  });

  it.each(['ftp://platform.example.com/cb', 'not a url', 'https://user:pass@platform.example.com/cb'])('refuses %s', (url) => {
    expect(callbackUrlRefusal(url, true)).toBeDefined();
  });

  it('recognises loopback host names as the URL parser writes them', () => {
    expect(isLoopbackHost(new URL('http://[0:0:0:0:0:0:0:1]/').hostname)).toBe(true);
    expect(isLoopbackHost(new URL('http://[::ffff:7f00:1]/').hostname)).toBe(true);
    expect(isLoopbackHost(new URL('http://2130706433/').hostname)).toBe(true);
  });
});
