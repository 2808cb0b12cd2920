// The regular path of chapter Parcel data §7, as a matcher over the statuses of a trajectory: written from the
// text, so that a test deployment's ecdx-happy- parcel (ECDX-TRK-019) is judged by what the chapter allows.
import { statusNode, type TrackingStatus } from '../../schemas/src/index.ts';

/** Step 3 of the regular path: the events between acceptance and the dispatch for delivery. */
const LINE_HAUL: readonly string[] = ['SORTING', 'IN_TRANSIT', 'ARRIVED_DEST_CITY', 'CUSTOMS'];

export interface PathEvent {
  status: string;
  subStatus?: string | undefined;
}

/** Why these statuses (in ascending sequence) leave the regular path, or undefined when they follow it. */
export function regularPathDeviation(events: readonly PathEvent[]): string | undefined {
  let i = 0;
  const at = () => events[i];
  const where = () => `event ${i + 1} (${at()?.status ?? 'none'})`;
  if (at()?.status === 'ORDER_CREATED') i++;
  if (at()?.status === 'AWAITING_PICKUP') i++;
  if (at()?.status !== 'ACCEPTED') return `${where()} stands where the regular path has ACCEPTED`;
  i++;
  const haulStart = i;
  while (at() && LINE_HAUL.includes(at()!.status)) {
    if (at()!.status === 'CUSTOMS' && at()!.subStatus === 'CUSTOMS_HELD') return `${where()} is held by customs, which leaves the regular path`;
    i++;
  }
  const haul = events.slice(haulStart, i).map((e) => e.status);
  if (!haul.includes('SORTING')) return `no SORTING event between ACCEPTED and ${where()}`;
  if (!haul.some((s) => statusNode[s as TrackingStatus] === 'TRANSPORT')) return `no event at the TRANSPORT node between ACCEPTED and ${where()}`;
  if (at()?.status !== 'OUT_FOR_DELIVERY')
    return `${where()} stands where the regular path has SORTING, IN_TRANSIT, ARRIVED_DEST_CITY, CUSTOMS or OUT_FOR_DELIVERY`;
  i++;
  if (at()?.status !== 'DELIVERED' || at()?.subStatus !== 'DELIVERED_SELF')
    return `${where()}${at()?.subStatus ? ` / ${at()!.subStatus}` : ''} follows OUT_FOR_DELIVERY where the regular path has DELIVERED / DELIVERED_SELF`;
  i++;
  if (at()) return `${where()} follows the DELIVERED event`;
  return undefined;
}
