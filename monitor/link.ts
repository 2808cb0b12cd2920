// One monitored link: a round of probes every interval, the pushes and notices that arrived since the last round,
// and what they mean — an interruption opened after `failuresToOpen` failed rounds in a row (at the first of them)
// or after a push gap beyond the declared cadence (at the last push), closed by the first round that answers again
// (or the next push), and each interruption's verdict against the notices received (verdict.ts). Everything it
// concludes it writes as evidence records; its ledger, rebuilt from those records, is all it remembers.
import type { SigningKey, VerificationKey } from '../protocol/index.ts';
import { TargetClient, TargetUnreachable } from '../conformance/harness/client.ts';
import type { CallbackEndpoint, Delivery, PushReceiver } from '../conformance/harness/receiver.ts';
import type { ClientRequest, CounterpartySession } from '../conformance/harness/counterparty/server.ts';
import { countOnlyPushesOf, eventsOf, subscriptionIdOf, subscriptionPath, subscriptionRequest } from '../conformance/kit/pushes.ts';
import type { ConformanceClaim, DataFeed, InterruptionNotice, PartyRole, Subscription } from '../schemas/src/index.ts';
import type { EvidenceEntry } from './evidence/chain.ts';
import type { MonitorClock } from './clock.ts';
import type { LinkLedger, OpenedData, PushData } from './ledger.ts';
import { createCanary, feedsOf, probeRound, readClaim, readServerTime, readTestClock } from './probes.ts';
import { judgeInterruption, sameVerdict } from './verdict.ts';

export interface LinkOptions {
  name: string;
  url: string;
  role: PartyRole;
  key: SigningKey;
  /** The keys the target signs its own requests with (its notices to the monitor). */
  targetKeys: readonly VerificationKey[];
  canaryWaybill?: string;
  pushGapMs?: number;
  subscribe: boolean;
  clock: MonitorClock;
  /** Whether the clock follows the target's (a test deployment's) rather than the real one. */
  targetClock: boolean;
  intervalMs: number;
  failuresToOpen: number;
  probeTimeoutMs: number;
}

/** What the link needs from the monitor around it. */
export interface LinkServices {
  /** Write records (journal, ledger, metrics); returns once they are durable. */
  write(entries: EvidenceEntry[]): void;
  receiver: PushReceiver;
  session: CounterpartySession;
}

const iso = (ms: number): string => new Date(ms).toISOString();
/** Rounds between two attempts to subscribe to a carrier that refused. */
const SUBSCRIBE_RETRY_ROUNDS = 10;
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim().slice(0, 300);

export class Link {
  readonly options: LinkOptions;
  readonly ledger: LinkLedger;
  readonly http: TargetClient;
  claim: ConformanceClaim | undefined;
  feeds: DataFeed[];
  #services: LinkServices;
  #callback: CallbackEndpoint | undefined;
  #subscription: Subscription | undefined;
  #subscribedAt: number | undefined;
  /** Rounds so far, and the round of the last attempt to subscribe. */
  #rounds = 0;
  #lastAttempt: number | undefined;

  constructor(options: LinkOptions, services: LinkServices, ledger: LinkLedger) {
    this.options = options;
    this.ledger = ledger;
    this.#services = services;
    this.feeds = feedsOf(options.role, undefined);
    this.http = new TargetClient({
      baseUrl: options.url,
      key: options.key,
      timeoutMs: options.probeTimeoutMs * 2,
      maxResponseBytes: 1024 * 1024,
      clockOffset: () => options.clock.now() - Date.now(),
      record: () => {}, // the probe records are the evidence; the exchanges themselves are not kept
    });
  }

  /** The link's time, as the monitor stamps records. */
  now(): number {
    return this.options.clock.now();
  }

  /** The link's time when something arrived at real time `realMs`. */
  #at(realMs: number): number {
    return Math.round(this.now() - (Date.now() - realMs) * this.options.clock.speed);
  }

  #write(kind: EvidenceEntry['kind'], at: number, data: Record<string, unknown>): void {
    this.#services.write([{ at: iso(at), kind, target: this.options.name, data }]);
  }

  /** Read what the link is (claim, clock), and set up its canary and its subscription, as far as the target answers. */
  async prepare(): Promise<void> {
    await this.#syncClock();
    this.claim ??= await readClaim(this.http, this.options.role);
    if (this.claim) this.feeds = feedsOf(this.options.role, this.claim);
    if (this.options.role !== 'carrier') return;
    if (this.options.canaryWaybill === undefined && this.ledger.canaryWaybill === undefined && this.claim?.testMode) {
      const waybillNo = await createCanary(this.http, this.claim);
      if (waybillNo) this.#write('probe', this.now(), { results: [], feeds: {}, canaryCreated: waybillNo });
    }
    if (this.#wantsSubscription()) await this.#subscribe();
  }

  get canary(): string | undefined {
    return this.options.canaryWaybill ?? this.ledger.canaryWaybill;
  }

  async #syncClock(): Promise<void> {
    if (!this.options.targetClock) return;
    // The health document first, unsigned: a target clock already days ahead would make a signature on ours stale.
    const serverTime = await readServerTime(this.http);
    if (serverTime !== undefined) this.options.clock.observe(serverTime);
    const clock = await readTestClock(this.http);
    if (clock) this.options.clock.observe(clock.now, clock.speed);
  }

  /**
   * Whether to (try to) subscribe now: a carrier with a push feed and no subscription yet, at most every ten
   * rounds after a refusal, so that a carrier that refuses (or a broken one) is not asked every round.
   */
  #wantsSubscription(): boolean {
    if (!this.options.subscribe || this.options.role !== 'carrier' || this.#subscription !== undefined || !this.feeds.includes('PARCEL_DATA_PUSH'))
      return false;
    return this.#lastAttempt === undefined || this.#rounds - this.#lastAttempt >= SUBSCRIBE_RETRY_ROUNDS;
  }

  async #subscribe(): Promise<void> {
    this.#lastAttempt = this.#rounds;
    this.#callback ??= this.#services.receiver.endpoint();
    const scheme = this.claim?.webhookSignatureSchemes?.includes('v1a') || !this.claim?.webhookSignatureSchemes?.length ? 'v1a' : 'v1';
    try {
      const response = await this.http.send({
        method: 'POST',
        path: '/v1/subscriptions',
        body: subscriptionRequest({ callbackUrl: this.#callback.url, scheme, ...(this.canary ? { waybillNos: [this.canary] } : {}) }),
      });
      if (response.status !== 201 || subscriptionIdOf(response) === undefined) return;
      this.#subscription = response.json as Subscription;
      this.#subscribedAt = this.now();
      countOnlyPushesOf(this.#callback, this.#subscription);
    } catch (error) {
      if (!(error instanceof TargetUnreachable)) throw error;
    }
  }

  /**
   * How long one observation speaks for, in the link's time: two intervals (one round may be slow), at least two
   * minutes. Past it, the time between two rounds is unmeasured: the monitor was stopped, or the clock jumped.
   */
  horizonMs(): number {
    return Math.max(2 * this.options.intervalMs * Math.max(1, this.options.clock.speed), 120_000);
  }

  /** One round: probes, then what arrived, then what it all means. */
  async round(): Promise<void> {
    this.#rounds += 1;
    if (this.claim === undefined || this.#wantsSubscription()) await this.prepare();
    else await this.#syncClock();
    const { data, serverTime } = await probeRound(this.http, this.feeds, this.canary, this.options.probeTimeoutMs);
    if (serverTime !== undefined && this.options.targetClock) this.options.clock.observe(serverTime);
    const at = this.now();
    this.#write('probe', at, { ...data, horizonMs: this.horizonMs() });
    this.#takeArrivals();
    this.#detect(at);
    this.#judge(at);
  }

  #detect(at: number): void {
    for (const feed of this.feeds) {
      const state = this.ledger.feed(feed);
      const open = this.ledger.openOf(feed);
      if (state.up && open?.cause === 'probes-failed') this.#write('interruption-closed', at, { id: open.id, endedAt: at });
      if (!state.up && !open && state.failures >= this.options.failuresToOpen && state.firstFailureAt !== undefined)
        this.#open({ feed, cause: 'probes-failed', startedAt: state.firstFailureAt, firstFailure: state.firstFailure ?? 'probe failed' }, at);
    }
    // A push gap: no push for longer than the declared cadence, from the last push (or the subscription).
    const gap = this.options.pushGapMs;
    const since = this.ledger.lastPushAt ?? this.#subscribedAt;
    if (gap !== undefined && since !== undefined && this.feeds.includes('PARCEL_DATA_PUSH') && !this.ledger.openOf('PARCEL_DATA_PUSH') && at - since > gap) {
      this.#open(
        {
          feed: 'PARCEL_DATA_PUSH',
          cause: 'push-gap',
          startedAt: since,
          firstFailure: `no push for more than ${Math.round(gap / 1000)} s (the declared cadence)`,
        },
        at,
      );
    }
  }

  #open(opened: Omit<OpenedData, 'id'>, at: number): void {
    const id = `${this.options.name}/${opened.feed}/${iso(opened.startedAt)}`;
    this.#write('interruption-opened', at, { id, ...opened });
  }

  /** Each interruption's verdict as things stand; a record only when it changed. */
  #judge(at: number): void {
    const notices = [...this.ledger.notices.values()];
    for (const interruption of this.ledger.interruptions.values()) {
      const verdict = judgeInterruption(interruption, notices, at);
      if (!sameVerdict(verdict, interruption)) this.#write('verdict', at, { id: interruption.id, ...verdict });
    }
  }

  /** The pushes and the requests of the counterparty that came since the last round, as records. */
  #takeArrivals(): void {
    for (const delivery of this.#callback?.take() ?? []) this.#push(delivery);
    for (const request of this.#services.session.take()) this.#request(request);
  }

  #push(delivery: Delivery): void {
    const at = this.#at(delivery.receivedAt);
    const events = eventsOf(delivery).map((event) => ({
      key: `${event.waybillNo}#${event.sequence}`,
      node: event.node,
      latency: Math.max(0, (at - Date.parse(event.occurredAt)) / 1000),
    }));
    const batchId = (delivery.json as { batchId?: unknown } | undefined)?.batchId;
    const data: PushData = { ...(typeof batchId === 'string' ? { batchId: batchId.slice(0, 100) } : {}), events };
    this.#write('push', at, data as unknown as Record<string, unknown>);
    const open = this.ledger.openOf('PARCEL_DATA_PUSH');
    if (open?.cause === 'push-gap') this.#write('interruption-closed', at, { id: open.id, endedAt: at });
  }

  #request(request: ClientRequest): void {
    if (request.answer.status >= 300) return; // refused: the counterparty holds nothing of it either
    const at = this.#at(request.receivedAt);
    if (request.operationId === 'receiveInterruptionNotice') {
      const held = this.#services.session.state.notices.get((request.json as { noticeId?: string }).noticeId ?? '');
      if (held && !this.ledger.notices.has(held.notice.noticeId)) this.#write('notice', at, { notice: held.notice });
    } else if (request.operationId === 'respondToInterruptionNotice') {
      const noticeId = request.params.noticeId ?? '';
      const state = this.#services.session.state.notices.get(noticeId)?.notice.negotiation.state;
      this.#write('notice-response', at, { noticeId, response: request.json, ...(state ? { state } : {}) });
    } else if (request.method === 'POST' && /incident/i.test(request.operationId ?? '')) {
      this.#write('incident', at, { incidentId: oneLine(String((request.json as { incidentId?: unknown })?.incidentId ?? '')) });
    }
  }

  /** Put back into the counterparty session the notices held before a restart, so that responses to them land. */
  restoreNotices(): void {
    for (const held of this.ledger.notices.values())
      this.#services.session.state.notices.set(held.notice.noticeId, { notice: held.notice as InterruptionNotice, holder: 'RECIPIENT' });
  }

  async close(): Promise<void> {
    if (this.#subscription) {
      try {
        await this.http.send({ method: 'DELETE', path: subscriptionPath(this.#subscription.subscriptionId) });
      } catch {
        // the target is down: its subscription lapses with it
      }
    }
    await this.http.close();
  }
}
