// What the carrier mock keeps about subscriptions and push batches, in the store, so that a restarted mock (SQLite)
// still knows its subscriptions, their secrets and every batch that waits for a retry.
import { randomBytes } from 'node:crypto';
import type { Subscription, TrackingEvent } from '../../../schemas/src/index.ts';
import type { Collection } from '../store.ts';
import type { MockContext } from '../types.ts';

const SUBSCRIPTIONS = 'subscriptions';
const PUSH_BATCHES = 'push-batches';
/** Also the name mocks/sqlite-schema.ts fills from the activity log of a file written before this collection was. */
export const LAST_DELIVERED = 'push-last-delivered';

export interface SubscriptionRecord {
  /** As the carrier holds it and answers GET with it: never with the secret (ECDX-PSH-002). */
  subscription: Subscription;
  /** The keyid that created it; every other caller is told it does not exist. */
  ownerKeyid: string;
  /** The `whsec_` secret of a `v1` subscription: the carrier signs with it and never shows it again. */
  secret?: string;
  /** A deleted subscription is kept as a tombstone (virtual epoch ms) so that its late timers find it gone. */
  deletedAt?: number;
}

/** A batch not yet delivered: open (gathering events, no attempt yet) or waiting for its next attempt. */
export interface BatchRecord {
  batchId: string;
  subscriptionId: string;
  /** When its first event joined it (virtual epoch ms): the age the health backlog reports. */
  createdAt: number;
  events: TrackingEvent[];
  /** When it was first sent (RFC 3339); from then on the body is frozen. */
  sentAt?: string;
  attempts: number;
  /** When the next attempt is due (virtual epoch ms); set before each attempt, so that a crash resumes there. */
  nextAttemptAt?: number;
  /** The batchId on the wire; differs from `batchId` only under the push-retry-new-batch-id fault. */
  wireBatchId?: string;
  /** The first attempt's signature headers, which only the push-retry-reuses-signature fault sends again. */
  firstSignature?: Record<string, string>;
}

export const subscriptionRecords = (mock: MockContext): Collection<SubscriptionRecord> => mock.store.collection<SubscriptionRecord>(SUBSCRIPTIONS);
export const batchRecords = (mock: MockContext): Collection<BatchRecord> => mock.store.collection<BatchRecord>(PUSH_BATCHES);
/**
 * When the dispatcher last delivered a batch (virtual epoch ms), under the id `at`: kept on its own so that a
 * restarted mock knows it without reading the activity log.
 */
export const lastDelivered = (mock: MockContext): Collection<number> => mock.store.collection<number>(LAST_DELIVERED);

/** An opaque identifier (ObjectId) that nobody can guess: subscription URLs are not capabilities, but close. */
export const newIdentifier = (prefix: 'sub' | 'bat' | 'msg'): string => `${prefix}_${randomBytes(12).toString('base64url')}`;

/** RFC 3339 in China Standard Time, as every timestamp the mock writes. */
export function chinaTime(epochMs: number): string {
  return `${new Date(Math.floor(epochMs / 1000) * 1000 + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The subscription as its owner may see it, or undefined: unknown, deleted and foreign look the same (ECDX-PSH-005). */
export function ownedSubscription(
  mock: MockContext,
  subscriptionId: string,
  callerKeyid: string | undefined,
  anyOwner = false,
): SubscriptionRecord | undefined {
  const record = subscriptionRecords(mock).get(subscriptionId);
  if (!record || record.deletedAt !== undefined) return undefined;
  return record.ownerKeyid === callerKeyid || anyOwner ? record : undefined;
}
