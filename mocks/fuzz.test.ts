// Hostile input against the standalone mock over real HTTP: malformed bodies, bad bytes, wrong media types, absurd
// keys, garbage signatures, random targets, oversized bodies (mocks/test-support/hostile-requests.ts). Every answer
// must be a 4xx RFC 9457 problem from the catalogue — never a 5xx, never a dropped connection — and afterwards the
// server must still serve health and a correctly signed request.
import fc from 'fast-check';
import { Pool } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoCredentials, generateEd25519SigningKey, signRequest, signWebhook, type SigningKey } from '../protocol/index.ts';
import { matchRoute } from './core/routes.ts';
import { PROBLEM_TYPE } from './core/respond.ts';
import { startMockServer, type MockServer } from './server.ts';
import { violations } from '../schemas/validate.ts';
import { problemDefects } from './test-support/problems.ts';
import { hostileRequest, type HostilePlan } from './test-support/hostile-requests.ts';
import { shipmentRequest } from './test-support/requests.ts';
import { HOUR } from '../schemas/time.ts';

const RUNS = 1_200;
const SEED = Number(process.env['ECDX_FUZZ_SEED'] ?? 20_260_301);
/** A problem is a short document: a large one would mean the server echoed the request. */
const MAX_PROBLEM_BYTES = 16 * 1024;

let server: MockServer;
let pool: Pool;
beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1', selfCheck: true });
  pool = new Pool(server.url, { connections: 4 });
});
afterAll(async () => {
  await pool?.close();
  await server?.close();
});

const signers: Record<string, { key: SigningKey; shift?: number }> = {
  platform: { key: demoCredentials.platform.signingKey },
  hmac: { key: demoCredentials.platformHmac },
  carrier: { key: demoCredentials.carrier.signingKey },
  expired: { key: demoCredentials.platform.signingKey, shift: -HOUR },
  future: { key: demoCredentials.platform.signingKey, shift: HOUR },
  stranger: { key: generateEd25519SigningKey('ecdx-fuzz-stranger') },
};

/** The field lines to send: the plan's own, then its signature (computed over the fields as the server joins them). */
function fieldLines(plan: HostilePlan): string[] {
  const lines = plan.headers.flat();
  const joined: Record<string, string> = {};
  for (const [name, value] of plan.headers) joined[name] = name in joined ? `${joined[name]}, ${value}` : value;
  const { signing } = plan;
  if (signing === 'none') return lines;
  if (typeof signing === 'object') return [...lines, 'signature-input', signing.input, 'signature', signing.signature];
  if (signing === 'push') {
    const id = (() => {
      try {
        const batchId = (JSON.parse(new TextDecoder().decode(plan.body)) as { batchId?: unknown }).batchId;
        return typeof batchId === 'string' && /^[^\s.]{1,256}$/.test(batchId) ? batchId : 'batch-fuzz-0001';
      } catch {
        return 'batch-fuzz-0001';
      }
    })();
    return [...lines, ...Object.entries(signWebhook({ id, body: plan.body ?? new Uint8Array() }, demoCredentials.push.v1a.signingKey)).flat()];
  }
  const signer = signers[signing]!;
  const signed = signRequest(
    { method: plan.method, url: `${server.url}${plan.path}`, headers: joined, body: plan.body },
    { key: signer.key, now: Date.now() + (signer.shift ?? 0) },
  );
  return [...lines, ...Object.entries(signed).flat()];
}

/** What is wrong with the answer to `plan`; empty when it is acceptable. */
function defectsOf(plan: HostilePlan, status: number, contentType: string | undefined, text: string): string[] {
  if (status >= 500) return [`${status} for a fault of the client`];
  // Concatenated as the server does it: `//x` is a path here, not another authority.
  const route = matchRoute(server.mock.routes, plan.method, new URL(`${server.url}${plan.path}`).pathname);
  const routable = route.kind === 'found' && (!route.route.operation.signed || plan.signing !== 'none');
  if (status < 400) {
    if (!plan.mayPass && !(plan.kind === 'random target' && routable)) return [`${status} for a request that must be refused`];
    return status === 204 || contentType?.startsWith('application/json') ? [] : [`${status} with content-type ${contentType}`];
  }
  if (status >= 500 || status < 400) return [`status ${status}`];
  if (plan.method === 'HEAD') return contentType === PROBLEM_TYPE ? [] : [`HEAD answered with ${contentType}`];
  if (Buffer.byteLength(text) > MAX_PROBLEM_BYTES) return [`a problem of ${Buffer.byteLength(text)} bytes`];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`a body that is not JSON: ${text.slice(0, 80)}`];
  }
  return problemDefects(status, contentType, body);
}

it('answers every hostile request with a 4xx problem and keeps serving', async () => {
  let sent = 0;
  let refusedByClient = 0;
  const stats = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(hostileRequest, async (plan) => {
      let response: Awaited<ReturnType<typeof pool.request>>;
      try {
        response = await pool.request({ method: plan.method as 'GET', path: plan.path, headers: fieldLines(plan), body: plan.body });
      } catch (error) {
        // undici refuses to put some values on the wire (control characters in a field): nothing reached the server.
        if ((error as { code?: string }).code === 'UND_ERR_INVALID_ARG') {
          refusedByClient++;
          // A refused request can leave the pool one connection short; start a fresh one rather than stall.
          await pool.destroy();
          pool = new Pool(server.url, { connections: 4 });
          return;
        }
        throw new Error(`${plan.kind} ${plan.method} ${plan.path.slice(0, 100)}: ${(error as Error).message}`);
      }
      sent++;
      if (process.env['ECDX_FUZZ_STATS']) stats.set(`${plan.kind} ${response.statusCode}`, (stats.get(`${plan.kind} ${response.statusCode}`) ?? 0) + 1);
      const text = await response.body.text();
      const contentType = response.headers['content-type'] as string | undefined;
      const defects = defectsOf(plan, response.statusCode, contentType, text);
      if (defects.length > 0) {
        throw new Error(`${plan.kind} ${plan.method} ${plan.path.slice(0, 100)} → ${response.statusCode}: ${defects.join('; ')}\n${text.slice(0, 300)}`);
      }
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true, interruptAfterTimeLimit: 45_000, markInterruptAsFailure: true },
  );
  if (process.env['ECDX_FUZZ_STATS']) console.log({ sent, refusedByClient }, [...stats].sort());
  expect(sent).toBeGreaterThanOrEqual(1_000);
  expect(refusedByClient).toBeLessThan(RUNS - 1_000);

  const health = await pool.request({ method: 'GET', path: '/v1/health' });
  expect(health.statusCode).toBe(200);
  await health.body.text();
  const body = JSON.stringify(shipmentRequest('ord-after-fuzz'));
  const headers = { 'content-type': 'application/json', 'idempotency-key': 'after-fuzz-0001' };
  const signed = signRequest({ method: 'POST', url: `${server.url}/v1/shipments`, headers, body }, { key: demoCredentials.platform.signingKey });
  const created = await pool.request({ method: 'POST', path: '/v1/shipments', headers: { ...headers, ...signed }, body });
  expect(created.statusCode).toBe(201);
  expect(violations('Shipment', await created.body.json())).toEqual([]);
}, 60_000);
