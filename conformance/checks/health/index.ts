// Health (chapter Core §Health, ECDX-HLT): how fast the health document answers. Whether it is served unsigned and
// tells the truth are the discovery checks' (discovery/health-*), which read it with the claim.
import { defineCheck } from '../../harness/check.ts';
import { SECOND } from '../../kit/time.ts';
import { M } from './messages.ts';

/** ECDX-HLT-009: how fast health should answer. */
const HEALTH_ANSWER_MS = 2 * SECOND;

export const healthChecks = [
  defineCheck({
    id: 'health/answers-within-2s',
    requirements: ['ECDX-HLT-009'],
    title: 'Health answers within 2 seconds',
    description:
      'Sends `GET /v1/health` (unsigned) three times and expects the median time to the complete answer to be at ' +
      "most 2 seconds, whatever the answer (that it is 200 is ECDX-HLT-001's question); a warning otherwise. The " +
      'median, so that one delay on the network between the harness and the target does not decide.',
    async run(t) {
      const durations: number[] = [];
      for (let i = 0; i < 3; i++) durations.push((await t.http.get('/v1/health', { sign: false })).durationMs);
      const median = [...durations].sort((a, b) => a - b)[1]!;
      t.assert(
        median <= HEALTH_ANSWER_MS,
        M.answeredIn({ durations: durations.join(', '), median, within: median <= HEALTH_ANSWER_MS ? M.within() : M.over(), limit: HEALTH_ANSWER_MS }),
      );
    },
  }),
];
