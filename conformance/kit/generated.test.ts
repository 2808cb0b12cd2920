import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CancellationRequest } from '../../schemas/src/index.ts';
import { violations } from '../../schemas/validate.ts';
import { arbitraryFor } from '../generate/arbitrary.ts';
import { AssertionFailed } from '../harness/check.ts';
import { scriptedClaim, scriptedContext, scriptedProblem, type Script, type ScriptedRequest } from '../harness/scripted-target.ts';
import { checkProperty, expectGeneratedRefusals, leaveOutAlike, SHRINK_BUDGET } from './generated.ts';
import { verbatim } from '../i18n/text.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

function carrier(script: Script) {
  const scripted = scriptedContext({ role: 'carrier', claim: scriptedClaim('carrier', ['carrier-shipping']), requirementIds: ['ECDX-SHP-012'], script });
  close = scripted.close;
  return scripted;
}

/** A target that validates as the standard asks: 415 for another media type, 422 naming every violation. */
const validating =
  (except: (body: Record<string, unknown>) => boolean = () => false): Script =>
  (request: ScriptedRequest) => {
    if (!request.headers['content-type']?.startsWith('application/json')) return scriptedProblem('unsupported-media-type');
    const body = JSON.parse(request.body) as Record<string, unknown>;
    const found = violations(CancellationRequest, body);
    if (found.length === 0 || except(body)) return { status: 200, json: {} };
    return scriptedProblem('validation-failed', { invalidParams: found.map((v) => ({ name: v.pointer, reason: v.message, in: 'body' })) });
  };

const spec = (t: ReturnType<typeof carrier>['t']) => ({
  what: verbatim('POST /v1/shipments/X/cancellation'),
  schema: CancellationRequest,
  base: { reason: 'CARRIER_CHANGED', note: '买家改选其他快递' },
  arbitrary: arbitraryFor(CancellationRequest),
  send: (body: unknown, headers?: Record<string, string>) => t.http.post('/v1/shipments/X/cancellation', body, headers ? { headers } : {}),
  requirement: 'ECDX-SHP-012',
  mediaTypeRequirement: 'ECDX-ERR-008',
});

const failureOf = async (run: () => Promise<void>): Promise<string> => {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AssertionFailed);
  return (error as Error).message;
};

describe('expectGeneratedRefusals', () => {
  it('holds once against a target that refuses every variant naming its member', async () => {
    const { t, requests } = carrier(validating());
    await expectGeneratedRefusals(t, spec(t));
    expect(t.evidence.filter((e) => e.kind === 'assertion').map((e) => e.kind === 'assertion' && e.passed)).toEqual([true]);
    expect(requests.length).toBe(10 + t.fuzzRuns + 1); // every systematic variant, the random ones, the media type
  });

  it('keeps the first and last exchanges and every one not refused, and counts the rest as left out', async () => {
    const { t } = carrier(validating());
    const exchange = (status: number) => ({
      kind: 'http' as const,
      direction: 'to-target' as const,
      request: { method: 'POST', url: 'x', headers: {} },
      response: { status, headers: {} },
      durationMs: 1,
      at: 'now',
    });
    t.evidence.push({ kind: 'blocked', message: 'a step before the generated requests' });
    for (let i = 0; i < 100; i++) t.evidence.push(exchange(i === 50 ? 201 : 422));
    leaveOutAlike(t, 1, (status) => status >= 400 && status < 500);
    const statuses = t.evidence.flatMap((e) => (e.kind === 'http' ? [e.response!.status] : []));
    expect(statuses.length).toBe(41);
    expect(statuses[20]).toBe(201);
    expect(t.omittedExchanges).toBe(59);
    expect(t.evidence[0]?.kind).toBe('blocked');
  });

  it('fails on a bound checked off by one, with the smallest request and the keyword', async () => {
    const { t } = carrier(validating((body) => typeof body['note'] === 'string' && [...body['note']].length === 201));
    const message = await failureOf(() => expectGeneratedRefusals(t, spec(t)));
    expect(message).toContain('/note longer than maxLength 200 by one (keyword maxLength): expected HTTP 422 (validation-failed), got 200');
    expect(message).toContain('the smallest request that shows it: {"reason":"CARRIER_CHANGED","note":"');
  });

  it('names ECDX-ERR-004 for a 5xx, whatever the variant verifies', async () => {
    const { t } = carrier((request) => (request.body.includes('12345') ? { status: 500, json: {} } : validating()(request)));
    await failureOf(() => expectGeneratedRefusals(t, spec(t)));
    const failed = t.evidence.find((e) => e.kind === 'assertion' && !e.passed);
    expect(failed?.kind === 'assertion' && failed.requirementId).toBe('ECDX-ERR-004');
  });

  it('sends the same requests for the same seed', async () => {
    const bodies: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const { t, requests } = carrier(validating());
      await expectGeneratedRefusals(t, spec(t));
      bodies.push(requests.map((r) => r.body));
      await close?.();
      close = undefined;
    }
    expect(bodies[0]).toEqual(bodies[1]);
  });
});

describe('checkProperty', () => {
  it('shrinks a failure to the smallest counterexample and says how to reproduce it', async () => {
    const { t } = carrier(validating());
    const finding = await checkProperty(t, fc.array(fc.integer({ min: 0, max: 1000 })), async (values) =>
      values.some((v) => v > 500) ? { message: verbatim(`failed on ${JSON.stringify(values)}`) } : undefined,
    );
    expect(finding?.message.en).toMatch(/^failed on \[501\] \(seed 1, found after \d+ runs and \d+ shrinks; --seed 1 reproduces it\)$/);
  });

  it('spends at most its budget of executions, and passes nothing on no evidence', async () => {
    const { t } = carrier(validating());
    let executions = 0;
    const finding = await checkProperty(t, fc.string({ minLength: 30, maxLength: 60 }), async (value) => {
      executions += 1;
      return value.length > 0 ? { message: verbatim('always fails') } : undefined;
    });
    expect(finding).toBeDefined();
    expect(executions).toBeLessThanOrEqual(t.fuzzRuns + SHRINK_BUDGET + 1);
  });

  it('rethrows what stopped a request instead of shrinking it', async () => {
    const { t } = carrier(validating());
    let executions = 0;
    await expect(
      checkProperty(t, fc.nat(), async () => {
        executions += 1;
        throw new Error('connection refused');
      }),
    ).rejects.toThrow('connection refused');
    expect(executions).toBe(1);
  });

  it('holds for a property that holds', async () => {
    const { t } = carrier(validating());
    expect(await checkProperty(t, fc.nat(), async () => undefined)).toBeUndefined();
  });
});
