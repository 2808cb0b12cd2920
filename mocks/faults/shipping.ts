// Faults of the shipping operations (POST /v1/shipments, GET /v1/shipments/{waybillNo}, the cancellation): each
// breaks one rule of chapter Shipping data or of the consent and minimisation rules of chapter Privacy. The switches
// are read where the rule is enforced (mocks/core/operations/shipments.ts); the rewrites change the answers of
// createShipment or getShipment. Those that accept a request the schema refuses repair it after the pipeline
// refused it, since schema validation happens before the operation runs.
import { ShipmentRequest, type Shipment } from '../../schemas/src/index.ts';
import { problemTypeUri } from '../../schemas/src/problems.ts';
import { violations } from '../../schemas/validate.ts';
import { acceptShippingData } from '../core/operations/shipments.ts';
import { validationProblem } from '../core/respond.ts';
import { formatTimestamp } from '../../schemas/time.ts';
import type { MockResponse, OperationInput } from '../core/types.ts';
import { defineFault } from '../core/faults.ts';

/** A validation-failed refusal (of POST /v1/shipments) that was not a replay of a stored answer. */
const refusedShippingData = (r: MockResponse): boolean =>
  r.status === 422 && r.headers['idempotency-replayed'] !== 'true' && (r.body as { type?: string } | undefined)?.type === problemTypeUri('validation-failed');

/** Accept the repaired request when the repair alone makes it valid; otherwise the refusal stands. */
function acceptRepaired(input: OperationInput, r: MockResponse, repair: (body: Record<string, unknown>) => Record<string, unknown> | undefined): MockResponse {
  if (!refusedShippingData(r) || typeof input.body !== 'object' || input.body === null || Array.isArray(input.body)) return r;
  const repaired = repair(structuredClone(input.body as Record<string, unknown>));
  return repaired && violations(ShipmentRequest, repaired).length === 0 ? acceptShippingData(input, repaired) : r;
}

/** Delete the member a JSON Pointer names. */
function deleteAt(root: Record<string, unknown>, pointer: string): void {
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens.pop();
  let node: unknown = root;
  for (const token of tokens) node = (node as Record<string, unknown> | undefined)?.[token];
  if (last !== undefined && typeof node === 'object' && node !== null) delete (node as Record<string, unknown>)[last];
}

const shipmentBody = (r: MockResponse): Shipment | undefined => (r.status < 300 && typeof r.body === 'object' ? (r.body as Shipment) : undefined);

export const shippingFaults = [
  defineFault({
    name: 'shipment-readable-by-other-platforms',
    switch: 'shipment-readable-by-other-platforms',
    requirements: ['ECDX-PRV-008'],
    role: 'carrier',
    description: 'Answers GET /v1/shipments/{waybillNo} to any platform, not only to the one whose shipping data created it.',
  }),
  defineFault({
    name: 'shipment-created-without-location',
    requirements: ['ECDX-SHP-001'],
    role: 'carrier',
    description: 'Answers POST /v1/shipments with 201 and the shipment but without the Location header.',
    operation: 'createShipment',
    rewrite: (_input, r) => {
      if (r.status !== 201) return r;
      const { location: _dropped, ...headers } = r.headers;
      return { ...r, headers };
    },
  }),
  defineFault({
    name: 'waybill-reused-for-same-order',
    switch: 'waybill-reused-for-same-order',
    requirements: ['ECDX-SHP-002'],
    role: 'carrier',
    description: 'Gives a second request with the same platformOrderId the waybill number of the first (the shipment is replaced by the new data).',
  }),
  defineFault({
    name: 'accept-foreign-carrier-code',
    switch: 'accept-foreign-carrier-code',
    requirements: ['ECDX-SHP-004'],
    role: 'carrier',
    description: 'Accepts shipping data addressed to another carrier code instead of refusing it with 422 at /carrierCode.',
  }),
  defineFault({
    name: 'accept-prohibited-contents',
    switch: 'accept-prohibited-contents',
    requirements: ['ECDX-SHP-005'],
    role: 'carrier',
    description: 'Accepts shipping data whose contents declare a prohibited category instead of refusing it with prohibited-contents.',
  }),
  defineFault({
    name: 'require-package-weight',
    switch: 'require-package-weight',
    requirements: ['ECDX-SHP-006'],
    role: 'carrier',
    description:
      'Refuses shipping data without the optional package.totalWeightGrams (422 at /package/totalWeightGrams); requests that carry it, as the ShipmentRequest example does, are accepted.',
  }),
  defineFault({
    name: 'shipment-read-order-id-upper-cased',
    requirements: ['ECDX-SHP-007'],
    role: 'carrier',
    description:
      'GET /v1/shipments/{waybillNo} answers the request with platformOrderId in upper case, so it is no longer the request received (any order id with a lower-case letter shows it); POST still echoes it as sent.',
    operation: 'getShipment',
    rewrite: (_input, r) => {
      const shipment = shipmentBody(r);
      if (!shipment) return r;
      return { ...r, body: { ...shipment, request: { ...shipment.request, platformOrderId: shipment.request.platformOrderId.toUpperCase() } } };
    },
  }),
  defineFault({
    name: 'unknown-waybill-validation-failed',
    requirements: ['ECDX-SHP-008'],
    role: 'carrier',
    description: 'Answers GET /v1/shipments/{waybillNo} for a waybill it does not hold with 422 validation-failed (in: path) instead of 404 not-found.',
    operation: 'getShipment',
    rewrite: (_input, r) =>
      r.status === 404
        ? validationProblem([{ name: '/waybillNo', in: 'path', reason: 'not a waybill number of this carrier' }], 'The path does not match this operation.')
        : r,
  }),
  defineFault({
    name: 'cancelled-shipment-read-as-created',
    requirements: ['ECDX-SHP-009'],
    role: 'carrier',
    description: 'After a successful cancellation, GET /v1/shipments/{waybillNo} reports the shipment as CREATED again, without cancelledAt.',
    operation: 'getShipment',
    rewrite: (_input, r) => {
      const shipment = shipmentBody(r);
      if (shipment?.status !== 'CANCELLED') return r;
      const { cancelledAt: _dropped, ...rest } = shipment;
      return { ...r, body: { ...rest, status: 'CREATED' } };
    },
  }),
  defineFault({
    name: 'cancel-after-acceptance',
    switch: 'cancel-after-acceptance',
    requirements: ['ECDX-SHP-010'],
    role: 'carrier',
    description: 'Cancels a shipment the carrier has already accepted (收寄) instead of answering 409 shipment-already-accepted.',
  }),
  defineFault({
    name: 'repeat-cancellation-restamped',
    switch: 'repeat-cancellation-restamped',
    requirements: ['ECDX-SHP-011'],
    role: 'carrier',
    description: 'Answers a further cancellation of a cancelled shipment with a new cancelledAt (the time of the repeat) instead of the first one.',
  }),
  defineFault({
    name: 'shipment-updated-before-created',
    requirements: ['ECDX-SHP-013'],
    role: 'carrier',
    description: 'Answers POST /v1/shipments with a Shipment whose updatedAt lies an hour before its createdAt.',
    operation: 'createShipment',
    rewrite: (_input, r) => {
      const shipment = r.status === 201 ? shipmentBody(r) : undefined;
      if (!shipment) return r;
      return { ...r, body: { ...shipment, updatedAt: formatTimestamp(Date.parse(shipment.createdAt) - 3600_000) } };
    },
  }),
  defineFault({
    name: 'accept-lapsed-consent',
    switch: 'accept-lapsed-consent',
    requirements: ['ECDX-CON-002'],
    role: 'carrier',
    description: 'Accepts shipping data carrying a consent record that is withdrawn, expired, or expires before it was granted.',
  }),
  defineFault({
    name: 'consent-demanded-for-order',
    switch: 'consent-demanded-for-order',
    requirements: ['ECDX-CON-003'],
    role: 'carrier',
    description:
      'Makes consent a condition: once a platform sent shipping data with consent records for an order (platformOrderId), further requests for that order without consent records are refused with 422 at /consents.',
  }),
  defineFault({
    name: 'accept-cross-border-without-legal-basis',
    requirements: ['ECDX-CON-004'],
    role: 'carrier',
    description:
      'Accepts shipping data for a recipient outside the mainland that has no crossBorder details, holding it with a contract-performance exemption the platform never claimed.',
    operation: 'createShipment',
    rewrite: (input, r) =>
      acceptRepaired(input, r, (body) => {
        const recipient = body['recipient'] as { address?: { countryCode?: unknown } } | undefined;
        if (body['crossBorder'] !== undefined || recipient?.address?.countryCode === 'CN') return undefined;
        return { ...body, crossBorder: { legalBasis: 'CONTRACT_PERFORMANCE_EXEMPTION', overseasRecipient: 'ECDX Demo Carrier overseas partner' } };
      }),
  }),
  defineFault({
    name: 'ignore-separate-consent-reference',
    switch: 'ignore-separate-consent-reference',
    requirements: ['ECDX-CON-005'],
    role: 'carrier',
    description: 'Accepts a crossBorder.separateConsentId that names no CROSS_BORDER_TRANSFER consent record of the request.',
  }),
  defineFault({
    name: 'accept-undefined-members',
    requirements: ['ECDX-PRV-010'],
    role: 'carrier',
    description:
      'Accepts shipping data carrying members the standard does not define (an identity number, a birth date …), silently dropping them, instead of refusing it with 422.',
    operation: 'createShipment',
    rewrite: (input, r) =>
      acceptRepaired(input, r, (body) => {
        const unknown = violations(ShipmentRequest, body).filter((v) => v.message === 'Unexpected property');
        if (unknown.length === 0) return undefined;
        for (const v of unknown) deleteAt(body, v.pointer);
        return body;
      }),
  }),
  defineFault({
    name: 'accept-any-purpose',
    requirements: ['ECDX-PRV-012'],
    role: 'carrier',
    description: 'Accepts shipping data whose purpose is not DELIVERY, holding it as if it said DELIVERY, instead of refusing it with 422 at /purpose.',
    operation: 'createShipment',
    rewrite: (input, r) => acceptRepaired(input, r, (body) => (body['purpose'] === 'DELIVERY' ? undefined : { ...body, purpose: 'DELIVERY' })),
  }),
  // What hand-written vectors miss and generated requests find (conformance/checks/shipping/generated.ts).
  defineFault({
    name: 'address-detail-bound-off-by-one',
    requirements: ['ECDX-SHP-003'],
    role: 'carrier',
    description:
      'Checks the 200-character bound of an address detail off by one: a detail of 201 characters is accepted (and held cut to 200) instead of refused with 422.',
    operation: 'createShipment',
    rewrite: (input, r) =>
      acceptRepaired(input, r, (body) => {
        let cut = false;
        for (const party of ['sender', 'recipient']) {
          const address = (body[party] as { address?: { detail?: unknown } } | undefined)?.address;
          if (typeof address?.detail === 'string' && [...address.detail].length === 201) {
            address.detail = [...address.detail].slice(0, 200).join('');
            cut = true;
          }
        }
        return cut ? body : undefined;
      }),
  }),
  defineFault({
    name: 'package-accepts-undefined-members',
    requirements: ['ECDX-PRV-010'],
    role: 'carrier',
    description:
      'Accepts shipping data whose package carries a member the standard does not define, silently dropping it: the closed-object rule is enforced everywhere but in PackageInfo.',
    operation: 'createShipment',
    rewrite: (input, r) =>
      acceptRepaired(input, r, (body) => {
        const unknown = violations(ShipmentRequest, body).filter((v) => v.message === 'Unexpected property' && /^\/package\/[^/]+$/.test(v.pointer));
        if (unknown.length === 0) return undefined;
        for (const v of unknown) deleteAt(body, v.pointer);
        return body;
      }),
  }),
  defineFault({
    name: 'astral-characters-lost-on-store',
    switch: 'astral-characters-lost-on-store',
    // ECDX-PRV-001 too: a signatory masked from the mangled name (rule M1) is ?* where 𠮷* was due.
    requirements: ['ECDX-SHP-007', 'ECDX-PRV-001'],
    role: 'carrier',
    description:
      'Holds shipping data in three-byte UTF-8 (as a MySQL utf8 column): every character beyond the Basic Multilingual Plane (rare surnames of CJK Extension B, emoji) becomes ? in the shipment read back (the 201 answer, made from the request in hand, is still whole).',
  }),
  defineFault({
    name: 'cross-border-basis-reference-dropped',
    switch: 'cross-border-basis-reference-dropped',
    requirements: ['ECDX-SHP-007'],
    role: 'carrier',
    description:
      'Loses the basisReference of a cross-border shipment (the filing or certificate number of its legal basis) when it holds the shipping data: the shipment read back lacks it (the 201 answer still shows it).',
  }),
];
