// Security incident notifications (chapter Security incidents, ECDX-INC-006 … 010). The receiver's job is to take
// the notification in and prove it did: it refuses only what it cannot trust (the pipeline's 401) or read (the
// schema's 422, and times out of order). A late notification, or one admitting that no emergency plan was started,
// is exactly the one that must not be lost, so nothing else refuses it.
import { INCIDENT_NOTIFICATION_DEADLINE_SECONDS, incidentTimeViolations } from '../../../schemas/src/incidents.ts';
import type { IncidentReceipt, SecurityIncident } from '../../../schemas/src/index.ts';
import { json, validationProblem } from '../respond.ts';
import type { Collection } from '../store.ts';
import type { MockContext, MockResponse, OperationHandler, OperationInput } from '../types.ts';
import { timestampAt } from './discovery.ts';

/** Every version of one incident a reporting client notified, in the order received (ECDX-INC-009). */
export interface HeldIncident {
  owner: string;
  versions: { incident: SecurityIncident; receivedAt: string }[];
}

export const heldIncidents = (mock: MockContext): Collection<HeldIncident> => mock.store.collection<HeldIncident>('incidents');
const keyOf = (owner: string, incidentId: string) => `${owner}|${incidentId}`;
const REFUSING_POINTERS = new Set(['/occurredAt', '/reportedAt']);

/** Refusals that ECDX-INC-010 forbids; each fault commits one of them. */
function forbiddenRefusal(mock: MockContext, incident: SecurityIncident): MockResponse | undefined {
  if (mock.fault('incident-refused-without-emergency-plan') && !incident.emergencyPlanActivated) {
    return validationProblem([{ name: '/emergencyPlanActivated', in: 'body', reason: 'the emergency plan must be activated before notifying' }]);
  }
  const lateBy = mock.clock.now() - Date.parse(incident.detectedAt) - INCIDENT_NOTIFICATION_DEADLINE_SECONDS * 1000;
  if (mock.fault('incident-refused-when-late') && lateBy > 0) {
    return validationProblem([{ name: '/detectedAt', in: 'body', reason: 'the notification arrives more than 24 hours after detection' }]);
  }
  return undefined;
}

export function receiveSecurityIncident({ mock, caller, body }: Pick<OperationInput, 'mock' | 'caller' | 'body'>): MockResponse {
  const incident = body as SecurityIncident;
  if (!mock.fault('incident-time-order-not-checked')) {
    // ECDX-INC-008 names two time rules; the helper's third (an activation time for a plan not activated) is no
    // ground for refusal in the chapter, and refusing it would lose a notification about an inactive plan.
    const outOfOrder = incidentTimeViolations(incident).filter((v) => REFUSING_POINTERS.has(v.pointer));
    if (outOfOrder.length > 0) return validationProblem(outOfOrder.map((v) => ({ name: v.pointer, in: 'body' as const, reason: v.reason })));
  }
  const refused = forbiddenRefusal(mock, incident);
  if (refused) return refused;

  const owner = caller?.keyid ?? '-';
  const incidents = heldIncidents(mock);
  const key = keyOf(owner, incident.incidentId);
  const existing = incidents.get(key);
  if (existing && mock.fault('incident-update-refused')) {
    return validationProblem([{ name: '/incidentId', in: 'body', reason: 'an incident with this incidentId has already been notified' }]);
  }
  const receivedAt = timestampAt(mock.clock.now());
  incidents.put(key, { owner, versions: [...(existing?.versions ?? []), { incident, receivedAt }] });
  const receipt: IncidentReceipt = { incidentId: incident.incidentId, receivedAt };
  return json(201, receipt);
}

export const handlers = {
  receiveSecurityIncident,
} satisfies Record<string, OperationHandler>;
