// tracking/cancellation-recorded against a scripted carrier: one that ends a cancelled shipment's trajectory with a
// terminal CANCELLED event (chapter Parcel data, ECDX-TRK-020), and one whose trajectory stops where it was.
import { describe, expect, it } from 'vitest';
import { runScripted, scriptedClaim, type Script } from '../../harness/scripted-target.ts';
import { trackingCancellationChecks } from './cancellation.ts';

const WAYBILL = 'ECDXDEMO0000000001';
const CREATED_AT = '2026-03-01T09:30:02+08:00';
const CANCELLED_AT = '2026-03-01T09:31:00+08:00';

const event = (sequence: number, status: string, at: string, terminal: boolean) => ({
  eventId: `evt_${WAYBILL}_${sequence}`,
  waybillNo: WAYBILL,
  carrierCode: 'ECDXDEMO',
  sequence,
  status,
  node: 'ACCEPTANCE',
  occurredAt: at,
  recordedAt: at,
  description: status === 'CANCELLED' ? '运单已取消' : '运单已生成，等待快递员揽收',
  terminal,
});

/** A carrier with one shipment; `recordsCancellation` false is the fault: no CANCELLED event. */
function carrier(recordsCancellation: boolean): Script {
  let cancelled = false;
  return (request) => {
    const shipment = { waybillNo: WAYBILL, carrierCode: 'ECDXDEMO', createdAt: CREATED_AT, updatedAt: cancelled ? CANCELLED_AT : CREATED_AT };
    if (request.method === 'POST' && request.path === '/v1/shipments') {
      return { status: 201, json: { ...shipment, status: 'CREATED', request: JSON.parse(request.body) as unknown } };
    }
    if (request.method === 'POST' && request.path === `/v1/shipments/${WAYBILL}/cancellation`) {
      cancelled = true;
      return { status: 200, json: { ...shipment, status: 'CANCELLED', cancelledAt: CANCELLED_AT, updatedAt: CANCELLED_AT } };
    }
    if (request.method === 'GET' && request.path.startsWith(`/v1/shipments/${WAYBILL}/events`)) {
      const items = [event(1, 'ORDER_CREATED', CREATED_AT, false), ...(cancelled && recordsCancellation ? [event(2, 'CANCELLED', CANCELLED_AT, true)] : [])];
      return { status: 200, json: { waybillNo: WAYBILL, items } };
    }
    return {
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
      json: { type: 'https://ecdx.dev/problems/not-found', title: 'Not found', status: 404 },
    };
  };
}

const claim = scriptedClaim('carrier', ['carrier-shipping', 'carrier-tracking-pull']);
const check = trackingCancellationChecks.find((c) => c.id === 'tracking/cancellation-recorded')!;
const outcome = async (script: Script) => {
  const { status, message } = await runScripted(check, { role: 'carrier', claim, script });
  return { status, message };
};

describe('tracking/cancellation-recorded', () => {
  it('passes when the trajectory ends with a terminal CANCELLED event at the cancellation', async () => {
    expect(await outcome(carrier(true))).toMatchInlineSnapshot(`
      {
        "message": "6 assertions held",
        "status": "passed",
      }
    `);
  });
  it('fails when the trajectory stops at the events recorded before', async () => {
    expect(await outcome(carrier(false))).toMatchInlineSnapshot(`
      {
        "message": "right after the cancellation the trajectory ends with one new CANCELLED event (before: ORDER_CREATED; after: ORDER_CREATED)",
        "status": "failed",
      }
    `);
  });
});
