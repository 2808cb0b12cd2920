// The standalone mock: a plain node:http server over `mock.handle()`. It builds the core's MockRequest straight from
// node's request (no Fetch Request/Response on the way, which would cost several times the core's own work per
// request), reads bodies with a hard cap, and survives whatever a client sends: a garbage request line, a missing
// Host, a header flood, an abort mid-body. `ecdx mock` runs it; the conformance harness starts it in-process. In
// test mode it also serves the mock's own fault control, /v1/test/faults (fault-control.ts). With `metrics` it counts
// every answer and push for a Prometheus on a port of its own (metrics.ts); without, the request path does no such work.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { startMetricsEndpoint } from '../protocol/index.ts';
import { createMock, MAX_BODY_BYTES, type Mock, type MockOptions } from './core/mock.ts';
import { problemResponse, PROBLEM_TYPE } from './core/respond.ts';
import { findService } from './core/services.ts';
import type { MockRequest, MockResponse } from './core/types.ts';
import { faultControl } from './fault-control.ts';
import { faultsNamed, type FaultName } from './faults/index.ts';
import type { MockMetrics, operationOf } from './metrics.ts';
import { originOf } from './origin.ts';
import { loggablePath, requestLogger, type RequestLog, type RequestLogFormat } from './request-log.ts';
import { openSqliteStore, type SqliteStore } from './sqlite-store.ts';

export type MockServerOptions = Omit<MockOptions, 'faults'> & {
  /** Faults to commit, by name (`ecdx mock --list-faults`); a test deployment changes them at run time (PUT /v1/test/faults). */
  faults?: readonly FaultName[];
  /** Interface to listen on; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Port; default 4010, 0 picks a free one (read it from `url`). */
  port?: number;
  /** Keep the mock's state in this SQLite file (better-sqlite3) instead of in memory. */
  dataFile?: string;
  /**
   * The origin clients reach the mock at and sign "@target-uri" with, e.g. `https://carrier.example` behind a proxy
   * that terminates TLS; default: the origin it listens on (`url`). Every request is verified against it, never
   * against the Host the client sent, so that a request signed for another party's origin is refused.
   */
  publicOrigin?: string;
  /**
   * Log every request, one line each (method, path, status, problem type, time; never a header, body, query value
   * or unsafe path segment): a callback that receives each entry, or a stream written in `logFormat`. Default: no
   * log, since a mock inside a test suite should stay quiet unless asked.
   */
  log?: RequestLog;
  /** The lines a stream `log` gets: `pretty` (aligned, for a person; the default) or `json` (one object per line). */
  logFormat?: RequestLogFormat;
  /**
   * Serve Prometheus metrics (requests by operation and status, their duration, push outcomes; mocks/metrics.ts) at
   * `http://host:port/metrics`, a listener apart from the mock's; port 0 picks a free one (read it from
   * `metricsUrl`). The host defaults to the mock's own. Default: no metrics, and no counting.
   */
  metrics?: { port: number; host?: string };
};

export interface MockServer {
  /** Where the mock listens, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** The origin clients sign their target URIs with: `publicOrigin` if given, else `url`. */
  publicOrigin: string;
  mock: Mock;
  /** Where the metrics are, e.g. `http://127.0.0.1:9464/metrics`, when `metrics` was given. */
  metricsUrl?: string;
  /** Stop accepting connections, let in-flight requests finish, close the mock, its store and the metrics endpoint. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';

/**
 * With the `no-body-size-limit` fault the server reads past 1 MiB, as a server without a limit would; this
 * second cap only keeps the fault from becoming a way to exhaust the mock's memory.
 */
const FAULT_BODY_CAP = 16 * MAX_BODY_BYTES;
/** How long close() waits for in-flight requests before cutting the remaining connections. */
const DRAIN_TIMEOUT_MS = 10_000;

/** `host[:port]` as RFC 9110 allows it in Host: a reg-name, IPv4 or bracketed IPv6 literal, and an optional port. */
const AUTHORITY = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)(?::\d{1,5})?$/;

/** The answer to a message that is not a well-formed HTTP request (catalogue type `bad-request`). */
const badRequest = (detail: string): MockResponse => problemResponse('bad-request', { detail });

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const {
    host = DEFAULT_HOST,
    port = DEFAULT_PORT,
    dataFile,
    faults = [],
    publicOrigin: configuredOrigin,
    log,
    logFormat,
    metrics: metricsAt,
    ...rest
  } = options;
  const logger = requestLogger(log, logFormat);
  const mockOptions: MockOptions = rest;
  if (dataFile !== undefined && mockOptions.store) throw new TypeError('give either dataFile or store, not both');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`port must be an integer from 0 to 65535, got ${port}`);
  const metricsPort = metricsAt?.port;
  if (metricsPort !== undefined && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65_535))
    throw new RangeError(`metrics port must be an integer from 0 to 65535, got ${metricsPort}`);
  // Loaded only when asked for: prom-client costs a mock without metrics nothing, not even its start-up.
  const meter = metricsAt === undefined ? undefined : await import('./metrics.ts');
  const givenOrigin = configuredOrigin === undefined ? undefined : originOf(configuredOrigin, 'publicOrigin');
  // Both known once the port is bound (port 0 picks one), which is before any request is read.
  let url = '';
  let publicOrigin = '';

  let sqlite: SqliteStore | undefined;
  if (dataFile !== undefined) {
    sqlite = openSqliteStore(dataFile);
    // A restarted mock never runs its clock back: events and idempotency records already carry later times.
    const saved = sqlite.savedVirtualTime();
    if (saved !== undefined) mockOptions.clockStart = Math.max(mockOptions.clockStart ?? Date.now(), saved);
    mockOptions.store = sqlite;
  }
  let mock: Mock;
  try {
    mock = createMock({ ...mockOptions, faults: faultsNamed(...faults) });
  } catch (error) {
    sqlite?.close();
    throw error;
  }
  const clock = mock.context.clock;
  sqlite?.trackVirtualTime(() => clock.now());
  const metering: Metering | undefined = meter && { metrics: new meter.MockMetrics(), operationOf: meter.operationOf };
  const metrics = metering?.metrics;
  if (metrics) findService(mock.context, 'pushes')?.observe?.((outcome) => metrics.pushSettled(outcome));

  let inFlight = 0;
  let closing: Promise<void> | undefined;
  let drained: (() => void) | undefined;

  // requireHostHeader: false, because node's own refusal is an empty 400; the mock answers a problem instead.
  const server = createServer({ keepAlive: true, requireHostHeader: false }, (req, res) => accept(req, res, false));
  // `Expect: 100-continue`: a body that is declared too large is refused before the client sends it.
  server.on('checkContinue', (req, res) => accept(req, res, true));
  server.keepAliveTimeout = 5_000;

  function accept(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void {
    const arrivedAt = metrics ? performance.now() : 0;
    inFlight++;
    logger?.arrived(req, res);
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
    // A client that vanished mid-response makes writes fail; there is nobody left to tell.
    res.on('error', () => undefined);
    receive(req, res, expectsContinue, arrivedAt);
  }

  // node's HTTP parser refused the bytes (bad request line, header section over 16 KiB, bad chunking): answer a
  // problem where the socket can still take one, and close, since the connection's framing is lost.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || !socket.writable) {
      socket.destroy();
      return;
    }
    logger?.unreadable(400);
    metrics?.unreadable();
    answerOnSocket(
      socket,
      error.code === 'HPE_HEADER_OVERFLOW' ? 'the header section is larger than this server accepts (16 KiB)' : 'the request is not well-formed HTTP/1.1',
    );
  });
  // CONNECT asks for a tunnel, which an ECDX endpoint never provides; node would drop the connection silently.
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    logger?.unreadable(400);
    metrics?.unreadable();
    answerOnSocket(socket, 'the request target must be a path (origin form) or an absolute http URI');
  });

  function receive(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean, arrivedAt: number): void {
    const length = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (!chunked && (length === undefined || length === '0')) {
      void dispatch(req, res, undefined, false, arrivedAt);
      return;
    }
    const cap = mock.context.fault('no-body-size-limit') ? FAULT_BODY_CAP : MAX_BODY_BYTES;
    if (!chunked && Number(length) > cap) {
      void dispatch(req, res, undefined, true, arrivedAt);
      return;
    }
    if (expectsContinue) res.writeContinue();
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      if (size + chunk.length > cap) {
        // Stop keeping what arrives; the answer goes out now and the connection is closed after it.
        done = true;
        chunks.push(chunk.subarray(0, cap - size));
        void dispatch(req, res, Buffer.concat(chunks), true, arrivedAt);
        return;
      }
      size += chunk.length;
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      void dispatch(req, res, size === 0 ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size), false, arrivedAt);
    });
    // An aborted upload: the socket is gone, so there is no one to answer.
    req.on('error', () => {
      done = true;
    });
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, body: Uint8Array | undefined, oversized: boolean, arrivedAt: number): Promise<void> {
    let response: MockResponse;
    let operation: string | undefined;
    try {
      const request = toMockRequest(req, publicOrigin, body, oversized);
      if (typeof request !== 'string' && metering) operation = metering.operationOf(mock, request);
      response = typeof request === 'string' ? badRequest(request) : (faultControl(mock, request) ?? (await mock.handle(request)));
    } catch (error) {
      console.error(`ecdx mock: ${req.method} ${loggablePath(req.url ?? '')} failed:`, error);
      response = problemResponse('internal-error', { detail: 'the mock failed to process this request; this is a bug in the mock' });
    }
    if (res.destroyed) return;
    logger?.answered(res, response);
    try {
      // An unread body leaves the connection's framing unknown; while closing, nothing more is taken on it.
      write(res, response, oversized || closing !== undefined);
    } catch (error) {
      // node refuses what cannot go on the wire (e.g. a header value with a line break a fault put there).
      console.error(`ecdx mock: ${req.method} ${loggablePath(req.url ?? '')}: the response could not be sent:`, error);
      res.statusMessage = ''; // the failed writeHead left the first status's reason phrase behind
      if (res.headersSent) res.destroy();
      else {
        const fallback = problemResponse('internal-error', { detail: 'the mock produced a response HTTP cannot carry; this is a bug in the mock' });
        logger?.answered(res, fallback);
        write(res, fallback, true);
      }
    }
    // The status that went out: the fallback's when the answer could not be sent.
    metrics?.answered(operation, res.statusCode, (performance.now() - arrivedAt) / 1000);
  }

  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      const address = server.address() as AddressInfo;
      url = `http://${urlHost(host, address)}:${address.port}`;
      publicOrigin = givenOrigin ?? url;
      resolve();
    });
  }).catch(async (error: unknown) => {
    await mock.close();
    throw error;
  });
  server.on('error', (error) => console.error('ecdx mock: server error:', error));

  let metricsEndpoint: Awaited<ReturnType<typeof startMetricsEndpoint>> | undefined;
  if (metrics && metricsAt) {
    try {
      metricsEndpoint = await startMetricsEndpoint({
        host: metricsAt.host ?? host,
        port: metricsAt.port,
        metrics: () => metrics.text(),
        contentType: metrics.contentType,
      });
    } catch (error) {
      // A metrics port in use stops the start-up, as the mock's own port would: nothing is left listening.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mock.close();
      throw error;
    }
  }

  return {
    url,
    publicOrigin,
    mock,
    ...(metricsEndpoint ? { metricsUrl: metricsEndpoint.url } : {}),
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (inFlight > 0) {
          await new Promise<void>((resolve) => {
            drained = resolve;
            setTimeout(resolve, DRAIN_TIMEOUT_MS).unref();
          });
        }
        // Keep-alive connections that served the last requests, and clients stuck half-way through a request.
        server.closeAllConnections();
        await stopped;
        await metricsEndpoint?.close();
        await mock.close();
      })();
      return closing;
    },
  };
}

/** The metrics of a server started with `metrics`, and how a request is labelled (both from metrics.ts, loaded lazily). */
interface Metering {
  metrics: MockMetrics;
  operationOf: typeof operationOf;
}

/** A 400 problem written straight to a socket whose HTTP framing is lost, then the connection closed. */
function answerOnSocket(socket: Socket, detail: string): void {
  const body = JSON.stringify(badRequest(detail).body);
  socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: ${PROBLEM_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  socket.destroySoon();
}

/** The host part of the server's URL: a wildcard address is reached through loopback. */
function urlHost(host: string, address: AddressInfo): string {
  const name = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host === 'localhost' ? 'localhost' : address.address;
  return name.includes(':') ? `[${name}]` : name;
}

/**
 * The core's request shape, or the reason the request cannot have one. Its URL is the mock's public origin and the
 * request's path and query: the client's Host (or an absolute target's authority) is whatever the client chose to
 * write, and rebuilding "@target-uri" from it would accept a request signed for any other party's origin.
 */
function toMockRequest(req: IncomingMessage, origin: string, body: Uint8Array | undefined, oversized: boolean): MockRequest | string {
  // Several field lines of one name are joined with ", " (RFC 9110 §5.3), the form signatures are computed over.
  // No prototype, so that a field named like an Object method is just a field.
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const previous = headers[name];
    headers[name] = previous === undefined ? raw[i + 1]! : `${previous}, ${raw[i + 1]!}`;
  }
  const target = req.url ?? '';
  let url: URL;
  if (target.startsWith('/')) {
    // HTTP/1.1 requires Host (RFC 9112 §3.2), though it does not decide the URL.
    const host = headers['host'];
    if (host === undefined) return 'the request has no Host header';
    if (!AUTHORITY.test(host)) return 'the Host header is not a valid host[:port]';
    // Concatenated, not resolved: a target such as //other/v1 is a path on this host, not another authority.
    try {
      url = new URL(`${origin}${target}`);
    } catch {
      return 'the request target is not a valid URI path';
    }
  } else if (/^https?:\/\//i.test(target)) {
    // Absolute form (RFC 9112 §3.2.2): its path and query are the resource; its authority, like Host, is the client's.
    try {
      const absolute = new URL(target);
      url = new URL(`${origin}${absolute.pathname}${absolute.search}`);
    } catch {
      return 'the request target is not a valid URI';
    }
  } else {
    return 'the request target must be a path (origin form) or an absolute http URI';
  }
  return { method: req.method ?? 'GET', url, headers, body, ...(oversized ? { oversized } : {}) };
}

function write(res: ServerResponse, response: MockResponse, close: boolean): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload: string | Uint8Array | undefined;
  const body = response.body;
  if (body === undefined || body === null || response.status === 204 || response.status === 304) {
    payload = undefined;
  } else if (typeof body === 'string' || body instanceof Uint8Array) {
    payload = body;
  } else {
    payload = JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  if (response.status !== 204 && response.status !== 304) {
    headers['content-length'] = String(payload === undefined ? 0 : typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength);
  }
  if (close) headers['connection'] = 'close';
  res.writeHead(response.status, headers);
  res.end(payload);
}
