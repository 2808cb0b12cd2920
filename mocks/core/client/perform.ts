// POST /v1/test/actions (chapter Test controls, ECDX-CNF-010): the mock, as a test deployment, performs the action
// as a client of the counterparty the harness names, and answers how it went. The pipeline has validated the body;
// what the counterparty refuses, or a counterparty that cannot be reached, is a FAILED outcome, never a 5xx.
import { TEST_ACTION_NAMES, TEST_ACTIONS_OF_ROLE, type TestAction, type TestActionName, type TestActionOutcome } from '../../../schemas/src/index.ts';
import { keepPulledEvents } from '../operations/receiver.ts';
import { json, problemResponse } from '../respond.ts';
import type { MockContext, MockResponse, OperationInput } from '../types.ts';
import { notifyIncident } from './incident.ts';
import { issueNotice, respondToNotice } from './notices.ts';
import { ActionFailed, ClientSession } from './session.ts';
import { sendShipment } from './shipment.ts';
import { subscribe } from './subscribe.ts';
import { pullTrajectory } from './trajectory.ts';

/** The path of the control, which the mock's own base URL precedes. */
const ACTIONS_PATH = '/v1/test/actions';

/** The actions the mock offers in its role; a mock of both roles offers every one. */
const offeredActions = (mock: MockContext): readonly TestActionName[] => (mock.role === 'both' ? TEST_ACTION_NAMES : TEST_ACTIONS_OF_ROLE[mock.role]);

/** What the action created, for the outcome's detail; undefined when it sent nothing. */
async function perform(session: ClientSession, action: TestAction, selfBase: string): Promise<string | undefined> {
  switch (action.action) {
    case 'send-shipment':
      return `waybill ${await sendShipment(session, action.platformOrderId)}`;
    case 'subscribe':
      return `subscription ${await subscribe(session, action.counterparty, selfBase, action.waybillNos)}`;
    case 'pull-trajectory': {
      const events = await pullTrajectory(session, action.waybillNo);
      keepPulledEvents(session.mock, events);
      return `${events.length} events`;
    }
    case 'issue-notice': {
      const noticeId = await issueNotice(session, action.reason);
      return noticeId === undefined ? undefined : `notice ${noticeId}`;
    }
    case 'respond-to-notice':
      return `response ${await respondToNotice(session, action.noticeId, action.type)}`;
    case 'notify-incident':
      return `incident ${await notifyIncident(session)}`;
  }
}

/** The actions only a platform offers: a mock of both roles performs them as its platform. */
const PLATFORM_ONLY: readonly TestActionName[] = TEST_ACTIONS_OF_ROLE.platform.filter((a) => !(TEST_ACTIONS_OF_ROLE.carrier as readonly string[]).includes(a));

export async function performTestAction({ mock, body, request }: Pick<OperationInput, 'mock' | 'body' | 'request'>): Promise<MockResponse> {
  const action = body as TestAction;
  if (!mock.testMode) return problemResponse('not-found', { detail: 'test controls are served only by a test deployment (testMode)' });
  if (!offeredActions(mock).includes(action.action)) {
    return problemResponse('not-found', { detail: `a ${mock.role} offers no test action ${action.action}` });
  }
  const selfBase = `${request.url.origin}${request.url.pathname.slice(0, -ACTIONS_PATH.length)}`;
  const session = new ClientSession(mock, action.counterparty, PLATFORM_ONLY.includes(action.action) ? 'platform' : undefined);
  let outcome: TestActionOutcome;
  try {
    const detail = await perform(session, action, selfBase);
    outcome = { action: action.action, outcome: 'DONE', requests: session.requests, ...(detail ? { detail } : {}) };
  } catch (error) {
    // An ActionFailed says what the counterparty did; anything else is an answer the client could not read.
    const detail = error instanceof ActionFailed ? error.message : `the counterparty's answer could not be used: ${String(error)}`;
    outcome = { action: action.action, outcome: 'FAILED', requests: session.requests, detail: detail.slice(0, 1000) || 'failed' };
  }
  return json(200, outcome);
}
