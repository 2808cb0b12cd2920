// The negotiation over a notice the target holds (chapter Interruption notices §6–§8): the harness, as issuer, posts
// ISSUER responses to the target's copy and reads it back. The recipient's own moves (acknowledging, objecting,
// accepting) are its staff's decisions, which a harness cannot cause; so the states reachable here are ISSUED,
// PROPOSED (the issuer's proposal pending) and WITHDRAWN, and the obligations are judged against
// `obligations(notice, state)` for whatever state the copy reports, including DISPUTED when the target itself has
// objected.
import { obligations } from '../../../schemas/notice-rules.ts';
import type { InterruptionNotice, InterruptionNoticeRequest, NoticeResponse } from '../../../schemas/src/index.ts';
import type { NegotiationState } from '../../../schemas/src/notices.ts';
import { defineCheck } from '../../harness/check.ts';
import type { HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
import { firstDifference } from '../../kit/json.ts';
import { asPosted, buildNotice, buildResponse, issueNotice, NOTICES_PATH, noticePath, readNotice, responsesPath } from '../../kit/notices.ts';
import { expectRefusal } from '../../kit/refusals.ts';
import { HOUR } from '../../kit/time.ts';
import { type Bilingual, type MessageValue, type Text, verbatim } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { roleName, W } from '../../i18n/words.ts';

const RESPONSES = `POST ${NOTICES_PATH}/{noticeId}/responses`;
const GET = `GET ${NOTICES_PATH}/{noticeId}`;
/** A holder may write the timestamps of a notice and its responses with another UTC offset: compared as instants. */
const AS_INSTANTS = { sameInstant: true } as const;

const respond = (t: TestContext, noticeId: string, response: NoticeResponse, sign?: TestContext['secondKey']): Promise<HttpResponse> =>
  t.http.post(responsesPath(noticeId), response, sign ? { sign } : {});

/** Post a response the check needs as a step; its success is ECDX-NTC-011's question. */
async function step(t: TestContext, notice: InterruptionNoticeRequest, type: NoticeResponse['type']): Promise<NoticeResponse> {
  const response = buildResponse(t, notice, type);
  const answer = await respond(t, notice.noticeId, response);
  t.precondition(
    answer.status === 201,
    M.stepAnswered({ what: W.requestWith({ request: RESPONSES, what: M.issuersResponse({ type }) }), status: answer.status }),
  );
  return response;
}

const describeResponses = (responses: readonly { type?: unknown; respondent?: unknown }[]): MessageValue =>
  responses.length === 0 ? W.none() : responses.map((r) => `${String(r.respondent)} ${String(r.type)}`).join(', ');

/**
 * The obligations of `copy` are those the rules give the notice in the state the copy reports, after the responses
 * it lists (an accepted proposal moves the period the duties follow).
 */
function expectObligations(t: TestContext, notice: InterruptionNoticeRequest, copy: InterruptionNotice, what: Text): void {
  const state: NegotiationState = copy.negotiation.state;
  const expected = obligations(notice, state, copy.negotiation.responses);
  const wrong = firstDifference(expected, copy.negotiation.obligations, AS_INSTANTS);
  t.assert(
    wrong === undefined,
    M.labelled({
      what,
      message: M.obligationsInState({
        severity: notice.impact.severity,
        reason: notice.reason,
        state,
        expected: JSON.stringify(expected),
        got: wrong === undefined ? '' : M.gotComma({ actual: JSON.stringify(copy.negotiation.obligations) }),
      }),
    }),
    { pointer: `/negotiation/obligations${wrong === '/' || wrong === undefined ? '' : wrong}` },
  );
}

export const noticeNegotiationChecks = [
  defineCheck({
    id: 'notices/obligations-published',
    requirements: ['ECDX-NTC-008'],
    title: 'The copy publishes the disclosure and reporting duties of its notice in its current state',
    description:
      'Posts a `SERIOUS` notice (the agreement expires), a `SIGNIFICANT` `SECURITY_INCIDENT` notice starting an hour ' +
      'after issue and a `MINOR` maintenance notice, reads each copy and expects `negotiation.obligations` to equal ' +
      'what the rules of the chapter (§5, §7) give for the state the copy reports: a disclosure due by ' +
      '`plannedStart` (by `issuedAt` + 24 h for the incident), none for the `MINOR` one, a report to both ' +
      "authorities only for a `SERIOUS` notice in `DISPUTED`. Then posts the issuer's `DISCLOSED` to the `SERIOUS` " +
      'notice and expects the disclosure duty still published (a duty met stays a duty), withdraws it and expects ' +
      'no duty at all.',
    async run(t) {
      const serious = await issueNotice(t, { reason: 'AGREEMENT_EXPIRY', durationMs: null });
      expectObligations(
        t,
        serious,
        await readNotice(t, serious.noticeId, M.theKindNotice({ kind: 'SERIOUS' })),
        M.readOfNotice({ request: GET, kind: 'SERIOUS' }),
      );
      const urgent = await issueNotice(t, { reason: 'SECURITY_INCIDENT', leadMs: HOUR, durationMs: 3 * HOUR });
      expectObligations(
        t,
        urgent,
        await readNotice(t, urgent.noticeId, M.theKindNotice({ kind: 'SECURITY_INCIDENT' })),
        M.readOfNotice({ request: GET, kind: 'SIGNIFICANT SECURITY_INCIDENT' }),
      );
      const minor = await issueNotice(t, { reason: 'PLANNED_MAINTENANCE', durationMs: HOUR });
      expectObligations(t, minor, await readNotice(t, minor.noticeId, M.theKindNotice({ kind: 'MINOR' })), M.readOfNotice({ request: GET, kind: 'MINOR' }));
      await step(t, serious, 'DISCLOSED');
      expectObligations(t, serious, await readNotice(t, serious.noticeId, M.theDisclosedNotice()), M.readOnceDisclosed({ request: GET }));
      await step(t, serious, 'WITHDRAW');
      const withdrawn = await readNotice(t, serious.noticeId, M.theWithdrawnNotice());
      t.precondition(withdrawn.negotiation.state === 'WITHDRAWN', M.withdrawnState({ state: withdrawn.negotiation.state }));
      expectObligations(t, serious, withdrawn, M.readOnceWithdrawn({ request: GET }));
    },
  }),
  defineCheck({
    id: 'notices/copy-readable',
    requirements: ['ECDX-NTC-009'],
    title: 'GET answers the copy with its current state and every response in order',
    description:
      "Posts a notice and reads it (expects 200, state `ISSUED`, no responses), posts the issuer's `DISCLOSED`, " +
      '`AUTHORITY_REPORTED` and `PROPOSE` responses, and reads it again: expects 200, a valid `InterruptionNotice` ' +
      'holding the notice as posted, state `PROPOSED` and exactly the three responses, in the order posted.',
    async run(t) {
      const notice = await issueNotice(t);
      const first = await t.http.get(noticePath(notice.noticeId));
      t.expectStatus(first, 200, M.readJustReceived({ request: GET }));
      const fresh = t.expectSchema<InterruptionNotice>(first, 'InterruptionNotice', verbatim(GET));
      t.assert(
        fresh.negotiation.state === 'ISSUED' && fresh.negotiation.responses.length === 0,
        M.justReceivedIssued({ state: fresh.negotiation.state, responses: describeResponses(fresh.negotiation.responses) }),
        { pointer: '/negotiation' },
      );
      const posted = [await step(t, notice, 'DISCLOSED'), await step(t, notice, 'AUTHORITY_REPORTED'), await step(t, notice, 'PROPOSE')];
      const read = await t.http.get(noticePath(notice.noticeId));
      t.expectStatus(read, 200, M.readAfterThree({ request: GET }));
      const copy = t.expectSchema<InterruptionNotice>(read, 'InterruptionNotice', verbatim(GET));
      const differs = firstDifference(notice, asPosted(copy), AS_INSTANTS);
      t.assert(
        differs === undefined,
        M.copyAsPosted({ differs: differs === undefined ? '' : M.differsAt({ pointer: differs }) }),
        differs === undefined ? {} : { pointer: differs },
      );
      t.assert(copy.negotiation.state === 'PROPOSED', M.proposedState({ state: copy.negotiation.state }), {
        pointer: '/negotiation/state',
      });
      const wrong = firstDifference(posted, copy.negotiation.responses, AS_INSTANTS);
      t.assert(
        wrong === undefined,
        M.listsThree({
          posted: describeResponses(posted),
          actual: describeResponses(copy.negotiation.responses),
          differs: wrong === undefined ? '' : M.differsAtSemicolon({ pointer: `/negotiation/responses${wrong === '/' ? '' : wrong}` }),
        }),
        { pointer: '/negotiation/responses' },
      );
    },
  }),
  defineCheck({
    id: 'notices/unknown-notice-not-found',
    requirements: ['ECDX-NTC-010'],
    title: 'A notice the target does not hold, or holds for another client, is answered 404 notice-not-found',
    description:
      'Reads and responds to a `noticeId` never posted and expects 404 `notice-not-found` for both. Then posts a ' +
      "notice and reads and responds to it signed with the harness's second key (another client), which must get " +
      'the same 404, so that notices between other parties cannot be discovered. The second part needs a second ' +
      'key; the harness has one only as a platform (against a carrier target).',
    async run(t) {
      const unknown = buildNotice(t);
      const get = await t.http.get(noticePath(unknown.noticeId));
      expectRefusal(t, get, 404, 'notice-not-found', { what: M.readNeverPosted({ request: GET }) });
      const post = await respond(t, unknown.noticeId, buildResponse(t, unknown, 'DISCLOSED'));
      expectRefusal(t, post, 404, 'notice-not-found', { what: M.respondNeverPosted({ request: RESPONSES }) });
      const second = t.secondKey;
      if (!second) {
        t.blocked(M.noSecondKey({ role: roleName(t.role === 'carrier' ? 'platform' : 'carrier') }));
        return;
      }
      const notice = await issueNotice(t);
      const foreign = await t.http.get(noticePath(notice.noticeId), { sign: second });
      t.precondition(foreign.status !== 401, M.secondKeyRejected({ keyid: second.keyid }));
      expectRefusal(t, foreign, 404, 'notice-not-found', { what: M.readForeign({ request: GET, keyid: second.keyid }) });
      const foreignResponse = await respond(t, notice.noticeId, buildResponse(t, notice, 'DISCLOSED'), second);
      expectRefusal(t, foreignResponse, 404, 'notice-not-found', { what: M.respondForeign({ request: RESPONSES, keyid: second.keyid }) });
    },
  }),
  defineCheck({
    id: 'notices/response-applied',
    requirements: ['ECDX-NTC-011'],
    title: 'A valid response is answered 201 with the copy in its new state, the response appended',
    description:
      "Posts a `SIGNIFICANT` notice, then the issuer's `DISCLOSED` (the state stays `ISSUED`), `PROPOSE` (→ " +
      '`PROPOSED`) and `WITHDRAW` (→ `WITHDRAWN`). Each answer must be 201 with a valid `InterruptionNotice` in the ' +
      'new state, every response so far in order, and the obligations recomputed (none once withdrawn).',
    async run(t) {
      const notice = await issueNotice(t, { reason: 'PLANNED_MAINTENANCE', durationMs: 3 * HOUR });
      const posted: NoticeResponse[] = [];
      for (const [type, state] of [
        ['DISCLOSED', 'ISSUED'],
        ['PROPOSE', 'PROPOSED'],
        ['WITHDRAW', 'WITHDRAWN'],
      ] as const) {
        const response = buildResponse(t, notice, type);
        posted.push(response);
        const answer = await respond(t, notice.noticeId, response);
        const what = W.requestWith({ request: RESPONSES, what: M.issuersResponse({ type }) });
        t.expectStatus(answer, 201, what);
        const copy = t.expectSchema<InterruptionNotice>(answer, 'InterruptionNotice', M.answerToIssuersResponse({ request: RESPONSES, type }));
        t.assert(copy.negotiation.state === state, M.answerShowsState({ what, state, actual: copy.negotiation.state }), {
          pointer: '/negotiation/state',
        });
        const wrong = firstDifference(posted, copy.negotiation.responses, AS_INSTANTS);
        t.assert(wrong === undefined, M.answerLists({ what, posted: describeResponses(posted), actual: describeResponses(copy.negotiation.responses) }), {
          pointer: '/negotiation/responses',
        });
        const expected = obligations(notice, state, posted);
        const duties = firstDifference(expected, copy.negotiation.obligations, AS_INSTANTS);
        t.assert(
          duties === undefined,
          M.obligationsRecomputed({ what, state, expected: JSON.stringify(expected), actual: JSON.stringify(copy.negotiation.obligations) }),
          { pointer: '/negotiation/obligations' },
        );
      }
    },
  }),
  defineCheck({
    id: 'notices/state-conflict-refused',
    requirements: ['ECDX-NTC-012'],
    title: 'A response the negotiation state does not admit, and any response to a withdrawn notice, is refused with 409',
    description:
      "On a notice in `ISSUED`, posts the issuer's `ACCEPT` and `OBJECT` (there is no proposal of the recipient to " +
      "answer); after the issuer's own `PROPOSE`, its `PROPOSE`, `ACCEPT` and `OBJECT` (a party never answers its " +
      'own proposal); after its `WITHDRAW`, `DISCLOSED`, `AUTHORITY_REPORTED`, `PROPOSE` and `WITHDRAW`. Expects 409 ' +
      '`notice-state-conflict` for each, and the copy read back unchanged by the refused responses.',
    async run(t) {
      const notice = await issueNotice(t);
      const refuse = async (types: readonly NoticeResponse['type'][], whenText: Bilingual) => {
        const before = await readNotice(t, notice.noticeId, M.beforeResponsesWhen({ when: whenText }));
        for (const type of types) {
          const answer = await respond(t, notice.noticeId, buildResponse(t, notice, type));
          expectRefusal(t, answer, 409, 'notice-state-conflict', { what: M.issuersResponseWhen({ request: RESPONSES, type, when: whenText }) });
        }
        const after = await readNotice(t, notice.noticeId, M.afterResponsesWhen({ when: whenText }));
        const changed = firstDifference(before, after, AS_INSTANTS);
        t.assert(
          changed === undefined,
          M.refusedWhenUnchanged({ when: whenText, changed: changed === undefined ? '' : M.changedAt({ pointer: changed }) }),
          changed ? { pointer: changed } : {},
        );
      };
      await refuse(['ACCEPT', 'OBJECT'], M.inStateIssued());
      await step(t, notice, 'PROPOSE');
      await refuse(['PROPOSE', 'ACCEPT', 'OBJECT'], M.whileOwnProposalPending());
      await step(t, notice, 'WITHDRAW');
      await refuse(['DISCLOSED', 'AUTHORITY_REPORTED', 'PROPOSE', 'WITHDRAW'], M.toWithdrawnNotice());
    },
  }),
  defineCheck({
    id: 'notices/response-not-allowed',
    requirements: ['ECDX-NTC-013'],
    title: "A response its respondent never gives, or one posted as the holder's own side, is refused with 422",
    description:
      "On a notice in `ISSUED`, posts the issuer's `ACKNOWLEDGE` (an issuer never acknowledges), and responses " +
      "whose respondent is `RECIPIENT` — the target's own side, which records its responses itself: `ACKNOWLEDGE`, " +
      '`ACCEPT` and `WITHDRAW`. Expects 422 `notice-response-not-allowed` for each, and the copy unchanged.',
    async run(t) {
      const notice = await issueNotice(t);
      const before = await readNotice(t, notice.noticeId, M.beforeResponses());
      const cases: [NoticeResponse['type'], 'ISSUER' | 'RECIPIENT', Bilingual][] = [
        ['ACKNOWLEDGE', 'ISSUER', M.issuersResponse({ type: 'ACKNOWLEDGE' })],
        ['ACKNOWLEDGE', 'RECIPIENT', M.asRecipientOwnSide({ type: 'ACKNOWLEDGE' })],
        ['ACCEPT', 'RECIPIENT', M.asRecipientOwnSide({ type: 'ACCEPT' })],
        ['WITHDRAW', 'RECIPIENT', M.asRecipient({ type: 'WITHDRAW' })],
      ];
      for (const [type, respondent, what] of cases) {
        const answer = await respond(t, notice.noticeId, buildResponse(t, notice, type, respondent));
        expectRefusal(t, answer, 422, 'notice-response-not-allowed', { what: W.requestWith({ request: RESPONSES, what }) });
      }
      const after = await readNotice(t, notice.noticeId, M.afterResponses());
      const changed = firstDifference(before, after, AS_INSTANTS);
      t.assert(
        changed === undefined,
        M.refusedUnchanged({ changed: changed === undefined ? '' : M.changedAt({ pointer: changed }) }),
        changed ? { pointer: changed } : {},
      );
    },
  }),
];
