// A scripted carrier that pushes, for the unit tests of the carrier push checks: shipments with a simulated
// trajectory, subscriptions, a test clock the harness moves, and pushes POSTed to the harness's receiver. Its
// behaviours are the variants a carrier written from the published text may have — a backfill of events recorded
// before the subscription, a dispatcher that runs a while after the clock moved, an attempt timeout measured on its
// test clock, an answer read late — and a fault or two, so that a test shows a check fair to the first and still
// failing the second.
import { randomBytes } from 'node:crypto';
import { demoCredentials, signWebhook, webhookSecret, type WebhookSigningKey } from '../../../protocol/index.ts';
import { nodeForStatus, type TrackingEvent, type TrackingStatus } from '../../../schemas/src/index.ts';
import { HOUR, MINUTE, SECOND } from '../../../schemas/time.ts';
import type { Script, ScriptedAnswer, ScriptedRequest } from '../../harness/scripted-target.ts';
import { timestamp } from '../../kit/time.ts';

export interface CarrierBehaviour {
  /** Records the acceptance when the shipment is created, and pushes it to a subscription made afterwards. */
  backfill?: boolean;
  /** Real ms between a move of its clock and its dispatcher's run (which reads the clock as it sends). */
  dispatchLagMs?: number;
  /** Target-clock ms after the first event's recordedAt before a batch's first attempt (a batch timer on its clock). */
  gatherMs?: number;
  /** Real ms between stamping an attempt and sending it (a busy carrier). */
  sendLagMs?: number;
  /** Real ms between an answer arriving and the carrier reading it (a busy carrier). */
  readLagMs?: number;
  /** Count an attempt as unanswered when its clock passed 15 s before it read the answer (a timeout on its test clock). */
  clockTimeout?: boolean;
  /** A fault: stamps webhook-timestamp with the real time, not its test clock's. */
  wallClockStamps?: boolean;
  /** A fault: only 200 counts as delivery; any other 2xx is retried. */
  only200?: boolean;
  /** A fault: a batch abandoned after the whole retry schedule leaves its subscription ACTIVE (ECDX-PSH-028). */
  activeAfterAbandon?: boolean;
  /** A fault, or a forger at the callback: every push is signed with a key no subscription was given. */
  signsWithAnotherKey?: boolean;
  /** Minutes after creation at which the trajectory's events are recorded (default 6, 40, 150, 600, 1500, 2400). */
  eventMinutes?: number[];
  /**
   * Its TestClock states pendingPushes (ECDX-CNF-009): `truly` counts every attempt due and not finished; `early`, a
   * fault, leaves out the attempts waiting for their answer.
   */
  statesPending?: 'truly' | 'early';
}

/** The delivery checks, which the scripted carrier's tests run against each variant of it. */
export const DELIVERY_CHECKS = [
  'push/first-attempt-prompt',
  'push/2xx-ends-delivery',
  'push/retry-schedule',
  'push/410-disables',
  'push/retry-after-honoured',
  'push/nothing-after-delete',
  'push/abandoned-batch-disables',
] as const;

const PATH: readonly TrackingStatus[] = ['ACCEPTED', 'SORTING', 'IN_TRANSIT', 'ARRIVED_DEST_CITY', 'OUT_FOR_DELIVERY', 'DELIVERED'];
/** ECDX-PSH-014's schedule, after the first attempt. */
const RETRIES_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 14 * HOUR, 20 * HOUR, 24 * HOUR];
const ATTEMPT_TIMEOUT_MS = 15 * SECOND;

interface Shipment {
  waybillNo: string;
  owner: string | undefined;
  events: TrackingEvent[];
}

interface Subscription {
  body: Record<string, unknown> & { subscriptionId: string; callbackUrl: string; signatureScheme: 'v1a' | 'v1'; createdAt: string };
  owner: string | undefined;
  key: WebhookSigningKey;
  waybillNos: string[] | undefined;
  statuses: string[] | undefined;
  deleted: boolean;
  disabled: boolean;
  /** Event ids already taken into a batch. */
  taken: Set<string>;
}

interface Batch {
  subscription: Subscription;
  batchId: string;
  body: string;
  /** Target-clock time the next attempt is due; undefined while one is under way or once delivered. */
  dueAt: number | undefined;
  attempts: number;
}

const keyidOf = (request: ScriptedRequest): string | undefined => /keyid="([^"]+)"/.exec(request.headers['signature-input'] ?? '')?.[1];

export interface ScriptedCarrier {
  script: Script;
  /** What the carrier stamped on each attempt, in order (webhook-id and webhook-timestamp in ms). */
  attempts: { batchId: string; stampedAt: number }[];
  /** Settles once every attempt under way has been answered and read. */
  idle: () => Promise<void>;
}

/** A carrier whose clock starts at the real time and runs at speed 1. */
export function scriptedCarrier(behaviour: CarrierBehaviour = {}): ScriptedCarrier {
  let offset = 0;
  const now = () => Date.now() + offset;
  const shipments = new Map<string, Shipment>();
  const subscriptions = new Map<string, Subscription>();
  const batches: Batch[] = [];
  const attempts: ScriptedCarrier['attempts'] = [];
  const pending = new Set<Promise<void>>();

  const recorded = (s: Shipment) => s.events.filter((e) => Date.parse(e.recordedAt) <= now());
  const inScope = (sub: Subscription, s: Shipment, e: TrackingEvent) =>
    sub.owner === s.owner && (sub.waybillNos?.includes(s.waybillNo) ?? true) && (sub.statuses?.includes(e.status) ?? true);

  const attempt = (batch: Batch): void => {
    batch.dueAt = undefined;
    batch.attempts += 1;
    const stampedAt = now();
    attempts.push({ batchId: batch.batchId, stampedAt });
    const stamp = behaviour.wallClockStamps ? Date.now() : stampedAt;
    const headers = signWebhook({ id: batch.batchId, timestamp: stamp, body: batch.body }, batch.subscription.key);
    const sent = (async () => {
      if (behaviour.sendLagMs) await sleep(behaviour.sendLagMs);
      let ok = false;
      let notBefore = 0;
      try {
        const response = await fetch(batch.subscription.body.callbackUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: batch.body,
        });
        await response.arrayBuffer();
        if (behaviour.readLagMs) await sleep(behaviour.readLagMs);
        const late = behaviour.clockTimeout === true && now() - stampedAt >= ATTEMPT_TIMEOUT_MS;
        ok = (behaviour.only200 ? response.status === 200 : response.status >= 200 && response.status < 300) && !late;
        if (response.status === 410 && !late) {
          batch.subscription.disabled = true;
          Object.assign(batch.subscription.body, { state: 'DISABLED', disabledReason: 'ENDPOINT_GONE' });
          return;
        }
        const retryAfter = Number(response.headers.get('retry-after'));
        if (!late && (response.status === 429 || response.status === 503) && retryAfter > 0) notBefore = now() + retryAfter * SECOND;
      } catch {
        ok = false;
      }
      const delay = RETRIES_MS[batch.attempts - 1];
      if (!ok && delay !== undefined) batch.dueAt = Math.max(now() + delay, notBefore);
      else if (!ok && !behaviour.activeAfterAbandon) {
        batch.subscription.disabled = true;
        Object.assign(batch.subscription.body, { state: 'DISABLED', disabledReason: 'DELIVERY_FAILING' });
      }
    })();
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
  };

  /** Gather what is new for each subscription into one batch, then attempt every batch that is due. */
  const dispatch = (): void => {
    for (const sub of subscriptions.values()) {
      if (sub.deleted || sub.disabled) continue;
      const fresh = [...shipments.values()].flatMap((s) => recorded(s).filter((e) => inScope(sub, s, e) && !sub.taken.has(e.eventId)));
      if (fresh.length === 0) continue;
      for (const e of fresh) sub.taken.add(e.eventId);
      const batchId = `bat_${randomBytes(6).toString('hex')}`;
      const body = JSON.stringify({ batchId, subscriptionId: sub.body.subscriptionId, carrierCode: 'ECDXDEMO', sentAt: timestamp(now()), events: fresh });
      const first = Math.min(...fresh.map((e) => Date.parse(e.recordedAt)));
      batches.push({ subscription: sub, batchId, body, dueAt: first + (behaviour.gatherMs ?? 0), attempts: 0 });
    }
    for (const batch of batches) {
      if (batch.dueAt !== undefined && batch.dueAt <= now() && !batch.subscription.deleted && !batch.subscription.disabled) attempt(batch);
    }
  };

  let dispatchesScheduled = 0;
  const afterMove = (): void => {
    if (!behaviour.dispatchLagMs) {
      dispatch();
      return;
    }
    dispatchesScheduled += 1;
    setTimeout(() => {
      dispatchesScheduled -= 1;
      dispatch();
    }, behaviour.dispatchLagMs);
  };

  /** Attempts due and not finished: a dispatch still to run counts as one, as does each batch due or under way. */
  const pendingPushes = (): number => {
    const due = batches.filter((b) => b.dueAt !== undefined && b.dueAt <= now() && !b.subscription.deleted && !b.subscription.disabled).length;
    return dispatchesScheduled + due + (behaviour.statesPending === 'early' ? 0 : pending.size);
  };
  const clock = (): ScriptedAnswer => ({
    status: 200,
    json: { now: timestamp(now()), speed: 1, ...(behaviour.statesPending ? { pendingPushes: pendingPushes() } : {}) },
  });

  const script: Script = (request) => {
    const { method, path } = request;
    if (path === '/v1/test/clock') {
      if (method === 'POST') {
        offset += (JSON.parse(request.body) as { advanceSeconds: number }).advanceSeconds * SECOND;
        afterMove();
      }
      return clock();
    }
    if (method === 'POST' && path === '/v1/shipments') {
      const body = JSON.parse(request.body) as Record<string, unknown>;
      const waybillNo = `ECDXDEMO${String(shipments.size + 1).padStart(10, '0')}`;
      const created = now();
      const minutes = behaviour.eventMinutes ?? [6, 40, 150, 600, 1500, 2400];
      const at = behaviour.backfill ? [0, ...minutes.slice(1)] : minutes;
      const events = at.map((m, i) => trajectoryEvent(waybillNo, i + 1, PATH[i % PATH.length]!, created + m * MINUTE));
      shipments.set(waybillNo, { waybillNo, owner: keyidOf(request), events });
      const shipment = { waybillNo, carrierCode: 'ECDXDEMO', status: 'CREATED', request: body, createdAt: timestamp(created), updatedAt: timestamp(created) };
      return { status: 201, headers: { location: `/v1/shipments/${waybillNo}` }, json: shipment };
    }
    const events = /^\/v1\/shipments\/([^/?]+)\/events/.exec(path)?.[1];
    if (method === 'GET' && events) {
      const shipment = shipments.get(events);
      return shipment ? { status: 200, json: { waybillNo: events, items: recorded(shipment) } } : notFound('not-found');
    }
    if (method === 'POST' && path === '/v1/subscriptions') return subscribe(JSON.parse(request.body) as Record<string, unknown>, keyidOf(request));
    const id = /^\/v1\/subscriptions\/([^/?]+)$/.exec(path)?.[1];
    const sub = id ? subscriptions.get(id) : undefined;
    if (!sub || sub.deleted || sub.owner !== keyidOf(request)) return notFound('subscription-not-found');
    if (method === 'DELETE') {
      sub.deleted = true;
      return { status: 204 };
    }
    return { status: 200, json: sub.body };
  };

  function subscribe(body: Record<string, unknown>, owner: string | undefined): ScriptedAnswer {
    const scheme = body['signatureScheme'] === 'v1' ? 'v1' : 'v1a';
    const subscriptionId = `sub_${subscriptions.size + 1}`;
    const secret = scheme === 'v1' ? `whsec_${randomBytes(32).toString('base64')}` : undefined;
    const scope = body['scope'] as { type: string; waybillNos?: string[] };
    const subscription: Subscription = {
      body: { subscriptionId, ...body, state: 'ACTIVE', createdAt: timestamp(now()) } as unknown as Subscription['body'],
      owner,
      key: behaviour.signsWithAnotherKey
        ? webhookSecret(`whsec_${randomBytes(32).toString('base64')}`)
        : secret
          ? webhookSecret(secret)
          : demoCredentials.push.v1a.signingKey,
      waybillNos: scope.type === 'WAYBILLS' ? scope.waybillNos : undefined,
      statuses: body['statuses'] as string[] | undefined,
      deleted: false,
      disabled: false,
      taken: new Set(),
    };
    subscriptions.set(subscriptionId, subscription);
    // Without a backfill, what was recorded before the subscription is read from the trajectory (ECDX-PSH-008).
    if (behaviour.backfill) dispatch();
    else for (const s of shipments.values()) for (const e of recorded(s)) subscription.taken.add(e.eventId);
    const answer = { ...subscription.body, ...(secret ? { secret } : {}) };
    return { status: 201, headers: { location: `/v1/subscriptions/${subscriptionId}` }, json: answer };
  }

  return {
    script,
    attempts,
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

function trajectoryEvent(waybillNo: string, sequence: number, status: TrackingStatus, recordedAt: number): TrackingEvent {
  return {
    eventId: `evt_${waybillNo}_${sequence}`,
    waybillNo,
    carrierCode: 'ECDXDEMO',
    sequence,
    status,
    node: nodeForStatus(status, 'TRANSPORT'),
    occurredAt: timestamp(recordedAt - 40 * SECOND),
    recordedAt: timestamp(recordedAt),
    location: { divisionCode: '110108', facilityCode: 'BJ010-HD', facilityName: '北京海淀营业部' },
    description: '快件状态更新',
    terminal: status === 'DELIVERED',
  };
}

const notFound = (slug: string): ScriptedAnswer => ({
  status: 404,
  headers: { 'content-type': 'application/problem+json' },
  json: { type: `https://ecdx.dev/problems/${slug}`, title: slug, status: 404 },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
