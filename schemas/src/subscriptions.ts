// Subscriptions to parcel-data pushes (OP-02 "promptly … over the agreed channel"): the platform registers a
// callback with the carrier (POST /v1/subscriptions), the carrier pushes PushBatch objects to it and the platform
// answers each with a PushAcknowledgement. The batch itself is in tracking.ts, beside the event it carries.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Closed, ObjectId, ref, schemaId, StringEnum, Timestamp, WaybillNumber } from './common.ts';
import { TRACKING_STATUSES, TrackingStatus } from './status.ts';

/** A subscription names at most this many waybills; beyond that the platform subscribes to ALL. */
export const MAX_WAYBILLS_PER_SUBSCRIPTION = 1000;

export const WEBHOOK_SIGNATURE_SCHEMES = ['v1a', 'v1'] as const;

/** The members a platform chooses; the Subscription resource repeats them as the carrier holds them. */
const subscriptionFields = {
  callbackUrl: Type.String({
    format: 'uri',
    maxLength: 2048,
    // The authority part may not hold user-info: credentials never travel in a URL.
    pattern: '^https?://[^/?#@]+([/?#]|$)',
    description:
      'Where the carrier POSTs the batches: the platform\u2019s `/v1/tracking-events` endpoint or any URL it serves ' +
      'that role at. HTTPS is required in production; the schema admits http so that a test harness on a loopback ' +
      'address can receive pushes. User-info (`user:pass@`) is not allowed.',
  }),
  scope: Type.Union(
    [
      Type.Object(
        {
          type: Type.Literal('WAYBILLS'),
          waybillNos: Type.Array(ref(WaybillNumber), {
            minItems: 1,
            maxItems: MAX_WAYBILLS_PER_SUBSCRIPTION,
            uniqueItems: true,
            description: 'The waybills to push, at most 1000; each must be one the platform sent.',
          }),
        },
        { ...Closed, title: 'WaybillScope', description: 'The listed waybills only.' },
      ),
      Type.Object(
        { type: Type.Literal('ALL') },
        {
          ...Closed,
          title: 'AllShipmentsScope',
          description: 'Every shipment the subscribing platform sent to the carrier, now and later.',
        },
      ),
    ],
    {
      description: 'Which waybills the subscription covers: a list, or ALL shipments the subscribing platform sent. Never ' + 'another platform\u2019s.',
    },
  ),
  statuses: Type.Optional(
    Type.Array(ref(TrackingStatus), {
      minItems: 1,
      uniqueItems: true,
      maxItems: TRACKING_STATUSES.length,
      description: 'Push only events with these statuses; absent means every status.',
    }),
  ),
  signatureScheme: StringEnum(WEBHOOK_SIGNATURE_SCHEMES, {
    description:
      'How the carrier signs pushes (Standard Webhooks): `v1a` Ed25519 with the carrier\u2019s published key ' +
      '(preferred: the platform holds no secret), or `v1` HMAC-SHA256 with a secret the carrier issues once, in ' +
      'the creation response.',
  }),
};

export const SubscriptionRequest = Type.Object(subscriptionFields, {
  $id: schemaId('SubscriptionRequest'),
  title: 'SubscriptionRequest',
  description:
    'The body of POST /v1/subscriptions: a platform asks the carrier to push the parcel data of some or all of ' +
    'its shipments to a callback URL, signed by the scheme it names.',
  ...Closed,
  examples: [
    { callbackUrl: 'https://platform.example.com/v1/tracking-events', scope: { type: 'ALL' }, signatureScheme: 'v1a' },
    {
      callbackUrl: 'https://hooks.platform.example.com/ecdx/v1/tracking-events',
      scope: { type: 'WAYBILLS', waybillNos: ['SF1234567890123', 'SF1234567890124'] },
      statuses: ['ACCEPTED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION'],
      signatureScheme: 'v1',
    },
  ],
});
export type SubscriptionRequest = Static<typeof SubscriptionRequest>;

export const SUBSCRIPTION_STATES = ['ACTIVE', 'DISABLED'] as const;
export const SUBSCRIPTION_DISABLED_REASONS = ['ENDPOINT_GONE', 'DELIVERY_FAILING', 'AGREEMENT_ENDED', 'OTHER'] as const;

export const Subscription = Type.Object(
  {
    subscriptionId: ref(ObjectId, { description: 'Chosen by the carrier; the `{subscriptionId}` of its URL.' }),
    ...subscriptionFields,
    state: StringEnum(SUBSCRIPTION_STATES, {
      description: 'ACTIVE: pushes are made. DISABLED: the carrier has stopped pushing (see disabledReason).',
    }),
    disabledReason: Type.Optional(
      StringEnum(SUBSCRIPTION_DISABLED_REASONS, {
        description:
          'Why a DISABLED subscription stopped: ENDPOINT_GONE (the callback answered 410), DELIVERY_FAILING (every ' +
          'attempt of the retry schedule failed), AGREEMENT_ENDED (after an interruption notice), OTHER.',
      }),
    ),
    disabledAt: Type.Optional(ref(Timestamp)),
    createdAt: ref(Timestamp),
    secret: Type.Optional(
      Type.String({
        pattern: '^whsec_[A-Za-z0-9+/]{32,88}={0,2}$',
        maxLength: 96,
        description:
          'The HMAC secret of a `v1` subscription (`whsec_` + base64 of 24–64 random bytes): present only in the 201 ' +
          'response that creates it, never afterwards, so that it is seen once and stored by the platform alone.',
      }),
    ),
  },
  {
    $id: schemaId('Subscription'),
    title: 'Subscription',
    description:
      'A subscription as the carrier holds it: the platform\u2019s request, its identifier and state. The 201 answer ' +
      'to POST /v1/subscriptions and the answer to GET /v1/subscriptions/{subscriptionId}.',
    ...Closed,
    examples: [
      {
        subscriptionId: 'sub_7Q2M1',
        callbackUrl: 'https://platform.example.com/v1/tracking-events',
        scope: { type: 'ALL' },
        signatureScheme: 'v1a',
        state: 'ACTIVE',
        createdAt: '2026-03-01T08:00:00+08:00',
      },
      {
        subscriptionId: 'sub_7Q2M2',
        callbackUrl: 'https://hooks.platform.example.com/ecdx/v1/tracking-events',
        scope: { type: 'WAYBILLS', waybillNos: ['SF1234567890123'] },
        signatureScheme: 'v1',
        state: 'ACTIVE',
        createdAt: '2026-03-01T08:00:00+08:00',
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      },
    ],
  },
);
export type Subscription = Static<typeof Subscription>;

export const PushAcknowledgement = Type.Object(
  {
    batchId: ref(ObjectId, { description: 'The batch acknowledged (its `webhook-id`).' }),
    received: Type.Integer({ format: 'int32', minimum: 0, maximum: 100, description: 'How many events the batch carried.' }),
    duplicates: Type.Integer({
      format: 'int32',
      minimum: 0,
      maximum: 100,
      description: 'How many of them the platform already had (same eventId) and did not process again.',
    }),
  },
  {
    $id: schemaId('PushAcknowledgement'),
    title: 'PushAcknowledgement',
    description:
      'The body a platform returns with its 2xx to a push. The status code alone decides delivery; the counts let ' +
      'the carrier see retries that had already arrived.',
    ...Closed,
    examples: [
      { batchId: 'bat_01J9Z4A0M2Q8', received: 1, duplicates: 0 },
      { batchId: 'bat_01J9Z4A0M2Q9', received: 40, duplicates: 40 },
    ],
  },
);
export type PushAcknowledgement = Static<typeof PushAcknowledgement>;

/** The published schemas of this file (listed again in `trackingSchemas`). */
export const subscriptionSchemas: TSchema[] = [SubscriptionRequest, Subscription, PushAcknowledgement];
