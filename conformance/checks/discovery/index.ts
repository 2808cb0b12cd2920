// Discovery: the conformance claim, health, and the test controls (Core chapter; Test controls chapter).
import { checkConformanceClaim, checkHealth, feedsOfClasses, type Health } from '../../../schemas/src/index.ts';
import { defineCheck } from '../../harness/check.ts';
import { verbatim } from '../../i18n/text.ts';
import { expectRefusal } from '../../kit/refusals.ts';
import { methodChecks } from './methods.ts';
import { HOUR } from '../../../schemas/time.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

export const discoveryChecks = [
  defineCheck({
    id: 'discovery/claim-served-unsigned',
    requirements: ['ECDX-CNF-001'],
    title: 'The conformance claim is served without a signature',
    description: 'Sends `GET /v1/conformance` with no signature and expects 200 with a valid `ConformanceClaim` as `application/json`.',
    async run(t) {
      const response = await t.http.get('/v1/conformance', { sign: false });
      t.expectStatus(response, 200, W.unsignedGet({ path: '/v1/conformance' }));
      t.assert(
        (response.headers['content-type'] ?? '').startsWith('application/json'),
        M.contentTypeJson({ contentType: response.headers['content-type'] ?? W.none() }),
      );
      t.expectSchema(response, 'ConformanceClaim');
    },
  }),
  defineCheck({
    id: 'discovery/claim-consistent',
    requirements: ['ECDX-CNF-002'],
    title: 'The conformance claim is consistent with itself and the role',
    description:
      'The claim must claim `core`, only classes open to its role, ECDX major version 1, a carrier code exactly when ' +
      'the role is carrier, and a webhook signature scheme when a push class is claimed. Also checks that the role ' +
      'claimed is the role under test.',
    async run(t) {
      // Whether the claim is a valid document at all is ECDX-CNF-001's question; this check needs one to judge.
      const claim = t.need(t.claim, M.claimInvalid());
      t.assert(
        claim.classes.some((c) => c.endsWith('/core')),
        M.includesCore(),
      );
      t.assert(claim.role === t.role, M.roleIs({ role: t.role, claimed: claim.role }));
      t.expectNone(
        checkConformanceClaim(claim).map((f) => ({ message: { en: f.detail, 'zh-Hans': f.detailZh }, pointer: f.pointer })),
        M.noInconsistency(),
      );
    },
  }),
  defineCheck({
    id: 'discovery/claim-unknown-role-refused',
    requirements: ['ECDX-CNF-007'],
    title: 'A conformance request for a role that does not exist is refused with 422',
    description:
      'Sends `GET /v1/conformance?role=AAA` with no signature (signed again if that is answered 401) and expects 422 ' +
      '`validation-failed`, its `invalidParams` naming `/role` with `in: query`, rather than a claim the client did not ask for.',
    async run(t) {
      let what = W.unsignedGet({ path: '/v1/conformance?role=AAA' });
      let response = await t.http.get('/v1/conformance?role=AAA', { sign: false });
      // A claim refused unsigned is ECDX-CNF-001's failure; signed, the question of the role can still be asked.
      if (response.status === 401) {
        what = W.signedGet({ path: '/v1/conformance?role=AAA' });
        response = await t.http.get('/v1/conformance?role=AAA');
      }
      expectRefusal(t, response, 422, 'validation-failed', { what });
      const params = (response.json as { invalidParams?: unknown } | undefined)?.invalidParams;
      const named = Array.isArray(params) ? (params as { name?: unknown; in?: unknown }[]).find((p) => p?.name === '/role') : undefined;
      t.assert(named !== undefined && named.in === 'query', M.roleNamed({ what, got: JSON.stringify(params ?? null).slice(0, 200) }));
    },
  }),
  defineCheck({
    id: 'discovery/health-served-unsigned',
    requirements: ['ECDX-HLT-001'],
    title: 'Health is served without a signature',
    description: 'Sends `GET /v1/health` with no signature and expects 200 with a valid `Health` document.',
    async run(t) {
      const response = await t.http.get('/v1/health', { sign: false });
      t.expectStatus(response, 200, W.unsignedGet({ path: '/v1/health' }));
      t.expectSchema(response, 'Health');
    },
  }),
  defineCheck({
    id: 'discovery/health-honest',
    requirements: ['ECDX-HLT-002', 'ECDX-HLT-003', 'ECDX-HLT-004', 'ECDX-HLT-005', 'ECDX-HLT-006'],
    title: 'Health tells the truth',
    description:
      "The health document must give the server time within 30 s of true time (the target's test clock when it has " +
      "one), the claim's ECDX version, every feed the claimed classes imply exactly once, an overall status no " +
      'better than its worst feed, and consistent backlog figures.',
    async run(t) {
      const claim = t.need(t.claim, W.claimUnreadable());
      let response = await t.http.get('/v1/health', { sign: false });
      // Demanding a signature is ECDX-HLT-001's failure; this check still judges the document when signed.
      if (response.status === 401) response = await t.http.get('/v1/health');
      t.expectStatus(response, 200);
      const health = t.expectSchema<Health>(response, 'Health');
      const findings = checkHealth(health, new Date(t.targetNow()), feedsOfClasses(claim.role, claim.classes), claim.ecdxVersion);
      t.expectNone(
        findings.map((f) => ({ message: { en: f.detail, 'zh-Hans': f.detailZh }, requirementId: f.requirement, pointer: f.pointer })),
        M.healthConsistent(),
      );
    },
  }),
  defineCheck({
    id: 'discovery/test-clock',
    requirements: ['ECDX-CNF-006'],
    needs: ['clock'],
    title: 'A test deployment serves the test clock',
    description:
      'For a target that claims `testMode`: `GET /v1/test/clock` answers a `TestClock`, and `POST /v1/test/clock` ' +
      "moves it forward by the requested seconds, as the health document's server time then shows.",
    async run(t) {
      t.requireTestMode();
      const serverTime = async () => {
        let health = await t.http.get('/v1/health', { sign: false });
        if (health.status === 401) health = await t.http.get('/v1/health'); // ECDX-HLT-001's failure, not this check's
        return Date.parse((health.json as { serverTime?: string } | undefined)?.serverTime ?? '');
      };
      const before = await t.http.get('/v1/test/clock');
      t.expectStatus(before, 200, verbatim('GET /v1/test/clock'));
      const clock = t.expectSchema<{ now: string }>(before, 'TestClock');
      const healthBefore = await serverTime();
      // advanceClock posts the TestClockAdvance and re-synchronises the harness's signing clock with the answer.
      const after = await t.advanceClock(HOUR);
      const moved = (after - Date.parse(clock.now)) / 1000;
      t.assert(moved >= 3600 && moved < 3600 + 60, M.clockMoved({ moved: Math.round(moved) }));
      // How far the health document's time moved, not its absolute value: whether that is true is ECDX-HLT-002's.
      const healthMoved = ((await serverTime()) - healthBefore) / 1000;
      t.assert(healthMoved >= 3600 - 30 && healthMoved < 3600 + 90, M.healthMovedWithClock({ moved: Math.round(healthMoved) }));
    },
  }),
  ...methodChecks,
];
