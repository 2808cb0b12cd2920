// The whole suite against a "yes-man": a target that claims every class open to its role, test mode included, and
// answers every other request with `200 {}`. It meets almost nothing, and a check passes only on positive evidence
// of the behaviour it verifies, so no MUST check may pass against it except those whose requirement it really
// meets. Checks that need a push from the target get none: they must not pass either.
import { beforeAll, describe, expect, it } from 'vitest';
import { conformanceClasses, conformanceClassNames } from '../../schemas/src/classes.ts';
import { TEST_ACTIONS_OF_ROLE, type PartyRole } from '../../schemas/src/index.ts';
import { runSuite } from '../harness/runner.ts';
import type { ConformanceReport, Evidence } from '../harness/report.ts';
import { SCRIPTED_TARGET, scriptedClaim, scriptedDispatcher } from '../harness/scripted-target.ts';
import { checks } from './index.ts';

/** The MUST checks the yes-man passes because it really does what their requirements ask, and why. */
const REALLY_MET: Record<PartyRole, Record<string, string>> = {
  carrier: {
    'discovery/claim-served-unsigned': 'it serves a valid claim as application/json without a signature',
    'discovery/claim-consistent': 'the claim it serves is consistent',
    'security/no-credentials-in-urls': 'it hands out no URL, so none carries a credential',
    'idempotency/expiry-published': 'the claim publishes an idempotency-key expiry of one day',
    'idempotency/key-ignored-on-reads': 'it answers a GET with an Idempotency-Key as it answers one without',
    'errors/no-server-error-for-bad-requests': 'it never answers 5xx',
  },
  platform: {
    'discovery/claim-served-unsigned': 'it serves a valid claim as application/json without a signature',
    'discovery/claim-consistent': 'the claim it serves is consistent',
    'security/no-credentials-in-urls': 'it hands out no URL, so none carries a credential',
    'security/claimed-parameters-honoured': 'it accepts requests and pushes signed with every algorithm and scheme it lists',
    'idempotency/expiry-published': 'the claim publishes an idempotency-key expiry of one day',
    'idempotency/key-ignored-on-reads': 'it answers a GET with an Idempotency-Key as it answers one without',
    'errors/no-server-error-for-bad-requests': 'it never answers 5xx',
    'push/receiver-acknowledges-in-time': 'it answers every push 2xx at once',
    'push/receiver-any-order': 'it takes events in any order',
    'push/receiver-takes-unexpected': 'it takes a batch of unexpected waybills and statuses',
    'push/receiver-several-signatures': 'it takes a push that carries several signatures',
  },
};

/** Every class open to the role, core included. */
const classesOf = (role: PartyRole) => conformanceClassNames.filter((c) => conformanceClasses[c].role === 'both' || conformanceClasses[c].role === role);

async function yesMan(role: PartyRole): Promise<ConformanceReport> {
  const claim = scriptedClaim(role, classesOf(role), { testMode: true, webhookSignatureSchemes: ['v1a', 'v1'], testActions: [...TEST_ACTIONS_OF_ROLE[role]] });
  // A test action is answered as done, though the yes-man sends nothing: the client checks must not take its word.
  const { dispatcher } = scriptedDispatcher((request) =>
    request.method === 'GET' && request.path.startsWith('/v1/conformance')
      ? { status: 200, json: claim }
      : request.method === 'POST' && request.path === '/v1/test/actions'
        ? { status: 200, json: { action: (JSON.parse(request.body) as { action: string }).action, outcome: 'DONE', requests: 1 } }
        : { status: 200, json: {} },
  );
  try {
    return await runSuite({ target: SCRIPTED_TARGET, role, checks, dispatcher, timeoutMs: 2_000, settleMs: 50 });
  } finally {
    await dispatcher.close();
  }
}

/** Words that show a message interpolated a value that was not there. */
const NOT_A_VALUE = /\bundefined\b|\bNaN\b|\[object Object\]/;

describe.each(['carrier', 'platform'] as const)('the suite against a yes-man %s', (role) => {
  let report: ConformanceReport;
  beforeAll(async () => {
    report = await yesMan(role);
  }, 60_000);

  it('runs every class it claims', () => {
    expect(report.classes).toEqual([...classesOf(role)].sort());
  });

  it('passes no MUST check except those whose requirement it really meets', () => {
    const passed = report.results.filter((r) => r.level === 'MUST' && r.status === 'passed').map((r) => r.checkId);
    expect(passed.sort()).toEqual(Object.keys(REALLY_MET[role]).sort());
  });

  it('is not conformant', () => {
    expect(report.verdict).toBe('not-conformant');
  });

  it('says every outcome and every assertion with real values', () => {
    const unreal = (id: string, message: string | undefined, evidence: Evidence[]) =>
      [message ?? '', ...evidence.flatMap((e) => (e.kind === 'http' ? [] : [e.message]))].filter((m) => NOT_A_VALUE.test(m)).map((m) => `${id}: ${m}`);
    const found = [
      ...report.results.flatMap((r) => unreal(r.checkId, r.message, r.evidence)),
      ...(report.fixtures ?? []).flatMap((f) => unreal(f.id, f.message, f.evidence)),
    ];
    expect(found).toEqual([]);
  });
});
