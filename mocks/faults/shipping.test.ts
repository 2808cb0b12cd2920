// Every fault of the shipping operations: with it off the rule holds, with it on the rule breaks as described,
// and what the fault does not name still holds (the answers stay valid against their schemas).
import { afterEach, describe, expect, it } from 'vitest';
import type { Shipment } from '../../schemas/src/index.ts';
import { violations } from '../../schemas/validate.ts';
import type { Mock } from '../core/mock.ts';
import { createShipment, HOUR, minimalShippingData, MockPool, shippingData } from '../core/simulator/fixtures.ts';
import { expectProblem } from '../test-support/problems.ts';
import { demoCredentials } from '../../protocol/index.ts';
import { send } from '../testing.ts';
import { faultsNamed, type FaultName } from './index.ts';
import { shippingFaults } from './shipping.ts';

const pool = new MockPool();
afterEach(() => pool.closeAll());
const mockWith = (...faults: FaultName[]): Mock => pool.mock({ faults: faultsNamed(...faults) });

const post = (mock: Mock, body: unknown) => send(mock, 'POST', '/v1/shipments', body);
const get = (mock: Mock, waybillNo: string) => send(mock, 'GET', `/v1/shipments/${waybillNo}`);
const cancel = (mock: Mock, waybillNo: string) => send(mock, 'POST', `/v1/shipments/${waybillNo}/cancellation`, { reason: 'ORDER_CANCELLED' });
const shipmentOf = (body: unknown) => {
  expect(violations('Shipment', body)).toEqual([]);
  return body as Shipment;
};
const consent = (changes: Record<string, unknown> = {}) => ({
  consentId: 'cns-0001',
  subjectRef: 'usr_7f3a9c2e41',
  subjectRole: 'RECIPIENT',
  purpose: 'MARKETING',
  dataCategories: ['NAME'],
  grantedAt: '2026-02-01T09:00:00+08:00',
  expiresAt: '2027-02-01T09:00:00+08:00',
  evidenceRef: 'urn:ecdx:consent-log:0001',
  ...changes,
});
const toHongKong = (extra: Record<string, unknown> = {}) =>
  shippingData('ord-hk', {
    recipient: { name: 'Chan Tai Man', phone: '+85291234567', address: { countryCode: 'HK', city: '香港', detail: '弥敦道132号' } },
    ...extra,
  });

it('every shipping fault is tested here', async () => {
  const source = await import('node:fs/promises').then((fs) => fs.readFile(new URL(import.meta.url), 'utf8'));
  for (const fault of shippingFaults) expect(source, fault.name).toContain(`describe('${fault.name}'`);
});

describe('shipment-created-without-location', () => {
  it('off: the 201 names the shipment in Location', async () =>
    expect((await post(mockWith(), shippingData())).headers['location']).toMatch(/^\/v1\/shipments\/ECDX\d{12}$/));
  it('on: the 201 has no Location, the shipment is still created', async () => {
    const response = await post(mockWith('shipment-created-without-location'), shippingData());
    expect(response.status).toBe(201);
    expect(response.headers['location']).toBeUndefined();
    shipmentOf(response.body);
  });
});

describe('waybill-reused-for-same-order', () => {
  it('off: two requests for one order get two waybills', async () => {
    const mock = mockWith();
    expect((await createShipment(mock, shippingData('ord-1'))).waybillNo).not.toBe((await createShipment(mock, shippingData('ord-1'))).waybillNo);
  });
  it('on: the second request for the order gets the first one’s waybill; other orders get their own', async () => {
    const mock = mockWith('waybill-reused-for-same-order');
    const first = await createShipment(mock, shippingData('ord-1'));
    const second = await createShipment(mock, shippingData('ord-1', { service: 'EXPRESS' }));
    expect(second.waybillNo).toBe(first.waybillNo);
    expect(shipmentOf(second).request.service).toBe('EXPRESS');
    expect((await createShipment(mock, shippingData('ord-2'))).waybillNo).not.toBe(first.waybillNo);
  });
});

describe('accept-foreign-carrier-code', () => {
  it('off: a request for SF is refused at /carrierCode', async () =>
    expectProblem(await post(mockWith(), shippingData('o', { carrierCode: 'SF' })), 'validation-failed'));
  it('on: it is accepted', async () => shipmentOf((await post(mockWith('accept-foreign-carrier-code'), shippingData('o', { carrierCode: 'SF' }))).body));
});

describe('accept-prohibited-contents', () => {
  const body = shippingData('o', { contents: [{ name: '打火机油', category: 'FLAMMABLE_LIQUIDS', quantity: 1 }] });
  it('off: prohibited contents are refused', async () => expectProblem(await post(mockWith(), body), 'prohibited-contents'));
  it('on: they are accepted', async () => expect((await post(mockWith('accept-prohibited-contents'), body)).status).toBe(201));
  it('on: another carrier code is still refused', async () =>
    expectProblem(await post(mockWith('accept-prohibited-contents'), { ...body, carrierCode: 'SF' }), 'validation-failed'));
});

describe('require-package-weight', () => {
  it('off: a request with the required members only is accepted', async () => expect((await post(mockWith(), minimalShippingData())).status).toBe(201));
  it('on: it is refused at /package/totalWeightGrams', async () => {
    const problem = expectProblem(await post(mockWith('require-package-weight'), minimalShippingData()), 'validation-failed');
    expect(problem.invalidParams).toEqual([expect.objectContaining({ name: '/package/totalWeightGrams' })]);
  });
  it('on: the ShipmentRequest example, which declares the weight, is accepted', async () =>
    expect((await post(mockWith('require-package-weight'), shippingData())).status).toBe(201));
});

describe('shipment-read-order-id-upper-cased', () => {
  it('off: GET answers the request as received', async () => {
    const mock = mockWith();
    const created = await createShipment(mock, shippingData('ecdx-conf-1a2b'));
    expect((await get(mock, created.waybillNo)).body).toEqual(created);
  });
  it('on: GET answers platformOrderId upper-cased; the 201 echoed it as sent', async () => {
    const mock = mockWith('shipment-read-order-id-upper-cased');
    const created = await createShipment(mock, shippingData('ecdx-conf-1a2b'));
    expect(created.request.platformOrderId).toBe('ecdx-conf-1a2b');
    const read = shipmentOf((await get(mock, created.waybillNo)).body);
    expect(read.request.platformOrderId).toBe('ECDX-CONF-1A2B');
    expect({ ...read.request, platformOrderId: 'ecdx-conf-1a2b' }).toEqual(created.request);
  });
});

describe('unknown-waybill-validation-failed', () => {
  it('off: an unknown waybill is 404', async () => expectProblem(await get(mockWith(), 'ECDX999999999994'), 'not-found'));
  it('on: it is 422', async () => expectProblem(await get(mockWith('unknown-waybill-validation-failed'), 'ECDX999999999994'), 'validation-failed'));
  it('on: a shipment of its own is still read', async () => {
    const mock = mockWith('unknown-waybill-validation-failed');
    expect((await get(mock, (await createShipment(mock)).waybillNo)).status).toBe(200);
  });
});

describe('shipment-readable-by-other-platforms', () => {
  const readByOther = async (mock: Mock) => {
    const { waybillNo } = await createShipment(mock);
    return send(mock, 'GET', `/v1/shipments/${waybillNo}`, undefined, { key: demoCredentials.platformHmac });
  };
  it('off: another platform is told the waybill does not exist', async () => expectProblem(await readByOther(mockWith()), 'not-found'));
  it('on: another platform reads the shipment', async () => expect((await readByOther(mockWith('shipment-readable-by-other-platforms'))).status).toBe(200));
});

describe('cancelled-shipment-read-as-created', () => {
  it('off: after the cancellation GET reports CANCELLED', async () => {
    const mock = mockWith();
    const { waybillNo } = await createShipment(mock);
    await cancel(mock, waybillNo);
    expect((await get(mock, waybillNo)).body).toMatchObject({ status: 'CANCELLED' });
  });
  it('on: GET reports CREATED without cancelledAt, though the cancellation answered CANCELLED', async () => {
    const mock = mockWith('cancelled-shipment-read-as-created');
    const { waybillNo } = await createShipment(mock);
    expect((await cancel(mock, waybillNo)).body).toMatchObject({ status: 'CANCELLED' });
    const read = shipmentOf((await get(mock, waybillNo)).body);
    expect(read.status).toBe('CREATED');
    expect(read.cancelledAt).toBeUndefined();
  });
});

describe('cancel-after-acceptance', () => {
  const accepted = async (mock: Mock) => {
    const { waybillNo } = await createShipment(mock);
    mock.context.clock.advance(3 * HOUR);
    return waybillNo;
  };
  it('off: an accepted shipment is not cancelled (409)', async () => {
    const mock = mockWith();
    expectProblem(await cancel(mock, await accepted(mock)), 'shipment-already-accepted');
  });
  it('on: it is cancelled, and stays a consistent Shipment', async () => {
    const mock = mockWith('cancel-after-acceptance');
    const shipment = shipmentOf((await cancel(mock, await accepted(mock))).body);
    expect(shipment).toMatchObject({ status: 'CANCELLED' });
    expect(Date.parse(shipment.updatedAt)).toBeGreaterThanOrEqual(Date.parse(shipment.acceptedAt!));
  });
});

describe('repeat-cancellation-restamped', () => {
  const twice = async (mock: Mock) => {
    const { waybillNo } = await createShipment(mock);
    const first = (await cancel(mock, waybillNo)).body as Shipment;
    mock.context.clock.advance(HOUR);
    return { waybillNo, first, again: (await cancel(mock, waybillNo)).body as Shipment };
  };
  it('off: the repeat answers the first cancelledAt', async () => {
    const { first, again } = await twice(mockWith());
    expect(again).toEqual(first);
  });
  it('on: the repeat answers a new cancelledAt; GET keeps the first', async () => {
    const mock = mockWith('repeat-cancellation-restamped');
    const { waybillNo, first, again } = await twice(mock);
    expect(shipmentOf(again).cancelledAt).not.toBe(first.cancelledAt);
    expect((await get(mock, waybillNo)).body).toMatchObject({ status: 'CANCELLED', cancelledAt: first.cancelledAt });
  });
});

describe('shipment-updated-before-created', () => {
  it('off: updatedAt is not before createdAt', async () => {
    const created = await createShipment(mockWith());
    expect(Date.parse(created.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.createdAt));
  });
  it('on: the 201 has updatedAt an hour before createdAt; GET is consistent', async () => {
    const mock = mockWith('shipment-updated-before-created');
    const created = shipmentOf((await post(mock, shippingData())).body);
    expect(Date.parse(created.createdAt) - Date.parse(created.updatedAt)).toBe(HOUR);
    const read = (await get(mock, created.waybillNo)).body as Shipment;
    expect(read.updatedAt).toBe(read.createdAt);
  });
});

describe('accept-lapsed-consent', () => {
  const body = shippingData('o', { consents: [consent({ withdrawnAt: '2026-02-15T09:00:00+08:00' })] });
  it('off: a withdrawn consent is refused', async () => expectProblem(await post(mockWith(), body), 'validation-failed'));
  it('on: it is accepted', async () => expect((await post(mockWith('accept-lapsed-consent'), body)).status).toBe(201));
});

describe('consent-demanded-for-order', () => {
  const withThenWithout = async (mock: Mock) => {
    expect((await post(mock, shippingData('ord-c', { consents: [consent()] }))).status).toBe(201);
    return post(mock, shippingData('ord-c'));
  };
  it('off: the order is accepted again without consent records', async () => expect((await withThenWithout(mockWith())).status).toBe(201));
  it('on: it is refused at /consents', async () => {
    const problem = expectProblem(await withThenWithout(mockWith('consent-demanded-for-order')), 'validation-failed');
    expect(problem.invalidParams).toEqual([expect.objectContaining({ name: '/consents' })]);
  });
  it('on: other orders without consent records are accepted', async () =>
    expect((await post(mockWith('consent-demanded-for-order'), shippingData('ord-d'))).status).toBe(201));
});

describe('accept-cross-border-without-legal-basis', () => {
  it('off: a recipient in Hong Kong without crossBorder is refused', async () => expectProblem(await post(mockWith(), toHongKong()), 'validation-failed'));
  it('on: it is accepted, held with an exemption the platform never claimed', async () => {
    const shipment = shipmentOf((await post(mockWith('accept-cross-border-without-legal-basis'), toHongKong())).body);
    expect(shipment.request.crossBorder).toMatchObject({ legalBasis: 'CONTRACT_PERFORMANCE_EXEMPTION' });
  });
  it('on: a request with another schema error is still refused', async () =>
    expectProblem(await post(mockWith('accept-cross-border-without-legal-basis'), toHongKong({ service: 'TELEPORT' })), 'validation-failed'));
});

describe('ignore-separate-consent-reference', () => {
  const body = toHongKong({
    crossBorder: { legalBasis: 'CONTRACT_PERFORMANCE_EXEMPTION', overseasRecipient: 'Kowloon Express', separateConsentId: 'nowhere' },
  });
  it('off: a separateConsentId naming no record is refused', async () => expectProblem(await post(mockWith(), body), 'validation-failed'));
  it('on: it is accepted', async () => expect((await post(mockWith('ignore-separate-consent-reference'), body)).status).toBe(201));
});

describe('accept-undefined-members', () => {
  const body = () => {
    const request = shippingData();
    (request['recipient'] as Record<string, unknown>)['idNumber'] = '11010519491231002X';
    return { ...request, birthDate: '1990-01-01' };
  };
  it('off: members the standard does not define are refused', async () => expectProblem(await post(mockWith(), body()), 'validation-failed'));
  it('on: they are dropped silently and the rest accepted', async () => {
    const shipment = shipmentOf((await post(mockWith('accept-undefined-members'), body())).body);
    expect(JSON.stringify(shipment)).not.toMatch(/idNumber|birthDate/);
  });
  it('on: a request with another schema error is still refused', async () =>
    expectProblem(await post(mockWith('accept-undefined-members'), { ...body(), service: 'TELEPORT' }), 'validation-failed'));
});

describe('accept-any-purpose', () => {
  it('off: purpose MARKETING is refused', async () => expectProblem(await post(mockWith(), shippingData('o', { purpose: 'MARKETING' })), 'validation-failed'));
  it('on: it is accepted and held as DELIVERY', async () => {
    const shipment = shipmentOf((await post(mockWith('accept-any-purpose'), shippingData('o', { purpose: 'MARKETING' }))).body);
    expect(shipment.request.purpose).toBe('DELIVERY');
  });
});

describe('address-detail-bound-off-by-one', () => {
  const withDetail = (length: number) => {
    const request = shippingData();
    const recipient = request['recipient'] as { address: Record<string, unknown> };
    recipient.address = { ...recipient.address, detail: '楼'.repeat(length) };
    return request;
  };
  it('off: a detail of 201 characters is refused naming it', async () => {
    const problem = expectProblem(await post(mockWith(), withDetail(201)), 'validation-failed');
    expect(problem.invalidParams?.map((p) => p.name)).toContain('/recipient/address/detail');
  });
  it('on: it is accepted and held cut to 200', async () => {
    const shipment = shipmentOf((await post(mockWith('address-detail-bound-off-by-one'), withDetail(201))).body);
    expect(shipment.request.recipient.address.detail).toBe('楼'.repeat(200));
  });
  it('on: 202 characters are still refused', async () =>
    expectProblem(await post(mockWith('address-detail-bound-off-by-one'), withDetail(202)), 'validation-failed'));
});

describe('package-accepts-undefined-members', () => {
  const withPackageExtra = () => ({ ...shippingData(), package: { count: 1, fragile: true } });
  it('off: an undefined member of package is refused', async () => expectProblem(await post(mockWith(), withPackageExtra()), 'validation-failed'));
  it('on: it is dropped silently and the rest accepted', async () => {
    const shipment = shipmentOf((await post(mockWith('package-accepts-undefined-members'), withPackageExtra())).body);
    expect(shipment.request.package).toEqual({ count: 1 });
  });
  it('on: an undefined member elsewhere is still refused', async () =>
    expectProblem(await post(mockWith('package-accepts-undefined-members'), { ...shippingData(), birthDate: '1990-01-01' }), 'validation-failed'));
});

describe('astral-characters-lost-on-store', () => {
  const rareName = () => {
    const request = shippingData();
    request['recipient'] = { ...(request['recipient'] as Record<string, unknown>), name: '𠀾大文' };
    return request;
  };
  it('off: a name beyond the BMP is held as sent', async () =>
    expect(shipmentOf((await post(mockWith(), rareName())).body).request.recipient.name).toBe('𠀾大文'));
  it('on: its character beyond the BMP is held as ?, seen when read back', async () => {
    const mock = mockWith('astral-characters-lost-on-store');
    const created = shipmentOf((await post(mock, rareName())).body);
    expect(created.request.recipient.name).toBe('𠀾大文');
    expect(shipmentOf((await get(mock, created.waybillNo)).body).request.recipient.name).toBe('?大文');
  });
  it('on: text within the BMP is held as sent', async () =>
    expect(shipmentOf((await post(mockWith('astral-characters-lost-on-store'), shippingData())).body).request).toEqual(shippingData()));
});

describe('cross-border-basis-reference-dropped', () => {
  const underContract = () =>
    toHongKong({
      crossBorder: { legalBasis: 'STANDARD_CONTRACT', basisReference: '沪网信备〔2026〕0123号', overseasRecipient: 'Pacific Parcel Services Inc.' },
    });
  it('off: the basis reference is held', async () =>
    expect(shipmentOf((await post(mockWith(), underContract())).body).request.crossBorder?.basisReference).toBe('沪网信备〔2026〕0123号'));
  it('on: the shipment read back lacks it (the 201 answer still shows it)', async () => {
    const mock = mockWith('cross-border-basis-reference-dropped');
    const created = (await post(mock, underContract())).body as Shipment;
    expect(created.request.crossBorder?.basisReference).toBe('沪网信备〔2026〕0123号');
    expect(((await get(mock, created.waybillNo)).body as Shipment).request.crossBorder?.basisReference).toBeUndefined();
  });
});
