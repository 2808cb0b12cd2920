// Faults of the trajectory (chapter Parcel data) and of the privacy rules on tracking events (chapter Privacy).
// Faults in the content of events are committed by the simulator itself (mocks/core/simulator/trajectory.ts,
// stories.ts), so that pulled and pushed events stay identical (ECDX-PSH-010) and only the named rule breaks;
// faults of the events endpoint are committed by its handler (mocks/core/operations/tracking.ts).
//
// Several need a particular parcel to show: a delivered one (the `ecdx-happy-` order-id prefix guarantees it, see
// mocks/core/simulator/paths.ts), a returned one (`ecdx-path-rejected-`), or a walk of more than one page (a small limit).
import { defineFault, type Fault } from '../core/faults.ts';
import type { Switch } from '../core/switches.ts';

/** A carrier fault committed where its switch of the same name is read. */
const carrierSwitch = <const Name extends Switch>(name: Name, requirements: string[], description: string): Fault<Name> =>
  defineFault({ name, switch: name, requirements, role: 'carrier', description });

export const trackingFaults = [
  defineFault({
    name: 'event-page-with-total',
    requirements: ['ECDX-TRK-001'],
    role: 'carrier',
    description: 'Adds a `total` member to every EventPage, which the closed schema does not allow.',
    operation: 'listTrackingEvents',
    rewrite: (_input, r) =>
      r.status === 200 && typeof r.body === 'object' && r.body !== null
        ? { ...r, body: { ...(r.body as Record<string, unknown>), total: ((r.body as { items?: unknown[] }).items ?? []).length } }
        : r,
  }),
  // ECDX-TRK-019 too: the regular path of an ecdx-happy- parcel holds at least one SORTING event.
  carrierSwitch(
    'no-sorting-event',
    ['ECDX-TRK-002', 'ECDX-TRK-019'],
    'Records no SORTING event: a delivered parcel’s trajectory has no event at the SORTING node.',
  ),
  carrierSwitch(
    'happy-path-sorts-after-dispatch',
    ['ECDX-TRK-019'],
    'Moves the last SORTING event of an ecdx-happy- parcel behind OUT_FOR_DELIVERY: the parcel visits every node but leaves the regular path.',
  ),
  carrierSwitch(
    'cancellation-records-no-event',
    ['ECDX-TRK-020'],
    'Records no CANCELLED event when a shipment is cancelled: its trajectory stops at the events recorded before, the last not terminal.',
  ),
  carrierSwitch('arrival-node-delivery', ['ECDX-TRK-003'], 'Gives ARRIVED_DEST_CITY events the node DELIVERY instead of TRANSPORT.'),
  carrierSwitch(
    'out-for-delivery-with-pickup-sub-status',
    ['ECDX-TRK-004'],
    'Pairs every OUT_FOR_DELIVERY event with the sub-status PICKUP_STATION, which belongs to AT_PICKUP_POINT.',
  ),
  carrierSwitch('sequence-with-gaps', ['ECDX-TRK-005'], 'Skips sequence number 3: the events of a waybill are numbered 1, 2, 4, 5 …'),
  carrierSwitch(
    'event-ids-reused-across-waybills',
    ['ECDX-TRK-006'],
    'Derives eventIds from the sequence alone (`evt_0001` …), so every waybill reuses the same ids.',
  ),
  carrierSwitch('recorded-before-occurred', ['ECDX-TRK-007'], 'Gives every event after the acceptance a recordedAt 5–120 s before its occurredAt.'),
  carrierSwitch(
    'page-boundary-skips-event',
    ['ECDX-TRK-009'],
    'Issues nextCursor one event too far: the first event of every following page is never returned.',
  ),
  carrierSwitch('limit-ignored', ['ECDX-TRK-010'], 'Ignores limit: every page holds all the events recorded after the cursor.'),
  carrierSwitch(
    'default-page-size-10',
    ['ECDX-TRK-010'],
    'Serves a request without limit 10 events a page instead of 20 (it shows on a trajectory longer than 10 events: order id ecdx-path-long-…).',
  ),
  carrierSwitch('limit-above-100-refused', ['ECDX-TRK-010'], 'Refuses a limit above 100 with 422 instead of serving it as 100.'),
  carrierSwitch(
    'invalid-limit-served-default',
    ['ECDX-TRK-010'],
    'Serves a limit that is not an integer of at least 1 (0, -1, abc) as the default 20 instead of refusing it with 422.',
  ),
  carrierSwitch(
    'foreign-cursor-restarts-walk',
    ['ECDX-TRK-011'],
    'Answers a cursor it did not issue (or issued for another waybill) with the first page instead of a 422 problem.',
  ),
  carrierSwitch(
    'cursor-expires-after-a-minute',
    ['ECDX-TRK-011'],
    'Refuses with 422 a cursor issued more than 60 s (mock time) before, instead of honouring it for at least an hour.',
  ),
  carrierSwitch(
    'unknown-waybill-events-empty',
    ['ECDX-TRK-012'],
    'Answers the events of a waybill it does not hold with 200 and an empty page instead of 404.',
  ),
  carrierSwitch(
    'foreign-waybill-events-forbidden',
    ['ECDX-TRK-012'],
    'Answers the events of another platform’s waybill with 403 forbidden, revealing that the waybill exists, instead of 404.',
  ),
  carrierSwitch('delivered-not-terminal', ['ECDX-TRK-013'], 'Leaves terminal false on the DELIVERED event that ends a trajectory.'),
  carrierSwitch(
    'event-after-terminal',
    // ECDX-TRK-019 too: the regular path of an ecdx-happy- parcel ends with its DELIVERED event.
    ['ECDX-TRK-014', 'ECDX-TRK-013', 'ECDX-TRK-019'],
    'Records a RETURNING event four hours after the terminal DELIVERED event (a return under the same waybill); the terminal flag then also sits on an event that does not end the trajectory.',
  ),
  carrierSwitch(
    'location-without-division-code',
    ['ECDX-TRK-015'],
    'Leaves divisionCode out of the location of events in the mainland (facility code and name remain).',
  ),
  carrierSwitch('acceptance-without-real-name-check', ['ECDX-TRK-016'], 'Leaves realNameVerification out of the ACCEPTED event.'),
  carrierSwitch(
    'signatory-name-masked-wrongly',
    ['ECDX-PRV-001'],
    'Masks the signatory’s name with one * between its first and last character whatever its length (张三 → 张*三, 欧阳娜娜 → 欧*娜) instead of rule M1; a SELF signatory is the recipient, so the harness can compare.',
  ),
  carrierSwitch(
    'names-masked-to-first-character',
    ['ECDX-PRV-001'],
    'Masks the courier’s and the signatory’s names as their first character and one * whatever their length (张小三 → 张*, 欧阳娜娜 → 欧*) instead of rule M1, which is right only for two-character names (张三 → 张*); a SELF signatory is the recipient, so the harness can compare, given a recipient with a longer name.',
  ),
  carrierSwitch(
    'courier-phone-masked-wrongly-in-description',
    ['ECDX-PRV-002'],
    'Writes the courier’s mobile in the ACCEPTED and OUT_FOR_DELIVERY descriptions with 4 digits kept in front and 3 behind (1390****001) instead of rule M2; courier.phone stays correct.',
  ),
  carrierSwitch(
    'returned-landline-masked-wrongly',
    ['ECDX-PRV-003'],
    'Writes the sender’s landline in the RETURNED description with the last 4 subscriber digits and the extension kept (0571-****1234) instead of rule M3 (needs a returned parcel: order id `ecdx-path-rejected-…`).',
  ),
  carrierSwitch(
    'id-number-in-delivery-description',
    ['ECDX-PRV-005'],
    'Writes a (fictitious, checksum-valid) resident identity number into the description of the DELIVERED event.',
  ),
  carrierSwitch(
    'delivery-description-with-address',
    ['ECDX-PRV-006'],
    'Writes the recipient’s address detail and postal code into the description of the DELIVERED event.',
  ),
  carrierSwitch(
    'courier-phone-unmasked-in-description',
    ['ECDX-PRV-007'],
    'Writes the delivering courier’s full mobile number into the OUT_FOR_DELIVERY description (courier.phone stays masked).',
  ),
  carrierSwitch(
    'cursor-with-recipient-phone',
    ['ECDX-PRV-016'],
    'Appends the recipient’s telephone digits to every nextCursor (`…~13812345678`); the cursor still works.',
  ),
];
