// POST /v1/shipments, GET /v1/shipments/{waybillNo} and the cancellation, through the whole pipeline of a mock
// that checks its own answers: every rule of chapter Shipping data and the consent rules of chapter Privacy.
import { afterEach, describe, expect, it } from 'vitest';
import type { Shipment } from '../../../schemas/src/index.ts';
import { violations } from '../../../schemas/validate.ts';
import { expectProblem } from '../../test-support/problems.ts';
import { switchedOn } from '../../test-support/switches.ts';
import { send } from '../../testing.ts';
import { activitiesBetween } from '../activity.ts';
import { createShipment, DAY, HOUR, minimalShippingData, MockPool, otherPlatform, shippingData, START } from '../simulator/fixtures.ts';
import { isMockWaybillNumber } from '../simulator/waybill-numbers.ts';

const pool = new MockPool();
afterEach(() => pool.closeAll());

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
const toHongKong = (crossBorder: Record<string, unknown> | undefined, consents?: unknown[]) =>
  shippingData('ecdx-happy-hk', {
    recipient: { name: 'Chan Tai Man', phone: '+85291234567', address: { countryCode: 'HK', city: '香港', detail: '弥敦道132号' } },
    ...(crossBorder ? { crossBorder } : {}),
    ...(consents ? { consents } : {}),
  });
const post = (mock: ReturnType<MockPool['mock']>, body: unknown) => send(mock, 'POST', '/v1/shipments', body);
const get = (mock: ReturnType<MockPool['mock']>, waybillNo: string, options = {}) => send(mock, 'GET', `/v1/shipments/${waybillNo}`, undefined, options);
const cancel = (mock: ReturnType<MockPool['mock']>, waybillNo: string, body: unknown = { reason: 'ORDER_CANCELLED' }, options = {}) =>
  send(mock, 'POST', `/v1/shipments/${waybillNo}/cancellation`, body, options);

describe('POST /v1/shipments', () => {
  it('answers 201, a Location naming the shipment, and a CREATED shipment holding the request as received', async () => {
    const mock = pool.mock();
    const body = shippingData();
    const response = await post(mock, body);
    expect(response.status).toBe(201);
    const shipment = response.body as Shipment;
    expect(response.headers['location']).toBe(`/v1/shipments/${shipment.waybillNo}`);
    expect(shipment).toMatchObject({
      carrierCode: 'ECDXDEMO',
      status: 'CREATED',
      request: body,
      createdAt: '2026-03-01T09:30:00+08:00',
      updatedAt: '2026-03-01T09:30:00+08:00',
    });
    expect(isMockWaybillNumber(shipment.waybillNo)).toBe(true);
  });

  it('gives every shipment its own waybill number, also for the same platformOrderId', async () => {
    const mock = pool.mock();
    const numbers = new Set<string>();
    for (let i = 0; i < 5; i++) numbers.add((await createShipment(mock, shippingData('ord-same'))).waybillNo);
    expect(numbers.size).toBe(5);
  });

  it('accepts a request with the required members only', async () => {
    expect((await post(pool.mock(), minimalShippingData())).status).toBe(201);
  });

  it('accepts a request with current consent records on the same terms as one without', async () => {
    const mock = pool.mock();
    const withConsent = await post(mock, shippingData('ord-c', { consents: [consent()] }));
    const without = await post(mock, shippingData('ord-c'));
    expect([withConsent.status, without.status]).toEqual([201, 201]);
  });

  it('refuses another carrier’s code with 422 at /carrierCode and creates nothing', async () => {
    const mock = pool.mock();
    const problem = expectProblem(await post(mock, shippingData('ord-1', { carrierCode: 'SF' })), 'validation-failed');
    expect(problem.invalidParams).toEqual([expect.objectContaining({ name: '/carrierCode' })]);
    expect(mock.context.store.collection('shipments').size).toBe(0);
  });

  it('refuses prohibited contents with prohibited-contents naming each such line, and creates nothing', async () => {
    const mock = pool.mock();
    const contents = [
      { name: '打火机油', category: 'FLAMMABLE_LIQUIDS', quantity: 1 },
      { name: '纯棉T恤', category: 'CLOTHING_FOOTWEAR', quantity: 1 },
      { name: '仿冒手表', category: 'COUNTERFEIT_GOODS', quantity: 1 },
    ];
    const problem = expectProblem(await post(mock, shippingData('ord-1', { contents })), 'prohibited-contents');
    expect(problem.invalidParams!.map((p) => p.name)).toEqual(['/contents/0/category', '/contents/2/category']);
    expect(mock.context.store.collection('shipments').size).toBe(0);
  });

  it.each([
    ['withdrawn', consent({ withdrawnAt: '2026-02-15T09:00:00+08:00' })],
    ['expired', consent({ expiresAt: '2026-02-28T09:00:00+08:00' })],
    ['expiring before it was granted', consent({ grantedAt: '2026-02-01T09:00:00+08:00', expiresAt: '2026-02-01T09:00:00+08:00' })],
  ])('refuses a consent record that is %s with 422 pointing at the record', async (_what, record) => {
    const problem = expectProblem(await post(pool.mock(), shippingData('ord-1', { consents: [consent({ consentId: 'ok' }), record] })), 'validation-failed');
    expect(problem.invalidParams).toEqual([expect.objectContaining({ name: '/consents/1' })]);
  });

  it('refuses a consent that expires while the mock’s clock runs on', async () => {
    const mock = pool.mock();
    const body = shippingData('ord-1', { consents: [consent({ expiresAt: '2026-03-02T09:30:00+08:00' })] });
    expect((await post(mock, body)).status).toBe(201);
    mock.context.clock.advance(2 * DAY);
    expectProblem(await post(mock, body), 'validation-failed');
  });

  it('accepts a recipient outside the mainland with a legal basis; refuses one without', async () => {
    const mock = pool.mock();
    expect((await post(mock, toHongKong({ legalBasis: 'CONTRACT_PERFORMANCE_EXEMPTION', overseasRecipient: 'Kowloon Express' }))).status).toBe(201);
    expectProblem(await post(mock, toHongKong(undefined)), 'validation-failed');
    expect(mock.context.store.collection('shipments').size).toBe(1);
  });

  // ECDX-CON-004 wants the pointer /crossBorder. The refusal comes from the pipeline's schema check, whose
  // violations() (schemas/validate.ts) reports the first of two equally close anyOf alternatives, here
  // /recipient/address/countryCode. Expected to fail until validate.ts prefers the alternative naming the missing member.
  it('refuses a recipient outside the mainland without cross-border details at /crossBorder', async () => {
    const problem = expectProblem(await post(pool.mock(), toHongKong(undefined)), 'validation-failed');
    expect(problem.invalidParams!.map((p) => p.name)).toContain('/crossBorder');
  });

  it('refuses a separateConsentId that names no CROSS_BORDER_TRANSFER record of the request', async () => {
    const mock = pool.mock();
    const basis = { legalBasis: 'CONTRACT_PERFORMANCE_EXEMPTION', overseasRecipient: 'Kowloon Express', separateConsentId: 'cns-xb' };
    const matching = [consent({ consentId: 'cns-xb', purpose: 'CROSS_BORDER_TRANSFER' })];
    expect((await post(mock, toHongKong(basis, matching))).status).toBe(201);
    for (const consents of [undefined, [consent({ consentId: 'cns-xb' })], [consent({ consentId: 'other', purpose: 'CROSS_BORDER_TRANSFER' })]]) {
      const problem = expectProblem(await post(mock, toHongKong(basis, consents)), 'validation-failed');
      expect(problem.invalidParams).toEqual([expect.objectContaining({ name: '/crossBorder/separateConsentId' })]);
    }
  });

  it('never fails on what a validation-skipping fault lets through, and simulates a trajectory for it', async () => {
    const mock = pool.mock({ faults: switchedOn('accept-invalid-shipping-data', 'accept-invalid-cancellation') });
    let created = 0;
    for (const body of [42, 'x', [], {}, { recipient: 5, sender: { address: [] }, contents: 'none' }, { ...shippingData(), recipient: { name: '*' } }]) {
      const response = await post(mock, body);
      expect(response.status, JSON.stringify(body)).toBeLessThan(500);
      if (response.status !== 201) continue;
      created += 1;
      const { waybillNo } = response.body as Shipment;
      mock.context.clock.advance(DAY);
      expect((await send(mock, 'GET', `/v1/shipments/${waybillNo}/events`)).status).toBe(200);
      expect((await cancel(mock, waybillNo, 'no')).status).toBeLessThan(500);
    }
    expect(created).toBeGreaterThan(0);
  });

  it('counts accepted and refused shipping data in the activity log', async () => {
    const mock = pool.mock();
    await post(mock, shippingData());
    await post(mock, shippingData('x', { carrierCode: 'SF' }));
    expect(activitiesBetween(mock.context, START, START + 1).map((a) => a.kind)).toEqual(['shipment-accepted', 'shipment-rejected']);
  });
});

describe('GET /v1/shipments/{waybillNo}', () => {
  it('answers the shipment with the request equal, member by member, to the one accepted', async () => {
    const mock = pool.mock();
    const created = await createShipment(mock);
    const response = await get(mock, created.waybillNo);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(created);
  });

  it('follows the trajectory: ACCEPTED with acceptedAt, IN_PROGRESS, DELIVERED, times consistent', async () => {
    const mock = pool.mock();
    const { waybillNo } = await createShipment(mock);
    const seen: Shipment[] = [];
    for (let hours = 0; hours <= 72; hours += 1) {
      seen.push((await get(mock, waybillNo)).body as Shipment);
      mock.context.clock.advance(HOUR);
    }
    expect([...new Set(seen.map((s) => s.status))]).toEqual(['CREATED', 'ACCEPTED', 'IN_PROGRESS', 'DELIVERED']);
    for (const s of seen) {
      expect(violations('Shipment', s)).toEqual([]);
      const times = [s.createdAt, s.acceptedAt, s.cancelledAt].filter((t): t is string => t !== undefined).map(Date.parse);
      expect(Math.min(...times)).toBe(Date.parse(s.createdAt));
      expect(Date.parse(s.updatedAt)).toBeGreaterThanOrEqual(Math.max(...times));
    }
    expect(seen.at(-1)!.acceptedAt).toBe(seen.find((s) => s.status === 'ACCEPTED')!.acceptedAt);
  });

  it('stores the status it reports', async () => {
    const mock = pool.mock();
    const { waybillNo } = await createShipment(mock);
    mock.context.clock.advance(3 * DAY);
    await get(mock, waybillNo);
    expect(mock.context.store.collection<{ shipment: Shipment }>('shipments').get(waybillNo)!.shipment.status).toBe('DELIVERED');
  });

  it('answers 404 not-found for an unknown waybill and, alike, for another platform’s', async () => {
    const mock = pool.mock();
    const { waybillNo } = await createShipment(mock);
    const unknown = expectProblem(await get(mock, 'ECDX999999999994'), 'not-found');
    const foreign = expectProblem(await get(mock, waybillNo, otherPlatform), 'not-found');
    expect(foreign).toEqual(unknown);
  });
});

describe('POST /v1/shipments/{waybillNo}/cancellation', () => {
  it('cancels a CREATED shipment: 200, CANCELLED, cancelledAt, and the same from then on', async () => {
    const mock = pool.mock();
    const { waybillNo } = await createShipment(mock);
    mock.context.clock.advance(60_000);
    const response = await cancel(mock, waybillNo);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'CANCELLED', cancelledAt: '2026-03-01T09:31:00+08:00', updatedAt: '2026-03-01T09:31:00+08:00' });
    mock.context.clock.advance(5 * DAY);
    expect((await get(mock, waybillNo)).body).toEqual(response.body);
  });

  it('answers a further cancellation with 200 and the shipment unchanged', async () => {
    const mock = pool.mock();
    const { waybillNo } = await createShipment(mock);
    const first = await cancel(mock, waybillNo);
    mock.context.clock.advance(HOUR);
    const again = await cancel(mock, waybillNo, { reason: 'DUPLICATE_REQUEST' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('refuses to cancel an accepted shipment with 409 and leaves it unchanged', async () => {
    const mock = pool.mock();
    const { waybillNo } = await createShipment(mock);
    mock.context.clock.advance(3 * HOUR);
    const before = (await get(mock, waybillNo)).body as Shipment;
    expect(['ACCEPTED', 'IN_PROGRESS']).toContain(before.status);
    expectProblem(await cancel(mock, waybillNo), 'shipment-already-accepted');
    expect((await get(mock, waybillNo)).body).toEqual(before);
  });

  it('refuses an invalid cancellation body with 422 and leaves the shipment unchanged', async () => {
    const mock = pool.mock();
    const created = await createShipment(mock);
    expectProblem(await cancel(mock, created.waybillNo, { reason: 'BORED' }), 'validation-failed');
    expect((await get(mock, created.waybillNo)).body).toEqual(created);
  });

  it('answers 404 for an unknown waybill and for another platform’s, and leaves that one unchanged', async () => {
    const mock = pool.mock();
    const created = await createShipment(mock);
    expectProblem(await cancel(mock, 'ECDX999999999994'), 'not-found');
    expectProblem(await cancel(mock, created.waybillNo, undefined, otherPlatform), 'not-found');
    expect((await get(mock, created.waybillNo)).body).toEqual(created);
  });
});
