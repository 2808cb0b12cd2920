// The mapping from the status codes carriers and aggregators use today to the ECDX taxonomy. It is data, not a
// published JSON Schema: the mock reads it to label simulated events with native codes (carrierRawCode), the docs
// print it as a table, and a carrier adopting ECDX starts its own mapping from it. Where our sources on a code
// were uncertain, the row says so in `note` rather than silently guessing.
import type { TrackingStatus, TrackingSubStatus } from './status.ts';

export const MAPPING_SOURCES = ['KUAIDI100', 'KDNIAO', 'SF', 'UPU_EDI'] as const;
export type MappingSource = (typeof MAPPING_SOURCES)[number];

export interface StatusMapping {
  readonly source: MappingSource;
  readonly code: string;
  readonly label: string;
  readonly status: TrackingStatus;
  readonly subStatus?: TrackingSubStatus;
  readonly note?: string;
}

const UNCONFIRMED = 'Meaning of this individual code not confirmed in our sources; mapped from its range.';

export const statusMappings: readonly StatusMapping[] = [
  // Kuaidi100 (快递100): `state`, and with resultv2 the finer codes in the same field.
  { source: 'KUAIDI100', code: '0', label: '在途', status: 'IN_TRANSIT' },
  { source: 'KUAIDI100', code: '1', label: '揽收', status: 'ACCEPTED' },
  { source: 'KUAIDI100', code: '2', label: '疑难', status: 'EXCEPTION', note: 'A catch-all "problem parcel"; the reason is only in the text.' },
  { source: 'KUAIDI100', code: '3', label: '签收', status: 'DELIVERED' },
  { source: 'KUAIDI100', code: '4', label: '退签', status: 'RETURNED', note: 'Signed for by the sender after a return.' },
  { source: 'KUAIDI100', code: '5', label: '派件', status: 'OUT_FOR_DELIVERY' },
  { source: 'KUAIDI100', code: '6', label: '退回', status: 'RETURNING' },
  {
    source: 'KUAIDI100',
    code: '7',
    label: '转投',
    status: 'REDIRECTED',
    subStatus: 'REDIRECTED_OTHER_CARRIER',
    note: 'Handed to another carrier for delivery [?]: some sources describe 转投 as any re-routing.',
  },
  { source: 'KUAIDI100', code: '8', label: '清关', status: 'CUSTOMS' },
  { source: 'KUAIDI100', code: '10', label: '待清关', status: 'CUSTOMS', subStatus: 'CUSTOMS_PENDING', note: UNCONFIRMED },
  { source: 'KUAIDI100', code: '11', label: '清关中', status: 'CUSTOMS', subStatus: 'CUSTOMS_IN_PROGRESS', note: UNCONFIRMED },
  { source: 'KUAIDI100', code: '12', label: '已清关', status: 'CUSTOMS', subStatus: 'CUSTOMS_CLEARED', note: UNCONFIRMED },
  { source: 'KUAIDI100', code: '13', label: '清关异常', status: 'CUSTOMS', subStatus: 'CUSTOMS_HELD', note: UNCONFIRMED },
  { source: 'KUAIDI100', code: '14', label: '拒签', status: 'REJECTED' },
  { source: 'KUAIDI100', code: '101', label: '已下单', status: 'ORDER_CREATED' },
  { source: 'KUAIDI100', code: '102', label: '待揽收', status: 'AWAITING_PICKUP' },
  { source: 'KUAIDI100', code: '103', label: '已揽收', status: 'ACCEPTED' },
  { source: 'KUAIDI100', code: '1001', label: '到达派件城市', status: 'ARRIVED_DEST_CITY' },
  { source: 'KUAIDI100', code: '1002', label: '干线', status: 'IN_TRANSIT' },
  {
    source: 'KUAIDI100',
    code: '1003',
    label: '转递',
    status: 'REDIRECTED',
    subStatus: 'REDIRECTED_ADDRESS',
    note: 'Sent on to a new address [?]; if a carrier uses it for an ordinary hand-over, IN_TRANSIT is right.',
  },
  {
    source: 'KUAIDI100',
    code: '501',
    label: '投柜或驿站',
    status: 'AT_PICKUP_POINT',
    note: 'Locker or station: the code does not say which, so no sub-status.',
  },
  { source: 'KUAIDI100', code: '301', label: '本人签收', status: 'DELIVERED', subStatus: 'DELIVERED_SELF' },
  { source: 'KUAIDI100', code: '302', label: '派件异常后签收', status: 'DELIVERED', subStatus: 'DELIVERED_AFTER_EXCEPTION' },
  { source: 'KUAIDI100', code: '303', label: '代签', status: 'DELIVERED', subStatus: 'DELIVERED_PROXY' },
  {
    source: 'KUAIDI100',
    code: '304',
    label: '投柜或站签收',
    status: 'DELIVERED',
    subStatus: 'DELIVERED_PICKUP_POINT',
    note: 'Covers lockers too; DELIVERED_LOCKER where the carrier knows it was a locker.',
  },
  { source: 'KUAIDI100', code: '401', label: '已销单', status: 'CANCELLED' },

  // KDNiao (快递鸟): `State`, and the detailed `StateEx` codes.
  { source: 'KDNIAO', code: '0', label: '暂无轨迹信息', status: 'ORDER_CREATED', note: 'No trajectory yet: the waybill exists, nothing has been scanned.' },
  { source: 'KDNIAO', code: '1', label: '已揽收', status: 'ACCEPTED' },
  { source: 'KDNIAO', code: '2', label: '在途中', status: 'IN_TRANSIT' },
  { source: 'KDNIAO', code: '3', label: '签收', status: 'DELIVERED' },
  { source: 'KDNIAO', code: '4', label: '问题件', status: 'EXCEPTION' },
  { source: 'KDNIAO', code: '5', label: '转寄', status: 'REDIRECTED' },
  { source: 'KDNIAO', code: '6', label: '清关', status: 'CUSTOMS' },
  { source: 'KDNIAO', code: '10', label: '待揽件', status: 'AWAITING_PICKUP' },
  { source: 'KDNIAO', code: '201', label: '到达派件城市', status: 'ARRIVED_DEST_CITY' },
  { source: 'KDNIAO', code: '202', label: '派件中', status: 'OUT_FOR_DELIVERY' },
  { source: 'KDNIAO', code: '204', label: '到达转运中心', status: 'SORTING' },
  { source: 'KDNIAO', code: '205', label: '到达派件网点', status: 'ARRIVED_DEST_CITY', note: 'At the delivering outlet but not yet out for delivery.' },
  { source: 'KDNIAO', code: '206', label: '寄件网点发件', status: 'IN_TRANSIT', note: 'Departure from the accepting outlet.' },
  { source: 'KDNIAO', code: '211', label: '已放入快递柜或驿站', status: 'AT_PICKUP_POINT' },
  { source: 'KDNIAO', code: '301', label: '正常签收', status: 'DELIVERED', note: 'Does not say who signed, so no sub-status.' },
  { source: 'KDNIAO', code: '302', label: '派件异常后最终签收', status: 'DELIVERED', subStatus: 'DELIVERED_AFTER_EXCEPTION' },
  { source: 'KDNIAO', code: '304', label: '代收签收', status: 'DELIVERED', subStatus: 'DELIVERED_PROXY' },
  { source: 'KDNIAO', code: '311', label: '快递柜或驿站签收', status: 'DELIVERED', subStatus: 'DELIVERED_PICKUP_POINT' },
  { source: 'KDNIAO', code: '402', label: '超时未签收', status: 'EXCEPTION', subStatus: 'EXCEPTION_OVERDUE' },
  {
    source: 'KDNIAO',
    code: '403',
    label: '超时未更新',
    status: 'STALLED',
    note: 'KDNiao raises it after 5 days without an update; ECDX leaves the threshold to the carrier.',
  },
  { source: 'KDNIAO', code: '404', label: '拒收（退件）', status: 'REJECTED' },
  { source: 'KDNIAO', code: '412', label: '快递柜或驿站超时未取', status: 'AT_PICKUP_POINT', subStatus: 'EXCEPTION_UNCOLLECTED' },
  { source: 'KDNIAO', code: '413', label: '单号已拦截', status: 'EXCEPTION', subStatus: 'EXCEPTION_INTERCEPTED' },
  { source: 'KDNIAO', code: '414', label: '破损', status: 'EXCEPTION', subStatus: 'EXCEPTION_DAMAGED' },
  { source: 'KDNIAO', code: '415', label: '客户取消发货', status: 'CANCELLED' },
  { source: 'KDNIAO', code: '416', label: '无法联系', status: 'DELIVERY_FAILED', subStatus: 'EXCEPTION_CONTACT' },
  { source: 'KDNIAO', code: '420', label: '收件地址不详', status: 'DELIVERY_FAILED', subStatus: 'EXCEPTION_ADDRESS' },
  { source: 'KDNIAO', code: '421', label: '收件人电话错误', status: 'DELIVERY_FAILED', subStatus: 'EXCEPTION_CONTACT' },
  { source: 'KDNIAO', code: '423', label: '超区', status: 'EXCEPTION', subStatus: 'EXCEPTION_OUT_OF_AREA' },
  { source: 'KDNIAO', code: '601', label: '待清关', status: 'CUSTOMS', subStatus: 'CUSTOMS_PENDING', note: UNCONFIRMED },
  { source: 'KDNIAO', code: '602', label: '清关中', status: 'CUSTOMS', subStatus: 'CUSTOMS_IN_PROGRESS', note: UNCONFIRMED },
  { source: 'KDNIAO', code: '603', label: '已清关', status: 'CUSTOMS', subStatus: 'CUSTOMS_CLEARED', note: UNCONFIRMED },
  { source: 'KDNIAO', code: '604', label: '清关异常', status: 'CUSTOMS', subStatus: 'CUSTOMS_HELD', note: UNCONFIRMED },

  // SF Express (顺丰, 丰桥 route push): opCode of a route record. SF's first-level status (1–4) is coarser and
  // follows from the opCode, so it is not mapped separately.
  { source: 'SF', code: '50', label: '顺丰速运 已收取快件', status: 'ACCEPTED' },
  { source: 'SF', code: '54', label: '上门收件', status: 'ACCEPTED' },
  { source: 'SF', code: '30', label: '快件在集散中心完成分拣', status: 'SORTING' },
  {
    source: 'SF',
    code: '31',
    label: '快件到达',
    status: 'SORTING',
    note: 'Arrival at a facility, where sorting follows [?]; arrival at the delivering outlet may use it too.',
  },
  { source: 'SF', code: '36', label: '快件已发车', status: 'IN_TRANSIT' },
  { source: 'SF', code: '44', label: '正在派送途中', status: 'OUT_FOR_DELIVERY' },
  { source: 'SF', code: '204', label: '派送中', status: 'OUT_FOR_DELIVERY', note: 'Reported as out for delivery; how it differs from 44 is unconfirmed [?].' },
  { source: 'SF', code: '80', label: '已签收', status: 'DELIVERED' },
  {
    source: 'SF',
    code: '70',
    label: '派送失败',
    status: 'DELIVERY_FAILED',
    note: 'Our sources disagree on 70 [?]; verify with the carrier before relying on it.',
  },
  {
    source: 'SF',
    code: '99',
    label: '退回',
    status: 'RETURNED',
    note: 'Listed as "returned" [?]; whether it reports the return journey (RETURNING) or its end is unconfirmed.',
  },
  {
    source: 'SF',
    code: '631',
    label: '退回',
    status: 'RETURNED',
    note: 'Listed as "returned" [?]; whether it reports the return journey (RETURNING) or its end is unconfirmed.',
  },
  {
    source: 'SF',
    code: '648',
    label: '退回',
    status: 'RETURNED',
    note: 'Listed as "returned" [?]; whether it reports the return journey (RETURNING) or its end is unconfirmed.',
  },

  // UPU EDI tracking events (EMSEVT / IPS), for international items with S10 identifiers.
  { source: 'UPU_EDI', code: 'EMA', label: 'Posting / collection', status: 'ACCEPTED' },
  { source: 'UPU_EDI', code: 'EMB', label: 'Arrival at outward office of exchange', status: 'SORTING' },
  { source: 'UPU_EDI', code: 'EMC', label: 'Departure from outward office of exchange', status: 'IN_TRANSIT' },
  { source: 'UPU_EDI', code: 'EMD', label: 'Arrival at inward office of exchange', status: 'SORTING' },
  { source: 'UPU_EDI', code: 'EMF', label: 'Departure from inward office of exchange', status: 'IN_TRANSIT' },
  { source: 'UPU_EDI', code: 'EMJ', label: 'Arrival at transit office of exchange', status: 'SORTING' },
  { source: 'UPU_EDI', code: 'EMK', label: 'Departure from transit office of exchange', status: 'IN_TRANSIT' },
  { source: 'UPU_EDI', code: 'EMG', label: 'Arrival at delivery office', status: 'ARRIVED_DEST_CITY' },
  { source: 'UPU_EDI', code: 'EDG', label: 'Out for delivery', status: 'OUT_FOR_DELIVERY' },
  { source: 'UPU_EDI', code: 'EDH', label: 'Arrival at collection point for pick-up', status: 'AT_PICKUP_POINT' },
  { source: 'UPU_EDI', code: 'EMH', label: 'Unsuccessful delivery attempt', status: 'DELIVERY_FAILED' },
  { source: 'UPU_EDI', code: 'EMI', label: 'Final delivery', status: 'DELIVERED' },
  {
    source: 'UPU_EDI',
    code: 'EXA',
    label: 'Presented to export customs',
    status: 'CUSTOMS',
    subStatus: 'CUSTOMS_IN_PROGRESS',
    note: 'Export customs range EXA–EXD; the meaning of each code is unconfirmed [?].',
  },
  {
    source: 'UPU_EDI',
    code: 'EXB',
    label: 'Held by export customs',
    status: 'CUSTOMS',
    subStatus: 'CUSTOMS_HELD',
    note: 'Export customs range EXA–EXD; the meaning of each code is unconfirmed [?].',
  },
  {
    source: 'UPU_EDI',
    code: 'EXC',
    label: 'Returned from export customs',
    status: 'CUSTOMS',
    subStatus: 'CUSTOMS_CLEARED',
    note: 'Export customs range EXA–EXD; the meaning of each code is unconfirmed [?].',
  },
  {
    source: 'UPU_EDI',
    code: 'EXD',
    label: 'Held at outward office of exchange',
    status: 'CUSTOMS',
    note: 'Export customs range EXA–EXD; the meaning of each code is unconfirmed [?].',
  },
  {
    source: 'UPU_EDI',
    code: 'EDA',
    label: 'Held at inward office of exchange',
    status: 'CUSTOMS',
    subStatus: 'CUSTOMS_PENDING',
    note: 'Import customs range EDA–EDC; the meaning of each code is unconfirmed [?].',
  },
  {
    source: 'UPU_EDI',
    code: 'EDB',
    label: 'Presented to import customs',
    status: 'CUSTOMS',
    subStatus: 'CUSTOMS_IN_PROGRESS',
    note: 'Import customs range EDA–EDC; the meaning of each code is unconfirmed [?].',
  },
  {
    source: 'UPU_EDI',
    code: 'EDC',
    label: 'Returned from import customs',
    status: 'CUSTOMS',
    subStatus: 'CUSTOMS_CLEARED',
    note: 'Import customs range EDA–EDC; the meaning of each code is unconfirmed [?].',
  },
  {
    source: 'UPU_EDI',
    code: 'EME',
    label: 'Held by import customs',
    status: 'CUSTOMS',
    subStatus: 'CUSTOMS_HELD',
    note: 'Grouped with import customs in our sources; exact meaning unconfirmed [?].',
  },
];

const byKey = new Map(statusMappings.map((m) => [`${m.source}\u0000${m.code}`, m] as const));

/** The ECDX status (and sub-status) of a native code, or undefined when the table does not know the code. */
export const mapCarrierCode = (source: MappingSource, code: string): StatusMapping | undefined => byKey.get(`${source}\u0000${code.trim()}`);

/** Every native code that maps to a status, for the mock when it labels a simulated event. */
export const codesForStatus = (source: MappingSource, status: TrackingStatus): readonly StatusMapping[] =>
  statusMappings.filter((m) => m.source === source && m.status === status);
