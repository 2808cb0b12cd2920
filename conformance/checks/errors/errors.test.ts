// Error-format checks against scripted answers: a target that answers with catalogue problems, and one that does
// not.
import { describe, expect, it } from 'vitest';
import { runScripted, scriptedClaim, scriptedProblem, type Script } from '../../harness/scripted-target.ts';
import { errorChecks } from './index.ts';

const check = (id: string) => errorChecks.find((c) => c.id === id)!;
/** The status and message a vendor reads, without the random part of generated paths. */
const outcome = ({ status, message }: { status: string; message: string }) => ({
  status,
  message: message.replace(/no-such-resource-[0-9a-f]+/g, 'no-such-resource-…'),
});
const claim = scriptedClaim('carrier', ['carrier-shipping']);
const run = async (id: string, script: Script) => outcome(await runScripted(check(id), { role: 'carrier', claim, script }));

const ROUTES: Record<string, string[]> = { '/v1/shipments': ['POST'], '/v1/conformance': ['GET'], '/v1/health': ['GET'] };

/** Routes as the Core chapter says: 404 for a path it does not define, 405 with Allow for a wrong method. */
const router: Script = (request) => {
  const path = request.path.split('?')[0]!;
  const allowed = ROUTES[path] ?? (/^\/v1\/shipments\/[^/]+$/.test(path) ? ['GET'] : undefined);
  if (!allowed) return scriptedProblem('not-found');
  if (!allowed.includes(request.method)) {
    const answer = scriptedProblem('method-not-allowed');
    return { ...answer, headers: { ...answer.headers, allow: allowed.join(', ') } };
  }
  return scriptedProblem('not-found');
};
/** Answers every miss with a bare 404 and no problem. */
const bare: Script = () => ({ status: 404, text: 'Not Found', headers: { 'content-type': 'text/html' } });

describe('error checks against scripted answers', () => {
  it('errors/unknown-path', async () => {
    expect(await run('errors/unknown-path', router)).toMatchInlineSnapshot(`
      {
        "message": "24 assertions held",
        "status": "passed",
      }
    `);
    expect(await run('errors/unknown-path', bare)).toMatchInlineSnapshot(`
      {
        "message": "unsigned GET /v1/ecdx-conformance-no-such-resource-…: the 404 answer is application/problem+json (got 'text/html')",
        "status": "failed",
      }
    `);
  });

  it('errors/method-not-allowed', async () => {
    expect(await run('errors/method-not-allowed', router)).toMatchInlineSnapshot(`
      {
        "message": "21 assertions held",
        "status": "passed",
      }
    `);
    expect(
      await run('errors/method-not-allowed', (request) => (request.method === 'GET' ? router(request) : scriptedProblem('not-found'))),
    ).toMatchInlineSnapshot(`
      {
        "message": "unsigned DELETE /v1/conformance: expected HTTP 405 (method-not-allowed), got 404 (not-found)",
        "status": "failed",
      }
    `);
  });

  it('errors/catalogue-types', async () => {
    const aboutBlank: Script = (request) => {
      const answer = router(request);
      return { ...answer, json: { ...(answer.json as object), type: 'about:blank' } };
    };
    expect((await run('errors/catalogue-types', router)).status).not.toBe('failed');
    expect(await run('errors/catalogue-types', aboutBlank)).toMatchInlineSnapshot(`
      {
        "message": "unsigned GET /v1/ecdx-conformance-no-such-resource-…: the problem type about:blank is a URI of the ECDX problem catalogue",
        "status": "failed",
      }
    `);
  });
});

describe('errors/invalid-params', () => {
  it('passes problems that name every violation, and says so with real values where in is left out', async () => {
    const naming: Script = (request) =>
      request.method === 'POST'
        ? scriptedProblem('validation-failed', {
            invalidParams: [
              { name: '/recipient/phone', reason: 'x' },
              { name: '/package/count', reason: 'y' },
            ],
          })
        : scriptedProblem('not-found');
    const result = await runScripted(check('errors/invalid-params'), { role: 'carrier', claim, script: naming });
    expect(result.status).toBe('passed');
    expect(result.evidence.flatMap((e) => (e.kind === 'assertion' && e.message.includes('is in the body') ? [e.message] : []))).toMatchInlineSnapshot(`
      [
        "the violation at /recipient/phone is in the body (in: not given, which means body)",
        "the violation at /package/count is in the body (in: not given, which means body)",
      ]
    `);
  });

  it('errors/conditional-rule-names-closest-member', async () => {
    const naming =
      (name: string): Script =>
      () =>
        scriptedProblem('validation-failed', { invalidParams: [{ name, reason: 'required' }] });
    expect(await run('errors/conditional-rule-names-closest-member', naming('/recipient/address/divisionCode'))).toMatchInlineSnapshot(`
      {
        "message": "1 assertion held",
        "status": "passed",
      }
    `);
    expect(await run('errors/conditional-rule-names-closest-member', naming('/recipient/address'))).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/shipments with a mainland recipient address without divisionCode: invalidParams do not name /recipient/address/divisionCode (they name /recipient/address)",
        "status": "failed",
      }
    `);
  });
});
