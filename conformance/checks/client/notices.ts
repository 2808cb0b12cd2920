// What a party sends before it interrupts a feed and after it detects an incident (issue 15): a notice with the lead
// time and severity its reason needs (ECDX-NTC-002), the issuer's own copy of it and the party's own responses
// recorded in its copy (ECDX-NTC-018), and an incident notification within 24 hours (ECDX-INC-002). The target
// acts through the test actions; the harness is the recipient of what it issues and the issuer of what it answers.
import type { InterruptionNotice, InterruptionReason } from '../../../schemas/src/index.ts';
import { defineCheck, defineGroup } from '../../harness/check.ts';
import type { TestContext } from '../../harness/context.ts';
import { act, clientTimeOf, requestsTo, sentBy } from '../../kit/client-actions.ts';
import { incidentFindings, noticeFindings } from '../../kit/client-duties.ts';
import { firstDifference } from '../../kit/json.ts';
import { asPosted, buildNotice, buildResponse, noticePath, postNotice, readNotice, responsesPath } from '../../kit/notices.ts';
import type { InterruptionNoticeRequest } from '../../../schemas/src/index.ts';
import { M } from './messages.ts';

/**
 * Whether the copy records the response. A copy whose state moved as the response moves it but that lists no such
 * response does hold it and serves it without: that is the serving of the copy (ECDX-NTC-009), which this check
 * cannot judge past, not the holding.
 */
function recorded(t: TestContext, copy: InterruptionNotice, responseId: string, state: InterruptionNotice['negotiation']['state']): boolean {
  if (copy.negotiation.responses.some((r) => r.responseId === responseId)) return true;
  t.precondition(copy.negotiation.state !== state, M.stateWithoutResponses({ state }));
  return false;
}

const group = defineGroup({ needs: ['test-mode', 'counterparty'] });

/** A reason with a lead time (72 h) and one that needs 30 days: a deployment that counts one of them wrong shows. */
const REASONS: readonly InterruptionReason[] = ['PLANNED_MAINTENANCE', 'AGREEMENT_EXPIRY'];

export const clientNoticeChecks = [
  defineCheck({
    id: 'client/notice-before-interruption',
    requirements: ['ECDX-NTC-002'],
    group,
    title: 'A party that plans an interruption notifies with the lead time and severity its reason needs',
    description:
      `Asks the target to plan an interruption for each of ${REASONS.join(' and ')} (\`issue-notice\`) and expects a ` +
      'notice at the harness for each: a valid InterruptionNoticeRequest whose plannedStart lies at least the ' +
      "reason's minimum lead time after its receipt and whose severity is at least what its reason, duration and " +
      'volume make it.',
    async run(t) {
      const session = await t.counterparty();
      for (const [i, reason] of REASONS.entries()) {
        await act(t, session, { action: 'issue-notice', reason });
        const notice = await sentBy(t, session, 'receiveInterruptionNotice', M.noticeFor({ reason }), i + 1);
        t.expectNone(noticeFindings(notice, clientTimeOf(t, notice)), M.noticeGivesLeadTime({ reason }));
      }
    },
  }),

  defineCheck({
    id: 'client/issuer-holds-its-notice',
    requirements: ['ECDX-NTC-018'],
    group,
    title: 'The issuer of a notice holds its copy and takes responses to it; a party records its own responses',
    description:
      'Asks the target to issue a notice (`issue-notice`), then reads it back from the target at ' +
      '`GET /v1/interruption-notices/{noticeId}` as its recipient, posts an ACKNOWLEDGE to it and expects the copy to ' +
      'record it. Then issues a notice of its own to the target, asks it to respond (`respond-to-notice`, ACKNOWLEDGE) ' +
      "and expects the response both at the harness's copy and in the target's own.",
    async run(t) {
      const session = await t.counterparty();
      await act(t, session, { action: 'issue-notice', reason: 'PLANNED_MAINTENANCE' });
      const sent = await sentBy(t, session, 'receiveInterruptionNotice', M.noticeLabel());
      const posted = sent.json as InterruptionNoticeRequest;
      const copy = await t.http.get(noticePath(posted.noticeId));
      t.assert(copy.status === 200, M.issuerAnswersCopy({ path: noticePath(posted.noticeId), status: copy.status }));
      const held = t.expectSchema<InterruptionNotice>(copy, 'InterruptionNotice', M.issuersCopy());
      const difference = firstDifference(posted, asPosted(held), { sameInstant: true });
      t.assert(difference === undefined, M.issuerCopyAsSent({ differs: difference ? M.differsAt({ pointer: difference }) : '' }));
      const acknowledge = buildResponse(t, posted, 'ACKNOWLEDGE', 'RECIPIENT');
      const answered = await t.http.post(responsesPath(posted.noticeId), acknowledge);
      t.assert(answered.status === 201, M.issuerTakesAcknowledge({ status: answered.status }));
      const after = await readNotice(t, posted.noticeId, M.afterAcknowledge());
      t.assert(recorded(t, after, acknowledge.responseId, 'ACKNOWLEDGED'), M.issuerRecordsAcknowledge());

      const ours = buildNotice(t);
      const delivered = await postNotice(t, ours);
      t.precondition(delivered.status === 201, M.refusedValidNotice({ status: delivered.status }));
      session.state.holdIssued(delivered.json as InterruptionNotice);
      await act(t, session, { action: 'respond-to-notice', noticeId: ours.noticeId, type: 'ACKNOWLEDGE' });
      const response = await sentBy(t, session, 'respondToInterruptionNotice', M.responseToNotice());
      const responseId = (response.json as { responseId?: string } | undefined)?.responseId;
      t.assert(response.params.noticeId === ours.noticeId && responseId !== undefined, M.respondedToHarnessCopy());
      const own = await readNotice(t, ours.noticeId, M.afterTargetResponded());
      t.assert(recorded(t, own, responseId!, 'ACKNOWLEDGED'), M.ownCopyRecords());
      t.assert(requestsTo(session, 'respondToInterruptionNotice').length >= 1, M.responseReachedIssuer());
    },
  }),

  defineCheck({
    id: 'client/incident-notified-in-time',
    requirements: ['ECDX-INC-002'],
    group,
    title: 'A party that detects an incident notifies the counterparty within 24 hours of detecting it',
    description:
      'Asks the target to act as on detecting a security incident that affects the data it shares with the harness ' +
      '(`notify-incident`) and expects a valid SecurityIncident at the harness, received within 24 hours of the ' +
      '`detectedAt` it states, on the target’s clock.',
    async run(t) {
      const session = await t.counterparty();
      await act(t, session, { action: 'notify-incident' });
      const sent = await sentBy(t, session, 'receiveSecurityIncident', M.incidentNotification());
      t.expectNone(incidentFindings(sent, clientTimeOf(t, sent)), M.incidentInTime());
    },
  }),
];
