// Generated tracking checks (kit/generated.ts): the invalid queries of GET /v1/shipments/{waybillNo}/events derived
// from its parameters' schemas (a limit that is not an integer of at least 1), sent for the run's shipment: each
// must be refused with 422 validation-failed naming the parameter. The cursor is not varied: whether the carrier can
// honour one is judged after the lookup, not by its form (ECDX-ERR-011), and answered 422 for a known waybill
// (ECDX-TRK-011, tracking/cursor-not-issued-refused).
import { defineCheck } from '../../harness/check.ts';
import { expectGeneratedQueryRefusals, queryOf } from '../../kit/generated.ts';
import { happyShipment, shipmentPath } from '../../kit/shipping-data.ts';

export const generatedTrackingChecks = [
  defineCheck({
    id: 'tracking/generated-invalid-page-query-refused',
    requirements: ['ECDX-TRK-010', 'ECDX-ERR-003', 'ECDX-ERR-004'],
    class: 'carrier-tracking-pull',
    title: 'Every invalid page query derived from the parameters is refused naming the parameter',
    description:
      'Derives the invalid queries of `GET /v1/shipments/{waybillNo}/events` from its parameters’ schemas — `limit` ' +
      'not an integer, below 1 — and sends each for the run’s shipment. Each must be refused with 422 ' +
      '`validation-failed` naming the parameter, never served, never 5xx. (The cursor is not varied: whether the carrier ' +
      'can honour one is judged after the lookup, not by its form, ECDX-ERR-011; `tracking/cursor-not-issued-refused` checks it.)',
    uses: { shipment: happyShipment },
    async run(t, { shipment }) {
      const { waybillNo } = await shipment();
      const { parameters, valid } = queryOf('listTrackingEvents');
      // A limit above maxPageSize is served as maxPageSize, not refused (ECDX-TRK-010): the schema's int32 maximum
      // only keeps the number representable, so it is no refusal rule to vary.
      const limit = parameters
        .filter((p) => p.name === 'limit')
        .map((p) => {
          const { maximum: _served, ...schema } = p.schema as Record<string, unknown>;
          return { ...p, schema };
        });
      await expectGeneratedQueryRefusals(t, {
        path: `${shipmentPath(waybillNo)}/events`,
        parameters: limit,
        valid: { limit: valid['limit']! },
        requirement: 'ECDX-TRK-010',
      });
    },
  }),
];
