// Shipping checks against a scripted carrier (after Redocly's rule tests): each once answering as the Shipping data
// chapter says and once as a faulty carrier would, with the status and message a vendor would read.
import { describe, expect, it } from 'vitest';
import { violations } from '../../../schemas/validate.ts';
import type { CheckResult } from '../../harness/report.ts';
import { runScripted, scriptedClaim, scriptedProblem, type Script, type ScriptedAnswer, type ScriptedRequest } from '../../harness/scripted-target.ts';
import { shippingChecks } from './index.ts';

const check = (id: string) => shippingChecks.find((c) => c.id === id)!;
const claim = scriptedClaim('carrier', ['carrier-shipping']);
/** The status and message a vendor reads, without the random part of the waybill numbers the harness makes up. */
const outcome = ({ status, message }: CheckResult) => ({ status, message: message.replace(/ECDXNONE\d{16}/g, 'ECDXNONE…') });
const run = async (id: string, script: Script) => runScripted(check(id), { role: 'carrier', claim, script });

type Body = Record<string, unknown>;
const bodyOf = (request: ScriptedRequest): Body => (request.body ? (JSON.parse(request.body) as Body) : {});

/** 201 with the Shipment holding the request, and (unless told not to) its Location. */
function created(request: Body, options: { location?: boolean } = {}): ScriptedAnswer {
  const waybillNo = 'ECDXDEMO0000000001';
  const at = '2026-03-01T09:30:02+08:00';
  return {
    status: 201,
    ...(options.location === false ? {} : { headers: { location: `/v1/shipments/${waybillNo}` } }),
    json: { waybillNo, carrierCode: 'ECDXDEMO', status: 'CREATED', request, createdAt: at, updatedAt: at },
  };
}

/** A carrier that validates shipping data against the schema, naming every violation, and creates what is valid. */
const validating =
  (ignored: (pointer: string) => boolean = () => false): Script =>
  (request) => {
    const body = bodyOf(request);
    const pointers = [...new Set(violations('ShipmentRequest', body, 50).map((v) => v.pointer))].filter((p) => !ignored(p));
    if (pointers.length > 0) return scriptedProblem('validation-failed', { invalidParams: pointers.map((name) => ({ name, reason: 'does not conform' })) });
    if (body['carrierCode'] !== 'ECDXDEMO')
      return scriptedProblem('validation-failed', { invalidParams: [{ name: '/carrierCode', reason: 'another carrier' }] });
    return created(body);
  };

describe('shipping checks against scripted answers', () => {
  it('shipping/create-shipment', async () => {
    expect(outcome(await run('shipping/create-shipment', validating()))).toMatchInlineSnapshot(`
      {
        "message": "6 assertions held",
        "status": "passed",
      }
    `);
    expect(outcome(await run('shipping/create-shipment', (request) => created(bodyOf(request), { location: false })))).toMatchInlineSnapshot(`
      {
        "message": "the 201 answer carries a Location header",
        "status": "failed",
      }
    `);
  });

  it('shipping/foreign-carrier-code-refused', async () => {
    expect(outcome(await run('shipping/foreign-carrier-code-refused', validating()))).toMatchInlineSnapshot(`
      {
        "message": "1 assertion held",
        "status": "passed",
      }
    `);
    expect(outcome(await run('shipping/foreign-carrier-code-refused', (request) => created(bodyOf(request))))).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/shipments addressed to carrier ECDXOTHER: expected HTTP 422 (validation-failed), got 201",
        "status": "failed",
      }
    `);
  });

  it('shipping/minimal-request-accepted', async () => {
    expect(outcome(await run('shipping/minimal-request-accepted', validating()))).toMatchInlineSnapshot(`
      {
        "message": "1 assertion held",
        "status": "passed",
      }
    `);
    const requiringWeight: Script = (request) =>
      (bodyOf(request)['package'] as { totalWeightGrams?: number }).totalWeightGrams === undefined
        ? scriptedProblem('validation-failed', { invalidParams: [{ name: '/package/totalWeightGrams', reason: 'required by this carrier' }] })
        : validating()(request);
    expect(outcome(await run('shipping/minimal-request-accepted', requiringWeight))).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/shipments with only the required members: expected HTTP 201, got 422 (validation-failed)",
        "status": "failed",
      }
    `);
  });

  it('shipping/unknown-waybill-not-found', async () => {
    expect(outcome(await run('shipping/unknown-waybill-not-found', () => scriptedProblem('not-found')))).toMatchInlineSnapshot(`
      {
        "message": "12 assertions held",
        "status": "passed",
      }
    `);
    const validatingPath: Script = () => scriptedProblem('validation-failed', { invalidParams: [{ name: '/waybillNo', in: 'path', reason: 'unknown' }] });
    expect(outcome(await run('shipping/unknown-waybill-not-found', validatingPath))).toMatchInlineSnapshot(`
      {
        "message": "GET /v1/shipments/ECDXNONE… (never issued): expected HTTP 404 (not-found), got 422 (validation-failed)",
        "status": "failed",
      }
    `);
  });

  it('shipping/invalid-shipping-data-refused names the requirement of the vectors that were not refused', async () => {
    const right = await run('shipping/invalid-shipping-data-refused', validating());
    expect(outcome(right)).toMatchInlineSnapshot(`
      {
        "message": "1 assertion held",
        "status": "passed",
      }
    `);
    const anyPurpose = await run(
      'shipping/invalid-shipping-data-refused',
      validating((pointer) => pointer === '/purpose'),
    );
    expect({ ...outcome(anyPurpose), failed: anyPurpose.failedRequirementIds }).toMatchInlineSnapshot(`
      {
        "failed": [
          "ECDX-PRV-012",
        ],
        "message": "2 of 15 invalid ShipmentRequest bodies were not refused as required: "purpose other than DELIVERY is invalid" — POST /v1/shipments: expected HTTP 422 (validation-failed), got 201; "request without purpose is invalid" — POST /v1/shipments: expected HTTP 422 (validation-failed), got 201",
        "status": "failed",
      }
    `);
  });
});
