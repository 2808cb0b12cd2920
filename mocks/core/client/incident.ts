// The `notify-incident` action: as on detecting a security incident that may affect the data shared with the
// counterparty, notify it (POST /v1/security-incidents) — within 24 hours of detection (ECDX-INC-002): the mock
// detected it a few minutes ago on its own clock.
import { randomUUID } from 'node:crypto';
import type { SecurityIncident } from '../../../schemas/src/index.ts';
import { HOUR, MINUTE, wholeSecond } from '../../../schemas/time.ts';
import { timestampAt } from '../operations/discovery.ts';
import { ownParty } from './parties.ts';
import { type ClientSession, expectStatus } from './session.ts';

/** How long before the notification the incident was detected: minutes, or with the fault 30 hours. */
const DETECTED_BEFORE_MS = 10 * MINUTE;
const DETECTED_LATE_BEFORE_MS = 30 * HOUR;

/** Notify the counterparty; the incident's id. */
export async function notifyIncident(session: ClientSession): Promise<string> {
  const role = await session.role();
  const now = wholeSecond(session.mock.clock.now());
  const detected = now - (session.mock.fault('incident-notified-late') ? DETECTED_LATE_BEFORE_MS : DETECTED_BEFORE_MS);
  const incident: SecurityIncident = {
    incidentId: `inc-${randomUUID()}`,
    reportedBy: ownParty(session.mock, role),
    detectedAt: timestampAt(detected),
    occurredAt: timestampAt(detected - HOUR),
    reportedAt: timestampAt(now),
    category: 'CREDENTIAL_COMPROMISE',
    severity: 'GENERAL',
    summary: '一个测试环境的请求签名密钥可能已暴露,已吊销并轮换;未涉及寄递数据。',
    affectedDataCategories: ['CREDENTIALS'],
    estimatedRecords: 0,
    affectedFeeds: [],
    emergencyPlanActivated: true,
    emergencyPlanActivatedAt: timestampAt(detected + 5 * MINUTE),
    measuresTaken: ['吊销并轮换受影响的签名密钥'],
    authoritiesNotified: [],
    contact: { mailbox: 'security@example.com' },
  };
  expectStatus(await session.create('/v1/security-incidents', incident, incident.incidentId), 201, 'POST /v1/security-incidents');
  return incident.incidentId;
}
