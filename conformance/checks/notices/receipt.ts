// Interruption notices as the target receives them (chapter Interruption notices §2–§5, §8): the harness plays the
// issuer (the target's counterparty) and posts notices built relative to the target's clock. Every rule is taken
// at its boundary from schemas/notice-rules.ts — exactly the minimum is accepted, one second less is refused — so a
// target that rounds, or counts from the wrong instant, shows. Refusals are judged with `expectRefusal`, which
// leaves the problem's format to the error rules (ECDX-ERR-001/002).
import { LATE_NOTICE_ALLOWANCE_SECONDS, minimumLeadTimeSeconds, obligations } from '../../../schemas/notice-rules.ts';
import type { InterruptionNotice } from '../../../schemas/src/index.ts';
import type { InterruptionReason } from '../../../schemas/src/notices.ts';
import type { ProblemSlug } from '../../../schemas/src/problems.ts';
import { defineCheck } from '../../harness/check.ts';
import type { TestContext } from '../../harness/context.ts';
import { firstDifference } from '../../kit/json.ts';
import { asPosted, buildNotice, issueNotice, locationNames, NOTICES_PATH, postNotice, readNotice, type NoticeSpec } from '../../kit/notices.ts';
import { expectRefusal, problemSummaryText } from '../../kit/refusals.ts';
import { DAY, describeDuration, HOUR, SECOND } from '../../kit/time.ts';
import type { Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { roleName, W } from '../../i18n/words.ts';

const POST = `POST ${NOTICES_PATH}`;
/** A holder may write the notice's timestamps with another UTC offset: they are compared as instants. */
const AS_INSTANTS = { sameInstant: true } as const;

/** Post a notice built from `spec` and expect 201. */
async function expectAccepted(t: TestContext, spec: NoticeSpec, what: Bilingual): Promise<void> {
  const response = await postNotice(t, buildNotice(t, spec));
  t.assert(response.status === 201, M.acceptable({ request: POST, what, status: response.status, problem: problemSummaryText(response) }));
}

/** Post a notice built from `spec` and expect 422 with `slug`. */
async function expectRefused(t: TestContext, spec: NoticeSpec, what: Bilingual, slug: ProblemSlug): Promise<void> {
  const response = await postNotice(t, buildNotice(t, spec));
  expectRefusal(t, response, 422, slug, { what: W.requestWith({ request: POST, what }) });
}

/** "a … notice" or "an … notice", by the reason's name. */
const reasonNotice = (reason: string): Bilingual => (/^[AEIOU]/.test(reason) ? M.anReasonNotice({ reason }) : M.aReasonNotice({ reason }));

const LEAD_TIME_REASONS: readonly InterruptionReason[] = ['AGREEMENT_EXPIRY', 'AGREEMENT_TERMINATION', 'SYSTEM_CHANGE', 'OTHER', 'PLANNED_MAINTENANCE'];
const URGENT_REASONS: readonly InterruptionReason[] = ['SECURITY_INCIDENT', 'LEGAL_REQUIREMENT'];
/** An agreement that ends is indefinite; the other interruptions last an hour. */
const durationFor = (reason: InterruptionReason): number | null => (reason.startsWith('AGREEMENT_') ? null : HOUR);
/** The rules of schemas/notice-rules.ts count seconds. */
const minimumLeadTime = (reason: InterruptionReason): number => minimumLeadTimeSeconds(reason) * SECOND;
const LATE_NOTICE_ALLOWANCE = LATE_NOTICE_ALLOWANCE_SECONDS * SECOND;

export const noticeReceiptChecks = [
  defineCheck({
    id: 'notices/acceptable-notice-received',
    requirements: ['ECDX-NTC-003'],
    title: 'An acceptable notice is answered 201 with its Location and the copy in state ISSUED',
    description:
      'Posts a valid `SIGNIFICANT` maintenance notice (3 hours, public disclosure planned) and expects 201, a ' +
      '`Location` naming `/v1/interruption-notices/{noticeId}`, and a valid `InterruptionNotice` holding the notice ' +
      'as posted (timestamps compared as instants), state `ISSUED`, no responses, and the obligations the rules of ' +
      '`schemas/notice-rules.ts` give: a disclosure due by `plannedStart`, no report.',
    async run(t) {
      const notice = buildNotice(t, { reason: 'PLANNED_MAINTENANCE', durationMs: 3 * HOUR });
      const response = await postNotice(t, notice);
      t.expectStatus(response, 201, W.requestWith({ request: POST, what: M.acceptableNotice() }));
      const location = response.headers['location'];
      t.assert(
        locationNames(location, notice.noticeId),
        location === undefined
          ? M.locationNamesNone({ path: `${NOTICES_PATH}/${notice.noticeId}` })
          : M.locationNames({ path: `${NOTICES_PATH}/${notice.noticeId}`, location }),
      );
      const copy = t.expectSchema<InterruptionNotice>(response, 'InterruptionNotice', M.answerTo({ what: POST }));
      const differs = firstDifference(notice, asPosted(copy), AS_INSTANTS);
      t.assert(
        differs === undefined,
        M.copyAsPosted({ differs: differs === undefined ? '' : M.differsAt({ pointer: differs }) }),
        differs === undefined ? {} : { pointer: differs },
      );
      t.assert(copy.negotiation.state === 'ISSUED', M.stateIssued({ state: copy.negotiation.state }), { pointer: '/negotiation/state' });
      t.assert(copy.negotiation.responses.length === 0, M.noResponseYet({ n: copy.negotiation.responses.length }), {
        pointer: '/negotiation/responses',
      });
      const expected = obligations(notice, 'ISSUED');
      const wrong = firstDifference(expected, copy.negotiation.obligations, AS_INSTANTS);
      t.assert(
        wrong === undefined,
        M.obligationsOfIssued({
          expected: JSON.stringify(expected),
          got: wrong === undefined ? '' : M.gotParen({ actual: JSON.stringify(copy.negotiation.obligations) }),
        }),
        { pointer: `/negotiation/obligations${wrong === '/' || wrong === undefined ? '' : wrong}` },
      );
    },
  }),
  defineCheck({
    id: 'notices/lead-time-enforced',
    requirements: ['ECDX-NTC-004'],
    title: "Each reason's minimum lead time holds to the second",
    description:
      'For every reason with a minimum lead time (30 days for the end of an agreement, 7 days for a system change ' +
      'or another reason, 72 hours for maintenance) posts a notice whose `plannedStart` lies exactly the minimum ' +
      'after `issuedAt` (expects 201) and one that lies one second less (expects 422 ' +
      '`notice-lead-time-too-short`). For `SECURITY_INCIDENT` and `LEGAL_REQUIREMENT`, whose notice may follow the ' +
      'start by 2 hours, posts one whose start lies exactly 2 hours before `issuedAt` (201) and one 2 hours and a ' +
      'second before (422). Every other rule is met: the severity is the least the rules allow, a disclosure is ' +
      'planned where one is required.',
    async run(t) {
      for (const reason of LEAD_TIME_REASONS) {
        const minimum = minimumLeadTime(reason);
        const durationMs = durationFor(reason);
        const notice = reasonNotice(reason);
        await expectAccepted(t, { reason, leadMs: minimum, durationMs }, M.leadExactlyMinimum({ notice, duration: describeDuration(minimum) }));
        const short = minimum - SECOND;
        await expectRefused(
          t,
          { reason, leadMs: short, durationMs },
          M.leadOneSecondShort({ notice, duration: describeDuration(short) }),
          'notice-lead-time-too-short',
        );
      }
      for (const reason of URGENT_REASONS) {
        const notice = reasonNotice(reason);
        await expectAccepted(
          t,
          { reason, leadMs: -LATE_NOTICE_ALLOWANCE },
          M.issuedAfterStartMost({ notice, duration: describeDuration(LATE_NOTICE_ALLOWANCE) }),
        );
        const late = LATE_NOTICE_ALLOWANCE + SECOND;
        await expectRefused(t, { reason, leadMs: -late }, M.issuedAfterStart({ notice, duration: describeDuration(late) }), 'notice-lead-time-too-short');
      }
    },
  }),
  defineCheck({
    id: 'notices/severity-not-understated',
    requirements: ['ECDX-NTC-005'],
    title: 'A notice that declares less than its minimum severity is refused, at each threshold',
    description:
      'Posts maintenance notices at each threshold of the minimum severity and expects the ones that declare ' +
      'enough to be accepted (exactly 2 hours `MINOR`, exactly 24 hours `SIGNIFICANT`, 999 shipments a day ' +
      '`MINOR`, 9,999 `SIGNIFICANT`) and the ones one step over to be refused with 422 `notice-severity-understated` ' +
      '(2 hours and a second `MINOR`, 24 hours and a second `SIGNIFICANT`, 1,000 shipments `MINOR`, 10,000 ' +
      '`SIGNIFICANT`), as well as a `SIGNIFICANT` notice for the expiry of the agreement and one without ' +
      '`plannedEnd`. Every refused notice plans a public disclosure, so that only its severity is wrong.',
    async run(t) {
      const accepted: [NoticeSpec, Bilingual][] = [
        [{ durationMs: 2 * HOUR, severity: 'MINOR' }, M.ofExactly({ severity: 'MINOR', duration: '2 h' })],
        [{ durationMs: DAY, severity: 'SIGNIFICANT' }, M.ofExactly({ severity: 'SIGNIFICANT', duration: '24 h' })],
        [{ shipmentsPerDay: 999, severity: 'MINOR' }, M.affecting({ severity: 'MINOR', count: '999' })],
        [{ shipmentsPerDay: 9_999, severity: 'SIGNIFICANT' }, M.affecting({ severity: 'SIGNIFICANT', count: '9,999' })],
      ];
      for (const [spec, what] of accepted) await expectAccepted(t, { reason: 'PLANNED_MAINTENANCE', ...spec }, what);
      const refused: [NoticeSpec, Bilingual][] = [
        [{ durationMs: 2 * HOUR + SECOND, severity: 'MINOR' }, M.ofAtLeast({ severity: 'MINOR', duration: '2 h + 1 s', minimum: 'SIGNIFICANT' })],
        [{ durationMs: DAY + SECOND, severity: 'SIGNIFICANT' }, M.ofAtLeast({ severity: 'SIGNIFICANT', duration: '24 h + 1 s', minimum: 'SERIOUS' })],
        [{ shipmentsPerDay: 1_000, severity: 'MINOR' }, M.affectingAtLeast({ severity: 'MINOR', count: '1,000', minimum: 'SIGNIFICANT' })],
        [{ shipmentsPerDay: 10_000, severity: 'SIGNIFICANT' }, M.affectingAtLeast({ severity: 'SIGNIFICANT', count: '10,000', minimum: 'SERIOUS' })],
        [{ durationMs: null, severity: 'SIGNIFICANT' }, M.withoutEndAtLeast({ severity: 'SIGNIFICANT', minimum: 'SERIOUS' })],
      ];
      for (const [spec, what] of refused) await expectRefused(t, { reason: 'PLANNED_MAINTENANCE', ...spec }, what, 'notice-severity-understated');
      await expectRefused(
        t,
        { reason: 'AGREEMENT_EXPIRY', durationMs: HOUR, severity: 'SIGNIFICANT' },
        M.reasonAtLeast({ severity: 'SIGNIFICANT', reason: 'AGREEMENT_EXPIRY', minimum: 'SERIOUS' }),
        'notice-severity-understated',
      );
    },
  }),
  defineCheck({
    id: 'notices/disclosure-required',
    requirements: ['ECDX-NTC-006'],
    title: 'A SIGNIFICANT or SERIOUS notice must plan its public disclosure by the deadline',
    description:
      'Posts a `SIGNIFICANT` and a `SERIOUS` notice without `publicDisclosure` and expects 422 ' +
      '`notice-disclosure-missing`; a `SIGNIFICANT` notice with the disclosure planned exactly at `plannedStart` ' +
      '(201) and one second later (422); a `SECURITY_INCIDENT` notice starting an hour after issue, disclosed exactly ' +
      '24 hours after `issuedAt` (201, the later of the two deadlines) and a second later (422); a ' +
      '`LEGAL_REQUIREMENT` notice starting 30 hours after issue, disclosed exactly at `plannedStart` (201) and a ' +
      'second later (422); and a `MINOR` notice without a disclosure (201).',
    async run(t) {
      const slug = 'notice-disclosure-missing';
      const significant: NoticeSpec = { reason: 'PLANNED_MAINTENANCE', durationMs: 3 * HOUR };
      await expectRefused(t, { ...significant, disclosure: 'none' }, M.withoutDisclosure({ severity: 'SIGNIFICANT' }), slug);
      await expectRefused(t, { reason: 'AGREEMENT_TERMINATION', durationMs: null, disclosure: 'none' }, M.withoutDisclosure({ severity: 'SERIOUS' }), slug);
      await expectAccepted(t, { ...significant, disclosure: { afterStartMs: 0 } }, M.disclosedAtStart({ severity: 'SIGNIFICANT' }));
      await expectRefused(t, { ...significant, disclosure: { afterStartMs: SECOND } }, M.disclosedAfterStart({ severity: 'SIGNIFICANT', delay: '1 s' }), slug);
      const incident: NoticeSpec = { reason: 'SECURITY_INCIDENT', leadMs: HOUR, durationMs: 3 * HOUR };
      await expectAccepted(
        t,
        { ...incident, disclosure: { afterIssuedMs: DAY } },
        M.startingDisclosedExactlyAfterIssued({ severity: 'SIGNIFICANT', reason: 'SECURITY_INCIDENT', lead: '1 h', after: '24 h' }),
      );
      await expectRefused(
        t,
        { ...incident, disclosure: { afterIssuedMs: DAY + SECOND } },
        M.startingDisclosedAfterIssued({ severity: 'SIGNIFICANT', reason: 'SECURITY_INCIDENT', lead: '1 h', after: '24 h + 1 s' }),
        slug,
      );
      const legal: NoticeSpec = { reason: 'LEGAL_REQUIREMENT', leadMs: 30 * HOUR, durationMs: 3 * HOUR };
      await expectAccepted(
        t,
        { ...legal, disclosure: { afterStartMs: 0 } },
        M.startingDisclosedAtStart({ severity: 'SIGNIFICANT', reason: 'LEGAL_REQUIREMENT', lead: '30 h' }),
      );
      await expectRefused(
        t,
        { ...legal, disclosure: { afterStartMs: SECOND } },
        M.startingDisclosedAfterStart({ severity: 'SIGNIFICANT', reason: 'LEGAL_REQUIREMENT', lead: '30 h', delay: '1 s' }),
        slug,
      );
      await expectAccepted(t, { reason: 'PLANNED_MAINTENANCE', durationMs: HOUR, disclosure: 'none' }, M.withoutDisclosure({ severity: 'MINOR' }));
    },
  }),
  defineCheck({
    id: 'notices/times-and-parties-plausible',
    requirements: ['ECDX-NTC-007'],
    title: 'A back-dated or future issuedAt, an empty period and a notice between two parties of one role are refused',
    description:
      "Posts notices whose `issuedAt` lies 360 seconds before the target's clock and 90 seconds after it (a minute " +
      'beyond the 300 and 30 seconds allowed, so that a clock within the 30 seconds of ECDX-HLT-002 decides the ' +
      'same) and expects 422 `notice-issued-at-invalid`, while one issued 200 seconds ago is accepted; then notices ' +
      'whose `plannedEnd` equals or precedes `plannedStart`, and one whose issuer and recipient are both of the ' +
      "harness's role, and expects 422 `validation-failed`.",
    async run(t) {
      await expectRefused(t, { issuedAtOffsetMs: -360 * SECOND }, M.issuedAtBefore({ offset: '360 s' }), 'notice-issued-at-invalid');
      await expectRefused(t, { issuedAtOffsetMs: 90 * SECOND }, M.issuedAtAfter({ offset: '90 s' }), 'notice-issued-at-invalid');
      await expectAccepted(t, { issuedAtOffsetMs: -200 * SECOND }, M.issuedAtBefore({ offset: '200 s' }));
      await expectRefused(t, { durationMs: 0 }, M.endEqualsStart(), 'validation-failed');
      await expectRefused(t, { durationMs: -HOUR }, M.endHourBeforeStart(), 'validation-failed');
      await expectRefused(t, { sameRole: true }, M.sameRole({ role: roleName(t.role === 'carrier' ? 'platform' : 'carrier') }), 'validation-failed');
    },
  }),
  defineCheck({
    id: 'notices/duplicate-id-refused',
    requirements: ['ECDX-NTC-014'],
    title: 'A different notice under a noticeId already held is refused with 409; the same one is answered again',
    description:
      'Posts a notice, posts it again unchanged under a new `Idempotency-Key` (expects 201: the same content is no ' +
      'conflict), then a notice with the same `noticeId` and another `reasonDetail` (expects 409 ' +
      '`notice-already-exists`), and reads the copy back: it must still hold the first `reasonDetail`.',
    async run(t) {
      const notice = await issueNotice(t);
      const again = await postNotice(t, notice);
      t.assert(again.status === 201, M.sameNoticeNoConflict({ request: POST, status: again.status, problem: problemSummaryText(again) }));
      const changed = { ...notice, reasonDetail: `${notice.reasonDetail}(已修改)` };
      const conflict = await postNotice(t, changed);
      expectRefusal(t, conflict, 409, 'notice-already-exists', { what: M.anotherUnderId({ request: POST, noticeId: notice.noticeId }) });
      const copy = await readNotice(t, notice.noticeId, M.afterConflictingNotice());
      t.assert(copy.reasonDetail === notice.reasonDetail, M.firstReasonDetail({ reasonDetail: copy.reasonDetail }), {
        pointer: '/reasonDetail',
      });
    },
  }),
];
