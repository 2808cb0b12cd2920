// Security incident notifications (OP-08, OP-09): when an incident endangers the data the parties share, the
// affected party starts its emergency plan, takes remedial measures, reports to the authorities and tells its
// counterparty — the last by POST /v1/security-incidents, whose body is the SecurityIncident below.
import { Type, type Static } from '@sinclair/typebox';
import { Closed, Count, LandlineNumber, ObjectId, ref, schemaId, StringEnum, Timestamp } from './common.ts';
import { DataFeed, ExchangeParty } from './discovery.ts';

/** The national four-level grading of cybersecurity incidents, from the least to the most severe. */
export const INCIDENT_SEVERITIES = ['GENERAL', 'LARGER', 'MAJOR', 'ESPECIALLY_MAJOR'] as const;

/** Time allowed between detecting an incident and notifying the counterparty. */
export const INCIDENT_NOTIFICATION_DEADLINE_SECONDS = 24 * 3600;

const IncidentAuthority = StringEnum(['POSTAL', 'COMMERCE', 'CYBERSPACE', 'PUBLIC_SECURITY', 'OTHER'] as const, {
  description:
    'The authority notified: the postal administration (邮政管理部门), the commerce authority (商务主管部门), the ' +
    'cyberspace administration (网信部门), the public security organs (公安机关), or another competent authority.',
});

export const SecurityIncident = Type.Object(
  {
    incidentId: ref(ObjectId, {
      description: 'Chosen by the reporting party. A later notification with the same id updates the earlier one as the assessment develops.',
    }),
    reportedBy: ref(ExchangeParty),
    detectedAt: ref(Timestamp, { description: 'When the reporting party detected the incident; the 24-hour notification deadline runs from here.' }),
    occurredAt: Type.Optional(ref(Timestamp, { description: 'When the incident began, where known; not after detectedAt.' })),
    reportedAt: ref(Timestamp, { description: 'When this notification was sent; not before detectedAt.' }),
    category: StringEnum(
      ['UNAUTHORISED_ACCESS', 'DATA_LEAK', 'DATA_TAMPERING', 'RANSOMWARE', 'DENIAL_OF_SERVICE', 'CREDENTIAL_COMPROMISE', 'INSIDER_MISUSE', 'OTHER'] as const,
      { description: 'What kind of incident it is.' },
    ),
    severity: StringEnum(INCIDENT_SEVERITIES, {
      description:
        'The grade under the national four-level grading of cybersecurity incidents: 一般 (`GENERAL`), 较大 ' +
        '(`LARGER`), 重大 (`MAJOR`), 特别重大 (`ESPECIALLY_MAJOR`). From `LARGER` up, the authorities must have ' +
        'been notified.',
    }),
    summary: Type.String({
      description: "What happened and what is known so far, for the counterparty's security team. No personal data of affected users.",
      minLength: 1,
      maxLength: 2000,
    }),
    affectedDataCategories: Type.Array(
      StringEnum(['SENDER_CONTACT', 'RECIPIENT_CONTACT', 'ADDRESS', 'CONTENTS', 'TRAJECTORY', 'CREDENTIALS', 'OTHER'] as const),
      {
        description:
          'Which categories of shared data are (or may be) affected; empty when none is. `CREDENTIALS` covers keys ' +
          'and secrets of the exchange itself, after which the counterparty rotates what it shares.',
        uniqueItems: true,
        maxItems: 7,
      },
    ),
    estimatedRecords: Count({ description: 'Estimated number of shipment records affected; 0 when no personal data is.' }),
    affectedFeeds: Type.Array(ref(DataFeed), {
      description: 'Data feeds affected (interrupted or possibly compromised); empty when none.',
      uniqueItems: true,
      maxItems: DataFeed.enum.length,
    }),
    emergencyPlanActivated: Type.Boolean({ description: 'Whether the cybersecurity incident emergency plan (网络安全事件应急预案) has been started (OP-09).' }),
    emergencyPlanActivatedAt: Type.Optional(ref(Timestamp, { description: 'When the emergency plan was started.' })),
    measuresTaken: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), {
      description: 'The remedial measures taken so far (补救措施), one per item.',
      minItems: 1,
      maxItems: 50,
    }),
    authoritiesNotified: Type.Array(
      Type.Object(
        {
          authority: IncidentAuthority,
          notifiedAt: ref(Timestamp),
          reference: Type.Optional(Type.String({ description: "The authority's reference or the filing number.", minLength: 1, maxLength: 100 })),
        },
        Closed,
      ),
      { description: 'The authorities notified so far; required from severity `LARGER` up.', maxItems: 20 },
    ),
    contact: Type.Object(
      {
        mailbox: Type.String({
          description:
            "A role mailbox of the security or operations team (not a person's address). An Internet mailbox the " +
            'counterparty can reach from outside: RFC 5321 syntax with a dot-atom local part and a fully qualified ' +
            'domain of at least two labels — no address literal, no dotless domain (`u@test` is refused), which no ' +
            'public mail system delivers to.',
          format: 'email',
          // Stated as a pattern so that every validator refuses what the `email` format of some leaves open.
          pattern: '^[^@\\s]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$',
          maxLength: 254,
        }),
        dutyPhone: Type.Optional(ref(LandlineNumber, { description: 'The landline of a staffed duty desk.' })),
      },
      {
        ...Closed,
        description:
          'How the counterparty reaches the team handling the incident. An operational role contact, not a ' +
          'person: the notification travels further than its author, and a personal mobile number would be ' +
          'personal data put to a use it was not collected for.',
      },
    ),
  },
  {
    $id: schemaId('SecurityIncident'),
    title: 'SecurityIncident',
    description:
      'The notification of a security incident that affects, or may affect, the data the parties share ' +
      '(POST /v1/security-incidents; OP-08, OP-09): what happened, how severe it is under the national grading, ' +
      'which data and feeds are affected, whether the emergency plan runs, what has been done and which ' +
      "authorities have been told. It carries counts and categories, never the affected users' data.",
    ...Closed,
    examples: [
      {
        incidentId: 'inc-20260301-001',
        reportedBy: { name: 'ECDX 示例快递有限公司', role: 'carrier', carrierCode: 'ECDXDEMO' },
        detectedAt: '2026-03-01T02:14:00+08:00',
        occurredAt: '2026-02-28T23:40:00+08:00',
        reportedAt: '2026-03-01T08:30:00+08:00',
        category: 'CREDENTIAL_COMPROMISE',
        severity: 'LARGER',
        summary: '一个用于轨迹推送的签名密钥在测试环境日志中暴露,已吊销并轮换。',
        affectedDataCategories: ['CREDENTIALS'],
        estimatedRecords: 0,
        affectedFeeds: ['PARCEL_DATA_PUSH'],
        emergencyPlanActivated: true,
        emergencyPlanActivatedAt: '2026-03-01T02:30:00+08:00',
        measuresTaken: ['吊销并轮换推送签名密钥', '清理测试环境日志'],
        authoritiesNotified: [{ authority: 'POSTAL', notifiedAt: '2026-03-01T06:00:00+08:00', reference: 'YZ-2026-0301-17' }],
        contact: { mailbox: 'security@example.com', dutyPhone: '0755-83451234' },
      },
    ],
  },
);
export type SecurityIncident = Static<typeof SecurityIncident>;

export const IncidentReceipt = Type.Object(
  {
    incidentId: ref(ObjectId, { description: 'The incidentId of the notification received.' }),
    receivedAt: ref(Timestamp, { description: 'When the receiver recorded the notification, by its clock.' }),
  },
  {
    $id: schemaId('IncidentReceipt'),
    title: 'IncidentReceipt',
    description:
      'The answer to an incident notification (201): proof for the reporting party, and for any authority that ' +
      'later asks, that and when the counterparty received it.',
    ...Closed,
    examples: [{ incidentId: 'inc-20260301-001', receivedAt: '2026-03-01T08:30:01+08:00' }],
  },
);
export type IncidentReceipt = Static<typeof IncidentReceipt>;

/** Cross-field rules of a notification, which JSON Schema does not express: the times must be in order. */
export function incidentTimeViolations(incident: SecurityIncident): { pointer: string; reason: string }[] {
  const found: { pointer: string; reason: string }[] = [];
  const detected = Date.parse(incident.detectedAt);
  if (incident.occurredAt && Date.parse(incident.occurredAt) > detected) found.push({ pointer: '/occurredAt', reason: 'occurredAt lies after detectedAt' });
  if (Date.parse(incident.reportedAt) < detected) found.push({ pointer: '/reportedAt', reason: 'reportedAt lies before detectedAt' });
  if (incident.emergencyPlanActivatedAt && !incident.emergencyPlanActivated) {
    found.push({ pointer: '/emergencyPlanActivatedAt', reason: 'an activation time for a plan not activated' });
  }
  return found;
}
