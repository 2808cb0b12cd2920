// The carrier's push dispatcher (chapter Pushes §2–4): every event the trajectory records is offered to the
// subscriptions whose owner, scope and status filter it matches, gathered into batches of at most 100, signed per
// Standard Webhooks and POSTed to the callback; failed attempts are retried on the published schedule in virtual
// time. Every batch not yet delivered lives in the store (`push-batches`), which is both the health backlog
// (ECDX-HLT-007) and what a restarted mock resumes from.
import { demoCredentials, signWebhook, webhookSecret, type WebhookSigningKey } from '../../../protocol/index.ts';
import { MAX_EVENTS_PER_PAGE, type TrackingEvent } from '../../../schemas/src/index.ts';
import { recordActivity } from '../activity.ts';
import type { PushOutcome, PushOutcomeListener, PushService } from '../services.ts';
import { recordEventProvided } from '../simulator/provided.ts';
import type { MockContext } from '../types.ts';
import { ATTEMPT_TIMEOUT_MS, attemptDelivery, createPushAgent, type AttemptOutcome } from './deliver.ts';
import { batchRecords, chinaTime, lastDelivered, newIdentifier, subscriptionRecords, type SubscriptionRecord } from './records.ts';
import { COMPRESSED_RETRY_DELAY_MS, MAX_ATTEMPTS, nextAttemptTime, retryAfterTime, retryDelay } from './schedule.ts';

export interface DispatcherSettings {
  /** Real milliseconds an attempt may take (ECDX-PSH-014: 15 s); tests shorten it. */
  attemptTimeoutMs: number;
}

type DisabledReason = 'ENDPOINT_GONE' | 'DELIVERY_FAILING';

export class PushDispatcher implements PushService {
  readonly #mock: MockContext;
  readonly #settings: DispatcherSettings = { attemptTimeoutMs: ATTEMPT_TIMEOUT_MS };
  #agent = createPushAgent(ATTEMPT_TIMEOUT_MS);
  /** The batch still gathering events in this turn of the event loop, by subscription. */
  readonly #open = new Map<string, string>();
  /** The events an open batch has gathered, by batch: stored once, when the turn ends, not again with every event. */
  readonly #gathered = new Map<string, TrackingEvent[]>();
  /** Every batch formed in this turn, full ones included: the flush makes their first attempt. */
  readonly #unsent = new Set<string>();
  readonly #inFlight = new Set<string>();
  readonly #timers = new Map<string, () => void>();
  #flushScheduled = false;
  #lastDeliveredAt: number | undefined;
  readonly #observers = new Set<PushOutcomeListener>();

  constructor(mock: MockContext) {
    this.#mock = mock;
    // A restarted mock remembers when it last delivered, kept on its own so that start-up need not read the activity log.
    this.#lastDeliveredAt = lastDelivered(mock).get('at');
  }

  configure(settings: Partial<DispatcherSettings>): void {
    Object.assign(this.#settings, settings);
    const previous = this.#agent;
    this.#agent = createPushAgent(this.#settings.attemptTimeoutMs);
    previous.close().catch(() => undefined);
  }

  // --- PushService -----------------------------------------------------------------------------------------

  backlog(): ReturnType<PushService['backlog']> {
    const lastDeliveredAt = this.#lastDeliveredAt === undefined ? {} : { lastDeliveredAt: this.#lastDeliveredAt };
    if (this.#mock.fault('push-backlog-not-counted')) return { pendingBatches: 0, ...lastDeliveredAt };
    const pending = batchRecords(this.#mock).values();
    if (pending.length === 0) return { pendingBatches: 0, ...lastDeliveredAt };
    const oldestPendingAt = pending.reduce((oldest, b) => Math.min(oldest, b.createdAt), Number.POSITIVE_INFINITY);
    return { pendingBatches: pending.length, oldestPendingAt, ...lastDeliveredAt };
  }

  pendingAttempts(): number {
    // Under the fault an attempt on the wire is not counted: the clock says "nothing pending" before the answer.
    if (this.#inFlight.size > 0 && this.#mock.fault('pending-pushes-stated-early')) return this.#unsent.size;
    return this.#unsent.size + this.#inFlight.size;
  }

  observe(listener: PushOutcomeListener): () => void {
    this.#observers.add(listener);
    return () => this.#observers.delete(listener);
  }

  /** Tell the observers; one that throws is reported and never stops the dispatcher. */
  #report(outcome: PushOutcome): void {
    for (const listener of this.#observers) {
      try {
        listener(outcome);
      } catch (error) {
        console.error('ecdx mock: a push outcome listener failed:', error);
      }
    }
  }

  // --- events in ------------------------------------------------------------------------------------------

  /** An event the trajectory has just recorded for a shipment of `ownerKeyid`. */
  record(event: TrackingEvent, ownerKeyid: string): void {
    const mock = this.#mock;
    // A carrier that loses events on the way to the dispatcher: every other one (ECDX-PSH-008).
    if (mock.fault('push-drops-events') && event.sequence % 2 === 0) return;
    for (const record of subscriptionRecords(mock).values()) {
      if (this.#matches(record, event, ownerKeyid)) this.#addToBatch(record.subscription.subscriptionId, event);
    }
  }

  #matches(record: SubscriptionRecord, event: TrackingEvent, ownerKeyid: string): boolean {
    const { subscription } = record;
    if (!this.#deliverable(record)) return false;
    // Scope is always the owner's shipments: even a WAYBILLS scope that (under a fault) lists a foreign waybill.
    if (record.ownerKeyid !== ownerKeyid) return false;
    if (subscription.scope.type === 'WAYBILLS' && !subscription.scope.waybillNos.includes(event.waybillNo)) return false;
    if (subscription.statuses && !this.#mock.fault('push-ignores-status-filter')) return subscription.statuses.includes(event.status);
    return true;
  }

  #deliverable(record: SubscriptionRecord | undefined): record is SubscriptionRecord {
    if (record?.subscription.state !== 'ACTIVE') return false;
    return record.deletedAt === undefined || this.#mock.fault('deleted-subscription-still-pushed');
  }

  #addToBatch(subscriptionId: string, event: TrackingEvent): void {
    const batches = batchRecords(this.#mock);
    const pushed = this.#mock.fault('push-event-differs-from-trajectory') ? alteredCopy(event) : event;
    const openId = this.#open.get(subscriptionId);
    const gathered = openId === undefined ? undefined : this.#gathered.get(openId);
    if (gathered && gathered.length < MAX_EVENTS_PER_PAGE) {
      gathered.push(pushed);
    } else {
      const batchId = newIdentifier('bat');
      batches.put(batchId, { batchId, subscriptionId, createdAt: this.#mock.clock.now(), events: [pushed], attempts: 0 });
      this.#open.set(subscriptionId, batchId);
      this.#gathered.set(batchId, [pushed]);
      this.#unsent.add(batchId);
    }
    this.#scheduleFlush();
  }

  /** Events recorded in one turn (one clock advance fires many timers at once) leave together, once it ends. */
  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    this.#mock.background.track(
      new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.#flushScheduled = false;
        const batches = batchRecords(this.#mock);
        for (const [batchId, events] of this.#gathered) {
          const stored = batches.get(batchId);
          if (stored && stored.events.length < events.length) batches.put(batchId, { ...stored, events });
        }
        this.#gathered.clear();
        const due = [...this.#unsent];
        this.#unsent.clear();
        this.#open.clear();
        return Promise.all(
          due.map((batchId) => this.#attempt(batchId).catch((error: unknown) => console.error(`ecdx mock: push of batch ${batchId} failed:`, error))),
        );
      }),
    );
  }

  // --- restart, deletion ----------------------------------------------------------------------------------

  /** Pick up every batch a previous run left in the store. */
  resume(): void {
    for (const batch of batchRecords(this.#mock).values()) {
      // The last attempt was under way when the previous run ended: it counts as failed, and it was the last.
      if (batch.attempts >= MAX_ATTEMPTS)
        this.#settle(batch.batchId, batch.wireBatchId ?? batch.batchId, batch.attempts, { kind: 'no-answer', reason: 'restarted' });
      else this.#schedule(batch.batchId, batch.attempts === 0 ? this.#mock.clock.now() : (batch.nextAttemptAt ?? this.#mock.clock.now()));
    }
  }

  /** Pending batches go with a deleted subscription (ECDX-PSH-006); an attempt already on the wire may still complete. */
  subscriptionDeleted(subscriptionId: string): void {
    if (!this.#mock.fault('deleted-subscription-still-pushed')) this.dropBatchesOf(subscriptionId);
  }

  /** Forget every pending batch of a subscription (deleted or disabled): no attempt starts after this. */
  dropBatchesOf(subscriptionId: string): void {
    const batches = batchRecords(this.#mock);
    for (const batch of batches.values()) {
      if (batch.subscriptionId !== subscriptionId) continue;
      batches.delete(batch.batchId);
      this.#unsent.delete(batch.batchId);
      this.#gathered.delete(batch.batchId);
      this.#timers.get(batch.batchId)?.();
      this.#timers.delete(batch.batchId);
    }
    this.#open.delete(subscriptionId);
  }

  // --- attempts -------------------------------------------------------------------------------------------

  #schedule(batchId: string, at: number): void {
    this.#timers.get(batchId)?.();
    const cancel = this.#mock.clock.at(at, () => {
      this.#timers.delete(batchId);
      this.#mock.background.track(this.#attempt(batchId).catch((error: unknown) => console.error(`ecdx mock: push of batch ${batchId} failed:`, error)));
    });
    this.#timers.set(batchId, cancel);
  }

  async #attempt(batchId: string): Promise<void> {
    const mock = this.#mock;
    const batches = batchRecords(mock);
    const batch = batches.get(batchId);
    if (!batch || this.#inFlight.has(batchId)) return;
    const holder = subscriptionRecords(mock).get(batch.subscriptionId);
    if (!this.#deliverable(holder)) {
      batches.delete(batchId);
      return;
    }
    const now = mock.clock.now();
    const attempt = batch.attempts + 1;
    const retry = attempt > 1;
    // The ECDX-PSH-014 faults: a retry that is a new batch, or that resends the first attempt's signature.
    const renamed = retry && mock.fault('push-retry-new-batch-id');
    const wireBatchId = renamed ? newIdentifier('bat') : (batch.wireBatchId ?? batchId);
    const sentAt = renamed || !batch.sentAt ? chinaTime(now) : batch.sentAt;
    const body = JSON.stringify({
      batchId: wireBatchId,
      subscriptionId: batch.subscriptionId,
      carrierCode: mock.self.carrier.carrierCode,
      sentAt,
      events: orderedForBatch(batch.events, mock.fault('push-batch-descending')),
    });
    // The fault's id is stable across retries (ECDX-PSH-014 still holds), it is just not the batchId.
    const webhookId = mock.fault('push-webhook-id-not-batch-id') ? `msg_${wireBatchId.slice(4)}` : wireBatchId;
    const signature =
      retry && batch.firstSignature && mock.fault('push-retry-reuses-signature')
        ? batch.firstSignature
        : // webhook-timestamp is the attempt time on the test clock (chapter Test controls); the fault stamps real time.
          signWebhook({ id: webhookId, timestamp: mock.fault('push-timestamp-on-real-clock') ? Date.now() : now, body }, this.#signingKey(holder));
    // Written before the attempt: a mock that dies while waiting for the answer resumes with the next retry.
    const pendingDelay = this.#retryDelay(batchId, attempt);
    batches.put(batchId, {
      ...batch,
      attempts: attempt,
      sentAt,
      wireBatchId,
      ...(pendingDelay === undefined ? {} : { nextAttemptAt: now + pendingDelay }),
      ...(!batch.firstSignature && mock.fault('push-retry-reuses-signature') ? { firstSignature: { ...signature } } : {}),
    });
    if (retry) recordActivity(mock, { kind: 'push-retried', at: now, counterparty: holder.ownerKeyid, batchId: wireBatchId });

    this.#inFlight.add(batchId);
    let outcome: AttemptOutcome;
    try {
      outcome = await attemptDelivery(
        { url: holder.subscription.callbackUrl, headers: { ...signature }, body },
        { timeoutMs: this.#settings.attemptTimeoutMs, agent: this.#agent },
      );
    } finally {
      this.#inFlight.delete(batchId);
    }
    this.#settle(batchId, wireBatchId, attempt, outcome);
  }

  #signingKey(holder: SubscriptionRecord): WebhookSigningKey {
    if (holder.subscription.signatureScheme === 'v1' && holder.secret) return webhookSecret(holder.secret);
    return demoCredentials.push.v1a.signingKey;
  }

  #retryDelay(batchId: string, failedAttempt: number): number | undefined {
    const scheduled = retryDelay(this.#mock.seed, batchId, failedAttempt);
    if (scheduled === undefined || !this.#mock.fault('push-retry-schedule-compressed')) return scheduled;
    return COMPRESSED_RETRY_DELAY_MS;
  }

  #settle(batchId: string, wireBatchId: string, attempt: number, outcome: AttemptOutcome): void {
    const mock = this.#mock;
    const now = mock.clock.now();
    const batches = batchRecords(mock);
    const batch = batches.get(batchId);
    const holder = batch ? subscriptionRecords(mock).get(batch.subscriptionId) : undefined;
    const status = outcome.kind === 'answered' ? outcome.status : undefined;

    if (status !== undefined && status >= 200 && status < 300 && !this.#refusesAcknowledgement(outcome)) {
      this.#report('delivered');
      if (!batch || !holder) return; // dropped while in flight: delivered, but nobody waits for it any more
      batches.delete(batchId);
      this.#lastDeliveredAt = now;
      lastDelivered(mock).put('at', now);
      const latencies = batch.events.map((e) => Math.max(0, (now - Date.parse(e.recordedAt)) / 1000)).sort((a, b) => a - b);
      const latencySeconds = latencies[Math.floor((latencies.length - 1) / 2)] ?? 0;
      recordActivity(mock, { kind: 'push-delivered', at: now, counterparty: holder.ownerKeyid, batchId: wireBatchId, latencySeconds });
      for (const event of batch.events) recordEventProvided(mock, event, holder.ownerKeyid, now);
      return;
    }
    if (!batch || !holder) return;
    if (status === 410 && !mock.fault('push-ignores-410')) {
      this.#report('gone');
      recordActivity(mock, { kind: 'push-failed', at: now, counterparty: holder.ownerKeyid, batchId: wireBatchId });
      this.#disable(holder, 'ENDPOINT_GONE', now);
      return;
    }
    const delay = this.#retryDelay(batchId, attempt);
    if (delay === undefined) {
      this.#report('abandoned');
      recordActivity(mock, { kind: 'push-failed', at: now, counterparty: holder.ownerKeyid, batchId: wireBatchId });
      // The fault drops the abandoned batch alone and leaves the subscription ACTIVE (ECDX-PSH-028).
      if (mock.fault('subscription-active-after-abandoned-batch')) batches.delete(batchId);
      else this.#disable(holder, 'DELIVERY_FAILING', now);
      return;
    }
    const overloaded = outcome.kind === 'answered' && (outcome.status === 429 || outcome.status === 503);
    const notBefore =
      overloaded && !mock.fault('push-ignores-retry-after')
        ? retryAfterTime(outcome.headers['retry-after'], now, outcome.headers['date'], Date.now())
        : undefined;
    const at = nextAttemptTime(now, delay, notBefore);
    batches.put(batchId, { ...batch, nextAttemptAt: at });
    this.#schedule(batchId, at);
    this.#report('failed');
  }

  /** Under the push-only-200-is-delivery fault, 201–299 count as failed attempts. */
  #refusesAcknowledgement(outcome: AttemptOutcome): boolean {
    return outcome.kind === 'answered' && outcome.status !== 200 && this.#mock.fault('push-only-200-is-delivery');
  }

  #disable(holder: SubscriptionRecord, reason: DisabledReason, now: number): void {
    const { subscription } = holder;
    subscriptionRecords(this.#mock).put(subscription.subscriptionId, {
      ...holder,
      subscription: { ...subscription, state: 'DISABLED', disabledReason: reason, disabledAt: chinaTime(now) },
    });
    this.dropBatchesOf(subscription.subscriptionId);
  }
}

/** Each waybill's events in ascending sequence (ECDX-PSH-012); the fault sends them in descending order. */
function orderedForBatch(events: readonly TrackingEvent[], descending: boolean): TrackingEvent[] {
  const ordered = [...events].sort((a, b) => (a.waybillNo === b.waybillNo ? a.sequence - b.sequence : a.waybillNo < b.waybillNo ? -1 : 1));
  return descending ? ordered.reverse() : ordered;
}

/** The push-event-differs-from-trajectory fault: the description, rewritten on the way out. */
function alteredCopy(event: TrackingEvent): TrackingEvent {
  const suffix = '（推送）';
  const description = event.description.length + suffix.length <= 500 ? event.description + suffix : suffix + event.description.slice(suffix.length);
  return { ...event, description };
}
