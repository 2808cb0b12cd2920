// Passive judging (`ecdx serve`): one result per duty of the role played, passed only on requests that show it,
// failed or warning with the findings, skipped when no request of its kind came.
import { describe, expect, it } from 'vitest';
import { ShipmentRequest } from '../../schemas/src/index.ts';
import type { ClientRequest } from '../harness/counterparty/server.ts';
import type { CheckResult } from '../harness/report.ts';
import { judgePassively, passiveDutyIds } from './passive.ts';

const T0 = Date.parse('2026-12-02T04:00:00Z');
const KEY_A = '7f0c9a55-3b1e-4c7e-9d2a-5e8f1b6c4a01';
const KEY_B = 'c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f';

let seq = 0;
/** A request as the counterparty records it: a signed shipment answered 201 unless told otherwise. */
function request(over: Partial<ClientRequest> & { key?: string | null; body?: unknown } = {}): ClientRequest {
  const { key, body, ...rest } = over;
  const json = body === undefined ? { ...(ShipmentRequest.examples[0] as object), platformOrderId: `order-${seq}` } : body;
  seq += 1;
  return {
    seq,
    method: 'POST',
    path: '/v1/shipments',
    query: new URLSearchParams(),
    url: 'http://127.0.0.1/v1/shipments',
    operationId: 'createShipment',
    params: {},
    headers: key === null ? {} : { 'idempotency-key': key ?? KEY_A },
    body: Buffer.from(JSON.stringify(json)),
    json,
    receivedAt: T0 + seq * 10_000,
    signature: { kind: 'verified', keyid: 'k', created: 0, nonce: `n${seq}`, components: [] },
    answer: { status: 201, headers: {}, body: '{}' },
    ...rest,
  };
}

const byId = (results: CheckResult[]) => Object.fromEntries(results.map((r) => [r.checkId, r]));

describe('judgePassively', () => {
  it('skips every duty, saying what was not observed, when the client sent nothing; never a pass', () => {
    const results = judgePassively('carrier', []);
    expect(results.map((r) => r.checkId)).toEqual(passiveDutyIds('carrier'));
    expect(results.every((r) => r.status === 'skipped' && r.message.startsWith('not observed: the client sent no '))).toBe(true);
  });

  it('judges a carrier client only on the duties it can owe: no trajectory read, no shipping data', () => {
    expect(passiveDutyIds('platform')).not.toContain('serve/trajectory-read-to-the-end');
    expect(passiveDutyIds('platform')).not.toContain('serve/shipping-data-minimal');
    expect(passiveDutyIds('carrier')).toHaveLength(9);
  });

  it('passes signatures, keys and shipping data it saw, and skips the retries it did not', () => {
    const results = byId(judgePassively('carrier', [request({ key: KEY_A }), request({ key: KEY_B })]));
    expect(results['serve/requests-signed']?.status).toBe('passed');
    expect(results['serve/creating-requests-keyed']?.status).toBe('passed');
    expect(results['serve/idempotency-keys-random']?.status).toBe('passed');
    expect(results['serve/shipping-data-minimal']?.status).toBe('passed');
    expect(results['serve/retry-keeps-key']?.status).toBe('skipped');
    expect(results['serve/retry-after-honoured']?.status).toBe('skipped');
  });

  it('fails ECDX-IDM-001 on a creating request without a key, with the finding as message and evidence', () => {
    const results = byId(judgePassively('carrier', [request({ key: null })]));
    const keyed = results['serve/creating-requests-keyed']!;
    expect([keyed.status, keyed.failedRequirementIds]).toEqual(['failed', ['ECDX-IDM-001']]);
    expect(keyed.message).toMatch(/carries no Idempotency-Key/);
    expect(keyed.evidence).toEqual([expect.objectContaining({ kind: 'assertion', passed: false, requirementId: 'ECDX-IDM-001' })]);
    expect(results['serve/idempotency-keys-random']?.status).toBe('skipped');
  });

  it('fails ECDX-SEC-001 on a request whose signature the verifier refused', () => {
    const results = byId(
      judgePassively('platform', [request({ signature: { kind: 'refused', detail: 'no Signature field', detailZh: '没有 Signature 字段' } })]),
    );
    expect(results['serve/requests-signed']?.status).toBe('failed');
  });

  it('warns (a SHOULD) on keys that differ only in a counter', () => {
    const results = byId(judgePassively('carrier', [request({ key: `${KEY_A}-1` }), request({ key: `${KEY_A}-2` })]));
    expect(results['serve/idempotency-keys-random']?.status).toBe('warning');
  });

  it('judges the repeat of a request answered 503 with Retry-After: its wait (ECDX-ERR-013) and its key (ECDX-IDM-011)', () => {
    const refused = request({ answer: { status: 503, headers: { 'retry-after': '1' }, body: '{}' } });
    const again = (after: number, key = KEY_A) => ({
      ...refused,
      seq: refused.seq + 1,
      headers: { 'idempotency-key': key },
      receivedAt: refused.receivedAt + after,
    });
    const patient = byId(judgePassively('carrier', [refused, { ...again(1_100), answer: { status: 201, headers: {}, body: '{}' } }]));
    expect([patient['serve/retry-after-honoured']?.status, patient['serve/retry-keeps-key']?.status]).toEqual(['passed', 'passed']);
    const hasty = byId(judgePassively('carrier', [refused, again(100)]));
    expect([hasty['serve/retry-after-honoured']?.status, hasty['serve/retry-after-honoured']?.failedRequirementIds]).toEqual(['failed', ['ECDX-ERR-013']]);
    const rekeyed = byId(judgePassively('carrier', [refused, again(1_100, KEY_B)]));
    expect(rekeyed['serve/retry-keeps-key']?.status).toBe('failed');
  });

  it('takes a new request with a new key and body after a 503 for no retry, so a client that gave up is not failed for it', () => {
    const refused = request({ answer: { status: 503, headers: { 'retry-after': '1' }, body: '{}' } });
    const results = byId(judgePassively('carrier', [refused, request({ key: KEY_B })]));
    expect([results['serve/retry-keeps-key']?.status, results['serve/retry-after-honoured']?.status]).toEqual(['skipped', 'skipped']);
  });

  it('fails ECDX-TRK-021 when a page named a nextCursor that no request followed, and passes when every one was', () => {
    const page = (cursor: string | null, next?: string) =>
      request({
        method: 'GET',
        operationId: 'listTrackingEvents',
        path: '/v1/shipments/ECDXH0000000001/events',
        params: { waybillNo: 'ECDXH0000000001' },
        query: new URLSearchParams(cursor ? { cursor } : {}),
        key: null,
        body: undefined,
        answer: { status: 200, headers: {}, body: JSON.stringify({ waybillNo: 'ECDXH0000000001', items: [], ...(next ? { nextCursor: next } : {}) }) },
      });
    const stopped = byId(judgePassively('carrier', [page(null, 'c1')]));
    expect(stopped['serve/trajectory-read-to-the-end']?.status).toBe('failed');
    const read = byId(judgePassively('carrier', [page(null, 'c1'), page('c1', 'c2'), page('c2')]));
    expect(read['serve/trajectory-read-to-the-end']?.status).toBe('passed');
  });

  it('shows the exchanges of the requests a duty read before its assertions, when it is given them', () => {
    const sent = [request({ key: KEY_A }), request({ key: null })];
    const exchangeOf = (r: ClientRequest) => ({
      kind: 'http' as const,
      direction: 'from-target' as const,
      request: { method: r.method, url: r.url, headers: {} },
      durationMs: 0,
      at: new Date(r.receivedAt).toISOString(),
    });
    const keyed = byId(judgePassively('carrier', sent, { exchangeOf }))['serve/creating-requests-keyed']!;
    expect(keyed.evidence.map((e) => e.kind)).toEqual(['http', 'http', 'assertion']);
    expect(byId(judgePassively('carrier', sent))['serve/creating-requests-keyed']?.evidence.map((e) => e.kind)).toEqual(['assertion']);
  });
});
