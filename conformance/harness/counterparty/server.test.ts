// The judging counterparty: it answers as a correct carrier or platform, records every request with the verdict of
// the reference verifier, refuses no request for a client duty it judges, keeps checks' sessions apart, follows a
// check's script, and holds to its bounds against a client that floods it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCredentials, generateEd25519SigningKey, signRequest, type SigningKey } from '../../../protocol/index.ts';
import { ShipmentRequest } from '../../../schemas/src/index.ts';
import { CounterpartyServer } from './server.ts';

let server: CounterpartyServer;
beforeEach(async () => {
  server = await CounterpartyServer.start({ role: 'carrier', clientKeys: [demoCredentials.platform.verificationKey] });
});
afterEach(async () => {
  await server.close();
});

const shipment = () => structuredClone(ShipmentRequest.examples[0]) as Record<string, unknown>;

/** POST or GET as a platform's client would: signed with `key` unless it is null. */
async function send(url: string, options: { method?: string; body?: unknown; key?: SigningKey | null; idempotencyKey?: string } = {}) {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const body = options.body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(options.body));
  const headers: Record<string, string> = { host: new URL(url).host };
  if (body) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.key !== null) Object.assign(headers, signRequest({ method, url, headers, body }, { key: options.key ?? demoCredentials.platform.signingKey }));
  const { host: _host, ...wire } = headers;
  const response = await fetch(url, { method, headers: wire, ...(body ? { body } : {}) });
  return { status: response.status, json: (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined };
}

describe('CounterpartyServer', () => {
  it('answers a signed shipment 201 as a carrier would and records the request as verified', async () => {
    const session = server.session();
    const answer = await send(`${session.url}/v1/shipments`, { body: shipment(), idempotencyKey: 'k-1' });
    expect(answer.status).toBe(201);
    expect(answer.json?.waybillNo).toMatch(/^ECDXH\d{10}$/);
    expect(session.requests.map((r) => [r.operationId, r.signature.kind, r.headers['idempotency-key']])).toEqual([['createShipment', 'verified', 'k-1']]);
  });

  it('does not refuse an unsigned request or one signed with a key it does not know, and says why in the verdict', async () => {
    const session = server.session();
    expect((await send(`${session.url}/v1/shipments`, { body: shipment(), key: null })).status).toBe(201);
    expect((await send(`${session.url}/v1/shipments`, { body: shipment(), key: generateEd25519SigningKey('ecdx-demo-platform-ed25519') })).status).toBe(201);
    expect(session.requests.map((r) => r.signature.kind)).toEqual(['refused', 'refused']);
    expect(session.requests.map((r) => (r.signature.kind === 'refused' ? r.signature.detail : ''))).toEqual([
      expect.stringMatching(/signature/i),
      expect.stringMatching(/verif|signature/i),
    ]);
  });

  it('does not ask for a signature on discovery, and answers its claim as the demo carrier', async () => {
    const session = server.session();
    const claim = await send(`${session.url}/v1/conformance`, { key: null });
    expect([claim.status, (claim.json?.party as { carrierCode?: string } | undefined)?.carrierCode]).toEqual([200, 'ECDXDEMO']);
    expect(session.requests[0]?.signature.kind).toBe('unsigned-operation');
  });

  it('answers a body the schema refuses 422, as any server would', async () => {
    const session = server.session();
    const answer = await send(`${session.url}/v1/shipments`, { body: { ...shipment(), purpose: 'MARKETING' } });
    expect(answer.status).toBe(422);
  });

  it('keeps the requests of two sessions apart and forgets an ended one', async () => {
    const [a, b] = [server.session(), server.session()];
    await send(`${a.url}/v1/shipments`, { body: shipment() });
    expect([a.requests.length, b.requests.length]).toEqual([1, 0]);
    a.end();
    expect((await send(`${a.url}/v1/shipments`, { body: shipment() })).status).toBe(404);
  });

  it('answers as scripted first, then as the counterparty would', async () => {
    const session = server.session();
    session.script('createShipment', [{ status: 503, headers: { 'retry-after': '1' } }]);
    expect((await send(`${session.url}/v1/shipments`, { body: shipment() })).status).toBe(503);
    expect((await send(`${session.url}/v1/shipments`, { body: shipment() })).status).toBe(201);
    expect(session.requests[0]?.answer.headers['retry-after']).toBe('1');
  });

  it('serves a trajectory in pages joined by cursors it issued, and refuses one it did not', async () => {
    const session = server.session();
    const events = Array.from({ length: 45 }, (_, i) => ({ sequence: i + 1 })) as never[];
    session.state.serveTrajectory('ECDXT000000000001', events);
    const first = await send(`${session.url}/v1/shipments/ECDXT000000000001/events`);
    const cursor = first.json?.nextCursor as string;
    const second = await send(`${session.url}/v1/shipments/ECDXT000000000001/events?limit=100&cursor=${cursor}`);
    expect([(first.json?.items as unknown[] | undefined)?.length, (second.json?.items as unknown[] | undefined)?.length, second.json?.nextCursor]).toEqual([
      20,
      25,
      undefined,
    ]);
    expect((await send(`${session.url}/v1/shipments/ECDXT000000000001/events?cursor=forged`)).status).toBe(404);
  });

  it('waits for a request a check expects, and gives up after the time it names', async () => {
    const session = server.session();
    const arriving = session.waitFor((r) => r.operationId === 'createShipment', 5_000);
    await send(`${session.url}/v1/shipments`, { body: shipment() });
    expect((await arriving)?.seq).toBe(1);
    expect(await session.waitFor((r) => r.operationId === 'cancelShipment', 10)).toBeUndefined();
  });

  it('refuses a body over 1 MiB with 413 and keeps nothing of it', async () => {
    const session = server.session();
    const response = await fetch(`${session.url}/v1/shipments`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) }).catch(() => undefined);
    expect(response === undefined || response.status === 413).toBe(true);
    expect(session.requests).toEqual([]);
  });

  it('holds a notice it issued and takes the recipient’s responses to it', async () => {
    const session = server.session();
    const notice = {
      noticeId: 'ntc-1',
      reason: 'PLANNED_MAINTENANCE',
      issuedAt: '2026-03-01T10:00:00+08:00',
      plannedStart: '2026-03-05T10:00:00+08:00',
      impact: { severity: 'MINOR' },
      negotiation: { state: 'ISSUED', responses: [], obligations: {} },
    };
    session.state.holdIssued(notice as never);
    const response = { responseId: 'rsp-1', respondent: 'RECIPIENT', type: 'ACKNOWLEDGE', respondedAt: '2026-03-01T10:05:00+08:00' };
    const answer = await send(`${session.url}/v1/interruption-notices/ntc-1/responses`, { body: response, idempotencyKey: 'k-2' });
    expect([answer.status, (answer.json?.negotiation as { state: string } | undefined)?.state]).toEqual([201, 'ACKNOWLEDGED']);
  });
});

describe('CounterpartyServer with onFinish (ecdx serve)', () => {
  it('answers POST /v1/test/finish at its root 202, calls onFinish and records nothing; without onFinish the path answers 404', async () => {
    let finished = 0;
    const serving = await CounterpartyServer.start({ role: 'carrier', clientKeys: [demoCredentials.platform.verificationKey], onFinish: () => finished++ });
    try {
      const session = serving.session({ root: true });
      expect((await fetch(`${serving.url}/v1/test/finish`, { method: 'POST' })).status).toBe(202);
      expect([finished, session.requests.length]).toEqual([1, 0]);
    } finally {
      await serving.close();
    }
    server.session({ root: true });
    expect((await fetch(`${server.url}/v1/test/finish`, { method: 'POST' })).status).toBe(404);
  });
});
