// Security checks against scripted answers: a gate that refuses what the Security chapter says, and one that
// does not. The right gate verifies with the protocol layer's own verifier and the demo keyring.
import { describe, expect, it } from 'vitest';
import {
  DEMO_WEBHOOK_SECRET,
  demoCredentials,
  demoKeyring,
  NonceCache,
  type NonceStore,
  verifyRequest,
  verifyWebhook,
  webhookSecret,
} from '../../../protocol/index.ts';
import { runScripted, scriptedClaim, scriptedProblem, SCRIPTED_TARGET, type Script } from '../../harness/scripted-target.ts';
import { securityChecks } from './index.ts';

const check = (id: string) => securityChecks.find((c) => c.id === id)!;
/** The status and message a vendor reads, without the random part of the probe's waybill number. */
const outcome = ({ status, message }: { status: string; message: string }) => ({ status, message: message.replace(/ECDXPROBE\d+/g, 'ECDXPROBE…') });
const claim = scriptedClaim('carrier', ['security', 'carrier-shipping']);

/** How a gate bends the rules of the Security chapter, if at all. */
interface Leniency {
  /** Seconds of clock skew it allows (the chapter: 30). */
  skewSeconds?: number;
  /** How long it remembers a nonce, in seconds (the chapter: until the signature's expires + 30 s). */
  nonceSeconds?: number;
}

/**
 * Refuses as the chapter says (or as `leniency` bends it); answers a signed request 404 (nothing is stored) or 201 to
 * a POST. Its clock is a test clock that the harness may move (`/v1/test/clock`); its health document tells it.
 */
const gate = (leniency: Leniency = {}): Script => {
  const cache = new NonceCache();
  const nonceCache: NonceStore = {
    checkAndRecord: (keyid, nonce, expiresAt, now) =>
      cache.checkAndRecord(keyid, nonce, leniency.nonceSeconds === undefined ? expiresAt : Math.min(expiresAt, now + leniency.nonceSeconds), now),
  };
  let moved = 0;
  const now = () => Date.now() + moved;
  return (request) => {
    if (request.path === '/v1/health') return { status: 200, json: { serverTime: new Date(now()).toISOString() } };
    const signable = {
      method: request.method,
      url: `${SCRIPTED_TARGET}${request.path}`,
      headers: request.headers,
      body: new TextEncoder().encode(request.body),
    };
    const verified = verifyRequest(signable, {
      keyring: demoKeyring(),
      nonceCache,
      now: now(),
      ...(leniency.skewSeconds ? { skewSeconds: leniency.skewSeconds } : {}),
    });
    if (verified.ok && request.path === '/v1/test/clock') {
      if (request.method === 'POST') moved += (JSON.parse(request.body) as { advanceSeconds: number }).advanceSeconds * 1000;
      return { status: 200, json: { now: new Date(now()).toISOString(), speed: 1 } };
    }
    if (!verified.ok) return verified.status === 429 ? scriptedProblem('rate-limited') : scriptedProblem(verified.problem, { detail: verified.detail });
    return request.method === 'POST' ? { status: 201, json: { accepted: true } } : scriptedProblem('not-found');
  };
};
const careless: Script = (request) => (request.method === 'POST' ? { status: 201, json: { accepted: true } } : scriptedProblem('not-found'));
const run = async (id: string, script: Script, against = claim) => outcome(await runScripted(check(id), { role: 'carrier', claim: against, script }));

describe('security checks against scripted answers', () => {
  it('security/unsigned-request-refused', async () => {
    expect((await run('security/unsigned-request-refused', gate())).status).toBe('passed');
    expect(await run('security/unsigned-request-refused', careless)).toMatchInlineSnapshot(`
      {
        "message": "unsigned POST /v1/shipments: expected HTTP 401 (signature-missing), got 201",
        "status": "failed",
      }
    `);
  });

  it('security/content-digest-verified', async () => {
    expect((await run('security/content-digest-verified', gate())).status).toBe('passed');
    expect(await run('security/content-digest-verified', careless)).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/shipments whose body was replaced after signing: expected HTTP 401 (digest-mismatch), got 201",
        "status": "failed",
      }
    `);
  });

  it('security/signature-value-verified', async () => {
    expect((await run('security/signature-value-verified', gate())).status).toBe('passed');
    expect(await run('security/signature-value-verified', careless)).toMatchInlineSnapshot(`
      {
        "message": "GET signed under keyid ecdx-demo-platform-ed25519 with another ed25519 key: expected HTTP 401 (signature-invalid), got 404 (not-found)",
        "status": "failed",
      }
    `);
  });

  it('security/nonce-replay-refused', async () => {
    expect((await run('security/nonce-replay-refused', gate())).status).toBe('passed');
    // A fresh gate for every request: it verifies each signature but forgets every nonce.
    const forgetful: Script = (request) => gate()(request);
    expect(await run('security/nonce-replay-refused', forgetful)).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/shipments replayed with the same signature: expected HTTP 401 (nonce-replayed), got 201",
        "status": "failed",
      }
    `);
  });

  it('security/signature-validity-enforced, just outside the allowed skew', async () => {
    expect(await run('security/signature-validity-enforced', gate())).toMatchInlineSnapshot(`
      {
        "message": "30 assertions held",
        "status": "passed",
      }
    `);
    // Takes a signature created 120 s ahead of its clock: it allows 150 s of skew, not 30.
    expect(await run('security/signature-validity-enforced', gate({ skewSeconds: 150 }))).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/shipments signed 60 s ahead of the target's clock: expected HTTP 401 (signature-expired), got 201",
        "status": "failed",
      }
    `);
  });

  it('security/nonce-remembered-until-expiry, late in the window', async () => {
    const testMode = { ...claim, testMode: true };
    expect(await run('security/nonce-remembered-until-expiry', gate(), testMode)).toMatchInlineSnapshot(`
      {
        "message": "12 assertions held",
        "status": "passed",
      }
    `);
    // Refuses a replay within the minute, and forgets the nonce after it.
    expect(await run('security/nonce-remembered-until-expiry', gate({ nonceSeconds: 60 }), testMode)).toMatchInlineSnapshot(`
      {
        "message": "GET /v1/shipments/ECDXPROBE… replayed 240 s after its signature was created: expected HTTP 401 (nonce-replayed), got 404 (not-found)",
        "status": "failed",
      }
    `);
    expect(await run('security/nonce-replay-refused', gate({ nonceSeconds: 60 }))).toMatchObject({ status: 'passed' });
  });

  it('security/demo-keys-refused-in-production: a test deployment is not asked, a production one that accepts them fails', async () => {
    const test = await runScripted(check('security/demo-keys-refused-in-production'), {
      role: 'carrier',
      claim: { ...claim, testMode: true },
      script: careless,
    });
    expect(outcome(test)).toMatchInlineSnapshot(`
      {
        "message": "does not apply: the target claims testMode: it is a test deployment, which may accept the demo credentials (ECDX-SEC-016 binds production deployments only), so they were not sent",
        "status": "skipped",
      }
    `);
    expect(test.evidence.filter((e) => e.kind === 'blocked')).toHaveLength(1);
    expect(await run('security/demo-keys-refused-in-production', careless)).toMatchInlineSnapshot(`
      {
        "message": "production deployment: GET /v1/shipments/ECDXPROBE… signed with the published demo key ecdx-demo-platform-ed25519: expected HTTP 401 (unknown-key), got 404 (not-found)",
        "status": "failed",
      }
    `);
  });
});

/**
 * A platform test deployment that takes a v1 push only with the secret of a subscription it made, as ECDX-SEC-012
 * reads, and holds one: the demo carrier's `sub_ecdx-demo`, with the published demo secret (chapter Test controls).
 */
const subscribedPlatform =
  (secrets: Record<string, string>): Script =>
  (request) => {
    if (request.method !== 'POST' || request.path !== '/v1/tracking-events') return scriptedProblem('not-found');
    const { batchId, subscriptionId, events } = JSON.parse(request.body) as { batchId: string; subscriptionId: string; events: unknown[] };
    const secret = secrets[subscriptionId];
    const keys = [demoCredentials.push.v1a.verificationKey, ...(secret ? [webhookSecret(secret)] : [])];
    const verified = verifyWebhook(request.headers, request.body, keys);
    return verified.ok ? { status: 200, json: { batchId, received: events.length, duplicates: 0 } } : scriptedProblem(verified.problem);
  };

describe('security/claimed-parameters-honoured against a platform test deployment', () => {
  const platformClaim = scriptedClaim('platform', ['security', 'platform-tracking-receiver'], { testMode: true, webhookSignatureSchemes: ['v1a', 'v1'] });
  const runPlatform = async (script: Script) =>
    outcome(await runScripted(check('security/claimed-parameters-honoured'), { role: 'platform', claim: platformClaim, script }));

  it('passes a platform that takes v1 pushes only for the subscription a test deployment holds at the demo carrier', async () => {
    expect(await runPlatform(subscribedPlatform({ 'sub_ecdx-demo': DEMO_WEBHOOK_SECRET }))).toMatchObject({ status: 'passed' });
  });

  it('fails a platform that does not take the v1 pushes of that subscription', async () => {
    expect(await runPlatform(subscribedPlatform({}))).toMatchInlineSnapshot(`
      {
        "message": "the claim lists v1, so a valid push of the demo carrier's subscription sub_ecdx-demo signed with its published v1 secret alone is accepted: expected 2xx, got 401",
        "status": "failed",
      }
    `);
  });
});
