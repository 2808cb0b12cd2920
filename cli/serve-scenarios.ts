// What `ecdx serve` plays to reveal how its client behaves (decision 0052), beyond answering as a correct
// counterparty: the first request of each creating operation is answered 503 with Retry-After, so that the repeat
// shows whether the client waits (ECDX-ERR-013) and keeps its key (ECDX-IDM-011); and each shipment the client
// creates gets a trajectory longer than a page, so that a client reading it shows whether it follows the cursors
// (ECDX-TRK-021).
import { problem } from '../conformance/harness/counterparty/answers.ts';
import type { ClientRequest, CounterpartySession } from '../conformance/harness/counterparty/server.ts';
import { trajectoryOf } from '../conformance/harness/counterparty/trajectory.ts';
import { isCreating } from '../conformance/kit/client-duties.ts';
import type { PartyRole } from '../schemas/src/index.ts';
import { HOUR } from '../schemas/time.ts';
import { operations } from '../spec/openapi/operations.ts';

/** The Retry-After of the scripted 503, in seconds: long enough to tell a wait from none, short for a person. */
export const SCENARIO_RETRY_AFTER_SECONDS = 1;

/** The creating operations a party of `role` serves (those a client must key, ECDX-IDM-001). */
const creatingOperationsOf = (role: PartyRole): string[] =>
  operations
    .filter((o) => (o.role === role || o.role === 'both') && o.tag !== 'Test controls' && isCreating({ operationId: o.operationId }))
    .map((o) => o.operationId);

/** Play the scenarios on `session`; returns what stops them (the session's end stops them too). */
export function playScenarios(session: CounterpartySession, role: PartyRole, clientNow: () => number): () => void {
  const unavailable = problem('service-unavailable', 'the harness asks for a retry, to see that the client waits');
  for (const operationId of creatingOperationsOf(role)) {
    session.script(operationId, [{ ...unavailable, headers: { ...unavailable.headers, 'retry-after': String(SCENARIO_RETRY_AFTER_SECONDS) } }]);
  }
  let stopped = false;
  if (role === 'carrier') void serveTrajectories(session, clientNow, () => stopped);
  return () => {
    stopped = true;
  };
}

/**
 * For each shipment created, serve its trajectory before the client can ask: a waiter is resolved as the request
 * is recorded, before the answer reaches the client.
 */
async function serveTrajectories(session: CounterpartySession, clientNow: () => number, stopped: () => boolean): Promise<void> {
  const served = new Set<number>();
  const created = (r: ClientRequest) => r.operationId === 'createShipment' && r.answer.status === 201 && !served.has(r.seq);
  while (!stopped()) {
    const request = await session.waitFor(created, HOUR);
    if (!request) continue; // an hour without a shipment, or the session ended (then stopped says so)
    served.add(request.seq);
    const { waybillNo } = JSON.parse(request.answer.body) as { waybillNo: string };
    session.state.serveTrajectory(waybillNo, trajectoryOf(waybillNo, clientNow()));
  }
}
