// Each discovery check against a scripted target, once answering as the standard says and once not (after
// Redocly's rule tests): the status and message a vendor would read.
import { describe, expect, it } from 'vitest';
import { runScripted, scriptedClaim, scriptedProblem, type ScriptedAnswer } from '../../harness/scripted-target.ts';
import { discoveryChecks } from './index.ts';

const check = (id: string) => discoveryChecks.find((c) => c.id === id)!;
const outcome = ({ status, message }: { status: string; message: string }) => ({ status, message });

const claim = scriptedClaim('carrier', ['carrier-shipping']);
const health = (at: Date, extra: Record<string, unknown> = {}): ScriptedAnswer => ({
  status: 200,
  json: { status: 'UP', serverTime: at.toISOString(), ecdxVersion: '1.0.0-draft', feeds: [{ feed: 'SHIPPING_DATA', status: 'UP', backlog: 0 }], ...extra },
});

describe('discovery checks against scripted answers', () => {
  it('discovery/claim-served-unsigned', async () => {
    const served = await runScripted(check('discovery/claim-served-unsigned'), { role: 'carrier', claim, script: () => ({ status: 404, json: {} }) });
    expect(outcome(served)).toMatchInlineSnapshot(`
      {
        "message": "3 assertions held",
        "status": "passed",
      }
    `);
    const refused = await runScripted(check('discovery/claim-served-unsigned'), {
      role: 'carrier',
      script: () => ({ status: 401, json: { type: 'https://ecdx.dev/problems/signature-missing', title: 'Signature missing', status: 401 } }),
    });
    expect(outcome(refused)).toMatchInlineSnapshot(`
      {
        "message": "unsigned GET /v1/conformance: expected HTTP 200, got 401 (Signature missing)",
        "status": "failed",
      }
    `);
  });

  it('discovery/claim-unknown-role-refused', async () => {
    // No scripted claim: the script itself answers GET /v1/conformance, with or without the query.
    const run = (answer: ScriptedAnswer) => runScripted(check('discovery/claim-unknown-role-refused'), { role: 'carrier', script: () => answer });
    const refusal = (invalidParams: unknown[]) => scriptedProblem('validation-failed', { invalidParams });
    expect(outcome(await run(refusal([{ name: '/role', in: 'query', reason: 'role must be carrier or platform' }])))).toMatchInlineSnapshot(`
      {
        "message": "7 assertions held",
        "status": "passed",
      }
    `);
    expect(outcome(await run({ status: 200, json: { role: 'carrier' } }))).toMatchInlineSnapshot(`
      {
        "message": "unsigned GET /v1/conformance?role=AAA: expected HTTP 422 (validation-failed), got 200",
        "status": "failed",
      }
    `);
    expect(outcome(await run(refusal([{ name: '/role', reason: 'unknown role' }])))).toMatchInlineSnapshot(`
      {
        "message": "unsigned GET /v1/conformance?role=AAA: invalidParams names /role with in: query (got [{"name":"/role","reason":"unknown role"}])",
        "status": "failed",
      }
    `);
  });

  it('discovery/claim-consistent', async () => {
    expect(outcome(await runScripted(check('discovery/claim-consistent'), { role: 'carrier', claim, script: () => ({ status: 404 }) }))).toMatchInlineSnapshot(`
      {
        "message": "3 assertions held",
        "status": "passed",
      }
    `);
    const platformClaim = scriptedClaim('carrier', ['platform-tracking-receiver']);
    expect(
      outcome(await runScripted(check('discovery/claim-consistent'), { role: 'carrier', claim: platformClaim, script: () => ({ status: 404 }) })),
    ).toMatchInlineSnapshot(`
      {
        "message": "platform-tracking-receiver is a platform class",
        "status": "failed",
      }
    `);
  });

  it('discovery/health-served-unsigned and discovery/health-honest', async () => {
    const honest = (request: { path: string }) => (request.path.startsWith('/v1/health') ? health(new Date()) : { status: 404 });
    expect(outcome(await runScripted(check('discovery/health-served-unsigned'), { role: 'carrier', claim, script: honest }))).toMatchInlineSnapshot(`
      {
        "message": "2 assertions held",
        "status": "passed",
      }
    `);
    expect(outcome(await runScripted(check('discovery/health-honest'), { role: 'carrier', claim, script: honest }))).toMatchInlineSnapshot(`
      {
        "message": "3 assertions held",
        "status": "passed",
      }
    `);
    const late = () => health(new Date(Date.now() - 5 * 60_000));
    expect(outcome(await runScripted(check('discovery/health-honest'), { role: 'carrier', claim, script: late }))).toMatchInlineSnapshot(`
      {
        "message": "serverTime is -300 s off true time",
        "status": "failed",
      }
    `);
  });

  it('discovery/head-and-options-not-allowed', async () => {
    const withAllow = (answer: ScriptedAnswer): ScriptedAnswer => ({ ...answer, headers: { ...answer.headers, allow: 'GET' } });
    const run = (script: (r: { method: string }) => ScriptedAnswer) =>
      runScripted(check('discovery/head-and-options-not-allowed'), { role: 'carrier', claim, script });
    const refuses = (request: { method: string }): ScriptedAnswer =>
      request.method === 'GET' ? { status: 200, json: {} } : withAllow(scriptedProblem('method-not-allowed'));
    expect(outcome(await run(refuses)).status).toBe('passed');
    const framework = (request: { method: string }): ScriptedAnswer =>
      request.method === 'OPTIONS' ? { status: 204, text: '', headers: { allow: 'GET, HEAD' } } : refuses(request);
    expect(outcome(await run(framework))).toMatchObject({ status: 'failed', message: expect.stringContaining('OPTIONS /v1/conformance: expected HTTP 405') });
    const headAsGet = (request: { method: string }): ScriptedAnswer => (request.method === 'HEAD' ? { status: 200, text: '' } : refuses(request));
    expect(outcome(await run(headAsGet))).toMatchObject({ status: 'failed', message: 'HEAD /v1/conformance: expected HTTP 405 (method-not-allowed), got 200' });
  });
});
