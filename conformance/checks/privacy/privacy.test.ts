// Privacy checks of URLs against scripted targets (ECDX-PRV-016, which binds both roles): the Location a carrier
// answers for a new shipment and the one a platform answers for a notice it received, clean and carrying personal
// data; and the outcome when there is no Location to scan, which is never a pass.
import { describe, expect, it } from 'vitest';
import { schemaByName } from '../../../schemas/src/index.ts';
import type { CheckResult } from '../../harness/report.ts';
import { runScripted, scriptedClaim, scriptedProblem, type Script } from '../../harness/scripted-target.ts';
import { privacyChecks } from './index.ts';

const check = (id: string) => privacyChecks.find((c) => c.id === id)!;
const outcome = ({ status, message }: CheckResult) => ({ status, message: message.replace(/ecdx-conf-ntc-[0-9a-f]{12}/g, 'ecdx-conf-ntc-…') });

/** A platform that takes every notice and answers 201 with the copy, its Location made by `location`. */
const platform =
  (location: (notice: { noticeId: string; impact: { mitigation?: string } }) => string | undefined): Script =>
  (request) => {
    if (request.method !== 'POST' || request.path !== '/v1/interruption-notices') return scriptedProblem('not-found');
    const notice = JSON.parse(request.body) as { noticeId: string; issuedAt: string; impact: { mitigation?: string } };
    const copy = { ...notice, negotiation: { state: 'ISSUED', responses: [], obligations: {} }, receivedAt: notice.issuedAt };
    const url = location(notice);
    return { status: 201, json: copy, ...(url ? { headers: { location: url } } : {}) };
  };
const onPlatform = async (script: Script, classes: Parameters<typeof scriptedClaim>[1] = ['privacy', 'notices']) =>
  outcome(await runScripted(check('privacy/notice-location-without-personal-data'), { role: 'platform', claim: scriptedClaim('platform', classes), script }));

describe('privacy/notice-location-without-personal-data', () => {
  it('passes a platform whose Location names the copy only', async () => {
    expect(await onPlatform(platform((n) => `/v1/interruption-notices/${n.noticeId}`))).toMatchInlineSnapshot(`
      {
        "message": "2 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails a platform whose Location carries the contact a notice named', async () => {
    const leaky = platform((n) => `/v1/interruption-notices/${n.noticeId}?about=${encodeURIComponent(n.impact.mitigation ?? '')}`);
    expect(await onPlatform(leaky)).toMatchInlineSnapshot(`
      {
        "message": "the Location header of the received notice leaks personal data: an unmasked mobile number (139****5678) at /",
        "status": "failed",
      }
    `);
  });

  it('ends precondition-failed without a Location, skipped without notices, never passed', async () => {
    expect(await onPlatform(platform(() => undefined))).toMatchInlineSnapshot(`
      {
        "message": "the 201 answer carries no Location header (ECDX-NTC-003's concern), so there is no URL to scan",
        "status": "precondition-failed",
      }
    `);
    expect(
      await onPlatform(
        platform(() => undefined),
        ['privacy', 'incidents'],
      ),
    ).toMatchInlineSnapshot(`
      {
        "message": "does not apply: the platform does not claim the notices class, the only one whose creating answer carries a Location header",
        "status": "skipped",
      }
    `);
  });
});

describe('privacy/location-without-personal-data', () => {
  const example = (schemaByName('Shipment') as { examples: Record<string, unknown>[] }).examples[0]!;
  /** A carrier that creates every shipment, its Location made by `location`. */
  const carrier =
    (location: (waybillNo: string, phone: string) => string | undefined): Script =>
    (request) => {
      if (request.method !== 'POST') return scriptedProblem('not-found');
      const body = JSON.parse(request.body) as { carrierCode: string; recipient: { phone: string } };
      const waybillNo = 'ECDXDEMO0000000001';
      const url = location(waybillNo, body.recipient.phone);
      return { status: 201, json: { ...example, waybillNo, carrierCode: body.carrierCode, request: body }, ...(url ? { headers: { location: url } } : {}) };
    };
  const onCarrier = async (script: Script) =>
    outcome(
      await runScripted(check('privacy/location-without-personal-data'), {
        role: 'carrier',
        claim: scriptedClaim('carrier', ['privacy', 'carrier-shipping']),
        script,
      }),
    );

  it("passes a clean Location and fails one that carries the recipient's telephone", async () => {
    expect(await onCarrier(carrier((w) => `/v1/shipments/${w}`))).toMatchInlineSnapshot(`
      {
        "message": "2 assertions held",
        "status": "passed",
      }
    `);
    expect(await onCarrier(carrier((w, phone) => `/v1/shipments/${w}?to=${phone}`))).toMatchInlineSnapshot(`
      {
        "message": "the Location header of the new shipment leaks personal data: an unmasked mobile number (138****5678) at /",
        "status": "failed",
      }
    `);
  });

  it('ends precondition-failed, never passed, without a Location', async () => {
    expect(await onCarrier(carrier(() => undefined))).toMatchInlineSnapshot(`
      {
        "message": "the 201 answer carries no Location header (ECDX-SHP-001's concern), so there is no URL to scan",
        "status": "precondition-failed",
      }
    `);
  });
});
