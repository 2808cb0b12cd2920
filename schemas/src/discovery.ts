// Discovery and health: what a vendor claims (GET /v1/conformance) and how its data feeds are doing right now
// (GET /v1/health, the automatic interconnection check of OP-06). Both are served without a signature, so that a
// counterparty or a monitor can read them before any key has been exchanged. The small shared pieces of the
// governance area (roles, feeds, parties) live here too, because the claim and the health document define them.
import { Type, type Static } from '@sinclair/typebox';
import { classUri, conformanceClasses, conformanceClassNames, type ConformanceClassName } from './classes.ts';
import { CarrierCode, Closed, Count, ref, schemaId, StringEnum, Timestamp } from './common.ts';
import { TEST_ACTION_NAMES, TestActionName } from './test-action-names.ts';

// ---------------------------------------------------------------------------------------------------------
// Shared pieces

/** The two roles of the exchange, in the order reports list them. */
export const PARTY_ROLES = ['carrier', 'platform'] as const;

export const PartyRole = StringEnum(PARTY_ROLES, {
  description:
    'The role a party plays in the exchange: `carrier` (经营快递业务的企业, receives shipping data and sends parcel ' +
    'data) or `platform` (电子商务经营者, sends shipping data and receives parcel data).',
});
export type PartyRole = Static<typeof PartyRole>;

/**
 * Whom a requirement, a check or a fault concerns: one role, or `both`. Not exchanged on the wire; the registry,
 * the harness and the mock all use this one type.
 */
export const ROLE_SCOPES = [...PARTY_ROLES, 'both'] as const;
export const RoleScope = StringEnum(ROLE_SCOPES);
export type RoleScope = Static<typeof RoleScope>;

export const DataFeed = StringEnum(['SHIPPING_DATA', 'PARCEL_DATA_PULL', 'PARCEL_DATA_PUSH'] as const, {
  $id: schemaId('DataFeed'),
  title: 'DataFeed',
  description:
    'One data feed between a platform and a carrier: `SHIPPING_DATA` (寄递数据, platform → carrier, OP-01), ' +
    '`PARCEL_DATA_PULL` (快件数据 fetched by the platform) and `PARCEL_DATA_PUSH` (快件数据 pushed by the carrier, ' +
    'OP-02). Health, interruption notices and incident notifications name feeds with these values.',
  examples: ['SHIPPING_DATA', 'PARCEL_DATA_PUSH'],
});
export type DataFeed = Static<typeof DataFeed>;

const OrganisationName = Type.String({
  description: 'The registered name of the organisation (企业名称), as on its business licence.',
  minLength: 1,
  maxLength: 100,
  pattern: '\\S',
});

export const ExchangeParty = Type.Union(
  [
    Type.Object({ name: OrganisationName, role: Type.Literal('carrier'), carrierCode: ref(CarrierCode) }, Closed),
    Type.Object({ name: OrganisationName, role: Type.Literal('platform') }, Closed),
  ],
  {
    $id: schemaId('ExchangeParty'),
    title: 'ExchangeParty',
    description:
      'An organisation taking part in the exchange, as named in notices, incident notifications and statistics. ' +
      'A carrier is also identified by its carrier code, which a platform has no equivalent of; the two shapes ' +
      'are therefore distinct, and a carrier without a code (or a platform with one) is invalid.',
    examples: [
      { name: '顺丰速运有限公司', role: 'carrier', carrierCode: 'SF' },
      { name: '示例电商平台有限公司', role: 'platform' },
    ],
  },
);
export type ExchangeParty = Static<typeof ExchangeParty>;

// ---------------------------------------------------------------------------------------------------------
// Conformance claim

export const SEMVER_PATTERN = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$';

const EcdxVersion = Type.String({
  description: 'The ECDX version implemented, as a semantic version (`1.0.0-draft`).',
  pattern: SEMVER_PATTERN,
  maxLength: 64,
});

const classUris = conformanceClassNames.map(classUri);

export const ConformanceClaim = Type.Object(
  {
    ecdxVersion: EcdxVersion,
    role: PartyRole,
    party: Type.Object(
      {
        name: OrganisationName,
        carrierCode: Type.Optional(ref(CarrierCode, { description: 'Present exactly when the role is `carrier`.' })),
      },
      { ...Closed, description: 'Who operates the implementation.' },
    ),
    classes: Type.Array(StringEnum(classUris), {
      description:
        'The conformance classes claimed, by URI (`https://ecdx.dev/conformance/1.0/<class>`). `core` is always ' +
        'claimed. The harness runs exactly these classes; a class not listed is reported as not claimed.',
      minItems: 1,
      uniqueItems: true,
      maxItems: classUris.length,
      contains: Type.Literal(classUri('core')),
    }),
    features: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 64 }), {
      description: 'Optional features implemented, by the names the specification gives them; empty when none.',
      uniqueItems: true,
      maxItems: 50,
    }),
    idempotencyKeyExpirySeconds: Type.Integer({
      format: 'int32',
      description: 'How long an `Idempotency-Key` is remembered, in seconds: at least one day, at most a year.',
      minimum: 86400,
      // A year: a key kept longer is a ledger of requests rather than a window for retries.
      maximum: 31_536_000,
    }),
    retention: Type.Object(
      {
        shippingDataDays: Type.Integer({
          format: 'int32',
          description: 'Days shipping data (寄递数据) is kept after the parcel is delivered or returned.',
          minimum: 1,
          maximum: 3650,
        }),
        trackingEventsDays: Type.Integer({
          format: 'int32',
          description: 'Days trajectory (轨迹) events are kept after the parcel is delivered or returned.',
          minimum: 1,
          maximum: 3650,
        }),
      },
      { ...Closed, description: 'How long exchanged personal data is kept (OP-04): published so that the counterparty and users can rely on it.' },
    ),
    signatureAlgorithms: Type.Array(StringEnum(['ed25519', 'hmac-sha256'] as const), {
      description: 'The RFC 9421 algorithms accepted on incoming requests. `ed25519` is preferred.',
      minItems: 1,
      uniqueItems: true,
      maxItems: 2,
    }),
    webhookSignatureSchemes: Type.Array(StringEnum(['v1a', 'v1'] as const), {
      description:
        'The Standard Webhooks signature schemes used (carrier) or accepted (platform) on pushes: `v1a` (ed25519, ' +
        'preferred) and `v1` (HMAC-SHA256). Empty when no push class is claimed.',
      uniqueItems: true,
      maxItems: 2,
    }),
    maxPageSize: Type.Integer({
      format: 'int32',
      description: 'The largest `limit` accepted on paginated collections (at most 100).',
      minimum: 1,
      maximum: 100,
    }),
    testMode: Type.Optional(
      Type.Boolean({
        description:
          'Whether this is a test deployment that serves the test controls (`/v1/test/clock`) the conformance ' +
          'harness uses to move simulated parcels through their life. A production deployment leaves it absent ' +
          'or false.',
      }),
    ),
    testActions: Type.Optional(
      Type.Array(ref(TestActionName), {
        description:
          'The test actions (POST /v1/test/actions) this test deployment performs: with class `client` claimed, every ' +
          'action of its role (ECDX-CNF-010). Only with `testMode`.',
        uniqueItems: true,
        maxItems: TEST_ACTION_NAMES.length,
      }),
    ),
  },
  {
    $id: schemaId('ConformanceClaim'),
    title: 'ConformanceClaim',
    description:
      'What an implementation claims (GET /v1/conformance): the ECDX version, its role, the conformance classes it ' +
      'conforms to and the operational parameters a counterparty needs (idempotency-key expiry, retention, ' +
      'accepted signature algorithms, page size). The harness decides what to test from it, so it is served ' +
      'without a signature and must be true.',
    ...Closed,
    examples: [
      {
        ecdxVersion: '1.0.0-draft',
        role: 'carrier',
        party: { name: '顺丰速运有限公司', carrierCode: 'SF' },
        classes: [
          'https://ecdx.dev/conformance/1.0/core',
          'https://ecdx.dev/conformance/1.0/security',
          'https://ecdx.dev/conformance/1.0/carrier-shipping',
          'https://ecdx.dev/conformance/1.0/carrier-tracking-push',
        ],
        features: [],
        idempotencyKeyExpirySeconds: 86400,
        retention: { shippingDataDays: 180, trackingEventsDays: 180 },
        signatureAlgorithms: ['ed25519', 'hmac-sha256'],
        webhookSignatureSchemes: ['v1a'],
        maxPageSize: 100,
      },
    ],
  },
);
export type ConformanceClaim = Static<typeof ConformanceClaim>;

/**
 * Which claimed class commits which party to report which feed in its health document (ECDX-HLT-004). The Core
 * chapter's table is generated from this list; no other class implies a feed.
 */
export const FEEDS_OF_CLASSES: readonly { role: PartyRole; className: ConformanceClassName; feed: DataFeed }[] = [
  { role: 'carrier', className: 'carrier-shipping', feed: 'SHIPPING_DATA' },
  { role: 'carrier', className: 'carrier-tracking-pull', feed: 'PARCEL_DATA_PULL' },
  { role: 'carrier', className: 'carrier-tracking-push', feed: 'PARCEL_DATA_PUSH' },
  { role: 'platform', className: 'platform-tracking-receiver', feed: 'PARCEL_DATA_PUSH' },
];

/** The feeds a claim commits the party to report in its health document. */
export const feedsOfClasses = (role: PartyRole, classes: readonly string[]): DataFeed[] => [
  ...new Set(FEEDS_OF_CLASSES.filter((row) => row.role === role && classes.includes(classUri(row.className))).map((row) => row.feed)),
];

/** A semantic finding about a document that is valid against its schema: the rule it breaks and where. */
export interface Finding {
  requirement: string;
  pointer: string;
  /** Why, in English (what a problem's `detail` says). */
  detail: string;
  /** The same in Simplified Chinese, for a report read in Chinese. */
  detailZh: string;
}

/** The claim's cross-field rules, which JSON Schema does not express (ECDX-CNF-002). */
export function checkConformanceClaim(claim: ConformanceClaim): Finding[] {
  const findings: Finding[] = [];
  const add = (pointer: string, detail: string, detailZh: string) => findings.push({ requirement: 'ECDX-CNF-002', pointer, detail, detailZh });
  if (claim.role === 'carrier' && !claim.party.carrierCode) add('/party/carrierCode', 'a carrier states its carrier code', '快递企业须声明其快递企业代码');
  if (claim.role === 'platform' && claim.party.carrierCode) add('/party/carrierCode', 'a platform has no carrier code', '电子商务平台没有快递企业代码');
  claim.classes.forEach((uri, i) => {
    const name = conformanceClassNames.find((n) => classUri(n) === uri);
    const classRole: string | undefined = name ? conformanceClasses[name].role : undefined;
    if (classRole && classRole !== 'both' && classRole !== claim.role)
      add(`/classes/${i}`, `${name} is a ${classRole} class`, `${name} 是 ${classRole === 'carrier' ? '快递企业' : '电子商务平台'}的一致性类别`);
  });
  if (Number(claim.ecdxVersion.split('.')[0]) !== 1) add('/ecdxVersion', 'this revision of ECDX is version 1', 'ECDX 的本修订版为第 1 版');
  const pushes = claim.classes.includes(classUri('carrier-tracking-push')) || claim.classes.includes(classUri('platform-tracking-receiver'));
  if (pushes && claim.webhookSignatureSchemes.length === 0)
    add('/webhookSignatureSchemes', 'a push class needs at least one webhook signature scheme', '推送类一致性类别至少需要一种 webhook 签名方案');
  return findings;
}

// ---------------------------------------------------------------------------------------------------------
// Health

export const HealthStatus = StringEnum(['UP', 'DEGRADED', 'DOWN'] as const, {
  description:
    '`UP`: working normally. `DEGRADED`: working, but late or partly failing (for example pushes being retried). ' + '`DOWN`: not exchanging data at all.',
});
export type HealthStatus = Static<typeof HealthStatus>;

export const FeedHealth = Type.Object(
  {
    feed: ref(DataFeed),
    status: HealthStatus,
    lastExchangeAt: Type.Optional(ref(Timestamp, { description: 'When data last moved successfully on this feed, in either direction; absent if never.' })),
    backlog: Count({
      description:
        'Items waiting on this feed: shipping data received but not yet processed; push batches not yet delivered; ' +
        'for a platform, pushed events received but not yet processed. 0 when nothing waits.',
    }),
    oldestPendingAt: Type.Optional(ref(Timestamp, { description: 'Since when the oldest waiting item has waited. Present exactly when `backlog` > 0.' })),
  },
  { ...Closed, description: 'The state of one data feed.' },
);
export type FeedHealth = Static<typeof FeedHealth>;

export const Health = Type.Object(
  {
    status: HealthStatus,
    serverTime: ref(Timestamp, {
      description: 'The server clock when the document was produced; within 30 s of true time, since signatures and notices rely on it.',
    }),
    ecdxVersion: EcdxVersion,
    feeds: Type.Array(FeedHealth, {
      description: 'One entry per feed the party takes part in; every feed its claimed classes imply is listed, once.',
      maxItems: 3,
    }),
  },
  {
    $id: schemaId('Health'),
    title: 'Health',
    description:
      'The heartbeat of an implementation (GET /v1/health): overall status, server time and, per data feed, the ' +
      'last successful exchange and the backlog. It is what the automatic interconnection checks of OP-06 poll, ' +
      'so it is unsigned, cheap, and honest: it reports the feeds as they are, not as configured.',
    ...Closed,
    examples: [
      {
        status: 'DEGRADED',
        serverTime: '2026-03-01T09:30:00+08:00',
        ecdxVersion: '1.0.0-draft',
        feeds: [
          { feed: 'SHIPPING_DATA', status: 'UP', lastExchangeAt: '2026-03-01T09:29:58+08:00', backlog: 0 },
          {
            feed: 'PARCEL_DATA_PUSH',
            status: 'DEGRADED',
            lastExchangeAt: '2026-03-01T09:12:04+08:00',
            backlog: 37,
            oldestPendingAt: '2026-03-01T09:14:30+08:00',
          },
        ],
      },
    ],
  },
);
export type Health = Static<typeof Health>;

const STATUS_RANK: Record<HealthStatus, number> = { UP: 0, DEGRADED: 1, DOWN: 2 };

/** Tolerated clock difference between the server and true time (and so between two honest parties). */
export const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * The honesty rules of a health document that JSON Schema does not express. `now` is the checker's true time;
 * `expectedFeeds` the feeds the party's claim implies (see `feedsOfClasses`).
 */
export function checkHealth(health: Health, now: Date, expectedFeeds: readonly DataFeed[] = [], claimedVersion?: string): Finding[] {
  const findings: Finding[] = [];
  const add = (requirement: string, pointer: string, detail: string, detailZh: string) => findings.push({ requirement, pointer, detail, detailZh });
  const serverTime = Date.parse(health.serverTime);
  if (Math.abs(serverTime - now.getTime()) > CLOCK_TOLERANCE_SECONDS * 1000) {
    add(
      'ECDX-HLT-002',
      '/serverTime',
      `serverTime is ${Math.round((serverTime - now.getTime()) / 1000)} s off true time`,
      `serverTime 与真实时间相差 ${Math.round((serverTime - now.getTime()) / 1000)} 秒`,
    );
  }
  if (claimedVersion !== undefined && health.ecdxVersion !== claimedVersion) {
    add(
      'ECDX-HLT-003',
      '/ecdxVersion',
      `health says ${health.ecdxVersion}, the claim ${claimedVersion}`,
      `健康状态文档为 ${health.ecdxVersion}，一致性声明为 ${claimedVersion}`,
    );
  }
  const seen = new Set<DataFeed>();
  health.feeds.forEach((f, i) => {
    if (seen.has(f.feed)) add('ECDX-HLT-004', `/feeds/${i}/feed`, `${f.feed} is listed twice`, `${f.feed} 列出了两次`);
    seen.add(f.feed);
    if (f.backlog > 0 && !f.oldestPendingAt)
      add('ECDX-HLT-006', `/feeds/${i}/oldestPendingAt`, 'a backlog without the time of its oldest item', '有积压但未给出最早积压项的时间');
    if (f.backlog === 0 && f.oldestPendingAt)
      add('ECDX-HLT-006', `/feeds/${i}/oldestPendingAt`, 'an oldest pending item without a backlog', '给出了最早积压项但没有积压');
    for (const key of ['lastExchangeAt', 'oldestPendingAt'] as const) {
      const at = f[key];
      // The document's own clock: no tolerance (the 30 s of ECDX-HLT-002 are between two parties' clocks).
      if (at && Date.parse(at) > serverTime) add('ECDX-HLT-006', `/feeds/${i}/${key}`, `${key} lies after serverTime`, `${key} 晚于 serverTime`);
    }
  });
  for (const feed of expectedFeeds) {
    if (!seen.has(feed))
      add('ECDX-HLT-004', '/feeds', `the claimed classes imply feed ${feed}, which is not listed`, `所声明的一致性类别意味着数据流 ${feed}，但未列出`);
  }
  const worst = health.feeds.reduce<HealthStatus>((w, f) => (STATUS_RANK[f.status] > STATUS_RANK[w] ? f.status : w), 'UP');
  if (STATUS_RANK[health.status] < STATUS_RANK[worst])
    add('ECDX-HLT-005', '/status', `status ${health.status}, but feed status ${worst}`, `status 为 ${health.status}，但数据流状态为 ${worst}`);
  return findings;
}
