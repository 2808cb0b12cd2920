// What an abandoned batch does to its subscription (chapter Pushes §4, ECDX-PSH-028): the callback refuses every
// attempt, the clock follows the whole retry schedule of the first batch, and the subscription must then be DISABLED
// with DELIVERY_FAILING and stay silent.
import { HOUR, MINUTE, SECOND } from '../../../schemas/time.ts';
import { defineCheck } from '../../harness/check.ts';
import { firstDelivery, letTargetReadAnswers } from '../../kit/push-timing.ts';
import { repeatsOf, settle, subscriptionPath, unsubscribeAll, waitForPushes } from '../../kit/pushes.ts';
import { follow, stateAndReason } from './delivery.ts';
import { M } from './messages.ts';

/** ECDX-PSH-014's retries after the first attempt; each is awaited at its upper bound (+10 %) and a second more. */
const RETRIES_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 14 * HOUR, 20 * HOUR, 24 * HOUR];

export const pushAbandonmentChecks = [
  defineCheck({
    id: 'push/abandoned-batch-disables',
    requirements: ['ECDX-PSH-028'],
    needs: ['clock', 'callback'],
    title: 'A batch abandoned after the whole retry schedule disables the subscription (DELIVERY_FAILING)',
    description:
      'The callback answers 500 to everything. The clock follows the first batch through its nine retries (each ' +
      'awaited at the schedule’s upper bound); once the last one failed, `GET /v1/subscriptions/{subscriptionId}` ' +
      'must show state `DISABLED` with `disabledReason` `DELIVERY_FAILING`, and nothing may arrive in the next 12 hours.',
    async run(t) {
      const created: string[] = [];
      try {
        const { deliveries, waybillNo, subscription, clock } = await follow(t, { status: 500 }, created);
        const first = await firstDelivery(t, clock, deliveries, waybillNo);
        const retries = () => repeatsOf(deliveries, first);
        for (const [i, delay] of RETRIES_MS.entries()) {
          await clock.advance(t, Math.ceil((delay * 1.1) / SECOND) * SECOND + SECOND);
          const came = await waitForPushes(t, () => retries().length > i, t.timeoutMs);
          t.precondition(came, M.retryDidNotCome({ n: i + 1 }));
          await letTargetReadAnswers(t, clock, deliveries);
        }
        const path = subscriptionPath(subscription.subscriptionId);
        const state = async () => {
          const read = await t.http.get(path);
          return { read, body: read.json as { state?: unknown; disabledReason?: unknown } | undefined };
        };
        for (let poll = 0; poll < 10 && (await state()).body?.state !== 'DISABLED'; poll++) await t.sleep(300);
        const { read, body } = await state();
        t.precondition(read.status === 200 && typeof body?.state === 'string', M.readWithoutState({ path, status: read.status }));
        t.assert(body!.state === 'DISABLED' && body!.disabledReason === 'DELIVERY_FAILING', M.disabledDeliveryFailing({ got: stateAndReason(body!) }));
        const before = deliveries.length;
        await clock.advance(t, 12 * HOUR);
        await settle(t);
        const more = deliveries.length - before;
        t.assert(more === 0, M.silentAfterAbandon({ n: more }));
      } finally {
        await unsubscribeAll(t, created);
      }
    },
  }),
];
