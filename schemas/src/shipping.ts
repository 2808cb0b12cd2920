// Shipping data (寄递数据, OP-01): what a platform sends a carrier for one parcel, the shipment the carrier holds,
// and its cancellation. The parties, contents and consent pieces live in their own files; this module publishes
// them all through `shippingSchemas` and re-exports them, so that other areas import from './shipping.ts'.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CarrierCode, Closed, ObjectId, StringEnum, Timestamp, WaybillNumber, ref, schemaId } from './common.ts';
import { Contact, partySchemas } from './parties.ts';
import { ContentsItem, PackageInfo, contentsSchemas } from './contents.ts';
import { ConsentRecord, CrossBorderTransfer, consentSchemas } from './consent.ts';

export * from './parties.ts';
export * from './contents.ts';
export * from './consent.ts';

// ---------------------------------------------------------------------------------------------------------
// The request

export const SERVICE_LEVELS = ['ECONOMY', 'STANDARD', 'EXPRESS', 'NEXT_DAY', 'SAME_DAY'] as const;

export const ServiceLevel = StringEnum(SERVICE_LEVELS, {
  $id: schemaId('ServiceLevel'),
  title: 'ServiceLevel',
  description:
    'The delivery service the platform orders: ECONOMY (经济, ground transport), STANDARD (标准快递), EXPRESS ' +
    '(特快, air where needed), NEXT_DAY (次日达) or SAME_DAY (当日达). A carrier that does not offer the level ' +
    'for the route refuses the request with a validation problem naming `/service`.',
  examples: ['STANDARD', 'NEXT_DAY'],
});
export type ServiceLevel = Static<typeof ServiceLevel>;

const shipmentRequestFields = {
  platformOrderId: ref(ObjectId, {
    description: 'The platform’s order (or fulfilment) identifier, for reconciliation. One order may ship as several requests.',
  }),
  carrierCode: ref(CarrierCode, {
    description: 'The carrier the parties chose (OP-01: their free choice). A carrier refuses a request addressed to another.',
  }),
  sender: ref(Contact, { description: 'The sender (寄件人): the merchant or the person who ships.' }),
  recipient: ref(Contact, { description: 'The recipient (收件人).' }),
  contents: Type.Array(ref(ContentsItem), {
    description: 'The contents (内件), one line per kind of goods.',
    minItems: 1,
    maxItems: 100,
  }),
  package: ref(PackageInfo),
  service: ref(ServiceLevel),
  purpose: Type.Literal('DELIVERY', {
    description:
      'The purpose the data is given for: always `DELIVERY` (OP-03). Stated in every request so that the ' +
      'purpose limitation travels with the data and any other value is refused.',
  }),
  consents: Type.Optional(
    Type.Array(ref(ConsentRecord), {
      description:
        'Consents the platform collected for value-added uses by the carrier (OP-04). Absent or empty: the ' +
        'carrier uses the data for delivery only. Never a condition for delivery.',
      maxItems: 20,
    }),
  ),
  crossBorder: Type.Optional(ref(CrossBorderTransfer)),
};
const ShipmentRequestFields = Type.Object(shipmentRequestFields, Closed);

/** A recipient outside the mainland needs the legal basis of the transfer; `CN` needs nothing more. */
const crossBorderRule = Type.Union([
  Type.Object(
    { recipient: Type.Object({ address: Type.Object({ countryCode: Type.Literal('CN') }) }) },
    { description: 'The recipient is on the mainland: no transfer out of it.' },
  ),
  // The branch defines what it requires, so that a generator reading the branch alone (openapi-typescript) types it.
  Type.Object({ crossBorder: ref(CrossBorderTransfer) }, { description: 'Otherwise the cross-border details are required.' }),
]);

/** A complete domestic request: the example of ShipmentRequest and, held, of Shipment. */
const exampleRequest = {
  platformOrderId: 'ord-20260301-0001',
  // The reference mock's carrier code: an example sent to the mock as it stands is accepted.
  carrierCode: 'ECDXDEMO',
  sender: {
    name: '王五',
    phone: '0571-88881234',
    company: '杭州某某服饰有限公司',
    address: { countryCode: 'CN', divisionCode: '330106', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路90号5楼' },
  },
  recipient: {
    name: '张三',
    phone: '13812345678',
    privacyNumber: { number: '17012345678', extension: '1234', expiresAt: '2026-03-16T23:59:59+08:00' },
    address: {
      countryCode: 'CN',
      divisionCode: '110108',
      province: '北京市',
      city: '北京市',
      district: '海淀区',
      street: '中关村街道',
      detail: '中关村大街27号1101室',
      postalCode: '100080',
    },
  },
  contents: [{ name: '纯棉T恤', category: 'CLOTHING_FOOTWEAR', quantity: 2, unit: '件', declaredValue: { amount: '158.00', currency: 'CNY' } }],
  package: { count: 1, totalWeightGrams: 850 },
  service: 'STANDARD',
  purpose: 'DELIVERY',
};

export const ShipmentRequest = Type.Unsafe<Static<typeof ShipmentRequestFields>>(
  Type.Intersect([ShipmentRequestFields, crossBorderRule], {
    $id: schemaId('ShipmentRequest'),
    title: 'ShipmentRequest',
    description:
      'Shipping data (寄递数据) for one parcel, as the platform sends it to the carrier with `POST /v1/shipments` ' +
      '(OP-01): the order reference, the chosen carrier, sender and recipient (name, address, telephone), the ' +
      'contents, the package, the service level and the purpose, which is always delivery (OP-03). Consent ' +
      'records accompany the data only where the person agreed to a value-added use (OP-04); cross-border ' +
      'details are required when the recipient’s country is not `CN`. Everything is closed: the standard ' +
      'names all the personal data the exchange needs, and nothing else may be sent (minimisation).',
    examples: [exampleRequest],
  }),
);
export type ShipmentRequest = Static<typeof ShipmentRequest>;

// ---------------------------------------------------------------------------------------------------------
// The shipment as the carrier holds it

/**
 * Coarse life cycle of the shipment resource. The trajectory (TrackingEvent) carries the detailed status; this
 * one answers the questions the shipping operations need: may it still be cancelled, is it finished.
 */
export const SHIPMENT_STATUSES = ['CREATED', 'ACCEPTED', 'IN_PROGRESS', 'DELIVERED', 'CANCELLED', 'RETURNED', 'EXCEPTION'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
/** Statuses in which the carrier has taken the parcel in (收寄) and so has an acceptance time. */
export const ACCEPTED_SHIPMENT_STATUSES = ['ACCEPTED', 'IN_PROGRESS', 'DELIVERED', 'RETURNED'] as const;

const shipmentFields = {
  waybillNo: ref(WaybillNumber, { description: 'The waybill number the carrier assigned; the key of the resource.' }),
  carrierCode: ref(CarrierCode),
  status: StringEnum(SHIPMENT_STATUSES, {
    description:
      'CREATED (data received, parcel not yet taken in: cancellable), ACCEPTED (收寄 done), IN_PROGRESS ' +
      '(sorting, transport, delivery under way), DELIVERED, CANCELLED (before acceptance), RETURNED (back with ' +
      'the sender), EXCEPTION (lost, damaged, held: see the trajectory).',
  }),
  request: ref(ShipmentRequest, { description: 'The shipping data exactly as the carrier received and holds it.' }),
  createdAt: ref(Timestamp, { description: 'When the carrier accepted the data and assigned the waybill number.' }),
  updatedAt: ref(Timestamp, { description: 'When anything in this resource last changed.' }),
  acceptedAt: Type.Optional(ref(Timestamp, { description: 'When the parcel was taken in (收寄); present from ACCEPTED on.' })),
  cancelledAt: Type.Optional(ref(Timestamp, { description: 'When the shipment was cancelled; present when CANCELLED.' })),
};
const ShipmentFields = Type.Object(shipmentFields, Closed);

// The branches only require the times: their type and bounds are the fields' own (see Address for why).
const shipmentStatusRule = Type.Union([
  Type.Object({ status: StringEnum(['CREATED', 'EXCEPTION'] as const) }, { description: 'No acceptance time required.' }),
  Type.Object({ status: StringEnum(ACCEPTED_SHIPMENT_STATUSES), acceptedAt: Type.Unknown() }, { description: 'Taken in: the acceptance time is required.' }),
  Type.Object({ status: Type.Literal('CANCELLED'), cancelledAt: Type.Unknown() }, { description: 'Cancelled: the cancellation time is required.' }),
]);

export const Shipment = Type.Unsafe<Static<typeof ShipmentFields>>(
  Type.Intersect([ShipmentFields, shipmentStatusRule], {
    $id: schemaId('Shipment'),
    title: 'Shipment',
    description:
      'A shipment as the carrier holds it: the waybill number it assigned, its coarse status, the shipping data ' +
      'as received, and the times it was created, last changed, accepted (收寄) and cancelled. The answer to ' +
      '`POST /v1/shipments` (201), `GET /v1/shipments/{waybillNo}` and a successful cancellation. An accepted, ' +
      'in-progress, delivered or returned shipment has `acceptedAt`; a cancelled one has `cancelledAt`.',
    examples: [
      {
        waybillNo: 'SF1234567890123',
        carrierCode: 'ECDXDEMO',
        status: 'CREATED',
        request: exampleRequest,
        createdAt: '2026-03-01T09:30:02+08:00',
        updatedAt: '2026-03-01T09:30:02+08:00',
      },
    ],
  }),
);
export type Shipment = Static<typeof Shipment>;

// ---------------------------------------------------------------------------------------------------------
// Cancellation

export const CANCELLATION_REASONS = [
  'ORDER_CANCELLED',
  'ORDER_CHANGED',
  'DUPLICATE_REQUEST',
  'CARRIER_CHANGED',
  'ADDRESS_CHANGED',
  'OUT_OF_STOCK',
  'OTHER',
] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

export const CancellationRequest = Type.Object(
  {
    reason: StringEnum(CANCELLATION_REASONS, {
      description:
        'Why the platform cancels: the order was cancelled (by buyer or merchant), changed, sent twice, moved to ' +
        'another carrier, re-addressed (cancel and send new shipping data), out of stock, or another reason.',
    }),
    note: Type.Optional(
      Type.String({
        description: 'Short explanation for the carrier’s operators. It must not contain personal data (no names, numbers or addresses).',
        minLength: 1,
        maxLength: 200,
        pattern: '\\S',
      }),
    ),
  },
  {
    $id: schemaId('CancellationRequest'),
    title: 'CancellationRequest',
    description:
      'The body of `POST /v1/shipments/{waybillNo}/cancellation`: a reason code from a closed list, so that ' +
      'cancellations can be counted, and an optional short note. Cancellation is possible only before the ' +
      'carrier has taken the parcel in; afterwards the carrier answers 409 (`shipment-already-accepted`).',
    ...Closed,
    examples: [{ reason: 'ORDER_CANCELLED' }, { reason: 'CARRIER_CHANGED', note: '买家改选其他快递' }],
  },
);
export type CancellationRequest = Static<typeof CancellationRequest>;

/** The schemas of this area that are published on their own. */
export const shippingSchemas: TSchema[] = [
  ...partySchemas,
  ...contentsSchemas,
  ...consentSchemas,
  ServiceLevel,
  ShipmentRequest,
  Shipment,
  CancellationRequest,
];
