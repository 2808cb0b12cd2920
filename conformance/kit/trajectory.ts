// Helpers for the checks of the trajectory (chapter Parcel data) and of the privacy of tracking events: read a
// waybill's events page by page, walk its cursors to the end, and — on a test deployment — move the clock until
// parcels have travelled, keeping what every read showed.
//
// Events are read defensively: a page is usable when the answer is 200 with an object whose `items` is an array;
// each event stays an untyped record that the checks inspect member by member. Whether the page is a valid
// EventPage is ECDX-TRK-001's question (tracking/events-served), so that a page with one stray member fails that
// requirement and not every check that reads it.
//
// The shared fixture `tracking:journeys` (test mode only) follows parcels to their end: the run's happy shipment
// (`ecdx-happy-…`, delivered in person), a parcel ordered on the `rejected` path (refused and returned to the
// sender, whose landline the RETURNED event may show masked — where the deployment offers that path, which the
// Test controls chapter leaves optional), and more happy parcels to recipients whose names have 3, 4 and astral
// characters (rule M1 shows on them as on no two-character name). It advances the clock in 6-hour steps, at most 7
// days, then one more day, and keeps every read: the trajectory checks judge the final reads, the identity and
// time checks also the earlier ones. A parcel is named in messages by what its trajectory shows, not by the path
// it was ordered on.
import type { HttpResponse } from '../harness/client.ts';
import { defineFixture } from '../harness/check.ts';
import type { TestContext } from '../harness/context.ts';
import { createShipment, happyOrderId, happyShipment, pathOrderId, shipmentPath, shipmentRequest, type ShipmentBody } from './shipping-data.ts';
import { DAY, HOUR } from '../../schemas/time.ts';
import { readTargetClock } from './time.ts';
import type { Bilingual } from '../i18n/text.ts';
import { M } from './messages.ts';

/** A tracking event as received: a JSON object, inspected member by member. */
export type ServedEvent = Record<string, unknown>;

/** The most pages a walk follows: far more than any trajectory needs, so a cursor loop cannot hang the check. */
const MAX_PAGES = 60;

export interface EventsQuery {
  limit?: string | number;
  cursor?: string;
}

export const eventsPath = (waybillNo: string, query: EventsQuery = {}): string => {
  const params = new URLSearchParams();
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.cursor !== undefined) params.set('cursor', query.cursor);
  const search = params.toString();
  return `${shipmentPath(waybillNo)}/events${search ? `?${search}` : ''}`;
};

export const getEvents = (
  t: TestContext,
  waybillNo: string,
  query: EventsQuery = {},
  options: Parameters<TestContext['http']['get']>[1] = {},
): Promise<HttpResponse> => t.http.get(eventsPath(waybillNo, query), options);

export interface Page {
  items: ServedEvent[];
  nextCursor: string | undefined;
  /** Whether `nextCursor` is present but not a string (unusable). */
  badCursor: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The page a 200 answer carries, or undefined when the answer is not a readable page. */
export function pageOf(response: HttpResponse): Page | undefined {
  if (response.status !== 200 || !isRecord(response.json)) return undefined;
  const items = response.json['items'];
  if (!Array.isArray(items) || !items.every(isRecord)) return undefined;
  const cursor = response.json['nextCursor'];
  const nextCursor = typeof cursor === 'string' ? cursor : undefined;
  return { items: items as ServedEvent[], nextCursor, badCursor: cursor !== undefined && nextCursor === undefined };
}

export interface Walk {
  events: ServedEvent[];
  pages: Page[];
  /** Every nextCursor received, in order. */
  cursors: string[];
  /** true: the last page had no nextCursor; false: stopped at maxPages or on an answer that is not a page. */
  complete: boolean;
  /** The answer that was not a readable page, if the walk stopped on one. */
  refused?: HttpResponse;
  /** The target's time (estimated) when the last page arrived. */
  answeredAt: number;
}

/** Follow nextCursor from the first page with `limit` until no cursor is given (or maxPages). */
export async function walkEvents(t: TestContext, waybillNo: string, limit?: number, maxPages = MAX_PAGES): Promise<Walk> {
  const walk: Walk = { events: [], pages: [], cursors: [], complete: false, answeredAt: t.targetNow() };
  let cursor: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    const response = await getEvents(t, waybillNo, { ...(limit === undefined ? {} : { limit }), ...(cursor === undefined ? {} : { cursor }) });
    walk.answeredAt = t.targetNow();
    const page = pageOf(response);
    if (!page) return { ...walk, refused: response };
    walk.pages.push(page);
    walk.events.push(...page.items);
    if (page.nextCursor === undefined) return { ...walk, complete: !page.badCursor };
    walk.cursors.push(page.nextCursor);
    cursor = page.nextCursor;
  }
  return walk;
}

/**
 * The whole trajectory as the target serves it now (pages of 100). The check ends precondition-failed when the
 * target does not serve it: that is ECDX-TRK-001's failure, not the caller's.
 */
export async function readTrajectory(t: TestContext, waybillNo: string): Promise<Walk> {
  const walk = await walkEvents(t, waybillNo, 100);
  t.precondition(!walk.refused, M.trajectoryUnreadable({ path: eventsPath(waybillNo), status: String(walk.refused?.status) }));
  t.precondition(walk.complete, M.trajectoryTooLong({ waybillNo, pages: MAX_PAGES }));
  return walk;
}

// --- event members ------------------------------------------------------------------------------------------

export const sequenceOf = (e: ServedEvent): number => (typeof e['sequence'] === 'number' ? e['sequence'] : Number.NaN);
export const statusOf = (e: ServedEvent): string => (typeof e['status'] === 'string' ? e['status'] : String(e['status']));
export const subStatusOf = (e: ServedEvent): string | undefined => (typeof e['subStatus'] === 'string' ? e['subStatus'] : undefined);
export const eventIdOf = (e: ServedEvent): string => (typeof e['eventId'] === 'string' ? e['eventId'] : String(e['eventId']));
/** "event 3 (SORTING)", for messages: a parameter of one, never put into a template string. */
export const describeEvent = (e: ServedEvent): Bilingual =>
  M.event({ sequence: String(e['sequence']), status: `${statusOf(e)}${subStatusOf(e) ? `/${subStatusOf(e)}` : ''}` });

/** Statuses that end a trajectory by their nature (a DELIVERED parcel's return travels under a new waybill). */
export const ENDING_STATUSES: readonly string[] = ['DELIVERED', 'RETURNED', 'CANCELLED'];

/** Whether the events show the end of the trajectory: a terminal flag, or a status that always ends it. */
const showsEnd = (events: readonly ServedEvent[]): boolean => events.some((e) => e['terminal'] === true || ENDING_STATUSES.includes(statusOf(e)));

// --- moving the clock ------------------------------------------------------------------------------------------

export interface Snapshot {
  events: ServedEvent[];
  /** The target's clock read right after the read was answered (a bound on when it was answered). */
  answeredAt: number;
}

/**
 * Move the target's clock in steps of `step` (at most `max` in all, milliseconds) until `done` holds for the
 * trajectories of `waybills`, reading them after every step. Returns the last reads and whether `done` held.
 */
export async function advanceUntil(
  t: TestContext,
  waybills: readonly string[],
  done: (reads: ServedEvent[][]) => boolean,
  options: { step: number; max: number; onRead?: (waybillNo: string, snapshot: Snapshot) => void },
): Promise<{ reads: ServedEvent[][]; reached: boolean }> {
  const readAll = async () => {
    const reads: ServedEvent[][] = [];
    for (const waybillNo of waybills) reads.push((await readTrajectory(t, waybillNo)).events);
    const answeredBy = await readTargetClock(t);
    for (const [i, waybillNo] of waybills.entries()) options.onRead?.(waybillNo, { events: reads[i]!, answeredAt: answeredBy });
    return reads;
  };
  let reads = await readAll();
  let advanced = 0;
  while (!done(reads) && advanced < options.max) {
    const step = Math.min(options.step, options.max - advanced);
    await t.advanceClock(step);
    advanced += step;
    reads = await readAll();
  }
  return { reads, reached: done(reads) };
}

// --- the shared journeys ---------------------------------------------------------------------------------------

export interface Journey {
  waybillNo: string;
  /** The ShipmentRequest the harness sent. */
  request: ShipmentBody;
  /** Every read of the whole trajectory, oldest first; the last one is after the trajectory settled. */
  snapshots: Snapshot[];
  /** The last read. */
  final: ServedEvent[];
}

export interface Journeys {
  /** The run's happy shipment: delivered to the recipient in person (chapter Test controls). */
  happy: Journey;
  /**
   * A parcel ordered on the `rejected` path: refused and returned to the sender, whose landline has an extension,
   * where the deployment offers that path (an optional one); otherwise on whatever path the deployment chose.
   */
  rejected: Journey;
  /** Parcels on the regular path, delivered in person to the recipients named in NAMESAKES, in that order. */
  namesakes: Journey[];
}

/**
 * Recipients of the namesake parcels: names of 3 and 4 characters, whose M1 mask keeps the last character and hides
 * one or two, and names with a character outside the Basic Multilingual Plane (𠮷, two UTF-16 units) first and in
 * the middle, which a mask that counts code units rather than characters gets wrong. The happy parcel's recipient
 * has a two-character name.
 */
export const NAMESAKES = ['张小三', '欧阳娜娜', '𠮷田', '王𠮷祥'] as const;

/** The landline of the rejected parcel's sender, with an extension that rule M3 drops. */
export const SENDER_LANDLINE = '0571-88881234-123';

/** At most this long for both parcels to end: the happy one is delivered within 4 days, the return takes longer. */
const JOURNEY_MAX = 7 * DAY;
const JOURNEY_STEP = 6 * HOUR;
/** After both ended, one more day, so that an event recorded after a terminal one shows. */
const AFTER_END = DAY;

/**
 * The shared journeys (test mode): created by the first check that reads them, each check reads the results. A
 * check that uses them asks for test mode first; without a shipment, they cannot be set up (precondition-failed).
 */
export const journeys = defineFixture({
  id: 'tracking:journeys',
  title: 'The journeys of two parcels followed to their end on the test clock: one delivered in person, one refused and returned',
  uses: { shipment: happyShipment },
  async create(c, { shipment }): Promise<Journeys> {
    const happy = await shipment();
    const base = shipmentRequest(c);
    const sender = { ...(base['sender'] as Record<string, unknown>), phone: SENDER_LANDLINE };
    const rejected = await createShipment(c, { platformOrderId: pathOrderId('rejected'), sender });
    const namesakes = [];
    for (const name of NAMESAKES) {
      const recipient = { ...(base['recipient'] as Record<string, unknown>), name };
      namesakes.push(await createShipment(c, { platformOrderId: happyOrderId(), recipient }));
    }
    const parcels = [happy, rejected, ...namesakes];
    const snapshots = new Map<string, Snapshot[]>(parcels.map((p) => [p.waybillNo, []]));
    const onRead = (waybillNo: string, snapshot: Snapshot) => snapshots.get(waybillNo)?.push(snapshot);
    const waybills = parcels.map((p) => p.waybillNo);
    await advanceUntil(c, waybills, (reads) => reads.every(showsEnd), { step: JOURNEY_STEP, max: JOURNEY_MAX, onRead });
    await advanceUntil(c, waybills, () => false, { step: AFTER_END, max: AFTER_END, onRead });
    const journey = (waybillNo: string, request: ShipmentBody): Journey => {
      const list = snapshots.get(waybillNo) ?? [];
      return { waybillNo, request, snapshots: list, final: list[list.length - 1]?.events ?? [] };
    };
    return {
      happy: journey(happy.waybillNo, happy.request),
      rejected: journey(rejected.waybillNo, rejected.request),
      namesakes: namesakes.map((n) => journey(n.waybillNo, n.request)),
    };
  },
});

/** The happy journey, the check ending precondition-failed unless it was delivered. */
export function delivered(t: TestContext, j: Journeys): Journey {
  t.precondition(
    j.happy.final.some((e) => statusOf(e) === 'DELIVERED'),
    M.notDelivered({ waybillNo: j.happy.waybillNo, days: JOURNEY_MAX / DAY }),
  );
  return j.happy;
}

/** Whether the parcel ordered on the rejected path was returned: the deployment offers that path. */
export const wasReturned = (journey: Journey): boolean => journey.final.some((e) => statusOf(e) === 'RETURNED');

/**
 * How a message names a parcel: by what its trajectory shows (delivered, returned), else by the path it was ordered
 * on and where it stands, so that a parcel a deployment delivered is never called the returned one.
 */
function parcelLabel(events: readonly ServedEvent[], ordered: 'regular' | 'rejected', waybillNo: string): Bilingual {
  if (events.some((e) => statusOf(e) === 'RETURNED')) return M.returnedParcel({ waybillNo });
  if (events.some((e) => statusOf(e) === 'DELIVERED'))
    return ordered === 'rejected' ? M.deliveredParcelOnRejectedPath({ waybillNo }) : M.deliveredParcel({ waybillNo });
  const end = events[events.length - 1];
  const last = end ? M.lastEvent({ event: describeEvent(end) }) : M.noEvent();
  return ordered === 'rejected' ? M.parcelOnRejectedPath({ waybillNo, last }) : M.parcelOnRegularPath({ waybillNo, last });
}

/** One parcel's trajectory as a check read it, labelled for messages. */
export interface JourneyRead {
  /** "the delivered parcel ECDX…", "the returned parcel ECDX…": a parameter of a message, never put into a template string. */
  label: Bilingual;
  waybillNo: string;
  /** The ShipmentRequest the harness sent. */
  request: ShipmentBody;
  events: ServedEvent[];
  /** The target's clock read right after every trajectory was (a bound on when each was answered). */
  answeredAt: number;
}

/**
 * The trajectories of the happy and the rejected-path parcel (and, with `namesakes`, of the namesake parcels) as the
 * target serves them now, read by the calling check for its evidence, labelled.
 */
export async function readJourneys(t: TestContext, j: Journeys, options: { namesakes?: boolean } = {}): Promise<JourneyRead[]> {
  const parcels: [Journey, 'regular' | 'rejected'][] = [
    [j.happy, 'regular'],
    [j.rejected, 'rejected'],
    ...(options.namesakes ? j.namesakes.map((n): [Journey, 'regular'] => [n, 'regular']) : []),
  ];
  const reads = [];
  for (const [journey, ordered] of parcels) {
    const { events } = await readTrajectory(t, journey.waybillNo);
    reads.push({ label: parcelLabel(events, ordered, journey.waybillNo), waybillNo: journey.waybillNo, request: journey.request, events });
  }
  const answeredAt = await readTargetClock(t);
  return reads.map((read) => ({ ...read, answeredAt }));
}

// --- pointers ----------------------------------------------------------------------------------------------------

/** The pointer of an event's member in the page it came from (pages of 100: the index within the trajectory). */
export const itemPointer = (index: number, member = ''): string => `/items/${index % 100}${member}`;
