// A counterparty for the reference client's tests: a real node:http server on 127.0.0.1 that records every request,
// answers first from a script (per "METHOD path") and then as a plain carrier or platform would.
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { demoCredentials, signWebhook } from '../../../protocol/index.ts';
import type { PartyRole, PushBatch, TestActionOutcome, TrackingEvent } from '../../../schemas/src/index.ts';
import { formatTimestamp, wholeSecond } from '../../../schemas/time.ts';
import { MOCK_ORIGIN, send } from '../../testing.ts';
import type { Mock } from '../mock.ts';

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  json: unknown;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface TestCounterparty {
  /** The base URL, with a base path as a harness session has one. */
  url: string;
  requests: Recorded[];
  /** Answer the next requests to `METHOD path` with these, in order. */
  script(route: string, replies: Reply[]): void;
  /** The events GET /v1/shipments/{waybillNo}/events serves, two a page. */
  serve(waybillNo: string, events: TrackingEvent[]): void;
  /** The requests to `METHOD path` (path below the base, query left out). */
  to(route: string): Recorded[];
  close(): Promise<void>;
}

const BASE_PATH = '/session-1';
const PAGE_SIZE = 2;

export async function startCounterparty(role: PartyRole = 'carrier', schemes: string[] = ['v1a', 'v1']): Promise<TestCounterparty> {
  const requests: Recorded[] = [];
  const scripts = new Map<string, Reply[]>();
  const trajectories = new Map<string, TrackingEvent[]>();
  const sockets = new Set<Socket>();

  const plainly = (method: string, path: string, query: URLSearchParams, json: unknown): Reply => {
    if (method === 'GET' && path === '/v1/conformance') {
      const party = role === 'carrier' ? { name: 'Test Carrier', carrierCode: 'ECDXDEMO' } : { name: 'Test Platform' };
      return { status: 200, body: { ecdxVersion: '1.0.0-draft', role, party, classes: [], features: [], webhookSignatureSchemes: schemes } };
    }
    const events = /^\/v1\/shipments\/([^/]+)\/events$/.exec(path);
    if (method === 'GET' && events) {
      const all = trajectories.get(decodeURIComponent(events[1]!)) ?? [];
      const from = Number(query.get('cursor') ?? '0');
      const items = all.slice(from, from + PAGE_SIZE);
      const next = from + PAGE_SIZE < all.length ? { nextCursor: String(from + PAGE_SIZE) } : {};
      return { status: 200, body: { waybillNo: decodeURIComponent(events[1]!), items, ...next } };
    }
    if (method === 'POST' && path === '/v1/shipments') return { status: 201, body: { waybillNo: 'ECDX0000000017' } };
    if (method === 'POST' && path === '/v1/subscriptions') {
      const scheme = (json as { signatureScheme?: string }).signatureScheme;
      return {
        status: 201,
        body: { subscriptionId: 'sub_test-1', signatureScheme: scheme, ...(scheme === 'v1' ? { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' } : {}) },
      };
    }
    if (method === 'POST') return { status: 201, body: json };
    return { status: 404, body: { type: 'https://ecdx.dev/problems/not-found' } };
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) : url.pathname;
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body === '' ? undefined : JSON.parse(body);
      } catch {
        json = undefined;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
      const method = req.method ?? 'GET';
      requests.push({ method, path, query: url.searchParams, headers, body, json });
      const reply = scripts.get(`${method} ${path}`)?.shift() ?? plainly(method, path, url.searchParams, json);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    requests,
    script: (route, replies) => scripts.set(route, [...(scripts.get(route) ?? []), ...replies]),
    serve: (waybillNo, events) => trajectories.set(waybillNo, events),
    to: (route) => requests.filter((r) => `${r.method} ${r.path}` === route),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Ask the mock to perform a test action, as the harness playing its counterpart does (signed with that role's key). */
export async function act(mock: Mock, action: Record<string, unknown>): Promise<{ status: number; outcome: TestActionOutcome }> {
  const key = mock.context.role === 'carrier' ? demoCredentials.platform.signingKey : demoCredentials.carrier.signingKey;
  const response = await send(mock, 'POST', '/v1/test/actions', action, { key, idempotencyKey: false });
  return { status: response.status, outcome: response.body as TestActionOutcome };
}

/** Push a batch to a platform mock as the carrier of `subscriptionId`, signed v1a with the demo push key. */
export async function pushTo(mock: Mock, subscriptionId: string, events: TrackingEvent[]): Promise<number> {
  const batch: PushBatch = {
    batchId: `bat_${events[0]?.eventId ?? 'empty'}`,
    subscriptionId,
    carrierCode: 'ECDXDEMO',
    sentAt: formatTimestamp(wholeSecond(mock.context.clock.now())),
    events,
  };
  const body = JSON.stringify(batch);
  const headers = {
    'content-type': 'application/json',
    ...signWebhook({ id: batch.batchId, timestamp: mock.context.clock.now(), body }, demoCredentials.push.v1a.signingKey),
  };
  const response = await mock.handle({ method: 'POST', url: new URL('/v1/tracking-events', MOCK_ORIGIN), headers, body: new TextEncoder().encode(body) });
  return response.status;
}
