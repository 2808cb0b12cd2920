// A notice as the target looks it up and addresses it (chapter Interruption notices §8, Core order of evaluation):
// an identical resend is found before its issuedAt is judged (ECDX-NTC-019), and a notice meant for another party
// is refused with 403 and not held (ECDX-NTC-020).
import type { InterruptionNotice, InterruptionNoticeRequest } from '../../../schemas/src/index.ts';
import { defineCheck } from '../../harness/check.ts';
import { buildNotice, issueNotice, NOTICES_PATH, noticePath, postNotice } from '../../kit/notices.ts';
import { expectRefusal, problemSummaryText } from '../../kit/refusals.ts';
import { MINUTE } from '../../kit/time.ts';
import type { Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

const POST = `POST ${NOTICES_PATH}`;
/** Well beyond the 300 s an issuedAt may be old, so that a target judging it on the resend refuses it. */
const RESEND_AFTER = 10 * MINUTE;
/** A carrier code that is neither the target's nor the harness's. */
const OTHER_CARRIER = 'ECDXELSE';

/** The notice with its addressing broken: to another carrier (carrier target), from a carrier other than the signer. */
function misaddressed(notice: InterruptionNoticeRequest, targetRole: 'carrier' | 'platform'): { notice: InterruptionNoticeRequest; what: Bilingual } {
  if (targetRole === 'carrier') {
    return {
      notice: { ...notice, recipient: { name: 'Another carrier', role: 'carrier', carrierCode: OTHER_CARRIER } },
      what: M.addressedTo({ carrierCode: OTHER_CARRIER }),
    };
  }
  return {
    notice: { ...notice, issuer: { name: 'Another carrier', role: 'carrier', carrierCode: OTHER_CARRIER } },
    what: M.namingIssuer({ carrierCode: OTHER_CARRIER }),
  };
}

export const noticeAddressingChecks = [
  defineCheck({
    id: 'notices/late-resend-answered',
    requirements: ['ECDX-NTC-019'],
    needs: ['clock'],
    title: 'An identical notice resent after its issuedAt has aged is answered with the copy',
    description:
      "Posts a notice, moves the target's clock 10 minutes on (beyond the 300 seconds an `issuedAt` may be old) and " +
      'posts the same notice again under a new `Idempotency-Key`. The target must find the notice it holds before ' +
      'it judges `issuedAt`, and answer 201 with its copy: an issuer that lost the first answer resends exactly this.',
    async run(t) {
      const notice = await issueNotice(t);
      await t.advanceClock(RESEND_AFTER);
      const again = await postNotice(t, notice);
      t.assert(again.status === 201, M.resentAnswered({ request: POST, status: again.status, problem: problemSummaryText(again) }));
      const copy = t.expectSchema<InterruptionNotice>(again, 'InterruptionNotice', M.answerToResent());
      t.assert(copy.noticeId === notice.noticeId, M.answerIsCopy({ noticeId: notice.noticeId, actual: copy.noticeId }), { pointer: '/noticeId' });
    },
  }),
  defineCheck({
    id: 'notices/misaddressed-notice-forbidden',
    requirements: ['ECDX-NTC-020'],
    title: 'A notice for another party, or from a party other than the signer, is refused with 403 and not held',
    description:
      'Against a carrier, posts a notice addressed to another carrier code; against a platform, a notice naming as ' +
      'issuer a carrier other than the one whose key signs it. Expects 403 `forbidden`, and a read of its ' +
      '`noticeId` afterwards to be answered 404: the notice was not recorded.',
    async run(t) {
      const { notice, what } = misaddressed(buildNotice(t), t.role);
      const response = await postNotice(t, notice);
      expectRefusal(t, response, 403, 'forbidden', { what: W.requestWith({ request: POST, what }) });
      const read = await t.http.get(noticePath(notice.noticeId));
      t.assert(read.status === 404, M.notHeldAfterRefusal({ path: noticePath(notice.noticeId), status: read.status }));
    },
  }),
];
