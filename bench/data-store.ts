// dataCreatesPerSecond and the data file's figures: `ecdx mock --data FILE` as a carrier with 72 subscriptions of
// scope ALL, each pointing at a node:http sink of its own on loopback (each platform has its own endpoint, so each
// gets its own pool of connections) that answers 200. Every create records its first event
// (ORDER_CREATED), which the dispatcher pushes to every subscription; a create counts as done when it is answered
// and its pushes are delivered (the backlog is empty again), so the rate is what the mock sustains, not what it
// queues. Then the mock is closed and started again on the file: start-up is timed from startMockServer() to the
// answer of the first request (a signed GET of a shipment created before the restart, which must still be there).
// The mock's clock stands still (clockSpeed 0), so that the pool of requests, signed at one instant, stays valid
// and every create records exactly one event: the run does the same work however long it takes.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signRequest } from '../protocol/index.ts';
import { batchRecords, subscriptionRecords } from '../mocks/core/push/records.ts';
import { shipmentsOf } from '../mocks/core/simulator/shipment-record.ts';
import { simulatorFor } from '../mocks/core/simulator/simulator.ts';
import { startMockServer, type MockServer } from '../mocks/server.ts';
import { buildRequest } from '../mocks/testing.ts';
import { keyFor, loadProblems, runClient } from './load-client.ts';
import { shipmentRequest } from './post-vs-raw.ts';
import { median } from './rounds.ts';

export interface DataStoreFigures {
  /** Median over the rounds of creates answered and pushed per second of wall time. */
  createsPerSecond: number;
  /**
   * The same per second of this process's CPU time (the mock and the sinks; the load client is another process): a
   * diagnostic that moves less than the wall-time rate with what else the machine is doing.
   */
  createsPerCpuSecond: number;
  /** Subscriptions of scope ALL the creates were pushed to. */
  subscriptions: number;
  /** Size of the data file (with its WAL, if any) after the mock closed. */
  fileBytes: number;
  /** fileBytes ÷ the tracking events recorded in it. */
  bytesPerStoredEvent: number;
  /** Median over the restarts of startMockServer() on the file until the first request is answered. */
  startupSeconds: number;
}

const SUBSCRIPTIONS = 72;
/** The load client signs with the HMAC demo platform: the subscriptions must be its own to receive its shipments. */
const ALGORITHM = 'hmac-sha256';

export interface DataStoreOptions {
  /** A few seconds' run that only proves the measure works (CI). */
  smoke?: boolean;
  /** Creates per round (default 2 000; smoke 100), for a profile of a chosen size. */
  creates?: number;
  /** Rounds of creates, one after another on the same file (default 3; smoke 1). */
  rounds?: number;
}

export async function measureDataStore(options: DataStoreOptions): Promise<DataStoreFigures> {
  const sizes = {
    ...(options.smoke ? { creates: 100, rounds: 1, restarts: 1 } : { creates: 2_000, rounds: 3, restarts: 3 }),
    ...(options.creates === undefined ? {} : { creates: options.creates }),
    ...(options.rounds === undefined ? {} : { rounds: options.rounds }),
  };
  const dir = await mkdtemp(join(tmpdir(), 'ecdx-bench-data-'));
  const dataFile = join(dir, 'mock.db');
  const sinks = await Promise.all(Array.from({ length: SUBSCRIPTIONS }, startSink));
  let server: MockServer | undefined;
  try {
    server = await startMockServer({ port: 0, clockSpeed: 0, dataFile });
    const mock = server.mock;
    for (let i = 0; i < SUBSCRIPTIONS; i++) {
      const subscription = { callbackUrl: `${sinks[i]!.url}/tracking-events`, scope: { type: 'ALL' }, signatureScheme: 'v1a' };
      const answer = await mock.handle(buildRequest(mock, 'POST', '/v1/subscriptions', subscription, { key: keyFor(ALGORITHM) }));
      if (answer.status !== 201) throw new Error(`the mock refused subscription ${i}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    const body = shipmentRequest();
    const sample = await mock.handle(
      buildRequest(mock, 'POST', '/v1/shipments', { ...body, platformOrderId: 'bench-data-sample' }, { key: keyFor(ALGORITHM) }),
    );
    if (sample.status !== 201) throw new Error(`the mock refused the bench shipment: ${sample.status} ${JSON.stringify(sample.body)}`);
    const waybillNo = (sample.body as { waybillNo: string }).waybillNo;
    await mock.context.background.idle();

    const rates: number[] = [];
    const cpuRates: number[] = [];
    for (let round = 0; round < sizes.rounds; round++) {
      const result = await runClient({
        url: server.url,
        method: 'POST',
        path: '/v1/shipments',
        body,
        now: mock.context.clock.now(),
        algorithm: ALGORITHM,
        requests: sizes.creates,
        connections: 4,
        pipelining: 16,
        timeLimitMs: 120_000,
      });
      const answeredAt = performance.now();
      const cpuAtAnswer = process.cpuUsage();
      await mock.context.background.idle();
      const pushedSeconds = (performance.now() - answeredAt) / 1000;
      const pushedCpu = process.cpuUsage(cpuAtAnswer);
      const problems = loadProblems(`creates, round ${round + 1}`, result, sizes.creates, 201);
      if (batchRecords(mock.context).size > 0) problems.push(`${batchRecords(mock.context).size} push batches left undelivered`);
      if (problems.length > 0) throw new Error(problems.join('; '));
      rates.push(result.answered / (result.seconds + pushedSeconds));
      cpuRates.push(result.answered / (result.serverCpuSeconds + (pushedCpu.user + pushedCpu.system) / 1e6));
    }
    if (
      subscriptionRecords(mock.context)
        .values()
        .some((s) => s.subscription.state !== 'ACTIVE')
    )
      throw new Error('a subscription was disabled');
    const storedEvents = shipmentsOf(mock.context)
      .values()
      .reduce((sum, record) => sum + simulatorFor(mock.context).recorded(record).length, 0);
    await server.close();
    server = undefined;
    const fileBytes = await bytesOf(dataFile);

    const startups: number[] = [];
    for (let i = 0; i < sizes.restarts; i++) {
      const started = performance.now();
      server = await startMockServer({ port: 0, clockSpeed: 0, dataFile });
      const restarted = server.mock;
      const url = `${server.url}/v1/shipments/${waybillNo}`;
      const headers = signRequest({ method: 'GET', url, headers: {} }, { key: keyFor(ALGORITHM), now: restarted.context.clock.now() });
      const answer = await fetch(url, { headers });
      await answer.arrayBuffer();
      startups.push((performance.now() - started) / 1000);
      if (answer.status !== 200) throw new Error(`after the restart the mock answered ${answer.status} for a shipment it created`);
      await server.close();
      server = undefined;
    }
    return {
      createsPerSecond: median(rates),
      createsPerCpuSecond: median(cpuRates),
      subscriptions: SUBSCRIPTIONS,
      fileBytes,
      bytesPerStoredEvent: fileBytes / storedEvents,
      startupSeconds: median(startups),
    };
  } finally {
    await server?.close();
    await Promise.all(sinks.map((sink) => new Promise<void>((resolve) => sink.server.close(() => resolve()))));
    await rm(dir, { recursive: true, force: true });
  }
}

/** The platforms' callback: reads each push and answers 200, as a receiver that keeps up does. */
async function startSink(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-length': '0' }).end());
  });
  // Longer than the pusher's own keep-alive, so that it is always the pusher that closes an idle connection.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The file and the WAL beside it: what the data takes on disk. */
async function bytesOf(file: string): Promise<number> {
  let total = 0;
  for (const path of [file, `${file}-wal`])
    total += await stat(path).then(
      (s) => s.size,
      () => 0,
    );
  return total;
}
