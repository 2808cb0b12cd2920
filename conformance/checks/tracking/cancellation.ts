// The cancellation in the trajectory (chapter Parcel data, ECDX-TRK-020): a shipment cancelled before acceptance ends
// its trajectory with a terminal CANCELLED event, provided by the time the cancellation is answered.
import { defineCheck } from '../../harness/check.ts';
import { cancellationPath, cancellationRequest, createShipment } from '../../kit/shipping-data.ts';
import { describeEvent, readTrajectory, sequenceOf, statusOf } from '../../kit/trajectory.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

export const trackingCancellationChecks = [
  defineCheck({
    id: 'tracking/cancellation-recorded',
    requirements: ['ECDX-TRK-020'],
    title: 'A cancelled shipment’s trajectory ends with a terminal CANCELLED event',
    description:
      'Creates a shipment, reads its trajectory, cancels it at once and reads the trajectory again: it must end with ' +
      'one new event, `CANCELLED`, the next sequence, `terminal` true, at the `ACCEPTANCE` node, whose `occurredAt` ' +
      "is the shipment's `cancelledAt`; the events before stay as they were.",
    async run(t) {
      const { waybillNo } = await createShipment(t);
      const before = (await readTrajectory(t, waybillNo)).events;
      const response = await t.http.post(cancellationPath(waybillNo), cancellationRequest());
      const shipment = response.json as { status?: unknown; cancelledAt?: unknown } | undefined;
      t.precondition(
        response.status === 200 && shipment?.status === 'CANCELLED' && typeof shipment.cancelledAt === 'string',
        M.cancellationNotAnswered({ waybillNo, status: response.status }),
      );
      const after = (await readTrajectory(t, waybillNo)).events;
      const kept = after.slice(0, before.length).map((e) => e['eventId']);
      t.assert(
        kept.join() === before.map((e) => e['eventId']).join(),
        M.eventsBeforeCancellationKept({ n: before.length, statuses: after.map(statusOf).join(', ') }),
      );
      const last = after[after.length - 1];
      const shown = after.map(statusOf).join(', ') || M.noEvents();
      t.assert(
        last !== undefined && statusOf(last) === 'CANCELLED' && after.length === before.length + 1,
        M.endsWithNewCancelled({ before: before.map(statusOf).join(', ') || M.noEvents(), after: shown }),
      );
      if (last === undefined || statusOf(last) !== 'CANCELLED') return;
      const previous = before[before.length - 1];
      t.assert(
        sequenceOf(last) === (previous ? sequenceOf(previous) + 1 : 1),
        M.takesNextSequence({ event: describeEvent(last), previous: previous ? describeEvent(previous) : W.none() }),
      );
      t.assert(last['terminal'] === true, M.cancelledIsTerminal({ event: describeEvent(last), terminal: String(last['terminal']) }));
      t.assert(last['node'] === 'ACCEPTANCE', M.cancelledAtAcceptance({ event: describeEvent(last), node: String(last['node']) }));
      const occurred = typeof last['occurredAt'] === 'string' ? Date.parse(last['occurredAt']) : Number.NaN;
      t.assert(
        occurred === Date.parse(shipment!.cancelledAt as string),
        M.cancelledOccurredAt({ event: describeEvent(last), cancelledAt: String(shipment!.cancelledAt), occurredAt: String(last['occurredAt']) }),
      );
    },
  }),
];
