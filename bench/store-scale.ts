// bytesPerStoredEvent and queryLatencyRatio100k: the mock's in-memory store at scale. In a child process of its own
// (`--expose-gc`, so that the heap is read after a full collection and nothing else of the bench is on it), the core
// (`mock.handle`, no socket) is given 10 shipments, then 100 000, each created by a signed POST /v1/shipments as a
// platform creates it and three virtual days old when measured. Then
//   - the tracking query GET /v1/shipments/{waybillNo}/events?limit=20 is timed one request at a time (signed
//     beforehand; only `mock.handle` is timed) at 10 stored shipments and at 100 000: the ratio of the medians;
//   - the heap the 99 990 added shipments hold, over the events they have recorded by then (counted on a sample):
//     everything the mock keeps for them (shipment, idempotency record, nonce, activity, trajectory state) per event.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMock, type Mock } from '../mocks/core/mock.ts';
import { simulatorFor } from '../mocks/core/simulator/simulator.ts';
import { buildRequest } from '../mocks/testing.ts';
import { figure, type Figure } from './figures.ts';
import { keyFor } from './load-client.ts';
import { shipmentRequest } from './post-vs-raw.ts';
import { median } from './rounds.ts';

interface ScalePlan {
  small: number;
  large: number;
  queries: number;
}

interface ScaleResult {
  smallMicroseconds: number;
  largeMicroseconds: number;
  heapBytesAdded: number;
  eventsPerShipment: number;
  addedShipments: number;
  fillSeconds: number;
}

const THREE_DAYS = 3 * 24 * 3_600_000;
const key = keyFor('hmac-sha256');

export async function measureStoreScale(smoke: boolean): Promise<{ bytesPerStoredEvent: Figure; queryLatencyRatio100k: Figure }> {
  const plan: ScalePlan = smoke ? { small: 10, large: 300, queries: 50 } : { small: 10, large: 100_000, queries: 2_000 };
  const result = await inChild(plan);
  const events = result.eventsPerShipment * result.addedShipments;
  const scale = { storedShipments: { small: plan.small, large: plan.large }, fillSeconds: result.fillSeconds };
  return {
    bytesPerStoredEvent: figure('bytesPerStoredEvent', result.heapBytesAdded / events, {
      detail: {
        ...scale,
        heapMbAdded: result.heapBytesAdded / 1024 / 1024,
        eventsPerShipment: result.eventsPerShipment,
        bytesPerShipment: result.heapBytesAdded / result.addedShipments,
      },
    }),
    queryLatencyRatio100k: figure('queryLatencyRatio100k', result.largeMicroseconds / result.smallMicroseconds, {
      detail: { ...scale, medianMicroseconds: { small: result.smallMicroseconds, large: result.largeMicroseconds }, queries: plan.queries },
      ...(smoke ? { note: `smoke: ${plan.large} stored shipments, not 100 000` } : {}),
    }),
  };
}

function inChild(plan: ScalePlan): Promise<ScaleResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--scale-child'], {
      execArgv: ['--expose-gc', '--max-old-space-size=4096', '--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: ScaleResult | undefined;
    child.once('message', (message: ScaleResult) => (result = message));
    child.once('error', reject);
    child.once('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`the store-scale child exited with code ${code}`))));
    child.send(plan);
  });
}

// --- the child ---------------------------------------------------------------------------------------------------

async function create(mock: Mock, count: number, from: number): Promise<string[]> {
  const body = shipmentRequest();
  const waybills: string[] = [];
  for (let i = from; i < from + count; i++) {
    const answer = await mock.handle(buildRequest(mock, 'POST', '/v1/shipments', { ...body, platformOrderId: `bench-scale-${i}` }, { key }));
    if (answer.status !== 201) throw new Error(`shipment ${i} was refused: ${answer.status} ${JSON.stringify(answer.body)}`);
    waybills.push((answer.body as { waybillNo: string }).waybillNo);
  }
  return waybills;
}

/** Three virtual days on, with every timer that falls due run, as a mock left running would have. */
async function age(mock: Mock): Promise<void> {
  mock.context.clock.advance(THREE_DAYS);
  await mock.context.background.idle();
}

/** Median µs of `mock.handle` for the events query of random shipments of `waybills`, each request signed first. */
async function queryMicroseconds(mock: Mock, waybills: readonly string[], queries: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    const waybillNo = waybills[Math.floor(Math.random() * waybills.length)]!;
    const request = buildRequest(mock, 'GET', `/v1/shipments/${waybillNo}/events?limit=20`, undefined, { key });
    const started = performance.now();
    const answer = await mock.handle(request);
    times.push((performance.now() - started) * 1000);
    if (answer.status !== 200) throw new Error(`the events query answered ${answer.status}`);
  }
  return median(times);
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the store-scale child needs --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function scaleChild(plan: ScalePlan): Promise<ScaleResult> {
  const mock = createMock({ clockSpeed: 0 });
  try {
    const small = await create(mock, plan.small, 0);
    await age(mock);
    await queryMicroseconds(mock, small, Math.ceil(plan.queries / 4)); // warm-up
    const smallMicroseconds = await queryMicroseconds(mock, small, plan.queries);
    const before = heapAfterGc();
    const fillStarted = performance.now();
    const added = await create(mock, plan.large - plan.small, plan.small);
    await age(mock);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const heapBytesAdded = heapAfterGc() - before;
    const largeMicroseconds = await queryMicroseconds(mock, added, plan.queries);
    // Every added shipment is as old as every other: a sample tells how many events each has recorded.
    const simulator = simulatorFor(mock.context);
    const sample = added.filter((_, i) => i % Math.max(1, Math.floor(added.length / 1000)) === 0);
    const eventsPerShipment = sample.reduce((n, w) => n + (simulator.recordedEvents(w)?.length ?? 0), 0) / sample.length;
    return { smallMicroseconds, largeMicroseconds, heapBytesAdded, eventsPerShipment, addedShipments: added.length, fillSeconds };
  } finally {
    await mock.close();
  }
}

if (process.argv.includes('--scale-child')) {
  process.once('message', (plan: ScalePlan) => {
    scaleChild(plan).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error: unknown) => {
        console.error('store-scale child:', error);
        process.exit(1);
      },
    );
  });
}
