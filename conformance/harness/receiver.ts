// The harness's push receiver: a node:http server that plays the platform's callback. Checks script its answers
// (500 twice then 200, 410, 429 with Retry-After …) and read every delivery it received, in order, with the
// target's webhook headers and the time each arrived.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { redactBody, redactHeaders } from './redact.ts';
import type { Exchange } from './report.ts';

export interface Delivery {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  json: unknown;
  /** Real time of arrival (epoch ms). */
  receivedAt: number;
  /** The answer the receiver gave. */
  answeredStatus: number;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

interface Endpoint {
  answers: ScriptedAnswer[];
  /** The answer after the script ran out. */
  fallback: ScriptedAnswer;
  deliveries: Delivery[];
  waiters: { count: number; resolve: () => void }[];
  record?: (exchange: Exchange) => void;
}

const MAX_PUSH_BYTES = 2 * 1024 * 1024;

export class PushReceiver {
  readonly #server: Server;
  readonly #endpoints = new Map<string, Endpoint>();
  #publicBase = '';

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Listen on host:port (port 0 = any); `publicUrl` is what the target must call when behind NAT. */
  static async start(options: { host?: string; port?: number; publicUrl?: string } = {}): Promise<PushReceiver> {
    const receiver = new PushReceiver(createServer());
    receiver.#server.on('request', (req, res) => receiver.#handle(req, res));
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
  endpoint(
    answers: ScriptedAnswer[] = [],
    fallback: ScriptedAnswer = { status: 200 },
    record?: (exchange: Exchange) => void,
  ): { url: string; deliveries: Delivery[]; waitFor: (count: number, timeoutMs: number) => Promise<boolean> } {
    const path = `/callbacks/${randomUUID()}/v1/tracking-events`;
    const endpoint: Endpoint = { answers: [...answers], fallback, deliveries: [], waiters: [], ...(record ? { record } : {}) };
    this.#endpoints.set(path, endpoint);
    return {
      url: `${this.#publicBase}${path}`,
      deliveries: endpoint.deliveries,
      waitFor: (count, timeoutMs) => this.#waitFor(endpoint, count, timeoutMs),
    };
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #waitFor(endpoint: Endpoint, count: number, timeoutMs: number): Promise<boolean> {
    if (endpoint.deliveries.length >= count) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      endpoint.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      });
    });
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const endpoint = this.#endpoints.get((req.url ?? '').split('?')[0]!);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PUSH_BYTES) chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (!endpoint) {
        res
          .writeHead(404, { 'content-type': 'application/problem+json' })
          .end('{"type":"https://ecdx.dev/problems/not-found","title":"Not found","status":404}');
        return;
      }
      const answer = endpoint.answers.shift() ?? endpoint.fallback;
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        json = undefined;
      }
      const delivery: Delivery = { path: req.url ?? '', headers, body, json, receivedAt: Date.now(), answeredStatus: answer.status };
      endpoint.deliveries.push(delivery);
      endpoint.record?.({
        kind: 'http',
        direction: 'from-target',
        request: {
          method: req.method ?? 'POST',
          url: req.url ?? '',
          headers: redactHeaders(headers),
          ...(body.length ? { body: redactBody(body.toString('utf8'))! } : {}),
        },
        response: { status: answer.status, headers: answer.headers ?? {} },
        durationMs: 0,
        at: new Date(delivery.receivedAt).toISOString(),
      });
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body ?? '');
      for (const waiter of [...endpoint.waiters]) {
        if (endpoint.deliveries.length >= waiter.count) {
          endpoint.waiters.splice(endpoint.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  }
}
