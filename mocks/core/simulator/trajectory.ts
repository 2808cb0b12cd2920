// The deterministic trajectory of one simulated parcel: a pure function of the mock's seed, the waybill number, the
// time the shipment was created, its cancellation (if any), the shipping data and the active faults. Nothing is
// stored: a restarted mock over the same store recomputes the same events, with the same eventIds and members.
//
// A parcel is ORDER_CREATED when the shipment is created, ACCEPTED 30–120 minutes later, and completes its journey
// (delivered, or its first delivery outcome on an exception path) 1–3 days after creation — 1–1.5 days for
// EXPRESS, NEXT_DAY and SAME_DAY, 2–3 days across the border. Each event is recorded 5–120 s after it occurred.
// A cancelled shipment keeps the events recorded before the cancellation and ends with a terminal CANCELLED event.
import {
  mayBeTerminal,
  nodeForStatus,
  type EventLocation,
  type TrackingEvent,
  type TrackingNode,
  type TrackingStatus,
  type TrackingSubStatus,
} from '../../../schemas/src/index.ts';
import { statusMappings, type MappingSource } from '../../../schemas/src/status-mapping.ts';
import type { Switch } from '../switches.ts';
import { choosePath, planSteps, type Place, type Step } from './paths.ts';
import { inventCourier, inventProxyName, maskedMobile, maskedName, type Courier, type NameMasking } from './people.ts';
import { crossesBorder, facilityFor, sameSortingCentre, withoutDivisionCode } from './places.ts';
import { SeededRandom } from './random.ts';
import { viewRequest, type RequestView } from './request-view.ts';
import { describe, type StoryContext } from './stories.ts';
import { formatTimestamp, HOUR, MINUTE } from '../../../schemas/time.ts';

export interface TrajectoryInput {
  seed: number;
  waybillNo: string;
  carrierCode: string;
  createdAtMs: number;
  cancelledAtMs?: number;
  /** The shipping data as held (normally a ShipmentRequest). */
  request: unknown;
  /** Whether the `ecdx-happy-` / `ecdx-path-<name>-` order-id prefixes choose the path (test deployments). */
  honourTestControls: boolean;
  /** Whether a switch is on (the mock's `fault`). */
  fault: (name: Switch) => boolean;
}

/** An event with its times as numbers, for the clock. */
export interface SimulatedEvent {
  event: TrackingEvent;
  occurredAtMs: number;
  recordedAtMs: number;
}

/** The code lists the mock labels its events from, in order of preference (status-mapping.ts). */
const RAW_CODE_SOURCES: readonly MappingSource[] = ['KDNIAO', 'KUAIDI100', 'SF', 'UPU_EDI'];

const SIGNATORY_PROXIES = ['FAMILY', 'COLLEAGUE', 'RECEPTION', 'PROPERTY_MANAGEMENT'] as const;

/** One event before numbering: what happened, when, where, to whom. */
interface Draft {
  status: TrackingStatus;
  subStatus?: TrackingSubStatus;
  occurredAtMs: number;
  recordedAtMs: number;
  location?: EventLocation;
  story: StoryContext['story'];
  step?: Step;
  terminal?: boolean;
}

export function simulateTrajectory(input: TrajectoryInput): SimulatedEvent[] {
  const request = viewRequest(input.request);
  const path = choosePath(new SeededRandom(input.seed, input.waybillNo, 'path'), request.platformOrderId, input.honourTestControls);
  const peopleRandom = new SeededRandom(input.seed, input.waybillNo, 'people');
  const happy = input.honourTestControls && request.platformOrderId?.startsWith('ecdx-happy-') === true;
  const signsInPerson = happy || peopleRandom.next() < 0.6;
  const route = { sameCity: sameSortingCentre(request.sender, request.recipient), crossBorder: crossesBorder(request.sender, request.recipient) };
  const steps = planSteps(path, route, signsInPerson);
  const couriers = { pickup: inventCourier(peopleRandom), delivery: inventCourier(peopleRandom) };
  const proxy = { name: inventProxyName(peopleRandom), relation: peopleRandom.pick(SIGNATORY_PROXIES) };

  let drafts = draftSteps(input, request, steps);
  if (happy && input.fault('happy-path-sorts-after-dispatch')) drafts = sortedAfterDispatch(drafts);
  if (input.fault('recorded-before-occurred')) drafts = drafts.map(recordedEarly);
  if (input.cancelledAtMs !== undefined) drafts = cancelled(drafts, input.cancelledAtMs, input.fault('cancellation-records-no-event'));
  if (input.fault('no-sorting-event')) drafts = drafts.filter((d) => d.status !== 'SORTING');
  drafts = markTerminal(drafts, input.fault);

  const events: SimulatedEvent[] = [];
  let previousNode: TrackingNode | undefined;
  drafts.forEach((draft, index) => {
    const event = buildEvent(input, request, draft, index, previousNode, couriers, proxy);
    previousNode = event.node;
    events.push({ event, occurredAtMs: draft.occurredAtMs, recordedAtMs: draft.recordedAtMs });
  });
  return events;
}

/** Times for every step, and the drafts from ORDER_CREATED on. */
function draftSteps(input: TrajectoryInput, request: RequestView, steps: Step[]): Draft[] {
  const random = new SeededRandom(input.seed, input.waybillNo, 'times');
  const gaps = steps.map((step, i) => (i === 0 ? random.between(30, 120) * MINUTE : random.between(step.gap[0], step.gap[1]) * HOUR));
  const target = steps.findIndex((s) => s.target);
  const absorb = steps.findIndex((s) => s.absorb);
  if (target >= 0 && absorb >= 0 && absorb <= target) {
    const journey = journeyHours(request, random) * HOUR;
    const others = gaps.slice(0, target + 1).reduce((sum, gap, i) => (i === absorb || steps[i]!.extra ? sum : sum + gap), 0);
    gaps[absorb] = Math.max(2 * HOUR, journey - others);
  }
  const t0 = input.createdAtMs;
  const drafts: Draft[] = [{ status: 'ORDER_CREATED', occurredAtMs: t0, recordedAtMs: t0, story: 'orderCreated' }];
  let at = t0;
  steps.forEach((step, i) => {
    at += Math.round(gaps[i]! / 1000) * 1000;
    const draft: Draft = {
      status: step.status,
      occurredAtMs: at,
      recordedAtMs: at + random.int(5, 120) * 1000,
      location: place(step.place, request),
      story: step.story,
      step,
    };
    if (step.subStatus) draft.subStatus = step.subStatus;
    drafts.push(draft);
  });
  return drafts;
}

function journeyHours(request: RequestView, random: SeededRandom): number {
  if (crossesBorder(request.sender, request.recipient)) return random.between(48, 72);
  if (['EXPRESS', 'NEXT_DAY', 'SAME_DAY'].includes(request.service ?? '')) return random.between(24, 36);
  return random.between(24, 72);
}

function place(where: Place, request: RequestView): EventLocation {
  switch (where) {
    case 'originOutlet':
      return facilityFor('outlet', request.sender);
    case 'originHub':
      return facilityFor('hub', request.sender);
    case 'originExchange':
      return facilityFor('exchange', request.sender);
    case 'destHub':
      return facilityFor('hub', request.recipient);
    case 'destOutlet':
      return facilityFor('outlet', request.recipient);
    case 'locker':
      return facilityFor('locker', request.recipient);
    case 'station':
      return facilityFor('station', request.recipient);
  }
}

/**
 * The happy-path-sorts-after-dispatch fault: the last SORTING scan moves behind OUT_FOR_DELIVERY (the times stay in
 * order), so the ecdx-happy- parcel leaves the regular path while every node is still visited.
 */
function sortedAfterDispatch(drafts: Draft[]): Draft[] {
  const sorting = drafts.map((d) => d.status).lastIndexOf('SORTING');
  const dispatch = drafts.findIndex((d) => d.status === 'OUT_FOR_DELIVERY');
  if (sorting < 0 || dispatch < sorting) return drafts;
  const moved = [...drafts.slice(sorting + 1, dispatch + 1), drafts[sorting]!];
  const times = drafts.slice(sorting, dispatch + 1);
  return [
    ...drafts.slice(0, sorting),
    ...moved.map((d, i) => ({ ...d, occurredAtMs: times[i]!.occurredAtMs, recordedAtMs: times[i]!.recordedAtMs })),
    ...drafts.slice(dispatch + 1),
  ];
}

/** The recorded-before-occurred fault: after acceptance, each scan is "recorded" before it happened. */
function recordedEarly(draft: Draft): Draft {
  if (draft.status === 'ORDER_CREATED' || draft.status === 'ACCEPTED') return draft;
  return { ...draft, recordedAtMs: draft.occurredAtMs - (draft.recordedAtMs - draft.occurredAtMs) };
}

/**
 * Events recorded by the cancellation stay (they are immutable); the rest never happen; CANCELLED ends it
 * (ECDX-TRK-020). The cancellation-records-no-event fault stops the trajectory where it was.
 */
function cancelled(drafts: Draft[], cancelledAtMs: number, withoutEvent: boolean): Draft[] {
  const kept = drafts.filter((d) => d.recordedAtMs <= cancelledAtMs);
  if (withoutEvent) return kept;
  return [...kept, { status: 'CANCELLED', occurredAtMs: cancelledAtMs, recordedAtMs: cancelledAtMs, story: 'cancelled' }];
}

function markTerminal(drafts: Draft[], fault: (name: Switch) => boolean): Draft[] {
  const last = drafts[drafts.length - 1]!;
  const marked = drafts.map((d) => ({ ...d, terminal: d === last && mayBeTerminal(d.status, d.subStatus) }));
  const end = marked[marked.length - 1]!;
  if (end.status === 'DELIVERED' && fault('delivered-not-terminal')) end.terminal = false;
  if (end.status === 'DELIVERED' && end.terminal && fault('event-after-terminal')) {
    const at = end.occurredAtMs + 4 * HOUR;
    marked.push({
      status: 'RETURNING',
      occurredAtMs: at,
      recordedAtMs: at + 30_000,
      story: 'returnAfterDelivery',
      terminal: false,
      ...(end.location ? { location: end.location } : {}),
    });
  }
  return marked;
}

function buildEvent(
  input: TrajectoryInput,
  request: RequestView,
  draft: Draft,
  index: number,
  previousNode: TrackingNode | undefined,
  couriers: { pickup: Courier; delivery: Courier },
  proxy: { name: string; relation: (typeof SIGNATORY_PROXIES)[number] },
): TrackingEvent {
  const fault = input.fault;
  const sequence = fault('sequence-with-gaps') && index >= 2 ? index + 2 : index + 1;
  const padded = String(sequence).padStart(4, '0');
  const subStatus = draft.status === 'OUT_FOR_DELIVERY' && fault('out-for-delivery-with-pickup-sub-status') ? 'PICKUP_STATION' : draft.subStatus;
  const node = draft.status === 'ARRIVED_DEST_CITY' && fault('arrival-node-delivery') ? 'DELIVERY' : nodeForStatus(draft.status, previousNode);
  const step = draft.step;
  const courier = step?.courier ? couriers[step.courier] : undefined;
  // A carrier that masks every name as its first character and one `*` does so for couriers and signatories alike.
  const names: NameMasking = fault('names-masked-to-first-character') ? 'first-and-one-star' : 'M1';
  const signatory = signatoryFor(step, request, proxy, fault('signatory-name-masked-wrongly') ? 'one-star-between' : names);
  const location = draft.location && fault('location-without-division-code') ? withoutDivisionCode(draft.location) : draft.location;

  const event: TrackingEvent = {
    eventId: fault('event-ids-reused-across-waybills') ? `evt_${padded}` : `evt_${input.waybillNo}_${padded}`,
    waybillNo: input.waybillNo,
    carrierCode: input.carrierCode,
    sequence,
    status: draft.status,
    node,
    occurredAt: formatTimestamp(draft.occurredAtMs),
    recordedAt: formatTimestamp(draft.recordedAtMs),
    description: describe({
      story: draft.story,
      ...(location?.facilityName ? { facility: location.facilityName } : {}),
      ...nextFacility(step, request),
      ...(courier ? { courier } : {}),
      ...(signatory ? { signatory } : {}),
      afterException: subStatus === 'DELIVERED_AFTER_EXCEPTION',
      request,
      fault,
    }),
    terminal: draft.terminal === true,
  };
  if (subStatus) event.subStatus = subStatus;
  if (location) event.location = location;
  if (courier) {
    const name = maskedName(courier.name, names);
    if (name) event.courier = { name, phone: maskedMobile(courier.phone), employeeRef: courier.employeeRef };
  }
  if (signatory) event.signatory = signatory;
  if (draft.status === 'ACCEPTED' && !fault('acceptance-without-real-name-check')) {
    const checkedBefore = new SeededRandom(input.seed, input.waybillNo, 'real-name').int(20, 180) * 1000;
    const verifiedAt = Math.max(input.createdAtMs, draft.occurredAtMs - checkedBefore);
    event.realNameVerification = {
      verified: true,
      documentType: request.sender.countryCode === 'CN' ? 'RESIDENT_IDENTITY_CARD' : 'PASSPORT',
      verifiedAt: formatTimestamp(verifiedAt),
    };
  }
  const raw = rawCode(draft.status, subStatus);
  if (raw) event.carrierRawCode = raw;
  return event;
}

function signatoryFor(
  step: Step | undefined,
  request: RequestView,
  proxy: { name: string; relation: (typeof SIGNATORY_PROXIES)[number] },
  masking: NameMasking,
): TrackingEvent['signatory'] {
  if (step?.signatory === 'self') {
    const name = maskedName(request.recipient.name, masking);
    return name ? { name, relation: 'SELF' } : undefined;
  }
  if (step?.signatory === 'proxy') {
    const name = maskedName(proxy.name, masking);
    return name ? { name, relation: proxy.relation } : undefined;
  }
  return undefined;
}

/** The next facility a departure names. */
function nextFacility(step: Step | undefined, request: RequestView): { next?: string } {
  const crossBorder = crossesBorder(request.sender, request.recipient);
  const next: Partial<Record<string, Place>> = { departOutlet: 'originHub', departHub: crossBorder ? 'originExchange' : 'destHub', sortDest: 'destOutlet' };
  let where = step ? next[step.story] : undefined;
  if (where === 'destHub' && sameSortingCentre(request.sender, request.recipient)) where = undefined;
  const name = where ? place(where, request).facilityName : undefined;
  return name ? { next: name } : {};
}

/** A native code that maps to exactly this status and sub-status, or to the status alone (status-mapping.ts). */
function rawCode(status: TrackingStatus, subStatus: TrackingSubStatus | undefined): TrackingEvent['carrierRawCode'] {
  const candidates = RAW_CODE_SOURCES.flatMap((source) => statusMappings.filter((m) => m.source === source && m.status === status));
  const exact = subStatus ? candidates.find((m) => m.subStatus === subStatus) : undefined;
  const found = exact ?? candidates.find((m) => m.subStatus === undefined);
  return found ? { scheme: found.source, code: found.code } : undefined;
}
