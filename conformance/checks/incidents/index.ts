// Security incident notifications as the target receives them (chapter Security incidents §3): the harness reports
// incidents as the target's counterparty. A receiver takes in whatever it can trust and read — late, without an
// emergency plan, without a report to the authorities — and refuses only the unsigned and the invalid. What the
// reporting party owes (ECDX-INC-001 … 005) concerns incidents at the vendor, which a harness cannot cause.
import { generateEd25519SigningKey, generateHmacKey } from '../../../protocol/index.ts';
import type { IncidentReceipt, SecurityIncident } from '../../../schemas/src/index.ts';
import type { ProblemSlug } from '../../../schemas/src/problems.ts';
import { defineCheck } from '../../harness/check.ts';
import type { HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
import { buildIncident, type IncidentSpec } from '../../kit/notices.ts';
import { generatedIncidentChecks } from './generated.ts';
import { expectRefusal, problemSummaryText } from '../../kit/refusals.ts';
import { probePath, signatureOf } from '../../kit/requests.ts';
import { DAY, describeDuration, MINUTE, SECOND, timestamp } from '../../kit/time.ts';
import type { Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';

const PATH = '/v1/security-incidents';
/** How far a receipt's receivedAt may lie from true time (ECDX-INC-006). */
const RECEIPT_SKEW_MS = 30 * SECOND;
const SIGNATURE_PROBLEMS: readonly ProblemSlug[] = [
  'signature-missing',
  'signature-invalid',
  'signature-expired',
  'nonce-replayed',
  'digest-mismatch',
  'unknown-key',
];

/** A notification the target must take in: 201 and a receipt for this incident. */
async function expectReceived(t: TestContext, incident: SecurityIncident, what: Bilingual): Promise<IncidentReceipt> {
  const response = await t.http.post(PATH, incident);
  t.assert(response.status === 201, M.expected201({ what, status: response.status, problem: problemSummaryText(response) }));
  return receiptOf(t, response, incident, what);
}

function receiptOf(t: TestContext, response: HttpResponse, incident: SecurityIncident, what: Bilingual): IncidentReceipt {
  const receipt = t.expectSchema<IncidentReceipt>(response, 'IncidentReceipt', M.answerTo({ what }));
  t.assert(receipt.incidentId === incident.incidentId, M.receiptNamesIncident({ incidentId: incident.incidentId, got: String(receipt.incidentId) }), {
    pointer: '/incidentId',
  });
  return receipt;
}

export const incidentChecks = [
  defineCheck({
    id: 'incidents/receipt-issued',
    requirements: ['ECDX-INC-006'],
    title: 'A valid, signed notification is answered 201 with a receipt timed within 30 s of true time',
    description:
      'Posts a valid `SecurityIncident` and expects 201 with an `IncidentReceipt` naming its `incidentId` and a ' +
      "`receivedAt` within 30 seconds of the time the request was answered (the target's test clock, when it has " +
      'one).',
    async run(t) {
      const incident = buildIncident(t);
      const sent = t.targetNow();
      const response = await t.http.post(PATH, incident);
      const answered = t.targetNow();
      t.expectStatus(response, 201, M.sentWith({ what: M.validNotification() }));
      const receipt = receiptOf(t, response, incident, M.validNotification());
      const at = Date.parse(receipt.receivedAt);
      const off = at < sent ? sent - at : at > answered ? at - answered : 0;
      t.assert(off <= RECEIPT_SKEW_MS, M.receivedAtWithin({ receivedAt: receipt.receivedAt, sent: timestamp(sent), off: describeDuration(off) }), {
        pointer: '/receivedAt',
      });
    },
  }),
  defineCheck({
    id: 'incidents/signature-required',
    requirements: ['ECDX-INC-007'],
    title: 'An unsigned or wrongly signed notification is refused with 401',
    description:
      "Posts a valid `SecurityIncident` without a signature, and one signed under the harness's keyid with another " +
      'key (the signature does not verify), and expects a 401 problem for each. Each is preceded by the same fault ' +
      'on a GET: a target that accepts such requests everywhere fails ECDX-SEC-002 or ECDX-SEC-008, and this check ' +
      'then ends precondition-failed, since it verifies what the incident receiver does. Whether a refused ' +
      'notification was recorded cannot be seen from outside (no operation reads incidents back).',
    async run(t) {
      const path = probePath(t);
      const probe = await t.http.get(path, { sign: false });
      t.precondition(probe.status === 401, M.unsignedGetAccepted({ path: path.split('?')[0]!, status: probe.status }));
      const unsigned = await t.http.post(PATH, buildIncident(t), { sign: false });
      expectRefusal(t, unsigned, 401, SIGNATURE_PROBLEMS, { what: M.unsignedPost() });

      const own = await t.http.get(probePath(t));
      t.precondition(own.status !== 401, M.keyNotAccepted());
      const signature = t.need(signatureOf(own), M.ownSignatureUnreadable());
      const impostor = signature.alg === 'hmac-sha256' ? generateHmacKey(signature.keyid) : generateEd25519SigningKey(signature.keyid);
      const forged = await t.http.get(probePath(t), { sign: impostor });
      t.precondition(forged.status === 401, M.forgedAccepted({ status: forged.status }));
      const wrong = await t.http.post(PATH, buildIncident(t), { sign: impostor });
      expectRefusal(t, wrong, 401, SIGNATURE_PROBLEMS, { what: M.signedWithOtherKey({ keyid: signature.keyid }) });
    },
  }),
  defineCheck({
    id: 'incidents/invalid-refused',
    requirements: ['ECDX-INC-008'],
    title: 'A notification that is not a valid SecurityIncident, or whose times are out of order, is refused with 422',
    description:
      'Posts notifications without `measuresTaken`, with an empty `measuresTaken`, without `contact`, with ' +
      '`occurredAt` a minute after `detectedAt`, and with `reportedAt` a minute before `detectedAt`, and expects 422 ' +
      '`validation-failed` for each.',
    async run(t) {
      const cases: [Bilingual, (incident: SecurityIncident) => Record<string, unknown>][] = [
        [M.noMeasuresTaken(), ({ measuresTaken: _m, ...rest }) => rest],
        [M.emptyMeasuresTaken(), (incident) => ({ ...incident, measuresTaken: [] })],
        [M.noContact(), ({ contact: _c, ...rest }) => rest],
        [M.occurredAfterDetected(), (incident) => ({ ...incident, occurredAt: timestamp(Date.parse(incident.detectedAt) + MINUTE) })],
        [M.reportedBeforeDetected(), (incident) => ({ ...incident, reportedAt: timestamp(Date.parse(incident.detectedAt) - MINUTE) })],
      ];
      for (const [what, change] of cases) {
        const response = await t.http.post(PATH, change(buildIncident(t, { detectedAgoMs: 10 * MINUTE })));
        expectRefusal(t, response, 422, 'validation-failed', { what: M.sentWith({ what }) });
      }
    },
  }),
  defineCheck({
    id: 'incidents/update-accepted',
    requirements: ['ECDX-INC-009'],
    title: 'A notification repeating an incidentId is taken as an update with a new receipt',
    description:
      'Posts a notification, then an update under the same `incidentId` and a new `Idempotency-Key` (graded ' +
      '`LARGER`, the postal administration notified, a second measure taken), and expects 201 and a receipt for ' +
      'each, the second not earlier than the first. That every version is kept cannot be seen from outside.',
    async run(t) {
      const incident = buildIncident(t, { detectedAgoMs: 10 * MINUTE });
      const first = await t.http.post(PATH, incident);
      t.precondition(first.status === 201, M.validNot201({ status: first.status }));
      const firstReceipt = receiptOf(t, first, incident, M.firstNotification());
      const reported = Math.max(t.targetNow(), Date.parse(incident.reportedAt) + SECOND);
      const update: SecurityIncident = {
        ...incident,
        severity: 'LARGER',
        reportedAt: timestamp(reported),
        measuresTaken: [...incident.measuresTaken, '排查全部推送签名密钥的使用记录'],
        authoritiesNotified: [{ authority: 'POSTAL', notifiedAt: timestamp(reported - SECOND), reference: 'ECDX-CONF-INC-UPDATE' }],
      };
      const receipt = await expectReceived(t, update, M.updateOf({ incidentId: incident.incidentId }));
      t.assert(
        Date.parse(receipt.receivedAt) >= Date.parse(firstReceipt.receivedAt),
        M.updateNotEarlier({ update: receipt.receivedAt, first: firstReceipt.receivedAt }),
        { pointer: '/receivedAt' },
      );
    },
  }),
  defineCheck({
    id: 'incidents/late-or-incomplete-accepted',
    requirements: ['ECDX-INC-010'],
    title: 'A valid notification is never refused for lateness, an unstarted plan or no report to the authorities',
    description:
      'Posts three valid notifications, each with one failing: detected three days ago (far beyond the 24 hours of ' +
      'ECDX-INC-002), admitting that the emergency plan was not started, graded `LARGER` with no authority notified; ' +
      'expects 201 with a receipt for each: these are failings of the reporting party, for the authorities to weigh.',
    async run(t) {
      const cases: [IncidentSpec, Bilingual][] = [
        [{ detectedAgoMs: 3 * DAY }, M.detectedDaysAgo()],
        [{ emergencyPlanActivated: false }, M.planNotStarted()],
        [{ severity: 'LARGER', authoritiesNotified: [] }, M.largerNoAuthority()],
      ];
      for (const [spec, what] of cases) await expectReceived(t, buildIncident(t, spec), what);
    },
  }),
  ...generatedIncidentChecks,
];
