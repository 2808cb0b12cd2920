// `ecdx monitor` as a library: one process watching many links. It opens the journal (state and evidence log),
// rebuilds each link's ledger from the records already written, starts what the links share — the push receiver,
// the counterparty that receives their notices, the /metrics endpoint — and runs each link's rounds on its own
// schedule until stopped or until its duration is up. Each write goes to the journal first, then to the ledger and
// the metrics, so that what is exported or reported was durable before anyone could read it.
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, type KeyObject } from 'node:crypto';
import { startMetricsEndpoint } from '../protocol/index.ts';
import { PushReceiver } from '../conformance/harness/receiver.ts';
import { CounterpartyServer, type CounterpartySession } from '../conformance/harness/counterparty/server.ts';
import { HARNESS_VERSION } from '../conformance/harness/runner.ts';
import type { Language } from '../conformance/i18n/index.ts';
import type { PartyRole } from '../schemas/src/index.ts';
import type { EvidenceEntry, EvidenceRecord } from './evidence/chain.ts';
import { realClock, TargetClock } from './clock.ts';
import { Journal } from './journal.ts';
import { LinkLedger } from './ledger.ts';
import { Link, type LinkOptions } from './link.ts';
import { MonitorMetrics } from './metrics.ts';
import { monitorReport, type LinkView } from './report.ts';
import { renderMonitorReport } from './report-html.ts';
import type { MonitorReport } from './report-schema.ts';
import { COMPLIANCE } from './report-schema.ts';

/** A link to watch: who it is, how to sign to it and how it signs (LinkOptions without the schedule and clock). */
export type MonitoredTarget = Pick<LinkOptions, 'name' | 'url' | 'role' | 'key' | 'targetKeys' | 'canaryWaybill' | 'pushGapMs'> & { subscribe?: boolean };

export interface MonitorOptions {
  targets: readonly MonitoredTarget[];
  intervalMs: number;
  failuresToOpen: number;
  probeTimeoutMs: number;
  /** `target`: each link keeps its target's (test) clock; `real`: the real one. */
  clock: 'real' | 'target';
  statePath?: string;
  evidencePath: string;
  signer?: KeyObject;
  reportDir?: string;
  /** The language of report.html; English by default. report.json is the same in every language. */
  lang?: Language;
  /** Stop by itself after this long (real time). */
  durationMs?: number;
  metrics?: { port: number; host?: string };
  callback?: { host?: string; port?: number; url?: string };
  /** Where the counterparties send their notices: the monitor plays the other role. */
  counterparty?: { host?: string; port?: number; url?: string };
  /** Progress lines (interruptions opened and closed, notices): the CLI prints them. */
  log?: (line: string) => void;
}

export interface RunningMonitor {
  metricsUrl?: string;
  /** Each link's notice URL: the base URL its counterparty sends interruption notices to. */
  noticeUrls: Record<string, string>;
  /** What open() had to repair in the log (a torn record, records the file lacked). */
  repairs: readonly string[];
  report(): MonitorReport;
  /** Stop: finish the rounds in flight, write monitor-stopped and the reports, close everything. */
  stop(): Promise<void>;
  /** Settles when the monitor stopped (by stop() or at the end of its duration). */
  readonly stopped: Promise<void>;
}

/** A UUID-shaped id from a link's name: its counterparty session keeps the same URL across restarts of one state. */
function sessionIdOf(name: string, first: string): string {
  const x = createHash('sha256').update(`${first}\n${name}`).digest('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

const other = (role: PartyRole): PartyRole => (role === 'carrier' ? 'platform' : 'carrier');

export async function startMonitor(options: MonitorOptions): Promise<RunningMonitor> {
  const startedAt = Date.now();
  const journal = Journal.open({
    evidencePath: options.evidencePath,
    ...(options.statePath ? { statePath: options.statePath } : {}),
    ...(options.signer ? { signer: options.signer } : {}),
  });
  const metrics = new MonitorMetrics();
  const log = options.log ?? (() => {});
  const ledgers = new Map<string, LinkLedger>(options.targets.map((t) => [t.name, new LinkLedger(t.name)]));
  for (const record of journal.records) if (record.target !== undefined) ledgers.get(record.target)?.apply(record);
  // The first record's time names the sessions: the same state gives the same notice URLs after a restart.
  const first = journal.records[0]?.at ?? new Date(startedAt).toISOString();

  const closers: (() => Promise<void>)[] = [];
  let links: Link[] = [];
  try {
    const { url: callbackUrl, ...listen } = options.callback ?? {};
    const receiver = await PushReceiver.start({ ...listen, ...(callbackUrl ? { publicUrl: callbackUrl } : {}) });
    closers.push(() => receiver.close());
    const servers = new Map<PartyRole, CounterpartyServer>();
    for (const role of new Set(options.targets.map((t) => other(t.role)))) {
      const keys = options.targets.filter((t) => other(t.role) === role).flatMap((t) => t.targetKeys);
      const port = options.counterparty?.port === undefined ? undefined : options.counterparty.port + servers.size;
      const clocks = (): number => links.find((l) => other(l.options.role) === role)?.now() ?? Date.now();
      const server = await CounterpartyServer.start({
        role,
        clientKeys: keys,
        clientNow: clocks,
        ...(options.counterparty?.host ? { host: options.counterparty.host } : {}),
        ...(port !== undefined ? { port } : {}),
        ...(options.counterparty?.url && servers.size === 0 ? { publicUrl: options.counterparty.url } : {}),
      });
      servers.set(role, server);
      closers.push(() => server.close());
    }
    const write = (entries: EvidenceEntry[]): void => {
      const written = journal.write(entries);
      metrics.evidenceAppended(written.length);
      for (const record of written) {
        const link = links.find((l) => l.options.name === record.target);
        link?.ledger.apply(record);
        if (link) observe(link, record);
      }
    };
    const observe = (link: Link, record: EvidenceRecord): void => {
      const name = link.options.name;
      const data = record.data as Record<string, unknown>;
      if (record.kind === 'probe') {
        for (const r of (data.results as { probe: 'health' | 'canary'; ok: boolean; ms: number }[]) ?? []) metrics.probed(name, r.probe, r.ok, r.ms / 1000);
      } else if (record.kind === 'push') {
        metrics.pushReceived(
          name,
          ((data.events as { latency: number }[]) ?? []).map((e) => e.latency),
        );
      } else if (record.kind === 'notice') {
        const notice = data.notice as { noticeId: string; reason: string };
        metrics.noticesReceived(name, notice.reason);
        log(`${name}: notice ${notice.noticeId} (${notice.reason}) received`);
      } else if (record.kind === 'interruption-opened') {
        log(`${name}: ${data.feed} interrupted since ${new Date(data.startedAt as number).toISOString()} (${data.cause}: ${data.firstFailure})`);
      } else if (record.kind === 'interruption-closed') {
        log(`${name}: ${data.id} ended at ${new Date(data.endedAt as number).toISOString()}`);
      } else if (record.kind === 'verdict') {
        const violations = (data.violations as { requirement: string }[]).map((v) => v.requirement).join(', ');
        log(`${name}: ${data.id} is ${data.compliance}${violations ? ` (${violations})` : ''}`);
      }
    };
    const sessions: Record<string, CounterpartySession> = {};
    links = options.targets.map((target) => {
      const session = servers.get(other(target.role))!.session({ id: sessionIdOf(target.name, first) });
      sessions[target.name] = session;
      return new Link(
        {
          name: target.name,
          url: target.url,
          role: target.role,
          key: target.key,
          targetKeys: target.targetKeys,
          ...(target.canaryWaybill ? { canaryWaybill: target.canaryWaybill } : {}),
          ...(target.pushGapMs ? { pushGapMs: target.pushGapMs } : {}),
          subscribe: target.subscribe ?? true,
          clock: options.clock === 'target' ? new TargetClock() : realClock(),
          targetClock: options.clock === 'target',
          intervalMs: options.intervalMs,
          failuresToOpen: options.failuresToOpen,
          probeTimeoutMs: options.probeTimeoutMs,
        },
        { write, receiver, session },
        ledgers.get(target.name)!,
      );
    });
    for (const link of links) link.restoreNotices();
    closers.push(async () => {
      for (const link of links) await link.close();
    });
    const updateGauges = (link: Link): void => {
      const name = link.options.name;
      const to = link.now();
      const from = link.ledger.from ?? to;
      for (const feed of link.feeds) {
        const minutes = link.ledger.minutes([feed], from, to);
        metrics.feed(name, feed, link.ledger.openOf(feed) === undefined, minutes.period === 0 ? 1 : minutes.available / minutes.period);
      }
      const counts = link.feeds.flatMap((feed) =>
        COMPLIANCE.map((compliance) => ({
          feed,
          compliance,
          count: [...link.ledger.interruptions.values()].filter((i) => i.feed === feed && i.compliance === compliance).length,
        })),
      );
      metrics.interruptions(name, counts);
    };
    let metricsUrl: string | undefined;
    if (options.metrics) {
      const endpoint = await startMetricsEndpoint({
        port: options.metrics.port,
        ...(options.metrics.host ? { host: options.metrics.host } : {}),
        metrics: () => metrics.text(),
      });
      closers.push(() => endpoint.close());
      metricsUrl = endpoint.url;
    }
    write([
      {
        at: new Date(startedAt).toISOString(),
        kind: 'monitor-started',
        data: {
          generator: `ecdx ${HARNESS_VERSION}`,
          targets: options.targets.map((t) => ({ name: t.name, url: t.url, role: t.role, notices: sessions[t.name]!.url })),
        },
      },
    ]);

    const report = (): MonitorReport =>
      monitorReport({
        generator: `ecdx ${HARNESS_VERSION}`,
        startedAt,
        links: links.map(
          (l): LinkView => ({ name: l.options.name, url: l.options.url, role: l.options.role, feeds: l.feeds, claim: l.claim, ledger: l.ledger, now: l.now() }),
        ),
        evidence: { file: journal.evidencePath, records: journal.head?.seq ?? 0, ...(journal.head ? { head: journal.head.hash } : {}) },
      });
    const writeReports = (): void => {
      if (!options.reportDir) return;
      mkdirSync(options.reportDir, { recursive: true });
      const current = report();
      atomicWrite(join(options.reportDir, 'report.json'), `${JSON.stringify(current, null, 2)}\n`);
      atomicWrite(join(options.reportDir, 'report.html'), renderMonitorReport(current, options.lang ? { lang: options.lang } : {}));
    };

    let running = true;
    const sleepers = new Set<() => void>();
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          sleepers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        sleepers.add(wake);
      });
    let lastReport = 0;
    const loops = links.map(async (link) => {
      while (running) {
        const began = Date.now();
        try {
          await link.round();
        } catch (error) {
          log(`${link.options.name}: the round failed: ${(error as Error).message.split('\n')[0]}`);
        }
        updateGauges(link);
        metrics.roundEnded(link.options.name, Date.now());
        if (Date.now() - lastReport > 10_000) {
          lastReport = Date.now();
          writeReports();
        }
        if (running) await sleep(Math.max(0, options.intervalMs - (Date.now() - began)));
      }
    });
    let stopping: Promise<void> | undefined;
    let resolveStopped = (): void => {};
    const stopped = new Promise<void>((resolve) => {
      resolveStopped = resolve;
    });
    const stop = (): Promise<void> => {
      stopping ??= (async () => {
        running = false;
        for (const wake of [...sleepers]) wake();
        clearTimeout(durationTimer);
        await Promise.all(loops);
        write([{ at: new Date().toISOString(), kind: 'monitor-stopped', data: { records: (journal.head?.seq ?? 0) + 1 } }]);
        writeReports();
        for (const close of closers.reverse()) await close();
        journal.close();
        resolveStopped();
      })();
      return stopping;
    };
    const durationTimer = options.durationMs === undefined ? undefined : setTimeout(() => void stop(), options.durationMs);
    return {
      ...(metricsUrl ? { metricsUrl } : {}),
      noticeUrls: Object.fromEntries(Object.entries(sessions).map(([name, s]) => [name, s.url])),
      repairs: journal.repairs,
      report,
      stop,
      stopped,
    } satisfies RunningMonitor;
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => {});
    journal.close();
    throw error;
  }
}

function atomicWrite(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}
