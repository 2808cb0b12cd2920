// Throughput of the standalone mock (mocks/server.ts) against a raw node:http server, and of msw's getResponse
// path, on the request a platform makes most: a signed GET /v1/shipments/{waybillNo}/events.
//
// The servers run in this process; the load comes from a second process (load-client.ts). Raw node:http, the mock
// with the algorithm judged and the mock with the other algorithm are measured one after the other in every round,
// so that each ratio is of two rates measured in the same run, minutes of neighbours' load apart at most.
import { createServer } from 'node:http';
import { getResponse } from 'msw';
import { signRequest, type SignatureAlgorithm } from '../protocol/index.ts';
import { DEMO_CARRIER_CODE, type Mock } from '../mocks/core/mock.ts';
import { createHandlers } from '../mocks/handlers.ts';
import { startMockServer } from '../mocks/server.ts';
import { buildRequest, send } from '../mocks/testing.ts';
import { schemaByName } from '../schemas/src/index.ts';
import { keyFor, runClient, type LoadPlan, type LoadResult } from './load-client.ts';
import { median } from './rounds.ts';

export interface ThroughputOptions {
  /** Requests per measured run. */
  requests: number;
  warmup: number;
  /** Raw and mock are measured back to back this many times; the ratio reported is the median of the rounds. */
  rounds: number;
  connections: number;
  pipelining: number;
  timeLimitMs: number;
  /** The algorithm the target is measured with. */
  algorithm: SignatureAlgorithm;
  /** Requests for the other algorithm's run in each round and for msw in-process, which are slower. */
  comparisonRequests: number;
}

export interface ThroughputReport {
  path: string;
  rounds: { raw: LoadResult; mock: LoadResult; ratio: number; cpuRatio: number; other: LoadResult; otherRatio: number; otherCpuRatio: number }[];
  /** Median over the rounds of mock / raw requests per second: what the target is judged on. */
  ratio: number;
  /** Median over the rounds of mock / raw answers per second of server CPU time (a diagnostic). */
  cpuRatio: number;
  /** The mock with the other signature algorithm: the median over the rounds of its rate ÷ the same round's raw rate. */
  otherAlgorithm: { algorithm: SignatureAlgorithm; mock: LoadResult; ratio: number; cpuRatio: number };
  msw: { requestsPerSecond: number; microsecondsPerRequest: number; statuses: Record<string, number> };
  options: ThroughputOptions;
}

export const defaultThroughputOptions: ThroughputOptions = {
  requests: 20_000,
  warmup: 2_000,
  rounds: 5,
  connections: 4,
  pipelining: 16,
  timeLimitMs: 20_000,
  algorithm: 'hmac-sha256',
  comparisonRequests: 3_000,
};

/**
 * A shipment with a few days of trajectory behind it, so that the events page is a realistic body; created with
 * the key the queries are signed with, since a carrier shows a shipment only to the client that sent it.
 */
export async function seedShipment(mock: Mock, algorithm: SignatureAlgorithm): Promise<string> {
  const example = structuredClone((schemaByName('ShipmentRequest') as { examples: Record<string, unknown>[] }).examples[0]!);
  const body = { ...example, carrierCode: DEMO_CARRIER_CODE, platformOrderId: `ord-bench-${algorithm}` };
  const created = await send(mock, 'POST', '/v1/shipments', body, { key: keyFor(algorithm) });
  if (created.status !== 201) throw new Error(`the mock did not accept the bench shipment: ${created.status} ${JSON.stringify(created.body)}`);
  const waybillNo = (created.body as { waybillNo: string }).waybillNo;
  mock.context.clock.advance(3 * 24 * 3_600_000);
  await mock.context.background.idle();
  return `/v1/shipments/${encodeURIComponent(waybillNo)}/events?limit=20`;
}

export async function measureThroughput(options: ThroughputOptions = defaultThroughputOptions): Promise<ThroughputReport> {
  // Clock stopped: the pool is signed at one virtual instant and stays valid however long the run takes.
  const server = await startMockServer({ port: 0, clockSpeed: 0 });
  const raw = await startRawServer();
  try {
    const other: SignatureAlgorithm = options.algorithm === 'ed25519' ? 'hmac-sha256' : 'ed25519';
    const paths = { [options.algorithm]: await seedShipment(server.mock, options.algorithm), [other]: await seedShipment(server.mock, other) };
    const path = paths[options.algorithm]!;
    const now = server.mock.context.clock.now();

    // The raw server answers the same document the mock does: the first page of the same trajectory.
    const sample = await server.mock.handle(buildRequest(server.mock, 'GET', path, undefined, { key: keyFor(options.algorithm) }));
    if (sample.status !== 200) throw new Error(`the events query answered ${sample.status}: ${JSON.stringify(sample.body)}`);
    raw.setBody(sample.body);

    const plan = (url: string, requests: number, algorithm = options.algorithm): LoadPlan => ({
      url,
      method: 'GET',
      path: paths[algorithm]!,
      now,
      algorithm,
      requests,
      connections: options.connections,
      pipelining: options.pipelining,
      timeLimitMs: options.timeLimitMs,
    });
    await runClient(plan(raw.url, options.warmup));
    await runClient(plan(server.url, options.warmup));
    await runClient(plan(server.url, Math.min(options.warmup, options.comparisonRequests), other));
    const rounds: ThroughputReport['rounds'] = [];
    for (let round = 0; round < options.rounds; round++) {
      const rawResult = await runClient(plan(raw.url, options.requests));
      const mockResult = await runClient(plan(server.url, options.requests));
      const otherResult = await runClient(plan(server.url, options.comparisonRequests, other));
      rounds.push({
        raw: rawResult,
        mock: mockResult,
        ratio: mockResult.requestsPerSecond / rawResult.requestsPerSecond,
        cpuRatio: mockResult.requestsPerCpuSecond / rawResult.requestsPerCpuSecond,
        other: otherResult,
        otherRatio: otherResult.requestsPerSecond / rawResult.requestsPerSecond,
        otherCpuRatio: otherResult.requestsPerCpuSecond / rawResult.requestsPerCpuSecond,
      });
    }
    const otherResult = rounds.map((r) => r.other).sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(rounds.length / 2)]!;
    const msw = await measureMsw(options.comparisonRequests, options.algorithm);
    return {
      path,
      rounds,
      ratio: median(rounds.map((r) => r.ratio)),
      cpuRatio: median(rounds.map((r) => r.cpuRatio)),
      otherAlgorithm: {
        algorithm: other,
        mock: otherResult,
        ratio: median(rounds.map((r) => r.otherRatio)),
        cpuRatio: median(rounds.map((r) => r.otherCpuRatio)),
      },
      msw,
      options,
    };
  } finally {
    await raw.close();
    await server.close();
  }
}

export interface RawServer {
  url: string;
  setBody(body: unknown): void;
  close(): Promise<void>;
}

/**
 * The baseline: node:http answering the same JSON document with `status`, with no routing, checks or state. It
 * reads (and drops) a request's body, as any server must before it answers on a keep-alive connection.
 */
export async function startRawServer(status = 200): Promise<RawServer> {
  let document: unknown = {};
  const server = createServer((req, res) => {
    req.resume();
    const payload = JSON.stringify(document);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    setBody: (body) => {
      document = body;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** msw's getResponse with Fetch Request objects, in this process (no socket): what the in-process path costs. */
async function measureMsw(requests: number, algorithm: SignatureAlgorithm): Promise<ThroughputReport['msw']> {
  const { handlers, mock } = createHandlers({ clockSpeed: 0 });
  try {
    const target = `http://carrier.example${await seedShipment(mock, algorithm)}`;
    const now = mock.context.clock.now();
    const pool = Array.from({ length: requests }, () => {
      const headers = signRequest({ method: 'GET', url: target, headers: {} }, { key: keyFor(algorithm), now });
      return new Request(target, { headers: { ...headers } });
    });
    const statuses: Record<string, number> = {};
    const started = performance.now();
    for (const request of pool) {
      const response = await getResponse(handlers, request);
      await response?.arrayBuffer();
      const status = String(response?.status ?? 'unhandled');
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    const seconds = (performance.now() - started) / 1000;
    return { requestsPerSecond: requests / seconds, microsecondsPerRequest: (seconds * 1e6) / requests, statuses };
  } finally {
    await mock.close();
  }
}
