// The harness's HTTP client towards the target: undici, signed per the ECDX profile, every exchange recorded as
// redacted evidence. A broken or hostile target cannot hang or crash the harness: every request has a deadline,
// bodies are read up to a cap, redirects are not followed.
import { randomUUID } from 'node:crypto';
import { Agent, request, type Dispatcher } from 'undici';
import { signRequest, type SignOptions, type SigningKey } from '../../protocol/index.ts';
import { redactHeaders } from './redact.ts';
import { bodySchemaOf } from './member-meaning.ts';
import { evidenceBody, readJson } from './target-text.ts';
import type { Exchange } from './report.ts';

/** Larger answers are cut off (`--max-response-size`): the standard limits a body to 1 MiB, so a valid answer is read whole. */
export const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON (or was cut off, or nests deeper than any ECDX document). */
  json: unknown;
  /** True when the body was longer than the cap: `text` holds its first bytes only. */
  truncated?: boolean;
  durationMs: number;
  /** The request as sent (for checks that resend or alter it). */
  sent: { method: string; url: string; headers: Record<string, string>; body: Uint8Array | undefined };
}

export interface RequestSpec {
  method: string;
  /** A path under the target's base URL (`/v1/shipments`), or an absolute URL. */
  path: string;
  /** A JSON value to send. */
  body?: unknown;
  /** Bytes or text to send as they are, instead of `body`. */
  rawBody?: string | Uint8Array;
  /** Extra or overriding header fields; a value of `undefined` removes a field the client would add. */
  headers?: Record<string, string | undefined>;
  /** Sign with the run's key (default), with another key, or not at all. */
  sign?: boolean | SigningKey;
  /** The Idempotency-Key; default a fresh UUID on POST. `false` sends none. */
  idempotencyKey?: string | false;
  /** Deliberate signature faults (security checks). */
  tamper?: SignOptions['tamper'];
  /** Sign as of this time (epoch ms) instead of the target's current time. */
  signAt?: number;
  /** Alter the body after signing (a tampered-body check). */
  afterSigning?: (body: Uint8Array | undefined) => Uint8Array | undefined;
  /** The deadline of this answer, headers and body together, when it may take longer than the run's timeout (a push: up to 15 s). */
  timeoutMs?: number;
}

export class TargetUnreachable extends Error {
  override name = 'TargetUnreachable';
}

export interface ClientOptions {
  baseUrl: string;
  key: SigningKey;
  /** The deadline of each request: from sending it to the last byte of the answer. */
  timeoutMs: number;
  /** Bodies are read up to this many bytes (default DEFAULT_MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
  /** Stops every request of this client, in flight or to come (the check's or the run's deadline); its reason says why. */
  signal?: AbortSignal;
  /** The target's clock minus ours, in ms (moves when a test target's clock is advanced). */
  clockOffset: () => number;
  record: (exchange: Exchange) => void;
  /** Route requests through this undici dispatcher (a scripted target in tests, a proxy); the caller closes it. */
  dispatcher?: Dispatcher;
  /**
   * Send this header on the wire with every request, after signing and outside the evidence: who is asking (a
   * check's id), for the self-test's trace of a run (RunOptions.traceHeader). Never set on a vendor's run.
   */
  traceAs?: { header: string; value: string };
}

export class TargetClient {
  readonly #options: ClientOptions;
  readonly #agent: Dispatcher;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.#agent = options.dispatcher ?? new Agent({ connections: 16, keepAliveTimeout: 4_000, connect: { timeout: options.timeoutMs } });
  }

  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  /** The target's current time as the harness estimates it (epoch ms). */
  targetNow(): number {
    return Date.now() + this.#options.clockOffset();
  }

  async send(spec: RequestSpec): Promise<HttpResponse> {
    const url = new URL(spec.path, this.#options.baseUrl.endsWith('/') ? this.#options.baseUrl : `${this.#options.baseUrl}/`);
    if (spec.path.startsWith('/')) url.pathname = `${new URL(this.#options.baseUrl).pathname.replace(/\/$/, '')}${spec.path.split('?')[0]}`;
    let body: Uint8Array | undefined =
      spec.rawBody !== undefined
        ? typeof spec.rawBody === 'string'
          ? new TextEncoder().encode(spec.rawBody)
          : spec.rawBody
        : spec.body === undefined
          ? undefined
          : new TextEncoder().encode(JSON.stringify(spec.body));
    const headers: Record<string, string> = { host: url.host, accept: 'application/json, application/problem+json' };
    if (body !== undefined && spec.rawBody === undefined) headers['content-type'] = 'application/json';
    if (spec.method === 'POST' && spec.idempotencyKey !== false) headers['idempotency-key'] = spec.idempotencyKey ?? randomUUID();
    for (const [name, value] of Object.entries(spec.headers ?? {})) {
      if (value === undefined) delete headers[name.toLowerCase()];
      else headers[name.toLowerCase()] = value;
    }
    const key = spec.sign === false ? undefined : spec.sign === undefined || spec.sign === true ? this.#options.key : spec.sign;
    if (key) {
      const signed = signRequest(
        { method: spec.method, url: url.href, headers, body },
        { key, now: spec.signAt ?? this.targetNow(), ...(spec.tamper ? { tamper: spec.tamper } : {}) },
      );
      Object.assign(headers, signed);
    }
    if (spec.afterSigning) body = spec.afterSigning(body);
    const sent = { method: spec.method, url: url.href, headers, body };
    const started = Date.now();
    const at = new Date(started).toISOString();
    const { host: _host, ...wireHeaders } = headers; // undici sets Host from the URL
    const requestRecord = {
      method: spec.method,
      url: url.href,
      headers: redactHeaders(headers),
      ...optional(
        'body',
        body &&
          evidenceBody(
            new TextDecoder().decode(body),
            undefined,
            bodySchemaOf({ direction: 'to-target', method: spec.method, url: url.href, part: 'request' }),
          ),
      ),
    };
    const deadlineMs = spec.timeoutMs ?? this.#options.timeoutMs;
    const deadline = requestDeadline(deadlineMs, this.#options.signal);
    let answer: { status: number; headers: Record<string, string>; text: string; truncated: boolean };
    try {
      if (deadline.signal.aborted) throw deadline.signal.reason;
      const response = await request(url, {
        method: spec.method as 'GET',
        headers: this.#options.traceAs ? { ...wireHeaders, [this.#options.traceAs.header]: this.#options.traceAs.value } : wireHeaders,
        body: body === undefined ? undefined : Buffer.from(body),
        dispatcher: this.#agent,
        signal: deadline.signal,
        headersTimeout: deadlineMs,
        bodyTimeout: deadlineMs,
        maxRedirections: 0,
      } as Parameters<typeof request>[1]);
      const read = await readCapped(response.body, this.#options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
      answer = { status: response.statusCode, headers: flattenHeaders(response.headers), ...read };
    } catch (error) {
      const reason = deadline.signal.aborted ? describeAbort(deadline.signal.reason) : describeNetworkError(error, deadlineMs);
      this.#options.record({ kind: 'http', direction: 'to-target', request: requestRecord, error: reason, durationMs: Date.now() - started, at });
      throw new TargetUnreachable(`${spec.method} ${url.pathname}: ${reason}`);
    } finally {
      deadline.dispose();
    }
    const durationMs = Date.now() - started;
    const json = answer.truncated ? undefined : readJson(answer.text);
    this.#options.record({
      kind: 'http',
      direction: 'to-target',
      request: requestRecord,
      response: {
        status: answer.status,
        headers: redactHeaders(answer.headers),
        ...optional(
          'body',
          evidenceBody(
            answer.text,
            answer.truncated ? (this.#options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES) : undefined,
            bodySchemaOf({ direction: 'to-target', method: spec.method, url: url.href, part: 'response', status: answer.status }),
          ),
        ),
      },
      durationMs,
      at,
    });
    return { ...answer, json, durationMs, sent };
  }

  async close(): Promise<void> {
    if (!this.#options.dispatcher) await this.#agent.close();
  }
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]?: V }));

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

async function readCapped(body: AsyncIterable<Uint8Array> & { destroy?: () => void }, cap: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size + chunk.byteLength > cap) {
      chunks.push(chunk.subarray(0, cap - size));
      body.destroy?.();
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    size += chunk.byteLength;
    chunks.push(chunk);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

/** Why a stopped request (its deadline, or the check's or the run's) got no answer. */
class RequestDeadline extends Error {}

/**
 * One signal for a request: it aborts when the request's own deadline passes (headers and body together: an idle
 * timeout between bytes lets a target that sends one byte a second hold the harness forever) or when `stop` does.
 */
function requestDeadline(ms: number, stop: AbortSignal | undefined): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new RequestDeadline(`no answer within ${ms} ms`)), ms);
  const onStop = () => controller.abort(stop?.reason);
  if (stop?.aborted) onStop();
  else stop?.addEventListener('abort', onStop, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      stop?.removeEventListener('abort', onStop);
    },
  };
}

function describeAbort(reason: unknown): string {
  if (reason instanceof RequestDeadline) return reason.message;
  return `stopped: ${reason instanceof Error ? reason.message : String(reason ?? 'the run was stopped')}`;
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return `no answer within ${timeoutMs} ms`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was reset';
  if (code === 'ENOTFOUND') return 'the host name does not resolve';
  return `${(error as Error).message ?? String(error)}`.slice(0, 200);
}
