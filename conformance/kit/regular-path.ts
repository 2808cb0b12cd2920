// The regular path of chapter Parcel data §7, as a matcher over the statuses of a trajectory: written from the
// text, so that a test deployment's ecdx-happy- parcel (ECDX-TRK-019) is judged by what the chapter allows.
import { statusNode, type TrackingStatus } from '../../schemas/src/index.ts';
import type { Bilingual } from '../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../i18n/words.ts';

/** Step 3 of the regular path: the events between acceptance and the dispatch for delivery. */
const LINE_HAUL: readonly string[] = ['SORTING', 'IN_TRANSIT', 'ARRIVED_DEST_CITY', 'CUSTOMS'];

export interface PathEvent {
  status: string;
  subStatus?: string | undefined;
}

/** Why these statuses (in ascending sequence) leave the regular path, or undefined when they follow it. */
export function regularPathDeviation(events: readonly PathEvent[]): Bilingual | undefined {
  let i = 0;
  const at = () => events[i];
  const where = () => M.event({ sequence: i + 1, status: at()?.status ?? W.none() });
  if (at()?.status === 'ORDER_CREATED') i++;
  if (at()?.status === 'AWAITING_PICKUP') i++;
  if (at()?.status !== 'ACCEPTED') return M.wantsAccepted({ where: where() });
  i++;
  const haulStart = i;
  while (at() && LINE_HAUL.includes(at()!.status)) {
    if (at()!.status === 'CUSTOMS' && at()!.subStatus === 'CUSTOMS_HELD') return M.heldByCustoms({ where: where() });
    i++;
  }
  const haul = events.slice(haulStart, i).map((e) => e.status);
  if (!haul.includes('SORTING')) return M.noSorting({ where: where() });
  if (!haul.some((s) => statusNode[s as TrackingStatus] === 'TRANSPORT')) return M.noTransport({ where: where() });
  if (at()?.status !== 'OUT_FOR_DELIVERY') return M.wantsLineHaul({ where: where() });
  i++;
  if (at()?.status !== 'DELIVERED' || at()?.subStatus !== 'DELIVERED_SELF') {
    const subStatus = at()?.subStatus;
    return subStatus ? M.wantsDeliveredSelfNotSub({ where: where(), subStatus }) : M.wantsDeliveredSelf({ where: where() });
  }
  i++;
  if (at()) return M.followsDelivered({ where: where() });
  return undefined;
}
