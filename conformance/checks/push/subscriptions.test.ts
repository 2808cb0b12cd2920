// Single subscription checks against scripted carriers: one that manages subscriptions as chapter Pushes §1 asks,
// and one with a fault, each check's outcome and message as the report would show them.
import { describe, expect, it } from 'vitest';
import type { Check } from '../../harness/check.ts';
import { runScripted, scriptedClaim, type Script, type ScriptedAnswer, type ScriptedRequest } from '../../harness/scripted-target.ts';
import { pushChecks } from './index.ts';

const check = (id: string): Check => pushChecks.find((c) => c.id === id)!;

const problem = (status: number, slug: string, extra: Record<string, unknown> = {}): ScriptedAnswer => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  json: { type: `https://ecdx.dev/problems/${slug}`, title: slug, status, ...extra },
});

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

interface CarrierFaults {
  /** Accept a plain-http callback URL on a public host. */
  plainHttpCallback?: boolean;
  /** Show a v1 secret again when the subscription is read. */
  secretShownAgain?: boolean;
  /** Show a subscription to any platform that asks. */
  readableByOthers?: boolean;
}

const keyidOf = (request: ScriptedRequest): string | undefined => /keyid="([^"]+)"/.exec(request.headers['signature-input'] ?? '')?.[1];

/** A carrier that creates shipments and subscriptions as ECDX asks, unless told otherwise; `log` lists what it was asked. */
function carrier(faults: CarrierFaults = {}, log: string[] = []): Script {
  const subscriptions = new Map<string, Record<string, unknown>>();
  const owners = new Map<string, string | undefined>();
  return (request: ScriptedRequest) => {
    log.push(`${request.method} ${request.path}`);
    if (request.method === 'POST' && request.path === '/v1/shipments') {
      const body = JSON.parse(request.body) as Record<string, unknown>;
      const shipment = {
        waybillNo: 'ECDXDEMO0000000001',
        carrierCode: 'ECDXDEMO',
        status: 'CREATED',
        request: body,
        createdAt: '2026-03-01T09:30:02+08:00',
        updatedAt: '2026-03-01T09:30:02+08:00',
      };
      return { status: 201, json: shipment };
    }
    if (request.method === 'POST' && request.path === '/v1/subscriptions') {
      const body = JSON.parse(request.body) as { callbackUrl: string; signatureScheme: string };
      if (/^http:\/\/(?!127\.0\.0\.1)/.test(body.callbackUrl) && !faults.plainHttpCallback) {
        return problem(422, 'validation-failed', { invalidParams: [{ name: '/callbackUrl', reason: 'must be https off loopback' }] });
      }
      const subscriptionId = `sub_${subscriptions.size + 1}`;
      const subscription = { subscriptionId, ...body, state: 'ACTIVE', createdAt: '2026-03-01T09:30:02+08:00' };
      subscriptions.set(subscriptionId, subscription);
      owners.set(subscriptionId, keyidOf(request));
      const secret = body.signatureScheme === 'v1' ? { secret: SECRET } : {};
      return { status: 201, headers: { location: `/v1/subscriptions/${subscriptionId}` }, json: { ...subscription, ...secret } };
    }
    const id = /^\/v1\/subscriptions\/([^/?]+)$/.exec(request.path)?.[1];
    const subscription = id ? subscriptions.get(id) : undefined;
    const visible = subscription && (faults.readableByOthers || owners.get(id!) === keyidOf(request));
    if (!visible) return problem(404, 'subscription-not-found');
    if (request.method === 'DELETE') {
      subscriptions.delete(id!);
      return { status: 204 };
    }
    return { status: 200, json: { ...subscription, ...(faults.secretShownAgain ? { secret: SECRET } : {}) } };
  };
}

const claim = (schemes: ('v1a' | 'v1')[] = ['v1a', 'v1']) =>
  scriptedClaim('carrier', ['carrier-shipping', 'carrier-tracking-push'], { webhookSignatureSchemes: schemes });

async function outcome(id: string, script: Script, schemes?: ('v1a' | 'v1')[]) {
  const { status, message } = await runScripted(check(id), { role: 'carrier', claim: claim(schemes), script });
  return { status, message };
}

describe('push/callback-https-required', () => {
  it('passes when a plain-http callback on a public host is refused with 422 naming /callbackUrl', async () => {
    expect(await outcome('push/callback-https-required', carrier())).toMatchInlineSnapshot(`
      {
        "message": "7 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails when the subscription is created, and deletes it', async () => {
    const log: string[] = [];
    expect(await outcome('push/callback-https-required', carrier({ plainHttpCallback: true }, log))).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/subscriptions with a plain http callbackUrl on a public host: expected HTTP 422 (validation-failed), got 201",
        "status": "failed",
      }
    `);
    expect(log).toContain('DELETE /v1/subscriptions/sub_1');
  });
});

describe('push/secret-shown-once', () => {
  it('passes when the secret is not shown again', async () => {
    expect(await outcome('push/secret-shown-once', carrier())).toMatchInlineSnapshot(`
      {
        "message": "3 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails when reading the subscription shows its secret', async () => {
    expect(await outcome('push/secret-shown-once', carrier({ secretShownAgain: true }))).toMatchInlineSnapshot(`
      {
        "message": "GET /v1/subscriptions/sub_1 has no secret member: the secret is shown once, in the 201",
        "status": "failed",
      }
    `);
  });

  it('does not apply to a carrier that offers no v1 scheme (skipped)', async () => {
    expect(await outcome('push/secret-shown-once', carrier(), ['v1a'])).toMatchInlineSnapshot(`
      {
        "message": "does not apply: the claim offers no v1 scheme, so the carrier issues no secret to disclose",
        "status": "skipped",
      }
    `);
  });
});

describe('push/subscription-read-and-deleted', () => {
  it('passes when the owner reads it, others and unknown ids get 404, and a deleted one is gone', async () => {
    expect(await outcome('push/subscription-read-and-deleted', carrier())).toMatchInlineSnapshot(`
      {
        "message": "35 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails when another platform can read it', async () => {
    expect(await outcome('push/subscription-read-and-deleted', carrier({ readableByOthers: true }))).toMatchInlineSnapshot(`
      {
        "message": "GET /v1/subscriptions/sub_1 as another platform (keyid ecdx-demo-platform-hmac): expected HTTP 404 (subscription-not-found), got 200",
        "status": "failed",
      }
    `);
  });
});
