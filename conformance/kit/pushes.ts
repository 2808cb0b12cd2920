// Helpers of the push checks (chapter Pushes; ECDX-HLT-007, ECDX-SEC-012/013), for both sides.
//
// Carrier targets (the harness plays the platform and runs the receiver): shipments to subscribe to, subscription
// requests, bounded waits for deliveries, and the Standard Webhooks headers of a delivery. Every wait is bounded;
// nothing read from the target is trusted before it is checked. The trajectory a push is compared with is read by
// kit/trajectory.ts.
//
// Platform targets (the harness plays the carrier): tracking events and PushBatches built afresh for every check
// (unique waybills and event ids, so that checks running side by side never deduplicate each other's events),
// signed with the demo carrier's push keys (protocol/ `signWebhook`) and POSTed raw to `/v1/tracking-events`. A
// platform may take up to 15 s to acknowledge a push (ECDX-PSH-017), longer than the run's request timeout may be,
// so a push gets a deadline of its own (`sendPush`).
import { EVENT_DESCRIPTIONS, EVENT_PLACES } from '../harness/counterparty/trajectory.ts';
import {
  demoCredentials,
  generateWebhookSecret,
  generateWebhookSigningKey,
  signWebhook,
  verifyWebhook,
  webhookSecret,
  type WebhookSigningKey,
  type WebhookVerificationKey,
  type WebhookVerifyResult,
} from '../../protocol/index.ts';
import { nodeForStatus, type PushBatch, type Subscription, type TrackingEvent, type TrackingStatus, type TrackingSubStatus } from '../../schemas/src/index.ts';
import { MINUTE, SECOND } from '../../schemas/time.ts';
import { TargetUnreachable, type HttpResponse } from '../harness/client.ts';
import type { TestContext } from '../harness/context.ts';
import type { CallbackEndpoint, Delivery } from '../harness/receiver.ts';
import { claimedSchemes, type Scheme } from './claim.ts';
import { randomDigits, shortId } from './ids.ts';
import { M } from './messages.ts';
import { HARNESS_CARRIER_CODE } from './requests.ts';
import { createShipment, happyOrderId, postShipment, shipmentRequest } from './shipping-data.ts';
import { timestamp } from './time.ts';

// --- waiting --------------------------------------------------------------------------------------------------

/**
 * Poll `condition` every `stepMs` until it holds or `timeoutMs` has passed. A timer fires before the event loop
 * reads the sockets, so on a busy harness a push that arrived while it slept is still unread when the deadline
 * passes: one turn of the loop for input comes before the answer is no.
 */
export async function waitUntil(t: TestContext, condition: () => boolean, timeoutMs: number, stepMs = 25): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (condition()) return true;
    if (Date.now() >= deadline) {
      await new Promise((resolve) => setImmediate(resolve));
      return condition();
    }
    await t.sleep(Math.min(stepMs, Math.max(1, deadline - Date.now())));
  }
}

/**
 * Wait for pushes to make `condition` true, up to `timeoutMs`. A test target that states its unfinished attempts
 * (ECDX-CNF-009) ends the wait as soon as it says none is left: what has not arrived by then is not coming before
 * the clock moves again, so a missing push costs no timeout.
 */
export async function waitForPushes(t: TestContext, condition: () => boolean, timeoutMs: number): Promise<boolean> {
  if (condition()) return true;
  const deadline = Date.now() + timeoutMs;
  const finished = await t.pushesFinished(timeoutMs);
  if (finished === undefined) return waitUntil(t, condition, Math.max(0, deadline - Date.now()));
  // The receiver records a push before it answers it: once the target has its answer, the push is counted.
  return condition() || (!finished && waitUntil(t, condition, Math.max(0, deadline - Date.now())));
}

/**
 * Before concluding that a delivery that must not come did not: the target's word that every attempt due has been
 * made and answered (ECDX-CNF-009), or else the run's settle time for it to arrive.
 */
export async function settle(t: TestContext): Promise<void> {
  if ((await t.pushesFinished()) !== true) await t.sleep(t.settleMs);
}

// --- carrier targets: shipments and subscriptions -------------------------------------------------------------

/**
 * A fresh shipment of the harness's platform on the regular path (kit/shipping-data.ts; the check ends
 * precondition-failed when the target does not create it: that is the carrier-shipping checks' business).
 */
export async function createPushShipment(t: TestContext): Promise<string> {
  return (await createShipment(t, { platformOrderId: happyOrderId() })).waybillNo;
}

/** A shipment of another platform (the second key), or undefined when the harness has none or the target refuses it. */
export async function foreignShipment(t: TestContext): Promise<string | undefined> {
  const second = t.secondKey;
  if (!second) return undefined;
  const response = await postShipment(t, shipmentRequest(t, { platformOrderId: happyOrderId() }), { sign: second });
  const waybillNo = (response.json as { waybillNo?: unknown } | undefined)?.waybillNo;
  return response.status === 201 && typeof waybillNo === 'string' ? waybillNo : undefined;
}

export interface SubscriptionOptions {
  callbackUrl: string;
  /** The waybills in scope; without them, ALL the platform's shipments. */
  waybillNos?: string[];
  statuses?: TrackingStatus[];
  scheme: Scheme;
}

/** A SubscriptionRequest. */
export function subscriptionRequest(options: SubscriptionOptions): Record<string, unknown> {
  return {
    callbackUrl: options.callbackUrl,
    scope: options.waybillNos ? { type: 'WAYBILLS', waybillNos: options.waybillNos } : { type: 'ALL' },
    ...(options.statuses ? { statuses: options.statuses } : {}),
    signatureScheme: options.scheme,
  };
}

/** The subscriptionId an answer carries, when it is one the harness can put in a path. */
export const subscriptionIdOf = (response: HttpResponse): string | undefined => {
  const id = (response.json as { subscriptionId?: unknown } | undefined)?.subscriptionId;
  return typeof id === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(id) ? id : undefined;
};

export const subscriptionPath = (id: string): string => `/v1/subscriptions/${encodeURIComponent(id)}`;

/**
 * Subscribe as a step towards something else: a target that does not create the subscription ends the check
 * precondition-failed (the subscription checks report why). `created` collects the id for the clean-up.
 */
export async function subscribe(t: TestContext, options: SubscriptionOptions, created: string[]): Promise<Subscription> {
  const response = await t.http.post('/v1/subscriptions', subscriptionRequest(options));
  const id = subscriptionIdOf(response);
  if (id) created.push(id);
  t.precondition(response.status === 201 && id !== undefined, M.subscriptionNotCreated({ scheme: options.scheme, status: response.status }));
  const body = response.json as Subscription;
  t.precondition(typeof body.createdAt === 'string', M.noCreatedAt());
  if (options.scheme === 'v1') t.precondition(typeof body.secret === 'string' && body.secret.startsWith('whsec_'), M.noWhsecSecret());
  return body;
}

/** Delete what a check subscribed, whatever happened; a failure here is no finding. */
export async function unsubscribeAll(t: TestContext, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    try {
      await t.http.delete(subscriptionPath(id));
    } catch {
      // the target stopped answering: nothing more to clean up
    }
  }
}

// --- carrier targets: deliveries ------------------------------------------------------------------------------

/** The events of a delivery, read loosely (a broken body gives none). */
export function eventsOf(delivery: Delivery): TrackingEvent[] {
  const events = (delivery.json as { events?: unknown } | undefined)?.events;
  return Array.isArray(events)
    ? events.filter((e): e is TrackingEvent => !!e && typeof e === 'object' && typeof (e as { eventId?: unknown }).eventId === 'string')
    : [];
}

export const batchIdOf = (delivery: Delivery): string | undefined => {
  const id = (delivery.json as { batchId?: unknown } | undefined)?.batchId;
  return typeof id === 'string' ? id : undefined;
};

/** When the delivery says it was attempted (epoch ms; the header counts seconds), or undefined when absent or not an integer. */
export function webhookTimestamp(delivery: Delivery): number | undefined {
  const value = delivery.headers['webhook-timestamp'];
  return value !== undefined && /^\d{1,12}$/.test(value) ? Number(value) * SECOND : undefined;
}

/** A delivery's signature checked with `keys`, at the time it carries (freshness is judged separately). */
export function verifyDelivery(delivery: Delivery, keys: WebhookVerificationKey | readonly WebhookVerificationKey[]): WebhookVerifyResult {
  return verifyWebhook(delivery.headers, delivery.body, keys, { now: webhookTimestamp(delivery) ?? 0, toleranceSeconds: Number.MAX_SAFE_INTEGER });
}

/** The key a subscription's pushes verify with: the demo carrier's v1a key, or the subscription's own v1 secret. */
export function verificationKeyFor(subscription: Subscription): WebhookVerificationKey | undefined {
  if (subscription.signatureScheme === 'v1a') return demoCredentials.push.v1a.verificationKey;
  try {
    return subscription.secret ? webhookSecret(subscription.secret) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * From now on the callback counts only pushes that verify with the subscription's key (those already received are
 * judged again): a forged push, or one the target signed wrongly, counts as no push (the receiver keeps it under
 * `rejected`). Without a usable key nothing counts.
 */
export function countOnlyPushesOf(callback: Pick<CallbackEndpoint, 'verifyWith'>, subscription: Subscription): void {
  const key = verificationKeyFor(subscription);
  callback.verifyWith(key ? [key] : []);
}

/** Later deliveries that carry any of the events of `first` (a retry, whatever id it wears). */
export const repeatsOf = (deliveries: readonly Delivery[], first: Delivery): Delivery[] => {
  const ids = new Set(eventsOf(first).map((e) => e.eventId));
  const batchId = batchIdOf(first);
  const webhookId = first.headers['webhook-id'];
  const carriesSame = (d: Delivery) =>
    eventsOf(d).some((e) => ids.has(e.eventId)) ||
    (batchId !== undefined && batchIdOf(d) === batchId) ||
    (webhookId !== undefined && d.headers['webhook-id'] === webhookId);
  return deliveries.filter((d) => d !== first && d.receivedAt >= first.receivedAt && carriesSame(d));
};

// --- platform targets: events and batches ---------------------------------------------------------------------

/** A waybill number nobody issued (the harness plays the carrier): `ECDXT` and 12 digits. */
export const harnessWaybill = (): string => `ECDXT${randomDigits(12)}`;

export interface EventOptions {
  subStatus?: TrackingSubStatus;
  /** How long before the target's now the event was recorded (ms; default 2 minutes). */
  age?: number;
  /** Part of the eventId shared by the events of one trajectory (default a fresh one). */
  tag?: string;
}

/** A valid TrackingEvent of the harness's carrier; it occurred 40 s before it was recorded. */
export function trackingEvent(t: TestContext, waybillNo: string, sequence: number, status: TrackingStatus, options: EventOptions = {}): TrackingEvent {
  const recorded = t.targetNow() - (options.age ?? 2 * MINUTE);
  const place = EVENT_PLACES[sequence % EVENT_PLACES.length]!;
  return {
    eventId: `evt_${options.tag ?? shortId()}_${waybillNo}_${sequence}`,
    waybillNo,
    carrierCode: HARNESS_CARRIER_CODE,
    sequence,
    status,
    ...(options.subStatus ? { subStatus: options.subStatus } : {}),
    node: nodeForStatus(status, 'TRANSPORT'),
    occurredAt: timestamp(recorded - 40 * SECOND),
    recordedAt: timestamp(recorded),
    location: { ...place },
    description: EVENT_DESCRIPTIONS[status] ?? '快件状态更新',
    terminal: status === 'DELIVERED',
  };
}

const REGULAR_PATH: readonly TrackingStatus[] = ['ACCEPTED', 'IN_TRANSIT', 'SORTING', 'IN_TRANSIT', 'ARRIVED_DEST_CITY', 'SORTING', 'OUT_FOR_DELIVERY'];

/** The events of these sequences of one waybill (default a fresh one) along the regular path, a minute apart. */
export function trajectoryEvents(t: TestContext, sequences: readonly number[], waybillNo = harnessWaybill()): TrackingEvent[] {
  const tag = shortId();
  const last = Math.max(...sequences);
  return sequences.map((s) => trackingEvent(t, waybillNo, s, REGULAR_PATH[(s - 1) % REGULAR_PATH.length]!, { tag, age: (last - s + 1) * MINUTE }));
}

/**
 * The subscription a platform test deployment holds at the demo carrier (chapter Test controls): the harness, playing
 * the demo carrier, cannot make the platform subscribe, so every test deployment stands as if it had subscribed once
 * and been issued the published demo v1 secret in the 201. Every push the harness sends names it.
 */
export const DEMO_PUSH_SUBSCRIPTION_ID = 'sub_ecdx-demo';

/** A PushBatch of `events`, sent now. */
export function pushBatch(t: TestContext, events: readonly TrackingEvent[], batchId = `bat_${shortId()}`): PushBatch {
  return { batchId, subscriptionId: DEMO_PUSH_SUBSCRIPTION_ID, carrierCode: HARNESS_CARRIER_CODE, sentAt: timestamp(t.targetNow()), events: [...events] };
}

// --- platform targets: pushing --------------------------------------------------------------------------------

/**
 * The demo carrier's push key of a scheme, as a platform test deployment holds it: the v1a key registered out of band,
 * or the v1 secret of the demo subscription `sub_ecdx-demo`.
 */
export const demoPushKey = (scheme: Scheme): WebhookSigningKey => (scheme === 'v1a' ? demoCredentials.push.v1a.signingKey : demoCredentials.push.v1);

/** The demo carrier push key of the scheme the platform accepts (v1a preferred). */
export const pushSigningKey = (t: TestContext): WebhookSigningKey => demoPushKey(claimedSchemes(t)[0] === 'v1a' ? 'v1a' : 'v1');

/** A key of the same scheme that the platform cannot know. */
export const unknownPushKey = (t: TestContext): WebhookSigningKey =>
  pushSigningKey(t).scheme === 'v1a' ? generateWebhookSigningKey() : generateWebhookSecret();

/** What a platform may take to acknowledge a push (ECDX-PSH-017), plus room: every push check but that one waits this long. */
const PUSH_TIMEOUT_MS = 25 * SECOND;

export interface PushOptions {
  /** A PushBatch (or any JSON value) to send … */
  body?: unknown;
  /** … or these exact bytes. */
  rawBody?: string;
  /** webhook-id; default the batchId of `body`. */
  id?: string;
  /** When the push claims to be sent (epoch ms); default the target's now. */
  at?: number;
  /** Sign with these keys (default the demo push key of the accepted scheme). */
  keys?: WebhookSigningKey | readonly WebhookSigningKey[];
  /** Replace or remove (undefined) header fields after signing. */
  headers?: Record<string, string | undefined>;
  /** Change the body after signing. */
  alterBody?: (text: string) => string;
  timeoutMs?: number;
}

/** POST a push to the platform's /v1/tracking-events, signed per Standard Webhooks, recorded as evidence. */
export async function sendPush(t: TestContext, options: PushOptions): Promise<HttpResponse> {
  const text = options.rawBody ?? JSON.stringify(options.body);
  const id = options.id ?? (options.body as { batchId?: string } | undefined)?.batchId ?? `bat_${shortId()}`;
  const signed = signWebhook({ id, timestamp: options.at ?? t.targetNow(), body: text }, options.keys ?? pushSigningKey(t));
  const headers: Record<string, string | undefined> = { 'content-type': 'application/json', ...signed, ...options.headers };
  const rawBody = options.alterBody ? options.alterBody(text) : text;
  const timeoutMs = options.timeoutMs ?? Math.max(PUSH_TIMEOUT_MS, t.timeoutMs);
  return t.http.send({ method: 'POST', path: '/v1/tracking-events', rawBody, headers, sign: false, idempotencyKey: false, timeoutMs });
}

/** Whether a request failed because the target did not answer in time (rather than not at all). */
export const isTimeout = (error: unknown): boolean => error instanceof TargetUnreachable && /no answer within/.test(error.message);

export const is2xx = (response: HttpResponse): boolean => response.status >= 200 && response.status < 300;

/** The acknowledgement, when the 2xx carries a readable one (it is a SHOULD, ECDX-PSH-018). */
export function acknowledgementOf(response: HttpResponse): { batchId: string; received: number; duplicates: number } | undefined {
  const body = response.json as { batchId?: unknown; received?: unknown; duplicates?: unknown } | undefined;
  if (!body || typeof body !== 'object') return undefined;
  return typeof body.received === 'number' && typeof body.duplicates === 'number' && typeof body.batchId === 'string'
    ? { batchId: body.batchId, received: body.received, duplicates: body.duplicates }
    : undefined;
}
