// The ECDX parcel-status taxonomy: what a trackingEvent says has happened to a parcel, at which of the four nodes
// of OP-02 (收寄 分拣 运输 投递), and which finer sub-statuses refine each status. The tables here are normative:
// chapter Parcel data §2 prints them (generated from this data, spec/status-tables.ts), the mock and the harness
// read them from this file, and schemas/vectors/rules/status.json holds vectors written from the chapter.
import type { Static, TSchema } from '@sinclair/typebox';
import { schemaId, StringEnum } from './common.ts';

// ---------------------------------------------------------------------------------------------------------
// Status

/** Every status, in the order a parcel normally meets them; the exceptional ones follow the happy path. */
export const TRACKING_STATUSES = [
  'ORDER_CREATED',
  'AWAITING_PICKUP',
  'ACCEPTED',
  'SORTING',
  'IN_TRANSIT',
  'ARRIVED_DEST_CITY',
  'CUSTOMS',
  'OUT_FOR_DELIVERY',
  'AT_PICKUP_POINT',
  'DELIVERED',
  'DELIVERY_FAILED',
  'REJECTED',
  'REDIRECTED',
  'RETURNING',
  'RETURNED',
  'CANCELLED',
  'EXCEPTION',
  'STALLED',
] as const;

export const TrackingStatus = StringEnum(TRACKING_STATUSES, {
  $id: schemaId('TrackingStatus'),
  title: 'TrackingStatus',
  description:
    'What a tracking event says has happened to the parcel, in the ECDX taxonomy that every carrier maps its ' +
    'own codes to, so that a platform reads one vocabulary whatever the carrier. ORDER_CREATED 已下单, ' +
    'AWAITING_PICKUP 待揽收, ACCEPTED 已揽收 (收寄), SORTING 分拣, IN_TRANSIT 运输中, ARRIVED_DEST_CITY 到达目的城市, ' +
    'CUSTOMS 清关, OUT_FOR_DELIVERY 派送中, AT_PICKUP_POINT 待取件 (locker or station), DELIVERED 已签收, ' +
    'DELIVERY_FAILED 派送失败 (a further attempt may follow), REJECTED 拒收, REDIRECTED 转寄/转投, ' +
    'RETURNING 退回中, RETURNED 已退回 (back with the sender), CANCELLED 已取消 (before acceptance), ' +
    'EXCEPTION 异常 (problem parcel; see the sub-status), STALLED 停滞 (no movement recorded for an unusually long time).',
  examples: ['ACCEPTED', 'DELIVERED'],
});
export type TrackingStatus = Static<typeof TrackingStatus>;

/**
 * Statuses that can end a trajectory. EXCEPTION ends it only with the sub-statuses in TERMINAL_EXCEPTIONS: a
 * parcel that is lost or destroyed will not move again, any other exception is resolved by a later event.
 */
export const TERMINAL_STATUSES = ['DELIVERED', 'RETURNED', 'CANCELLED', 'EXCEPTION'] as const satisfies readonly TrackingStatus[];
export const TERMINAL_EXCEPTIONS = ['EXCEPTION_LOST', 'EXCEPTION_DESTROYED'] as const;

// ---------------------------------------------------------------------------------------------------------
// Sub-status

export const TRACKING_SUB_STATUSES = [
  'DELIVERED_SELF',
  'DELIVERED_PROXY',
  'DELIVERED_LOCKER',
  'DELIVERED_PICKUP_POINT',
  'DELIVERED_AFTER_EXCEPTION',
  'PICKUP_LOCKER',
  'PICKUP_STATION',
  'CUSTOMS_PENDING',
  'CUSTOMS_IN_PROGRESS',
  'CUSTOMS_CLEARED',
  'CUSTOMS_HELD',
  'REDIRECTED_ADDRESS',
  'REDIRECTED_OTHER_CARRIER',
  'EXCEPTION_LOST',
  'EXCEPTION_DAMAGED',
  'EXCEPTION_DESTROYED',
  'EXCEPTION_INTERCEPTED',
  'EXCEPTION_ADDRESS',
  'EXCEPTION_CONTACT',
  'EXCEPTION_OUT_OF_AREA',
  'EXCEPTION_OVERDUE',
  'EXCEPTION_UNCOLLECTED',
  'EXCEPTION_PROHIBITED',
  'EXCEPTION_OTHER',
] as const;

export const TrackingSubStatus = StringEnum(TRACKING_SUB_STATUSES, {
  $id: schemaId('TrackingSubStatus'),
  title: 'TrackingSubStatus',
  description:
    'A refinement of a TrackingStatus. Each sub-status belongs to the statuses listed for it in the ECDX ' +
    'taxonomy (chapter Parcel data §2), and an event may carry it only with one of those: DELIVERED_* with DELIVERED ' +
    '(本人签收, 代签, 快递柜签收, 驿站/自提点签收, 异常后签收); PICKUP_* with AT_PICKUP_POINT (入柜, 入驿站); ' +
    'CUSTOMS_* with CUSTOMS (待清关, 清关中, 已清关, 海关扣留); REDIRECTED_* with REDIRECTED (改址, 转其他快递); ' +
    'EXCEPTION_* with EXCEPTION, and EXCEPTION_ADDRESS, EXCEPTION_CONTACT, EXCEPTION_OUT_OF_AREA and ' +
    'EXCEPTION_OTHER also with DELIVERY_FAILED, EXCEPTION_UNCOLLECTED also with AT_PICKUP_POINT, EXCEPTION_INTERCEPTED also with RETURNING. ' +
    'A platform that does not know a sub-status still understands the event from its status.',
  examples: ['DELIVERED_PROXY', 'EXCEPTION_DAMAGED'],
});
export type TrackingSubStatus = Static<typeof TrackingSubStatus>;

/** The statuses each sub-status may accompany. Normative: an event pairing them otherwise is non-conforming. */
export const subStatusParents = {
  DELIVERED_SELF: ['DELIVERED'],
  DELIVERED_PROXY: ['DELIVERED'],
  DELIVERED_LOCKER: ['DELIVERED'],
  DELIVERED_PICKUP_POINT: ['DELIVERED'],
  DELIVERED_AFTER_EXCEPTION: ['DELIVERED'],
  PICKUP_LOCKER: ['AT_PICKUP_POINT'],
  PICKUP_STATION: ['AT_PICKUP_POINT'],
  CUSTOMS_PENDING: ['CUSTOMS'],
  CUSTOMS_IN_PROGRESS: ['CUSTOMS'],
  CUSTOMS_CLEARED: ['CUSTOMS'],
  CUSTOMS_HELD: ['CUSTOMS'],
  REDIRECTED_ADDRESS: ['REDIRECTED'],
  REDIRECTED_OTHER_CARRIER: ['REDIRECTED'],
  EXCEPTION_LOST: ['EXCEPTION'],
  EXCEPTION_DAMAGED: ['EXCEPTION'],
  EXCEPTION_DESTROYED: ['EXCEPTION'],
  // An interception (拦截) ordered by the sender stops the parcel and usually sends it back.
  EXCEPTION_INTERCEPTED: ['EXCEPTION', 'RETURNING'],
  // Address, contact and coverage problems are discovered at the door: they explain a failed attempt too.
  EXCEPTION_ADDRESS: ['EXCEPTION', 'DELIVERY_FAILED'],
  EXCEPTION_CONTACT: ['EXCEPTION', 'DELIVERY_FAILED'],
  EXCEPTION_OUT_OF_AREA: ['EXCEPTION', 'DELIVERY_FAILED'],
  EXCEPTION_OVERDUE: ['EXCEPTION'],
  EXCEPTION_UNCOLLECTED: ['EXCEPTION', 'AT_PICKUP_POINT'],
  EXCEPTION_PROHIBITED: ['EXCEPTION'],
  EXCEPTION_OTHER: ['EXCEPTION', 'DELIVERY_FAILED'],
} as const satisfies Record<TrackingSubStatus, readonly TrackingStatus[]>;

/** Whether an event may pair this status with this sub-status (an absent sub-status always may). */
export const subStatusFits = (status: TrackingStatus, subStatus?: TrackingSubStatus): boolean =>
  subStatus === undefined || (subStatusParents[subStatus] as readonly TrackingStatus[]).includes(status);

// ---------------------------------------------------------------------------------------------------------
// Node

export const TRACKING_NODES = ['ACCEPTANCE', 'SORTING', 'TRANSPORT', 'DELIVERY'] as const;

export const TrackingNode = StringEnum(TRACKING_NODES, {
  $id: schemaId('TrackingNode'),
  title: 'TrackingNode',
  description:
    'The stage of the delivery chain an event belongs to: the four nodes OP-02 names — ACCEPTANCE 收寄, ' +
    'SORTING 分拣, TRANSPORT 运输, DELIVERY 投递. It follows from the status by the ECDX node table ' +
    '(chapter Parcel data §2), so that a platform can show the four stages without knowing every status; EXCEPTION and ' +
    'STALLED keep the node of the stage in which the parcel was.',
  examples: ['ACCEPTANCE', 'DELIVERY'],
});
export type TrackingNode = Static<typeof TrackingNode>;

/**
 * The node of each status (normative). `null` means the event keeps the node of the trajectory's preceding
 * event (ACCEPTANCE when there is none): an exception or a stall happens within a stage, it is not one.
 */
export const statusNode = {
  ORDER_CREATED: 'ACCEPTANCE',
  AWAITING_PICKUP: 'ACCEPTANCE',
  ACCEPTED: 'ACCEPTANCE',
  CANCELLED: 'ACCEPTANCE',
  SORTING: 'SORTING',
  IN_TRANSIT: 'TRANSPORT',
  ARRIVED_DEST_CITY: 'TRANSPORT',
  CUSTOMS: 'TRANSPORT',
  REDIRECTED: 'TRANSPORT',
  RETURNING: 'TRANSPORT',
  OUT_FOR_DELIVERY: 'DELIVERY',
  AT_PICKUP_POINT: 'DELIVERY',
  DELIVERED: 'DELIVERY',
  DELIVERY_FAILED: 'DELIVERY',
  REJECTED: 'DELIVERY',
  RETURNED: 'DELIVERY',
  EXCEPTION: null,
  STALLED: null,
} as const satisfies Record<TrackingStatus, TrackingNode | null>;

/** The node an event of `status` must carry, given the node of the trajectory's preceding event. */
export const nodeForStatus = (status: TrackingStatus, previousNode?: TrackingNode): TrackingNode => statusNode[status] ?? previousNode ?? 'ACCEPTANCE';

/** Whether an event may be terminal: the statuses that end a trajectory, EXCEPTION only when the parcel is gone. */
export const mayBeTerminal = (status: TrackingStatus, subStatus?: TrackingSubStatus): boolean =>
  status === 'EXCEPTION' ? (TERMINAL_EXCEPTIONS as readonly string[]).includes(subStatus ?? '') : (TERMINAL_STATUSES as readonly string[]).includes(status);

// ---------------------------------------------------------------------------------------------------------
// Labels, for the chapter's tables

/** What each status means, in Chinese and in English, as chapter Parcel data §2 prints it. */
export const statusLabels = {
  ORDER_CREATED: ['已下单', 'the waybill exists; nothing has been handled yet'],
  AWAITING_PICKUP: ['待揽收', 'a courier is assigned or the parcel is awaited at an outlet'],
  ACCEPTED: ['已揽收', 'the carrier has taken the parcel in (收寄)'],
  SORTING: ['分拣', 'arrived at or sorted in a sorting centre or office of exchange'],
  IN_TRANSIT: ['运输中', 'departed, on the trunk line, between facilities'],
  ARRIVED_DEST_CITY: ['到达目的城市', 'arrived in the destination city or at the delivering outlet'],
  CUSTOMS: ['清关', 'with export or import customs'],
  REDIRECTED: ['转寄/转投', 'sent on to a new address or handed to another carrier'],
  RETURNING: ['退回中', 'on its way back to the sender'],
  OUT_FOR_DELIVERY: ['派送中', 'with the courier for delivery'],
  AT_PICKUP_POINT: ['待取件', 'in a parcel locker or at a station, waiting for the recipient'],
  DELIVERED: ['已签收', 'delivered: signed for, or taken from a locker or station'],
  DELIVERY_FAILED: ['派送失败', 'a delivery attempt failed; another may follow'],
  REJECTED: ['拒收', 'the recipient refused the parcel'],
  RETURNED: ['已退回', 'back with the sender'],
  CANCELLED: ['已取消', 'cancelled before acceptance'],
  EXCEPTION: ['异常', 'a problem parcel; the sub-status says which problem'],
  STALLED: ['停滞', 'no movement recorded for an unusually long time'],
} as const satisfies Record<TrackingStatus, readonly [string, string]>;

/** The Chinese label of each sub-status, as chapter Parcel data §2 prints it. */
export const subStatusLabels = {
  DELIVERED_SELF: '本人签收',
  DELIVERED_PROXY: '代签',
  DELIVERED_LOCKER: '快递柜签收',
  DELIVERED_PICKUP_POINT: '驿站/自提点签收',
  DELIVERED_AFTER_EXCEPTION: '异常后签收',
  PICKUP_LOCKER: '已入柜',
  PICKUP_STATION: '已入驿站',
  CUSTOMS_PENDING: '待清关',
  CUSTOMS_IN_PROGRESS: '清关中',
  CUSTOMS_CLEARED: '已清关',
  CUSTOMS_HELD: '海关扣留',
  REDIRECTED_ADDRESS: '改址转寄',
  REDIRECTED_OTHER_CARRIER: '转其他快递',
  EXCEPTION_LOST: '丢失',
  EXCEPTION_DAMAGED: '破损',
  EXCEPTION_DESTROYED: '销毁',
  EXCEPTION_INTERCEPTED: '拦截',
  EXCEPTION_ADDRESS: '地址不详',
  EXCEPTION_CONTACT: '无法联系',
  EXCEPTION_OUT_OF_AREA: '超区',
  EXCEPTION_OVERDUE: '超时未签收',
  EXCEPTION_UNCOLLECTED: '超时未取',
  EXCEPTION_PROHIBITED: '违禁品',
  EXCEPTION_OTHER: '其他',
} as const satisfies Record<TrackingSubStatus, string>;

/** The published schemas of this file (listed again in `trackingSchemas`). */
export const statusSchemas: TSchema[] = [TrackingStatus, TrackingSubStatus, TrackingNode];
