// The paths a simulated parcel can take, as lists of steps. Most parcels are delivered (to the door, a locker or a
// station); the seed sends a fifth of them down an exception path: a failed attempt and redelivery, a refusal and
// the return to the sender, a loss, damage in sorting, or a stall on the line haul.
//
// Test control (a mock in test mode, the default): the platform chooses the path through the standard request, by
// the prefix of `platformOrderId`:
//   `ecdx-happy-…`          the standard path: delivered to the recipient in person (DELIVERED / DELIVERED_SELF);
//   `ecdx-path-<name>-…`    the named path, one of PATH_NAMES (`ecdx-path-rejected-42` is refused and returned);
//                           `long` is only ever chosen so: more events than a page holds (chapter Test controls).
// Any other order id leaves the choice to the seed.
import type { TrackingStatus, TrackingSubStatus } from '../../../schemas/src/index.ts';
import type { SeededRandom } from './random.ts';

export const PATH_NAMES = ['standard', 'locker', 'station', 'redelivery', 'rejected', 'lost', 'damaged', 'stalled', 'long'] as const;
export type PathName = (typeof PATH_NAMES)[number];

/** Share of parcels per path when the seed decides (never `long`, which exists for the page-size checks). */
const PATH_WEIGHTS: readonly (readonly [PathName, number])[] = [
  ['standard', 60],
  ['locker', 10],
  ['station', 10],
  ['redelivery', 6],
  ['rejected', 5],
  ['lost', 3],
  ['damaged', 3],
  ['stalled', 3],
];

export type Place = 'originOutlet' | 'originHub' | 'originExchange' | 'destHub' | 'destOutlet' | 'locker' | 'station';

/** What an event tells, for its description. */
export type Story =
  | 'accepted'
  | 'departOutlet'
  | 'sortOrigin'
  | 'departHub'
  | 'sortExchange'
  | 'exportCleared'
  | 'departExchange'
  | 'arriveDestCity'
  | 'importCleared'
  | 'sortDest'
  | 'arriveOutlet'
  | 'outForDelivery'
  | 'delivered'
  | 'inLocker'
  | 'inStation'
  | 'collected'
  | 'attemptFailed'
  | 'rejected'
  | 'returnDepart'
  | 'returnArrive'
  | 'returned'
  | 'lost'
  | 'damaged'
  | 'stalled';

export interface Step {
  status: TrackingStatus;
  subStatus?: TrackingSubStatus;
  place: Place;
  story: Story;
  /** Hours after the previous step, drawn uniformly. */
  gap: readonly [number, number];
  /** The line haul: its gap is whatever makes the target step fall at the journey time the seed chose. */
  absorb?: true;
  /** A delay the journey time does not include (a stall, a second attempt, the way back). */
  extra?: true;
  /** The step that completes the journey (1–3 days after creation). */
  target?: true;
  courier?: 'pickup' | 'delivery';
  signatory?: 'self' | 'proxy';
}

export interface Route {
  sameCity: boolean;
  crossBorder: boolean;
}

/** Choose the path: the test control when the request carries one, the seed otherwise. */
export function choosePath(random: SeededRandom, platformOrderId: string | undefined, honourTestControls: boolean): PathName {
  if (honourTestControls && platformOrderId) {
    if (platformOrderId.startsWith('ecdx-happy-')) return 'standard';
    const named = /^ecdx-path-([a-z]+)(?:-|$)/.exec(platformOrderId)?.[1];
    if (named && (PATH_NAMES as readonly string[]).includes(named)) return named as PathName;
  }
  return random.weighted(PATH_WEIGHTS);
}

const accepted: Step = { status: 'ACCEPTED', place: 'originOutlet', story: 'accepted', gap: [0.5, 2], courier: 'pickup' };
const departOutlet: Step = { status: 'IN_TRANSIT', place: 'originOutlet', story: 'departOutlet', gap: [1, 3] };
const sortOrigin: Step = { status: 'SORTING', place: 'originHub', story: 'sortOrigin', gap: [2, 5] };
const departHub: Step = { status: 'IN_TRANSIT', place: 'originHub', story: 'departHub', gap: [1, 3] };
const outForDelivery: Step = { status: 'OUT_FOR_DELIVERY', place: 'destOutlet', story: 'outForDelivery', gap: [1, 4], courier: 'delivery' };

/** Steps on the `long` path's line haul: with acceptance and delivery, 109 events, more than the largest page. */
const LONG_HAUL_ROUNDS = 52;

/** The `long` path's line haul: sorted and sent on again and again, every 6 to 18 minutes (recorded within a day). */
function longHaul(): Step[] {
  const quick = [0.1, 0.3] as const;
  return Array.from({ length: LONG_HAUL_ROUNDS }, (): Step[] => [
    { ...sortOrigin, gap: quick },
    { ...departHub, gap: quick },
  ]).flat();
}

/** From acceptance to the delivering outlet, for the route. */
function lineHaul(route: Route): Step[] {
  const arriveOutlet: Step = { status: 'ARRIVED_DEST_CITY', place: 'destOutlet', story: 'arriveOutlet', gap: [2, 5] };
  if (route.crossBorder) {
    return [
      accepted,
      departOutlet,
      sortOrigin,
      departHub,
      { status: 'SORTING', place: 'originExchange', story: 'sortExchange', gap: [4, 10] },
      { status: 'CUSTOMS', subStatus: 'CUSTOMS_CLEARED', place: 'originExchange', story: 'exportCleared', gap: [2, 8] },
      { status: 'IN_TRANSIT', place: 'originExchange', story: 'departExchange', gap: [1, 4] },
      { status: 'ARRIVED_DEST_CITY', place: 'destHub', story: 'arriveDestCity', gap: [10, 30], absorb: true },
      { status: 'CUSTOMS', subStatus: 'CUSTOMS_CLEARED', place: 'destHub', story: 'importCleared', gap: [2, 8] },
      arriveOutlet,
    ];
  }
  if (route.sameCity) return [accepted, departOutlet, sortOrigin, { ...arriveOutlet, absorb: true }];
  return [
    accepted,
    departOutlet,
    sortOrigin,
    departHub,
    { status: 'ARRIVED_DEST_CITY', place: 'destHub', story: 'arriveDestCity', gap: [8, 30], absorb: true },
    { status: 'SORTING', place: 'destHub', story: 'sortDest', gap: [1, 3] },
    arriveOutlet,
  ];
}

/** The steps after ORDER_CREATED for a path and route; `self` says who signs a standard delivery. */
export function planSteps(path: PathName, route: Route, self: boolean): Step[] {
  const haul = lineHaul(route);
  const delivered = (subStatus: TrackingSubStatus, signatory?: 'self' | 'proxy'): Step => ({
    status: 'DELIVERED',
    subStatus,
    place: 'destOutlet',
    story: 'delivered',
    gap: [1, 5],
    courier: 'delivery',
    target: true,
    ...(signatory ? { signatory } : {}),
  });
  switch (path) {
    case 'standard':
      return [...haul, outForDelivery, self ? delivered('DELIVERED_SELF', 'self') : delivered('DELIVERED_PROXY', 'proxy')];
    case 'locker':
      return [
        ...haul,
        outForDelivery,
        { status: 'AT_PICKUP_POINT', subStatus: 'PICKUP_LOCKER', place: 'locker', story: 'inLocker', gap: [1, 3] },
        { status: 'DELIVERED', subStatus: 'DELIVERED_LOCKER', place: 'locker', story: 'collected', gap: [2, 20], target: true },
      ];
    case 'station':
      return [
        ...haul,
        outForDelivery,
        { status: 'AT_PICKUP_POINT', subStatus: 'PICKUP_STATION', place: 'station', story: 'inStation', gap: [1, 3] },
        { status: 'DELIVERED', subStatus: 'DELIVERED_PICKUP_POINT', place: 'station', story: 'collected', gap: [2, 20], target: true, signatory: 'self' },
      ];
    case 'redelivery':
      return [
        ...haul,
        outForDelivery,
        {
          status: 'DELIVERY_FAILED',
          subStatus: 'EXCEPTION_CONTACT',
          place: 'destOutlet',
          story: 'attemptFailed',
          gap: [1, 4],
          courier: 'delivery',
          target: true,
        },
        { ...outForDelivery, gap: [18, 26], extra: true },
        {
          status: 'DELIVERED',
          subStatus: 'DELIVERED_AFTER_EXCEPTION',
          place: 'destOutlet',
          story: 'delivered',
          gap: [1, 4],
          courier: 'delivery',
          signatory: 'self',
          extra: true,
        },
      ];
    case 'rejected':
      return [
        ...haul,
        outForDelivery,
        { status: 'REJECTED', place: 'destOutlet', story: 'rejected', gap: [1, 4], courier: 'delivery', target: true },
        { status: 'RETURNING', place: 'destOutlet', story: 'returnDepart', gap: [2, 6], extra: true },
        { status: 'RETURNING', place: 'originHub', story: 'returnArrive', gap: [12, 30], extra: true },
        { status: 'RETURNED', place: 'originOutlet', story: 'returned', gap: [4, 12], extra: true },
      ];
    case 'lost':
      return [
        accepted,
        departOutlet,
        sortOrigin,
        departHub,
        { status: 'EXCEPTION', subStatus: 'EXCEPTION_LOST', place: 'originHub', story: 'lost', gap: [36, 60] },
      ];
    case 'damaged': {
      const damaged: Step = { status: 'EXCEPTION', subStatus: 'EXCEPTION_DAMAGED', place: 'originHub', story: 'damaged', gap: [0.5, 2] };
      const at = haul.indexOf(sortOrigin) + 1;
      return [...haul.slice(0, at), damaged, ...haul.slice(at), outForDelivery, delivered('DELIVERED_AFTER_EXCEPTION', 'self')];
    }
    case 'long':
      return [
        accepted,
        ...longHaul(),
        { status: 'ARRIVED_DEST_CITY', place: 'destOutlet', story: 'arriveOutlet', gap: [0.1, 0.3] },
        outForDelivery,
        delivered('DELIVERED_SELF', 'self'),
      ];
    case 'stalled': {
      const stalled: Step = { status: 'STALLED', place: 'originHub', story: 'stalled', gap: [30, 40], extra: true };
      const at = haul.indexOf(sortOrigin) + 1;
      return [...haul.slice(0, at), stalled, ...haul.slice(at), outForDelivery, delivered('DELIVERED_SELF', 'self')];
    }
  }
}
