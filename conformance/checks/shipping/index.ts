// Shipping data (chapter Shipping data, OP-01): creating a shipment, reading it back, cancelling it. The invalid
// bodies of the request schemas are in vectors.ts; the privacy and consent rules on the same data are the privacy/
// and consent/ checks'.
import { PROHIBITED_CONTENTS_CATEGORIES, ACCEPTED_SHIPMENT_STATUSES, type Shipment } from '../../../schemas/src/index.ts';
import { defineCheck } from '../../harness/check.ts';
import type { HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
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
import { expectRefusal, problemSummary } from '../../kit/refusals.ts';
import { DAY, HOUR } from '../../kit/time.ts';
import { generatedShippingChecks } from './generated.ts';
import { shippingVectorChecks } from './vectors.ts';

/** A Shipment answer: the status, then a valid Shipment. */
function expectShipment(t: TestContext, response: HttpResponse, status: number, what: string): Shipment {
  t.expectStatus(response, status, what);
  return t.expectSchema<Shipment>(response, 'Shipment', what);
}

/** Cancel a shipment the check created; precondition-failed unless it ends CANCELLED with cancelledAt. */
async function cancelled(t: TestContext, waybillNo: string): Promise<Shipment> {
  const response = await t.http.post(cancellationPath(waybillNo), cancellationRequest());
  t.precondition(response.status === 200, `the cancellation of a new shipment answered ${response.status}${problemSummary(response)} (see ECDX-SHP-009)`);
  const shipment = response.json as Shipment | undefined;
  t.precondition(
    shipment?.status === 'CANCELLED' && typeof shipment.cancelledAt === 'string',
    'the cancellation of a new shipment did not answer a CANCELLED Shipment with cancelledAt (see ECDX-SHP-009)',
  );
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
    t.precondition(response.status === 200, `GET /v1/shipments/${waybillNo} answered ${response.status}${problemSummary(response)}`);
    status = (response.json as { status?: unknown } | undefined)?.status;
    if (typeof status === 'string' && ACCEPTED.includes(status)) return { waybillNo, status, response };
  }
  t.precondition(
    false,
    `24 hours after creation the parcel on the regular path is still not accepted (status ${String(status)}), so there is no accepted shipment to work with`,
  );
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
      const shipment = expectShipment(t, response, 201, 'POST /v1/shipments with valid shipping data');
      t.assert(shipment.status === 'CREATED', `the new shipment is in status CREATED (got ${shipment.status})`);
      const difference = describeDifference(request, shipment.request);
      t.assert(
        difference === undefined,
        difference ? `the shipment's request is not the request sent: ${difference}` : 'the shipment carries the request as sent, member by member',
      );
      const location = response.headers['location'];
      t.assert(location !== undefined && location !== '', 'the 201 answer carries a Location header');
      let path = '';
      try {
        path = decodeURIComponent(new URL(location!, response.sent.url).pathname);
      } catch {
        path = location!;
      }
      t.assert(path.endsWith(`/v1/shipments/${shipment.waybillNo}`), `the Location header names /v1/shipments/${shipment.waybillNo} (got ${location})`);
    },
  }),
  defineCheck({
    id: 'shipping/waybill-per-shipment',
    requirements: ['ECDX-SHP-002'],
    title: 'Every shipment gets its own waybill number, also for the same order',
    description:
      'Sends two valid requests with the same `platformOrderId` (an order shipped as two parcels) and expects two ' +
      'shipments with different waybill numbers, both still readable with their own data.',
    async run(t) {
      const order = orderId();
      const first = await createShipment(t, { platformOrderId: order });
      const second = await createShipment(t, { platformOrderId: order, contents: [{ name: '运动短裤', category: 'CLOTHING_FOOTWEAR', quantity: 1 }] });
      t.assert(first.waybillNo !== second.waybillNo, `two shipments of order ${order} got different waybill numbers (both got ${first.waybillNo})`);
      const read = await t.http.get(shipmentPath(first.waybillNo));
      t.assert(read.status === 200, `the first shipment ${first.waybillNo} is still held after the second was created (GET answered ${read.status})`);
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
        what: `POST /v1/shipments addressed to carrier ${other}`,
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
        what: `POST /v1/shipments with contents in the prohibited categories ${firstProhibited} and ${secondProhibited}`,
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
      t.assert(
        response.status === 201,
        `POST /v1/shipments with only the required members: expected HTTP 201, got ${response.status}${problemSummary(response)}`,
      );
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
      const shipment = expectShipment(t, response, 200, `GET /v1/shipments/${created.waybillNo}`);
      t.assert(shipment.waybillNo === created.waybillNo, `the shipment read has waybill number ${created.waybillNo} (got ${shipment.waybillNo})`);
      t.assert(sameInstant(shipment.createdAt, created.shipment.createdAt), `createdAt is still ${created.shipment.createdAt} (got ${shipment.createdAt})`);
      const difference = describeDifference(created.request, shipment.request);
      t.assert(
        difference === undefined,
        difference ? `the request held is not the request accepted: ${difference}` : 'the request held equals the request accepted, member by member',
      );
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
      expectRefusal(t, read, 404, 'not-found', { what: `GET /v1/shipments/${waybillNo} (never issued)` });
      const cancel = await t.http.post(cancellationPath(waybillNo), cancellationRequest());
      expectRefusal(t, cancel, 404, 'not-found', { what: `POST /v1/shipments/${waybillNo}/cancellation (never issued)` });
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
      const shipment = expectShipment(t, response, 200, `POST /v1/shipments/${waybillNo}/cancellation`);
      t.assert(shipment.status === 'CANCELLED', `the cancellation answers status CANCELLED (got ${shipment.status})`);
      t.assert(typeof shipment.cancelledAt === 'string', 'the cancellation answers cancelledAt');
      const read = await t.http.get(shipmentPath(waybillNo));
      const held = expectShipment(t, read, 200, `GET /v1/shipments/${waybillNo} after the cancellation`);
      t.assert(held.status === 'CANCELLED', `after the cancellation, GET reports status CANCELLED (got ${held.status})`);
      t.assert(
        sameInstant(held.cancelledAt, shipment.cancelledAt),
        `after the cancellation, GET reports cancelledAt ${shipment.cancelledAt} (got ${held.cancelledAt ?? 'none'})`,
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
      const again = expectShipment(t, response, 200, `a second POST /v1/shipments/${waybillNo}/cancellation`);
      t.assert(again.status === 'CANCELLED', `the repeated cancellation answers status CANCELLED (got ${again.status})`);
      t.assert(
        sameInstant(again.cancelledAt, first.cancelledAt),
        `the repeated cancellation keeps cancelledAt ${first.cancelledAt} (got ${again.cancelledAt ?? 'none'})`,
      );
      const difference = describeDifference(first, again);
      t.assert(
        difference === undefined,
        difference ? `the repeated cancellation changed the shipment: ${difference}` : 'the repeated cancellation answers the shipment unchanged',
      );
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
      const answers: [string, () => Promise<HttpResponse>, number][] = [];
      const created = await postShipment(t, request);
      t.precondition(created.status === 201, `POST /v1/shipments with valid shipping data answered ${created.status} (see ECDX-SHP-001)`);
      const waybillNo = (created.json as { waybillNo?: unknown } | undefined)?.waybillNo;
      t.precondition(typeof waybillNo === 'string', 'the answer to POST /v1/shipments names no waybillNo');
      answers.push(['GET', () => t.http.get(shipmentPath(waybillNo as string)), 200]);
      answers.push(['the cancellation', () => t.http.post(cancellationPath(waybillNo as string), cancellationRequest()), 200]);
      const judge = (response: HttpResponse, what: string) => {
        const shipment = t.expectSchema<Shipment>(response, 'Shipment', what);
        const found = timeInconsistencies(shipment);
        t.assert(
          found.length === 0,
          found.length ? `${what}: the shipment's times contradict each other: ${found.join('; ')}` : `${what}: the shipment's times are consistent`,
        );
      };
      judge(created, 'POST /v1/shipments');
      for (const [what, send, status] of answers) {
        const response = await send();
        t.precondition(response.status === status, `${what} of ${waybillNo} answered ${response.status}${problemSummary(response)}`);
        judge(response, `${what} of ${waybillNo}`);
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
      expectRefusal(t, response, 409, 'shipment-already-accepted', { what: `POST /v1/shipments/${waybillNo}/cancellation of a shipment in status ${status}` });
      const after = await t.http.get(shipmentPath(waybillNo));
      const shipment = expectShipment(t, after, 200, `GET /v1/shipments/${waybillNo} after the refused cancellation`);
      t.assert(
        shipment.status !== 'CANCELLED' && shipment.cancelledAt === undefined,
        `the refused cancellation left the shipment as it was (now status ${shipment.status}${shipment.cancelledAt ? `, cancelledAt ${shipment.cancelledAt}` : ''})`,
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
      const shipment = t.expectSchema<Shipment>(response, 'Shipment', `GET /v1/shipments/${waybillNo} once accepted`);
      const found = timeInconsistencies(shipment);
      t.assert(
        found.length === 0,
        found.length
          ? `the accepted shipment's times contradict each other: ${found.join('; ')}`
          : `the accepted shipment's times are consistent (createdAt ${shipment.createdAt}, acceptedAt ${shipment.acceptedAt})`,
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
      const held = expectShipment(t, read, 200, `GET /v1/shipments/${waybillNo} 2 days after its cancellation`);
      t.assert(held.status === 'CANCELLED', `2 days after the cancellation, GET reports status CANCELLED (got ${held.status})`);
      t.assert(
        sameInstant(held.cancelledAt, first.cancelledAt),
        `2 days after the cancellation, GET reports cancelledAt ${first.cancelledAt} (got ${held.cancelledAt ?? 'none'})`,
      );
    },
  }),
];

/** Every check of the shipping data and its privacy rules (carrier targets). */
export const shippingChecks = [...coreChecks, ...shippingVectorChecks, ...generatedShippingChecks, ...testModeChecks];
