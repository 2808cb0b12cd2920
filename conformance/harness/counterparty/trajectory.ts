// The trajectory the judging counterparty serves for a shipment its client created (`ecdx serve`, decision 0052):
// more events than a page holds by default, so that a client reading it must follow nextCursor (ECDX-TRK-021). Valid
// TrackingEvents of the demo carrier along a regular path, one a minute, the last delivered a few minutes before now.
import { nodeForStatus, type TrackingEvent, type TrackingStatus } from '../../../schemas/src/index.ts';
import { MINUTE, SECOND } from '../../../schemas/time.ts';
import { DEMO_CARRIER_CODE, offsetTimestamp } from './identity.ts';

/** Events per trajectory: over two default pages of 20, so that a reader that stops at any page shows. */
export const TRAJECTORY_LENGTH = 45;

/** Where the harness's carrier records events: four facilities of its own. */
export const EVENT_PLACES = [
  { divisionCode: '110108', facilityCode: 'BJ010-HD', facilityName: '北京海淀营业部' },
  { divisionCode: '110113', facilityCode: 'BJ010W', facilityName: '北京顺义集散中心' },
  { divisionCode: '310115', facilityCode: 'SH021-PD', facilityName: '上海浦东转运中心' },
  { divisionCode: '440305', facilityCode: 'SZ755-NS', facilityName: '深圳南山科技园营业点' },
] as const;

/** What an event of each status says, as a carrier writes it. */
export const EVENT_DESCRIPTIONS: Partial<Record<TrackingStatus, string>> = {
  ACCEPTED: '快件已揽收',
  SORTING: '快件正在分拣',
  IN_TRANSIT: '快件已发出，正在运输途中',
  ARRIVED_DEST_CITY: '快件已到达目的城市',
  OUT_FOR_DELIVERY: '快件正在派送中',
  DELIVERED: '快件已签收',
  STALLED: '快件运输延误，正在处理',
  EXCEPTION: '快件外包装破损，已重新包装',
  CUSTOMS: '快件海关查验中',
  RETURNING: '快件正在退回寄件人',
};

/** The status of event `sequence` of `length`: accepted, then sorted and carried in turn, at last delivered. */
function statusAt(sequence: number, length: number): TrackingStatus {
  if (sequence === 1) return 'ACCEPTED';
  if (sequence === length) return 'DELIVERED';
  if (sequence === length - 1) return 'OUT_FOR_DELIVERY';
  if (sequence === length - 2) return 'ARRIVED_DEST_CITY';
  return sequence % 2 === 0 ? 'SORTING' : 'IN_TRANSIT';
}

/** The events 1 … `length` of `waybillNo`, recorded a minute apart up to two minutes before `now` (epoch ms, the client's clock). */
export function trajectoryOf(waybillNo: string, now: number, length = TRAJECTORY_LENGTH): TrackingEvent[] {
  return Array.from({ length }, (_, i) => {
    const sequence = i + 1;
    const status = statusAt(sequence, length);
    const recorded = now - 2 * MINUTE - (length - sequence) * MINUTE;
    return {
      eventId: `evt_${waybillNo}_${sequence}`,
      waybillNo,
      carrierCode: DEMO_CARRIER_CODE,
      sequence,
      status,
      node: nodeForStatus(status),
      occurredAt: offsetTimestamp(recorded - 40 * SECOND),
      recordedAt: offsetTimestamp(recorded),
      location: { ...EVENT_PLACES[sequence % EVENT_PLACES.length]! },
      description: EVENT_DESCRIPTIONS[status] ?? '快件状态更新',
      terminal: status === 'DELIVERED',
    };
  });
}
