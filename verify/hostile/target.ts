// A hostile target for the harness's own tests: one node:http server per named misbehaviour, each something a
// vendor's endpoint (or what sits in front of it) has done or could do, and that must never hang, crash, exhaust
// or mislead the harness. It records every request that reached it, and a witness listener on another origin
// records what reached that (nothing may: the harness never leaves the target's origin).
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { classUri, conformanceClassNames } from '../../schemas/src/classes.ts';
import type { ConformanceClaim } from '../../schemas/src/index.ts';
import { schemaByName } from '../../schemas/src/index.ts';

/** What one request to the target or the witness was. */
export interface Seen {
  method: string;
  url: string;
  host: string;
}

export interface Listener {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

/** A claim of every carrier class, valid against the ConformanceClaim schema. */
export const carrierClaim = (extra: Partial<ConformanceClaim> = {}): ConformanceClaim => ({
  ecdxVersion: '1.0.0-draft',
  role: 'carrier',
  party: { name: 'Hostile Carrier', carrierCode: 'ECDXDEMO' },
  classes: conformanceClassNames.filter((c) => !c.startsWith('platform')).map(classUri) as ConformanceClaim['classes'],
  features: [],
  idempotencyKeyExpirySeconds: 86_400,
  retention: { shippingDataDays: 180, trackingEventsDays: 180 },
  signatureAlgorithms: ['ed25519', 'hmac-sha256'],
  webhookSignatureSchemes: ['v1a', 'v1'],
  maxPageSize: 100,
  ...extra,
});

type Handler = (req: IncomingMessage, res: ServerResponse, context: { witness: string }) => void;

const isClaim = (req: IncomingMessage) => req.method === 'GET' && (req.url ?? '').startsWith('/v1/conformance');

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));

/** Answer with these exact bytes on the socket, bypassing node's own checks of what a response may hold. */
const raw = (res: ServerResponse, bytes: Buffer) => {
  res.socket?.end(bytes);
};

/** Send `body` one byte a second (an idle timeout between bytes never fires). */
function trickle(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  let i = 0;
  const timer = setInterval(() => {
    if (i >= body.length || res.destroyed) {
      clearInterval(timer);
      return res.end();
    }
    res.write(body[i++]!);
  }, 1_000);
  res.on('close', () => clearInterval(timer));
}

const ANSWER = JSON.stringify({ note: 'an answer that takes its time, one byte a second' });
const MEBIBYTE = 1024 * 1024;

/** Bytes no decoder should pass through unharmed: invalid UTF-8, NUL, terminal escapes, a bidi override. */
const NASTY = Buffer.concat([
  Buffer.from('{"detail":"'),
  Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
  Buffer.from('\\u0000 \\u001b]0;owned\\u0007 \\u001b[2J \\u202e\\u0085 tail","raw":"'),
  Buffer.from([0x00, 0x1b, 0x5b, 0x33, 0x31, 0x6d]),
  Buffer.from('"}'),
]);

function flood(callbackUrl: string, budget: { left: number; big: number }): void {
  // 5,000 forged pushes, 1,000 of them 2.5 MiB, at most 16 at a time: what a hostile party that learned the
  // callback URL (or the target itself) can throw at the receiver.
  const big = Buffer.alloc(2.5 * MEBIBYTE, 'x');
  const send = () => {
    if (budget.left <= 0) return;
    budget.left -= 1;
    const large = budget.big > 0 && budget.left % 5 === 0;
    if (large) budget.big -= 1;
    const body = large
      ? big
      : Buffer.from(JSON.stringify({ batchId: `bat_forged${budget.left}`, subscriptionId: 'sub_forged', carrierCode: 'ECDXDEMO', events: [] }));
    const headers = { 'content-type': 'application/json', 'content-length': String(body.length), 'webhook-id': `msg_${budget.left}`, 'webhook-timestamp': '1' };
    const req = httpRequest(callbackUrl, { method: 'POST', headers, agent: false }, (res) => {
      res.resume();
      res.on('end', send);
      res.on('error', send);
    });
    req.on('error', send);
    req.end(body);
  };
  for (let i = 0; i < 16; i++) send();
}

/** Enough of a carrier that the push checks get as far as subscribing (and the flood starts). */
function pushingCarrier(req: IncomingMessage, res: ServerResponse, budget: { left: number; big: number }): void {
  const path = (req.url ?? '').split('?')[0]!;
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const now = new Date().toISOString();
    if (isClaim(req)) return json(res, 200, carrierClaim({ testMode: true }));
    if (path === '/v1/test/clock') return json(res, 200, { now });
    if (req.method === 'POST' && path === '/v1/shipments') return json(res, 201, (schemaByName('Shipment').examples as unknown[])[0]);
    if (req.method === 'POST' && path === '/v1/subscriptions') {
      let callbackUrl: unknown;
      try {
        callbackUrl = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { callbackUrl?: unknown }).callbackUrl;
      } catch {
        callbackUrl = undefined;
      }
      if (typeof callbackUrl === 'string' && callbackUrl.startsWith('http://127.0.0.1')) flood(callbackUrl, budget);
      const example = (schemaByName('Subscription').examples as Record<string, unknown>[])[0]!;
      return json(res, 201, { ...example, callbackUrl, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', createdAt: now });
    }
    return json(res, 200, {});
  });
}

/**
 * A carrier that claims the class client and, asked for any test action, floods the harness's judging counterparty
 * it names with the same 5,000 requests (a fifth of them 2.5 MiB) before answering that it is done.
 */
function floodingClient(req: IncomingMessage, res: ServerResponse, budget: { left: number; big: number }): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (isClaim(req)) return json(res, 200, carrierClaim({ testMode: true, testActions: ['issue-notice', 'respond-to-notice', 'notify-incident'] }));
    if (req.method === 'POST' && (req.url ?? '').startsWith('/v1/test/actions')) {
      let action: { action?: unknown; counterparty?: unknown } = {};
      try {
        action = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof action;
      } catch {}
      if (typeof action.counterparty === 'string' && action.counterparty.startsWith('http://127.0.0.1'))
        flood(`${action.counterparty}/v1/security-incidents`, budget);
      return json(res, 200, { action: action.action, outcome: 'DONE', requests: 0 });
    }
    return json(res, 200, {});
  });
}

/** The misbehaviours, by name. Each answers every request, the claim included unless it says otherwise. */
export const MISBEHAVIOURS = {
  /** Accepts the connection and never answers. */
  silent: () => {},
  /** Answers everything, the claim included, one byte a second. */
  trickle: (_req, res) => trickle(res, ANSWER),
  /** Serves a valid claim (every class, no test mode) at once; everything else one byte a second. */
  'trickle-after-claim': (req, res) => (isClaim(req) ? json(res, 200, carrierClaim()) : trickle(res, ANSWER)),
  /** Serves a valid claim (test mode too); for everything else sends the headers and half the body, then resets. */
  'reset-mid-body': (req, res) => {
    if (isClaim(req)) return json(res, 200, carrierClaim({ testMode: true }));
    const body = JSON.stringify({ note: 'cut short' });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
    res.write(body.slice(0, body.length / 2), () => res.socket?.resetAndDestroy());
  },
  /** Redirects every request, the claim's included, to itself. */
  'redirect-loop': (req, res) => res.writeHead(307, { location: req.url ?? '/' }).end(),
  /** Serves a valid claim (test mode too); redirects everything else to another origin (the witness: it must see nothing). */
  'redirect-away': (req, res, { witness }) =>
    isClaim(req) ? json(res, 200, carrierClaim({ testMode: true })) : res.writeHead(307, { location: `${witness}${req.url ?? '/'}` }).end(),
  /** A valid claim whose strings carry NUL and terminal escapes; every other body invalid UTF-8, a NUL in a header. */
  'bad-bytes': (req, res) => {
    if (isClaim(req)) return json(res, 200, carrierClaim({ party: { name: 'Hostile\u0000\u001b]0;owned\u0007\u202eCarrier', carrierCode: 'ECDXDEMO' } }));
    const head = Buffer.from(
      `HTTP/1.1 400 Bad\r\ncontent-type: application/problem+json\r\nx-nul: a\u0000b\r\ncontent-length: ${NASTY.length}\r\nconnection: close\r\n\r\n`,
    );
    if ((req.url ?? '').includes('shipments')) return raw(res, Buffer.concat([head, NASTY]));
    res.writeHead(400, { 'content-type': 'application/problem+json', 'x-odd': '\u00ff\u00fe' }).end(NASTY);
  },
  /** A 64 KiB header on every answer, the claim's included. */
  'huge-header': (req, res) => {
    res.setHeader('x-padding', 'a'.repeat(64 * 1024));
    json(res, 200, isClaim(req) ? carrierClaim() : {});
  },
  /** Serves a valid claim (test mode too); 10,000 header fields on every other answer. */
  'many-headers': (req, res) => {
    if (isClaim(req)) return json(res, 200, carrierClaim({ testMode: true }));
    for (let i = 0; i < 10_000; i++) res.setHeader(`x-h${i}`, String(i));
    json(res, 200, {});
  },
  /** A 50 MB body for every answer, the claim included. */
  'huge-claim': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(MEBIBYTE, ' ');
    let sent = 0;
    const more = () => {
      while (sent < 50 && !res.destroyed) {
        sent += 1;
        if (!res.write(chunk)) return res.once('drain', more);
      }
      res.end('{}');
    };
    res.write('{"padding":"');
    more();
  },
  /** A claim of 5,000 nested arrays (10 KB), and the same for every answer. */
  'nested-claim': (_req, res) => json(res, 200, `${'['.repeat(5_000)}${']'.repeat(5_000)}`),
  /** A claim that is not JSON. */
  'malformed-claim': (req, res) => (isClaim(req) ? json(res, 200, '{"ecdxVersion":"1.0.0-draft","role":"carrier","classes":[') : json(res, 200, '{')),
} satisfies Record<string, Handler>;

export type Misbehaviour = keyof typeof MISBEHAVIOURS | 'callback-flood' | 'counterparty-flood';

export const misbehaviours = [...Object.keys(MISBEHAVIOURS), 'callback-flood', 'counterparty-flood'] as Misbehaviour[];

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listener> {
  const seen: Seen[] = [];
  const server: Server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host ?? '' });
    handler(req, res);
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A listener on another origin that answers 200 and records what reached it. */
export const startWitness = (): Promise<Listener> => listen((_req, res) => res.writeHead(200).end('{}'));

/** The target for one misbehaviour; `witness` is the other origin a redirect may point to. */
export function startHostileTarget(name: Misbehaviour, witness: string): Promise<Listener> {
  if (name === 'callback-flood') {
    const budget = { left: 5_000, big: 1_000 };
    return listen((req, res) => pushingCarrier(req, res, budget));
  }
  if (name === 'counterparty-flood') {
    const budget = { left: 5_000, big: 1_000 };
    return listen((req, res) => floodingClient(req, res, budget));
  }
  const handler: Handler = MISBEHAVIOURS[name];
  return listen((req, res) => handler(req, res, { witness }));
}
