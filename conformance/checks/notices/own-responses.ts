// The negotiation moved by the target's own responses (chapter Interruption notices §6–§8): through the test action
// `respond-to-notice` (chapter Test controls), the harness has the target, as recipient, acknowledge, object to and
// accept notices the harness issued, so that its copy reaches ACKNOWLEDGED, DISPUTED and AGREED and the duties of
// each state (ECDX-NTC-008) are judged where negotiation.ts can only reach ISSUED, PROPOSED and WITHDRAWN.
import { obligations } from '../../../schemas/notice-rules.ts';
import type { InterruptionNotice, InterruptionNoticeRequest, NegotiationState } from '../../../schemas/src/index.ts';
import { defineCheck } from '../../harness/check.ts';
import type { TestContext } from '../../harness/context.ts';
import type { CounterpartySession } from '../../harness/counterparty/server.ts';
import { act } from '../../kit/client-actions.ts';
import { firstDifference } from '../../kit/json.ts';
import { buildNotice, postNotice, readNotice } from '../../kit/notices.ts';
import { joinTexts } from '../../i18n/text.ts';
import { M } from './messages.ts';

type OwnResponse = 'ACKNOWLEDGE' | 'OBJECT' | 'ACCEPT';

/** Issue a notice to the target, hold the harness's copy in the session, and have the target give `responses`. */
async function respondedTo(
  t: TestContext,
  session: CounterpartySession,
  notice: InterruptionNoticeRequest,
  responses: readonly OwnResponse[],
): Promise<InterruptionNotice> {
  const posted = await postNotice(t, notice);
  t.precondition(posted.status === 201, M.refusedValidNotice({ reason: notice.reason, status: posted.status }));
  session.state.holdIssued(posted.json as InterruptionNotice);
  for (const type of responses) await act(t, session, { action: 'respond-to-notice', noticeId: notice.noticeId, type });
  return readNotice(t, notice.noticeId, M.afterTargetsResponses({ responses: joinTexts(responses) }));
}

function expectState(t: TestContext, notice: InterruptionNoticeRequest, copy: InterruptionNotice, state: NegotiationState): void {
  t.precondition(copy.negotiation.state === state, M.ownResponsesState({ actual: copy.negotiation.state, state }));
  const expected = obligations(notice, state, copy.negotiation.responses);
  const wrong = firstDifference(expected, copy.negotiation.obligations, { sameInstant: true });
  t.assert(
    wrong === undefined,
    M.obligationsInState({
      severity: notice.impact.severity,
      reason: notice.reason,
      state,
      expected: JSON.stringify(expected),
      got: wrong === undefined ? '' : M.gotComma({ actual: JSON.stringify(copy.negotiation.obligations) }),
    }),
    { pointer: '/negotiation/obligations' },
  );
}

export const noticeOwnResponseChecks = [
  defineCheck({
    id: 'notices/obligations-after-own-responses',
    requirements: ['ECDX-NTC-008'],
    needs: ['test-mode', 'counterparty'],
    title: "The target's copy publishes the duties of the states its own responses bring: ACKNOWLEDGED, DISPUTED, AGREED",
    description:
      'Issues two `SERIOUS` notices (the agreement expires) to the target and, through the test action ' +
      '`respond-to-notice`, has it acknowledge and then object to the first and accept the second. Each copy must ' +
      'publish the obligations of the state it reaches: a disclosure due by `plannedStart` in every state, and a ' +
      'report to both authorities in `DISPUTED` only. A target that does not offer `respond-to-notice` (class ' +
      '`client`) cannot be brought there: the check is skipped.',
    async run(t) {
      if (!(t.claim?.testActions ?? []).includes('respond-to-notice')) t.notApplicable(M.noRespondAction());
      const session = await t.counterparty();
      const disputed = buildNotice(t, { reason: 'AGREEMENT_EXPIRY', durationMs: null });
      const acknowledged = await respondedTo(t, session, disputed, ['ACKNOWLEDGE']);
      expectState(t, disputed, acknowledged, 'ACKNOWLEDGED');
      await act(t, session, { action: 'respond-to-notice', noticeId: disputed.noticeId, type: 'OBJECT' });
      expectState(t, disputed, await readNotice(t, disputed.noticeId, M.afterTargetsResponses({ responses: 'OBJECT' })), 'DISPUTED');
      const agreed = buildNotice(t, { reason: 'AGREEMENT_EXPIRY', durationMs: null });
      expectState(t, agreed, await respondedTo(t, session, agreed, ['ACKNOWLEDGE', 'ACCEPT']), 'AGREED');
    },
  }),
];
