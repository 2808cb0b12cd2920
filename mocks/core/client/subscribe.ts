// The `subscribe` action: ask the counterparty carrier to push to the mock's own receiver (POST /v1/subscriptions),
// signed v1a where the carrier offers it (no secret to hold), else v1, and keep what the 201 says.
import type { Subscription, SubscriptionRequest } from '../../../schemas/src/index.ts';
import { ActionFailed, type ClientSession, expectStatus } from './session.ts';
import { keepSubscription } from './subscriptions.ts';

/**
 * Subscribe `callbackBase`'s receiver (the mock's base URL, as the action request reached it) to the waybills named,
 * or to ALL; the subscription's id.
 */
export async function subscribe(session: ClientSession, counterparty: string, callbackBase: string, waybillNos?: string[]): Promise<string> {
  const claim = await session.claim();
  const request: SubscriptionRequest = {
    callbackUrl: `${callbackBase}/v1/tracking-events`,
    scope: waybillNos ? { type: 'WAYBILLS', waybillNos } : { type: 'ALL' },
    signatureScheme: claim.webhookSignatureSchemes.includes('v1a') ? 'v1a' : 'v1',
  };
  const created = expectStatus(await session.create('/v1/subscriptions', request, 'subscription'), 201, 'POST /v1/subscriptions') as
    | Partial<Subscription>
    | undefined;
  if (typeof created?.subscriptionId !== 'string') throw new ActionFailed('POST /v1/subscriptions answered 201 without a subscriptionId');
  keepSubscription(session.mock, counterparty, { ...(created as Subscription), signatureScheme: created.signatureScheme ?? request.signatureScheme });
  return created.subscriptionId;
}
