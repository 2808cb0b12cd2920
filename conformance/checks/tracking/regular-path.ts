// The regular path (chapter Parcel data §7, ECDX-TRK-019): every ecdx-happy- parcel of the shared journeys (the
// happy one and the namesakes, all ordered on the regular path) shows only the statuses the path allows, in order.
import { defineCheck, defineGroup } from '../../harness/check.ts';
import type { Finding } from '../../harness/context.ts';
import { regularPathDeviation } from '../../kit/regular-path.ts';
import { delivered, journeys, readTrajectory, statusOf, subStatusOf } from '../../kit/trajectory.ts';
import { M } from './messages.ts';

const onTheTestClock = defineGroup({ needs: ['clock'] });

export const trackingRegularPathChecks = [
  defineCheck({
    group: onTheTestClock,
    id: 'tracking/happy-parcels-on-regular-path',
    requirements: ['ECDX-TRK-019'],
    title: 'A parcel ordered with an ecdx-happy- order id follows the regular path',
    description:
      'Reads the trajectories of the shared `ecdx-happy-` parcels after they travelled on the test clock and expects each ' +
      'to be the regular path of chapter *Parcel data* §7: optionally ORDER_CREATED and AWAITING_PICKUP, ACCEPTED, ' +
      'SORTING, IN_TRANSIT, ARRIVED_DEST_CITY (and CUSTOMS across the border) in any order and number with at least ' +
      'one SORTING and one TRANSPORT event, OUT_FOR_DELIVERY once, DELIVERED / DELIVERED_SELF.',
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const all = await journeys();
      const parcels = [delivered(t, all), ...all.namesakes];
      const findings: Finding[] = [];
      for (const { waybillNo } of parcels) {
        const { events } = await readTrajectory(t, waybillNo);
        const deviation = regularPathDeviation(events.map((e) => ({ status: statusOf(e), subStatus: subStatusOf(e) })));
        if (deviation) findings.push({ message: M.offRegularPath({ waybillNo, statuses: events.map(statusOf).join(', '), deviation }) });
      }
      t.expectNone(findings, M.allOnRegularPath({ n: parcels.length }));
    },
  }),
];
