// What a carrier's test clock says of its unfinished pushes (chapter Test controls, ECDX-CNF-009). A target that
// states `pendingPushes` lets the harness move on the moment it says 0, instead of waiting its settle time for every
// push that must not come; so the statement is checked before anything relies on it: this check runs first among
// the checks that move the clock, and only when it holds does the rest of the run take the target at its word.
import { HOUR } from '../../../schemas/time.ts';
import { defineCheck } from '../../harness/check.ts';
import { unsubscribeAll, waitUntil } from '../../kit/pushes.ts';
import { follow } from './delivery.ts';
import { M } from './messages.ts';

/** How long the callback holds its answer: an attempt the target must count as unfinished meanwhile. */
const HOLD_MS = 600;

export const pendingPushesChecks = [
  defineCheck({
    id: 'push/pending-pushes-stated-truly',
    requirements: ['ECDX-CNF-009'],
    needs: ['clock', 'callback'],
    opensClockPhase: true,
    title: 'A test clock that states pendingPushes says 0 only once every attempt due was made and answered',
    description:
      'For a carrier whose `TestClock` states `pendingPushes` (optional: otherwise the check is skipped and the push ' +
      `checks wait their settle time). The callback holds its answer to every push for ${HOLD_MS} ms and then answers ` +
      '500. After the clock has moved 6 hours and the first push arrived, `pendingPushes` read while the answer is ' +
      'still held must be above 0, and once it reads 0 every push that arrived must have been answered. Only when ' +
      'this holds do the other push checks take a 0 as the end of what is coming.',
    async run(t) {
      t.requireTestMode();
      const stated = await t.pendingPushes();
      if (stated === undefined) {
        t.trustPendingPushes(false);
        t.notApplicable(M.pendingNotStated());
      }
      const created: string[] = [];
      try {
        const { deliveries, waybillNo } = await follow(t, { status: 500, holdMs: HOLD_MS }, created);
        await t.advanceClock(6 * HOUR);
        t.precondition(await waitUntil(t, () => deliveries.length > 0, t.timeoutMs), M.noPushAfter6h({ waybillNo }));
        const first = deliveries[0]!;
        const whileHeld = await t.pendingPushes();
        if (Date.now() < first.receivedAt + HOLD_MS) {
          t.assert(whileHeld !== undefined && whileHeld > 0, M.pendingWhileHeld({ got: String(whileHeld) }));
        } else t.blocked(M.pendingReadLate({ ms: HOLD_MS }));
        let zeroAt: number | undefined;
        const deadline = Date.now() + t.timeoutMs + HOLD_MS;
        while (zeroAt === undefined && Date.now() < deadline) {
          if ((await t.pendingPushes()) === 0) zeroAt = Date.now();
          else await t.sleep(50);
        }
        t.precondition(zeroAt !== undefined, M.pendingNeverZero({ seconds: Math.round((t.timeoutMs + HOLD_MS) / 1000) }));
        const unanswered = deliveries.filter((d) => d.answeredAt === undefined || d.answeredAt > zeroAt!);
        t.assert(unanswered.length === 0, M.answeredWhenZero({ n: unanswered.length, total: deliveries.length }));
        t.trustPendingPushes(true);
      } finally {
        await unsubscribeAll(t, created);
      }
    },
  }),
];
