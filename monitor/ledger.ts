// What the monitor knows of each link, rebuilt from the evidence records alone (decision 0053). The live monitor
// and a restarted one apply the same records in the same order, so a restart — clean, or after SIGKILL — resumes
// exactly where the last record left off: the interruption open before it is still open after it, and the run of
// failed probes goes on counting. Nothing here reads a clock or the network; the detector decides, this remembers.
import type { DataFeed, InterruptionNotice, NoticeResponse } from '../schemas/src/index.ts';
import type { EvidenceEntry } from './evidence/chain.ts';
import type { Compliance, InterruptionCause, TimelineSpan, Violation } from './report-schema.ts';
import type { HeldNotice } from './verdict.ts';

/** One probe of a round, as the probe record holds it. */
export interface ProbeOutcome {
  probe: 'health' | 'canary';
  ok: boolean;
  status?: number;
  ms: number;
  /** Why it failed, in one line. */
  detail?: string;
}

export interface ProbeData {
  results: ProbeOutcome[];
  /** How long this observation speaks for (Link.horizonMs): a longer gap to the next is unmeasured. */
  horizonMs?: number;
  /** The canary shipment the monitor created on a test deployment (once, in a record of its own). */
  canaryCreated?: string;
  /** Each feed's state this round: true when every probe that speaks for it answered. */
  feeds: Partial<Record<DataFeed, boolean>>;
}

export interface PushData {
  batchId?: string;
  /** Each event: its key (waybill and sequence), its OP-02 node, and the seconds from its occurredAt to the receipt. */
  events: { key: string; node: string; latency: number }[];
}

export interface OpenedData {
  id: string;
  feed: DataFeed;
  cause: InterruptionCause;
  startedAt: number;
  firstFailure: string;
}

export interface TrackedInterruption extends OpenedData {
  endedAt?: number;
  compliance: Compliance;
  violations: Violation[];
  noticeId?: string;
}

interface Span {
  from: number;
  to: number;
  state: 'up' | 'down';
}

interface FeedState {
  up?: boolean;
  spans: Span[];
  /** Failed probe rounds in a row, and the first of them. */
  failures: number;
  firstFailureAt?: number;
  firstFailure?: string;
  open?: string;
}

/** Samples kept for a median: the most recent, enough for weeks of rounds, bounded whatever the run's length. */
const MAX_SAMPLES = 10_000;

export class LinkLedger {
  readonly name: string;
  from?: number;
  to?: number;
  probes = { total: 0, failed: 0 };
  probeMs: number[] = [];
  pushes = { received: 0, events: 0 };
  /** Distinct events received (waybill and sequence), and by node: what the statistics count as provided. */
  readonly seen = new Set<string>();
  canaryWaybill?: string;
  pushLatencies: number[] = [];
  byNode: Record<string, number> = {};
  lastPushAt?: number;
  incidents = 0;
  readonly feeds = new Map<DataFeed, FeedState>();
  readonly interruptions = new Map<string, TrackedInterruption>();
  readonly notices = new Map<string, HeldNotice>();
  /** The horizon of a probe record that states none: beyond it the time between two rounds is not measured. */
  readonly horizonMs: number;

  constructor(name: string, horizonMs = 120_000) {
    this.name = name;
    this.horizonMs = horizonMs;
  }

  feed(feed: DataFeed): FeedState {
    let state = this.feeds.get(feed);
    if (!state) {
      state = { spans: [], failures: 0 };
      this.feeds.set(feed, state);
    }
    return state;
  }

  /** The open interruption of a feed, if one is open. */
  openOf(feed: DataFeed): TrackedInterruption | undefined {
    const id = this.feeds.get(feed)?.open;
    return id === undefined ? undefined : this.interruptions.get(id);
  }

  apply(entry: EvidenceEntry): void {
    const at = Date.parse(entry.at);
    this.from = Math.min(this.from ?? at, at);
    this.to = Math.max(this.to ?? at, at);
    const data = entry.data as Record<string, unknown>;
    switch (entry.kind) {
      case 'probe':
        this.#probe(at, data as unknown as ProbeData);
        return;
      case 'push':
        this.#push(at, data as unknown as PushData);
        return;
      case 'notice': {
        const notice = data.notice as InterruptionNotice;
        const held = this.notices.get(notice.noticeId);
        this.notices.set(notice.noticeId, held ? { ...held, notice } : { notice, receivedAt: at });
        return;
      }
      case 'notice-response':
        this.#response(at, data.noticeId as string, data.response as NoticeResponse, data.state as InterruptionNotice['negotiation']['state'] | undefined);
        return;
      case 'incident':
        this.incidents += 1;
        return;
      case 'interruption-opened': {
        const opened = data as unknown as OpenedData;
        this.interruptions.set(opened.id, { ...opened, compliance: 'pending', violations: [] });
        this.feed(opened.feed).open = opened.id;
        return;
      }
      case 'interruption-closed': {
        const tracked = this.interruptions.get(data.id as string);
        if (!tracked) return;
        tracked.endedAt = data.endedAt as number;
        const state = this.feed(tracked.feed);
        if (state.open === tracked.id) delete state.open;
        return;
      }
      case 'verdict': {
        const tracked = this.interruptions.get(data.id as string);
        if (!tracked) return;
        tracked.compliance = data.compliance as Compliance;
        tracked.violations = data.violations as Violation[];
        if (typeof data.noticeId === 'string') tracked.noticeId = data.noticeId;
        else delete tracked.noticeId;
        return;
      }
      default:
        return;
    }
  }

  #probe(at: number, data: ProbeData): void {
    if (data.canaryCreated !== undefined) this.canaryWaybill = data.canaryCreated;
    this.probes.total += data.results.length;
    for (const result of data.results) {
      if (!result.ok) this.probes.failed += 1;
      keep(this.probeMs, result.ms);
    }
    for (const [feed, up] of Object.entries(data.feeds) as [DataFeed, boolean][]) {
      const state = this.feed(feed);
      this.#extend(state, at, up ? 'up' : 'down', data.horizonMs ?? this.horizonMs);
      state.up = up;
      if (up) {
        state.failures = 0;
        delete state.firstFailureAt;
        delete state.firstFailure;
      } else {
        if (state.failures === 0) {
          state.firstFailureAt = at;
          state.firstFailure = data.results.find((r) => !r.ok)?.detail ?? `GET /v1/health reports ${feed} DOWN`;
        }
        state.failures += 1;
      }
    }
  }

  /** The previous state holds until this round, which starts the next stretch; past the horizon the gap is unmeasured. */
  #extend(state: FeedState, at: number, observed: 'up' | 'down', horizonMs: number): void {
    const last = state.spans.at(-1);
    if (last && at - last.to <= horizonMs) {
      last.to = Math.max(last.to, at);
      if (last.state === observed) return;
    }
    state.spans.push({ from: at, to: at, state: observed });
  }

  #push(at: number, data: PushData): void {
    this.pushes.received += 1;
    this.pushes.events += data.events.length;
    for (const event of data.events) {
      keep(this.pushLatencies, event.latency);
      if (this.seen.has(event.key)) continue;
      this.seen.add(event.key);
      this.byNode[event.node] = (this.byNode[event.node] ?? 0) + 1;
    }
    this.lastPushAt = Math.max(this.lastPushAt ?? at, at);
  }

  #response(at: number, noticeId: string, response: NoticeResponse, state: InterruptionNotice['negotiation']['state'] | undefined): void {
    const held = this.notices.get(noticeId);
    if (!held) return;
    const responses = [...held.notice.negotiation.responses, response];
    const negotiation = { ...held.notice.negotiation, responses, ...(state ? { state } : {}) };
    const next: HeldNotice = { ...held, notice: { ...held.notice, negotiation } };
    if (response.type === 'DISCLOSED' && next.disclosedAt === undefined) next.disclosedAt = at;
    if (response.type === 'AUTHORITY_REPORTED' && next.authorityReportedAt === undefined) {
      const reported = new Set(responses.flatMap((r) => (r.type === 'AUTHORITY_REPORTED' ? r.authorityReport.authorities : [])));
      if (reported.has('COMMERCE') && reported.has('POSTAL')) next.authorityReportedAt = at;
    }
    this.notices.set(noticeId, next);
  }

  /** A feed's timeline over [from, to]: its stretches, with the gaps between them unmeasured. */
  timeline(feed: DataFeed, from: number, to: number): TimelineSpan[] {
    const spans = this.feeds.get(feed)?.spans ?? [];
    const out: TimelineSpan[] = [];
    let cursor = from;
    const iso = (ms: number) => new Date(ms).toISOString();
    for (const span of spans) {
      if (span.to < from || span.from > to) continue;
      const start = Math.max(span.from, from);
      if (start > cursor) out.push({ from: iso(cursor), to: iso(start), state: 'unmeasured' });
      const end = Math.min(span.to, to);
      if (end > start) out.push({ from: iso(start), to: iso(end), state: span.state });
      cursor = Math.max(cursor, end);
    }
    if (to > cursor) out.push({ from: iso(cursor), to: iso(to), state: 'unmeasured' });
    return out;
  }

  /**
   * The whole minutes of [from, to) for `feeds` together: those measured (covered by observed stretches of every
   * one of them), and of those the available ones (up throughout, and no interruption of any of them touching it).
   */
  minutes(feeds: readonly DataFeed[], from: number, to: number): { period: number; measured: number; available: number } {
    const first = Math.ceil(from / 60_000);
    const last = Math.floor(to / 60_000); // exclusive
    const period = Math.max(0, last - first);
    if (period === 0 || feeds.length === 0) return { period, measured: 0, available: 0 };
    const measured = new Uint8Array(period).fill(1);
    const available = new Uint8Array(period).fill(1);
    for (const feed of feeds) {
      const covered = new Uint8Array(period);
      const up = new Uint8Array(period);
      for (const span of this.feeds.get(feed)?.spans ?? []) {
        const [a, b] = [Math.max(first, Math.ceil(span.from / 60_000)), Math.min(last, Math.floor(span.to / 60_000))];
        for (let m = a; m < b; m++) {
          covered[m - first] = 1;
          if (span.state === 'up') up[m - first] = 1;
        }
      }
      for (const interruption of this.interruptions.values()) {
        if (interruption.feed !== feed) continue;
        const [a, b] = [Math.max(first, Math.floor(interruption.startedAt / 60_000)), Math.min(last, Math.ceil((interruption.endedAt ?? to) / 60_000))];
        for (let m = a; m < b; m++) up[m - first] = 0;
      }
      for (let i = 0; i < period; i++) {
        measured[i] = measured[i]! & covered[i]!;
        available[i] = available[i]! & up[i]! & covered[i]!;
      }
    }
    return { period, measured: measured.reduce((a, b) => a + b, 0), available: available.reduce((a, b) => a + b, 0) };
  }
}

function keep(samples: number[], value: number): void {
  samples.push(value);
  if (samples.length > MAX_SAMPLES) samples.splice(0, samples.length - MAX_SAMPLES);
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
