// Each client-duty judge on tiny recorded requests: what it finds in a request that breaks the duty, and nothing in
// one that keeps it.
import { describe, expect, it } from 'vitest';
import { ShipmentRequest } from '../../schemas/src/index.ts';
import type { ClientRequest } from '../harness/counterparty/server.ts';
import {
  cursorFindings,
  idempotencyKeyFindings,
  incidentFindings,
  keyBits,
  keyRandomnessFindings,
  noticeFindings,
  retryAfterFindings,
  retryFindings,
  shippingDataFindings,
  signatureFindings,
} from './client-duties.ts';
import { buildIncident, buildNotice } from './notices.ts';
import { scriptedContext } from '../harness/scripted-target.ts';

let seq = 0;
function request(part: Partial<ClientRequest> & { json?: unknown } = {}): ClientRequest {
  const text = part.json === undefined ? '' : JSON.stringify(part.json);
  return {
    seq: ++seq,
    method: 'POST',
    path: '/v1/shipments',
    query: new URLSearchParams(),
    url: 'http://127.0.0.1/v1/shipments',
    operationId: 'createShipment',
    params: {},
    headers: {},
    body: Buffer.from(text),
    json: part.json,
    receivedAt: 1_000_000,
    signature: { kind: 'verified', keyid: 'k', created: 0, nonce: 'n', components: [] },
    answer: { status: 201, headers: {}, body: '' },
    ...part,
  };
}

describe('signatureFindings (ECDX-SEC-001)', () => {
  it('names each request the verifier refused or whose digest is false, and passes a verified one', () => {
    seq = 0;
    const found = signatureFindings([
      request(),
      request({ signature: { kind: 'refused', detail: 'the request has no Signature field', detailZh: '请求没有 Signature 字段' } }),
      request({ digestProblem: 'the digest does not match the body', digestProblemZh: '内容摘要与请求体不符' }),
    ]);
    expect(found.map((f) => f.message)).toMatchInlineSnapshot(`
      [
        {
          "en": "POST /v1/shipments (request 2): the request has no Signature field",
          "zh-Hans": "POST /v1/shipments（请求 2）：请求没有 Signature 字段",
        },
        {
          "en": "POST /v1/shipments (request 3): the digest does not match the body",
          "zh-Hans": "POST /v1/shipments（请求 3）：内容摘要与请求体不符",
        },
      ]
    `);
  });
});

describe('idempotencyKeyFindings (ECDX-IDM-001)', () => {
  it('finds a missing key, a malformed one and a key reused for another request, not a repeat of the same', () => {
    seq = 0;
    const found = idempotencyKeyFindings([
      request({ headers: { 'idempotency-key': 'a' }, json: { n: 1 } }),
      request({ headers: { 'idempotency-key': 'a' }, json: { n: 1 } }),
      request({ headers: { 'idempotency-key': 'a' }, json: { n: 2 } }),
      request({ json: { n: 3 } }),
      request({ headers: { 'idempotency-key': 'with space' }, json: { n: 4 } }),
      request({ method: 'GET', operationId: 'listTrackingEvents' }),
    ]);
    expect(found.map((f) => f.message)).toMatchInlineSnapshot(`
      [
        {
          "en": "POST /v1/shipments (request 3) reuses the Idempotency-Key of request 1 for a different request",
          "zh-Hans": "POST /v1/shipments（请求 3）将请求 1 的 Idempotency-Key 重用于一个不同的请求",
        },
        {
          "en": "POST /v1/shipments (request 4) carries no Idempotency-Key",
          "zh-Hans": "POST /v1/shipments（请求 4）未带 Idempotency-Key",
        },
        {
          "en": "POST /v1/shipments (request 5): its Idempotency-Key is not 1 to 255 visible ASCII characters",
          "zh-Hans": "POST /v1/shipments（请求 5）：其 Idempotency-Key 不是 1 至 255 个可见 ASCII 字符",
        },
      ]
    `);
  });
});

describe('retryFindings (ECDX-IDM-011) and retryAfterFindings (ECDX-ERR-013)', () => {
  it('finds another key or body on a repeat', () => {
    seq = 0;
    const first = request({ headers: { 'idempotency-key': 'a' }, json: { n: 1 }, answer: { status: 409, headers: {}, body: '' } });
    expect(retryFindings(first, request({ headers: { 'idempotency-key': 'a' }, json: { n: 1 } }))).toEqual([]);
    expect(retryFindings(first, request({ headers: { 'idempotency-key': 'b' }, json: { n: 2 } })).map((f) => f.message)).toMatchInlineSnapshot(`
      [
        {
          "en": "request 3, sent again after request 1 was answered 409, carries another Idempotency-Key",
          "zh-Hans": "请求 3 是在请求 1 得到 409 应答后再次发送的，却带有另一个 Idempotency-Key",
        },
        {
          "en": "request 3, sent again after request 1 was answered 409, carries another body",
          "zh-Hans": "请求 3 是在请求 1 得到 409 应答后再次发送的，却带有另一个请求体",
        },
      ]
    `);
  });

  it('finds a repeat that came before Retry-After, and lets one through that waited', () => {
    seq = 0;
    const answered = request({ receivedAt: 0, answer: { status: 503, headers: { 'retry-after': '2' }, body: '' } });
    expect(retryAfterFindings(answered, request({ receivedAt: 1_990 }))).toEqual([]);
    expect(retryAfterFindings(answered, request({ receivedAt: 60 })).map((f) => f.message)).toMatchInlineSnapshot(`
      [
        {
          "en": "request 3 came 60 ms after request 1 was answered 503 with Retry-After: 2",
          "zh-Hans": "请求 1 得到带 Retry-After: 2 的 503 应答后，请求 3 仅过 60 毫秒即到来",
        },
      ]
    `);
  });
});

describe('keyRandomnessFindings (ECDX-IDM-009)', () => {
  it('takes version-4 UUIDs and long random text, and counts the room of other keys', () => {
    expect(keyBits('3b241101-e2bb-4255-8caf-4136c566a962')).toBe(128);
    expect(keyBits('3b241101-e2bb-7255-8caf-4136c566a962')).toBe(0);
    expect(Math.floor(keyBits('k-000017'))).toBe(48); // 8 characters of a 68-character alphabet
  });

  it('finds keys with too little room, keys that differ only in a counter, and keys made of the body', () => {
    seq = 0;
    const found = keyRandomnessFindings([
      request({ headers: { 'idempotency-key': 'ecdx-ord-20260301-0001-000001' }, json: { platformOrderId: 'ord-20260301-0001' } }),
      request({ headers: { 'idempotency-key': 'ecdx-ord-20260301-0001-000002' }, json: { platformOrderId: 'ord-20260301-0002' } }),
      request({ headers: { 'idempotency-key': 'f0a3c1d2-9b7e-4c6a-8d5f-2e1b0a9c8d7e' }, json: {} }),
    ]);
    expect(found.map((f) => f.message)).toMatchInlineSnapshot(`
      [
        {
          "en": "the Idempotency-Key of request 1 carries a value of its body",
          "zh-Hans": "请求 1 的 Idempotency-Key 含有其请求体中的一个值",
        },
        {
          "en": "the Idempotency-Keys of requests 1 and 2 differ only in their last 1 characters",
          "zh-Hans": "请求 1 与请求 2 的 Idempotency-Key 仅在最后 1 个字符上不同",
        },
      ]
    `);
  });
});

describe('cursorFindings (ECDX-TRK-021)', () => {
  it('finds a page whose nextCursor no later request followed', () => {
    seq = 0;
    const page = (cursor: string | null, next?: string) =>
      request({
        method: 'GET',
        operationId: 'listTrackingEvents',
        query: new URLSearchParams(cursor ? { cursor } : {}),
        answer: { status: 200, headers: {}, body: JSON.stringify({ items: [], ...(next ? { nextCursor: next } : {}) }) },
      });
    expect(cursorFindings([page(null, 'c1'), page('c1', 'c2'), page('c2')])).toEqual([]);
    expect(cursorFindings([page(null, 'c1')]).map((f) => f.message)).toMatchInlineSnapshot(`
      [
        {
          "en": "the page answered to request 4 names a nextCursor that no later request followed",
          "zh-Hans": "对请求 4 应答的页面给出了 nextCursor，但之后没有任何请求沿用它",
        },
      ]
    `);
  });
});

describe('shippingDataFindings (ECDX-PRV-011)', () => {
  it('finds a member ShipmentRequest does not define and an identity number hidden in one it does', () => {
    const valid = structuredClone(ShipmentRequest.examples[0]) as Record<string, unknown> & { recipient: Record<string, unknown> };
    expect(shippingDataFindings(request({ json: valid }))).toEqual([]);
    const leaking = structuredClone(valid);
    leaking.recipient.company = '身份证 11010519491231002X';
    leaking.buyerEmail = 'a@example.com';
    expect(shippingDataFindings(request({ json: leaking })).map((f) => f.message)).toMatchInlineSnapshot(`
      [
        {
          "en": "shipping data carries /buyerEmail, which ShipmentRequest does not define",
          "zh-Hans": "寄递数据含有 /buyerEmail，而 ShipmentRequest 未定义该成员",
        },
        {
          "en": "shipping data carries an identity document number at /recipient/company",
          "zh-Hans": "寄递数据在 /recipient/company 处含有身份证件号码",
        },
      ]
    `);
  });
});

describe('noticeFindings (ECDX-NTC-002) and incidentFindings (ECDX-INC-002)', () => {
  const { t } = scriptedContext({ role: 'platform' });

  it('finds a notice without its lead time, and passes one with it', () => {
    const notice = buildNotice(t, { reason: 'PLANNED_MAINTENANCE' });
    const received = Date.parse(notice.issuedAt);
    expect(noticeFindings(request({ json: notice }), received)).toEqual([]);
    const short = buildNotice(t, { reason: 'PLANNED_MAINTENANCE', leadMs: 3_600_000 });
    expect(noticeFindings(request({ json: short }), Date.parse(short.issuedAt)).map((f) => f.pointer)).toEqual(['/plannedStart']);
  });

  it('finds a notification more than 24 hours after the detection it states', () => {
    const incident = buildIncident(t);
    const detected = Date.parse(incident.detectedAt);
    expect(incidentFindings(request({ json: incident }), detected + 3_600_000)).toEqual([]);
    expect(incidentFindings(request({ json: incident }), detected + 30 * 3_600_000).map((f) => f.message)).toMatchInlineSnapshot(`
      [
        {
          "en": "the notification came 30 h after the detectedAt it states (at most 24 h)",
          "zh-Hans": "该通报在其所述的 detectedAt 之后 30 小时才到达（至多 24 小时）",
        },
      ]
    `);
  });
});
