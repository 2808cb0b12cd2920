import { afterEach, describe, expect, it } from 'vitest';
import type { Shipment } from '../../schemas/src/index.ts';
import type { HttpResponse } from '../harness/client.ts';
import { AssertionFailed } from '../harness/check.ts';
import { scriptedClaim, scriptedContext, scriptedProblem, type Script } from '../harness/scripted-target.ts';
import { expectRefusalNaming, expectSchemaRefusal, judgeRefusal, timeInconsistencies, withRecipient, type RefusalExpectation } from './shipping-refusals.ts';
import { verbatim } from '../i18n/text.ts';

/** An answer as the client gives it, for the pure judgements. */
const answer = (status: number, json: unknown, contentType = 'application/problem+json'): HttpResponse => ({
  status,
  headers: { 'content-type': contentType },
  text: JSON.stringify(json),
  json,
  durationMs: 1,
  sent: { method: 'POST', url: 'http://127.0.0.1:9/v1/shipments', headers: {}, body: undefined },
});
const problem = (status: number, slug: string, extra: Record<string, unknown> = {}) =>
  answer(status, { type: `https://ecdx.dev/problems/${slug}`, title: slug, status, ...extra });

const expected: RefusalExpectation = { status: 422, slug: 'validation-failed', pointers: ['/purpose'], what: verbatim('POST with purpose MARKETING') };

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A carrier context whose check verifies ECDX-PRV-012, towards `script`. */
function carrier(script?: Script) {
  const scripted = scriptedContext({
    role: 'carrier',
    claim: scriptedClaim('carrier', ['carrier-shipping']),
    requirementIds: ['ECDX-PRV-012'],
    ...(script ? { script } : {}),
  });
  close = scripted.close;
  return scripted;
}

/** What a judgement recorded, one line per assertion, and how it ended. */
async function outcome(t: ReturnType<typeof carrier>['t'], step: () => unknown) {
  let ended = 'held';
  try {
    await step();
  } catch (error) {
    ended = error instanceof AssertionFailed ? 'failed' : String(error);
  }
  const lines = t.evidence.flatMap((e) => (e.kind === 'assertion' ? [`${e.passed ? '✔' : '✘'} ${e.requirementId ?? '-'} ${e.message}`] : []));
  return { ended, lines };
}

describe('kit/shipping-refusals', () => {
  it('finds nothing wrong with the refusal expected, naming members below a pointer too', () => {
    expect(judgeRefusal(problem(422, 'validation-failed', { invalidParams: [{ name: '/purpose', reason: 'x' }] }), expected)).toEqual([]);
    expect(judgeRefusal(problem(422, 'validation-failed', { invalidParams: [{ name: '/purpose/x', reason: 'x' }] }), expected)).toEqual([]);
    expect(judgeRefusal(problem(404, 'not-found'), { status: 404, slug: 'not-found', what: verbatim('GET') })).toEqual([]);
  });

  it('blames the requirement under test for the status, the type and the pointers, and the error rules for the format', () => {
    const judged = (response: HttpResponse, expectation: RefusalExpectation = expected) => judgeRefusal(response, expectation);
    expect([
      judged(answer(201, { waybillNo: 'X' }, 'application/json')),
      judged(answer(422, { title: 'bad' }, 'application/json')),
      judged(answer(422, { title: 'bad' })),
      judged(problem(422, 'validation-failed', { status: 400 })),
      judged(problem(422, 'made-up')),
      judged(problem(422, 'prohibited-contents')),
      judged(problem(422, 'validation-failed')),
      judged(problem(422, 'prohibited-contents'), { ...expected, slug: 'prohibited-contents', requirementId: 'ECDX-SHP-005' }),
      judged(problem(422, 'validation-failed', { invalidParams: [{ name: '/service', reason: 'x' }] }), { ...expected, pointerRequirementId: 'ECDX-ERR-003' }),
    ]).toMatchInlineSnapshot(`
      [
        [
          {
            "message": {
              "en": "POST with purpose MARKETING: expected HTTP 422 (validation-failed), got 201",
              "zh-Hans": "POST with purpose MARKETING：应为 HTTP 422（validation-failed），实际为 201",
            },
          },
        ],
        [
          {
            "message": {
              "en": "POST with purpose MARKETING: the 422 answer is application/problem+json (got 'application/json')",
              "zh-Hans": "POST with purpose MARKETING：422 应答应为 application/problem+json（实际为“application/json”）",
            },
            "requirementId": "ECDX-ERR-001",
          },
        ],
        [
          {
            "message": {
              "en": "POST with purpose MARKETING: the body is not a valid Problem: /type Expected required property; /status Expected required property; /type Expected string",
              "zh-Hans": "POST with purpose MARKETING：响应体不是有效的 Problem：/type 缺少必填成员；/status 缺少必填成员；/type 应为字符串",
            },
            "pointer": "/type",
            "requirementId": "ECDX-ERR-001",
          },
        ],
        [
          {
            "message": {
              "en": "POST with purpose MARKETING: the problem's status member 400 equals the HTTP status 422",
              "zh-Hans": "POST with purpose MARKETING：问题详情的 status 成员 400 与 HTTP 状态码 422 相同",
            },
            "requirementId": "ECDX-ERR-001",
          },
        ],
        [
          {
            "message": {
              "en": "POST with purpose MARKETING: the problem type https://ecdx.dev/problems/made-up is a URI of the ECDX problem catalogue",
              "zh-Hans": "POST with purpose MARKETING：问题类型 https://ecdx.dev/problems/made-up 是 ECDX 问题类型目录中的 URI",
            },
            "requirementId": "ECDX-ERR-002",
          },
        ],
        [
          {
            "message": {
              "en": "POST with purpose MARKETING: expected the problem validation-failed, got prohibited-contents (prohibited-contents)",
              "zh-Hans": "POST with purpose MARKETING：应为问题类型 validation-failed，实际为 prohibited-contents（prohibited-contents）",
            },
          },
        ],
        [
          {
            "message": {
              "en": "POST with purpose MARKETING: the validation-failed problem has no invalidParams naming /purpose",
              "zh-Hans": "POST with purpose MARKETING：validation-failed 问题详情没有指明 /purpose 的 invalidParams",
            },
            "requirementId": "ECDX-ERR-003",
          },
        ],
        [
          {
            "message": {
              "en": "POST with purpose MARKETING: the prohibited-contents problem has no invalidParams naming /purpose",
              "zh-Hans": "POST with purpose MARKETING：prohibited-contents 问题详情没有指明 /purpose 的 invalidParams",
            },
            "requirementId": "ECDX-SHP-005",
          },
        ],
        [
          {
            "message": {
              "en": "POST with purpose MARKETING: invalidParams do not name /purpose (they name /service)",
              "zh-Hans": "POST with purpose MARKETING：invalidParams 未指明 /purpose（其指明的是 /service）",
            },
            "pointer": "/purpose",
            "requirementId": "ECDX-ERR-003",
          },
        ],
      ]
    `);
  });

  it("records one assertion for a refusal as expected, under the check's requirement unless another is named", async () => {
    const { t } = carrier();
    const right = problem(422, 'validation-failed', { invalidParams: [{ name: '/purpose', reason: 'x' }] });
    expect(
      await outcome(t, () => {
        expectRefusalNaming(t, right, expected);
        expectRefusalNaming(t, right, { ...expected, requirementId: 'ECDX-CON-004' });
        expectRefusalNaming(t, answer(422, { title: 'bad' }, 'text/plain'), expected);
      }),
    ).toMatchInlineSnapshot(`
      {
        "ended": "failed",
        "lines": [
          "✔ ECDX-PRV-012 POST with purpose MARKETING: refused with 422 validation-failed naming /purpose",
          "✔ ECDX-CON-004 POST with purpose MARKETING: refused with 422 validation-failed naming /purpose",
          "✘ ECDX-ERR-001 POST with purpose MARKETING: the 422 answer is application/problem+json (got 'text/plain')",
        ],
      }
    `);
  });

  it("refuses a schema violation for the check's rule, and blames ECDX-SHP-003 when the target validates nothing", async () => {
    const refusing = carrier(() => scriptedProblem('validation-failed', { invalidParams: [{ name: '/purpose', reason: 'x' }] }));
    const body = { purpose: 'MARKETING' };
    expect(await outcome(refusing.t, () => expectSchemaRefusal(refusing.t, body, '/purpose', verbatim('with purpose MARKETING')))).toMatchInlineSnapshot(`
      {
        "ended": "held",
        "lines": [
          "✔ ECDX-PRV-012 POST /v1/shipments with purpose MARKETING: refused with 422 validation-failed naming /purpose",
        ],
      }
    `);
    expect(refusing.requests.length, 'no control after a refusal').toBe(1);
    await close?.();
    const accepting = carrier(() => ({ status: 201, json: {} }));
    expect(await outcome(accepting.t, () => expectSchemaRefusal(accepting.t, body, '/purpose', verbatim('with purpose MARKETING')))).toMatchInlineSnapshot(`
      {
        "ended": "failed",
        "lines": [
          "✘ ECDX-SHP-003 POST /v1/shipments with purpose MARKETING was accepted (201) — and so was a body with an unknown service level: the target does not validate shipping data against ShipmentRequest at all",
        ],
      }
    `);
    expect(JSON.parse(accepting.requests.at(-1)!.body).service).toBe('WARP_SPEED');
  });

  it("fails the check's own rule when only it is missed: the control is sent only after an acceptance", async () => {
    const controlRefused: Script = (request) =>
      JSON.parse(request.body).service === 'WARP_SPEED'
        ? scriptedProblem('validation-failed', { invalidParams: [{ name: '/service', reason: 'x' }] })
        : { status: 201, json: {} };
    const { t, requests } = carrier(controlRefused);
    expect(
      await outcome(t, () => expectSchemaRefusal(t, { purpose: 'MARKETING', service: 'STANDARD' }, '/purpose', verbatim('with purpose MARKETING'))),
    ).toMatchInlineSnapshot(`
      {
        "ended": "failed",
        "lines": [
          "✘ ECDX-PRV-012 POST /v1/shipments with purpose MARKETING: expected HTTP 422 (validation-failed), got 201",
        ],
      }
    `);
    expect(requests.map((r) => JSON.parse(r.body).service)).toEqual(['STANDARD', 'WARP_SPEED']);
  });

  it('finds the times of a Shipment that contradict each other', () => {
    const shipment = { createdAt: '2026-03-01T09:30:00+08:00', updatedAt: '2026-03-01T09:30:00+08:00' } as Shipment;
    expect(timeInconsistencies(shipment)).toEqual([]);
    expect(timeInconsistencies({ ...shipment, acceptedAt: '2026-03-01T01:30:00Z' })).toEqual([]);
    expect(timeInconsistencies({ ...shipment, acceptedAt: '2026-03-01T09:29:59+08:00', cancelledAt: '2026-03-01T10:00:00+08:00' })).toMatchInlineSnapshot(`
      [
        {
          "en": "acceptedAt 2026-03-01T09:29:59+08:00 is earlier than createdAt 2026-03-01T09:30:00+08:00",
          "zh-Hans": "acceptedAt 2026-03-01T09:29:59+08:00 早于 createdAt 2026-03-01T09:30:00+08:00",
        },
        {
          "en": "updatedAt 2026-03-01T09:30:00+08:00 is earlier than cancelledAt 2026-03-01T10:00:00+08:00",
          "zh-Hans": "updatedAt 2026-03-01T09:30:00+08:00 早于 cancelledAt 2026-03-01T10:00:00+08:00",
        },
      ]
    `);
  });

  it('changes the recipient of a copy of the full example', () => {
    const { t } = carrier();
    const body = withRecipient(t, (r) => {
      r['birthDate'] = '1990-01-01';
    });
    expect((body['recipient'] as Record<string, unknown>)['birthDate']).toBe('1990-01-01');
    expect((body['sender'] as Record<string, unknown>)['birthDate']).toBeUndefined();
    expect(body['carrierCode']).toBe('ECDXDEMO');
  });
});
