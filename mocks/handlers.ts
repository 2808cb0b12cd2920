// The mock as msw 2 request handlers, for in-process use: `setupServer(...handlers)` in a vendor's tests intercepts
// their HTTP client's calls and answers them with the reference behaviour, no socket involved.
//
// Paths are absolute, never relative: msw resolves a relative handler path against `location`, which Node does not
// have, so `/v1/shipments` would match nothing there (and `getResponse` would need `{ baseUrl }` on every call).
// Without `baseUrl` the handlers match any origin (`*/v1/shipments`), so whatever base URL a vendor's client is
// configured with is intercepted; with `baseUrl` they match that origin only, leaving other hosts alone.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { operations, type OperationSpec } from '../spec/openapi/operations.ts';
import { createMock, MAX_BODY_BYTES, type Mock, type MockOptions } from './core/mock.ts';
import { servesRole } from './core/routes.ts';
import type { MockRequest, MockResponse } from './core/types.ts';
import { faultsNamed, type FaultName } from './faults/index.ts';
import { originOf } from './origin.ts';

export type HandlersOptions = Omit<MockOptions, 'faults'> & {
  /** Faults to commit, by name (`ecdx mock --list-faults`); `mock.useFaults()` changes them between tests. */
  faults?: readonly FaultName[];
  /**
   * Origin to intercept, e.g. `https://carrier.example`; default: any origin. Must not carry a path. Only requests to
   * it reach the mock, so signatures are verified against it ("@target-uri" is the URL the client fetched).
   */
  baseUrl?: string;
};

const methods = { get: http.get, post: http.post, delete: http.delete } as const;

/** msw handlers over a fresh mock, and the mock (to move its clock, inspect its store, close it). */
export function createHandlers(options: HandlersOptions = {}): { handlers: HttpHandler[]; mock: Mock } {
  const { baseUrl, faults = [], ...mockOptions } = options;
  const mock = createMock({ ...mockOptions, faults: faultsNamed(...faults) });
  return {
    handlers: buildHandlers(
      () => mock,
      mock.routes.map((route) => route.operation),
      baseUrl,
    ),
    mock,
  };
}

let defaultMock: Mock | undefined;

/** The mock behind the default `handlers`, created on first use (role both, clock at real speed). */
export function defaultHandlersMock(): Mock {
  defaultMock ??= createMock();
  return defaultMock;
}

/**
 * Ready-made handlers over one shared default mock, which is created on the first intercepted request, not when
 * this module loads. For state isolated per test, use `createHandlers()` instead.
 */
export const handlers: HttpHandler[] = buildHandlers(
  defaultHandlersMock,
  operations.filter((operation) => servesRole(operation, 'both')),
  undefined,
);

/** One msw handler per operation (msw path syntax, so msw's matching and `listHandlers()` work), around them two catch-alls. */
function buildHandlers(mockOf: () => Mock, served: readonly OperationSpec[], baseUrl: string | undefined): HttpHandler[] {
  const origin = baseUrl === undefined ? '*' : originOf(baseUrl);
  const resolve = async ({ request }: { request: Request }) => toHttpResponse(await mockOf().handle(await toMockRequest(request, mockOf())));
  const underV1 = (url: URL) => (baseUrl === undefined || url.origin === origin) && url.pathname.startsWith('/v1/');
  // msw decodes path parameters with decodeURIComponent and throws on a malformed escape (`/v1/shipments/%E0`),
  // failing the whole lookup; such paths go straight to the core, which answers 404, before any route is parsed.
  // A regular expression, not a predicate (which msw has only since 2.11) nor a pattern (whose wildcard msw decodes,
  // failing on the very paths this is for): the resolver passes on (undefined) what it does not take.
  const malformed = http.all(/\/v1\//, (info) => {
    const url = new URL(info.request.url);
    return underV1(url) && !decodable(url.pathname) ? resolve(info) : undefined;
  });
  const routeHandlers = served.map((operation) => methods[operation.method](`${origin}${operation.path.replace(/\{(\w+)\}/g, ':$1')}`, resolve));
  // Whatever no route matched but lies under /v1 goes to the core too, which answers 404 or 405 with a problem.
  const fallback = http.all(`${origin}/v1/*`, async (info) => {
    if (!new URL(info.request.url).pathname.startsWith('/v1/')) return undefined; // `*/v1/*` also matches /x/v1/…
    return resolve(info);
  });
  return [malformed, ...routeHandlers, fallback];
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** A Fetch Request as the core's MockRequest; a body past MAX_BODY_BYTES is cut there and flagged. */
export async function toMockRequest(request: Request, mock?: Mock): Promise<MockRequest> {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cap = mock?.context.fault('no-body-size-limit') ? Number.POSITIVE_INFINITY : MAX_BODY_BYTES;
  const { body, oversized } = request.body ? await readCapped(request.body, cap) : { body: undefined, oversized: false };
  return { method: request.method, url: new URL(request.url), headers, body, ...(oversized ? { oversized } : {}) };
}

async function readCapped(stream: ReadableStream<Uint8Array>, cap: number): Promise<{ body: Uint8Array | undefined; oversized: boolean }> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > cap) {
      chunks.push(value.subarray(0, cap - size));
      size = cap;
      // Not awaited: cancelling one branch of a tee'd body (msw clones requests) settles only when the other
      // branch is cancelled too.
      reader.cancel().catch(() => undefined);
      return { body: concat(chunks, size), oversized: true };
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { body: size === 0 ? undefined : concat(chunks, size), oversized: false };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The core's MockResponse as msw's HttpResponse: strings and bytes as they are, anything else as JSON. */
export function toHttpResponse(response: MockResponse): HttpResponse<BodyInit> {
  const headers = new Headers(response.headers);
  let body: BodyInit | null = null;
  const value = response.body;
  if (value !== undefined && value !== null && response.status !== 204 && response.status !== 304) {
    if (typeof value === 'string') {
      body = value;
    } else if (value instanceof Uint8Array) {
      body = value as Uint8Array<ArrayBuffer>;
    } else {
      body = JSON.stringify(value);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
  }
  return new HttpResponse(body, { status: response.status, headers });
}
