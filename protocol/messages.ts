// The neutral request shape the signing and verifying code works on, and adapters from the two HTTP stacks ECDX
// code meets: node:http (the standalone mock, the harness's push receiver) and Fetch `Request` objects (msw
// handlers, the harness client). Working on one plain shape keeps the signature code free of either stack.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Body } from './content-digest.ts';

/** Header fields as plain data: names in any case; a list stands for several field lines of one name. */
export type HeaderRecord = Record<string, string | readonly string[] | undefined>;

/** An HTTP request as the signature code sees it. `url` is absolute (`https://carrier.example/v1/shipments`). */
export interface SignableRequest {
  method: string;
  url: string;
  headers: HeaderRecord | Headers | IncomingHttpHeaders;
  body?: Body | undefined;
}

/**
 * A header field's value, as RFC 9421 §2.1 canonicalises it: leading and trailing spaces removed, several field
 * lines joined with ", ". `undefined` when the field is absent.
 */
export function headerValue(headers: SignableRequest['headers'], name: string): string | undefined {
  const lower = name.toLowerCase();
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).forEach === 'function') {
    return (headers as Headers).get(lower)?.trim() ?? undefined;
  }
  const record = headers as HeaderRecord;
  let value = record[lower];
  if (value === undefined) {
    for (const key of Object.keys(record)) {
      if (key.toLowerCase() === lower) {
        value = record[key];
        break;
      }
    }
  }
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.trim();
  return value.length === 0 ? undefined : value.map((v) => v.trim()).join(', ');
}

/** A copy of Fetch `Headers` as a plain record with lower-case names. */
export function headersToRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

/** A Fetch `Request` as a `SignableRequest`. Reads the body from a clone, so the request stays readable. */
export async function fromFetchRequest(request: Request): Promise<SignableRequest> {
  const body = request.body === null ? undefined : new Uint8Array(await request.clone().arrayBuffer());
  return { method: request.method, url: request.url, headers: headersToRecord(request.headers), body };
}

/**
 * A node:http request as a `SignableRequest`. The target URI is rebuilt from the Host field and the request
 * target, with the scheme the server knows it listens on; a server behind a TLS-terminating proxy passes
 * `scheme: 'https'` and, where the proxy rewrites Host, the public `authority`.
 */
export function fromNodeRequest(
  request: IncomingMessage,
  body: Uint8Array | undefined,
  options: { scheme?: 'http' | 'https'; authority?: string } = {},
): SignableRequest {
  const scheme = options.scheme ?? ((request.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
  const authority = options.authority ?? request.headers.host;
  if (authority === undefined) throw new TypeError('the request has no Host field and no authority was given');
  return { method: request.method ?? 'GET', url: `${scheme}://${authority}${request.url ?? '/'}`, headers: request.headers, body };
}

/** The request with extra header fields, e.g. the ones `signRequest` returns. */
export function withHeaders<T extends SignableRequest>(request: T, extra: Record<string, string>): T & { headers: HeaderRecord } {
  const headers: Record<string, string | readonly string[] | undefined> = {};
  const source = request.headers;
  if (typeof (source as Headers).forEach === 'function' && typeof (source as Headers).get === 'function') {
    Object.assign(headers, headersToRecord(source as Headers));
  } else {
    for (const [name, value] of Object.entries(source as HeaderRecord)) headers[name.toLowerCase()] = value;
  }
  for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
  return { ...request, headers };
}
