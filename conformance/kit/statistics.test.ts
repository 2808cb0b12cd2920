import { afterEach, describe, expect, it } from 'vitest';
import { generateEd25519SigningKey } from '../../protocol/index.ts';
import { schemaByName, type SharingStatistics } from '../../schemas/src/index.ts';
import { SECOND } from '../../schemas/time.ts';
import { PreconditionFailed } from '../harness/check.ts';
import { scriptedClaim, scriptedContext, type Script } from '../harness/scripted-target.ts';
import { getStatistics, makeExchanges, readStatistics, shortfalls, STATISTICS_PATH, statisticsPath, waybillLikeToken } from './statistics.ts';
import { verbatim } from '../i18n/text.ts';

const example = (schemaByName('SharingStatistics') as { examples: SharingStatistics[] }).examples[0]!;
const FROM = '2026-03-01T00:00:00+08:00';
const TO = '2026-03-02T00:00:00Z';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

function target(role: 'carrier' | 'platform', script?: Script) {
  const scripted = scriptedContext({ role, claim: scriptedClaim(role), ...(script ? { script } : {}) });
  close = scripted.close;
  return scripted;
}

/** A carrier that creates every shipment asked for (waybill numbers counting up) and refuses what it cannot read. */
function shippingCarrier(): Script {
  let next = 0;
  return (request) => {
    const body = JSON.parse(request.body) as { package?: { count?: number } };
    if (body.package?.count === 0) return { status: 422, json: { type: 'https://ecdx.dev/problems/validation-failed', title: 'x', status: 422 } };
    const waybillNo = `ECDXDEMO${String(++next).padStart(10, '0')}`;
    const at = '2026-03-01T09:30:02+08:00';
    return { status: 201, json: { waybillNo, carrierCode: 'ECDXDEMO', status: 'CREATED', request: body, createdAt: at, updatedAt: at } };
  };
}

const failures = (evidence: readonly { kind: string; passed?: boolean; message?: string }[]) =>
  evidence.filter((e) => e.kind === 'assertion' && !e.passed).map((e) => e.message);

describe('kit/statistics', () => {
  it('writes the period into the query, leaving out a parameter given as undefined', () => {
    expect(statisticsPath(FROM, TO)).toBe(`${STATISTICS_PATH}?from=2026-03-01T00%3A00%3A00%2B08%3A00&to=2026-03-02T00%3A00%3A00Z`);
    expect(statisticsPath(undefined, TO)).toBe(`${STATISTICS_PATH}?to=2026-03-02T00%3A00%3A00Z`);
    expect(statisticsPath(FROM, undefined)).toBe(`${STATISTICS_PATH}?from=2026-03-01T00%3A00%3A00%2B08%3A00`);
    expect(statisticsPath(undefined, undefined)).toBe(STATISTICS_PATH);
  });

  it("asks for a period signed with the run's key, or another", async () => {
    const { t, requests } = target('carrier', () => ({ status: 200, json: example }));
    await getStatistics(t, FROM, TO);
    await getStatistics(t, FROM, TO, generateEd25519SigningKey('another-platform'));
    expect(requests.map((r) => [r.method, r.path === statisticsPath(FROM, TO), /keyid="([^"]+)"/.exec(r.headers['signature-input'] ?? '')?.[1]])).toEqual([
      ['GET', true, expect.any(String)],
      ['GET', true, 'another-platform'],
    ]);
    expect(requests[0]!.headers['signature-input']).not.toContain('another-platform');
  });

  it('reads valid statistics, and ends the check precondition-failed on anything else', async () => {
    expect(await readStatistics(target('carrier', () => ({ status: 200, json: example })).t, FROM, TO, verbatim('to test'))).toEqual(example);
    await close?.();
    const refusing = target('carrier', () => ({ status: 500, json: {} }));
    await expect(readStatistics(refusing.t, FROM, TO, verbatim('to test'))).rejects.toThrow(PreconditionFailed);
    await close?.();
    const invalid = target('carrier', () => ({ status: 200, json: { ...example, shipments: undefined } }));
    await expect(readStatistics(invalid.t, FROM, TO, verbatim('to test'))).rejects.toThrow(PreconditionFailed);
    expect([...failures(refusing.t.evidence), ...failures(invalid.t.evidence)]).toMatchInlineSnapshot(`
      [
        "precondition: GET /v1/statistics/sharing (to test) was answered 500, not 200 (ECDX-STA-001)",
        "precondition: GET /v1/statistics/sharing (to test) did not answer a valid SharingStatistics (/shipments Expected required property; /shipments Expected object)",
      ]
    `);
  });

  it('makes shipments for a carrier to count, remembering what the statistics must never repeat', async () => {
    const { t, requests } = target('carrier', shippingCarrier());
    const before = t.targetNow();
    const exchanges = await makeExchanges(t, { shipments: 2, rejected: true });
    // The period around them is read off the target's clock (its health document, for a deployment without test mode).
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/health',
      'POST /v1/shipments',
      'POST /v1/shipments',
      'POST /v1/shipments',
      'GET /v1/health',
    ]);
    expect(exchanges.expected.map((e) => `${e.label} ≥ ${e.atLeast}: ${e.count(example)}`)).toEqual([
      'shipments.received ≥ 2: 120500',
      'shipments.accepted ≥ 2: 120380',
    ]);
    expect(exchanges.secrets.filter((s) => s.kind === 'waybill number').map((s) => s.value)).toEqual(['ECDXDEMO0000000001', 'ECDXDEMO0000000002']);
    expect(exchanges.secrets.map((s) => s.kind)).toEqual(expect.arrayContaining(['name', 'phone', 'privacy-number', 'address-detail']));
    expect(Date.parse(exchanges.from)).toBeLessThan(before);
    expect(Date.parse(exchanges.to)).toBeGreaterThan(exchanges.completedAt);
    expect(Date.parse(exchanges.to) - exchanges.completedAt).toBeLessThanOrEqual(2 * SECOND);
  });

  it('pushes two tracking events to a platform to count, or ends the check precondition-failed when it refuses them', async () => {
    const accepting = target('platform', () => ({ status: 200, json: {} }));
    const exchanges = await makeExchanges(accepting.t);
    const pushes = accepting.requests.filter((r) => r.method === 'POST');
    expect(pushes.map((r) => [r.path, JSON.parse(r.body).events.length, 'webhook-signature' in r.headers])).toEqual([['/v1/tracking-events', 2, true]]);
    expect(exchanges.expected.map((e) => `${e.label} ≥ ${e.atLeast}`)).toEqual(['trackingEvents.provided ≥ 2', 'pushes.delivered ≥ 1']);
    expect(exchanges.secrets).toEqual([{ kind: 'waybill number', value: JSON.parse(pushes[0]!.body).events[0].waybillNo }]);
    await close?.();
    const refusing = target('platform', () => ({ status: 401, json: {} }));
    await expect(makeExchanges(refusing.t)).rejects.toThrow(PreconditionFailed);
    expect(failures(refusing.t.evidence)).toMatchInlineSnapshot(`
      [
        "precondition: a correctly signed push of two tracking events was answered 401, not 2xx, so the platform has received nothing to count",
      ]
    `);
  });

  it('names the figures that do not yet count the exchanges', () => {
    const exchanges = {
      from: FROM,
      to: TO,
      completedAt: 0,
      secrets: [],
      expected: [{ label: 'shipments.received', count: (s: SharingStatistics) => s.shipments.received, atLeast: 3 }],
    };
    expect(shortfalls(exchanges, example)).toEqual([]);
    expect(shortfalls(exchanges, { ...example, shipments: { ...example.shipments, received: 2 } })).toEqual(['shipments.received 2 < 3']);
  });

  it('tells a token that reads like a waybill number from codes and times', () => {
    expect(waybillLikeToken('parcel SF1234567890123 lost')).toBe('SF1234567890123');
    expect(waybillLikeToken('12345678')).toBe('12345678');
    expect(waybillLikeToken('ECDXDEMO')).toBeUndefined();
    expect(waybillLikeToken('2026-03-01T09:30:00+08:00')).toBeUndefined();
    expect(waybillLikeToken('AB12345')).toBeUndefined();
    expect(waybillLikeToken('ABCDE12345')).toBeUndefined();
    // Lower-case letters separate tokens: the run of digits still reads like a waybill number.
    expect(waybillLikeToken('sf1234567890123')).toBe('1234567890123');
    expect(waybillLikeToken(`X${'1'.repeat(32)}`)).toBeUndefined();
  });
});
