// What the events of a travelled parcel say (chapter Parcel data §1–4): the four nodes, the node and sub-status of
// each status, sequence, identity, time, the terminal event, location, the real-name outcome and the native code.
// Every check reads the shared journeys (kit/trajectory.ts: a parcel delivered in person and one ordered on the
// rejected path — refused and returned where the deployment offers that optional path — followed on the test clock
// to their end) and reads both trajectories again itself, for its evidence. Every rule judged here holds for any
// trajectory, so a parcel a deployment did not return is judged like the other.
import {
  mayBeTerminal,
  nodeForStatus,
  schemaByName,
  statusNode,
  subStatusParents,
  type TrackingNode,
  type TrackingStatus,
  type TrackingSubStatus,
} from '../../../schemas/src/index.ts';
import { canonicalJson } from '../../../protocol/index.ts';
import { MINUTE, SECOND } from '../../../schemas/time.ts';
import { violations } from '../../../schemas/validate.ts';
import { defineCheck, defineGroup } from '../../harness/check.ts';
import type { Finding } from '../../harness/context.ts';
import { describeMinutes } from '../../kit/time.ts';
import {
  delivered,
  describeEvent,
  ENDING_STATUSES,
  eventIdOf,
  itemPointer,
  journeys,
  readJourneys,
  readTrajectory,
  sequenceOf,
  statusOf,
  subStatusOf,
  type ServedEvent,
} from '../../kit/trajectory.ts';
import { joinTexts, type Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';
import { violationsText } from '../../harness/violations.ts';

/** Every check here reads the shared journeys, which move the target's clock. */
const onTheTestClock = defineGroup({ needs: ['clock'] });
const JOURNEYS =
  'Reads the shared parcels after they travelled on the test clock: one `ecdx-happy-` parcel delivered in person and one `ecdx-path-rejected-` parcel, which a deployment that offers that optional path refuses and returns to the sender.';

const isKnownStatus = (s: string): s is TrackingStatus => Object.hasOwn(statusNode, s);
const isKnownSubStatus = (s: string): s is TrackingSubStatus => Object.hasOwn(subStatusParents, s);

/** The first event a terminal flag or an ending status closes the trajectory with, and its index. */
const endIndex = (events: readonly ServedEvent[]): number => events.findIndex((e) => e['terminal'] === true || ENDING_STATUSES.includes(statusOf(e)));

export const trackingJourneyChecks = [
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/four-nodes',
    requirements: ['ECDX-TRK-002'],
    title: "A delivered parcel's trajectory has an event at each of the four nodes",
    description: `${JOURNEYS} The delivered parcel's trajectory must hold at least one event at ACCEPTANCE, SORTING, TRANSPORT and DELIVERY (OP-02).`,
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const happy = delivered(t, await journeys());
      const { events } = await readTrajectory(t, happy.waybillNo);
      const nodes = new Set(events.map((e) => e['node']));
      for (const node of ['ACCEPTANCE', 'SORTING', 'TRANSPORT', 'DELIVERY']) {
        t.assert(nodes.has(node), M.eventAtNode({ waybillNo: happy.waybillNo, node, statuses: events.map(statusOf).join(', ') }));
      }
    },
  }),
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/node-matches-status',
    requirements: ['ECDX-TRK-003'],
    title: 'Every event carries the node its status belongs to',
    description: `${JOURNEYS} Each event's node must be the one the ECDX node table assigns to its status; an EXCEPTION or STALLED event keeps the node of the event before it (ACCEPTANCE when it is the first).`,
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      for (const { label, events } of await readJourneys(t, await journeys())) {
        const findings: Finding[] = [];
        let previous: TrackingNode | undefined;
        events.forEach((e, i) => {
          const status = statusOf(e);
          if (isKnownStatus(status)) {
            const expected = nodeForStatus(status, previous);
            if (e['node'] !== expected)
              findings.push({
                pointer: itemPointer(i, '/node'),
                message: M.wrongNode({
                  parcel: label,
                  event: describeEvent(e),
                  node: String(e['node']),
                  reason: statusNode[status] ? M.nodeTableAssigns({ status, expected }) : M.keepsNodeBefore({ expected }),
                }),
              });
          }
          previous = typeof e['node'] === 'string' ? (e['node'] as TrackingNode) : previous;
        });
        t.expectNone(findings, M.nodesOfStatuses({ parcel: label, n: events.length }));
      }
    },
  }),
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/sub-status-fits',
    requirements: ['ECDX-TRK-004'],
    title: 'A sub-status accompanies only a status the taxonomy assigns it to',
    description: `${JOURNEYS} Every event that carries a subStatus must pair it with one of the statuses the ECDX taxonomy lists for it.`,
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      for (const { label, events } of await readJourneys(t, await journeys())) {
        const findings: Finding[] = [];
        events.forEach((e, i) => {
          const sub = subStatusOf(e);
          if (sub === undefined) return;
          const parents: readonly string[] = isKnownSubStatus(sub) ? subStatusParents[sub] : [];
          if (!parents.includes(statusOf(e)))
            findings.push({
              pointer: itemPointer(i, '/subStatus'),
              message: M.subStatusMisplaced({
                parcel: label,
                event: describeEvent(e),
                subStatus: sub,
                parents: parents.length ? joinTexts(parents, W.or()) : M.noTaxonomyStatus(),
                status: statusOf(e),
              }),
            });
        });
        t.expectNone(findings, M.subStatusesFit({ parcel: label }));
      }
    },
  }),
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/sequence-contiguous',
    requirements: ['ECDX-TRK-005'],
    title: 'Events are numbered 1, 2, 3 … without gaps and listed in that order',
    description: `${JOURNEYS} Read 100 events a page, each trajectory's sequences must be exactly 1 … n in the order listed.`,
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      for (const { label, events } of await readJourneys(t, await journeys())) {
        const sequences = events.map(sequenceOf);
        const gap = sequences.findIndex((s, i) => s !== i + 1);
        t.assert(
          gap < 0,
          gap < 0
            ? M.numberedInOrder({ parcel: label, n: sequences.length })
            : M.sequenceGap({ parcel: label, position: gap + 1, sequence: String(sequences[gap]), sequences: sequences.join(', ') }),
          gap < 0 ? {} : { pointer: itemPointer(gap, '/sequence') },
        );
      }
    },
  }),
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/event-identity-stable',
    requirements: ['ECDX-TRK-006'],
    title: 'Every eventId is unique and always comes with the same event',
    description:
      `${JOURNEYS} No eventId may appear twice across the two waybills, and every event read while the parcels ` +
      'travelled must be identical, member for member, to the event with its eventId read at the end.',
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const j = await journeys();
      const now = await readJourneys(t, j);
      const owner = new Map<string, Bilingual>();
      const duplicates: Finding[] = [];
      for (const { label, events } of now) {
        events.forEach((e, i) => {
          const id = eventIdOf(e);
          const other = owner.get(id);
          if (other)
            duplicates.push({
              pointer: itemPointer(i, '/eventId'),
              message: M.duplicateEventId({ parcel: label, event: describeEvent(e), eventId: id, other }),
            });
          owner.set(id, M.eventOf({ event: describeEvent(e), parcel: label }));
        });
      }
      t.expectNone(duplicates, M.distinctEventIds({ n: owner.size }));
      const latest = new Map(now.flatMap(({ events }) => events.map((e) => [eventIdOf(e), canonicalJson(e)] as const)));
      const changed: Finding[] = [];
      let compared = 0;
      for (const journey of [j.happy, j.rejected]) {
        for (const snapshot of journey.snapshots) {
          for (const e of snapshot.events) {
            compared++;
            const before = canonicalJson(e);
            const again = latest.get(eventIdOf(e));
            if (again === undefined)
              changed.push({
                message: M.eventGone({ event: describeEvent(e), waybillNo: journey.waybillNo, eventId: eventIdOf(e) }),
              });
            else if (again !== before)
              changed.push({
                message: M.eventChanged({
                  event: describeEvent(e),
                  waybillNo: journey.waybillNo,
                  eventId: eventIdOf(e),
                  earlier: before.slice(0, 300),
                  now: again.slice(0, 300),
                }),
              });
          }
        }
      }
      t.expectNone(changed, M.eventsUnchanged({ n: compared }));
    },
  }),
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/timestamps-ordered',
    requirements: ['ECDX-TRK-007'],
    title: 'An event is recorded after it occurred and not after the answer that serves it',
    description:
      `${JOURNEYS} For every event of every read made while the parcels travelled: occurredAt ≤ recordedAt, and ` +
      "recordedAt at most 30 s after the time (on the target's clock) the read was answered.",
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const j = await journeys();
      const reads = [
        ...j.happy.snapshots.map((s) => ({ ...s, waybillNo: j.happy.waybillNo })),
        ...j.rejected.snapshots.map((s) => ({ ...s, waybillNo: j.rejected.waybillNo })),
      ];
      for (const { waybillNo, events, answeredAt } of await readJourneys(t, j)) reads.push({ events, answeredAt, waybillNo });
      const early: Finding[] = [];
      const ahead: Finding[] = [];
      for (const { events, answeredAt, waybillNo } of reads) {
        events.forEach((e, i) => {
          const occurred = Date.parse(String(e['occurredAt']));
          const recorded = Date.parse(String(e['recordedAt']));
          if (occurred > recorded)
            early.push({
              pointer: itemPointer(i, '/recordedAt'),
              message: M.recordedBeforeOccurred({
                waybillNo,
                event: describeEvent(e),
                recordedAt: String(e['recordedAt']),
                occurredAt: String(e['occurredAt']),
              }),
            });
          if (recorded > answeredAt + 30 * SECOND) {
            const message = M.recordedAfterAnswer({
              waybillNo,
              event: describeEvent(e),
              recordedAt: String(e['recordedAt']),
              answeredAt: new Date(answeredAt).toISOString(),
            });
            ahead.push({ pointer: itemPointer(i, '/recordedAt'), message });
          }
        });
      }
      t.expectNone(early, M.noneRecordedEarly({ n: reads.length }));
      t.expectNone(ahead, M.noneRecordedAhead({ n: reads.length }));
    },
  }),
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/recorded-promptly',
    requirements: ['ECDX-TRK-008'],
    title: 'Events are recorded within 30 minutes of occurring',
    description: `${JOURNEYS} For every event, recordedAt − occurredAt should not exceed 30 minutes (a warning, not a failure).`,
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      for (const { label, events } of await readJourneys(t, await journeys())) {
        const late: Finding[] = [];
        events.forEach((e, i) => {
          const lag = Date.parse(String(e['recordedAt'])) - Date.parse(String(e['occurredAt']));
          const message = M.recordedLate({ parcel: label, event: describeEvent(e), lag: describeMinutes(lag) });
          if (lag > 30 * MINUTE) late.push({ pointer: itemPointer(i, '/recordedAt'), message });
        });
        t.expectNone(late, M.recordedPromptly({ parcel: label }));
      }
    },
  }),
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/terminal-flag',
    requirements: ['ECDX-TRK-013'],
    title: 'terminal is true on the event that ends the trajectory, and on no other',
    description:
      `${JOURNEYS} Only a DELIVERED, RETURNED or CANCELLED event, or an EXCEPTION with EXCEPTION_LOST or ` +
      'EXCEPTION_DESTROYED, may be terminal; a terminal event must be the last; and a trajectory that ended — ' +
      'with DELIVERED, RETURNED or CANCELLED, nothing following for a day of test-clock time — must flag its last event.',
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const j = await journeys();
      delivered(t, j);
      for (const { label, events } of await readJourneys(t, j)) {
        const findings: Finding[] = [];
        events.forEach((e, i) => {
          if (e['terminal'] !== true) return;
          const status = statusOf(e);
          if (!(isKnownStatus(status) && mayBeTerminal(status, subStatusOf(e) as TrackingSubStatus | undefined)))
            findings.push({ pointer: itemPointer(i, '/terminal'), message: M.terminalNotAllowed({ parcel: label, event: describeEvent(e) }) });
          if (i !== events.length - 1)
            findings.push({
              pointer: itemPointer(i, '/terminal'),
              message: M.terminalNotLast({ parcel: label, event: describeEvent(e), n: events.length - 1 - i }),
            });
        });
        const last = events[events.length - 1];
        if (last && ENDING_STATUSES.includes(statusOf(last)) && last['terminal'] !== true) {
          findings.push({
            pointer: itemPointer(events.length - 1, '/terminal'),
            message: M.endNotFlagged({ parcel: label, event: describeEvent(last), terminal: String(last['terminal']) }),
          });
        }
        const flagged = last?.['terminal'] === true;
        const passed = flagged ? M.onlyLastTerminal({ event: describeEvent(last!) }) : M.noneTerminal();
        t.expectNone(findings, M.parcelSays({ parcel: label, message: passed }));
      }
    },
  }),
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/nothing-after-terminal',
    requirements: ['ECDX-TRK-014'],
    title: 'No event is recorded after the terminal event',
    description: `${JOURNEYS} After the event that ends a trajectory (flagged terminal, or DELIVERED, RETURNED or CANCELLED) no further event may follow, a day of test-clock time later.`,
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const j = await journeys();
      delivered(t, j);
      for (const { label, events } of await readJourneys(t, j)) {
        const end = endIndex(events);
        const after = end < 0 ? [] : events.slice(end + 1);
        t.assert(
          after.length === 0,
          end < 0
            ? M.notEnded({ parcel: label })
            : after.length === 0
              ? M.nothingAfterEnd({ parcel: label, event: describeEvent(events[end]!) })
              : M.eventsAfterEnd({ parcel: label, event: describeEvent(events[end]!), after: joinTexts(after.map(describeEvent)), n: after.length }),
          after.length ? { pointer: itemPointer(end + 1) } : {},
        );
      }
    },
  }),
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/location-present',
    requirements: ['ECDX-TRK-015'],
    title: 'Every handled event names its facility, with a division code in the mainland',
    description: `${JOURNEYS} Every event other than ORDER_CREATED, AWAITING_PICKUP and CANCELLED must carry a location naming the facility (code or name), with a divisionCode when countryCode is absent or CN.`,
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      for (const { label, events } of await readJourneys(t, await journeys())) {
        const findings: Finding[] = [];
        for (const [i, e] of events.entries()) {
          if (['ORDER_CREATED', 'AWAITING_PICKUP', 'CANCELLED'].includes(statusOf(e))) continue;
          const location = e['location'];
          if (typeof location !== 'object' || location === null) {
            findings.push({ pointer: itemPointer(i), message: M.noLocation({ parcel: label, event: describeEvent(e) }) });
            continue;
          }
          const l = location as Record<string, unknown>;
          if (typeof l['facilityCode'] !== 'string' && typeof l['facilityName'] !== 'string')
            findings.push({
              pointer: itemPointer(i, '/location'),
              message: M.noFacility({ parcel: label, event: describeEvent(e) }),
            });
          if ((l['countryCode'] === undefined || l['countryCode'] === 'CN') && typeof l['divisionCode'] !== 'string')
            findings.push({
              pointer: itemPointer(i, '/location'),
              message: M.noDivisionCode({ parcel: label, event: describeEvent(e), location: JSON.stringify(l) }),
            });
        }
        t.expectNone(findings, M.locationsPresent({ parcel: label }));
      }
    },
  }),
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/real-name-outcome',
    requirements: ['ECDX-TRK-016'],
    title: 'The ACCEPTED event carries the outcome of the real-name check',
    description: `${JOURNEYS} Each ACCEPTED event must carry a valid \`realNameVerification\` (whether the sender was verified, with which document type, when) — never the document number.`,
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const reads = await readJourneys(t, await journeys());
      const accepted = reads.flatMap(({ label, events }) => events.flatMap((e, i) => (statusOf(e) === 'ACCEPTED' ? [{ label, e, i }] : [])));
      t.precondition(accepted.length > 0, M.noAcceptedEvent());
      for (const { label, e, i } of accepted) {
        const outcome = e['realNameVerification'];
        const found = violations(schemaByName('RealNameVerification'), outcome, 3);
        t.assert(
          outcome !== undefined && found.length === 0,
          outcome === undefined
            ? M.noRealName({ parcel: label, event: describeEvent(e) })
            : found.length
              ? M.realNameInvalid({ parcel: label, event: describeEvent(e), violations: violationsText(found) })
              : M.realNameValid({ parcel: label, event: describeEvent(e) }),
          { pointer: itemPointer(i, '/realNameVerification') },
        );
      }
    },
  }),
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/raw-code-carried',
    requirements: ['ECDX-TRK-017'],
    title: 'Events carry the native code they were mapped from',
    description: `${JOURNEYS} Every event other than ORDER_CREATED and STALLED (which several native lists lack) should carry \`carrierRawCode\` (a warning, not a failure).`,
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      for (const { label, events } of await readJourneys(t, await journeys())) {
        const without = events.flatMap((e, i) =>
          !['ORDER_CREATED', 'STALLED'].includes(statusOf(e)) && (typeof e['carrierRawCode'] !== 'object' || e['carrierRawCode'] === null)
            ? [{ pointer: itemPointer(i), message: M.noRawCode({ parcel: label, event: describeEvent(e) }) }]
            : [],
        );
        t.expectNone(without, M.rawCodesCarried({ parcel: label }));
      }
    },
  }),
];
