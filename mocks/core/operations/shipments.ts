// Shipping data (寄递数据, OP-01), as the mock carrier serves it: POST /v1/shipments, GET /v1/shipments/{waybillNo}
// and the cancellation. The pipeline has already checked the signature, the Idempotency-Key and the schema; what
// remains are the rules beyond the schema — the carrier code, prohibited contents, consent and cross-border
// references — and the life of the shipment, which follows its simulated trajectory (mocks/core/simulator/).
//
// Waybill numbers are `ECDX` + an 11-digit serial + a Luhn check digit (simulator/waybill-numbers.ts). Only the
// platform whose key signed the shipping data may read or cancel the shipment; to anyone else it does not exist.
// Test control (test mode): a platformOrderId starting `ecdx-happy-` is always delivered, `ecdx-path-<name>-` takes the named
// exception path (simulator/paths.ts); other parcels follow the path the seed picks.
import { isProhibitedContentsCategory, type CancellationRequest, type Shipment, type ShipmentRequest } from '../../../schemas/src/index.ts';
import type { InvalidParam } from '../../../schemas/src/problems.ts';
import { json, problemResponse, validationProblem } from '../respond.ts';
import { currentShipment, findOwnShipment, shipmentsOf, type StoredShipment } from '../simulator/shipment-record.ts';
import { simulatorFor } from '../simulator/simulator.ts';
import { formatTimestamp } from '../../../schemas/time.ts';
import { nextWaybillNumber } from '../simulator/waybill-numbers.ts';
import type { MockContext, MockResponse, OperationHandler, OperationInput } from '../types.ts';

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The same answer for a waybill that does not exist and one that belongs to another platform (ECDX-TRK-012). */
export const shipmentNotFound = (): MockResponse =>
  problemResponse('not-found', { detail: 'No shipment with this waybill number is held for the key that signed this request.' });

const ownCarrierCode = (mock: MockContext): string => mock.self.carrier.carrierCode ?? 'ECDXDEMO';

/** Consent records that cannot justify any use (ECDX-CON-002), and a separate consent that is not there (-005). */
function consentViolations(mock: MockContext, body: Record<string, unknown>): InvalidParam[] {
  const found: InvalidParam[] = [];
  const consents = list(body['consents']).map(record);
  if (!mock.fault('accept-lapsed-consent')) {
    const now = mock.clock.now();
    consents.forEach((consent, i) => {
      const granted = Date.parse(String(consent['grantedAt']));
      const expires = Date.parse(String(consent['expiresAt']));
      const reason =
        consent['withdrawnAt'] !== undefined
          ? 'the consent has been withdrawn'
          : expires <= granted
            ? 'expiresAt is not later than grantedAt'
            : expires <= now
              ? 'the consent has expired'
              : undefined;
      if (reason) found.push({ name: `/consents/${i}`, reason: `${reason}: a lapsed consent cannot accompany shipping data` });
    });
  }
  const separate = record(body['crossBorder'])['separateConsentId'];
  const referenced = consents.some((c) => c['consentId'] === separate && c['purpose'] === 'CROSS_BORDER_TRANSFER');
  if (separate !== undefined && !referenced && !mock.fault('ignore-separate-consent-reference')) {
    found.push({ name: '/crossBorder/separateConsentId', reason: 'names no consent record of this request with purpose CROSS_BORDER_TRANSFER' });
  }
  return found;
}

/** Earlier shipments of this platform for the same order. */
const sameOrder = (mock: MockContext, owner: string, orderId: unknown): StoredShipment[] =>
  shipmentsOf(mock)
    .values()
    .filter((s) => s.ownerKeyid === owner && record(s.shipment.request)['platformOrderId'] === orderId);

/** The rules of a ShipmentRequest beyond its schema, as 422 validation-failed members. */
function businessViolations(mock: MockContext, owner: string, body: Record<string, unknown>): InvalidParam[] {
  const found: InvalidParam[] = [];
  if (body['carrierCode'] !== ownCarrierCode(mock) && !mock.fault('accept-foreign-carrier-code')) {
    found.push({ name: '/carrierCode', reason: `the request is addressed to another carrier; this carrier's code is ${ownCarrierCode(mock)}` });
  }
  found.push(...consentViolations(mock, body));
  if (mock.fault('require-package-weight') && record(body['package'])['totalWeightGrams'] === undefined) {
    found.push({ name: '/package/totalWeightGrams', reason: 'this carrier needs the declared weight' });
  }
  if (mock.fault('consent-demanded-for-order') && list(body['consents']).length === 0) {
    const consentedBefore = sameOrder(mock, owner, body['platformOrderId']).some((s) => list(record(s.shipment.request)['consents']).length > 0);
    if (consentedBefore) found.push({ name: '/consents', reason: 'this order was sent with consent records before; send them again' });
  }
  return found;
}

/**
 * Accept shipping data for one parcel (ECDX-SHP-001): the handler of POST /v1/shipments, also called by the faults
 * that let a schema-invalid request through (mocks/faults/shipping.ts).
 */
export function acceptShippingData(input: OperationInput, payload: unknown): MockResponse {
  const { mock } = input;
  const owner = input.caller?.keyid ?? '-';
  const body = record(payload);
  const invalid = businessViolations(mock, owner, body);
  if (invalid.length > 0) return validationProblem(invalid, 'The shipping data breaks a rule of ECDX beyond its schema.');

  const prohibited = list(body['contents'])
    .map((line, i) => ({ category: record(line)['category'], i }))
    .filter(({ category }) => typeof category === 'string' && isProhibitedContentsCategory(category));
  if (prohibited.length > 0 && !mock.fault('accept-prohibited-contents')) {
    return problemResponse('prohibited-contents', {
      detail: 'The contents include goods that may not be sent by express delivery (禁止寄递物品).',
      invalidParams: prohibited.map(({ category, i }) => ({ name: `/contents/${i}/category`, reason: `${String(category)} is a prohibited category` })),
    });
  }

  const simulator = simulatorFor(mock);
  const held = heldRequest(mock, payload);
  const reused = mock.fault('waybill-reused-for-same-order') ? sameOrder(mock, owner, body['platformOrderId'])[0] : undefined;
  const waybillNo = reused?.shipment.waybillNo ?? nextWaybillNumber(mock.store);
  const createdAt = formatTimestamp(mock.clock.now());
  const shipment: Shipment = {
    waybillNo,
    carrierCode: ownCarrierCode(mock),
    status: 'CREATED',
    request: payload as ShipmentRequest,
    createdAt,
    updatedAt: createdAt,
  };
  // The answer is the request as received; what is held may differ only under a fault (heldRequest).
  shipmentsOf(mock).put(waybillNo, { ownerKeyid: owner, shipment: held === payload ? shipment : { ...shipment, request: held } });
  if (reused) simulator.restart(waybillNo);
  else simulator.follow(waybillNo);
  return json(201, shipment, { location: `/v1/shipments/${waybillNo}` });
}

/**
 * The request as the carrier holds it: as received — unless a fault loses part of it on the way into the store
 * (the 201 answer, made from the request in hand, still shows it whole):
 * characters beyond the Basic Multilingual Plane become `?` (a column of three-byte UTF-8, as MySQL's `utf8`), or a
 * cross-border shipment loses the reference number of its legal basis.
 */
function heldRequest(mock: MockContext, payload: unknown): ShipmentRequest {
  let held = payload as ShipmentRequest;
  if (mock.fault('astral-characters-lost-on-store')) held = JSON.parse(JSON.stringify(held).replace(/[\u{10000}-\u{10FFFF}]/gu, '?')) as ShipmentRequest;
  if (mock.fault('cross-border-basis-reference-dropped') && held.crossBorder?.basisReference !== undefined) {
    const { basisReference: _dropped, ...crossBorder } = held.crossBorder;
    held = { ...held, crossBorder };
  }
  return held;
}

const createShipment: OperationHandler = (input) => acceptShippingData(input, input.body);

/** The shipment as of virtual now; the stored copy is brought up to date when the trajectory has moved it. */
function refreshed(mock: MockContext, stored: StoredShipment): Shipment {
  const shipment = currentShipment(stored, simulatorFor(mock).recorded(stored));
  if (JSON.stringify(shipment) !== JSON.stringify(stored.shipment)) shipmentsOf(mock).put(shipment.waybillNo, { ...stored, shipment });
  return shipment;
}

const getShipment: OperationHandler = ({ mock, params, caller }) => {
  const waybillNo = params['waybillNo'] ?? '';
  const stored = mock.fault('shipment-readable-by-other-platforms') ? shipmentsOf(mock).get(waybillNo) : findOwnShipment(mock, waybillNo, caller?.keyid);
  return stored ? json(200, refreshed(mock, stored)) : shipmentNotFound();
};

const cancelShipment: OperationHandler = ({ mock, params, caller, body }) => {
  const stored = findOwnShipment(mock, params['waybillNo'] ?? '', caller?.keyid);
  if (!stored) return shipmentNotFound();
  const current = refreshed(mock, stored);
  if (current.status === 'CANCELLED') {
    if (!mock.fault('repeat-cancellation-restamped')) return json(200, current); // ECDX-SHP-011
    const now = formatTimestamp(mock.clock.now());
    return json(200, { ...current, cancelledAt: now, updatedAt: now });
  }
  if (current.status !== 'CREATED' && !mock.fault('cancel-after-acceptance')) {
    return problemResponse('shipment-already-accepted', { detail: 'The carrier has accepted (收寄) the parcel; it can no longer be cancelled.' });
  }
  const request = record(body) as Partial<CancellationRequest>;
  const cancellation: StoredShipment['cancellation'] = {
    reason: typeof request.reason === 'string' ? request.reason : 'OTHER',
    ...(typeof request.note === 'string' ? { note: request.note } : {}),
  };
  const cancelled: StoredShipment = { ...stored, shipment: { ...stored.shipment, cancelledAt: formatTimestamp(mock.clock.now()) }, cancellation };
  shipmentsOf(mock).put(current.waybillNo, cancelled);
  simulatorFor(mock).follow(current.waybillNo);
  return json(200, refreshed(mock, cancelled));
};

export const handlers = { createShipment, getShipment, cancelShipment } satisfies Record<string, OperationHandler>;
