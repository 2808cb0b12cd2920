// What a platform vendor copies into their own test suite: the ECDX reference mock intercepts their HTTP client's
// calls in-process (msw's setupServer), so the code under test talks to a behaving carrier without any server.
// The imports are exactly what your project writes: `ecdx/mocks` resolves through the package's exports map here too.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CARRIER_CODE, demoCredentials, signRequest } from 'ecdx/mocks';
import { createHandlers } from 'ecdx/mocks/msw';

/** The carrier base URL your client is configured with; the handlers intercept this origin only. */
const CARRIER = 'https://carrier.example';

// A stopped clock (speed 0): the parcel moves only when the test says so. Each createHandlers() is a fresh mock.
const { handlers, mock } = createHandlers({ role: 'carrier', clockSpeed: 0, baseUrl: CARRIER });
const server = setupServer(...handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(async () => {
  server.close();
  await mock.close();
});

/**
 * Your client's part: every request signed (RFC 9421, ECDX profile) and every creating POST with an
 * Idempotency-Key. Here with the public demo platform key, which the mock trusts, at the mock's virtual time —
 * a signature dated by the wall clock would be refused once the test has moved the mock's clock forward.
 */
function ecdxFetch(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  const url = `${CARRIER}${path}`;
  const bytes = body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(body));
  const headers: Record<string, string> = {};
  if (bytes) headers['content-type'] = 'application/json';
  if (method === 'POST') headers['idempotency-key'] = crypto.randomUUID();
  Object.assign(headers, signRequest({ method, url, headers, body: bytes }, { key: demoCredentials.platform.signingKey, now: mock.context.clock.now() }));
  return fetch(url, { method, headers, ...(bytes ? { body: bytes } : {}) });
}

const shippingData = {
  platformOrderId: 'ord-20260301-0001',
  carrierCode: DEMO_CARRIER_CODE,
  sender: {
    name: '王五',
    phone: '0571-88881234',
    address: { countryCode: 'CN', divisionCode: '330106', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路90号5楼' },
  },
  recipient: {
    name: '张三',
    phone: '13812345678',
    address: { countryCode: 'CN', divisionCode: '110108', province: '北京市', city: '北京市', district: '海淀区', detail: '中关村大街27号1101室' },
  },
  contents: [{ name: '纯棉T恤', category: 'CLOTHING_FOOTWEAR', quantity: 2, unit: '件', declaredValue: { amount: '158.00', currency: 'CNY' } }],
  package: { count: 1, totalWeightGrams: 850 },
  service: 'STANDARD',
  purpose: 'DELIVERY',
};

describe('a platform client against the ECDX mock carrier', () => {
  it('creates a shipment and reads its trajectory once the parcel has moved', async () => {
    const created = await ecdxFetch('POST', '/v1/shipments', shippingData);
    expect(created.status).toBe(201);
    const { waybillNo } = (await created.json()) as { waybillNo: string };

    // Three virtual days later (over HTTP a test would POST /v1/test/clock {"advanceSeconds": 259200}).
    mock.context.clock.advance(3 * 24 * 3_600_000);

    const response = await ecdxFetch('GET', `/v1/shipments/${waybillNo}/events?limit=100`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { waybillNo: string; items: { sequence: number; node: string; courier?: { phone?: string } }[] };
    expect(page.waybillNo).toBe(waybillNo);
    expect(page.items.map((event) => event.node)).toContain('ACCEPTANCE');
    const sequences = page.items.map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  });

  it('answers a bad request with a problem that names the offending member', async () => {
    const response = await ecdxFetch('POST', '/v1/shipments', { ...shippingData, recipient: { ...shippingData.recipient, phone: '12345' } });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { type: string; invalidParams: { name: string }[] };
    expect(problem.type).toBe('https://ecdx.dev/problems/validation-failed');
    expect(problem.invalidParams.map((p) => p.name)).toContain('/recipient/phone');
  });

  it('refuses an unsigned request', async () => {
    const response = await fetch(`${CARRIER}/v1/shipments/SF1234567890123`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { type: string }).type).toBe('https://ecdx.dev/problems/signature-missing');
  });
});
