// Parcel data (快件数据, OP-02): the trajectory a carrier provides for each waybill, by request (EventPage) and by
// push (PushBatch). A trackingEvent is sensitive personal information under PIPL Art. 28 (行踪轨迹), so the object
// is closed and carries people only in masked form and places only as facilities, never the recipient's address.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  CarrierCode,
  Closed,
  CountryCode,
  DivisionCode,
  MaskedMobileNumber,
  MaskedName,
  ObjectId,
  ref,
  schemaId,
  StringEnum,
  Timestamp,
  WaybillNumber,
} from './common.ts';
import { RealNameVerification } from './shipping.ts';
import { statusSchemas, TrackingNode, TrackingStatus, TrackingSubStatus } from './status.ts';
import { subscriptionSchemas } from './subscriptions.ts';

export * from './status.ts';
export * from './subscriptions.ts';

/** The most events one page or one push may carry: one limit for both, so a page can be forwarded as a batch. */
export const MAX_EVENTS_PER_PAGE = 100;
export const DEFAULT_EVENTS_PAGE_SIZE = 20;

// ---------------------------------------------------------------------------------------------------------
// Location

export const EventLocation = Type.Object(
  {
    countryCode: Type.Optional(ref(CountryCode, { description: 'Where the event happened; absent means CN.' })),
    divisionCode: Type.Optional(ref(DivisionCode, { description: 'The GB/T 2260 division of the facility (present for every event in CN).' })),
    facilityCode: Type.Optional(
      Type.String({
        description: "The carrier's code of the outlet, sorting centre, locker or station (网点/分拨中心编码).",
        pattern: '^[A-Za-z0-9._-]{1,32}$',
        maxLength: 32,
      }),
    ),
    facilityName: Type.Optional(Type.String({ description: 'The facility as people know it (`北京海淀营业部`).', minLength: 1, maxLength: 100 })),
    coordinates: Type.Optional(
      Type.Object(
        {
          lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude in decimal degrees.' }),
          lon: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude in decimal degrees.' }),
          datum: StringEnum(['WGS84', 'GCJ02', 'BD09'] as const, {
            description:
              'The coordinate system. Maps in China use GCJ-02 (or Baidu BD-09); naming it prevents the offset of ' +
              'several hundred metres that comes from reading one as another.',
          }),
        },
        { ...Closed, description: 'The position of the facility (not of a courier on the road, not of the recipient).' },
      ),
    ),
  },
  {
    $id: schemaId('EventLocation'),
    title: 'EventLocation',
    description:
      'Where a tracking event happened, named by the facility that handled the parcel: its division, code, name ' +
      'and optionally its position. Never the recipient\u2019s address, which would turn the trajectory into a ' +
      'record of where a person lives; delivery events name the delivering outlet, locker or station instead. ' +
      'At least one member is present; an event inside the mainland carries divisionCode.',
    ...Closed,
    minProperties: 1,
    examples: [
      { divisionCode: '110108', facilityCode: 'BJ010-HD', facilityName: '北京海淀营业部' },
      { countryCode: 'DE', facilityName: 'Frankfurt International Mail Centre' },
    ],
  },
);
export type EventLocation = Static<typeof EventLocation>;

// ---------------------------------------------------------------------------------------------------------
// Event

export const CARRIER_CODE_SCHEMES = ['KUAIDI100', 'KDNIAO', 'SF', 'UPU_EDI', 'CARRIER'] as const;

export const SIGNATORY_RELATIONS = ['SELF', 'FAMILY', 'COLLEAGUE', 'RECEPTION', 'PROPERTY_MANAGEMENT', 'NEIGHBOUR', 'OTHER'] as const;

export const TrackingEvent = Type.Object(
  {
    eventId: ref(ObjectId, {
      description: 'Identifies the event for ever: unique within the carrier, the same in every page and every push, so a ' + 'receiver deduplicates by it.',
    }),
    waybillNo: ref(WaybillNumber),
    carrierCode: ref(CarrierCode),
    sequence: Type.Integer({
      format: 'int32',
      minimum: 1,
      maximum: 2147483647,
      description:
        'Position of the event in the waybill\u2019s trajectory in the order the carrier recorded it: 1, 2, 3 … ' +
        'without gaps, so that a receiver notices a missing event. Not the order of occurredAt: a late scan gets ' +
        'the next number.',
    }),
    status: ref(TrackingStatus),
    subStatus: Type.Optional(ref(TrackingSubStatus)),
    node: ref(TrackingNode, { description: 'The OP-02 node, as the ECDX node table derives it from the status.' }),
    occurredAt: ref(Timestamp, { description: 'When it happened (the scan, the signature), with its offset.' }),
    recordedAt: ref(Timestamp, {
      description: 'When the carrier recorded it in the system that serves this interface; never before occurredAt.',
    }),
    location: Type.Optional(ref(EventLocation, { description: 'Absent only before the parcel is handled (ORDER_CREATED, AWAITING_PICKUP, CANCELLED).' })),
    description: Type.String({
      minLength: 1,
      maxLength: 500,
      description:
        'The event in words for people (`快件已由北京海淀营业部揽收`). Free text is where personal data leaks: it names ' +
        'people only in masked form and never contains an address or an unmasked telephone number.',
    }),
    courier: Type.Optional(
      Type.Object(
        {
          name: ref(MaskedName),
          phone: ref(MaskedMobileNumber),
          employeeRef: Type.Optional(ref(ObjectId, { description: 'The carrier\u2019s own reference for the courier, for complaints.' })),
        },
        { ...Closed, description: 'The courier who collected or delivers the parcel, masked (M1, M2).' },
      ),
    ),
    signatory: Type.Optional(
      Type.Object(
        {
          name: ref(MaskedName),
          relation: StringEnum(SIGNATORY_RELATIONS, {
            description: 'Who signed, as seen from the recipient: the recipient, family, a colleague, a front desk …',
          }),
        },
        {
          ...Closed,
          description: 'Who signed for a DELIVERED event, masked (M1). Absent for a locker, which has no signatory.',
        },
      ),
    ),
    realNameVerification: Type.Optional(
      ref(RealNameVerification, {
        description: 'On the ACCEPTED event: the outcome of the real-name check of the sender (实名收寄), never identity data.',
      }),
    ),
    carrierRawCode: Type.Optional(
      Type.Object(
        {
          scheme: StringEnum(CARRIER_CODE_SCHEMES, {
            description: 'The code list: an aggregator\u2019s, SF\u2019s opCodes, UPU EDI events, or the carrier\u2019s own.',
          }),
          code: Type.String({ pattern: '^[A-Za-z0-9._:-]{1,32}$', maxLength: 32, description: 'The code as the source writes it.' }),
        },
        {
          ...Closed,
          description: 'The native code the event was mapped from, so that a receiver can audit the mapping to the ECDX status.',
        },
      ),
    ),
    terminal: Type.Boolean({
      description:
        'True on the event that ends the trajectory: no further event follows for this waybill. Only DELIVERED, ' +
        'RETURNED, CANCELLED and an EXCEPTION of a lost or destroyed parcel may be terminal.',
    }),
  },
  {
    $id: schemaId('TrackingEvent'),
    title: 'TrackingEvent',
    description:
      'One event of a parcel\u2019s trajectory (轨迹): what happened (status in the ECDX taxonomy, the OP-02 node), when ' +
      '(occurredAt, recordedAt with offsets), where (the facility), and its place in the waybill\u2019s sequence. ' +
      'Closed: the trajectory is sensitive personal information, so a member that could carry the recipient\u2019s ' +
      'address or telephone number does not exist, and courier and signatory appear only masked.',
    ...Closed,
    examples: [
      {
        eventId: 'evt_SF1234567890123_0002',
        waybillNo: 'SF1234567890123',
        carrierCode: 'SF',
        sequence: 2,
        status: 'ACCEPTED',
        node: 'ACCEPTANCE',
        occurredAt: '2026-03-01T10:05:00+08:00',
        recordedAt: '2026-03-01T10:05:12+08:00',
        location: { divisionCode: '110108', facilityCode: 'BJ010-HD', facilityName: '北京海淀营业部' },
        description: '顺丰速运 已收取快件',
        courier: { name: '李*', phone: '139****0001' },
        realNameVerification: { verified: true, documentType: 'RESIDENT_IDENTITY_CARD', verifiedAt: '2026-03-01T10:03:40+08:00' },
        carrierRawCode: { scheme: 'SF', code: '54' },
        terminal: false,
      },
    ],
  },
);
export type TrackingEvent = Static<typeof TrackingEvent>;

// ---------------------------------------------------------------------------------------------------------
// Pull: GET /v1/shipments/{waybillNo}/events

/** The `cursor` query parameter and `nextCursor`: opaque, visible ASCII, so it survives a URL once percent-encoded. */
export const pageCursor = (description = '') =>
  Type.String({
    description:
      `${description}An opaque pagination cursor issued by the carrier (1–512 visible ASCII characters). The ` +
      'client returns it unchanged as the `cursor` query parameter and never builds or parses one.',
    pattern: '^[!-~]{1,512}$',
    maxLength: 512,
  });

export const EventPage = Type.Object(
  {
    waybillNo: ref(WaybillNumber),
    items: Type.Array(ref(TrackingEvent), {
      maxItems: MAX_EVENTS_PER_PAGE,
      description: 'Events in ascending sequence, at most `limit` of them (default 20, never more than 100).',
    }),
    nextCursor: Type.Optional(
      pageCursor('Present when more events are recorded than this page holds; absent on the page that reaches the last ' + 'event recorded so far. '),
    ),
  },
  {
    $id: schemaId('EventPage'),
    title: 'EventPage',
    description:
      'One page of a waybill\u2019s trajectory, the answer to GET /v1/shipments/{waybillNo}/events. Pages follow the ' +
      'sequence: walking nextCursor from the first page yields every recorded event exactly once, in order.',
    ...Closed,
    examples: [
      {
        waybillNo: 'SF1234567890123',
        items: [
          {
            eventId: 'evt_SF1234567890123_0003',
            waybillNo: 'SF1234567890123',
            carrierCode: 'SF',
            sequence: 3,
            status: 'SORTING',
            node: 'SORTING',
            occurredAt: '2026-03-01T18:40:00+08:00',
            recordedAt: '2026-03-01T18:40:03+08:00',
            location: { divisionCode: '110113', facilityCode: 'BJ010W', facilityName: '北京顺义集散中心' },
            description: '快件在【北京顺义集散中心】完成分拣',
            carrierRawCode: { scheme: 'SF', code: '30' },
            terminal: false,
          },
        ],
        nextCursor: 'c2VxPTM',
      },
      { waybillNo: 'SF1234567890123', items: [] },
    ],
  },
);
export type EventPage = Static<typeof EventPage>;

// ---------------------------------------------------------------------------------------------------------
// Push: WEBHOOK /v1/tracking-events (the platform serves POST /v1/tracking-events)

export const PushBatch = Type.Object(
  {
    batchId: ref(ObjectId, {
      description: 'Identifies the batch; it is the `webhook-id` header, and stays the same on every retry of the batch.',
    }),
    subscriptionId: ref(ObjectId, { description: 'The subscription this batch is delivered for.' }),
    carrierCode: ref(CarrierCode),
    sentAt: ref(Timestamp, {
      description:
        'When the carrier first sent the batch. Retries resend the body unchanged; the time of each attempt is in ' + 'the `webhook-timestamp` header.',
    }),
    events: Type.Array(ref(TrackingEvent), {
      minItems: 1,
      maxItems: MAX_EVENTS_PER_PAGE,
      description: 'The events, 1 to 100, of one or several waybills in scope of the subscription; those of one waybill in ' + 'ascending sequence.',
    }),
  },
  {
    $id: schemaId('PushBatch'),
    title: 'PushBatch',
    description:
      'A batch of tracking events that a carrier pushes to the platform\u2019s callback (Standard Webhooks, ' +
      '`webhook-id` = batchId). At most 100 events, so that one attempt fits the 15-second timeout and a failure ' +
      'delays little; the receiver deduplicates by eventId, so a retried batch does no harm.',
    ...Closed,
    examples: [
      {
        batchId: 'bat_01J9Z4A0M2Q8',
        subscriptionId: 'sub_7Q2M1',
        carrierCode: 'ECDXDEMO',
        sentAt: '2026-03-02T09:12:05+08:00',
        events: [
          {
            eventId: 'evt_SF1234567890123_0007',
            waybillNo: 'SF1234567890123',
            carrierCode: 'ECDXDEMO',
            sequence: 7,
            status: 'DELIVERED',
            subStatus: 'DELIVERED_PROXY',
            node: 'DELIVERY',
            occurredAt: '2026-03-02T09:10:30+08:00',
            recordedAt: '2026-03-02T09:10:41+08:00',
            location: { divisionCode: '440305', facilityCode: 'SZ755-NS', facilityName: '深圳南山科技园营业点' },
            description: '快件已签收，签收人：前台',
            courier: { name: '王*明', phone: '137****2468' },
            signatory: { name: '陈*', relation: 'RECEPTION' },
            carrierRawCode: { scheme: 'SF', code: '80' },
            terminal: true,
          },
        ],
      },
    ],
  },
);
export type PushBatch = Static<typeof PushBatch>;

/** The schemas of this area that are published on their own. */
export const trackingSchemas: TSchema[] = [...statusSchemas, EventLocation, TrackingEvent, EventPage, PushBatch, ...subscriptionSchemas];
