// HEAD and OPTIONS (chapter Core §4, ECDX-CNF-008, decision 0030): no ECDX path supports them, so a server answers
// them as any method a path does not support — 405 with an Allow header, before authentication (ECDX-ERR-007). A HEAD answer
// has no content (RFC 9110 §9.3.2), so only its status and Allow field are judged; an OPTIONS answer is a problem.
import { defineCheck } from '../../harness/check.ts';
import type { HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
import { verbatim } from '../../i18n/text.ts';
import { expectRefusal } from '../../kit/refusals.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

const PATHS = ['/v1/conformance', '/v1/health'] as const;

function expectAllowGet(t: TestContext, response: HttpResponse, what: string): void {
  const allow = (response.headers['allow'] ?? '').split(',').map((m) => m.trim().toUpperCase());
  t.assert(allow.includes('GET') && !allow.includes(what.split(' ')[0]!), M.allowListsGet({ what, allow: response.headers['allow'] ?? W.none() }));
}

export const methodChecks = [
  defineCheck({
    id: 'discovery/head-and-options-not-allowed',
    requirements: ['ECDX-CNF-008'],
    title: 'HEAD and OPTIONS are answered 405 with an Allow header',
    description:
      'Sends unsigned `HEAD` and `OPTIONS` requests to `/v1/conformance` and `/v1/health`, which serve only `GET`; ' +
      'expects 405 with an `Allow` header that lists `GET` for each, and for `OPTIONS` the problem ' +
      '`method-not-allowed` (a `HEAD` answer has no content to carry one).',
    async run(t) {
      for (const path of PATHS) {
        const head = await t.http.send({ method: 'HEAD', path, sign: false });
        t.assert(head.status === 405, M.headNot405({ request: `HEAD ${path}`, status: head.status }));
        expectAllowGet(t, head, `HEAD ${path}`);
        const options = await t.http.send({ method: 'OPTIONS', path, sign: false });
        expectRefusal(t, options, 405, 'method-not-allowed', { what: verbatim(`OPTIONS ${path}`) });
        expectAllowGet(t, options, `OPTIONS ${path}`);
      }
    },
  }),
];
