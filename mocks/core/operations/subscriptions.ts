// Subscriptions to parcel-data pushes, the carrier's side (chapter Pushes §1): POST/GET/DELETE /v1/subscriptions.
// A subscription belongs to the keyid that created it; to every other caller it does not exist. `start()` runs the
// push dispatcher (mocks/core/push) on the events the trajectory records and offers its backlog to the health
// document as the `pushes` service.
import { DEMO_WEBHOOK_SECRET, formatWebhookKey, generateWebhookSecret } from '../../../protocol/index.ts';
import type { Subscription, SubscriptionRequest } from '../../../schemas/src/index.ts';
import { callbackUrlRefusal } from '../push/callback-url.ts';
import { PushDispatcher } from '../push/dispatcher.ts';
import { chinaTime, newIdentifier, ownedSubscription, subscriptionRecords } from '../push/records.ts';
import { findOwnShipment } from '../simulator/shipment-record.ts';
import { json, noContent, problemResponse, validationProblem } from '../respond.ts';
import { findService, provideService } from '../services.ts';
import type { MockContext, MockResponse, OperationHandler, OperationInput } from '../types.ts';

const DISPATCHER = 'push-dispatcher';

/** The running dispatcher of a carrier mock (undefined for a platform-only mock): tests tune its attempt timeout. */
export const pushDispatcherOf = (mock: MockContext): PushDispatcher | undefined => mock.services.get(DISPATCHER) as PushDispatcher | undefined;

const notFound = (subscriptionId: string): MockResponse =>
  problemResponse('subscription-not-found', {
    detail: 'you hold no subscription with this identifier',
    instance: `/v1/subscriptions/${encodeURIComponent(subscriptionId)}`,
  });

/** Refusals beyond the schema (ECDX-PSH-003, ECDX-PSH-004), each naming its member. */
function businessRuleViolations(input: OperationInput, request: SubscriptionRequest): { name: string; reason: string; in: 'body' }[] {
  const found: { name: string; reason: string; in: 'body' }[] = [];
  const { mock, caller } = input;
  // An empty URL only comes from a body the schema would have refused (see takenRequest): that fault is PSH-003's.
  const refusal = request.callbackUrl === '' ? undefined : callbackUrlRefusal(request.callbackUrl, mock.testMode);
  if (refusal && !(mock.fault('subscribe-plain-http-callback') && refusal.startsWith('must use https'))) {
    found.push({ name: '/callbackUrl', reason: refusal, in: 'body' });
  }
  if (request.scope.type === 'WAYBILLS' && !mock.fault('subscribe-foreign-waybills')) {
    request.scope.waybillNos.forEach((waybillNo, i) => {
      // One wording for unknown and foreign waybills: the answer must not reveal another platform's shipments.
      if (!findOwnShipment(mock, waybillNo, caller?.keyid)) {
        found.push({ name: `/scope/waybillNos/${i}`, reason: 'is not a waybill this carrier issued for your shipping data', in: 'body' });
      }
    });
  }
  return found.slice(0, 100);
}

/**
 * The request as the carrier takes it. The pipeline guarantees a valid SubscriptionRequest, except under the
 * accept-invalid-subscription fault: then whatever arrived is made into something the dispatcher can hold
 * without crashing — an unreadable scope becomes an empty waybill list, so that nothing unasked-for is pushed.
 */
function takenRequest(body: unknown): SubscriptionRequest {
  const given = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const scope = given['scope'] as { type?: unknown; waybillNos?: unknown } | undefined;
  const waybillNos = Array.isArray(scope?.waybillNos) ? scope.waybillNos.filter((w): w is string => typeof w === 'string') : [];
  const statuses = Array.isArray(given['statuses']) ? (given['statuses'] as SubscriptionRequest['statuses']) : undefined;
  return {
    callbackUrl: typeof given['callbackUrl'] === 'string' ? given['callbackUrl'] : '',
    scope: scope?.type === 'ALL' ? { type: 'ALL' } : { type: 'WAYBILLS', waybillNos },
    ...(statuses ? { statuses } : {}),
    signatureScheme: given['signatureScheme'] === 'v1' ? 'v1' : 'v1a',
  };
}

const createSubscription: OperationHandler = (input) => {
  const { mock, caller } = input;
  const request = takenRequest(input.body);
  const violations = businessRuleViolations(input, request);
  if (violations.length > 0) return validationProblem(violations, 'The subscription request breaks a rule of the carrier.', '/v1/subscriptions');

  const subscriptionId = newIdentifier('sub');
  const subscription: Subscription = {
    subscriptionId,
    callbackUrl: request.callbackUrl,
    scope: request.scope,
    ...(request.statuses ? { statuses: request.statuses } : {}),
    signatureScheme: request.signatureScheme,
    state: 'ACTIVE',
    createdAt: chinaTime(mock.clock.now()),
  };
  // v1: a secret of its own for every subscription (ECDX-SEC-012); the fault hands out the published demo secret.
  const secret =
    request.signatureScheme === 'v1' ? (mock.fault('push-v1-shared-secret') ? DEMO_WEBHOOK_SECRET : formatWebhookKey(generateWebhookSecret())) : undefined;
  subscriptionRecords(mock).put(subscriptionId, { subscription, ownerKeyid: caller?.keyid ?? '-', ...(secret ? { secret } : {}) });
  return json(201, secret ? { ...subscription, secret } : subscription, { location: `/v1/subscriptions/${subscriptionId}` });
};

const getSubscription: OperationHandler = ({ mock, caller, params }) => {
  const subscriptionId = params['subscriptionId'] ?? '';
  const record = ownedSubscription(mock, subscriptionId, caller?.keyid, mock.fault('subscription-readable-by-other-platforms'));
  return record ? json(200, record.subscription) : notFound(subscriptionId);
};

const deleteSubscription: OperationHandler = ({ mock, caller, params }) => {
  const subscriptionId = params['subscriptionId'] ?? '';
  const record = ownedSubscription(mock, subscriptionId, caller?.keyid);
  if (!record) {
    // The fault answers a second DELETE of one's own subscription as if it were the first (ECDX-PSH-029).
    const own = subscriptionRecords(mock).get(subscriptionId);
    if (mock.fault('subscription-deleted-twice-answers-204') && own?.deletedAt !== undefined && own.ownerKeyid === caller?.keyid) return noContent();
    return notFound(subscriptionId);
  }
  subscriptionRecords(mock).put(subscriptionId, { ...record, deletedAt: mock.clock.now() });
  pushDispatcherOf(mock)?.subscriptionDeleted(subscriptionId);
  return noContent();
};

export const handlers = { createSubscription, getSubscription, deleteSubscription } satisfies Record<string, OperationHandler>;

export function start(mock: MockContext): void {
  if (mock.role === 'platform') return;
  const dispatcher = new PushDispatcher(mock);
  mock.services.set(DISPATCHER, dispatcher);
  provideService(mock, 'pushes', dispatcher);
  findService(mock, 'trajectory')?.onRecorded((event, ownerKeyid) => dispatcher.record(event, ownerKeyid));
  dispatcher.resume();
}
