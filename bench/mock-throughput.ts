// Throughput of the standalone mock (mocks/server.ts) against a raw node:http server, and of msw's getResponse
// path, on the request a platform makes most: a signed GET /v1/shipments/{waybillNo}/events.
//
// The servers run in this process; the load comes from a second process (this file with `--client`), which signs
// its whole pool of requests first — every nonce is single-use, and signing is the client's cost, not the
// server's — then writes them pipelined over a few keep-alive connections as raw HTTP/1.1 and counts the
// responses. Only the sending and answering are timed. Loopback only, bounded in requests and in time.
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { getResponse } from 'msw';
import { demoCredentials, signRequest, type SignatureAlgorithm, type SigningKey } from '../protocol/index.ts';
import { DEMO_CARRIER_CODE, type Mock } from '../mocks/core/mock.ts';
import { createHandlers } from '../mocks/handlers.ts';
import { startMockServer } from '../mocks/server.ts';
import { buildRequest, send } from '../mocks/testing.ts';
import { schemaByName } from '../schemas/src/index.ts';

export interface LoadPlan {
  /** Origin the requests are signed for and sent to. */
  url: string;
  path: string;
  /** Signing time (epoch ms): the mock's virtual now. */
  now: number;
  algorithm: SignatureAlgorithm;
  requests: number;
  connections: number;
  pipelining: number;
  /** Stop sending after this long; the result says how many were answered. */
  timeLimitMs: number;
}

export interface LoadResult {
  answered: number;
  /** Wall time from the first request sent to the last answer read. */
  seconds: number;
  requestsPerSecond: number;
  /** CPU time the server's process spent meanwhile (user + system). */
  serverCpuSeconds: number;
  /** Answers per second of server CPU: the rate the server sustains on one core of its own. */
  requestsPerCpuSecond: number;
  statuses: Record<string, number>;
}

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
  /** Requests for the comparison lines (the other algorithm, msw in-process), which are slower. */
  comparisonRequests: number;
}

export interface ThroughputReport {
  path: string;
  rounds: { raw: LoadResult; mock: LoadResult; ratio: number; cpuRatio: number }[];
  /** Median over the rounds of mock / raw requests per second: what the target is judged on. */
  ratio: number;
  /** Median over the rounds of mock / raw answers per second of server CPU time (a diagnostic). */
  cpuRatio: number;
  /** The mock with the other signature algorithm, against the median raw rates. */
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

const keyFor = (algorithm: SignatureAlgorithm): SigningKey => (algorithm === 'ed25519' ? demoCredentials.platform.signingKey : demoCredentials.platformHmac);

/**
 * A shipment with a few days of trajectory behind it, so that the events page is a realistic body; created with
 * the key the queries are signed with, since a carrier shows a shipment only to the client that sent it.
 */
async function seedShipment(mock: Mock, algorithm: SignatureAlgorithm): Promise<string> {
  const example = structuredClone((schemaByName('ShipmentRequest') as { examples: Record<string, unknown>[] }).examples[0]!);
  const body = { ...example, carrierCode: DEMO_CARRIER_CODE, platformOrderId: `ord-bench-${algorithm}` };
  const created = await send(mock, 'POST', '/v1/shipments', body, { key: keyFor(algorithm) });
  if (created.status !== 201) throw new Error(`the mock did not accept the bench shipment: ${created.status} ${JSON.stringify(created.body)}`);
  const waybillNo = (created.body as { waybillNo: string }).waybillNo;
  mock.context.clock.advance(3 * 24 * 3_600_000);
  await mock.context.background.idle();
  return `/v1/shipments/${encodeURIComponent(waybillNo)}/events?limit=20`;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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
    const rounds: ThroughputReport['rounds'] = [];
    for (let round = 0; round < options.rounds; round++) {
      const rawResult = await runClient(plan(raw.url, options.requests));
      const mockResult = await runClient(plan(server.url, options.requests));
      rounds.push({
        raw: rawResult,
        mock: mockResult,
        ratio: mockResult.requestsPerSecond / rawResult.requestsPerSecond,
        cpuRatio: mockResult.requestsPerCpuSecond / rawResult.requestsPerCpuSecond,
      });
    }
    const otherResult = await runClient(plan(server.url, options.comparisonRequests, other));
    const msw = await measureMsw(options.comparisonRequests, options.algorithm);
    return {
      path,
      rounds,
      ratio: median(rounds.map((r) => r.ratio)),
      cpuRatio: median(rounds.map((r) => r.cpuRatio)),
      otherAlgorithm: {
        algorithm: other,
        mock: otherResult,
        ratio: otherResult.requestsPerSecond / median(rounds.map((r) => r.raw.requestsPerSecond)),
        cpuRatio: otherResult.requestsPerCpuSecond / median(rounds.map((r) => r.raw.requestsPerCpuSecond)),
      },
      msw,
      options,
    };
  } finally {
    await raw.close();
    await server.close();
  }
}

/** The baseline: node:http answering the same JSON document, with no routing, checks or state. */
async function startRawServer(): Promise<{ url: string; setBody(body: unknown): void; close(): Promise<void> }> {
  let document: unknown = {};
  const server = createServer((_req, res) => {
    const payload = JSON.stringify(document);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
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

type ClientMessage = { kind: 'sending' } | { kind: 'done'; result: Omit<LoadResult, 'serverCpuSeconds' | 'requestsPerCpuSecond'> };

/** Run one load in a child process; the servers' CPU time is read from this process while the child sends. */
function runClient(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--client'], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: LoadResult | undefined;
    let cpuAtStart = process.cpuUsage();
    child.on('message', (message: ClientMessage) => {
      if (message.kind === 'sending') {
        cpuAtStart = process.cpuUsage();
        return;
      }
      const cpu = process.cpuUsage(cpuAtStart);
      const serverCpuSeconds = (cpu.user + cpu.system) / 1e6;
      result = { ...message.result, serverCpuSeconds, requestsPerCpuSecond: message.result.answered / serverCpuSeconds };
    });
    child.once('error', reject);
    child.once('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`the load client exited with code ${code}`))));
    child.send(plan);
  });
}

// --- the load client (second process) ------------------------------------------------------------------------

function serialisedRequests(plan: LoadPlan): Buffer[] {
  const url = `${plan.url}${plan.path}`;
  const host = new URL(plan.url).host;
  const key = keyFor(plan.algorithm);
  return Array.from({ length: plan.requests }, () => {
    const headers = signRequest({ method: 'GET', url, headers: {} }, { key, now: plan.now });
    const lines = [`GET ${plan.path} HTTP/1.1`, `host: ${host}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
    return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

/** Send the pool over `connections` sockets, `pipelining` requests in flight on each; count the answers by status. */
async function load(plan: LoadPlan): Promise<Extract<ClientMessage, { kind: 'done' }>['result']> {
  const pool = serialisedRequests(plan);
  process.send!({ kind: 'sending' } satisfies ClientMessage);
  const { port, hostname } = new URL(plan.url);
  const statuses: Record<string, number> = {};
  let next = 0;
  let answered = 0;
  const started = performance.now();
  const deadline = started + plan.timeLimitMs;

  const connection = () =>
    new Promise<void>((resolve, reject) => {
      const socket = connect({ port: Number(port), host: hostname, noDelay: true });
      let buffered: Buffer = Buffer.alloc(0);
      let inFlight = 0;
      const fill = () => {
        const batch: Buffer[] = [];
        while (inFlight < plan.pipelining && next < pool.length && performance.now() < deadline) {
          batch.push(pool[next++]!);
          inFlight++;
        }
        if (batch.length > 0) socket.write(Buffer.concat(batch));
        if (inFlight === 0) socket.end();
      };
      socket.on('connect', fill);
      socket.on('data', (chunk: Buffer) => {
        buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
        for (;;) {
          const end = buffered.indexOf('\r\n\r\n');
          if (end < 0) break;
          const head = buffered.subarray(0, end).toString('latin1');
          const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? Number.NaN);
          if (!Number.isFinite(length)) {
            socket.destroy();
            reject(new Error(`a response without Content-Length: ${head.split('\r\n')[0]}`));
            return;
          }
          if (buffered.length < end + 4 + length) break;
          const status = head.slice(9, 12);
          statuses[status] = (statuses[status] ?? 0) + 1;
          buffered = buffered.subarray(end + 4 + length);
          inFlight--;
          answered++;
        }
        fill();
      });
      socket.on('error', reject);
      socket.on('close', () => resolve());
    });

  await Promise.all(Array.from({ length: plan.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  return { answered, seconds, requestsPerSecond: answered / seconds, statuses };
}

if (process.argv.includes('--client')) {
  process.once('message', (plan: LoadPlan) => {
    load(plan).then(
      (result) => process.send!({ kind: 'done', result } satisfies ClientMessage, () => process.exit(0)),
      (error: unknown) => {
        console.error('load client:', error);
        process.exit(1);
      },
    );
  });
}
