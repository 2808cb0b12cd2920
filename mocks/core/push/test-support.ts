// Test helpers for pushes: a real node:http callback on 127.0.0.1 whose answers a test scripts (200, 500, 410, 429
// with Retry-After, slow, garbage, connection reset …), and tracking events to feed the dispatcher.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DEMO_PLATFORM_KEYID, demoCredentials, signWebhook, type SigningKey, type WebhookSigningKey } from '../../../protocol/index.ts';
import {
  nodeForStatus,
  ShipmentRequest,
  type PushBatch,
  type Subscription,
  type SubscriptionRequest,
  type TrackingEvent,
  type TrackingStatus,
} from '../../../schemas/src/index.ts';
import { MOCK_ORIGIN, send } from '../../testing.ts';
import type { Fault } from '../faults.ts';
import { createMock, DEMO_CARRIER_CODE, type Mock } from '../mock.ts';
import { pushDispatcherOf } from '../operations/subscriptions.ts';
import type { Store } from '../store.ts';
import type { MockRequest } from '../types.ts';
import type { PushDispatcher } from './dispatcher.ts';
import { chinaTime } from './records.ts';

export type CallbackAnswer =
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Answer 200 only after this many real milliseconds. */
  | { delayMs: number }
  /** Bytes that are not HTTP at all. */
  | { garbage: true }
  /** Close the connection without answering. */
  | { reset: true }
  /** 200 with a body far larger than anyone should read. */
  | { hugeBodyBytes: number };

export interface Delivery {
  headers: Record<string, string>;
  body: string;
  json: unknown;
  /** Real time of arrival. */
  receivedAt: number;
}

export interface TestCallback {
  url: string;
  deliveries: Delivery[];
  /** Resolves when `count` deliveries have arrived (rejects after `timeoutMs` real milliseconds). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A callback that answers from `script` in order, then `fallback`. */
export async function startTestCallback(script: CallbackAnswer[] = [], fallback: CallbackAnswer = { status: 200 }): Promise<TestCallback> {
  const answers = [...script];
  const deliveries: Delivery[] = [];
  const sockets = new Set<Socket>();
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      deliveries.push({ headers, body, json, receivedAt: Date.now() });
      for (const waiter of waiters.filter((w) => deliveries.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      answer(answers.shift() ?? fallback, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/tracking-events`,
    deliveries,
    waitFor(count, timeoutMs = 5_000) {
      if (deliveries.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${deliveries.length} of ${count} deliveries arrived`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(scripted: CallbackAnswer, res: ServerResponse): void {
  if ('garbage' in scripted) {
    res.socket?.end('THIS IS NOT HTTP\r\n\r\n');
  } else if ('reset' in scripted) {
    res.socket?.resetAndDestroy();
  } else if ('delayMs' in scripted) {
    const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), scripted.delayMs);
    res.on('close', () => clearTimeout(timer));
  } else if ('hugeBodyBytes' in scripted) {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < scripted.hugeBodyBytes && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  } else {
    res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers }).end(scripted.body ?? '');
  }
}

let counter = 0;

/** A valid tracking event of `waybillNo`, recorded at `recordedAt` (epoch ms). */
export function trackingEvent(waybillNo: string, sequence: number, status: TrackingStatus, recordedAt: number): TrackingEvent {
  counter += 1;
  return {
    eventId: `evt_${waybillNo}_${String(sequence).padStart(4, '0')}_${counter}`,
    waybillNo,
    carrierCode: DEMO_CARRIER_CODE,
    sequence,
    status,
    node: nodeForStatus(status),
    occurredAt: chinaTime(recordedAt - 5_000),
    recordedAt: chinaTime(recordedAt),
    location: { divisionCode: '110108', facilityCode: 'BJ010-HD', facilityName: '北京海淀营业部' },
    description: `快件状态：${status}`,
    terminal: status === 'DELIVERED',
  };
}

export interface PushFixture {
  mock: Mock;
  callback: TestCallback;
  subscription: Subscription & { secret?: string };
  dispatcher: PushDispatcher;
  /** Offer events to the dispatcher as the trajectory would, for the demo platform unless told otherwise. */
  record(events: TrackingEvent[], ownerKeyid?: string): void;
  /** Move virtual time and wait for every attempt it set off. */
  advance(ms: number): Promise<void>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface PushFixtureOptions {
  answers?: CallbackAnswer[];
  fallback?: CallbackAnswer;
  subscription?: Partial<SubscriptionRequest>;
  faults?: readonly Fault[];
  attemptTimeoutMs?: number;
  store?: Store;
  clockStart?: number;
}

/** A carrier mock on a frozen clock with one subscription of the demo platform to a scripted test callback. */
export async function pushFixture(options: PushFixtureOptions = {}): Promise<PushFixture> {
  const callback = await startTestCallback(options.answers, options.fallback);
  const mock = createMock({
    clockSpeed: 0,
    selfCheck: true,
    role: 'carrier',
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.store ? { store: options.store } : {}),
    ...(options.clockStart === undefined ? {} : { clockStart: options.clockStart }),
  });
  const dispatcher = pushDispatcherOf(mock.context)!;
  dispatcher.configure({ attemptTimeoutMs: options.attemptTimeoutMs ?? 2_000 });
  const created = await send(mock, 'POST', '/v1/subscriptions', {
    callbackUrl: callback.url,
    scope: { type: 'ALL' },
    signatureScheme: 'v1a',
    ...options.subscription,
  });
  if (created.status !== 201) throw new Error(`subscription refused: ${JSON.stringify(created.body)}`);
  const settle = () => mock.context.background.idle();
  return {
    mock,
    callback,
    subscription: created.body as Subscription,
    dispatcher,
    record(events, ownerKeyid = DEMO_PLATFORM_KEYID) {
      for (const event of events) dispatcher.record(event, ownerKeyid);
    },
    async advance(ms) {
      mock.context.clock.advance(ms);
      await settle();
    },
    settle,
    async close() {
      await mock.close();
      await callback.close();
    },
  };
}

/** A push to an in-process platform mock, signed as the demo carrier signs (v1a unless other keys are given). */
export function pushRequest(
  mock: Mock,
  body: unknown,
  options: { keys?: WebhookSigningKey | WebhookSigningKey[]; timestamp?: number; id?: string; headers?: Record<string, string> } = {},
): MockRequest {
  const bytes = new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
  const id = options.id ?? String((body as { batchId?: unknown }).batchId ?? 'bat_unnamed');
  const signed = signWebhook(
    { id, timestamp: options.timestamp ?? mock.context.clock.now(), body: bytes },
    options.keys ?? demoCredentials.push.v1a.signingKey,
  );
  return {
    method: 'POST',
    url: new URL('/v1/tracking-events', MOCK_ORIGIN),
    headers: { host: new URL(MOCK_ORIGIN).host, 'content-type': 'application/json', ...signed, ...options.headers },
    body: bytes,
  };
}

/** A PushBatch of the demo carrier. */
export const pushBatch = (events: TrackingEvent[], batchId = `bat_${++counter}`): PushBatch => ({
  batchId,
  subscriptionId: 'sub_test',
  carrierCode: DEMO_CARRIER_CODE,
  sentAt: chinaTime(Date.now()),
  events,
});

/** Ship a parcel as the demo platform (or `key`); `orderId` prefixes choose the simulated path (`ecdx-happy-`, `ecdx-path-lost-` …). */
export async function ship(mock: Mock, orderId = `ecdx-happy-${++counter}`, key: SigningKey = demoCredentials.platform.signingKey): Promise<string> {
  const example = (ShipmentRequest.examples as Record<string, unknown>[])[0]!;
  const response = await send(mock, 'POST', '/v1/shipments', { ...example, platformOrderId: orderId, carrierCode: DEMO_CARRIER_CODE }, { key });
  if (response.status !== 201) throw new Error(`shipment refused: ${JSON.stringify(response.body)}`);
  return (response.body as { waybillNo: string }).waybillNo;
}

/** Every event of the trajectory as the events endpoint serves it, page after page. */
export async function trajectoryOf(mock: Mock, waybillNo: string, key: SigningKey = demoCredentials.platform.signingKey): Promise<TrackingEvent[]> {
  const events: TrackingEvent[] = [];
  let cursor: string | undefined;
  do {
    const query = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await send(mock, 'GET', `/v1/shipments/${waybillNo}/events?${query}`, undefined, { key });
    if (response.status !== 200) throw new Error(`events refused: ${JSON.stringify(response.body)}`);
    const page = response.body as { items: TrackingEvent[]; nextCursor?: string };
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return events;
}
