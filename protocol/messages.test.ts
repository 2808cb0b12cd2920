import { describe, expect, it } from 'vitest';
import { headersToRecord, headerValue, withHeaders } from './messages.ts';

describe('headerValue', () => {
  it('finds a field whatever the case of its name', () => {
    expect(headerValue({ 'Content-Type': 'application/json' }, 'content-type')).toBe('application/json');
    expect(headerValue({ 'content-type': 'application/json' }, 'Content-Type')).toBe('application/json');
  });

  it('trims the value and joins several field lines with a comma and a space', () => {
    expect(headerValue({ 'x-list': ['  a ', 'b  '] }, 'x-list')).toBe('a, b');
    expect(headerValue({ date: '  Tue, 20 Apr 2021 02:07:55 GMT ' }, 'date')).toBe('Tue, 20 Apr 2021 02:07:55 GMT');
  });

  it('reads Fetch Headers', () => {
    const headers = new Headers({ 'Idempotency-Key': 'k-1' });
    expect(headerValue(headers, 'idempotency-key')).toBe('k-1');
    expect(headerValue(headers, 'content-digest')).toBeUndefined();
  });

  it('treats an absent field and an empty list as absent', () => {
    expect(headerValue({ a: undefined, b: [] }, 'a')).toBeUndefined();
    expect(headerValue({ a: undefined, b: [] }, 'b')).toBeUndefined();
  });
});

describe('withHeaders', () => {
  it('adds fields with lower-case names and keeps the rest of the request', () => {
    const request = { method: 'POST', url: 'https://carrier.example/v1/shipments', headers: { 'Content-Type': 'application/json' }, body: '{}' };
    expect(withHeaders(request, { Signature: 'ecdx=:AAAA:' })).toEqual({
      ...request,
      headers: { 'content-type': 'application/json', signature: 'ecdx=:AAAA:' },
    });
  });

  it('copies Fetch Headers into a plain record', () => {
    expect(headersToRecord(new Headers({ A: '1', b: '2' }))).toEqual({ a: '1', b: '2' });
  });
});
