// A receiver of interruption notices that checks a notice only where its rules read it (ECDX-ERR-012): the parties,
// feeds, reason, times and severity are validated, the words around them are not. The refusal of the pipeline is
// rewritten: when every violation lies in the unchecked members, the notice goes to the operation as it came —
// which then holds a notice no schema allows. Hand-written notices are valid throughout, so only the generated
// checks, which break every member in turn, find it.
import { pointerWithin } from '../../protocol/index.ts';
import { InterruptionNoticeRequest } from '../../schemas/src/index.ts';
import { problemTypeUri } from '../../schemas/src/problems.ts';
import { violations } from '../../schemas/validate.ts';
import { defineFault } from '../core/faults.ts';
import { handlers } from '../core/operations/notices.ts';

/** The members no notice rule reads: free text for the people who negotiate. */
const UNCHECKED = ['/reasonDetail', '/impact/affectedUsers', '/impact/mitigation'];

export const noticeSchemaFaults = [
  defineFault({
    name: 'notice-free-text-unchecked',
    requirements: ['ECDX-ERR-012'],
    role: 'both',
    description:
      'Validates a POST /v1/interruption-notices body only where the notice rules read it: reasonDetail, impact.affectedUsers and impact.mitigation of any type or length are held as they came.',
    operation: 'receiveInterruptionNotice',
    rewrite: (input, r) => {
      if (r.status !== 422 || (r.body as { type?: string } | undefined)?.type !== problemTypeUri('validation-failed')) return r;
      const body = input.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return r;
      const found = violations(InterruptionNoticeRequest, body);
      if (found.length === 0 || !found.every((v) => UNCHECKED.some((p) => pointerWithin(v.pointer, p)))) return r;
      return handlers.receiveInterruptionNotice(input);
    },
  }),
];
