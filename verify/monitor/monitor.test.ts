// The monitor against the reference mock carrier, on the mock's fast clock (1 real second = 10 minutes), the link
// cut by a proxy: an outage without notice is flagged, the same outage under a compliant notice is not, a notice
// with too short a lead time is flagged, and slow pushes show in the push latency histogram. Each scenario takes
// seconds for what would take days.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { MonitorOptions, RunningMonitor } from '../../monitor/monitor.ts';
import { type Interruption, MonitorReport } from '../../monitor/report-schema.ts';
import { violations } from '../../schemas/validate.ts';
import { LinkProxy } from './link-proxy.ts';
import { act, advance, freePort, type MockLink, mockCarrierLink, until, watchMockCarrier } from './scenario.ts';

const root = mkdtempSync(join(tmpdir(), 'ecdx-monitor-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

const SPEED = 600;
const HOUR_S = 3600;

async function watch(link: MockLink, extra: Partial<MonitorOptions> = {}): Promise<RunningMonitor> {
  const monitor = await watchMockCarrier(link, join(mkdtempSync(join(root, 'run-')), 'evidence.jsonl'), extra);
  open.push({ close: () => monitor.stop() });
  return monitor;
}

const target = (monitor: RunningMonitor) => monitor.report().targets[0]!;
const interruptions = (monitor: RunningMonitor): Interruption[] => target(monitor).interruptions;
const verdicts = (monitor: RunningMonitor) =>
  interruptions(monitor)
    .map((i) => ({ feed: i.feed, compliance: i.compliance, violations: i.violations.map((v) => v.requirement), noticeId: i.noticeId }))
    .sort((a, b) => a.feed.localeCompare(b.feed));

/** Cut the link until both carrier feeds are interrupted, then restore it until both have ended. */
async function outage(link: MockLink, monitor: RunningMonitor): Promise<void> {
  const before = interruptions(monitor).length;
  link.proxy.cut();
  expect(await until(() => interruptions(monitor).length === before + 2)).toBe(true);
  link.proxy.restore();
  expect(await until(() => interruptions(monitor).every((i) => i.endedAt !== undefined))).toBe(true);
}

async function started(link: MockLink): Promise<{ link: MockLink; monitor: RunningMonitor }> {
  open.push(link);
  const monitor = await watch(link);
  expect(await until(() => target(monitor).probes.total >= 6 && target(monitor).party !== undefined)).toBe(true);
  return { link, monitor };
}

const metric = async (monitor: RunningMonitor, line: RegExp): Promise<number | undefined> => {
  const text = await (await fetch(monitor.metricsUrl!)).text();
  const found = text.split('\n').find((l) => line.test(l));
  return found === undefined ? undefined : Number(found.split(' ').at(-1));
};

describe('ecdx monitor against the mock carrier, on its clock', () => {
  it('flags an outage no notice announced: ECDX-NTC-001 and -002 for each feed', async () => {
    const { link, monitor } = await started(await mockCarrierLink({ speed: SPEED }));
    await outage(link, monitor);
    expect(verdicts(monitor)).toEqual([
      { feed: 'PARCEL_DATA_PULL', compliance: 'non-compliant', violations: ['ECDX-NTC-001', 'ECDX-NTC-002'], noticeId: undefined },
      { feed: 'PARCEL_DATA_PUSH', compliance: 'non-compliant', violations: ['ECDX-NTC-001', 'ECDX-NTC-002'], noticeId: undefined },
    ]);
    const [pull] = interruptions(monitor);
    expect(pull!.firstFailure).toMatch(/GET \/v1\/health: /);
    expect(pull!.minutes).toBeGreaterThan(0);
    const feed = target(monitor).feeds.find((f) => f.feed === 'PARCEL_DATA_PULL')!;
    expect(feed.availabilityPercent).toBeLessThan(100);
    expect(feed.timeline.map((s) => s.state)).toContain('down');
    expect(target(monitor).statistics?.interruptions.count).toBe(2);
    expect(violations(MonitorReport, monitor.report())).toEqual([]);
    expect(await metric(monitor, /^ecdx_monitor_interruptions\{target="mock",feed="PARCEL_DATA_PULL",compliance="non-compliant"\}/)).toBe(1);
    expect(await metric(monitor, /^ecdx_monitor_feed_up\{target="mock",feed="PARCEL_DATA_PULL"\}/)).toBe(1);
  });

  it('does not flag the same outage inside a compliant notice (72 h ahead for maintenance)', async () => {
    const { link, monitor } = await started(await mockCarrierLink({ speed: SPEED }));
    const outcome = await act(link, { action: 'issue-notice', counterparty: monitor.noticeUrls.mock!, reason: 'PLANNED_MAINTENANCE' });
    expect(outcome.outcome).toBe('DONE');
    expect(await until(() => target(monitor).notices.length === 1)).toBe(true);
    const notice = target(monitor).notices[0]!;
    await advance(link, Math.ceil((Date.parse(notice.plannedStart) - Date.parse(notice.issuedAt)) / 1000) + 60);
    expect(await until(() => Date.parse(target(monitor).period.to) > Date.parse(notice.plannedStart) + 120_000)).toBe(true);
    await outage(link, monitor);
    expect(verdicts(monitor)).toEqual([
      { feed: 'PARCEL_DATA_PULL', compliance: 'compliant', violations: [], noticeId: notice.noticeId },
      { feed: 'PARCEL_DATA_PUSH', compliance: 'compliant', violations: [], noticeId: notice.noticeId },
    ]);
    expect(await metric(monitor, /^ecdx_monitor_notices_received_total\{target="mock",reason="PLANNED_MAINTENANCE"\}/)).toBe(1);
  });

  it('flags a notice whose lead time is too short for its reason (ECDX-NTC-002)', async () => {
    const { link, monitor } = await started(await mockCarrierLink({ speed: SPEED, faults: ['notice-lead-time-too-short'] }));
    await act(link, { action: 'issue-notice', counterparty: monitor.noticeUrls.mock!, reason: 'PLANNED_MAINTENANCE' });
    expect(await until(() => target(monitor).notices.length === 1)).toBe(true);
    const notice = target(monitor).notices[0]!;
    await advance(link, HOUR_S + 60);
    expect(await until(() => Date.parse(target(monitor).period.to) > Date.parse(notice.plannedStart) + 120_000)).toBe(true);
    await outage(link, monitor);
    const pull = interruptions(monitor).find((i) => i.feed === 'PARCEL_DATA_PULL')!;
    expect([pull.compliance, pull.noticeId, pull.violations.map((v) => v.requirement)]).toEqual(['non-compliant', notice.noticeId, ['ECDX-NTC-002']]);
    expect(pull.violations[0]!.detail).toMatch(/arrived (59 min|1 h) before its planned start; PLANNED_MAINTENANCE needs 3 d/);
  });

  it('shows slow pushes in the push latency histogram', async () => {
    const link = await mockCarrierLink({ speed: 6000 });
    open.push(link);
    const callback = await LinkProxy.start();
    open.push(callback);
    const port = await freePort();
    callback.to(`http://127.0.0.1:${port}`);
    const monitor = await watch(link, { callback: { port, url: callback.url } });
    const count = () => metric(monitor, /^ecdx_monitor_push_latency_seconds_count\{target="mock"\}/).then((n) => n ?? 0);
    const slowerThanAnHour = async () =>
      (await count()) - ((await metric(monitor, /^ecdx_monitor_push_latency_seconds_bucket\{le="3600",target="mock"\}/)) ?? 0);
    expect(await until(async () => (await count()) >= 1, 20_000)).toBe(true);
    expect(await slowerThanAnHour()).toBe(0); // a direct link: minutes at most
    callback.delay(1000); // a second of real time: 100 minutes of the mock's
    const before = await count();
    expect(await until(async () => (await count()) > before + 1, 20_000)).toBe(true);
    expect(await slowerThanAnHour()).toBeGreaterThan(0);
    expect(target(monitor).pushes.received).toBeGreaterThan(1);
  });
});
