import { afterEach, describe, expect, it } from 'vitest';
import { AssertionFailed } from '../harness/check.ts';
import { scriptedContext, type ScriptedAnswer } from '../harness/scripted-target.ts';
import { catalogueSlug, expectRefusal, problemSummary } from './refusals.ts';
import { verbatim } from '../i18n/text.ts';

const problem = (status: number, slug: string, extra: Record<string, unknown> = {}): ScriptedAnswer => ({
  status,
  json: { type: `https://ecdx.dev/problems/${slug}`, title: slug, status, ...extra },
  headers: { 'content-type': 'application/problem+json' },
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function refusalOf(answer: ScriptedAnswer) {
  const scripted = scriptedContext({ role: 'carrier', requirementIds: ['ECDX-SEC-002'], script: () => answer });
  close = scripted.close;
  const { t } = scripted;
  const response = await t.http.get('/v1/shipments/X', { sign: false });
  let outcome = 'held';
  try {
    expectRefusal(t, response, 401, 'signature-missing', { what: verbatim('unsigned GET') });
  } catch (error) {
    outcome = error instanceof AssertionFailed ? `failed: ${error.message}` : String(error);
  }
  return {
    outcome,
    assertions: t.evidence
      .filter((e) => e.kind === 'assertion')
      .map((e) => e.kind === 'assertion' && `${e.passed ? '✔' : '✘'} ${e.requirementId} ${e.message}`),
  };
}

describe('kit/refusals', () => {
  it('knows the catalogue slugs of problem type URIs', () => {
    expect(catalogueSlug('https://ecdx.dev/problems/signature-missing')).toBe('signature-missing');
    expect(catalogueSlug('https://ecdx.dev/problems/made-up')).toBeUndefined();
    expect(catalogueSlug('about:blank')).toBeUndefined();
  });

  it('holds for the right refusal, naming the requirement under test and the error rules apart', async () => {
    expect(await refusalOf(problem(401, 'signature-missing'))).toMatchInlineSnapshot(`
      {
        "assertions": [
          "✔ ECDX-SEC-002 unsigned GET: expected HTTP 401 (signature-missing), got 401 (signature-missing)",
          "✔ ECDX-ERR-001 unsigned GET: the 401 answer is application/problem+json (got 'application/problem+json')",
          "✔ ECDX-ERR-001 unsigned GET: the body is a valid Problem",
          "✔ ECDX-ERR-001 unsigned GET: the problem's status member 401 equals the HTTP status 401",
          "✔ ECDX-ERR-002 unsigned GET: the problem type https://ecdx.dev/problems/signature-missing is a URI of the ECDX problem catalogue",
          "✔ ECDX-SEC-002 unsigned GET: problem type is signature-missing (got https://ecdx.dev/problems/signature-missing)",
        ],
        "outcome": "held",
      }
    `);
  });

  it('fails the requirement under test on a wrong status', async () => {
    expect(await refusalOf(problem(404, 'not-found'))).toMatchInlineSnapshot(`
      {
        "assertions": [
          "✘ ECDX-SEC-002 unsigned GET: expected HTTP 401 (signature-missing), got 404 (not-found)",
        ],
        "outcome": "failed: unsigned GET: expected HTTP 401 (signature-missing), got 404 (not-found)",
      }
    `);
  });

  it('fails ECDX-ERR-001, not the requirement under test, on a refusal in plain text', async () => {
    expect(await refusalOf({ status: 401, text: 'unauthorised', headers: { 'content-type': 'text/plain' } })).toMatchInlineSnapshot(`
      {
        "assertions": [
          "✔ ECDX-SEC-002 unsigned GET: expected HTTP 401 (signature-missing), got 401",
          "✘ ECDX-ERR-001 unsigned GET: the 401 answer is application/problem+json (got 'text/plain')",
        ],
        "outcome": "failed: unsigned GET: the 401 answer is application/problem+json (got 'text/plain')",
      }
    `);
  });

  it('summarises a problem for a message', () => {
    const response = {
      status: 422,
      headers: {},
      text: '',
      json: { type: 'https://ecdx.dev/problems/validation-failed', detail: 'bad' },
      durationMs: 1,
      sent: { method: 'GET', url: '', headers: {}, body: undefined },
    };
    expect(problemSummary(response)).toBe(' (validation-failed: bad)');
    expect(problemSummary({ ...response, json: undefined })).toBe('');
  });
});
