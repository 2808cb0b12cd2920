// How the mock carrier keeps a shipment: collection `shipments`, keyed by waybill number, holding the Shipment as
// last answered, the keyid of the platform whose shipping data created it (the only party that may see it:
// ECDX-PRV-008, ECDX-TRK-012) and the cancellation. Other areas read it (e.g. a subscription's waybill scope).
// The status is not stored as truth: it follows from the trajectory recorded by virtual now (currentShipment).
import type { CancellationReason, Shipment, ShipmentStatus, TrackingStatus } from '../../../schemas/src/index.ts';
import type { MockContext } from '../types.ts';
import type { SimulatedEvent } from './trajectory.ts';
import { formatTimestamp } from '../../../schemas/time.ts';

const SHIPMENTS = 'shipments';

export interface StoredShipment {
  /** keyid of the platform that sent the shipping data. */
  ownerKeyid: string;
  shipment: Shipment;
  cancellation?: { reason: CancellationReason | string; note?: string };
}

export const shipmentsOf = (mock: MockContext) => mock.store.collection<StoredShipment>(SHIPMENTS);

/** The shipment with this waybill number if `keyid` owns it; another party's shipment is as unknown as none. */
export function findOwnShipment(mock: MockContext, waybillNo: string, keyid: string | undefined): StoredShipment | undefined {
  const record = shipmentsOf(mock).get(waybillNo);
  return record && record.ownerKeyid === keyid ? record : undefined;
}

const COARSE: Record<TrackingStatus, ShipmentStatus> = {
  ORDER_CREATED: 'CREATED',
  AWAITING_PICKUP: 'CREATED',
  ACCEPTED: 'ACCEPTED',
  SORTING: 'IN_PROGRESS',
  IN_TRANSIT: 'IN_PROGRESS',
  ARRIVED_DEST_CITY: 'IN_PROGRESS',
  CUSTOMS: 'IN_PROGRESS',
  REDIRECTED: 'IN_PROGRESS',
  RETURNING: 'IN_PROGRESS',
  OUT_FOR_DELIVERY: 'IN_PROGRESS',
  AT_PICKUP_POINT: 'IN_PROGRESS',
  DELIVERY_FAILED: 'IN_PROGRESS',
  REJECTED: 'IN_PROGRESS',
  STALLED: 'IN_PROGRESS',
  DELIVERED: 'DELIVERED',
  RETURNED: 'RETURNED',
  CANCELLED: 'CANCELLED',
  EXCEPTION: 'EXCEPTION',
};

/**
 * The shipment as of the events recorded so far: the coarse status of the latest event, acceptedAt from the
 * ACCEPTED event, updatedAt the moment the status last changed (so createdAt ≤ acceptedAt ≤ updatedAt, ECDX-SHP-013).
 * A cancellation, once made, decides the status for good (ECDX-SHP-009).
 */
export function currentShipment(record: StoredShipment, recorded: readonly SimulatedEvent[]): Shipment {
  const held = record.shipment;
  let status: ShipmentStatus = 'CREATED';
  let changedAt = Date.parse(held.createdAt);
  let acceptedAt: string | undefined;
  for (const { event, recordedAtMs } of recorded) {
    if (event.status === 'ACCEPTED' && acceptedAt === undefined) acceptedAt = event.occurredAt;
    const next = COARSE[event.status];
    if (next !== status) {
      status = next;
      changedAt = Math.max(changedAt, recordedAtMs);
    }
  }
  const { waybillNo, carrierCode, request, createdAt, cancelledAt } = held;
  const shipment: Shipment = {
    waybillNo,
    carrierCode,
    status: cancelledAt === undefined ? status : 'CANCELLED',
    request,
    createdAt,
    updatedAt: cancelledAt ?? formatTimestamp(changedAt),
  };
  if (acceptedAt !== undefined) shipment.acceptedAt = acceptedAt;
  if (cancelledAt !== undefined) shipment.cancelledAt = cancelledAt;
  return shipment;
}
