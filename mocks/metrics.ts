// The reference mock's own Prometheus metrics, served on `--metrics-port` (as Microcks serves its mocks' counters):
// what a team running the mock in a shared test environment, or the monitor's own real-Prometheus test, scrapes to
// see which operations are called, how they are answered and how the pushes fare. Requests are counted by the
// OpenAPI operationId they matched, never by path, so that a waybill number or a subscription id never becomes a
// label (unbounded series, and data a metrics store must not keep). The registry is the instance's own, never
// prom-client's global one: two mocks in one process (a test suite) must not add into each other's counters. Only
// the standalone server loads this file (and prom-client), and only when metrics are asked for.
import { Counter, Histogram, Registry } from 'prom-client';
import type { Mock } from './core/mock.ts';
import { matchRoute } from './core/routes.ts';
import type { PushOutcome } from './core/services.ts';
import type { MockRequest } from './core/types.ts';
import { FAULT_CONTROL_PATH } from './fault-control.ts';

/** Every series the mock exports, by name. */
export const MOCK_METRICS = {
  requests: 'ecdx_mock_requests_total',
  requestDuration: 'ecdx_mock_request_duration_seconds',
  pushes: 'ecdx_mock_pushes_total',
} as const;

/** The `operation` of a request that matched no operation: an unknown path, a wrong method, an unreadable request. */
const UNMATCHED_OPERATION = 'unmatched';
/** The `operation` of the mock's own fault control (/v1/test/faults), which the OpenAPI document does not have. */
const FAULT_CONTROL_OPERATION = 'faultControl';

const PUSH_OUTCOMES: readonly PushOutcome[] = ['delivered', 'failed', 'abandoned', 'gone'];

/** From a millisecond answer to the seconds an `ecdx-test-delay` or a slow SQLite file makes; 2 s is ECDX-HLT-009's bound. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];

export class MockMetrics {
  readonly #registry = new Registry();
  readonly #requests = new Counter({
    name: MOCK_METRICS.requests,
    help: 'Requests the mock answered, by the OpenAPI operationId they matched ("unmatched" for none) and the status answered.',
    labelNames: ['operation', 'status'] as const,
    registers: [this.#registry],
  });
  readonly #duration = new Histogram({
    name: MOCK_METRICS.requestDuration,
    help: 'Time from the arrival of a request to the end of its answer, by the OpenAPI operationId it matched.',
    labelNames: ['operation'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.#registry],
  });
  readonly #pushes = new Counter({
    name: MOCK_METRICS.pushes,
    help: 'Push attempts by how they settled: delivered (2xx), failed (attempted again later), abandoned (retries spent), gone (410).',
    labelNames: ['outcome'] as const,
    registers: [this.#registry],
  });

  constructor() {
    // Every outcome from 0: a rate over a series that does not exist yet is no data, not "no failures".
    for (const outcome of PUSH_OUTCOMES) this.#pushes.inc({ outcome }, 0);
  }

  /** The exposition format's media type, what the endpoint answers with. */
  get contentType(): string {
    return this.#registry.contentType;
  }

  /** A request answered with `status`, `seconds` after it arrived; `operation` undefined: not a readable request. */
  answered(operation: string | undefined, status: number, seconds: number): void {
    const labelled = operation ?? UNMATCHED_OPERATION;
    this.#requests.inc({ operation: labelled, status: String(status) });
    this.#duration.observe({ operation: labelled }, seconds);
  }

  /** A request node's parser refused before it had a method and path (answered 400 on the socket): counted, not timed. */
  unreadable(): void {
    this.#requests.inc({ operation: UNMATCHED_OPERATION, status: '400' });
  }

  pushSettled(outcome: PushOutcome): void {
    this.#pushes.inc({ outcome });
  }

  text(): Promise<string> {
    return this.#registry.metrics();
  }
}

/** The `operation` label of a request: the operationId its method and path match, as the core routes it. */
export function operationOf(mock: Mock, request: MockRequest): string {
  const { pathname } = request.url;
  if (pathname === FAULT_CONTROL_PATH && mock.context.testMode) return FAULT_CONTROL_OPERATION;
  const match = matchRoute(mock.routes, request.method, pathname);
  return match.kind === 'found' ? match.route.operationId : UNMATCHED_OPERATION;
}
