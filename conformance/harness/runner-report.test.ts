// What the runner's report says of how it ran: provenance (the settings as resolved, the key by id and algorithm
// only, the seed), waivers applied to the results, and a certification run that ignores them; the misuses are
// ConfigurationErrors before any request is sent.
import { describe, expect, it } from 'vitest';
import { demoCredentials } from '../../protocol/index.ts';
import { renderJson } from '../reporters/json.ts';
import { defineCheck } from './check.ts';
import type { Waiver } from './report.ts';
import { ConfigurationError, runSuite, type RunOptions } from './runner.ts';
import { scriptedClaim, scriptedDispatcher, SCRIPTED_TARGET } from './scripted-target.ts';
import { verbatim } from '../i18n/text.ts';

const claim = scriptedClaim('carrier', ['carrier-shipping']);

async function run(options: Partial<RunOptions> = {}) {
  const { dispatcher } = scriptedDispatcher((request) =>
    request.path.startsWith('/v1/conformance') ? { status: 200, json: claim } : { status: 200, json: {} },
  );
  try {
    const report = await runSuite({ target: SCRIPTED_TARGET, role: 'carrier', dispatcher, timeoutMs: 1_000, settleMs: 20, checks, ...options });
    return { report };
  } finally {
    await dispatcher.close();
  }
}

const checks = [
  defineCheck({
    id: 'errors/answers',
    requirements: ['ECDX-ERR-001'],
    title: 'answers',
    description: 'd',
    run: async (t) => {
      const health = await t.http.get('/v1/health');
      t.assert(health.status === 200, verbatim('GET /v1/health is answered 200'));
    },
  }),
  defineCheck({
    id: 'errors/fails',
    requirements: ['ECDX-ERR-002'],
    title: 'fails',
    description: 'd',
    run: async (t) => {
      await t.http.get('/v1/health');
      t.assert(false, verbatim('a MUST that does not hold'));
    },
  }),
];

const waiver: Waiver = { check: 'errors/fails', justification: 'accepted', grantedBy: 'A. Auditor', expires: '2099-12-31' };

describe('the report of a run', () => {
  it('records the settings as resolved, the key by id and algorithm, the seed, and the digests', async () => {
    const { report } = await run({ seed: 7, fuzzRuns: 3 });
    expect(report.provenance).toMatchObject({
      checkCount: 2,
      seed: 7,
      settings: { target: SCRIPTED_TARGET, role: 'carrier', classes: null, only: [], skip: [], timeoutMs: 1_000, settleMs: 20, fuzzRuns: 3, concurrency: 8 },
    });
    expect(report.provenance?.settings.key).toEqual({ id: demoCredentials.platform.signingKey.keyid, algorithm: 'ed25519' });
    expect(report.certification).toBe(false);
    expect(report.waivers).toBeUndefined();
    const json = renderJson(report);
    expect(json).not.toContain('PRIVATE KEY');
    expect(json).not.toMatch(/MC4CAQAwBQYDK2Vw/); // the start of every ed25519 PKCS#8 key
  });

  it('draws a seed when none is given, and records it', async () => {
    const { report } = await run();
    expect(Number.isInteger(report.provenance?.seed)).toBe(true);
  });

  it('waives a covered failure: the run is conformant-with-waivers, never conformant', async () => {
    const { report } = await run({ waivers: [waiver] });
    expect(report.results.map((r) => r.status)).toEqual(['passed', 'waived']);
    expect([report.verdict, report.conformant, report.summary.waived]).toEqual(['conformant-with-waivers', false, 1]);
    expect(report.waivers).toEqual([{ ...waiver, use: 'applied', checks: ['errors/fails'] }]);
  });

  it('under --certify keeps the real status and records the waiver as ignored', async () => {
    const { report } = await run({ waivers: [waiver], certify: true });
    expect(report.results.map((r) => r.status)).toEqual(['passed', 'failed']);
    expect([report.verdict, report.certification]).toEqual(['not-conformant', true]);
    expect(report.waivers).toEqual([{ ...waiver, use: 'ignored', checks: ['errors/fails'] }]);
  });

  it.each([
    [{ certify: true, only: ['errors'] }, /--certify runs the whole claimed suite: --only/],
    [{ certify: true, classes: ['carrier-shipping'] }, /--classes cannot narrow it/],
    [{ waivers: [{ ...waiver, expires: '2001-01-01' }] }, /expired on 2001-01-01/],
    [{ waivers: [{ ...waiver, check: 'errors/nosuch' }] }, /names check 'errors\/nosuch'/],
  ])('refuses %j before sending anything', async (options, message) => {
    const sent: string[] = [];
    const { dispatcher } = scriptedDispatcher((request) => {
      sent.push(request.path);
      return { status: 200, json: claim };
    });
    try {
      const attempt = runSuite({ target: SCRIPTED_TARGET, role: 'carrier', dispatcher, checks, ...options });
      await expect(attempt).rejects.toThrow(ConfigurationError);
      await expect(attempt).rejects.toThrow(message);
      expect(sent).toEqual([]);
    } finally {
      await dispatcher.close();
    }
  });
});
