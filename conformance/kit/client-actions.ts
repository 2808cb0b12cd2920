// Making the target act as a client (chapter Test controls §Test actions, ECDX-CNF-010): a test action names the
// session of the harness's judging counterparty the target must act towards, and the target answers once it is done.
import type { TestAction, TestActionOutcome } from '../../schemas/src/index.ts';
import { SECOND } from '../../schemas/time.ts';
import type { TestContext } from '../harness/context.ts';
import type { ClientRequest, CounterpartySession } from '../harness/counterparty/server.ts';
import type { Text } from '../i18n/text.ts';
import { M } from './messages.ts';

/** ECDX-CNF-010 gives the target 30 s to finish an action; the harness waits a little longer for the answer. */
export const ACTION_TIMEOUT_MS = 35 * SECOND;

type ActionBody = TestAction extends infer A ? (A extends TestAction ? Omit<A, 'counterparty'> : never) : never;

/**
 * Ask the target to perform `action` towards `session` and return its outcome. A target that does not list the
 * action, or does not answer a TestActionOutcome, leaves the check unable to observe the client: precondition-failed
 * (the action check, client/actions-served, fails it under ECDX-CNF-010).
 */
export async function act(t: TestContext, session: CounterpartySession, action: ActionBody): Promise<TestActionOutcome> {
  t.requireTestMode();
  t.precondition((t.claim?.testActions ?? []).includes(action.action), M.actionNotListed({ action: action.action }));
  const response = await t.http.post('/v1/test/actions', { ...action, counterparty: session.url }, { idempotencyKey: false, timeoutMs: ACTION_TIMEOUT_MS });
  t.precondition(response.status === 200, M.actionAnswered({ action: action.action, status: response.status }));
  const outcome = response.json as TestActionOutcome | undefined;
  return t.need(outcome?.action === action.action ? outcome : undefined, M.actionNoOutcome({ action: action.action }));
}

/** The requests of the session that call `operationId`, in order of arrival. */
export const requestsTo = (session: CounterpartySession, operationId: string): ClientRequest[] => session.requests.filter((r) => r.operationId === operationId);

/**
 * The request of `operationId` the action sent, the `nth` from 1 (the first by default): the harness has it once
 * the action's answer came, since the target answers when it is done; a short wait covers a target that answers first.
 */
export async function sentBy(t: TestContext, session: CounterpartySession, operationId: string, what: Text, nth = 1): Promise<ClientRequest> {
  const waited = await session.waitFor(() => requestsTo(session, operationId).length >= nth, t.settleMs);
  const request = waited ? requestsTo(session, operationId)[nth - 1] : undefined;
  if (!request) t.fail(M.sentNone({ what, nth: nth > 1 ? M.nthOfKind({ nth }) : '' }));
  return request;
}

/** The client's time at which the harness received `request`: the target's clock, as the harness tracks it. */
export const clientTimeOf = (t: TestContext, request: ClientRequest): number => request.receivedAt + (t.targetNow() - Date.now());
