// The subscriptions the mock's reference client holds at a counterparty (the `subscribe` test action): what the 201
// said, kept so that the receiver takes the pushes that come for it and the gap repair knows whom to pull from.
import { webhookSecret, type WebhookVerificationKey } from '../../../protocol/index.ts';
import type { Subscription, SubscriptionRequest } from '../../../schemas/src/index.ts';
import type { Collection } from '../store.ts';
import type { MockContext } from '../types.ts';

export interface ClientSubscription {
  subscriptionId: string;
  /** The counterparty's base URL (the part before /v1). */
  counterparty: string;
  signatureScheme: SubscriptionRequest['signatureScheme'];
  /** The v1 secret the 201 carried, the only time it is shown. */
  secret?: string;
}

const records = (mock: MockContext): Collection<ClientSubscription> => mock.store.collection<ClientSubscription>('client-subscriptions');

export function keepSubscription(mock: MockContext, counterparty: string, created: Subscription): void {
  records(mock).put(created.subscriptionId, {
    subscriptionId: created.subscriptionId,
    counterparty,
    signatureScheme: created.signatureScheme,
    ...(created.secret ? { secret: created.secret } : {}),
  });
}

export const clientSubscription = (mock: MockContext, subscriptionId: string): ClientSubscription | undefined => records(mock).get(subscriptionId);

/** The v1 secrets of the client's subscriptions: pushes signed with one are as trusted as the demo carrier's. */
export function subscriptionPushKeys(mock: MockContext): WebhookVerificationKey[] {
  return records(mock)
    .values()
    .flatMap((s) => {
      try {
        return s.secret ? [webhookSecret(s.secret)] : [];
      } catch {
        return []; // a secret the counterparty malformed verifies nothing
      }
    });
}
