// Generated notice checks (kit/generated.ts): the invalid InterruptionNoticeRequests and NoticeResponses derived from
// their schemas member by member and keyword by keyword, and `--fuzz-runs` random ones, each of which must be refused
// with 422 validation-failed naming the member it breaks (ECDX-ERR-012: the chapter states no refusal of its own).
import { InterruptionNoticeRequest, NoticeResponse } from '../../../schemas/src/index.ts';
import { arbitraryFor } from '../../generate/arbitrary.ts';
import { defineCheck } from '../../harness/check.ts';
import { expectGeneratedRefusals, fullInstance } from '../../kit/generated.ts';
import { buildResponse, issueNotice, NOTICES_PATH, responsesPath } from '../../kit/notices.ts';
import { verbatim } from '../../i18n/text.ts';

export const generatedNoticeChecks = [
  defineCheck({
    id: 'notices/generated-invalid-notice-refused',
    requirements: ['ECDX-ERR-012', 'ECDX-ERR-003', 'ECDX-ERR-004', 'ECDX-ERR-008'],
    class: 'notices',
    title: 'Every invalid InterruptionNoticeRequest derived from the schema is refused naming its member',
    description:
      'Derives invalid notices from `InterruptionNoticeRequest` (each member missing, of a wrong type, its pattern, ' +
      'format, bounds or enum broken, an undefined member, oversized) from a valid notice with every member the ' +
      'schema defines, and `--fuzz-runs` random ones, and posts each to `POST /v1/interruption-notices`; then the ' +
      'valid notice declared as text/plain. Each must be refused with 422 `validation-failed` naming the member it ' +
      'breaks (415 for text/plain), never 2xx, never 5xx.',
    async run(t) {
      await expectGeneratedRefusals(t, {
        what: verbatim(`POST ${NOTICES_PATH}`),
        schema: InterruptionNoticeRequest,
        base: fullInstance(t, InterruptionNoticeRequest),
        arbitrary: arbitraryFor(InterruptionNoticeRequest),
        send: (body, headers) => t.http.post(NOTICES_PATH, body, headers ? { headers } : {}),
        requirement: 'ECDX-ERR-012',
        mediaTypeRequirement: 'ECDX-ERR-008',
      });
    },
  }),
  defineCheck({
    id: 'notices/generated-invalid-response-refused',
    requirements: ['ECDX-ERR-012', 'ECDX-ERR-003', 'ECDX-ERR-004'],
    class: 'notices',
    title: 'Every invalid NoticeResponse derived from the schema is refused naming its member',
    description:
      'Posts a notice, then derives invalid responses from `NoticeResponse`, starting from the issuer’s valid ' +
      '`DISCLOSED` (each member missing, of a wrong type, its pattern, format, bounds or enum broken, an undefined ' +
      'member, oversized), and `--fuzz-runs` random ones, and posts each to its `POST ' +
      '/v1/interruption-notices/{noticeId}/responses`. Each must be refused with 422 `validation-failed` naming the ' +
      'member it breaks, never applied, never 5xx.',
    async run(t) {
      const notice = await issueNotice(t, { reason: 'PLANNED_MAINTENANCE' });
      const path = responsesPath(notice.noticeId);
      await expectGeneratedRefusals(t, {
        what: verbatim(`POST ${path}`),
        schema: NoticeResponse,
        base: buildResponse(t, notice, 'DISCLOSED'),
        arbitrary: arbitraryFor(NoticeResponse),
        send: (body, headers) => t.http.post(path, body, headers ? { headers } : {}),
        requirement: 'ECDX-ERR-012',
      });
    },
  }),
];
