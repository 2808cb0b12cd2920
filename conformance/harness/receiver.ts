// The harness's push receiver: a node:http server that plays the platform's callback. Checks script its answers
// (500 twice then 200, 410, 429 with Retry-After …) and read every delivery it received, in order, with the
// target's webhook headers and the time each arrived.
//
// Anyone who learns a callback URL can post to it, and a target may flood it: the receiver takes at most 1 MiB per
// delivery (the standard's body limit), keeps a bounded number of deliveries, and — once a check names the
// subscription's key with `verifyWith` — counts only deliveries whose signature verifies. What it refuses or does
// not count is noise: counted for the report, never a delivery of the target's.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { verifyWebhook, type WebhookVerificationKey } from '../../protocol/index.ts';
import { problemType, problemTypeUri, type ProblemSlug } from '../../schemas/src/problems.ts';
import { SECOND } from '../../schemas/time.ts';
import { bodySchemaOf } from './member-meaning.ts';
import { evidenceBody, readJson } from './target-text.ts';
import { redactHeaders } from './redact.ts';
import { readBoundedBody } from './bounded-body.ts';
import type { Exchange, PushNoise } from './report.ts';

export interface Delivery {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  json: unknown;
  /** Real time of arrival (epoch ms). */
  receivedAt: number;
  /** The answer the receiver gave. */
  answeredStatus: number;
  /** Real time the answer was written (epoch ms); absent while it is held or when the target left first. */
  answeredAt?: number;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Hold the answer this long after the push arrived (at most MAX_HOLD_MS): an attempt kept waiting on purpose. */
  holdMs?: number;
}

/** The longest a scripted answer is held: well within a push attempt's 15 s. */
export const MAX_HOLD_MS = 5 * SECOND;

/** One callback URL of a check. */
export interface CallbackEndpoint {
  url: string;
  /**
   * The deliveries that count, in order of arrival (the array is kept up to date in place). Until `verifyWith` is
   * called that is every delivery taken; from then on only those whose `webhook-signature` verifies.
   */
  deliveries: Delivery[];
  waitFor: (count: number, timeoutMs: number) => Promise<boolean>;
  /**
   * Count only deliveries that verify with one of `keys` (the subscription's: its v1 secret, or the carrier's v1a
   * key), those that arrived before included: the others leave `deliveries` for `rejected`. Call it as soon as the
   * subscription's answer names the key; the timestamp's freshness is the checks' to judge, not the receiver's.
   */
  verifyWith: (keys: WebhookVerificationKey | readonly WebhookVerificationKey[]) => void;
  /** Deliveries to this URL that did not verify: how many, and the first few (a check may show one as evidence). */
  rejected: { count: number; sample: Delivery[] };
  /**
   * Remove the deliveries counted so far and hand them over, freeing what the receiver keeps for them: a reader that
   * runs for weeks (the monitor) takes them as they come, so that the receiver's bounds never fill.
   */
  take: () => Delivery[];
}

interface Endpoint extends CallbackEndpoint {
  answers: ScriptedAnswer[];
  /** The answer after the script ran out. */
  fallback: ScriptedAnswer;
  keys: readonly WebhookVerificationKey[] | undefined;
  waiters: { count: number; resolve: () => void; cancel: () => void }[];
  record?: (exchange: Exchange) => void;
  recorded: number;
}

/** The standard's body limit (ECDX-ERR-009): a larger push is refused before it is read. */
export const MAX_PUSH_BYTES = 1024 * 1024;
/** Deliveries one callback URL keeps; no check needs more than a few dozen. */
const MAX_DELIVERIES_PER_ENDPOINT = 500;
/** What the whole receiver keeps, in deliveries and in bytes; beyond it deliveries are refused with 503. */
const MAX_KEPT_DELIVERIES = 2_000;
const MAX_KEPT_BYTES = 64 * 1024 * 1024;
/** Rejected deliveries kept per URL as a sample; the rest are only counted. */
const MAX_REJECTED_SAMPLE = 5;
/** Deliveries recorded as evidence per URL; later ones are kept for the check but not repeated in the report. */
const MAX_RECORDED_PER_ENDPOINT = 100;
/** Connections at once; more are closed as they arrive, so a flood cannot fill memory with bodies in flight. */
const MAX_CONNECTIONS = 32;

const problem = (slug: ProblemSlug): string => {
  const { status, title } = problemType(slug);
  return JSON.stringify({ type: problemTypeUri(slug), title, status });
};

/** Whether a delivery's signature verifies with one of `keys`, at the time it carries. */
export function verifiedBy(delivery: Pick<Delivery, 'headers' | 'body'>, keys: WebhookVerificationKey | readonly WebhookVerificationKey[]): boolean {
  const stamp = delivery.headers['webhook-timestamp'];
  const now = stamp !== undefined && /^\d{1,12}$/.test(stamp) ? Number(stamp) * SECOND : 0;
  return verifyWebhook(delivery.headers, delivery.body, keys, { now, toleranceSeconds: Number.MAX_SAFE_INTEGER }).ok;
}

export class PushReceiver {
  readonly #server: Server;
  readonly #endpoints = new Map<string, Endpoint>();
  readonly #noise: PushNoise = { forged: 0, oversized: 0, overflow: 0, stray: 0 };
  #kept = { deliveries: 0, bytes: 0 };
  #publicBase = '';

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Listen on host:port (port 0 = any); `publicUrl` is what the target must call when behind NAT. */
  static async start(options: { host?: string; port?: number; publicUrl?: string } = {}): Promise<PushReceiver> {
    const receiver = new PushReceiver(createServer({ headersTimeout: 10 * SECOND, requestTimeout: 30 * SECOND }));
    receiver.#server.maxConnections = MAX_CONNECTIONS;
    receiver.#server.on('request', (req, res) => receiver.#handle(req, res));
    receiver.#server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      receiver.#server.once('error', reject);
      receiver.#server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = receiver.#server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    receiver.#publicBase = (options.publicUrl ?? `http://${host}:${address.port}`).replace(/\/$/, '');
    return receiver;
  }

  /** A fresh callback URL whose answers follow `answers`, then `fallback` (default 200). */
  endpoint(answers: ScriptedAnswer[] = [], fallback: ScriptedAnswer = { status: 200 }, record?: (exchange: Exchange) => void): CallbackEndpoint {
    const path = `/callbacks/${randomUUID()}/v1/tracking-events`;
    const endpoint: Endpoint = {
      url: `${this.#publicBase}${path}`,
      deliveries: [],
      rejected: { count: 0, sample: [] },
      answers: [...answers],
      fallback,
      keys: undefined,
      waiters: [],
      recorded: 0,
      ...(record ? { record } : {}),
      waitFor: (count, timeoutMs) => this.#waitFor(endpoint, count, timeoutMs),
      take: () => {
        const taken = endpoint.deliveries.splice(0);
        for (const delivery of taken) this.#release(delivery);
        return taken;
      },
      verifyWith: (keys) => {
        endpoint.keys = Array.isArray(keys) ? keys : [keys as WebhookVerificationKey];
        const judged = endpoint.deliveries.splice(0);
        for (const delivery of judged) {
          if (verifiedBy(delivery, endpoint.keys)) endpoint.deliveries.push(delivery);
          else this.#reject(endpoint, delivery);
        }
      },
    };
    this.#endpoints.set(path, endpoint);
    const { url, deliveries, waitFor, verifyWith, rejected, take } = endpoint;
    return { url, deliveries, waitFor, verifyWith, rejected, take };
  }

  /** What reached the receiver and was not taken as a delivery of the target's, so far. */
  noise(): PushNoise {
    return { ...this.#noise };
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const endpoint of this.#endpoints.values()) for (const waiter of endpoint.waiters.splice(0)) waiter.cancel();
  }

  #waitFor(endpoint: Endpoint, count: number, timeoutMs: number): Promise<boolean> {
    if (endpoint.deliveries.length >= count) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        endpoint.waiters.splice(endpoint.waiters.indexOf(waiter), 1);
        resolve(false);
      }, timeoutMs);
      const waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
        // the receiver closed: nothing more will arrive, and no timer may keep the process alive
        cancel: () => {
          clearTimeout(timer);
          resolve(false);
        },
      };
      endpoint.waiters.push(waiter);
    });
  }

  #reject(endpoint: Endpoint, delivery: Delivery): void {
    this.#noise.forged += 1;
    endpoint.rejected.count += 1;
    if (endpoint.rejected.sample.length < MAX_REJECTED_SAMPLE) endpoint.rejected.sample.push(delivery);
    else this.#release(delivery);
  }

  #release(delivery: Delivery): void {
    this.#kept.deliveries -= 1;
    this.#kept.bytes -= delivery.body.length;
  }

  /** Answer and close the connection without reading (the rest of) the body. */
  #refuse(req: IncomingMessage, res: ServerResponse, status: number, body: string, count: keyof PushNoise): void {
    this.#noise[count] += 1;
    res.shouldKeepAlive = false;
    res.writeHead(status, { 'content-type': 'application/problem+json', connection: 'close' }).end(body, () => req.socket.destroy());
  }

  #full(endpoint: Endpoint): boolean {
    return endpoint.deliveries.length >= MAX_DELIVERIES_PER_ENDPOINT || this.#kept.deliveries >= MAX_KEPT_DELIVERIES || this.#kept.bytes >= MAX_KEPT_BYTES;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const endpoint = this.#endpoints.get((req.url ?? '').split('?')[0]!);
    if (!endpoint) {
      this.#refuse(req, res, 404, problem('not-found'), 'stray');
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_PUSH_BYTES) {
      this.#refuse(req, res, 413, problem('payload-too-large'), 'oversized');
      return;
    }
    if (this.#full(endpoint)) {
      this.#refuse(req, res, 503, problem('service-unavailable'), 'overflow');
      return;
    }
    readBoundedBody(
      req,
      res,
      MAX_PUSH_BYTES,
      () => this.#refuse(req, res, 413, problem('payload-too-large'), 'oversized'),
      (body) => this.#take(endpoint, req, res, body),
    );
  }

  #take(endpoint: Endpoint, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const delivery: Delivery = { path: req.url ?? '', headers, body, json: readJson(body.toString('utf8')), receivedAt: Date.now(), answeredStatus: 0 };
    this.#kept.deliveries += 1;
    this.#kept.bytes += body.length;
    if (endpoint.keys && !verifiedBy(delivery, endpoint.keys)) {
      // Not the target's: it takes no scripted answer and counts for nothing.
      delivery.answeredStatus = 401;
      this.#reject(endpoint, delivery);
      res.writeHead(401, { 'content-type': 'application/problem+json' }).end(problem('signature-invalid'));
      return;
    }
    const answer = endpoint.answers.shift() ?? endpoint.fallback;
    delivery.answeredStatus = answer.status;
    endpoint.deliveries.push(delivery);
    if (endpoint.recorded < MAX_RECORDED_PER_ENDPOINT) {
      endpoint.recorded += 1;
      endpoint.record?.({
        kind: 'http',
        direction: 'from-target',
        request: {
          method: req.method ?? 'POST',
          url: req.url ?? '',
          headers: redactHeaders(headers),
          ...(body.length
            ? {
                body: evidenceBody(
                  body.toString('utf8'),
                  undefined,
                  bodySchemaOf({ direction: 'from-target', method: 'POST', url: delivery.path, part: 'request' }),
                )!,
              }
            : {}),
        },
        response: { status: answer.status, headers: answer.headers ?? {} },
        durationMs: 0,
        at: new Date(delivery.receivedAt).toISOString(),
      });
    }
    const answerNow = () => {
      if (res.destroyed) return;
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body ?? '');
      delivery.answeredAt = Date.now();
    };
    if (answer.holdMs) {
      const timer = setTimeout(answerNow, Math.min(MAX_HOLD_MS, answer.holdMs));
      res.on('close', () => clearTimeout(timer));
    } else answerNow();
    for (const waiter of [...endpoint.waiters]) {
      if (endpoint.deliveries.length >= waiter.count) {
        endpoint.waiters.splice(endpoint.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}
