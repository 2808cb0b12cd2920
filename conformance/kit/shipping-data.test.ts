import { afterEach, describe, expect, it } from 'vitest';
import { violations } from '../../schemas/validate.ts';
import { DAY } from '../../schemas/time.ts';
import { PreconditionFailed } from '../harness/check.ts';
import { scriptedClaim, scriptedContext, type Script, type ScriptedAnswer } from '../harness/scripted-target.ts';
import {
  cancellationPath,
  cancellationRequest,
  consentRecord,
  createShipment,
  crossBorderShipmentRequest,
  happyOrderId,
  happyShipment,
  invalidCancellationVectors,
  invalidShipmentVectors,
  minimalShipmentRequest,
  orderId,
  pathOrderId,
  personalDataOf,
  postShipment,
  shipmentPath,
  shipmentRequest,
  unknownWaybillNo,
} from './shipping-data.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A carrier context (claim with carrier code ECDXDEMO) towards `script`. */
function carrier(script?: Script) {
  const scripted = scriptedContext({ role: 'carrier', claim: scriptedClaim('carrier', ['carrier-shipping']), ...(script ? { script } : {}) });
  close = scripted.close;
  return scripted;
}

/** What a correct carrier answers to a ShipmentRequest: 201, a Location and the Shipment holding the request. */
const created = (body: string, waybillNo = 'ECDXDEMO0000000001'): ScriptedAnswer => ({
  status: 201,
  headers: { location: `/v1/shipments/${waybillNo}` },
  json: {
    waybillNo,
    carrierCode: 'ECDXDEMO',
    status: 'CREATED',
    request: JSON.parse(body),
    createdAt: '2026-03-01T09:30:02+08:00',
    updatedAt: '2026-03-01T09:30:02+08:00',
  },
});

const failures = (evidence: readonly { kind: string; message?: string; passed?: boolean }[]) =>
  evidence.filter((e) => e.kind === 'assertion' && !e.passed).map((e) => e.message);

describe('kit/shipping-data', () => {
  it('makes order ids for each path and waybill numbers no carrier issued', () => {
    expect(orderId()).toMatch(/^ecdx-conf-[0-9a-f]{12}$/);
    expect(orderId('x-')).toMatch(/^x-[0-9a-f]{12}$/);
    expect(orderId()).not.toBe(orderId());
    expect(happyOrderId()).toMatch(/^ecdx-happy-[0-9a-f]{12}$/);
    expect(pathOrderId('rejected')).toMatch(/^ecdx-path-rejected-[0-9a-f]{12}$/);
    const waybillNo = unknownWaybillNo();
    expect(waybillNo).toMatch(/^ECDXNONE\d{16}$/);
    expect(violations('WaybillNumber', waybillNo)).toEqual([]);
  });

  it('writes the paths of a shipment and its cancellation with the waybill number escaped', () => {
    expect(shipmentPath('SF123')).toBe('/v1/shipments/SF123');
    expect(shipmentPath('A/B 1')).toBe('/v1/shipments/A%2FB%201');
    expect(cancellationPath('SF123')).toBe('/v1/shipments/SF123/cancellation');
  });

  it('builds the full example request, addressed to the claimed carrier, fresh and current', () => {
    const { t } = carrier();
    const first = shipmentRequest(t);
    const second = shipmentRequest(t);
    expect(violations('ShipmentRequest', first)).toEqual([]);
    expect(first['carrierCode']).toBe('ECDXDEMO');
    expect(first['platformOrderId']).not.toBe(second['platformOrderId']);
    const expiresAt = Date.parse((first['recipient'] as { privacyNumber: { expiresAt: string } }).privacyNumber.expiresAt);
    expect(Math.abs(expiresAt - (t.targetNow() + 14 * DAY))).toBeLessThan(5_000);
  });

  it('applies overrides last, unvalidated, undefined removing a member', () => {
    const { t } = carrier();
    const body = shipmentRequest(t, { service: 'WARP_SPEED', purpose: undefined });
    expect(body['service']).toBe('WARP_SPEED');
    expect('purpose' in body).toBe(false);
    expect(violations('ShipmentRequest', body).map((v) => v.pointer)).toEqual(expect.arrayContaining(['/service']));
  });

  it('ends the check precondition-failed when the claim names no carrier code', () => {
    const scripted = scriptedContext({ role: 'carrier' });
    close = scripted.close;
    expect(() => shipmentRequest(scripted.t)).toThrow(PreconditionFailed);
  });

  it('builds a minimal request with the required members only', () => {
    const { t } = carrier();
    const body = minimalShipmentRequest(t, { platformOrderId: 'ecdx-conf-fixed' });
    expect(violations('ShipmentRequest', body)).toEqual([]);
    expect(body['platformOrderId']).toBe('ecdx-conf-fixed');
    expect(Object.keys(body).sort()).toEqual(['carrierCode', 'contents', 'package', 'platformOrderId', 'purpose', 'recipient', 'sender', 'service']);
    expect(body['package']).toEqual({ count: 1 });
  });

  it('builds current consent records and a cross-border request that references its separate consent', () => {
    const { t } = carrier();
    const consent = consentRecord(t, { purpose: 'MARKETING' });
    expect(violations('ConsentRecord', consent)).toEqual([]);
    expect(consent['purpose']).toBe('MARKETING');
    expect(consent['consentId']).not.toBe(consentRecord(t)['consentId']);
    expect(Date.parse(consent['expiresAt'] as string) - Date.parse(consent['grantedAt'] as string)).toBe(366 * DAY);
    const abroad = crossBorderShipmentRequest(t);
    expect(violations('ShipmentRequest', abroad)).toEqual([]);
    const [separate] = abroad['consents'] as { consentId: string; purpose: string }[];
    expect(separate?.purpose).toBe('CROSS_BORDER_TRANSFER');
    expect((abroad['crossBorder'] as { separateConsentId: string }).separateConsentId).toBe(separate?.consentId);
    expect((abroad['recipient'] as { address: { countryCode: string } }).address.countryCode).toBe('HK');
    expect(crossBorderShipmentRequest(t, { crossBorder: undefined })['crossBorder']).toBeUndefined();
  });

  it('builds a valid cancellation', () => {
    expect(cancellationRequest()).toEqual({ reason: 'ORDER_CANCELLED' });
    expect(violations('CancellationRequest', cancellationRequest('OTHER'))).toEqual([]);
  });

  it("posts shipping data signed with the run's key, or unsigned when told", async () => {
    const { t, requests } = carrier(() => ({ status: 400, json: {} }));
    await postShipment(t, { a: 1 });
    await postShipment(t, { a: 2 }, { sign: false });
    expect(requests.map((r) => [r.method, r.path, JSON.parse(r.body), 'signature-input' in r.headers])).toEqual([
      ['POST', '/v1/shipments', { a: 1 }, true],
      ['POST', '/v1/shipments', { a: 2 }, false],
    ]);
  });

  it('creates a shipment from a 201 with a valid Shipment', async () => {
    const { t } = carrier((request) => created(request.body));
    const shipment = await createShipment(t, { platformOrderId: 'ecdx-conf-own' });
    expect({
      waybillNo: shipment.waybillNo,
      location: shipment.location,
      order: shipment.request['platformOrderId'],
      status: shipment.response.status,
    }).toEqual({
      waybillNo: 'ECDXDEMO0000000001',
      location: '/v1/shipments/ECDXDEMO0000000001',
      order: 'ecdx-conf-own',
      status: 201,
    });
  });

  it('ends the check precondition-failed on a refusal or an invalid Shipment', async () => {
    const refused = carrier(() => ({ status: 422, json: { type: 'https://ecdx.dev/problems/validation-failed', title: 'x', status: 422, detail: 'no' } }));
    await expect(createShipment(refused.t)).rejects.toThrow(PreconditionFailed);
    expect(failures(refused.t.evidence)).toMatchInlineSnapshot(`
      [
        "precondition: POST /v1/shipments with valid shipping data answered 422 (validation-failed: no), so no shipment could be created (see ECDX-SHP-001)",
      ]
    `);
    await close?.();
    const invalid = carrier(() => ({ status: 201, json: { waybillNo: 'ECDXDEMO0000000001' } }));
    await expect(createShipment(invalid.t)).rejects.toThrow(PreconditionFailed);
    expect(failures(invalid.t.evidence)[0]).toMatch(/^precondition: the answer to POST \/v1\/shipments is not a valid Shipment \(/);
  });

  it('shares one shipment on the regular path as the fixture shipment:happy', async () => {
    const { t } = carrier((request) => created(request.body));
    expect(happyShipment.id).toBe('shipment:happy');
    const shipment = await happyShipment.create(t, {});
    expect(shipment.request['platformOrderId']).toMatch(/^ecdx-happy-/);
  });

  it('lists the personal data a request carries, by pointer', () => {
    const request = {
      sender: { name: '王五', phone: '0571-88881234', company: '某某公司', address: { detail: '文三路90号' } },
      recipient: { name: '张三', phone: '13812345678', privacyNumber: { number: '17012345678' }, address: { detail: '中关村大街27号', postalCode: '100080' } },
    };
    expect(personalDataOf(request).map((d) => `${d.kind} ${d.pointer} ${d.value}`)).toEqual([
      'name /sender/name 王五',
      'phone /sender/phone 0571-88881234',
      'company /sender/company 某某公司',
      'address-detail /sender/address/detail 文三路90号',
      'name /recipient/name 张三',
      'phone /recipient/phone 13812345678',
      'privacy-number /recipient/privacyNumber/number 17012345678',
      'address-detail /recipient/address/detail 中关村大街27号',
      'postal-code /recipient/address/postalCode 100080',
    ]);
    expect(personalDataOf({ sender: { name: '' } })).toEqual([]);
  });

  it('makes the invalid vectors current without mending what they break', () => {
    const { t } = carrier();
    const vectors = invalidShipmentVectors(t);
    expect(vectors.length).toBeGreaterThanOrEqual(5);
    for (const vector of vectors) {
      expect(vector.pointers.length, vector.description).toBeGreaterThan(0);
      expect([...new Set(violations('ShipmentRequest', vector.body).map((v) => v.pointer))], vector.description).toEqual(vector.pointers);
      const body = vector.body as Record<string, unknown>;
      if (typeof body['carrierCode'] === 'string' && !vector.pointers.includes('/carrierCode'))
        expect(body['carrierCode'], vector.description).toBe('ECDXDEMO');
    }
    const cancellations = invalidCancellationVectors();
    expect(cancellations.length).toBeGreaterThanOrEqual(5);
    for (const vector of cancellations) expect(violations('CancellationRequest', vector.body).length, vector.description).toBeGreaterThan(0);
  });
});
