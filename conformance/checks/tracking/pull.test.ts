// Single checks of reading the trajectory against scripted carriers: one that serves events as chapter Parcel data
// §4 asks, and one with a fault, each check's outcome and message as the report would show them.
import { describe, expect, it } from 'vitest';
import { demoCredentials } from '../../../protocol/index.ts';
import type { Check } from '../../harness/check.ts';
import { runScripted, scriptedClaim, type Script, type ScriptedAnswer, type ScriptedRequest } from '../../harness/scripted-target.ts';
import { trackingPullChecks } from './pull.ts';

const check = (id: string): Check => trackingPullChecks.find((c) => c.id === id)!;

const problem = (status: number, slug: string, extra: Record<string, unknown> = {}): ScriptedAnswer => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  json: { type: `https://ecdx.dev/problems/${slug}`, title: slug, status, ...extra },
});

const WAYBILL = 'ECDXDEMO0000000001';

/** Five valid events of the waybill, the first of them recorded in the carrier's sorting centre. */
const events = [1, 2, 3, 4, 5].map((sequence) => ({
  eventId: `evt_${WAYBILL}_${sequence}`,
  waybillNo: WAYBILL,
  carrierCode: 'ECDXDEMO',
  sequence,
  status: 'SORTING',
  node: 'SORTING',
  occurredAt: `2026-03-01T18:4${sequence}:00+08:00`,
  recordedAt: `2026-03-01T18:4${sequence}:03+08:00`,
  location: { divisionCode: '110113', facilityCode: 'BJ010W', facilityName: '北京顺义集散中心' },
  description: '快件在【北京顺义集散中心】完成分拣',
  terminal: false,
}));

interface CarrierFaults {
  /** Serve events that name another waybill. */
  foreignEvents?: boolean;
  /** Serve a page whatever the limit says. */
  ignoresLimit?: boolean;
  /** Serve the first page for a cursor it never issued. */
  acceptsAnyCursor?: boolean;
  /** Tell another platform, with 403, that the waybill exists. */
  forbidsOthers?: boolean;
  /** Refuse the second key as unknown. */
  unknownSecondKey?: boolean;
}

const keyidOf = (request: ScriptedRequest): string | undefined => /keyid="([^"]+)"/.exec(request.headers['signature-input'] ?? '')?.[1];

/** A carrier holding one shipment of the harness's platform and its five events, serving them as ECDX asks unless told otherwise. */
function carrier(faults: CarrierFaults = {}): Script {
  return (request) => {
    if (request.method === 'POST' && request.path === '/v1/shipments') {
      const body = JSON.parse(request.body) as Record<string, unknown>;
      return {
        status: 201,
        json: {
          waybillNo: WAYBILL,
          carrierCode: 'ECDXDEMO',
          status: 'CREATED',
          request: body,
          createdAt: '2026-03-01T09:30:02+08:00',
          updatedAt: '2026-03-01T09:30:02+08:00',
        },
      };
    }
    const url = new URL(request.path, 'http://carrier.example');
    const waybillNo = /^\/v1\/shipments\/([^/]+)\/events$/.exec(url.pathname)?.[1];
    if (request.method !== 'GET' || waybillNo === undefined) return problem(404, 'not-found');
    if (keyidOf(request) === demoCredentials.platformHmac.keyid) {
      if (faults.unknownSecondKey) return problem(401, 'signature-invalid');
      if (faults.forbidsOthers) return problem(403, 'forbidden');
    }
    if (waybillNo !== WAYBILL || keyidOf(request) !== demoCredentials.platform.signingKey.keyid) return problem(404, 'not-found');
    const limitParam = url.searchParams.get('limit');
    const limit = limitParam === null ? 20 : Number(limitParam);
    if (!(Number.isInteger(limit) && limit >= 1) && !faults.ignoresLimit) {
      return problem(422, 'validation-failed', { invalidParams: [{ name: '/limit', in: 'query', reason: 'must be an integer of at least 1' }] });
    }
    const cursor = url.searchParams.get('cursor');
    const issued = cursor !== null && /^c[1-4]$/.test(cursor);
    if (cursor !== null && !issued && !faults.acceptsAnyCursor) {
      return problem(422, 'validation-failed', { invalidParams: [{ name: '/cursor', in: 'query', reason: 'not a cursor this carrier issued' }] });
    }
    const from = issued ? Number(cursor.slice(1)) : 0;
    const size = Number.isInteger(limit) && limit >= 1 ? Math.min(limit, 100) : 20;
    const items = events.slice(from, from + size).map((e) => (faults.foreignEvents ? { ...e, waybillNo: 'ECDXDEMO0000000002' } : e));
    const next = from + size < events.length ? { nextCursor: `c${from + size}` } : {};
    return { status: 200, json: { waybillNo: WAYBILL, items, ...next } };
  };
}

const claim = scriptedClaim('carrier', ['carrier-shipping', 'carrier-tracking-pull']);

async function outcome(id: string, script: Script) {
  const { status, message } = await runScripted(check(id), { role: 'carrier', claim, script });
  return { status, message };
}

describe('tracking/events-served', () => {
  it('passes on a valid EventPage of the waybill', async () => {
    expect(await outcome('tracking/events-served', carrier())).toMatchInlineSnapshot(`
      {
        "message": "4 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails when the events name another waybill', async () => {
    expect(await outcome('tracking/events-served', carrier({ foreignEvents: true }))).toMatchInlineSnapshot(`
      {
        "message": "event 1 names the waybill ECDXDEMO0000000002, not ECDXDEMO0000000001",
        "status": "failed",
      }
    `);
  });
});

describe('tracking/limit-invalid-refused', () => {
  it('passes when each invalid limit is refused with 422 naming /limit in the query', async () => {
    expect(await outcome('tracking/limit-invalid-refused', carrier())).toMatchInlineSnapshot(`
      {
        "message": "28 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails when an invalid limit is served a page', async () => {
    expect(await outcome('tracking/limit-invalid-refused', carrier({ ignoresLimit: true }))).toMatchInlineSnapshot(`
      {
        "message": "GET /v1/shipments/ECDXDEMO0000000001/events?limit=0: expected HTTP 422 (validation-failed), got 200",
        "status": "failed",
      }
    `);
  });
});

describe('tracking/cursor-not-issued-refused', () => {
  it('passes when a cursor never issued is refused with 422 validation-failed', async () => {
    expect(await outcome('tracking/cursor-not-issued-refused', carrier())).toMatchInlineSnapshot(`
      {
        "message": "12 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails when a cursor never issued is served a page', async () => {
    expect(await outcome('tracking/cursor-not-issued-refused', carrier({ acceptsAnyCursor: true }))).toMatchInlineSnapshot(`
      {
        "message": "GET /v1/shipments/ECDXDEMO0000000001/events?cursor=ecdx-conformance-forged-cursor (a cursor it never issued): expected HTTP 422 (a cursor it did not issue), got 200 with a page",
        "status": "failed",
      }
    `);
  });
});

describe('tracking/unknown-waybill-not-found', () => {
  it('passes when an unknown waybill and another platform\u2019s get the same 404', async () => {
    expect(await outcome('tracking/unknown-waybill-not-found', carrier())).toMatchInlineSnapshot(`
      {
        "message": "8 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails when another platform is told with 403 that the waybill exists', async () => {
    expect(await outcome('tracking/unknown-waybill-not-found', carrier({ forbidsOthers: true }))).toMatchInlineSnapshot(`
      {
        "message": "GET /v1/shipments/ECDXDEMO0000000001/events signed with the second key ecdx-demo-platform-hmac: expected 200 (the same platform) or 404 (as if the waybill did not exist), got 403: a 403 reveals that the waybill exists",
        "status": "failed",
      }
    `);
  });

  it('takes no step towards another platform when the second key is refused', async () => {
    expect(await outcome('tracking/unknown-waybill-not-found', carrier({ unknownSecondKey: true }))).toMatchInlineSnapshot(`
      {
        "message": "6 assertions held; a step was not taken: GET /v1/shipments/ECDXDEMO0000000001/events signed with the second key ecdx-demo-platform-hmac was refused with 401 (the key is not registered): the answer to another client was not seen",
        "status": "passed",
      }
    `);
  });
});

describe('tracking/walk-complete', () => {
  it('passes a complete walk, and says so with real values', async () => {
    // The journeys move the clock: the carrier serves a test clock (its events stay as they are).
    const withClock: Script = (request) =>
      request.path === '/v1/test/clock' ? { status: 200, json: { now: new Date().toISOString(), speed: 1 } } : carrier()(request);
    const result = await runScripted(check('tracking/walk-complete'), { role: 'carrier', claim: { ...claim, testMode: true }, script: withClock });
    expect(result.status).toBe('passed');
    const said = result.evidence.flatMap((e) => (e.kind === 'assertion' ? [e.message] : []));
    expect(said.filter((m) => m.includes('page'))[0]).toMatchInlineSnapshot(
      `"walking the trajectory of ECDXDEMO0000000001 1 a page: every one of the 5 pages was served"`,
    );
    expect(said.filter((m) => /undefined/.test(m))).toEqual([]);
  });
});
