// Generated shipping checks (conformance/generate/, kit/generated.ts): what the hand-written vectors of vectors.ts
// cannot reach. The invalid requests are derived from ShipmentRequest and CancellationRequest member by member and
// keyword by keyword; the valid ones are drawn by fast-check from ShipmentRequest. Deterministic for `--seed`,
// bounded by `--fuzz-runs`; a failure is reported with the smallest request that shows it.
import { CancellationRequest, ShipmentRequest, type Shipment } from '../../../schemas/src/index.ts';
import { arbitraryFor } from '../../generate/arbitrary.ts';
import { UNDEFINED_MEMBER } from '../../generate/invalid.ts';
import { defineCheck } from '../../harness/check.ts';
import type { Finding, TestContext } from '../../harness/context.ts';
import { checkProperty, drawnOnce, expectGeneratedRefusals, fullInstance, leaveOutAlike, shownText } from '../../kit/generated.ts';
import { shippingDataArbitrary } from '../../kit/generated-shipping.ts';
import { describeDifference } from '../../kit/json.ts';
import { problemSummaryText } from '../../kit/refusals.ts';
import { cancellationPath, createShipment, postShipment, shipmentPath, type ShipmentBody } from '../../kit/shipping-data.ts';
import { verbatim } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { requirementOfBreak } from './vectors.ts';

/** Members a valid request left out that a refusal named: the target made an optional member a condition (ECDX-SHP-006). */
function namesAbsentMember(body: ShipmentBody, response: { json?: unknown }): string | undefined {
  const params = (response.json as { invalidParams?: { name?: unknown }[] } | undefined)?.invalidParams ?? [];
  for (const { name } of params) {
    if (typeof name !== 'string' || name === '') continue;
    let node: unknown = body;
    for (const token of name.split('/').slice(1)) node = node === undefined || node === null ? undefined : (node as Record<string, unknown>)[token];
    if (node === undefined) return name;
  }
  return undefined;
}

/** Send valid shipping data, read the shipment back: accepted (201) and held member for member as sent. */
async function heldAsSent(t: TestContext, body: ShipmentBody): Promise<Finding | undefined> {
  const created = await postShipment(t, body);
  const sent = M.labelGenerated({ body: shownText(body) });
  if (created.status !== 201) {
    const absent = namesAbsentMember(body, created);
    return {
      message: M.generatedExpected201({
        sent,
        status: created.status,
        problem: problemSummaryText(created),
        absent: absent ? M.namingAbsent({ pointer: absent }) : '',
      }),
      // Consent made a condition is ECDX-CON-003's failure; any other optional member, ECDX-SHP-006's.
      requirementId: absent === '/consents' ? 'ECDX-CON-003' : absent ? 'ECDX-SHP-006' : 'ECDX-SHP-001',
    };
  }
  const shipment = created.json as Shipment | undefined;
  const answered = describeDifference(body, shipment?.request);
  if (answered) return { message: M.generatedAnswerNotSent({ sent, difference: answered }), requirementId: 'ECDX-SHP-001' };
  const read = await t.http.get(shipmentPath(shipment!.waybillNo));
  if (read.status !== 200)
    return {
      message: M.generatedGetAfter({ path: shipmentPath(shipment!.waybillNo), sent, status: read.status, problem: problemSummaryText(read) }),
      requirementId: 'ECDX-SHP-007',
    };
  const held = describeDifference(body, (read.json as Shipment | undefined)?.request);
  return held ? { message: M.generatedHeldNotSent({ sent, difference: held }), requirementId: 'ECDX-SHP-007' } : undefined;
}

export const generatedShippingChecks = [
  defineCheck({
    id: 'shipping/generated-invalid-shipping-data-refused',
    requirements: ['ECDX-SHP-003', 'ECDX-PRV-010', 'ECDX-PRV-012', 'ECDX-CON-004', 'ECDX-ERR-003', 'ECDX-ERR-004', 'ECDX-ERR-008'],
    class: 'carrier-shipping',
    title: 'Every invalid ShipmentRequest derived from the schema is refused naming its member',
    description:
      'Derives invalid requests from `ShipmentRequest` itself, starting from a valid request with every member the ' +
      'schema defines (drawn with the run’s seed, addressed to the target’s carrier code): each required member ' +
      'missing, each member of a wrong type, each pattern and format broken, each bound passed by one, an undefined ' +
      'member in each closed object, each enum and constant left, oversized strings and arrays — then `--fuzz-runs` ' +
      'random valid requests with one such break each, and the request declared as text/plain. Each must be refused ' +
      'with 422 `validation-failed` naming the member it breaks (415 for text/plain), never 2xx, never 5xx ' +
      '(ECDX-ERR-004). A purpose other than DELIVERY is judged under ECDX-PRV-012, an undefined member under ' +
      'ECDX-PRV-010, a recipient abroad without cross-border details under ECDX-CON-004. A failure shows the smallest ' +
      'request that still fails and the keyword it breaks.',
    async run(t) {
      await expectGeneratedRefusals(t, {
        what: verbatim('POST /v1/shipments'),
        schema: ShipmentRequest,
        base: drawnOnce(t, shippingDataArbitrary(t, { optionalMembers: 'always' })),
        arbitrary: shippingDataArbitrary(t),
        send: (body, headers) => t.http.post('/v1/shipments', body, headers ? { headers } : {}),
        requirement: 'ECDX-SHP-003',
        requirementOf: (v) => requirementOfBreak([v.pointer], v.keyword === 'additionalProperties' && v.pointer.endsWith(`/${UNDEFINED_MEMBER}`)),
        preferred: 'ECDX-SHP-003',
        mediaTypeRequirement: 'ECDX-ERR-008',
      });
    },
  }),
  defineCheck({
    id: 'shipping/generated-shipping-data-held-as-sent',
    requirements: ['ECDX-SHP-001', 'ECDX-SHP-006', 'ECDX-SHP-007', 'ECDX-CON-003'],
    class: 'carrier-shipping',
    title: 'Generated valid shipping data is accepted and held member for member as sent',
    description:
      'Draws `--fuzz-runs` valid ShipmentRequests from the schema with the run’s seed — names and addresses in ' +
      'Chinese of every Unicode plane, Latin with diacritics and emoji, every telephone form the schema allows, one ' +
      'to five contents lines, values at the edges of their bounds, domestic and cross-border shipments, with and ' +
      'without optional members — addressed to the target’s carrier code, without prohibited contents, with ' +
      'current consents. Each must be answered 201 with the request as sent (ECDX-SHP-001) and read back with ' +
      '`GET /v1/shipments/{waybillNo}` equal to it member by member (ECDX-SHP-007); a refusal naming a member ' +
      'the request leaves out fails ECDX-SHP-006. A failure is shrunk to the smallest request that still fails, ' +
      'shown with the seed that reproduces it.',
    async run(t) {
      const from = t.evidence.length;
      const failed = await checkProperty(t, shippingDataArbitrary(t), (body) => heldAsSent(t, body));
      leaveOutAlike(t, from, (status) => status >= 200 && status < 300);
      t.expectNone(failed ? [failed] : [], M.allGeneratedHeld({ n: t.fuzzRuns, seed: t.seed }), { requirementId: 'ECDX-SHP-007' });
    },
  }),
  defineCheck({
    id: 'shipping/generated-invalid-cancellation-refused',
    requirements: ['ECDX-SHP-012', 'ECDX-ERR-003', 'ECDX-ERR-004'],
    class: 'carrier-shipping',
    title: 'Every invalid CancellationRequest derived from the schema is refused',
    description:
      'Creates a shipment and sends to its `POST /v1/shipments/{waybillNo}/cancellation` the invalid requests ' +
      'derived from `CancellationRequest` (each member missing, of a wrong type, past its bounds or enum, an ' +
      'undefined member, oversized) and `--fuzz-runs` random ones. Each must be refused with 422 ' +
      '`validation-failed` naming the member it breaks, and the shipment must afterwards still be in status `CREATED`.',
    async run(t) {
      const { waybillNo } = await createShipment(t);
      const path = cancellationPath(waybillNo);
      const arbitrary = arbitraryFor<Record<string, unknown>>(CancellationRequest);
      await expectGeneratedRefusals(t, {
        what: verbatim(`POST ${path}`),
        schema: CancellationRequest,
        base: fullInstance(t, CancellationRequest),
        arbitrary,
        send: (body, headers) => t.http.post(path, body, headers ? { headers } : {}),
        requirement: 'ECDX-SHP-012',
      });
      const read = await t.http.get(shipmentPath(waybillNo));
      t.precondition(read.status === 200, M.getAnswered({ path: shipmentPath(waybillNo), status: read.status, problem: problemSummaryText(read) }));
      const status = (read.json as Shipment | undefined)?.status;
      t.assert(status === 'CREATED', M.stillCreated({ status: String(status) }));
    },
  }),
];
