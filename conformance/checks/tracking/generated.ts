// Generated tracking checks (kit/generated.ts): the invalid queries of GET /v1/shipments/{waybillNo}/events derived
// from its parameters' schemas (a limit that is not an integer of at least 1), sent for a
// waybill the carrier never issued: the query is judged before the lookup (ECDX-ERR-011), so each must be refused
// with 422 validation-failed naming the parameter, not answered 404. The cursor is judged after the lookup.
import { defineCheck } from '../../harness/check.ts';
import { expectGeneratedQueryRefusals, queryOf } from '../../kit/generated.ts';
import { shipmentPath, unknownWaybillNo } from '../../kit/shipping-data.ts';

export const generatedTrackingChecks = [
  defineCheck({
    id: 'tracking/generated-invalid-page-query-refused',
    requirements: ['ECDX-TRK-010', 'ECDX-ERR-011', 'ECDX-ERR-003', 'ECDX-ERR-004'],
    class: 'carrier-tracking-pull',
    title: 'Every invalid page query derived from the parameters is refused naming the parameter, before the lookup',
    description:
      'Derives the invalid queries of `GET /v1/shipments/{waybillNo}/events` from its parameters’ schemas — `limit` ' +
      'not an integer, below 1 — and sends each for a waybill number the carrier never issued. ' +
      'Each must be refused with 422 `validation-failed` naming the parameter (the query is judged before the lookup, ' +
      'ECDX-ERR-011), never 404, never 5xx. (The cursor is judged after the lookup, so it is not varied here.)',
    async run(t) {
      // The cursor is judged after the lookup (ECDX-ERR-011): for an unknown waybill only the limit is the query's.
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
        path: `${shipmentPath(unknownWaybillNo())}/events`,
        parameters: limit,
        valid: { limit: valid['limit']! },
        requirement: 'ECDX-TRK-010',
      });
    },
  }),
];
