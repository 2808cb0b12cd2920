// Shared fixtures of the shipping and tracking tests: mocks on a stopped clock, shipments created through the
// pipeline, and walks over the events endpoint. Test code only.
import { demoCredentials } from '../../../protocol/index.ts';
import { DEMO_CARRIER_CODE, createMock, type Mock, type MockOptions } from '../mock.ts';
import type { MockResponse } from '../types.ts';
import { exampleOf } from '../../test-support/requests.ts';
import { send, type RequestOptions } from '../../testing.ts';
import type { Shipment, TrackingEvent } from '../../../schemas/src/index.ts';

export const START = Date.parse('2026-03-01T09:30:00+08:00');
export { DAY, HOUR } from '../../../schemas/time.ts';

/** A second platform: the demo HMAC key has its own keyid, so it owns nothing the ed25519 platform key created. */
export const otherPlatform: RequestOptions = { key: demoCredentials.platformHmac };

export class MockPool {
  readonly #open: Mock[] = [];
  /** A mock on a stopped clock at START, checking its own answers. */
  mock(options: MockOptions = {}): Mock {
    const mock = createMock({ selfCheck: true, clockSpeed: 0, clockStart: START, ...options });
    this.#open.push(mock);
    return mock;
  }
  async closeAll(): Promise<void> {
    await Promise.all(this.#open.splice(0).map((m) => m.close()));
  }
}

/** The ShipmentRequest example addressed to the mock, with the order id given (`ecdx-happy-…` for a delivered parcel). */
export function shippingData(platformOrderId = 'ecdx-happy-0001', changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...exampleOf('ShipmentRequest'), carrierCode: DEMO_CARRIER_CODE, platformOrderId, ...changes };
}

/** A request with the required members only. */
export function minimalShippingData(platformOrderId = 'ecdx-happy-min'): Record<string, unknown> {
  return {
    platformOrderId,
    carrierCode: DEMO_CARRIER_CODE,
    sender: {
      name: '王五',
      phone: '13900001111',
      address: { countryCode: 'CN', divisionCode: '330106', province: '浙江省', city: '杭州市', detail: '文三路90号' },
    },
    recipient: {
      name: '张三',
      phone: '13812345678',
      address: { countryCode: 'CN', divisionCode: '110108', province: '北京市', city: '北京市', detail: '中关村大街27号' },
    },
    contents: [{ name: '纯棉T恤', category: 'CLOTHING_FOOTWEAR', quantity: 1 }],
    package: { count: 1 },
    service: 'STANDARD',
    purpose: 'DELIVERY',
  };
}

export async function createShipment(mock: Mock, body: unknown = shippingData(), options?: RequestOptions): Promise<Shipment> {
  const response = await send(mock, 'POST', '/v1/shipments', body, options);
  if (response.status !== 201) throw new Error(`POST /v1/shipments answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as Shipment;
}

export const getEvents = (mock: Mock, waybillNo: string, query = '', options?: RequestOptions): Promise<MockResponse> =>
  send(mock, 'GET', `/v1/shipments/${waybillNo}/events${query ? `?${query}` : ''}`, undefined, options);

/** Follow nextCursor from the first page; every page must be a 200. */
export async function walk(mock: Mock, waybillNo: string, limit?: number): Promise<{ events: TrackingEvent[]; pages: number; cursors: string[] }> {
  const events: TrackingEvent[] = [];
  const cursors: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const query = new URLSearchParams();
    if (limit !== undefined) query.set('limit', String(limit));
    if (cursor) query.set('cursor', cursor);
    const response = await getEvents(mock, waybillNo, query.toString());
    if (response.status !== 200) throw new Error(`events page answered ${response.status}: ${JSON.stringify(response.body)}`);
    const page = response.body as { items: TrackingEvent[]; nextCursor?: string };
    events.push(...page.items);
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
    pages += 1;
    if (pages > 1000) throw new Error('the walk does not end');
  } while (cursor);
  return { events, pages, cursors };
}
