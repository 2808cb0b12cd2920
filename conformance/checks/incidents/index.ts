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
import { expectRefusal, problemSummary } from '../../kit/refusals.ts';
import { probePath, signatureOf } from '../../kit/requests.ts';
import { DAY, describeDuration, MINUTE, SECOND, timestamp } from '../../kit/time.ts';

const PATH = '/v1/security-incidents';
const POST = `POST ${PATH}`;
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
async function expectReceived(t: TestContext, incident: SecurityIncident, what: string): Promise<IncidentReceipt> {
  const response = await t.http.post(PATH, incident);
  t.assert(response.status === 201, `${POST} with ${what}: expected HTTP 201, got ${response.status}${problemSummary(response)}`);
  return receiptOf(t, response, incident, what);
}

function receiptOf(t: TestContext, response: HttpResponse, incident: SecurityIncident, what: string): IncidentReceipt {
  const receipt = t.expectSchema<IncidentReceipt>(response, 'IncidentReceipt', `the answer to ${POST} with ${what}`);
  t.assert(receipt.incidentId === incident.incidentId, `the receipt names the incident ${incident.incidentId} (got ${receipt.incidentId})`, {
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
      t.expectStatus(response, 201, `${POST} with a valid notification`);
      const receipt = receiptOf(t, response, incident, 'a valid notification');
      const at = Date.parse(receipt.receivedAt);
      const off = at < sent ? sent - at : at > answered ? at - answered : 0;
      t.assert(
        off <= RECEIPT_SKEW_MS,
        `the receipt's receivedAt ${receipt.receivedAt} lies within 30 s of the time of receipt (${timestamp(sent)}; off by ${describeDuration(off)})`,
        { pointer: '/receivedAt' },
      );
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
      t.precondition(
        probe.status === 401,
        `an unsigned GET ${path.split('?')[0]} was answered ${probe.status}, not 401: the target takes unsigned requests everywhere (ECDX-SEC-002)`,
      );
      const unsigned = await t.http.post(PATH, buildIncident(t), { sign: false });
      expectRefusal(t, unsigned, 401, SIGNATURE_PROBLEMS, { what: `unsigned ${POST}` });

      const own = await t.http.get(probePath(t));
      t.precondition(own.status !== 401, "a correctly signed GET was refused with 401: the target does not accept the harness's key");
      const signature = t.need(signatureOf(own), 'the harness could not read back its own signature parameters');
      const impostor = signature.alg === 'hmac-sha256' ? generateHmacKey(signature.keyid) : generateEd25519SigningKey(signature.keyid);
      const forged = await t.http.get(probePath(t), { sign: impostor });
      t.precondition(
        forged.status === 401,
        `a GET whose signature does not verify was answered ${forged.status}, not 401: the target does not verify signatures (ECDX-SEC-008)`,
      );
      const wrong = await t.http.post(PATH, buildIncident(t), { sign: impostor });
      expectRefusal(t, wrong, 401, SIGNATURE_PROBLEMS, { what: `${POST} signed under keyid ${signature.keyid} with another key` });
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
      const cases: [string, (incident: SecurityIncident) => Record<string, unknown>][] = [
        ['no measuresTaken', ({ measuresTaken: _m, ...rest }) => rest],
        ['an empty measuresTaken', (incident) => ({ ...incident, measuresTaken: [] })],
        ['no contact', ({ contact: _c, ...rest }) => rest],
        ['occurredAt a minute after detectedAt', (incident) => ({ ...incident, occurredAt: timestamp(Date.parse(incident.detectedAt) + MINUTE) })],
        ['reportedAt a minute before detectedAt', (incident) => ({ ...incident, reportedAt: timestamp(Date.parse(incident.detectedAt) - MINUTE) })],
      ];
      for (const [what, change] of cases) {
        const response = await t.http.post(PATH, change(buildIncident(t, { detectedAgoMs: 10 * MINUTE })));
        expectRefusal(t, response, 422, 'validation-failed', { what: `${POST} with ${what}` });
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
      t.precondition(first.status === 201, `${POST} with a valid notification was answered ${first.status}, not 201 (ECDX-INC-006)`);
      const firstReceipt = receiptOf(t, first, incident, 'the first notification');
      const reported = Math.max(t.targetNow(), Date.parse(incident.reportedAt) + SECOND);
      const update: SecurityIncident = {
        ...incident,
        severity: 'LARGER',
        reportedAt: timestamp(reported),
        measuresTaken: [...incident.measuresTaken, '排查全部推送签名密钥的使用记录'],
        authoritiesNotified: [{ authority: 'POSTAL', notifiedAt: timestamp(reported - SECOND), reference: 'ECDX-CONF-INC-UPDATE' }],
      };
      const receipt = await expectReceived(t, update, `an update of the incident ${incident.incidentId}`);
      t.assert(
        Date.parse(receipt.receivedAt) >= Date.parse(firstReceipt.receivedAt),
        `the update's receipt (${receipt.receivedAt}) is not earlier than the first (${firstReceipt.receivedAt})`,
        { pointer: '/receivedAt' },
      );
    },
  }),
  defineCheck({
    id: 'incidents/late-or-incomplete-accepted',
    requirements: ['ECDX-INC-010'],
    title: 'A valid notification is never refused for lateness, an unstarted plan or no report to the authorities',
    description:
      'Posts valid notifications detected three days ago (far beyond the 24 hours of ECDX-INC-002), admitting that ' +
      'the emergency plan was not started, and graded `LARGER` with no authority notified, and expects 201 with a ' +
      'receipt for each: these are failings of the reporting party, for the authorities to weigh.',
    async run(t) {
      const cases: [IncidentSpec, string][] = [
        [{ detectedAgoMs: 3 * DAY }, 'a notification detected 3 days ago'],
        [{ emergencyPlanActivated: false }, 'a notification whose emergency plan was not started'],
        [{ severity: 'LARGER', authoritiesNotified: [] }, 'a LARGER notification with no authority notified'],
      ];
      for (const [spec, what] of cases) await expectReceived(t, buildIncident(t, spec), what);
    },
  }),
  ...generatedIncidentChecks,
];
