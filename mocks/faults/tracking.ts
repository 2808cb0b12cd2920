// Faults of the trajectory (chapter Parcel data) and of the privacy rules on tracking events (chapter Privacy).
// Faults in the content of events are committed by the simulator itself (mocks/core/simulator/trajectory.ts,
// stories.ts), so that pulled and pushed events stay identical (ECDX-PSH-010) and only the named rule breaks;
// faults of the events endpoint are committed by its handler (mocks/core/operations/tracking.ts).
//
// Several need a particular parcel to show: a delivered one (the `ecdx-happy-` order-id prefix guarantees it, see
// mocks/core/simulator/paths.ts), a returned one (`ecdx-path-rejected-`), or a walk of more than one page (a small limit).
import { trackingFault } from '../core/simulator/fault-names.ts';
import type { OperationInput } from '../core/types.ts';
import { defineFault, type Fault } from './fault.ts';

const EVENTS_PATH = /^\/v1\/shipments\/[^/]+\/events$/;
const isEventsPage = (input: OperationInput) => input.request.method === 'GET' && EVENTS_PATH.test(input.request.url.pathname);

const fault = (name: string, requirements: string[], description: string): Fault => defineFault({ name, requirements, role: 'carrier', description });

export const trackingFaults: Fault[] = [
  defineFault({
    name: 'event-page-with-total',
    requirements: ['ECDX-TRK-001'],
    role: 'carrier',
    description: 'Adds a `total` member to every EventPage, which the closed schema does not allow.',
    transformResponse: (input, r) =>
      isEventsPage(input) && r.status === 200 && typeof r.body === 'object' && r.body !== null
        ? { ...r, body: { ...(r.body as Record<string, unknown>), total: ((r.body as { items?: unknown[] }).items ?? []).length } }
        : r,
  }),
  fault(trackingFault.noSortingEvent, ['ECDX-TRK-002'], 'Records no SORTING event: a delivered parcel’s trajectory has no event at the SORTING node.'),
  fault(trackingFault.arrivalNodeDelivery, ['ECDX-TRK-003'], 'Gives ARRIVED_DEST_CITY events the node DELIVERY instead of TRANSPORT.'),
  fault(trackingFault.outForDeliveryWithPickupSubStatus, ['ECDX-TRK-004'], 'Pairs every OUT_FOR_DELIVERY event with the sub-status PICKUP_STATION, which belongs to AT_PICKUP_POINT.'),
  fault(trackingFault.sequenceWithGaps, ['ECDX-TRK-005'], 'Skips sequence number 3: the events of a waybill are numbered 1, 2, 4, 5 …'),
  fault(
    trackingFault.eventIdsReusedAcrossWaybills,
    ['ECDX-TRK-006'],
    'Derives eventIds from the sequence alone (`evt_0001` …), so every waybill reuses the same ids.',
  ),
  fault(
    trackingFault.recordedBeforeOccurred,
    ['ECDX-TRK-007'],
    'Gives every event after the acceptance a recordedAt 5–120 s before its occurredAt.',
  ),
  fault(
    trackingFault.pageBoundarySkipsEvent,
    ['ECDX-TRK-009'],
    'Issues nextCursor one event too far: the first event of every following page is never returned.',
  ),
  fault(trackingFault.limitIgnored, ['ECDX-TRK-010'], 'Ignores limit: every page holds all the events recorded after the cursor.'),
  fault(trackingFault.limitAbove100Refused, ['ECDX-TRK-010'], 'Refuses a limit above 100 with 422 instead of serving it as 100.'),
  fault(trackingFault.invalidLimitServedDefault, ['ECDX-TRK-010'], 'Serves a limit that is not an integer of at least 1 (0, -1, abc) as the default 20 instead of refusing it with 422.'),
  fault(
    trackingFault.foreignCursorRestartsWalk,
    ['ECDX-TRK-011'],
    'Answers a cursor it did not issue (or issued for another waybill) with the first page instead of a 422 problem.',
  ),
  fault(
    trackingFault.cursorExpiresAfterAMinute,
    ['ECDX-TRK-011'],
    'Refuses with 422 a cursor issued more than 60 s (mock time) before, instead of honouring it for at least an hour.',
  ),
  fault(
    trackingFault.unknownWaybillEventsEmpty,
    ['ECDX-TRK-012'],
    'Answers the events of a waybill it does not hold with 200 and an empty page instead of 404.',
  ),
  fault(
    trackingFault.foreignWaybillEventsForbidden,
    ['ECDX-TRK-012'],
    'Answers the events of another platform’s waybill with 403 forbidden, revealing that the waybill exists, instead of 404.',
  ),
  fault(trackingFault.deliveredNotTerminal, ['ECDX-TRK-013'], 'Leaves terminal false on the DELIVERED event that ends a trajectory.'),
  fault(
    trackingFault.eventAfterTerminal,
    ['ECDX-TRK-014', 'ECDX-TRK-013'],
    'Records a RETURNING event four hours after the terminal DELIVERED event (a return under the same waybill); the terminal flag then also sits on an event that does not end the trajectory.',
  ),
  fault(
    trackingFault.locationWithoutDivisionCode,
    ['ECDX-TRK-015'],
    'Leaves divisionCode out of the location of events in the mainland (facility code and name remain).',
  ),
  fault(trackingFault.acceptanceWithoutRealNameCheck, ['ECDX-TRK-016'], 'Leaves realNameVerification out of the ACCEPTED event.'),
  fault(
    trackingFault.signatoryNameMaskedWrongly,
    ['ECDX-PRV-001'],
    'Masks the signatory’s name with one * between its first and last character whatever its length (张三 → 张*三, 欧阳娜娜 → 欧*娜) instead of rule M1; a SELF signatory is the recipient, so the harness can compare.',
  ),
  fault(
    trackingFault.courierPhoneMaskedWronglyInDescription,
    ['ECDX-PRV-002'],
    'Writes the courier’s mobile in the ACCEPTED and OUT_FOR_DELIVERY descriptions with 4 digits kept in front and 3 behind (1390****001) instead of rule M2; courier.phone stays correct.',
  ),
  fault(
    trackingFault.returnedLandlineMaskedWrongly,
    ['ECDX-PRV-003'],
    'Writes the sender’s landline in the RETURNED description with the last 4 subscriber digits and the extension kept (0571-****1234) instead of rule M3 (needs a returned parcel: order id `ecdx-path-rejected-…`).',
  ),
  fault(
    trackingFault.idNumberInDeliveryDescription,
    ['ECDX-PRV-005'],
    'Writes a (fictitious, checksum-valid) resident identity number into the description of the DELIVERED event.',
  ),
  fault(
    trackingFault.deliveryDescriptionWithAddress,
    ['ECDX-PRV-006'],
    'Writes the recipient’s address detail and postal code into the description of the DELIVERED event.',
  ),
  fault(
    trackingFault.courierPhoneUnmaskedInDescription,
    ['ECDX-PRV-007'],
    'Writes the delivering courier’s full mobile number into the OUT_FOR_DELIVERY description (courier.phone stays masked).',
  ),
  fault(
    trackingFault.cursorWithRecipientPhone,
    ['ECDX-PRV-016'],
    'Appends the recipient’s telephone digits to every nextCursor (`…~13812345678`); the cursor still works.',
  ),
];
