// The harness as a judging counterparty (issue 15): a node:http server that plays the carrier to a platform's client,
// or the platform to a carrier's, answers as a correct counterparty would, and records every request its client sends,
// with the verdict of the reference verifier on its signature. It refuses no request for breaking a client duty it
// judges (an unsigned request, a missing Idempotency-Key): it records the breach and answers as to a valid request,
// so that one broken duty shows as one failed requirement and does not hide the others (decision 0050).
//
// Each check gets a session of its own under a fresh base path (`/c/<id>`), as each gets a callback URL of its own
// on the push receiver: the requests of checks that run at once never mix. `ecdx serve` uses the root session.
// A client may be slow, broken or hostile: bodies are capped at the standard's 1 MiB, the requests kept are bounded,
// and connections at once are limited.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { authenticationFor, Keyring, NonceCache, verifyContentDigest, verifyRequest, type SigningKey, type VerificationKey } from '../../../protocol/index.ts';
import type { PartyRole } from '../../../schemas/src/index.ts';
import { SECOND } from '../../../schemas/time.ts';
import { evidenceBody, readJson } from '../target-text.ts';
import { redactHeaders } from '../redact.ts';
import { bodySchemaOf } from '../member-meaning.ts';
import { readBoundedBody } from '../bounded-body.ts';
import type { Exchange } from '../report.ts';
import { CounterpartyState, problem, type Answer } from './answers.ts';
import { matchOperation } from './routes.ts';

/** What the reference verifier said of a request's signature (ECDX-SEC-001). */
export type SignatureVerdict =
  | { kind: 'verified'; keyid: string; created: number; nonce: string; components: string[] }
  | { kind: 'refused'; detail: string; detailZh: string }
  /** GET /v1/conformance and GET /v1/health are not signed. */
  | { kind: 'unsigned-operation' };

/** One request the client sent, as it arrived, and the answer it got. */
export interface ClientRequest {
  /** Its place among the session's requests, from 1. */
  seq: number;
  method: string;
  /** The path under the session's base (`/v1/shipments`). */
  path: string;
  query: URLSearchParams;
  /** The URL as the client addressed it. */
  url: string;
  /** The operation of the standard it calls, when it calls one. */
  operationId: string | undefined;
  params: Record<string, string>;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
  json: unknown;
  /** Real time of arrival (epoch ms). */
  receivedAt: number;
  signature: SignatureVerdict;
  /** Set when a Content-Digest field came with it and did not match the body. */
  digestProblem?: string;
  /** The same, in Chinese (for a report read in Chinese). */
  digestProblemZh?: string;
  answer: { status: number; headers: Record<string, string>; body: string };
}

/** An answer a check scripts for the next request of an operation, in place of the counterparty's own. */
export interface ScriptedReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface CounterpartySession {
  /** The base URL to name in a test action (the part before /v1). */
  readonly url: string;
  /** Every request of this session, in order of arrival (kept up to date in place). */
  readonly requests: readonly ClientRequest[];
  readonly state: CounterpartyState;
  /** Answer the next requests of `operationId` with these, in order, before answering as the counterparty would. */
  script(operationId: string, replies: readonly ScriptedReply[]): void;
  /** The first request that `match` accepts, waiting for it up to `timeoutMs`; undefined when none came. */
  waitFor(match: (request: ClientRequest) => boolean, timeoutMs: number): Promise<ClientRequest | undefined>;
  /** Record each request from now on as evidence (a check's), until the returned function is called. */
  recordTo(record: (exchange: Exchange) => void): () => void;
  /**
   * Remove the requests kept so far and hand them over, freeing what the server keeps for them: a reader that runs
   * for weeks (the monitor) takes them as they come, so that the session's bounds never fill.
   */
  take(): ClientRequest[];
  /** Forget the session: its URL answers 404 from now on. */
  end(): void;
}

export interface CounterpartyOptions {
  /** The role the harness plays: `carrier` towards a platform's client, `platform` towards a carrier's. */
  role: PartyRole;
  host?: string;
  port?: number;
  /** What the client must call when it reaches the harness through NAT or a tunnel. */
  publicUrl?: string;
  /** The keys the client signs with, as the counterparty has registered them. */
  clientKeys: readonly (VerificationKey | SigningKey)[];
  /** The client's current time (epoch ms): a test deployment's clock, by which its signatures' freshness is judged. */
  clientNow?: () => number;
  /**
   * Called on `POST /v1/test/finish` to the server's root, which is then answered 202 (`ecdx serve`: the client's
   * script says it is done). Without it that path is no route of the harness's and answers 404.
   */
  onFinish?: () => void;
}

/** Where whoever drives the client says it is done (`ecdx serve`), at the server's root. */
export const FINISH_PATH = '/v1/test/finish';
/** The standard's body limit (ECDX-ERR-009). */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REQUESTS_PER_SESSION = 500;
const MAX_KEPT_BYTES = 64 * 1024 * 1024;
const MAX_CONNECTIONS = 32;
/** Requests recorded as evidence per session; later ones are kept for judging but not repeated in the report. */
const MAX_RECORDED_PER_SESSION = 100;

interface Session extends CounterpartySession {
  requests: ClientRequest[];
  scripts: Map<string, ScriptedReply[]>;
  waiters: Set<{ match: (r: ClientRequest) => boolean; resolve: (r: ClientRequest | undefined) => void }>;
  recorders: Set<(exchange: Exchange) => void>;
  recorded: number;
  /** Requests received, those taken included: the next one's seq is one more. */
  received: number;
}

export class CounterpartyServer {
  readonly role: PartyRole;
  readonly #server: Server;
  readonly #sessions = new Map<string, Session>();
  readonly #keyring: Keyring;
  readonly #nonces = new NonceCache({ maxEntries: 100_000 });
  readonly #clientNow: () => number;
  readonly #onFinish: (() => void) | undefined;
  #publicBase = '';
  #keptBytes = 0;

  private constructor(options: CounterpartyOptions) {
    this.role = options.role;
    this.#keyring = new Keyring(options.clientKeys);
    this.#clientNow = options.clientNow ?? Date.now;
    this.#onFinish = options.onFinish;
    this.#server = createServer({ headersTimeout: 10 * SECOND, requestTimeout: 30 * SECOND });
    this.#server.maxConnections = MAX_CONNECTIONS;
    this.#server.on('request', (req, res) => this.#handle(req, res));
    this.#server.on('clientError', (_error, socket) => socket.destroy());
  }

  static async start(options: CounterpartyOptions): Promise<CounterpartyServer> {
    const server = new CounterpartyServer(options);
    await new Promise<void>((resolve, reject) => {
      server.#server.once('error', reject);
      server.#server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = server.#server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    server.#publicBase = (options.publicUrl ?? `http://${host}:${address.port}`).replace(/\/$/, '');
    return server;
  }

  /** The server's own base URL (the root session's). */
  get url(): string {
    return this.#publicBase;
  }

  /**
   * A session under a fresh base path; `root` serves at the server's own base (one client, `ecdx serve`); `id` (a
   * UUID) names the path instead of a fresh one, so that a monitor restarted with its state keeps the URL its
   * counterparty was given.
   */
  session(options: { root?: boolean; id?: string } = {}): CounterpartySession {
    if (options.id !== undefined && !/^[0-9a-f-]{36}$/.test(options.id)) throw new TypeError(`a session id is a UUID, not '${options.id}'`);
    const prefix = options.root ? '' : `/c/${options.id ?? randomUUID()}`;
    const session: Session = {
      url: `${this.#publicBase}${prefix}`,
      requests: [],
      state: new CounterpartyState(this.role),
      scripts: new Map(),
      waiters: new Set(),
      recorders: new Set(),
      recorded: 0,
      received: 0,
      script: (operationId, replies) => session.scripts.set(operationId, [...(session.scripts.get(operationId) ?? []), ...replies]),
      waitFor: (match, timeoutMs) => {
        const found = session.requests.find(match);
        if (found) return Promise.resolve(found);
        return new Promise((resolve) => {
          const waiter = {
            match,
            resolve: (r: ClientRequest | undefined) => {
              clearTimeout(timer);
              session.waiters.delete(waiter);
              resolve(r);
            },
          };
          const timer = setTimeout(() => waiter.resolve(undefined), timeoutMs);
          session.waiters.add(waiter);
        });
      },
      recordTo: (record) => {
        session.recorders.add(record);
        return () => session.recorders.delete(record);
      },
      take: () => {
        const taken = session.requests.splice(0);
        for (const request of taken) this.#keptBytes -= request.body.length;
        return taken;
      },
      end: () => {
        this.#sessions.delete(prefix);
        for (const waiter of [...session.waiters]) waiter.resolve(undefined);
      },
    };
    this.#sessions.set(prefix, session);
    return session;
  }

  async close(): Promise<void> {
    for (const session of [...this.#sessions.values()]) session.end();
    this.#server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #sessionOf(pathname: string): { session: Session; path: string } | undefined {
    const m = /^\/c\/([0-9a-f-]{36})(\/.*)?$/.exec(pathname);
    const prefix = m ? `/c/${m[1]}` : '';
    const session = this.#sessions.get(prefix);
    return session ? { session, path: m ? (m[2] ?? '/') : pathname } : undefined;
  }

  #handle(req: IncomingMessage, res: ServerResponse): undefined {
    const url = new URL(req.url ?? '/', 'http://counterparty.invalid');
    if (this.#onFinish && req.method === 'POST' && url.pathname === FINISH_PATH) {
      // Not a client's request of the standard: nothing to record or judge. The body, if any, is not read.
      this.#write(res, { status: 202 }, true);
      this.#onFinish();
      return;
    }
    const found = this.#sessionOf(url.pathname);
    if (!found) return this.#write(res, problem('not-found', 'no session of the harness at this URL'));
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return this.#write(res, problem('payload-too-large'), true);
    if (found.session.requests.length >= MAX_REQUESTS_PER_SESSION || this.#keptBytes >= MAX_KEPT_BYTES) {
      return this.#write(
        res,
        {
          ...problem('service-unavailable', 'the harness keeps no more requests'),
          headers: { 'content-type': 'application/problem+json', 'retry-after': '60' },
        },
        true,
      );
    }
    readBoundedBody(
      req,
      res,
      MAX_BODY_BYTES,
      () => this.#write(res, problem('payload-too-large'), true),
      (body) => this.#take(found.session, found.path, req, res, body),
    );
  }

  #take(session: Session, path: string, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const method = (req.method ?? 'GET').toUpperCase();
    const addressed = new URL(req.url ?? '/', `${new URL(this.#publicBase).protocol}//${headers.host ?? new URL(this.#publicBase).host}`);
    const route = matchOperation(this.role, method, path);
    const text = body.toString('utf8');
    const signature = this.#verify(method, addressed.href, path, headers, body);
    const digest = body.length > 0 && headers['content-digest'] !== undefined ? verifyContentDigest(headers['content-digest'], body) : undefined;
    const scripted = route ? session.scripts.get(route.operationId)?.shift() : undefined;
    const answer: Answer = scripted
      ? {
          status: scripted.status,
          headers: { 'content-type': scripted.status >= 400 ? 'application/problem+json' : 'application/json', ...scripted.headers },
          ...(scripted.body === undefined ? {} : { body: scripted.body }),
        }
      : route
        ? session.state.answer({
            operationId: route.operationId,
            params: route.params,
            query: addressed.searchParams,
            json: readJson(text),
            now: this.#clientNow(),
            base: session.url,
          })
        : problem('not-found', `no operation of a ${this.role} at ${method} ${path}`);
    const answerText = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    const request: ClientRequest = {
      seq: ++session.received,
      method,
      path,
      query: addressed.searchParams,
      url: addressed.href,
      operationId: route?.operationId,
      params: route?.params ?? {},
      headers,
      body,
      json: readJson(text),
      receivedAt: Date.now(),
      signature,
      ...(digest && !digest.ok ? { digestProblem: digest.detail, digestProblemZh: digest.detailZh } : {}),
      answer: { status: answer.status, headers: answer.headers ?? {}, body: answerText },
    };
    this.#keptBytes += body.length;
    session.requests.push(request);
    this.#record(session, request);
    this.#write(res, answer);
    for (const waiter of [...session.waiters]) if (waiter.match(request)) waiter.resolve(request);
  }

  #verify(method: string, url: string, path: string, headers: Record<string, string>, body: Buffer): SignatureVerdict {
    if (authenticationFor(method, path) === 'none') return { kind: 'unsigned-operation' };
    const result = verifyRequest({ method, url, headers, body }, { keyring: this.#keyring, nonceCache: this.#nonces, now: this.#clientNow() });
    if (result.ok) return { kind: 'verified', keyid: result.keyid, created: result.created, nonce: result.nonce, components: result.components };
    return { kind: 'refused', detail: result.detail, detailZh: result.detailZh };
  }

  #record(session: Session, request: ClientRequest): void {
    if (session.recorders.size === 0 || session.recorded >= MAX_RECORDED_PER_SESSION) return;
    session.recorded += 1;
    const schemaOf = (part: 'request' | 'response') =>
      bodySchemaOf({
        direction: 'to-target',
        method: request.method,
        url: request.path,
        part,
        ...(part === 'response' ? { status: request.answer.status } : {}),
      });
    const exchange: Exchange = {
      kind: 'http',
      direction: 'from-target',
      request: {
        method: request.method,
        url: request.url,
        headers: redactHeaders(request.headers),
        ...(request.body.length ? { body: evidenceBody(request.body.toString('utf8'), undefined, schemaOf('request'))! } : {}),
      },
      response: {
        status: request.answer.status,
        headers: redactHeaders(request.answer.headers),
        ...(request.answer.body ? { body: evidenceBody(request.answer.body, undefined, schemaOf('response'))! } : {}),
      },
      durationMs: 0,
      at: new Date(request.receivedAt).toISOString(),
    };
    for (const record of session.recorders) record(exchange);
  }

  #write(res: ServerResponse, answer: Answer, close = false): undefined {
    if (res.headersSent || res.destroyed) return;
    const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    if (close) res.shouldKeepAlive = false;
    res
      .writeHead(answer.status, { ...(text ? { 'content-type': 'application/json' } : {}), ...answer.headers, ...(close ? { connection: 'close' } : {}) })
      .end(text);
  }
}
