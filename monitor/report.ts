// report.json: what the monitor observed of each link, from its ledger, with the standard's SharingStatistics
// computed from the same observations (OP-11), so that an authority holds the object the party publishes beside
// the one the counterparty measured, field for field.
import type { ConformanceClaim, DataFeed, ExchangeParty, SharingStatistics } from '../schemas/src/index.ts';
import { statisticsInconsistencies } from '../schemas/src/index.ts';
import { formatTimestamp } from '../schemas/time.ts';
import { median, type LinkLedger } from './ledger.ts';
import type { FeedReport, Interruption, MonitorReport, ObservedNotice, TargetReport } from './report-schema.ts';
import type { HeldNotice } from './verdict.ts';

const iso = (ms: number): string => new Date(ms).toISOString();
/** Rounded down to two decimals, as SharingStatistics.availabilityPercent is. */
const percent = (available: number, period: number): number => (period === 0 ? 0 : Math.floor((available / period) * 10_000) / 100);

export interface LinkView {
  name: string;
  url: string;
  role: 'carrier' | 'platform';
  feeds: readonly DataFeed[];
  claim: ConformanceClaim | undefined;
  ledger: LinkLedger;
  /** The link's time now. */
  now: number;
}

function observedNotice(held: HeldNotice): ObservedNotice {
  const { notice } = held;
  return {
    noticeId: notice.noticeId,
    reason: notice.reason,
    affectedFeeds: notice.affectedFeeds,
    severity: notice.impact.severity,
    issuedAt: notice.issuedAt,
    receivedAt: iso(held.receivedAt),
    plannedStart: notice.plannedStart,
    ...(notice.plannedEnd ? { plannedEnd: notice.plannedEnd } : {}),
    negotiationState: notice.negotiation.state,
    ...(held.disclosedAt !== undefined ? { disclosedAt: iso(held.disclosedAt) } : {}),
    ...(held.authorityReportedAt !== undefined ? { authorityReportedAt: iso(held.authorityReportedAt) } : {}),
  };
}

/** The minutes of an interruption within [from, to): whole minutes, as SharingStatistics counts them. */
const minutesOf = (interruption: { startedAt: number; endedAt?: number }, from: number, to: number): number =>
  Math.max(0, Math.floor((Math.min(interruption.endedAt ?? to, to) - Math.max(interruption.startedAt, from)) / 60_000));

export function targetReport(link: LinkView): TargetReport {
  const { ledger } = link;
  const from = ledger.from ?? link.now;
  const to = Math.max(ledger.to ?? link.now, link.now);
  const feeds: FeedReport[] = link.feeds.map((feed) => {
    const minutes = ledger.minutes([feed], from, to);
    return { feed, availabilityPercent: percent(minutes.available, minutes.period), minutes, timeline: ledger.timeline(feed, from, to) };
  });
  const interruptions: Interruption[] = [...ledger.interruptions.values()].map((i) => ({
    id: i.id,
    feed: i.feed,
    cause: i.cause,
    startedAt: iso(i.startedAt),
    ...(i.endedAt !== undefined ? { endedAt: iso(i.endedAt) } : {}),
    minutes: minutesOf(i, i.startedAt, to),
    compliance: i.compliance,
    violations: i.violations,
    ...(i.noticeId ? { noticeId: i.noticeId } : {}),
    firstFailure: i.firstFailure.slice(0, 1000),
  }));
  const probeMedian = median(ledger.probeMs);
  const pushMedian = median(ledger.pushLatencies);
  const party = partyOf(link);
  const statistics = party ? sharingStatistics(link, party, from, to) : undefined;
  return {
    id: link.name,
    url: link.url,
    role: link.role,
    ...(party ? { party } : {}),
    period: { from: iso(from), to: iso(to) },
    probes: { ...ledger.probes, ...(probeMedian !== undefined ? { medianLatencyMs: probeMedian } : {}) },
    pushes: { received: ledger.pushes.received, ...(pushMedian !== undefined ? { medianLatencySeconds: pushMedian } : {}) },
    feeds,
    interruptions,
    notices: [...ledger.notices.values()].map(observedNotice),
    ...(statistics ? { statistics } : {}),
  };
}

function partyOf(link: LinkView): ExchangeParty | undefined {
  const party = link.claim?.party;
  if (!party) return undefined;
  // A claim that names no carrier code names no carrier (ExchangeParty): the statistics wait until it does.
  if (link.role === 'carrier') return party.carrierCode ? { name: party.name, role: 'carrier', carrierCode: party.carrierCode } : undefined;
  return { name: party.name, role: 'platform' };
}

/**
 * The figures of SharingStatistics for the link's party over the monitored period, as the monitor saw them: the
 * events it received (first arrivals, by node), the pushes, the interruptions the party caused and their minutes,
 * and the availability over every feed together. The monitor sends no shipping data of its own, so those are 0.
 */
export function sharingStatistics(link: LinkView, party: ExchangeParty, from: number, to: number): SharingStatistics {
  const { ledger } = link;
  const byNode = { ACCEPTANCE: 0, SORTING: 0, TRANSPORT: 0, DELIVERY: 0 };
  for (const [node, count] of Object.entries(ledger.byNode)) if (node in byNode) byNode[node as keyof typeof byNode] += count;
  const provided = Object.values(byNode).reduce((a, b) => a + b, 0);
  const pushMedian = median(ledger.pushLatencies);
  const interruptions = [...ledger.interruptions.values()];
  const all = ledger.minutes(link.feeds, from, to);
  const statistics: SharingStatistics = {
    period: { from: formatTimestamp(from), to: formatTimestamp(to) },
    generatedAt: formatTimestamp(to),
    role: link.role,
    party,
    shipments: { received: 0, accepted: 0, rejected: 0, rejectedByReason: {} },
    trackingEvents: { provided, byNode },
    pushes: {
      delivered: ledger.pushes.received,
      retried: 0,
      failed: 0,
      ...(ledger.pushes.received > 0 && pushMedian !== undefined ? { medianLatencySeconds: pushMedian } : {}),
    },
    interruptions: {
      count: interruptions.length,
      minutes: Math.min(
        interruptions.reduce((sum, i) => sum + minutesOf(i, from, to), 0),
        Math.ceil((to - from) / 60_000),
      ),
    },
    incidents: { count: ledger.incidents },
    availabilityPercent: percent(all.available, all.period),
  };
  const inconsistent = statisticsInconsistencies(statistics);
  if (inconsistent.length > 0) throw new Error(`the monitor's statistics are inconsistent: ${inconsistent.map((i) => `${i.pointer} ${i.detail}`).join('; ')}`);
  return statistics;
}

export function monitorReport(options: {
  generator: string;
  startedAt: number;
  links: readonly LinkView[];
  evidence: { file: string; records: number; head?: string };
}): MonitorReport {
  return {
    generator: options.generator,
    generatedAt: iso(Date.now()),
    startedAt: iso(options.startedAt),
    targets: options.links.map(targetReport),
    evidence: options.evidence,
  };
}
