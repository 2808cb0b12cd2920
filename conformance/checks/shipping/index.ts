// Shipping data (chapter Shipping data, OP-01): creating a shipment, reading it back, cancelling it. The invalid
// bodies of the request schemas are in vectors.ts; the privacy and consent rules on the same data are the privacy/
// and consent/ checks'.
import { PROHIBITED_CONTENTS_CATEGORIES, ACCEPTED_SHIPMENT_STATUSES, type Shipment } from '../../../schemas/src/index.ts';
import { defineCheck } from '../../harness/check.ts';
import type { HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
import { joinTexts, verbatim, type Text } from '../../i18n/text.ts';
import {
  cancellationPath,
  cancellationRequest,
  createShipment,
  happyOrderId,
  happyShipment,
  minimalShipmentRequest,
  orderId,
  postShipment,
  shipmentPath,
  shipmentRequest,
  unknownWaybillNo,
} from '../../kit/shipping-data.ts';
import { expectRefusalNaming, timeInconsistencies } from '../../kit/shipping-refusals.ts';
import { targetCarrierCode } from '../../kit/claim.ts';
import { describeDifference } from '../../kit/json.ts';
import { expectRefusal, problemSummaryText } from '../../kit/refusals.ts';
import { DAY, HOUR } from '../../kit/time.ts';
import { generatedShippingChecks } from './generated.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';
import { shippingVectorChecks } from './vectors.ts';

/** A Shipment answer: the status, then a valid Shipment. */
function expectShipment(t: TestContext, response: HttpResponse, status: number, what: Text): Shipment {
  t.expectStatus(response, status, what);
  return t.expectSchema<Shipment>(response, 'Shipment', what);
}

/** Cancel a shipment the check created; precondition-failed unless it ends CANCELLED with cancelledAt. */
async function cancelled(t: TestContext, waybillNo: string): Promise<Shipment> {
  const response = await t.http.post(cancellationPath(waybillNo), cancellationRequest());
  t.precondition(response.status === 200, M.newCancellationAnswered({ status: response.status, problem: problemSummaryText(response) }));
  const shipment = response.json as Shipment | undefined;
  t.precondition(shipment?.status === 'CANCELLED' && typeof shipment.cancelledAt === 'string', M.newCancellationNotCancelled());
  return shipment!;
}

const ACCEPTED = ACCEPTED_SHIPMENT_STATUSES as readonly string[];

/** Two RFC 3339 times that name the same instant (however each is written). */
const sameInstant = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && Date.parse(a) === Date.parse(b);

/**
 * A new shipment on the regular path that the carrier has taken in (收寄): the target's clock is moved 6 hours on,
 * and once more by 18 hours if the parcel is still not accepted. Precondition-failed when it never is.
 */
async function acceptedShipment(t: TestContext): Promise<{ waybillNo: string; status: string; response: HttpResponse }> {
  t.requireTestMode();
  const { waybillNo } = await createShipment(t, { platformOrderId: happyOrderId() });
  let status: unknown;
  let response: HttpResponse | undefined;
  for (const hours of [6, 18]) {
    await t.advanceClock(hours * HOUR);
    response = await t.http.get(shipmentPath(waybillNo));
    t.precondition(
      response.status === 200,
      M.getAnswered({ path: `/v1/shipments/${waybillNo}`, status: response.status, problem: problemSummaryText(response) }),
    );
    status = (response.json as { status?: unknown } | undefined)?.status;
    if (typeof status === 'string' && ACCEPTED.includes(status)) return { waybillNo, status, response };
  }
  t.precondition(false, M.notAcceptedAfterADay({ status: String(status) }));
  throw new Error('unreachable: the precondition ended the check');
}

const coreChecks = [
  defineCheck({
    id: 'shipping/create-shipment',
    requirements: ['ECDX-SHP-001'],
    title: 'Valid shipping data is accepted with a waybill number',
    description:
      'Sends a complete, valid `ShipmentRequest` (the schema example, addressed to the carrier code of the claim) to ' +
      '`POST /v1/shipments` and expects 201, a `Location` header naming `/v1/shipments/{waybillNo}`, and a `Shipment` ' +
      'in status `CREATED` whose `request` equals, member by member, the request sent.',
    async run(t) {
      const request = shipmentRequest(t);
      const response = await postShipment(t, request);
      const shipment = expectShipment(t, response, 201, M.labelValidPost());
      t.assert(shipment.status === 'CREATED', M.newShipmentCreated({ status: String(shipment.status) }));
      const difference = describeDifference(request, shipment.request);
      t.assert(difference === undefined, difference ? M.requestNotAsSent({ difference }) : M.requestAsSent());
      const location = response.headers['location'];
      t.assert(location !== undefined && location !== '', M.locationHeader());
      let path = '';
      try {
        path = decodeURIComponent(new URL(location!, response.sent.url).pathname);
      } catch {
        path = location!;
      }
      t.assert(path.endsWith(`/v1/shipments/${shipment.waybillNo}`), M.locationNames({ waybillNo: String(shipment.waybillNo), location: String(location) }));
    },
  }),
  defineCheck({
    id: 'shipping/waybill-per-shipment',
    requirements: ['ECDX-SHP-002'],
    title: 'Every shipment gets its own waybill number, also for the same order',
    description:
      'Sends two valid requests with the same `platformOrderId` (an order shipped as two parcels) and expects two ' +
      'shipments with different waybill numbers, the first still readable after the second was created.',
    async run(t) {
      const order = orderId();
      const first = await createShipment(t, { platformOrderId: order });
      const second = await createShipment(t, { platformOrderId: order, contents: [{ name: '运动短裤', category: 'CLOTHING_FOOTWEAR', quantity: 1 }] });
      t.assert(first.waybillNo !== second.waybillNo, M.differentWaybills({ order, waybillNo: first.waybillNo }));
      const read = await t.http.get(shipmentPath(first.waybillNo));
      t.assert(read.status === 200, M.firstStillHeld({ waybillNo: first.waybillNo, status: read.status }));
    },
  }),
  defineCheck({
    id: 'shipping/foreign-carrier-code-refused',
    requirements: ['ECDX-SHP-004'],
    title: 'Shipping data addressed to another carrier is refused',
    description: 'Sends a valid request whose `carrierCode` is not the one of the claim and expects 422 `validation-failed` naming `/carrierCode`.',
    async run(t) {
      const own = targetCarrierCode(t);
      const other = own === 'ECDXOTHER' ? 'ECDXELSE' : 'ECDXOTHER';
      const response = await postShipment(t, shipmentRequest(t, { carrierCode: other }));
      expectRefusalNaming(t, response, {
        status: 422,
        slug: 'validation-failed',
        pointers: ['/carrierCode'],
        what: M.labelOtherCarrier({ carrier: other }),
      });
    },
  }),
  defineCheck({
    id: 'shipping/prohibited-contents-refused',
    requirements: ['ECDX-SHP-005'],
    title: 'Prohibited contents are refused with prohibited-contents',
    description:
      'Sends a valid request with three contents lines, the second and third in prohibited categories, and expects ' +
      '422 `prohibited-contents` whose `invalidParams` point at `/contents/1/category` and `/contents/2/category`.',
    async run(t) {
      const [firstProhibited, secondProhibited] = [PROHIBITED_CONTENTS_CATEGORIES[0], PROHIBITED_CONTENTS_CATEGORIES[10]];
      const contents = [
        { name: '纯棉T恤', category: 'CLOTHING_FOOTWEAR', quantity: 1 },
        { name: '仿真枪', category: firstProhibited, quantity: 1 },
        { name: '违禁品', category: secondProhibited, quantity: 1 },
      ];
      const response = await postShipment(t, shipmentRequest(t, { contents }));
      expectRefusalNaming(t, response, {
        status: 422,
        slug: 'prohibited-contents',
        pointers: ['/contents/1/category', '/contents/2/category'],
        what: M.labelProhibitedContents({ first: firstProhibited, second: secondProhibited }),
      });
    },
  }),
  defineCheck({
    id: 'shipping/minimal-request-accepted',
    requirements: ['ECDX-SHP-006'],
    title: 'A request with only the required members is accepted',
    description:
      'Sends a valid request without any optional member (no company, privacy number, district, street, postal ' +
      'code, unit, declared value, weight, dimensions or consents) and expects 201: a carrier may not make an ' +
      'optional member a condition of accepting shipping data.',
    async run(t) {
      const response = await postShipment(t, minimalShipmentRequest(t));
      t.assert(response.status === 201, M.minimalExpected201({ status: response.status, problem: problemSummaryText(response) }));
    },
  }),
  defineCheck({
    id: 'shipping/read-shipment',
    requirements: ['ECDX-SHP-007'],
    title: 'A shipment reads back as it was created',
    description:
      "Reads the run's shared shipment with `GET /v1/shipments/{waybillNo}` and expects 200 with a `Shipment` whose " +
      'waybill number and creation time are those of the 201 answer and whose `request` equals the request sent, ' +
      'member by member.',
    uses: { created: happyShipment },
    async run(t, { created: shared }) {
      const created = await shared();
      const response = await t.http.get(shipmentPath(created.waybillNo));
      const shipment = expectShipment(t, response, 200, verbatim(`GET /v1/shipments/${created.waybillNo}`));
      t.assert(shipment.waybillNo === created.waybillNo, M.readWaybillNo({ expected: created.waybillNo, got: String(shipment.waybillNo) }));
      t.assert(
        sameInstant(shipment.createdAt, created.shipment.createdAt),
        M.createdAtStill({ expected: String(created.shipment.createdAt), got: String(shipment.createdAt) }),
      );
      const difference = describeDifference(created.request, shipment.request);
      t.assert(difference === undefined, difference ? M.heldNotAccepted({ difference }) : M.heldEqualsAccepted());
    },
  }),
  defineCheck({
    id: 'shipping/unknown-waybill-not-found',
    requirements: ['ECDX-SHP-008'],
    title: 'An unknown waybill number is answered 404 not-found',
    description: 'Reads and cancels a well-formed waybill number the carrier never issued and expects 404 `not-found` for both.',
    async run(t) {
      const waybillNo = unknownWaybillNo();
      const read = await t.http.get(shipmentPath(waybillNo));
      expectRefusal(t, read, 404, 'not-found', { what: M.neverIssued({ request: `GET /v1/shipments/${waybillNo}` }) });
      const cancel = await t.http.post(cancellationPath(waybillNo), cancellationRequest());
      expectRefusal(t, cancel, 404, 'not-found', { what: M.neverIssued({ request: `POST /v1/shipments/${waybillNo}/cancellation` }) });
    },
  }),
  defineCheck({
    id: 'shipping/cancel-created-shipment',
    requirements: ['ECDX-SHP-009'],
    title: 'A shipment not yet accepted can be cancelled',
    description:
      'Creates a shipment, cancels it at once with a valid `CancellationRequest` and expects 200 with the `Shipment` ' +
      'in status `CANCELLED` with `cancelledAt`; a following `GET` must report the same status and time.',
    async run(t) {
      const { waybillNo } = await createShipment(t);
      const response = await t.http.post(cancellationPath(waybillNo), cancellationRequest());
      const shipment = expectShipment(t, response, 200, verbatim(`POST /v1/shipments/${waybillNo}/cancellation`));
      t.assert(shipment.status === 'CANCELLED', M.cancellationStatus({ status: String(shipment.status) }));
      t.assert(typeof shipment.cancelledAt === 'string', M.cancellationCancelledAt());
      const read = await t.http.get(shipmentPath(waybillNo));
      const held = expectShipment(t, read, 200, M.labelGetAfterCancellation({ waybillNo }));
      t.assert(held.status === 'CANCELLED', M.afterCancellationStatus({ status: String(held.status) }));
      t.assert(
        sameInstant(held.cancelledAt, shipment.cancelledAt),
        M.afterCancellationCancelledAt({ expected: String(shipment.cancelledAt), got: held.cancelledAt ?? W.none() }),
      );
    },
  }),
  defineCheck({
    id: 'shipping/repeat-cancellation',
    requirements: ['ECDX-SHP-011'],
    title: 'A repeated cancellation answers the shipment unchanged',
    description:
      'Creates and cancels a shipment, waits a second, cancels it again (a new `Idempotency-Key`, as a retry after a ' +
      'lost answer) and expects 200 with the same `Shipment`: status `CANCELLED`, `cancelledAt` the time of the first ' +
      'cancellation.',
    async run(t) {
      const { waybillNo } = await createShipment(t);
      const first = await cancelled(t, waybillNo);
      await t.sleep(1_100);
      const response = await t.http.post(cancellationPath(waybillNo), cancellationRequest());
      const again = expectShipment(t, response, 200, M.labelSecondCancellation({ waybillNo }));
      t.assert(again.status === 'CANCELLED', M.repeatedStatus({ status: String(again.status) }));
      t.assert(
        sameInstant(again.cancelledAt, first.cancelledAt),
        M.repeatedKeepsCancelledAt({ expected: String(first.cancelledAt), got: again.cancelledAt ?? W.none() }),
      );
      const difference = describeDifference(first, again);
      t.assert(difference === undefined, difference ? M.repeatedChanged({ difference }) : M.repeatedUnchanged());
    },
  }),
  defineCheck({
    id: 'shipping/shipment-consistent',
    requirements: ['ECDX-SHP-013'],
    title: 'Every Shipment answered is valid and consistent in time',
    description:
      'Checks the `Shipment` answered by `POST /v1/shipments`, by `GET /v1/shipments/{waybillNo}` and by the ' +
      'cancellation: each valid against the schema, `createdAt` no later than `acceptedAt` and `cancelledAt`, ' +
      '`updatedAt` no earlier than any other time in it.',
    async run(t) {
      const request = shipmentRequest(t);
      const answers: [Text, () => Promise<HttpResponse>, number][] = [];
      const created = await postShipment(t, request);
      t.precondition(created.status === 201, M.validPostAnswered({ status: created.status }));
      const waybillNo = (created.json as { waybillNo?: unknown } | undefined)?.waybillNo;
      t.precondition(typeof waybillNo === 'string', M.noWaybillNo());
      answers.push([M.labelGetOf({ waybillNo: waybillNo as string }), () => t.http.get(shipmentPath(waybillNo as string)), 200]);
      answers.push([
        M.labelCancellationOf({ waybillNo: waybillNo as string }),
        () => t.http.post(cancellationPath(waybillNo as string), cancellationRequest()),
        200,
      ]);
      const judge = (response: HttpResponse, what: Text) => {
        const shipment = t.expectSchema<Shipment>(response, 'Shipment', what);
        const found = timeInconsistencies(shipment);
        t.assert(found.length === 0, found.length ? M.timesContradict({ what, found: joinTexts(found, W.semicolon()) }) : M.timesConsistent({ what }));
      };
      judge(created, verbatim('POST /v1/shipments'));
      for (const [what, send, status] of answers) {
        const response = await send();
        t.precondition(response.status === status, M.labelAnswered({ what, status: response.status, problem: problemSummaryText(response) }));
        judge(response, what);
      }
    },
  }),
];

const testModeChecks = [
  defineCheck({
    id: 'shipping/accepted-shipment-not-cancellable',
    requirements: ['ECDX-SHP-010'],
    needs: ['clock'],
    title: 'An accepted shipment cannot be cancelled',
    description:
      "Creates a shipment on the regular path (`ecdx-happy-…`), moves the target's clock 6 hours on (24 at most) so " +
      'that the carrier has taken the parcel in (收寄), and expects its cancellation to be refused with 409 ' +
      '`shipment-already-accepted` and the shipment left as it was.',
    async run(t) {
      const { waybillNo, status } = await acceptedShipment(t);
      const response = await t.http.post(cancellationPath(waybillNo), cancellationRequest());
      expectRefusal(t, response, 409, 'shipment-already-accepted', { what: M.labelCancellationInStatus({ waybillNo, status }) });
      const after = await t.http.get(shipmentPath(waybillNo));
      const shipment = expectShipment(t, after, 200, M.labelGetAfterRefused({ waybillNo }));
      t.assert(
        shipment.status !== 'CANCELLED' && shipment.cancelledAt === undefined,
        M.refusedLeftAsItWas({
          status: String(shipment.status),
          cancelledAt: shipment.cancelledAt ? M.cancelledAtNow({ cancelledAt: shipment.cancelledAt }) : '',
        }),
      );
    },
  }),
  defineCheck({
    id: 'shipping/accepted-shipment-consistent',
    requirements: ['ECDX-SHP-013'],
    needs: ['clock'],
    title: 'An accepted shipment is valid and consistent in time',
    description:
      "Creates a shipment on the regular path, moves the target's clock until the carrier has taken the parcel in, " +
      'and expects `GET /v1/shipments/{waybillNo}` to answer a valid `Shipment` with `acceptedAt`, `createdAt` no ' +
      'later than `acceptedAt` and `updatedAt` no earlier than either.',
    async run(t) {
      const { waybillNo, response } = await acceptedShipment(t);
      const shipment = t.expectSchema<Shipment>(response, 'Shipment', M.labelGetOnceAccepted({ waybillNo }));
      const found = timeInconsistencies(shipment);
      t.assert(
        found.length === 0,
        found.length
          ? M.acceptedTimesContradict({ found: joinTexts(found, W.semicolon()) })
          : M.acceptedTimesConsistent({ createdAt: String(shipment.createdAt), acceptedAt: String(shipment.acceptedAt) }),
      );
    },
  }),
  defineCheck({
    id: 'shipping/cancellation-lasts',
    requirements: ['ECDX-SHP-009'],
    needs: ['clock'],
    title: 'A cancelled shipment stays cancelled',
    description:
      "Creates a shipment on the regular path, cancels it, moves the target's clock 2 days on (past the time the " +
      'parcel would have been delivered) and expects `GET` still to report `CANCELLED` with the first `cancelledAt`.',
    async run(t) {
      t.requireTestMode();
      const { waybillNo } = await createShipment(t, { platformOrderId: happyOrderId() });
      const first = await cancelled(t, waybillNo);
      await t.advanceClock(2 * DAY);
      const read = await t.http.get(shipmentPath(waybillNo));
      const held = expectShipment(t, read, 200, M.labelGetTwoDaysAfter({ waybillNo }));
      t.assert(held.status === 'CANCELLED', M.twoDaysStatus({ status: String(held.status) }));
      t.assert(
        sameInstant(held.cancelledAt, first.cancelledAt),
        M.twoDaysCancelledAt({ expected: String(first.cancelledAt), got: held.cancelledAt ?? W.none() }),
      );
    },
  }),
];

/** Every check of the shipping data and its privacy rules (carrier targets). */
export const shippingChecks = [...coreChecks, ...shippingVectorChecks, ...generatedShippingChecks, ...testModeChecks];
