// tracking/page-size-on-a-long-trajectory against scripted carriers in test mode: one that serves pages of the page
// size (chapter Parcel data §4, ECDX-TRK-010), one whose default page is 10, one that refuses a limit above
// maxPageSize, and one that does not offer the long test path (skipped, not failed).
import { describe, expect, it } from 'vitest';
import { runScripted, scriptedClaim, type Script } from '../../harness/scripted-target.ts';
import { trackingPageSizeChecks } from './page-size.ts';

const WAYBILL = 'ECDXDEMO0000000001';
const NOW = '2026-03-01T09:30:02+08:00';

interface Carrier {
  events: number;
  maxPageSize?: number;
  defaultSize?: number;
  refusesAboveCap?: boolean;
}

function carrier({ events, maxPageSize = 100, defaultSize = 20, refusesAboveCap = false }: Carrier): Script {
  const items = Array.from({ length: events }, (_, i) => ({ eventId: `evt_${i + 1}`, waybillNo: WAYBILL, sequence: i + 1, status: 'SORTING' }));
  return (request) => {
    const url = new URL(request.path, 'http://carrier.example');
    if (url.pathname === '/v1/test/clock') return { status: 200, json: { now: NOW, speed: 0 } };
    if (request.method === 'POST' && url.pathname === '/v1/shipments') {
      return {
        status: 201,
        json: { waybillNo: WAYBILL, carrierCode: 'ECDXDEMO', status: 'CREATED', request: JSON.parse(request.body) as unknown, createdAt: NOW, updatedAt: NOW },
      };
    }
    const limit = url.searchParams.get('limit');
    if (refusesAboveCap && limit !== null && Number(limit) > maxPageSize) {
      return {
        status: 422,
        headers: { 'content-type': 'application/problem+json' },
        json: { type: 'https://ecdx.dev/problems/validation-failed', title: 'x', status: 422 },
      };
    }
    const size = Math.min(limit === null ? defaultSize : Number(limit), maxPageSize);
    const from = Number(url.searchParams.get('cursor') ?? 0);
    const next = from + size < events ? { nextCursor: String(from + size) } : {};
    return { status: 200, json: { waybillNo: WAYBILL, items: items.slice(from, from + size), ...next } };
  };
}

const check = trackingPageSizeChecks[0]!;
const outcome = async (c: Carrier) => {
  const claim = scriptedClaim('carrier', ['carrier-shipping', 'carrier-tracking-pull'], { testMode: true, maxPageSize: c.maxPageSize ?? 100 });
  const { status, message } = await runScripted(check, { role: 'carrier', claim, script: carrier(c) });
  return { status, message };
};

describe('tracking/page-size-on-a-long-trajectory', () => {
  it('passes when every page holds the page size', async () => {
    expect(await outcome({ events: 109 })).toMatchInlineSnapshot(`
      {
        "message": "8 assertions held",
        "status": "passed",
      }
    `);
  });
  it('passes with a smaller maxPageSize, which caps the default too', async () => {
    expect(await outcome({ events: 109, maxPageSize: 10, defaultSize: 10 })).toMatchInlineSnapshot(`
      {
        "message": "8 assertions held",
        "status": "passed",
      }
    `);
  });
  it('fails when a page without limit holds 10 events', async () => {
    expect(await outcome({ events: 109, defaultSize: 10 })).toMatchInlineSnapshot(`
      {
        "message": "GET /v1/shipments/ECDXDEMO0000000001/events: the first page of 109 events holds the page size 20 (no limit: 20) and a nextCursor (got 10 events, a nextCursor)",
        "status": "failed",
      }
    `);
  });
  it('fails when a limit above maxPageSize is refused', async () => {
    expect(await outcome({ events: 109, maxPageSize: 50, refusesAboveCap: true })).toMatchInlineSnapshot(`
      {
        "message": "GET /v1/shipments/ECDXDEMO0000000001/events?limit=51 is served with a page (a limit above maxPageSize 50 is served as 50), not refused: got HTTP 422",
        "status": "failed",
      }
    `);
  });
  it('is skipped when the parcel has no more events than a page (the long path is not offered)', async () => {
    expect(await outcome({ events: 10 })).toMatchInlineSnapshot(`
      {
        "message": "does not apply: the parcel ordered on ecdx-path-long- (ECDXDEMO0000000001) has 10 events, no more than a page without limit holds (20): the deployment does not offer the long test path",
        "status": "skipped",
      }
    `);
  });
});
