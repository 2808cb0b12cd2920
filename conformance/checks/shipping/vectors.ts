// The invalid instances of the request schemas (schemas/vectors/ShipmentRequest.json and CancellationRequest.json),
// each breaking one named rule: every one must be refused with 422 validation-failed naming the member it breaks.
//
// A ShipmentRequest vector whose rule has a requirement of its own is judged under that requirement: a purpose
// other than DELIVERY under ECDX-PRV-012, an undefined member under ECDX-PRV-010, a recipient abroad without
// cross-border details under ECDX-CON-004; the rest under ECDX-SHP-003. When vectors of several requirements fail,
// the check names ECDX-SHP-003 if any of its own vectors failed (a target that validates nothing fails them all),
// otherwise the requirement of the first failure — its message lists every failing vector.
import type { Shipment } from '../../../schemas/src/index.ts';
import { defineCheck } from '../../harness/check.ts';
import type { Finding, TestContext } from '../../harness/context.ts';
import { joinTexts, verbatim } from '../../i18n/text.ts';
import { problemSummaryText } from '../../kit/refusals.ts';
import {
  cancellationPath,
  createShipment,
  invalidCancellationVectors,
  invalidShipmentVectors,
  postShipment,
  shipmentPath,
  shipmentRequest,
  type InvalidVector,
} from '../../kit/shipping-data.ts';
import { judgeRefusal } from '../../kit/shipping-refusals.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

/** The requirement a ShipmentRequest vector verifies. */
export const requirementOfVector = (vector: InvalidVector): string => requirementOfBreak(vector.pointers, vector.rule === 'extra-property');

/**
 * The requirement an invalid ShipmentRequest verifies, by the members it breaks and whether it breaks them by
 * adding a member the standard does not define: the same for the hand-written vectors and the generated variants.
 */
export function requirementOfBreak(pointers: readonly string[], undefinedMember: boolean): string {
  if (pointers.every((p) => p === '/purpose')) return 'ECDX-PRV-012';
  if (undefinedMember) return 'ECDX-PRV-010';
  if (pointers.length === 1 && pointers[0] === '/crossBorder') return 'ECDX-CON-004';
  return 'ECDX-SHP-003';
}

interface Outcome {
  description: string;
  findings: Finding[];
}

/**
 * One judgement over every vector sent: it holds when each was refused as required, and otherwise fails listing
 * every failing vector, naming the requirement of a finding about `preferred` if there is one (so that a target that
 * validates nothing is told so), else of the first. `preferred` undefined means the check's own requirement, which
 * the findings about it leave unnamed.
 */
function conclude(t: TestContext, outcomes: readonly Outcome[], schema: string, preferred?: string): void {
  const failing = outcomes.filter((o) => o.findings.length > 0);
  const chosen = failing.flatMap((o) => o.findings).find((f) => f.requirementId === preferred) ?? failing[0]?.findings[0];
  const list = joinTexts(
    failing.map((o) => M.vectorFailure({ description: o.description, finding: o.findings[0]!.message })),
    W.semicolon(),
  );
  const findings: Finding[] = chosen ? [{ ...chosen, message: M.vectorsNotRefused({ failed: failing.length, total: outcomes.length, schema, list }) }] : [];
  t.expectNone(findings, M.vectorsRefused({ total: outcomes.length, schema }));
}

export const shippingVectorChecks = [
  defineCheck({
    id: 'shipping/invalid-shipping-data-refused',
    requirements: ['ECDX-SHP-003', 'ECDX-PRV-010', 'ECDX-PRV-012', 'ECDX-CON-004'],
    class: 'carrier-shipping',
    title: 'Every invalid ShipmentRequest vector is refused naming its member',
    description:
      'Sends every invalid instance of `schemas/vectors/ShipmentRequest.json` (each breaks one named rule; sent with ' +
      "the target's carrier code, a fresh order id and current times), and one body with two invalid members, to " +
      '`POST /v1/shipments`. Each must be refused with 422 `validation-failed` whose `invalidParams` name every ' +
      'offending member by JSON Pointer. A purpose other than DELIVERY is judged under ECDX-PRV-012, an undefined ' +
      'member under ECDX-PRV-010, a recipient abroad without cross-border details under ECDX-CON-004.',
    async run(t) {
      const vectors: InvalidVector[] = [
        ...invalidShipmentVectors(t),
        {
          description: 'request with an unknown service level and no pieces (two invalid members)',
          rule: undefined,
          body: shipmentRequest(t, { service: 'WARP_SPEED', package: { count: 0, totalWeightGrams: 850 } }),
          pointers: ['/package/count', '/service'],
        },
      ];
      const outcomes: Outcome[] = [];
      for (const vector of vectors) {
        const requirementId = requirementOfVector(vector);
        const response = await postShipment(t, vector.body);
        outcomes.push({
          description: vector.description,
          findings: judgeRefusal(response, {
            status: 422,
            slug: 'validation-failed',
            requirementId,
            pointers: vector.pointers,
            what: verbatim('POST /v1/shipments'),
          }),
        });
      }
      conclude(t, outcomes, 'ShipmentRequest', 'ECDX-SHP-003');
    },
  }),
  defineCheck({
    id: 'shipping/invalid-cancellation-refused',
    requirements: ['ECDX-SHP-012'],
    title: 'Every invalid CancellationRequest vector is refused and changes nothing',
    description:
      'Creates a shipment and sends every invalid instance of `schemas/vectors/CancellationRequest.json` to its ' +
      '`POST /v1/shipments/{waybillNo}/cancellation`. Each must be refused with 422 `validation-failed` naming the ' +
      'offending member, and the shipment must afterwards still be in status `CREATED`, without `cancelledAt`.',
    async run(t) {
      const { waybillNo } = await createShipment(t);
      const outcomes: Outcome[] = [];
      for (const vector of invalidCancellationVectors()) {
        const response = await t.http.post(cancellationPath(waybillNo), vector.body);
        outcomes.push({
          description: vector.description,
          findings: judgeRefusal(response, {
            status: 422,
            slug: 'validation-failed',
            pointers: vector.pointers,
            pointerRequirementId: 'ECDX-ERR-003',
            what: verbatim(`POST /v1/shipments/${waybillNo}/cancellation`),
          }),
        });
      }
      conclude(t, outcomes, 'CancellationRequest');
      const read = await t.http.get(shipmentPath(waybillNo));
      t.precondition(read.status === 200, M.getAnswered({ path: `/v1/shipments/${waybillNo}`, status: read.status, problem: problemSummaryText(read) }));
      const shipment = t.expectSchema<Shipment>(read, 'Shipment', verbatim(`GET /v1/shipments/${waybillNo}`));
      t.assert(shipment.status !== 'CANCELLED' && shipment.cancelledAt === undefined, M.notCancelledAfterRefusals({ status: String(shipment.status) }));
    },
  }),
];
