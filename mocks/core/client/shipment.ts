// The `send-shipment` action: the shipping data of one of the mock's own test orders, sent as a platform sends it
// (POST /v1/shipments). It is the schema's own example, addressed to the counterparty's carrier code and with its
// dates current on the mock's clock: nothing ShipmentRequest does not define, and nothing hidden in what it does
// (ECDX-PRV-011).
import { randomUUID } from 'node:crypto';
import { gb11643CheckCharacter } from '../../../schemas/identifiers.ts';
import { ShipmentRequest, type Shipment } from '../../../schemas/src/index.ts';
import { DAY, formatTimestamp, wholeSecond } from '../../../schemas/time.ts';
import { ActionFailed, type ClientSession, expectStatus } from './session.ts';

/** A checksum-valid, fictitious resident ID number: what the shipment-carries-resident-id fault hides. */
const HIDDEN_RESIDENT_ID = `33010619880815002${gb11643CheckCharacter('33010619880815002')}`;

/** Send the order and answer its waybill number. */
export async function sendShipment(session: ClientSession, platformOrderId = `ecdx-happy-${randomUUID()}`): Promise<string> {
  const claim = await session.claim();
  const carrierCode = claim.party.carrierCode;
  if (claim.role !== 'carrier' || carrierCode === undefined) throw new ActionFailed('the counterparty does not claim to be a carrier with a carrier code');
  const order = testOrder(session, platformOrderId, carrierCode);
  const created = expectStatus(await session.create('/v1/shipments', order, platformOrderId), 201, 'POST /v1/shipments') as Partial<Shipment> | undefined;
  if (typeof created?.waybillNo !== 'string') throw new ActionFailed('POST /v1/shipments answered 201 without a waybill number');
  return created.waybillNo;
}

function testOrder(session: ClientSession, platformOrderId: string, carrierCode: string): ShipmentRequest {
  const example = structuredClone(ShipmentRequest.examples[0] as ShipmentRequest);
  const now = wholeSecond(session.mock.clock.now());
  const { recipient, sender } = example;
  return {
    ...example,
    platformOrderId,
    carrierCode,
    // The virtual number is valid for two weeks from now on the mock's clock, as a platform issues one per order.
    recipient: recipient.privacyNumber
      ? { ...recipient, privacyNumber: { ...recipient.privacyNumber, expiresAt: formatTimestamp(now + 14 * DAY) } }
      : recipient,
    ...(session.mock.fault('shipment-carries-resident-id')
      ? { sender: { ...sender, company: `${sender.company ?? '个人'} 法人身份证${HIDDEN_RESIDENT_ID}` } }
      : {}),
  };
}
