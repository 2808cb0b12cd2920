// How the target sends its requests as a client (issue 15): signed (ECDX-SEC-001), each creating request with a key
// of its own (ECDX-IDM-001, IDM-009), a retry with the same key and body (ECDX-IDM-011) and no sooner than
// Retry-After (ECDX-ERR-013). The target is made to act through the test actions (ECDX-CNF-010), towards a session
// of the harness's judging counterparty, which records and does not refuse what it judges.
import { TEST_ACTIONS_OF_ROLE, type TestActionName } from '../../../schemas/src/index.ts';
import { defineCheck, defineGroup } from '../../harness/check.ts';
import type { TestContext } from '../../harness/context.ts';
import { problem } from '../../harness/counterparty/answers.ts';
import type { CounterpartySession, ScriptedReply } from '../../harness/counterparty/server.ts';
import { ACTION_TIMEOUT_MS, act, requestsTo, sentBy } from '../../kit/client-actions.ts';
import { idempotencyKeyFindings, isCreating, keyRandomnessFindings, retryAfterFindings, retryFindings, signatureFindings } from '../../kit/client-duties.ts';
import { harnessWaybill, trajectoryEvents } from '../../kit/pushes.ts';
import { type Bilingual, joinTexts, verbatim } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { roleName } from '../../i18n/words.ts';

/** A problem answer that names a Retry-After in delay-seconds. */
const retryLater = (slug: 'rate-limited' | 'service-unavailable', seconds: number): ScriptedReply => {
  const answer = problem(slug);
  return { ...answer, headers: { ...answer.headers, 'retry-after': String(seconds) } };
};

const group = defineGroup({ needs: ['test-mode', 'counterparty'] });

/** The creating request each role can be made to send: a platform its shipping data, either role an incident. */
function creating(t: TestContext): { action: 'send-shipment' | 'notify-incident'; operationId: string; what: Bilingual } {
  return t.role === 'platform'
    ? { action: 'send-shipment', operationId: 'createShipment', what: verbatim('POST /v1/shipments') }
    : { action: 'notify-incident', operationId: 'receiveSecurityIncident', what: verbatim('POST /v1/security-incidents') };
}

/**
 * Make the target perform each action of its role that it lists and that needs nothing prepared, towards one
 * session. An action it does not list is client/actions-served's concern (ECDX-CNF-010), not this check's.
 */
async function everyPlainAction(t: TestContext, session: CounterpartySession): Promise<TestActionName[]> {
  const done: TestActionName[] = [];
  const listed = t.claim?.testActions ?? [];
  for (const action of TEST_ACTIONS_OF_ROLE[t.role].filter((a) => listed.includes(a))) {
    if (action === 'respond-to-notice') continue; // it needs a notice of the harness's: client/notices.ts
    if (action === 'pull-trajectory') {
      const waybillNo = harnessWaybill();
      session.state.serveTrajectory(waybillNo, trajectoryEvents(t, [1, 2, 3], waybillNo));
      await act(t, session, { action, waybillNo });
    } else if (action === 'issue-notice') await act(t, session, { action, reason: 'PLANNED_MAINTENANCE' });
    else await act(t, session, { action } as Parameters<typeof act>[2]);
    done.push(action);
  }
  return done;
}

export const clientRequestChecks = [
  defineCheck({
    id: 'client/actions-served',
    requirements: ['ECDX-CNF-010'],
    group,
    title: 'A test deployment claiming class client performs every test action of its role and says truly what it sent',
    description:
      "Reads `testActions` in the claim: it must list every action of the target's role. Then asks for an incident " +
      'notification (`notify-incident`, offered by both roles) towards a session of its own and expects 200 with a ' +
      '`TestActionOutcome` of that action whose `requests` is the number of requests the harness received.',
    async run(t) {
      t.requireTestMode();
      const listed = t.claim?.testActions ?? [];
      const missing = TEST_ACTIONS_OF_ROLE[t.role].filter((a) => !listed.includes(a));
      t.assert(
        missing.length === 0,
        M.listsEveryAction({
          role: roleName(t.role),
          missing: missing.length ? M.missingActions({ actions: missing.join(', ') }) : '',
        }),
        {
          pointer: '/testActions',
        },
      );
      const session = await t.counterparty();
      const response = await t.http.post(
        '/v1/test/actions',
        { action: 'notify-incident', counterparty: session.url },
        { idempotencyKey: false, timeoutMs: ACTION_TIMEOUT_MS },
      );
      t.expectStatus(response, 200, verbatim('POST /v1/test/actions (notify-incident)'));
      const outcome = t.expectSchema<{ action: string; requests: number }>(response, 'TestActionOutcome', M.answerToActions());
      t.assert(outcome.action === 'notify-incident', M.outcomeNamesAction({ action: outcome.action }), { pointer: '/action' });
      t.assert(outcome.requests === session.requests.length, M.outcomeCountsRequests({ n: outcome.requests, received: session.requests.length }), {
        pointer: '/requests',
      });
    },
  }),

  defineCheck({
    id: 'client/requests-signed',
    requirements: ['ECDX-SEC-001'],
    group,
    title: 'Every request the target sends as a client carries a valid ecdx signature with its registered key',
    description:
      'Makes the target perform each test action of its role that it lists and that needs nothing prepared (a platform: shipping data, a ' +
      'subscription, a trajectory read, a notice, an incident; a carrier: a notice and an incident) and verifies every ' +
      "request but discovery with the reference verifier: the profile's covered components and parameters, the " +
      "target's registered key, `created` fresh on its clock, a nonce not seen before, and a `Content-Digest` that " +
      'matches the body.',
    async run(t) {
      const session = await t.counterparty();
      const done = await everyPlainAction(t, session);
      const signed = session.requests.filter((r) => r.signature.kind !== 'unsigned-operation');
      t.assert(signed.length > 0, M.sentSigned({ n: signed.length, actions: joinTexts(done) }));
      t.expectNone(signatureFindings(signed), M.allSigned({ n: signed.length }));
    },
  }),

  defineCheck({
    id: 'client/creating-requests-keyed',
    requirements: ['ECDX-IDM-001'],
    group,
    title: 'Every creating request carries an Idempotency-Key, a new one for each new request',
    description:
      'Makes the target send two new creating requests (a platform: two shipments; a carrier: two incident ' +
      'notifications) and expects each to carry an `Idempotency-Key` of 1 to 255 visible ASCII characters, the two ' +
      'keys different.',
    async run(t) {
      const { action, operationId, what } = creating(t);
      const session = await t.counterparty();
      await act(t, session, { action } as Parameters<typeof act>[2]);
      await act(t, session, { action } as Parameters<typeof act>[2]);
      await sentBy(t, session, operationId, what, 2);
      const sent = requestsTo(session, operationId);
      t.expectNone(idempotencyKeyFindings(sent), M.keysPerRequest({ n: sent.length }));
    },
  }),

  defineCheck({
    id: 'client/idempotency-keys-random',
    requirements: ['ECDX-IDM-009'],
    group,
    title: 'Idempotency-Keys look random: room for 128 bits, no counter, nothing of the request in them',
    description:
      'Makes the target send three creating requests and judges their keys by what randomness cannot fail to show: ' +
      'each has room for 128 bits in its alphabet (a UUID must be version 4), no two differ only in a short tail, and ' +
      'none carries a value of its body (an order id, a telephone number).',
    async run(t) {
      const { action, operationId, what } = creating(t);
      const session = await t.counterparty();
      for (let i = 0; i < 3; i++) await act(t, session, { action } as Parameters<typeof act>[2]);
      await sentBy(t, session, operationId, what, 3);
      const keyed = session.requests.filter((r) => isCreating(r) && r.headers['idempotency-key'] !== undefined);
      t.precondition(keyed.length >= 2, M.noKeyToJudge());
      t.expectNone(keyRandomnessFindings(session.requests), M.keysLookRandom({ n: keyed.length }));
    },
  }),

  defineCheck({
    id: 'client/retry-keeps-key',
    requirements: ['ECDX-IDM-011'],
    group,
    title: 'A creating request sent again after 409 idempotency-request-in-flight or 503 carries the same key and body',
    description:
      "Answers the target's first creating request `409 idempotency-request-in-flight` and its second `503` with " +
      '`Retry-After: 1`, then as the counterparty would, and expects each request sent again to carry the ' +
      'Idempotency-Key and the body of the first. A target that gives up instead shows nothing and ends ' +
      'precondition-failed.',
    async run(t) {
      const { action, operationId, what } = creating(t);
      const session = await t.counterparty();
      session.script(operationId, [problem('idempotency-request-in-flight'), retryLater('service-unavailable', 1)]);
      await act(t, session, { action } as Parameters<typeof act>[2]);
      const first = await sentBy(t, session, operationId, what);
      const retries = requestsTo(session, operationId).slice(1);
      t.precondition(retries.length > 0, M.noRetry({ request: what }));
      t.expectNone(
        retries.flatMap((retry) => retryFindings(first, retry)),
        M.retriesKeepKey({ n: retries.length }),
      );
    },
  }),

  defineCheck({
    id: 'client/retry-after-honoured',
    requirements: ['ECDX-ERR-013'],
    group,
    title: 'A client answered 429 or 503 with Retry-After waits that long before sending the request again',
    description:
      "Answers the target's first creating request `429` with `Retry-After: 1` and the second `503` with " +
      '`Retry-After: 2`, and measures when each comes again: no sooner than the answer said (less 50 ms for timers ' +
      'and the wire). A target that gives up instead shows nothing and ends precondition-failed.',
    async run(t) {
      const { action, operationId, what } = creating(t);
      const session = await t.counterparty();
      session.script(operationId, [retryLater('rate-limited', 1), retryLater('service-unavailable', 2)]);
      await act(t, session, { action } as Parameters<typeof act>[2]);
      await sentBy(t, session, operationId, what);
      const sent = requestsTo(session, operationId);
      t.precondition(sent.length >= 2, M.noWait({ request: what }));
      const pairs = sent
        .slice(1)
        .map((next, i) => [sent[i]!, next] as const)
        .filter(([answered]) => answered.answer.headers['retry-after'] !== undefined);
      t.expectNone(
        pairs.flatMap(([answered, next]) => retryAfterFindings(answered, next)),
        M.retriesWaited({ n: pairs.length }),
      );
    },
  }),
];
