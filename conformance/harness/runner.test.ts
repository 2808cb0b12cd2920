// The runner's promises whatever the target does: the run ends within its deadline with every check accounted
// for, a value the target sends never breaks a report, a failure of the harness itself still yields a report, and
// the filters say exactly what was tested (an unknown name is a usage error, an area selects its checks).
import { describe, expect, it } from 'vitest';
import { demoCredentials, signWebhook } from '../../protocol/index.ts';
import { renderJson } from '../reporters/json.ts';
import { defineCheck } from './check.ts';
import { partialRunPassed } from './report.ts';
import { ConfigurationError, runSuite, type RunOptions } from './runner.ts';
import { scriptedClaim, scriptedDispatcher, SCRIPTED_TARGET, type Script } from './scripted-target.ts';
import { verbatim } from '../i18n/text.ts';

const claim = scriptedClaim('carrier', ['carrier-shipping']);
const servingClaim =
  (script: Script = () => ({ status: 200, json: {} })): Script =>
  (request) =>
    request.path.startsWith('/v1/conformance') ? { status: 200, json: claim } : script(request);

async function run(options: Partial<RunOptions> & Pick<RunOptions, 'checks'>, script: Script = servingClaim()) {
  const { dispatcher } = scriptedDispatcher(script);
  try {
    return await runSuite({ target: SCRIPTED_TARGET, role: 'carrier', dispatcher, timeoutMs: 1_000, settleMs: 20, ...options, checks: options.checks! });
  } finally {
    await dispatcher.close();
  }
}

const check = (id: string, body: Parameters<typeof defineCheck>[0]['run'], requirement = 'ECDX-ERR-001') =>
  defineCheck({ id, requirements: [requirement], title: id, description: id, run: body });

/** A check that passes on evidence, as every check must: the scripted target answers GET /v1/health with 200. */
const answered: Parameters<typeof defineCheck>[0]['run'] = async (t) => {
  const health = await t.http.get('/v1/health');
  t.assert(health.status === 200, verbatim(`GET /v1/health is answered 200 (got ${health.status})`));
};
const quick = check('errors/quick', answered);
const forever = check('errors/forever', async (t) => {
  for (;;) {
    await t.http.get('/v1/health');
    await t.sleep(200);
  }
});

describe('the run deadline', () => {
  it('ends the run at its deadline: checks in flight and checks not started end as errors that say why', async () => {
    const started = Date.now();
    const finished: string[] = [];
    const progress = { checkFinished: (r: { checkId: string }) => finished.push(r.checkId) };
    const checks = [quick, forever, check('errors/later', answered)];
    const report = await run({ checks, concurrency: 1, maxDurationMs: 700, progress });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(report.results.map((r) => [r.checkId, r.status, r.message])).toEqual([
      ['errors/quick', 'passed', '1 assertion held'],
      ['errors/forever', 'error', 'stopped: the run reached its deadline (max duration 0.7 s) before this check finished'],
      ['errors/later', 'error', 'not run: the run reached its deadline (max duration 0.7 s) before this check started'],
    ]);
    expect([report.verdict, report.stopped]).toEqual(['not-conformant', 'the run reached its deadline (max duration 0.7 s)']);
    expect(finished).toEqual(['errors/quick', 'errors/forever', 'errors/later']); // the progress shows each of them
  }, 10_000);

  it('ends a check at its own deadline and stops its requests: the evidence is what the check did until then', async () => {
    const report = await run({ checks: [forever], checkDeadlineMs: 500 });
    const result = report.results[0]!;
    expect([result.status, result.message]).toEqual(['error', 'stopped: the check did not finish within 0.5 s']);
    const kept = result.evidence.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(result.evidence.length).toBe(kept);
  }, 10_000);
});

describe('what a target sends never breaks a report', () => {
  it('keeps a claim of 5,000 nested arrays out of the report, and every check still has a result', async () => {
    const nested = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const report = await run({ checks: [quick] }, () => ({ status: 200, text: nested, headers: { 'content-type': 'application/json' } }));
    expect(() => renderJson(report)).not.toThrow();
    expect(report.results[0]!.checkId).toBe('errors/quick');
  });

  it('bounds a claim that is deep and large without being unreadable', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 60; i++) deep = { deeper: deep };
    const huge = { ...claim, party: { name: 'x'.repeat(200_000) }, deep };
    const report = await run({ checks: [quick] }, (r) => (r.path.startsWith('/v1/conformance') ? { status: 200, json: huge } : { status: 200, json: {} }));
    const text = renderJson(report);
    expect(text.length).toBeLessThan(40_000);
    expect(text).toMatch(/199\d{3} more characters not kept/);
    expect(text).toMatch(/nested deeper than 16 levels: not kept/);
  });

  it('bounds the messages a check writes from what the target answered', async () => {
    const chatty = check('errors/chatty', async (t) => {
      const health = await t.http.get('/v1/health');
      for (let i = 0; i < 5_000; i++) t.assert(health.status === 200, verbatim(`held ${'y'.repeat(10_000)}`));
      t.assert(false, verbatim(`the target said ${'z'.repeat(1_000_000)}`));
    });
    const result = (await run({ checks: [chatty] })).results[0]!;
    expect(result.status).toBe('failed');
    expect(result.message.length).toBeLessThan(5_000);
    // 5,002 pieces: the exchange, 5,000 assertions on it and the failure; the first 499 and the last are kept.
    expect([result.evidence.length, result.omittedEvidence]).toEqual([500, 4502]);
    expect(result.evidence.at(-1)).toMatchObject({ kind: 'assertion', passed: false });
    expect(JSON.stringify(result).length).toBeLessThan(1_500_000);
  });
});

describe('forged pushes', () => {
  it('change no verdict: only the delivery that verifies counts, the rest is noise in the report', async () => {
    const post = (url: string, body: string, headers: Record<string, string> = {}) =>
      fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }).then((r) => r.status);
    const pushed = defineCheck({
      id: 'push/one-genuine-push',
      requirements: ['ECDX-PSH-011'],
      needs: ['callback'],
      title: 'one genuine push',
      description: 'One signed push among forged ones.',
      async run(t) {
        const callback = t.callback();
        callback.verifyWith(demoCredentials.push.v1a.verificationKey);
        for (let i = 0; i < 40; i++)
          await post(callback.url, `{"batchId":"bat_forged${i}"}`, { 'webhook-id': `msg_${i}`, 'webhook-timestamp': '1', 'webhook-signature': 'v1a,AAAA' });
        const body = '{"batchId":"bat_genuine"}';
        await post(
          callback.url,
          body,
          signWebhook({ id: 'bat_genuine', timestamp: Date.now(), body }, demoCredentials.push.v1a.signingKey) as unknown as Record<string, string>,
        );
        t.assert(await callback.waitFor(1, 1_000), verbatim('the push arrived'));
        t.assert(callback.deliveries.length === 1, verbatim(`exactly one push counts (got ${callback.deliveries.length})`));
      },
    });
    const report = await run({ checks: [pushed] }, (r) =>
      r.path.startsWith('/v1/conformance') ? { status: 200, json: scriptedClaim('carrier', ['carrier-tracking-push']) } : { status: 200, json: {} },
    );
    expect([report.results[0]!.status, report.results[0]!.message]).toEqual(['passed', '2 assertions held']);
    expect(report.noise).toEqual({ forged: 40, oversized: 0, overflow: 0, stray: 0 });
    expect(report.results[0]!.evidence.filter((e) => e.kind === 'http' && e.direction === 'from-target')).toHaveLength(1);
  });
});

describe('a failure of the harness itself', () => {
  it('still yields a report: what finished, and the rest as errors that name the failure', async () => {
    let seen = 0;
    const progress = {
      checkFinished: () => {
        seen += 1;
        if (seen === 1) throw new Error('the progress bar fell over');
      },
    };
    const report = await run({ checks: [quick, check('errors/second', answered)], concurrency: 1, progress });
    expect(report.results.map((r) => [r.checkId, r.status])).toEqual([
      ['errors/quick', 'passed'],
      ['errors/second', 'error'],
    ]);
    expect(report.results[1]!.message).toBe('not run: the harness failed: the progress bar fell over');
    expect([report.verdict, report.stopped]).toEqual(['not-conformant', 'the harness failed: the progress bar fell over']);
  });

  it('reports a check that throws something that is not an Error', async () => {
    const odd = check('errors/odd', async () => {
      throw null;
    });
    const result = (await run({ checks: [odd] })).results[0]!;
    expect([result.status, result.message]).toEqual(['error', 'the harness could not decide: null']);
  });
});

describe('--only and --skip', () => {
  const discovery = defineCheck({ id: 'discovery/x', requirements: ['ECDX-CNF-001'], title: 'x', description: 'x', run: answered });
  const checks = [quick, discovery];

  it.each([
    [{ only: ['nosuch-check'] }, "--only 'nosuch-check' names no check, requirement or area"],
    [{ skip: ['ECDX-NOPE-001'] }, "--skip 'ECDX-NOPE-001' names no check, requirement or area"],
  ])('refuses a name that is no check, requirement or area: %j', async (filters, message) => {
    await expect(run({ checks, ...filters })).rejects.toEqual(new ConfigurationError(message));
  });

  it('selects the checks of an area by its name', async () => {
    const report = await run({ checks, only: ['discovery'] });
    expect(report.results.map((r) => r.checkId)).toEqual(['discovery/x']);
    expect([report.verdict, report.scope.only]).toEqual(['partial', ['discovery']]);
  });

  it('runs nothing for a requirement no check verifies, and that is never a pass', async () => {
    const report = await run({ checks, only: ['ECDX-ERR-003'] });
    expect([report.results.length, report.verdict, report.conformant, partialRunPassed(report.results)]).toEqual([0, 'partial', false, false]);
  });
});

describe('--classes', () => {
  it('is a partial run when it names a class the target does not claim', async () => {
    const report = await run({ checks: [quick], classes: ['core', 'carrier-shipping', 'notices'] });
    expect([report.scope.partial, report.verdict]).toEqual([true, 'partial']);
  });

  it('is a whole run when it names exactly what the target claims', async () => {
    const report = await run({ checks: [quick], classes: ['carrier-shipping', 'core'] });
    expect([report.scope.partial, report.verdict, report.classes]).toEqual([false, 'conformant', ['core']]);
  });
});
