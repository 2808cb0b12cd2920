// idempotency/in-flight-conflict against small HTTP targets (a scripted answer cannot be held): the test control
// `ecdx-test-delay-ms` is optional (chapter Test controls), so a target that does not hold the request is not judged
// on ECDX-IDM-005 and the run does not fail for it; a target that holds it has the rule checked and fails it when
// it processes the second request anyway.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { problemType, problemTypeUri, type ProblemSlug } from '../../../schemas/src/problems.ts';
import { runSuite } from '../../harness/runner.ts';
import { scriptedClaim } from '../../harness/scripted-target.ts';
import { idempotencyChecks } from './index.ts';

const check = idempotencyChecks.find((c) => c.id === 'idempotency/in-flight-conflict')!;
const claim = scriptedClaim('carrier', ['security', 'carrier-shipping'], { testMode: true });

interface Behaviour {
  /** Holds a request that carries ecdx-test-delay-ms, after registering its key. */
  holds: boolean;
  /** Answers a request whose key is in flight with 409 (else processes it as a new one). */
  refusesInFlight: boolean;
  /** Answers every creating request `200 {}` at once, creating nothing. */
  yesMan?: boolean;
  /**
   * Holds before it looks at the key, as if the held request reached it only after the second (a loaded network):
   * the second is processed, and the held one answered as its replay. The two never overlap at the target.
   */
  arrivesLate?: boolean;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

const send = (res: ServerResponse, status: number, body: unknown, type = 'application/json') =>
  res.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
const problem = (res: ServerResponse, slug: ProblemSlug) => {
  const { status, title } = problemType(slug);
  send(res, status, { type: problemTypeUri(slug), title, status }, 'application/problem+json');
};

/** A carrier that keeps every answer under its key and, in flight, the keys it is processing. */
async function target(behaviour: Behaviour): Promise<string> {
  const answers = new Map<string, unknown>();
  const inFlight = new Set<string>();
  let created = 0;
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const path = req.url ?? '';
      if (req.method === 'GET' && path.startsWith('/v1/conformance')) return send(res, 200, claim);
      if (req.method === 'GET' && path === '/v1/test/clock') return send(res, 200, { now: new Date().toISOString(), speed: 1 });
      if (req.method !== 'POST' || path !== '/v1/shipments') return problem(res, 'not-found');
      if (behaviour.yesMan) return send(res, 200, {});
      const key = String(req.headers['idempotency-key'] ?? '');
      const delay = Number(req.headers['ecdx-test-delay-ms']);
      if (behaviour.arrivesLate && delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 5_000)));
      if (answers.has(key)) return send(res, 201, answers.get(key));
      if (inFlight.has(key) && behaviour.refusesInFlight) return problem(res, 'idempotency-request-in-flight');
      inFlight.add(key);
      if (behaviour.holds && delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 5_000)));
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const now = new Date().toISOString();
      const shipment = {
        waybillNo: `ECDXDEMO${String(++created).padStart(10, '0')}`,
        carrierCode: 'ECDXDEMO',
        status: 'CREATED',
        request: body,
        createdAt: now,
        updatedAt: now,
      };
      answers.set(key, shipment);
      inFlight.delete(key);
      send(res, 201, shipment);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function outcome(behaviour: Behaviour) {
  const report = await runSuite({ target: await target(behaviour), role: 'carrier', checks: [check], timeoutMs: 10_000, settleMs: 50 });
  const { status, message } = report.results[0]!;
  return { status, message, conformant: report.conformant };
}

describe('idempotency/in-flight-conflict', () => {
  it('does not fail a test deployment that does not offer the optional delay control, and says why', async () => {
    const result = await outcome({ holds: false, refusesInFlight: true });
    // The rule does not apply to such a deployment: skipped, which fails nothing (and, alone, is no verdict).
    expect(result.status).toBe('skipped');
    expect(result.message).toMatch(/does not offer the optional test control ecdx-test-delay-ms .*ECDX-IDM-005 was not observed/);
  });

  it('never passes a target whose quick answer shows nothing was created', async () => {
    expect(await outcome({ holds: false, refusesInFlight: false, yesMan: true })).toMatchObject({
      status: 'precondition-failed',
      message: expect.stringMatching(/answered 200 at once, not 201 with a Shipment/),
    });
  });

  it('passes a target that holds the request and refuses the second with 409', async () => {
    expect(await outcome({ holds: true, refusesInFlight: true })).toMatchObject({ status: 'passed', conformant: true });
  });

  it('fails a target that holds the request but processes the second one as well', async () => {
    expect(await outcome({ holds: true, refusesInFlight: false })).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/in flight: expected HTTP 409 \(idempotency-request-in-flight\), got 201/),
    });
  });

  it('does not fail a target the held request reached only after the second: it tries again, then cannot decide', async () => {
    expect(await outcome({ holds: false, refusesInFlight: true, arrivesLate: true })).toMatchObject({
      status: 'precondition-failed',
      message: expect.stringMatching(/did not overlap at the target .*ECDX-IDM-005 was not observed/),
    });
  }, 20_000);
});
