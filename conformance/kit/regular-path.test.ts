// Vectors written from chapter Parcel data §7 (the regular path), not from the matcher.
import { describe, expect, it } from 'vitest';
import { regularPathDeviation, type PathEvent } from './regular-path.ts';

const path = (...statuses: string[]): PathEvent[] =>
  statuses.map((s) => {
    const [status, subStatus] = s.split('/');
    return subStatus ? { status: status!, subStatus } : { status: status! };
  });

describe('regularPathDeviation', () => {
  it.each([
    ['the shortest regular path', path('ACCEPTED', 'SORTING', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED/DELIVERED_SELF')],
    [
      'ORDER_CREATED and AWAITING_PICKUP first',
      path('ORDER_CREATED', 'AWAITING_PICKUP', 'ACCEPTED', 'IN_TRANSIT', 'SORTING', 'OUT_FOR_DELIVERY', 'DELIVERED/DELIVERED_SELF'),
    ],
    [
      'sorting twice, arrival twice',
      path(
        'ORDER_CREATED',
        'ACCEPTED',
        'IN_TRANSIT',
        'SORTING',
        'IN_TRANSIT',
        'ARRIVED_DEST_CITY',
        'SORTING',
        'ARRIVED_DEST_CITY',
        'OUT_FOR_DELIVERY',
        'DELIVERED/DELIVERED_SELF',
      ),
    ],
    ['customs cleared across the border', path('ACCEPTED', 'SORTING', 'CUSTOMS/CUSTOMS_CLEARED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED/DELIVERED_SELF')],
  ])('%s follows it', (_, events) => expect(regularPathDeviation(events)).toBeUndefined());

  it.each([
    [
      'AWAITING_PICKUP before ORDER_CREATED',
      path('AWAITING_PICKUP', 'ORDER_CREATED', 'ACCEPTED', 'SORTING', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED/DELIVERED_SELF'),
      /ACCEPTED/,
    ],
    ['no SORTING', path('ACCEPTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED/DELIVERED_SELF'), /no SORTING/],
    ['no TRANSPORT event', path('ACCEPTED', 'SORTING', 'OUT_FOR_DELIVERY', 'DELIVERED/DELIVERED_SELF'), /TRANSPORT/],
    ['SORTING after the dispatch', path('ACCEPTED', 'SORTING', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'SORTING', 'DELIVERED/DELIVERED_SELF'), /event 5 \(SORTING\)/],
    ['a second dispatch', path('ACCEPTED', 'SORTING', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'OUT_FOR_DELIVERY', 'DELIVERED/DELIVERED_SELF'), /event 5/],
    ['delivered by proxy', path('ACCEPTED', 'SORTING', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED/DELIVERED_PROXY'), /DELIVERED_PROXY/],
    ['a pickup point', path('ACCEPTED', 'SORTING', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'AT_PICKUP_POINT', 'DELIVERED/DELIVERED_LOCKER'), /AT_PICKUP_POINT/],
    ['held by customs', path('ACCEPTED', 'SORTING', 'CUSTOMS/CUSTOMS_HELD', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED/DELIVERED_SELF'), /held/],
    ['a stall', path('ACCEPTED', 'SORTING', 'STALLED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED/DELIVERED_SELF'), /STALLED/],
    [
      'an event after delivery',
      path('ACCEPTED', 'SORTING', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED/DELIVERED_SELF', 'RETURNING'),
      /follows the DELIVERED/,
    ],
    ['not yet delivered', path('ACCEPTED', 'SORTING', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'), /none/],
  ])('%s leaves it', (_, events, why) => expect(regularPathDeviation(events)?.en).toMatch(why));
});
