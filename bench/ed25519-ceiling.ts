// The ceiling ed25519 puts on any server that verifies request signatures on its event loop (issue 12 point 5,
// decision 0043): the cost of one crypto.verify against the cost of raw node:http's whole request, both measured
// here. A server doing nothing but node:http's work plus one verification serves at most
//   raw request ÷ (raw request + one verify)
// of raw node:http's requests on one core; the mock, which also routes, parses the signature fields and reads its
// store, serves less. Measured on the bench's own request: the signature base of the signed events query, and raw
// node:http answering the same page to the same load client (bench/load-client.ts) as the throughput figures.
import { verify } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { demoCredentials, ed25519PublicKey, parseSignature, rawEd25519, signatureBase, signRequest, verifySignatureValueAsync } from '../protocol/index.ts';
import { createMock } from '../mocks/core/mock.ts';
import { buildRequest } from '../mocks/testing.ts';
import { keyFor, runClient } from './load-client.ts';
import { seedShipment, startRawServer } from './mock-throughput.ts';
import { median } from './rounds.ts';

export interface Ed25519Ceiling {
  /** CPU µs per `crypto.verify` with the KeyObject the keyring holds (imported once, when the key was registered). */
  verifyMicros: number;
  /** CPU µs per `crypto.verify` when the public key is imported from its raw 32 bytes for each request. */
  verifyImportingKeyMicros: number;
  /** µs of event-loop time per verification handed to libuv's pool (`verifySignatureValueAsync`, 16 in flight). */
  offThreadVerifyLoopMicros: number;
  /** Server CPU µs per answered request of raw node:http under the bench's load (user + system, this process). */
  rawRequestMicros: number;
  /** The same load's wall time per answered request (1 / req/s), which the throughput ratios are taken over. */
  rawRequestWallMicros: number;
  /** rawRequestMicros ÷ (rawRequestMicros + verifyMicros): the best mock ÷ raw a server verifying on its event loop reaches. */
  ceilingRatio: number;
  /** The same with only `offThreadVerifyLoopMicros` on the event loop: the bound when another core checks the value. */
  offThreadCeilingRatio: number;
}

export interface CeilingOptions {
  /** Rounds of each measurement; each figure is the median. */
  rounds?: number;
  /** Verifications per round. */
  verifies?: number;
  /** Requests per round of the raw node:http load. */
  requests?: number;
}

/**
 * `count` calls of `fn`: CPU µs per call (user + system of this process, which runs nothing else meanwhile). CPU
 * time rather than wall time, so that a neighbour on a shared machine does not count as the call's cost.
 */
function microsPerCall(count: number, fn: () => unknown): number {
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) fn();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / count;
}

/** Event-loop time per verification when `count` of them go to libuv's pool, `inFlight` at a time. */
async function loopMicrosPerOffThreadVerify(count: number, check: () => Promise<boolean>, inFlight = 16): Promise<number> {
  const before = performance.eventLoopUtilization();
  let started = 0;
  const lane = async () => {
    while (started < count) {
      started++;
      if (!(await check())) throw new Error('the bench signature does not verify');
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return (performance.eventLoopUtilization(before).active * 1000) / count;
}

export async function measureEd25519Ceiling(options: CeilingOptions = {}): Promise<Ed25519Ceiling> {
  const { rounds = 5, verifies = 2_000, requests = 5_000 } = options;
  const key = keyFor('ed25519');
  const mock = createMock({ clockSpeed: 0 });
  const raw = await startRawServer();
  try {
    const path = await seedShipment(mock, 'ed25519');
    const now = mock.context.clock.now();
    const page = await mock.handle(buildRequest(mock, 'GET', path, undefined, { key }));
    if (page.status !== 200) throw new Error(`the events query answered ${page.status}`);
    raw.setBody(page.body);

    // The bench's request as the server verifies it: its signature base and signature value.
    const url = `${raw.url}${path}`;
    const request = { method: 'GET', url, headers: signRequest({ method: 'GET', url, headers: {} }, { key, now }) };
    const parsed = parseSignature(request);
    if (!parsed.ok) throw new Error(parsed.detail);
    const data = Buffer.from(signatureBase(request, parsed.components, parsed.params), 'utf8');
    const { signature } = parsed;
    const held = demoCredentials.platform.verificationKey;
    const rawPublicKey = rawEd25519(held.key);
    const base = data.toString('utf8');

    const cached: number[] = [];
    const importing: number[] = [];
    const offThread: number[] = [];
    for (let round = 0; round < rounds; round++) {
      cached.push(microsPerCall(verifies, () => verify(null, data, held.key, signature)));
      importing.push(microsPerCall(verifies, () => verify(null, data, ed25519PublicKey(rawPublicKey), signature)));
      offThread.push(await loopMicrosPerOffThreadVerify(verifies, () => verifySignatureValueAsync(held, base, signature)));
    }

    const plan = (count: number) => ({
      url: raw.url,
      method: 'GET' as const,
      path,
      now,
      algorithm: 'ed25519' as const,
      requests: count,
      connections: 4,
      pipelining: 16,
      timeLimitMs: 20_000,
    });
    await runClient(plan(Math.min(2_000, requests)));
    const loads = [];
    for (let round = 0; round < rounds; round++) loads.push(await runClient(plan(requests)));
    const rawRequestMicros = median(loads.map((l) => (l.serverCpuSeconds * 1e6) / l.answered));
    const rawRequestWallMicros = median(loads.map((l) => 1e6 / l.requestsPerSecond));
    const verifyMicros = median(cached);
    const offThreadVerifyLoopMicros = median(offThread);
    return {
      verifyMicros,
      verifyImportingKeyMicros: median(importing),
      offThreadVerifyLoopMicros,
      rawRequestMicros,
      rawRequestWallMicros,
      ceilingRatio: rawRequestMicros / (rawRequestMicros + verifyMicros),
      offThreadCeilingRatio: rawRequestMicros / (rawRequestMicros + offThreadVerifyLoopMicros),
    };
  } finally {
    await raw.close();
    await mock.close();
  }
}
