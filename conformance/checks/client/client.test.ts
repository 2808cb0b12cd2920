// The client checks against a client the mock did not write: a small platform of this test's own that performs the
// test actions with fetch and signs with the independent `http-message-signatures` package. Written from the
// chapter's text, it passes; each variant that breaks one duty fails exactly that check.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSigner, httpbis } from 'http-message-signatures';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../../protocol/index.ts';
import { ShipmentRequest, type TestAction } from '../../../schemas/src/index.ts';
import { runSuite } from '../../harness/runner.ts';
import { scriptedClaim } from '../../harness/scripted-target.ts';
import { buildIncident } from '../../kit/notices.ts';
import { scriptedContext } from '../../harness/scripted-target.ts';
import { clientChecks } from './index.ts';

interface Behaviour {
  unsigned?: boolean;
  ignoresRetryAfter?: boolean;
  firstPageOnly?: boolean;
}

const KEY = demoCredentials.platform.signingKey;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request as their client sends it: signed by their library unless told not to, with a digest of the body. */
async function send(url: string, behaviour: Behaviour, method: string, body?: string, key?: string): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-digest'] = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
  }
  if (key) headers['idempotency-key'] = key;
  const fields = ['@method', '@target-uri', ...['content-type', 'content-digest', 'idempotency-key'].filter((f) => f in headers)];
  const signed = behaviour.unsigned
    ? { headers }
    : await httpbis.signMessage(
        {
          key: createSigner(KEY.key, KEY.alg, KEY.keyid),
          name: 'ecdx',
          fields,
          params: ['created', 'expires', 'nonce', 'keyid', 'alg'],
          paramValues: { nonce: randomUUID(), expires: new Date(Date.now() + 300_000) },
        },
        { method, url, headers },
      );
  return fetch(url, { method, headers: signed.headers as Record<string, string>, ...(body === undefined ? {} : { body }) });
}

/** A creating POST with a fresh key, sent again with the same key and body after 409, 429 or 503, as the chapter says. */
async function create(url: string, behaviour: Behaviour, value: unknown): Promise<number> {
  const body = JSON.stringify(value);
  const key = randomUUID();
  for (let attempt = 1; ; attempt++) {
    const response = await send(url, behaviour, 'POST', body, key);
    await response.arrayBuffer();
    if (![409, 429, 503].includes(response.status) || attempt === 4) return attempt;
    const after = Number(response.headers.get('retry-after') ?? '0.2');
    await sleep(behaviour.ignoresRetryAfter ? 10 : after * 1000);
  }
}

async function perform(action: TestAction, behaviour: Behaviour): Promise<number> {
  const base = action.counterparty;
  if (action.action === 'send-shipment')
    return create(`${base}/v1/shipments`, behaviour, { ...ShipmentRequest.examples[0], platformOrderId: `ord-${randomUUID().slice(0, 8)}` });
  if (action.action === 'notify-incident') {
    const { t } = scriptedContext({ role: 'carrier' });
    return create(`${base}/v1/security-incidents`, behaviour, { ...buildIncident(t), reportedBy: { name: 'Their Platform', role: 'platform' } });
  }
  if (action.action === 'pull-trajectory') {
    let cursor: string | undefined;
    let requests = 0;
    do {
      const response = await send(`${base}/v1/shipments/${action.waybillNo}/events${cursor ? `?cursor=${cursor}` : ''}`, behaviour, 'GET');
      requests++;
      cursor = ((await response.json()) as { nextCursor?: string }).nextCursor;
    } while (cursor && !behaviour.firstPageOnly);
    return requests;
  }
  return 0;
}

/** Their platform's test deployment: a claim of class client and the test actions it offers. */
async function theirPlatform(behaviour: Behaviour): Promise<{ url: string; server: Server }> {
  const claim = scriptedClaim('platform', ['client'], { testMode: true, testActions: ['send-shipment', 'pull-trajectory', 'notify-incident'] });
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url?.startsWith('/v1/conformance')) return reply(200, claim);
    if (req.method === 'POST' && req.url === '/v1/test/actions') {
      const action = JSON.parse(Buffer.concat(chunks).toString()) as TestAction;
      const requests = await perform(action, behaviour);
      return reply(200, { action: action.action, outcome: 'DONE', requests });
    }
    return reply(404, { title: 'not served' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let running: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => running?.close(resolve));
  running = undefined;
});

async function statuses(behaviour: Behaviour): Promise<Record<string, string>> {
  const { url, server } = await theirPlatform(behaviour);
  running = server;
  const report = await runSuite({ target: url, role: 'platform', checks: clientChecks, timeoutMs: 10_000, settleMs: 200 });
  return Object.fromEntries(report.results.filter((r) => r.status !== 'skipped').map((r) => [r.checkId, r.status]));
}

const CORRECT = {
  'client/requests-signed': 'passed',
  'client/creating-requests-keyed': 'passed',
  'client/idempotency-keys-random': 'passed',
  'client/retry-keeps-key': 'passed',
  'client/retry-after-honoured': 'passed',
  'client/shipping-data-minimal': 'passed',
  'client/trajectory-read-to-the-end': 'passed',
  'client/incident-notified-in-time': 'passed',
};

describe('the client checks against a platform client of their own', () => {
  it('pass a client written from the text, whose actions they did not see coming; the actions it does not offer are not judged', async () => {
    const found = await statuses({});
    expect(found).toMatchObject(CORRECT);
    // It lists no subscribe, issue-notice or respond-to-notice: those checks cannot observe it, and do not pass.
    for (const id of ['client/gap-repaired-by-pull', 'client/notice-before-interruption', 'client/issuer-holds-its-notice', 'client/actions-served'])
      expect(found[id]).not.toBe('passed');
  }, 60_000);

  it.each([
    [{ unsigned: true }, 'client/requests-signed', 'failed'],
    [{ ignoresRetryAfter: true }, 'client/retry-after-honoured', 'failed'],
    [{ firstPageOnly: true }, 'client/trajectory-read-to-the-end', 'failed'],
  ] as const)(
    '%j fails %s and no other of the checks a correct client passes',
    async (behaviour, checkId, status) => {
      const found = await statuses(behaviour);
      expect(found[checkId]).toBe(status);
      expect(
        Object.fromEntries(
          Object.entries(CORRECT)
            .filter(([id]) => id !== checkId)
            .map(([id]) => [id, found[id]]),
        ),
      ).toEqual(Object.fromEntries(Object.entries(CORRECT).filter(([id]) => id !== checkId)));
    },
    60_000,
  );
});
