// The monitor's metrics, in Prometheus' text format through prom-client: what an operator's Prometheus scrapes from
// `--metrics-port` and what the shipped alert rules and Grafana dashboard (monitor/prometheus/) query. Every series
// carries the target's configured name as `target`, so that one monitor can watch many links. The names are the
// contract with those files: a test fails when a rule or a panel queries a series that is not here.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataFeed } from '../schemas/src/index.ts';
import type { Compliance } from './report-schema.ts';

/** What a probe asks: the health document, the canary trajectory, the claim. */
export type ProbeKind = 'health' | 'canary' | 'claim';

/** Every series the monitor exports, by name (the alert rules and the dashboard may use these and no other). */
export const MONITOR_METRICS = {
  probes: 'ecdx_monitor_probes_total',
  probeDuration: 'ecdx_monitor_probe_duration_seconds',
  lastProbe: 'ecdx_monitor_last_probe_timestamp_seconds',
  feedUp: 'ecdx_monitor_feed_up',
  availability: 'ecdx_monitor_feed_availability_ratio',
  pushes: 'ecdx_monitor_pushes_received_total',
  pushLatency: 'ecdx_monitor_push_latency_seconds',
  interruptions: 'ecdx_monitor_interruptions',
  notices: 'ecdx_monitor_notices_received_total',
  evidence: 'ecdx_monitor_evidence_records_total',
} as const;

/** Probe latencies: the standard's 2 s (ECDX-HLT-009, the availability bound) sits on a bucket edge. */
const PROBE_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];
/** Push latencies from occurredAt: seconds to the 300 s of ECDX-PSH-009 and on to hours of backlog. */
const PUSH_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200];

export class MonitorMetrics {
  readonly registry = new Registry();
  readonly #probes = new Counter({
    name: MONITOR_METRICS.probes,
    help: 'Probes of the counterparty, by kind and outcome (ok: answered within the bound without a 5xx, with a valid body).',
    labelNames: ['target', 'probe', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly #probeDuration = new Histogram({
    name: MONITOR_METRICS.probeDuration,
    help: 'Time from sending a probe to the last byte of its answer.',
    labelNames: ['target', 'probe'] as const,
    buckets: PROBE_BUCKETS,
    registers: [this.registry],
  });
  readonly #lastProbe = new Gauge({
    name: MONITOR_METRICS.lastProbe,
    help: 'When the last probe round of the target ended (Unix seconds, the real clock): a stale value is a stuck monitor.',
    labelNames: ['target'] as const,
    registers: [this.registry],
  });
  readonly #feedUp = new Gauge({
    name: MONITOR_METRICS.feedUp,
    help: '1 while the feed is working, 0 while an interruption of it is open.',
    labelNames: ['target', 'feed'] as const,
    registers: [this.registry],
  });
  readonly #availability = new Gauge({
    name: MONITOR_METRICS.availability,
    help: 'Share of the whole minutes monitored in which every probe of the feed was answered (SharingStatistics.availabilityPercent / 100).',
    labelNames: ['target', 'feed'] as const,
    registers: [this.registry],
  });
  readonly #pushes = new Counter({
    name: MONITOR_METRICS.pushes,
    help: 'Push batches received from the target and verified.',
    labelNames: ['target'] as const,
    registers: [this.registry],
  });
  readonly #pushLatency = new Histogram({
    name: MONITOR_METRICS.pushLatency,
    help: "Time from an event's occurredAt to the receipt of the push that carried it.",
    labelNames: ['target'] as const,
    buckets: PUSH_BUCKETS,
    registers: [this.registry],
  });
  readonly #interruptions = new Gauge({
    name: MONITOR_METRICS.interruptions,
    help: 'Interruptions observed since the state was created, by feed and by how they stand against the notices received.',
    labelNames: ['target', 'feed', 'compliance'] as const,
    registers: [this.registry],
  });
  readonly #notices = new Counter({
    name: MONITOR_METRICS.notices,
    help: 'Interruption notices received from the target, by reason.',
    labelNames: ['target', 'reason'] as const,
    registers: [this.registry],
  });
  readonly #evidence = new Counter({
    name: MONITOR_METRICS.evidence,
    help: 'Records appended to the hash-chained evidence log.',
    registers: [this.registry],
  });

  probed(target: string, probe: ProbeKind, ok: boolean, seconds: number): void {
    this.#probes.inc({ target, probe, outcome: ok ? 'ok' : 'failed' });
    this.#probeDuration.observe({ target, probe }, seconds);
  }

  roundEnded(target: string, realNowMs: number): void {
    this.#lastProbe.set({ target }, realNowMs / 1000);
  }

  feed(target: string, feed: DataFeed, up: boolean, availabilityRatio: number): void {
    this.#feedUp.set({ target, feed }, up ? 1 : 0);
    this.#availability.set({ target, feed }, availabilityRatio);
  }

  pushReceived(target: string, latenciesSeconds: readonly number[]): void {
    this.#pushes.inc({ target });
    for (const seconds of latenciesSeconds) this.#pushLatency.observe({ target }, Math.max(0, seconds));
  }

  /** The counts of interruptions per feed and compliance, as the state now holds them (they move between labels). */
  interruptions(target: string, counts: readonly { feed: DataFeed; compliance: Compliance; count: number }[]): void {
    for (const { feed, compliance, count } of counts) this.#interruptions.set({ target, feed, compliance }, count);
  }

  noticesReceived(target: string, reason: string, count = 1): void {
    this.#notices.inc({ target, reason }, count);
  }

  evidenceAppended(count = 1): void {
    this.#evidence.inc(count);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
