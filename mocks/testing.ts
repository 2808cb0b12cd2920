// Helpers for the mock's own tests and for vendors' tests: build signed requests with the demo credentials.
import { randomUUID } from 'node:crypto';
import { demoCredentials, signRequest, type SigningKey } from '../protocol/index.ts';
import type { Mock } from './core/mock.ts';
import type { MockRequest, MockResponse } from './core/types.ts';

export const MOCK_ORIGIN = 'http://127.0.0.1:4010';

export interface RequestOptions {
  /** Sign with this key; default the demo platform's. `false` sends the request unsigned. */
  key?: SigningKey | false;
  /** Idempotency-Key; default a fresh UUID on POST. `false` leaves the header out. */
  idempotencyKey?: string | false;
  headers?: Record<string, string>;
  /** Raw body bytes instead of JSON. */
  rawBody?: Uint8Array | string;
  /** Signing time (epoch ms); default the mock's clock. */
  now?: number;
}

/** A MockRequest, signed per the ECDX profile unless told otherwise. */
export function buildRequest(mock: Mock, method: string, path: string, body?: unknown, options: RequestOptions = {}): MockRequest {
  const url = new URL(path, MOCK_ORIGIN);
  const bytes =
    options.rawBody !== undefined
      ? typeof options.rawBody === 'string'
        ? new TextEncoder().encode(options.rawBody)
        : options.rawBody
      : body === undefined
        ? undefined
        : new TextEncoder().encode(JSON.stringify(body));
  const headers: Record<string, string> = { host: url.host };
  if (bytes) headers['content-type'] = 'application/json';
  if (method === 'POST' && options.idempotencyKey !== false) headers['idempotency-key'] = options.idempotencyKey ?? randomUUID();
  Object.assign(headers, options.headers);
  const key = options.key === undefined ? demoCredentials.platform.signingKey : options.key;
  if (key) {
    const signed = signRequest({ method, url: url.href, headers, body: bytes }, { key, now: options.now ?? mock.context.clock.now() });
    Object.assign(headers, signed);
  }
  return { method, url, headers, body: bytes };
}

/** Send a request to an in-process mock. */
export const send = (mock: Mock, method: string, path: string, body?: unknown, options?: RequestOptions): Promise<MockResponse> =>
  mock.handle(buildRequest(mock, method, path, body, options));
