// Single privacy checks of tracking events against scripted carriers on a test clock: the two shared parcels have
// travelled before the first read (one delivered to the recipient in person, one returned to its sender), their
// events masked as chapter Privacy asks, or with one fault; each check's outcome and message as the report shows them.
import { describe, expect, it } from 'vitest';
import { maskLandline, maskName } from '../../../schemas/masking.ts';
import { SECOND } from '../../../schemas/time.ts';
import type { Check } from '../../harness/check.ts';
import { runScripted, scriptedClaim, type Script, type ScriptedAnswer } from '../../harness/scripted-target.ts';
import type { ServedEvent } from '../../kit/trajectory.ts';
import { trackingPrivacyChecks } from './index.ts';

const check = (id: string): Check => trackingPrivacyChecks.find((c) => c.id === id)!;

type Request = { recipient: { name: string; phone: string }; sender: { phone: string } };

/** The trajectory of a parcel as a carrier that masks correctly serves it, for the request the harness sent. */
function maskedTrajectory(delivered: boolean, request: Request): ServedEvent[] {
  const courier = { name: '李*', phone: '139****1234' };
  const accepted = { eventId: 'evt_1', sequence: 1, status: 'ACCEPTED', courier, description: '快件已揽收' };
  const out = { eventId: 'evt_2', sequence: 2, status: 'OUT_FOR_DELIVERY', courier, description: '快递员李*（电话139****1234）正在派送' };
  if (delivered) {
    const signatory = { name: maskName(request.recipient.name), relation: 'SELF' };
    return [accepted, out, { eventId: 'evt_3', sequence: 3, status: 'DELIVERED', signatory, terminal: true, description: '快件已签收' }];
  }
  const returned = `快件已退回寄件人，联系电话${maskLandline(request.sender.phone)}`;
  return [accepted, { eventId: 'evt_3', sequence: 3, status: 'RETURNED', terminal: true, description: returned }];
}

interface CarrierFaults {
  /** Change the events of the delivered (or returned) parcel before serving them. */
  alter?: (events: ServedEvent[], request: Request) => ServedEvent[];
  /** Write cursors that carry the recipient's mobile number. */
  cursorsCarryPhone?: boolean;
  /** It offers no named path (the Test controls chapter leaves them optional): every parcel is delivered. */
  noNamedPaths?: boolean;
}

/**
 * A carrier with test controls whose parcels have already ended: the run's `ecdx-happy-` parcel delivered, the
 * rejected one returned. It serves their events a page at a time, cursors naming the next offset.
 */
function carrier(faults: CarrierFaults = {}): Script {
  let now = Date.parse('2026-03-01T01:30:00Z');
  const shipments = new Map<string, { delivered: boolean; request: Request }>();
  return (r): ScriptedAnswer => {
    if (r.path === '/v1/test/clock') {
      if (r.method === 'POST') now += (JSON.parse(r.body) as { advanceSeconds: number }).advanceSeconds * SECOND;
      return { status: 200, json: { now: new Date(now).toISOString() } };
    }
    if (r.method === 'POST' && r.path === '/v1/shipments') {
      const request = JSON.parse(r.body) as Request & { platformOrderId: string };
      const waybillNo = `ECDXDEMO${String(shipments.size + 1).padStart(10, '0')}`;
      shipments.set(waybillNo, { delivered: faults.noNamedPaths || request.platformOrderId.startsWith('ecdx-happy-'), request });
      const shipment = {
        waybillNo,
        carrierCode: 'ECDXDEMO',
        status: 'CREATED',
        request,
        createdAt: '2026-03-01T09:30:02+08:00',
        updatedAt: '2026-03-01T09:30:02+08:00',
      };
      return { status: 201, json: shipment };
    }
    const url = new URL(r.path, 'http://carrier.example');
    const waybillNo = /^\/v1\/shipments\/([^/]+)\/events$/.exec(url.pathname)?.[1];
    const shipment = waybillNo ? shipments.get(waybillNo) : undefined;
    if (!shipment)
      return {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
        json: { type: 'https://ecdx.dev/problems/not-found', title: 'Not found', status: 404 },
      };
    const masked = maskedTrajectory(shipment.delivered, shipment.request);
    const events = shipment.delivered && faults.alter ? faults.alter(masked, shipment.request) : masked;
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const cursor = url.searchParams.get('cursor');
    const from = cursor ? Number(JSON.parse(Buffer.from(cursor, 'base64url').toString()).offset) : 0;
    const next = from + limit;
    const nextCursor = Buffer.from(JSON.stringify({ offset: next, ...(faults.cursorsCarryPhone ? { phone: shipment.request.recipient.phone } : {}) })).toString(
      'base64url',
    );
    return { status: 200, json: { waybillNo, items: events.slice(from, next), ...(next < events.length ? { nextCursor } : {}) } };
  };
}

const claim = scriptedClaim('carrier', ['carrier-shipping', 'carrier-tracking-pull', 'privacy'], { testMode: true });

async function outcome(id: string, script: Script) {
  const { status, message } = await runScripted(check(id), { role: 'carrier', claim, script });
  return { status, message };
}

/** The events with `change` applied to the event of sequence `sequence`. */
const changing = (sequence: number, change: (e: ServedEvent, request: Request) => ServedEvent) => (events: ServedEvent[], request: Request) =>
  events.map((e) => (e['sequence'] === sequence ? change(e, request) : e));

describe('tracking-privacy/names-masked', () => {
  it('passes when the signatory in person shows the M1 mask of the name sent', async () => {
    expect(await outcome('tracking-privacy/names-masked', carrier())).toMatchInlineSnapshot(`
      {
        "message": "1 assertion held",
        "status": "passed",
      }
    `);
  });

  it('fails when the signatory keeps the last character of the name', async () => {
    const alter = changing(3, (e, request) => ({
      ...e,
      signatory: { name: `${request.recipient.name[0]}*${request.recipient.name.slice(-1)}`, relation: 'SELF' },
    }));
    expect(await outcome('tracking-privacy/names-masked', carrier({ alter }))).toMatchInlineSnapshot(`
      {
        "message": "the delivered parcel ECDXDEMO0000000001: event 3 (DELIVERED): the recipient 张三 signed in person, so rule M1 on the name sent makes the signatory 张*, not "张*三" (and 2 more findings)",
        "status": "failed",
      }
    `);
  });

  it('fails when names of three or more characters are masked with a single * after the first character', async () => {
    const alter = changing(3, (e, request) => ({ ...e, signatory: { name: `${[...request.recipient.name][0]}*`, relation: 'SELF' } }));
    expect(await outcome('tracking-privacy/names-masked', carrier({ alter }))).toMatchInlineSnapshot(`
      {
        "message": "the delivered parcel ECDXDEMO0000000003: event 3 (DELIVERED): the recipient 张小三 signed in person, so rule M1 on the name sent makes the signatory 张*三, not "张*" (and 2 more findings)",
        "status": "failed",
      }
    `);
  });

  it('fails when a mask counts UTF-16 code units instead of characters', async () => {
    const byCodeUnits = (name: string) => (name.length >= 3 ? `${name[0]}${'*'.repeat(name.length - 2)}${name.at(-1)}` : `${name[0]}*`);
    const alter = changing(3, (e, request) => ({ ...e, signatory: { name: byCodeUnits(request.recipient.name), relation: 'SELF' } }));
    expect(await outcome('tracking-privacy/names-masked', carrier({ alter }))).toMatchInlineSnapshot(`
      {
        "message": "the delivered parcel ECDXDEMO0000000005: event 3 (DELIVERED): the recipient 𠮷田 signed in person, so rule M1 on the name sent makes the signatory 𠮷*, not "\\ud842*田" (and 1 more finding)",
        "status": "failed",
      }
    `);
  });

  it('ends precondition-failed when no parcel is signed for in person', async () => {
    const alter = changing(3, ({ signatory: _signatory, ...e }) => e);
    expect(await outcome('tracking-privacy/names-masked', carrier({ alter }))).toMatchInlineSnapshot(`
      {
        "message": "no DELIVERED event of the parcels on the regular path names its recipient as signatory (relation SELF), so rule M1 was not seen applied to a name the harness sent",
        "status": "precondition-failed",
      }
    `);
  });
});

describe('tracking-privacy/landlines-masked', () => {
  it("passes when the returned parcel shows its sender's landline masked by rule M3", async () => {
    expect(await outcome('tracking-privacy/landlines-masked', carrier())).toMatchInlineSnapshot(`
      {
        "message": "1 assertion held",
        "status": "passed",
      }
    `);
  });

  it('ends skipped, never passed, against a carrier that does not offer the rejected path (rule M3 has nothing to apply to)', async () => {
    expect(await outcome('tracking-privacy/landlines-masked', carrier({ noNamedPaths: true }))).toMatchInlineSnapshot(`
      {
        "message": "does not apply: no event of the parcels shows a landline, so rule M3 had nothing to apply to: the parcel ECDXDEMO0000000002 ordered on the rejected path (which the Test controls chapter leaves optional) was not returned to its sender, whose landline its RETURNED event could show",
        "status": "skipped",
      }
    `);
  });
});

describe('tracking-privacy/mobiles-masked', () => {
  it('passes when the courier\u2019s phone and the numbers in the text are masked by rule M2', async () => {
    expect(await outcome('tracking-privacy/mobiles-masked', carrier())).toMatchInlineSnapshot(`
      {
        "message": "1 assertion held",
        "status": "passed",
      }
    `);
  });

  it('fails on a mobile number masked otherwise', async () => {
    const alter = changing(2, (e) => ({ ...e, description: '快递员李*（电话13*******34）正在派送' }));
    expect(await outcome('tracking-privacy/mobiles-masked', carrier({ alter }))).toMatchInlineSnapshot(`
      {
        "message": "the delivered parcel ECDXDEMO0000000001: event 2 (OUT_FOR_DELIVERY): the masked mobile number 13*******34 at /description does not keep exactly the first 3 and last 4 digits (rule M2: 138****5678)",
        "status": "failed",
      }
    `);
  });
});

describe('tracking-privacy/no-identity-numbers', () => {
  it('passes when no event carries a resident identity number', async () => {
    expect(await outcome('tracking-privacy/no-identity-numbers', carrier())).toMatchInlineSnapshot(`
      {
        "message": "2 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails when an event carries one', async () => {
    const alter = changing(1, (e) => ({ ...e, description: '实名查验通过：11010519491231002X' }));
    expect(await outcome('tracking-privacy/no-identity-numbers', carrier({ alter }))).toMatchInlineSnapshot(`
      {
        "message": "the events of the delivered parcel ECDXDEMO0000000001: personal data leaks: a resident identity number (110…2X) at /items/0/description",
        "status": "failed",
      }
    `);
  });
});

describe('tracking-privacy/courier-signatory-masked', () => {
  it('passes when courier and signatory appear masked', async () => {
    expect(await outcome('tracking-privacy/courier-signatory-masked', carrier())).toMatchInlineSnapshot(`
      {
        "message": "4 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails on a courier\u2019s phone in clear', async () => {
    const alter = changing(1, (e) => ({ ...e, courier: { name: '李*', phone: '13912341234' } }));
    expect(await outcome('tracking-privacy/courier-signatory-masked', carrier({ alter }))).toMatchInlineSnapshot(`
      {
        "message": "the delivered parcel ECDXDEMO0000000001: event 1 (ACCEPTED): the courier's phone is not masked",
        "status": "failed",
      }
    `);
  });
});

describe('tracking-privacy/cursor-without-personal-data', () => {
  it('passes when the cursors carry an offset only', async () => {
    expect(await outcome('tracking-privacy/cursor-without-personal-data', carrier())).toMatchInlineSnapshot(`
      {
        "message": "1 assertion held",
        "status": "passed",
      }
    `);
  });

  it('fails when a cursor carries the recipient\u2019s mobile number', async () => {
    expect(await outcome('tracking-privacy/cursor-without-personal-data', carrier({ cursorsCarryPhone: true }))).toMatchInlineSnapshot(`
      {
        "message": "nextCursor 1 of 4 (base64-decoded) carries an unmasked mobile number (138****5678) (and 7 more findings)",
        "status": "failed",
      }
    `);
  });
});
