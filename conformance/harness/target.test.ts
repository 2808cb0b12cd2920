// What a target URL may be, for the library as for the CLI (validateTarget): a misuse is a ConfigurationError whose
// one line says what to give instead.
import { describe, expect, it } from 'vitest';
import { ConfigurationError, validateTarget } from './runner.ts';

describe('validateTarget', () => {
  it('takes a base URL: https anywhere, plain http on loopback only', () => {
    expect(validateTarget('https://carrier.example/ecdx').href).toBe('https://carrier.example/ecdx');
    expect(validateTarget('http://127.0.0.1:8080').host).toBe('127.0.0.1:8080');
    expect(() => validateTarget('http://carrier.example')).toThrow(/plain http to carrier.example is refused/);
    expect(validateTarget('http://carrier.example', true).host).toBe('carrier.example');
  });

  it('refuses a target that ends in /v1, naming the base URL to give instead', () => {
    expect(() => validateTarget('https://x.example/ecdx/v1')).toThrow(ConfigurationError);
    expect(() => validateTarget('https://x.example/ecdx/v1/')).toThrow(
      '--target https://x.example/ecdx/v1/ ends in /v1: drop it (--target https://x.example/ecdx); the target is the part before /v1, which the harness adds',
    );
    expect(validateTarget('https://x.example/v1x').pathname).toBe('/v1x');
  });

  it('refuses what is not an absolute http(s) URL without query or fragment', () => {
    expect(() => validateTarget('carrier.example')).toThrow(/is not an absolute URL/);
    expect(() => validateTarget('ftp://carrier.example')).toThrow(/must be http\(s\)/);
    expect(() => validateTarget('https://carrier.example/?a=1')).toThrow(/query or fragment/);
  });
});
