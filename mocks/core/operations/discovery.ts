// Discovery (Core chapter): the conformance claim and the health document, both unsigned. The claim follows from
// the mock's role; the health document reports the feeds that claim implies as they are right now — the push
// backlog from the push dispatcher, the last exchanges from the activity log — never as configured.
import type { ConformanceClaim, DataFeed, FeedHealth, Health, HealthStatus, PartyRole } from '../../../schemas/src/index.ts';
import { feedsOfClasses, TEST_ACTIONS_OF_ROLE } from '../../../schemas/src/index.ts';
import { classUri, SPEC_VERSION, type ConformanceClassName } from '../../../schemas/src/classes.ts';
import { activitiesBetween, type Activity } from '../activity.ts';
import { IDEMPOTENCY_KEY_EXPIRY_SECONDS } from '../idempotency.ts';
import { json, validationProblem } from '../respond.ts';
import { findService } from '../services.ts';
import type { MockContext, OperationHandler } from '../types.ts';

/** The mock's timestamps are China Standard Time (+08:00), as the exchange's own examples are. */
export function timestampAt(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

const CLASSES: Record<PartyRole, ConformanceClassName[]> = {
  carrier: ['core', 'security', 'privacy', 'carrier-shipping', 'carrier-tracking-pull', 'carrier-tracking-push', 'notices', 'incidents', 'statistics'],
  platform: ['core', 'security', 'privacy', 'platform-tracking-receiver', 'notices', 'incidents', 'statistics'],
};

/**
 * Which role's claim a request reads. A mock serving both roles holds two claims and chooses by `?role=`, the
 * carrier claim by default (Core chapter §1); a single-role mock has one claim and ignores the parameter.
 */
function claimRole(mock: MockContext, query?: URLSearchParams): PartyRole {
  if (mock.role !== 'both') return mock.role;
  return query?.get('role') === 'platform' ? 'platform' : 'carrier';
}

/** The role whose feeds the health document reports: the default claim's, which for `both` covers every feed. */
const healthRole = (mock: MockContext): PartyRole => claimRole(mock);

function conformanceClaim(mock: MockContext, role: PartyRole): ConformanceClaim {
  const self = mock.self[role];
  return {
    ecdxVersion: SPEC_VERSION,
    role,
    party: { name: self.name, ...(role === 'carrier' && self.carrierCode ? { carrierCode: self.carrierCode } : {}) },
    // A test deployment acts as a client on request (the test actions of its role, ECDX-CNF-010); production does not.
    classes: [...CLASSES[role], ...(mock.testMode ? (['client'] as const) : [])].map(classUri),
    features: [],
    idempotencyKeyExpirySeconds: IDEMPOTENCY_KEY_EXPIRY_SECONDS,
    // The mock keeps everything while it runs; these are the periods it would publish as a deployment.
    retention: { shippingDataDays: 180, trackingEventsDays: 180 },
    signatureAlgorithms: ['ed25519', 'hmac-sha256'],
    webhookSignatureSchemes: ['v1a', 'v1'],
    maxPageSize: 100,
    testMode: mock.testMode,
    ...(mock.testMode ? { testActions: [...TEST_ACTIONS_OF_ROLE[role]] } : {}),
  };
}

const STATUS_RANK: Record<HealthStatus, number> = { UP: 0, DEGRADED: 1, DOWN: 2 };

/** A push feed whose oldest batch has waited this long with nothing delivered since is not exchanging data. */
const PUSH_DOWN_AFTER_MS = 60 * 60 * 1000;

/** The latest time of an activity of the given kinds, or undefined when none happened. */
function latest(log: readonly Activity[], kinds: readonly Activity['kind'][]): number | undefined {
  let at: number | undefined;
  for (const entry of log) if (kinds.includes(entry.kind) && (at === undefined || entry.at > at)) at = entry.at;
  return at;
}

const maxOf = (...times: (number | undefined)[]): number | undefined => {
  const known = times.filter((t): t is number => t !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
};

function feedHealth(feed: DataFeed, now: number, lastExchange: number | undefined, backlog = 0, oldestPendingAt?: number): FeedHealth {
  let status: HealthStatus = 'UP';
  if (backlog > 0) {
    const stalled =
      oldestPendingAt !== undefined && now - oldestPendingAt > PUSH_DOWN_AFTER_MS && !(lastExchange !== undefined && lastExchange > oldestPendingAt);
    status = stalled ? 'DOWN' : 'DEGRADED';
  }
  // Nothing can have happened after the document is produced; clamping keeps a timer's rounding from saying so.
  const clamp = (t: number) => Math.min(t, now);
  return {
    feed,
    status,
    ...(lastExchange === undefined ? {} : { lastExchangeAt: timestampAt(clamp(lastExchange)) }),
    backlog,
    ...(backlog > 0 ? { oldestPendingAt: timestampAt(clamp(oldestPendingAt ?? now)) } : {}),
  };
}

function healthDocument(mock: MockContext): Health {
  const now = mock.clock.now();
  const role = healthRole(mock);
  const feeds = feedsOfClasses(role, CLASSES[role].map(classUri));
  const log = activitiesBetween(mock, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  // biome-ignore lint/suspicious/useIterableCallbackReturn: DataFeed is a closed union and tsc checks that every case returns
  const entries = feeds.map((feed): FeedHealth => {
    switch (feed) {
      case 'SHIPPING_DATA':
        // The mock validates and stores shipping data while the request waits: nothing is ever left unprocessed.
        return feedHealth(feed, now, latest(log, ['shipment-accepted']));
      case 'PARCEL_DATA_PULL':
        return feedHealth(feed, now, latest(log, ['event-provided']));
      case 'PARCEL_DATA_PUSH': {
        if (role === 'platform') return feedHealth(feed, now, latest(log, ['push-received']));
        const pushes = findService(mock, 'pushes')?.backlog() ?? { pendingBatches: 0 };
        const lastExchange = maxOf(pushes.lastDeliveredAt, latest(log, ['push-delivered', 'push-received']));
        return feedHealth(feed, now, lastExchange, pushes.pendingBatches, pushes.oldestPendingAt);
      }
    }
  });
  const status = entries.reduce<HealthStatus>((worst, f) => (STATUS_RANK[f.status] > STATUS_RANK[worst] ? f.status : worst), 'UP');
  return { status, serverTime: timestampAt(now), ecdxVersion: SPEC_VERSION, feeds: entries };
}

/** The roles `?role=` may name; anything else is refused, whatever roles the implementation serves (ECDX-CNF-007). */
const CLAIM_ROLES: readonly string[] = ['carrier', 'platform'] satisfies PartyRole[];

export const handlers = {
  getConformanceClaim: ({ mock, query }) => {
    const asked = query.get('role');
    if (asked !== null && !CLAIM_ROLES.includes(asked) && !mock.fault('claim-unknown-role-answered')) {
      return validationProblem([{ name: '/role', in: 'query', reason: 'role must be carrier or platform' }], 'The query does not match this operation.');
    }
    return json(200, conformanceClaim(mock, claimRole(mock, query)));
  },
  // 200 even when DOWN (ECDX-HLT-001): the document carries the state, so a monitor can tell it from no answer.
  getHealth: ({ mock }) => json(200, healthDocument(mock)),
} satisfies Record<string, OperationHandler>;
