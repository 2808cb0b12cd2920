// A real Prometheus (Debian's 2.42) scrapes a running monitor, a MonitorMetrics filled by hand and the mock's metrics
// endpoint, once a second, evaluates the shipped alert rules, and is asked through its HTTP API for the series, their
// labels and the alerts: what an operator's Prometheus and Grafana will see. The running monitor (job
// ecdx-monitor-live) watched the mock carrier through an outage; the filled one (job ecdx-monitor) holds exact values,
// so that quantiles and each rule's state can be asserted to the digit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../mocks/server.ts';
import { MOCK_METRICS } from '../../mocks/metrics.ts';
import { MONITOR_METRICS, MonitorMetrics } from '../../monitor/metrics.ts';
import type { RunningMonitor } from '../../monitor/monitor.ts';
import { mockCarrierLink, until, watchMockCarrier, type MockLink } from '../monitor/scenario.ts';
import { startMetricsEndpoint } from '../../protocol/metrics-endpoint.ts';
import { prometheusAvailable, startPrometheus, type PrometheusServer, type Sample } from './server.ts';

const ALERT_RULES = join(import.meta.dirname, '..', '..', 'monitor', 'prometheus', 'alerts.yml');
const M = MONITOR_METRICS;

/** The samples as `{label=value,…} value` lines, sorted, for readable comparisons. */
const lines = (samples: Sample[], labels: readonly string[]): string[] =>
  samples.map((s) => `{${labels.map((l) => `${l}=${s.metric[l] ?? ''}`).join(',')}} ${s.value}`).sort();

if (!prometheusAvailable()) console.warn('verify/prometheus: /usr/bin/prometheus is not installed, the test is skipped (.ci/run installs it)');

describe.skipIf(!prometheusAvailable())('a real Prometheus scraping the monitor and the mock', () => {
  let prometheus: PrometheusServer | undefined;
  let monitorEndpoint: { url: string; close(): Promise<void> } | undefined;
  let mock: MockServer | undefined;
  let link: MockLink | undefined;
  let live: RunningMonitor | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'ecdx-prometheus-monitor-'));

  /** The monitor watching the mock carrier through an outage of the link (both feeds interrupted, no notice). */
  async function watchThroughAnOutage(): Promise<RunningMonitor> {
    link = await mockCarrierLink({ speed: 600 });
    const monitor = await watchMockCarrier(link, join(dir, 'evidence.jsonl'));
    const report = () => monitor.report().targets[0]!;
    if (!(await until(() => report().probes.total >= 6))) throw new Error('the monitor made no rounds');
    link.proxy.cut();
    if (!(await until(() => report().interruptions.length === 2))) throw new Error('the outage was not seen');
    link.proxy.restore();
    if (!(await until(() => report().interruptions.every((i) => i.endedAt !== undefined)))) throw new Error('the outage did not end');
    return monitor;
  }

  beforeAll(async () => {
    live = await watchThroughAnOutage();
    const metrics = new MonitorMetrics();
    metrics.probed('carrier-a', 'health', true, 0.04);
    metrics.probed('carrier-a', 'canary', false, 2.5);
    metrics.probed('platform-b', 'health', true, 0.02);
    metrics.roundEnded('carrier-a', Date.now());
    metrics.feed('carrier-a', 'PARCEL_DATA_PUSH', false, 0.9931);
    metrics.feed('carrier-a', 'PARCEL_DATA_PULL', true, 1);
    metrics.feed('platform-b', 'SHIPPING_DATA', true, 0.9995);
    metrics.pushReceived('carrier-a', [3, 3, 40]);
    metrics.interruptions('carrier-a', [
      { feed: 'PARCEL_DATA_PUSH', compliance: 'non-compliant', count: 1 },
      { feed: 'PARCEL_DATA_PUSH', compliance: 'compliant', count: 2 },
    ]);
    metrics.noticesReceived('carrier-a', 'PLANNED_MAINTENANCE', 2);
    metrics.evidenceAppended(7);
    monitorEndpoint = await startMetricsEndpoint({ port: 0, metrics: () => metrics.text() });

    mock = await startMockServer({ port: 0, clockSpeed: 0, metrics: { port: 0 } });
    for (const path of ['/v1/health', '/v1/health', '/v1/health', '/v1/no-such-thing']) await (await fetch(`${mock.url}${path}`)).arrayBuffer();

    prometheus = await startPrometheus({
      targets: [
        { job: 'ecdx-monitor', url: monitorEndpoint.url },
        { job: 'ecdx-monitor-live', url: live.metricsUrl! },
        { job: 'ecdx-mock', url: mock.metricsUrl! },
      ],
      ruleFiles: [ALERT_RULES],
    });
    await prometheus.waitFor('up', (s) => s.length === 3 && s.every((x) => x.value === 1));
  }, 30_000);

  afterAll(async () => {
    await prometheus?.stop();
    await monitorEndpoint?.close();
    await mock?.close();
    await live?.stop();
    await link?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scrapes all three, each as its job', async () => {
    expect(lines(await prometheus!.query('up'), ['job'])).toEqual(['{job=ecdx-mock} 1', '{job=ecdx-monitor-live} 1', '{job=ecdx-monitor} 1']);
  });

  it('has what the running monitor saw: the outage of both feeds, non-compliant, the failed probes, the feeds up again', async () => {
    const q = (series: string) => prometheus!.query(`${series}{job="ecdx-monitor-live"}`);
    const interruptions = (await q(M.interruptions)).filter((s) => s.value > 0);
    expect(lines(interruptions, ['target', 'feed', 'compliance'])).toEqual([
      '{target=mock,feed=PARCEL_DATA_PULL,compliance=non-compliant} 1',
      '{target=mock,feed=PARCEL_DATA_PUSH,compliance=non-compliant} 1',
    ]);
    expect(lines(await q(M.feedUp), ['target', 'feed'])).toEqual(['{target=mock,feed=PARCEL_DATA_PULL} 1', '{target=mock,feed=PARCEL_DATA_PUSH} 1']);
    const failed = await prometheus!.query(`sum(${M.probes}{job="ecdx-monitor-live",outcome="failed"})`);
    expect(failed[0]!.value).toBeGreaterThanOrEqual(2);
    // Its availability fell below the target too (the outage and the minutes before the first round): pending for 15 min.
    const alerts = await prometheus!.waitFor('ALERTS{target="mock"}', (s) => s.length >= 4);
    expect(lines(alerts, ['alertname', 'alertstate', 'feed'])).toEqual([
      '{alertname=EcdxFeedAvailabilityBelowTarget,alertstate=pending,feed=PARCEL_DATA_PULL} 1',
      '{alertname=EcdxFeedAvailabilityBelowTarget,alertstate=pending,feed=PARCEL_DATA_PUSH} 1',
      '{alertname=EcdxInterruptionWithoutCompliantNotice,alertstate=firing,feed=PARCEL_DATA_PULL} 1',
      '{alertname=EcdxInterruptionWithoutCompliantNotice,alertstate=firing,feed=PARCEL_DATA_PUSH} 1',
    ]);
  });

  it("has the monitor's feed state and availability per target and feed", async () => {
    expect(lines(await prometheus!.query(`${M.feedUp}{job="ecdx-monitor"}`), ['target', 'feed'])).toEqual([
      '{target=carrier-a,feed=PARCEL_DATA_PULL} 1',
      '{target=carrier-a,feed=PARCEL_DATA_PUSH} 0',
      '{target=platform-b,feed=SHIPPING_DATA} 1',
    ]);
    expect(lines(await prometheus!.query(`${M.availability}{job="ecdx-monitor"} < 0.995`), ['target', 'feed'])).toEqual([
      '{target=carrier-a,feed=PARCEL_DATA_PUSH} 0.9931',
    ]);
    const targets = await fetch(`${prometheus!.url}/api/v1/label/target/values`).then((r) => r.json() as Promise<{ data: string[] }>);
    expect(targets.data).toEqual(['carrier-a', 'mock', 'platform-b']);
  });

  it('has the probes by kind and outcome, the interruptions by compliance, the notices by reason and the evidence count', async () => {
    expect(lines(await prometheus!.query(`${M.probes}{job="ecdx-monitor"}`), ['target', 'probe', 'outcome'])).toEqual([
      '{target=carrier-a,probe=canary,outcome=failed} 1',
      '{target=carrier-a,probe=health,outcome=ok} 1',
      '{target=platform-b,probe=health,outcome=ok} 1',
    ]);
    expect(lines(await prometheus!.query(`${M.interruptions}{job="ecdx-monitor"}`), ['target', 'feed', 'compliance'])).toEqual([
      '{target=carrier-a,feed=PARCEL_DATA_PUSH,compliance=compliant} 2',
      '{target=carrier-a,feed=PARCEL_DATA_PUSH,compliance=non-compliant} 1',
    ]);
    expect(lines(await prometheus!.query(`${M.notices}{job="ecdx-monitor"}`), ['target', 'reason'])).toEqual([
      '{target=carrier-a,reason=PLANNED_MAINTENANCE} 2',
    ]);
    expect(lines(await prometheus!.query(`${M.evidence}{job="ecdx-monitor"}`), ['job'])).toEqual(['{job=ecdx-monitor} 7']);
  });

  it('computes quantiles from the latency histograms', async () => {
    // Pushes 3 s, 3 s and 40 s late: the median falls in the (1, 5] bucket, interpolated at 1 + 4 × 1.5 / 2 = 4 s.
    const [push] = await prometheus!.query(`histogram_quantile(0.5, sum by (le) (${M.pushLatency}_bucket{target="carrier-a"}))`);
    expect(push?.value).toBe(4);
    // The failed canary took 2.5 s: above ECDX-HLT-009's 2 s bucket edge.
    const [slow] = await prometheus!.query(
      `${M.probeDuration}_count{job="ecdx-monitor",probe="canary"} - ignoring(le) ${M.probeDuration}_bucket{job="ecdx-monitor",probe="canary",le="2"}`,
    );
    expect(slow?.value).toBe(1);
  });

  it("has the mock's requests by operation and status, their duration, and its pushes by outcome", async () => {
    expect(lines(await prometheus!.query(MOCK_METRICS.requests), ['operation', 'status'])).toEqual([
      '{operation=getHealth,status=200} 3',
      '{operation=unmatched,status=404} 1',
    ]);
    expect(lines(await prometheus!.query(`${MOCK_METRICS.requestDuration}_count`), ['operation'])).toEqual([
      '{operation=getHealth} 3',
      '{operation=unmatched} 1',
    ]);
    expect(lines(await prometheus!.query(MOCK_METRICS.pushes), ['outcome'])).toEqual([
      '{outcome=abandoned} 0',
      '{outcome=delivered} 0',
      '{outcome=failed} 0',
      '{outcome=gone} 0',
    ]);
  });

  it('evaluates the shipped rules on the monitor: the non-compliant interruption fires, the interrupted feed is pending', async () => {
    // The rules of a group are evaluated and written one after the other: wait for the last of the three.
    const alerts = await prometheus!.waitFor('ALERTS{job="ecdx-monitor"}', (s) => s.some((a) => a.metric['alertname'] === 'EcdxFeedInterrupted'));
    expect(lines(alerts, ['alertname', 'alertstate', 'target', 'feed'])).toEqual([
      '{alertname=EcdxFeedAvailabilityBelowTarget,alertstate=pending,target=carrier-a,feed=PARCEL_DATA_PUSH} 1',
      '{alertname=EcdxFeedInterrupted,alertstate=pending,target=carrier-a,feed=PARCEL_DATA_PUSH} 1',
      '{alertname=EcdxInterruptionWithoutCompliantNotice,alertstate=firing,target=carrier-a,feed=PARCEL_DATA_PUSH} 1',
    ]);
  });
});
