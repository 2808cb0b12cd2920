// How a carrier delivers (chapter Pushes §4; ECDX-HLT-007): what a 2xx, a 500, a 410 and a 429
// with Retry-After do to a batch, that nothing is attempted after DELETE, and that undelivered batches show in the
// health backlog. Each check follows a fresh parcel on a subscription of its own whose callback answers one way
// throughout (the scripted answer is the fallback for every delivery, so a batch of later events cannot take the
// answer meant for the one observed), and moves the target's clock by the steps of the retry schedule.
import type { Subscription } from '../../../schemas/src/index.ts';
import { HOUR, SECOND } from '../../../schemas/time.ts';
import { defineCheck } from '../../harness/check.ts';
import type { TestContext } from '../../harness/context.ts';
import type { Delivery, ScriptedAnswer } from '../../harness/receiver.ts';
import { claimedSchemes } from '../../kit/claim.ts';
import { timestamp } from '../../kit/time.ts';
import { attemptWindow, firstDelivery, letTargetReadAnswers, TargetClock } from '../../kit/push-timing.ts';
import {
  batchIdOf,
  countOnlyPushesOf,
  createPushShipment,
  eventsOf,
  repeatsOf,
  settle,
  subscribe,
  subscriptionPath,
  unsubscribeAll,
  waitForPushes,
  webhookTimestamp,
} from '../../kit/pushes.ts';
import { joinTexts, type Bilingual, type MessageValue } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

export interface Followed {
  waybillNo: string;
  subscription: Subscription;
  deliveries: Delivery[];
  /** Every move of the target's clock from the subscription on, to read the deliveries against. */
  clock: TargetClock;
}

/** A fresh parcel and a subscription to it whose callback answers `answer` every time (after `first`, if given). */
export async function follow(t: TestContext, answer: ScriptedAnswer, created: string[], first: ScriptedAnswer[] = []): Promise<Followed> {
  t.requireTestMode();
  const callback = t.callback(first, answer);
  const waybillNo = await createPushShipment(t);
  const clock = new TargetClock(t);
  const subscription = await subscribe(t, { callbackUrl: callback.url, waybillNos: [waybillNo], scheme: claimedSchemes(t)[0]! }, created);
  countOnlyPushesOf(callback, subscription);
  return { waybillNo, subscription, deliveries: callback.deliveries, clock };
}

const recognisable = (t: TestContext, delivery: Delivery): void => t.precondition(eventsOf(delivery).length > 0, M.firstPushUnreadable());

/** A subscription's state as a message shows what it got: `ACTIVE`, or `DISABLED, ENDPOINT_GONE` with its reason. */
export const stateAndReason = (body: { state?: unknown; disabledReason?: unknown }): Bilingual =>
  joinTexts([String(body.state), ...(body.disabledReason ? [String(body.disabledReason)] : [])]);

const PROBLEM = (slug: string, status: number, title: string): ScriptedAnswer => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ type: `https://ecdx.dev/problems/${slug}`, title, status }),
});

export const pushDeliveryChecks = [
  defineCheck({
    id: 'push/2xx-ends-delivery',
    requirements: ['ECDX-PSH-013'],
    needs: ['clock', 'callback'],
    title: 'Any 2xx answer is delivery: the batch is not attempted again',
    description:
      'The callback answers 202 with a body that is not a `PushAcknowledgement`, then 204, then 202 to everything. ' +
      'The clock then passes the first two retry times (5 s, 5 min): no batch may arrive a second time. Before each ' +
      'move the target is given a second, and as long again as its last push took to arrive, to read the answer; a ' +
      'batch whose attempt the harness outran all the same (it moved the clock past the attempt\u2019s 15 s first) may ' +
      'be retried, as ECDX-PSH-014 says of an attempt left unanswered, and is reported, not judged.',
    async run(t) {
      const created: string[] = [];
      try {
        const answers: ScriptedAnswer[] = [{ status: 202, headers: { 'content-type': 'text/plain' }, body: 'queued' }, { status: 204 }];
        const { deliveries, waybillNo, clock } = await follow(t, { status: 202, body: '{"note":"not an acknowledgement"}' }, created, answers);
        const first = await firstDelivery(t, clock, deliveries, waybillNo);
        recognisable(t, first);
        await clock.advance(t, 24 * HOUR);
        await waitForPushes(t, () => deliveries.length >= 2, 3 * SECOND);
        await letTargetReadAnswers(t, clock, deliveries);
        await clock.advance(t, 6 * SECOND);
        await settle(t);
        await letTargetReadAnswers(t, clock, deliveries);
        await clock.advance(t, 340 * SECOND);
        await settle(t);
        let judged = 0;
        for (const [i, d] of deliveries.entries()) {
          const again = repeatsOf(deliveries, d);
          const id = batchIdOf(d);
          const batch = id === undefined ? M.theBatchOfPush({ n: i + 1 }) : M.theBatch({ batchId: id });
          const status = String(d.answeredStatus);
          const outran = again.length > 0 ? clock.overranAnswer(d) : undefined;
          if (outran) {
            t.blocked(
              M.outranAnswer({
                batch,
                status,
                to: timestamp(outran.to),
                ms: Math.max(0, outran.startedAt - d.receivedAt),
                transit: Math.round(clock.transitOf(d) / SECOND),
              }),
            );
            continue;
          }
          judged++;
          t.assert(again.length === 0, M.notAttemptedAgain({ batch, status, n: again.length }));
        }
        t.precondition(judged > 0, M.outranEveryAnswer());
      } finally {
        await unsubscribeAll(t, created);
      }
    },
  }),
  defineCheck({
    id: 'push/retry-schedule',
    requirements: ['ECDX-PSH-014'],
    needs: ['clock', 'callback'],
    title: 'A failed batch is retried on the published schedule, unchanged, freshly signed',
    description:
      'The callback answers 500 to everything. After the first attempt the clock moves 6 s: the retry must come, ' +
      'with the same `webhook-id`, `batchId` and body and a fresh `webhook-timestamp` and signature. The second ' +
      'retry is due 5 min (±10 %) later: nothing may come when the clock has moved 250 s, and it must come when ' +
      'the clock has moved 340 s.',
    async run(t) {
      const created: string[] = [];
      try {
        const { deliveries, waybillNo, clock, subscription } = await follow(t, { status: 500 }, created);
        const first = await firstDelivery(t, clock, deliveries, waybillNo);
        recognisable(t, first);
        const retries = () => repeatsOf(deliveries, first);
        await clock.advance(t, 6 * SECOND);
        const retried = await waitForPushes(t, () => retries().length > 0, t.timeoutMs);
        t.assert(retried, M.retriedAfter6s({ seconds: t.timeoutMs / SECOND }));
        const second = retries()[0]!;
        const sameAsFirst = (d: Delivery, retry: Bilingual) => {
          t.assert(
            d.headers['webhook-id'] === first.headers['webhook-id'],
            M.sameWebhookId({ retry, expected: String(first.headers['webhook-id']), got: String(d.headers['webhook-id']) }),
          );
          t.assert(batchIdOf(d) === batchIdOf(first), M.sameBatchId({ retry, expected: String(batchIdOf(first)), got: String(batchIdOf(d)) }));
          t.assert(d.body.equals(first.body), M.sameBody({ retry }));
        };
        sameAsFirst(second, M.firstRetry());
        await letTargetReadAnswers(t, clock, deliveries);
        const [ts1, ts2] = [webhookTimestamp(first), webhookTimestamp(second)];
        const header = (d: Delivery): MessageValue => d.headers['webhook-timestamp'] ?? W.none();
        // Freshness is told by the test clock: a stamp off it (ECDX-PSH-011's failure) says nothing of when the retry was.
        const subscribedAt = Date.parse(subscription.createdAt);
        const onTheClock = (d: Delivery, stamp: number | undefined) => {
          const window = attemptWindow(clock, d, subscribedAt);
          return stamp !== undefined && stamp >= window.earliest - SECOND && stamp <= window.latest + SECOND;
        };
        if (onTheClock(first, ts1) && onTheClock(second, ts2)) {
          const fresh = ts1 !== undefined && ts2 !== undefined && ts2 > ts1;
          t.assert(fresh, M.freshTimestamp({ first: header(first), retry: header(second) }));
          t.assert(second.headers['webhook-signature'] !== first.headers['webhook-signature'], M.freshSignature());
          const after = ts2! - ts1!;
          t.assert(after >= 4 * SECOND, M.retryNotTooSoon({ seconds: after / SECOND }));
        } else {
          t.blocked(M.timestampsOffClock({ first: header(first), retry: header(second) }));
        }

        await clock.advance(t, 250 * SECOND);
        await settle(t);
        const early = retries().length - 1;
        t.assert(early === 0, M.nothingBeforeSecondRetry({ n: early }));
        await clock.advance(t, 90 * SECOND);
        t.assert(await waitForPushes(t, () => retries().length >= 2, t.timeoutMs), M.secondRetryCame());
        sameAsFirst(retries()[1]!, M.secondRetry());
      } finally {
        await unsubscribeAll(t, created);
      }
    },
  }),
  defineCheck({
    id: 'push/410-disables',
    requirements: ['ECDX-PSH-015'],
    needs: ['clock', 'callback'],
    title: 'A 410 answer stops all pushes and disables the subscription (ENDPOINT_GONE)',
    description:
      'The callback answers 410 Gone. After the first push the clock moves 12 hours: nothing more may arrive, and ' +
      '`GET /v1/subscriptions/{subscriptionId}` must show state `DISABLED` with `disabledReason` `ENDPOINT_GONE`.',
    async run(t) {
      const created: string[] = [];
      try {
        const { deliveries, waybillNo, subscription, clock } = await follow(t, { status: 410 }, created);
        await firstDelivery(t, clock, deliveries, waybillNo);
        const path = subscriptionPath(subscription.subscriptionId);
        const state = async () => {
          const read = await t.http.get(path);
          return { read, body: read.json as { state?: unknown; disabledReason?: unknown } | undefined };
        };
        // Until the target has taken in the 410, moving the clock could record events it would still push.
        for (let poll = 0; poll < 10 && (await state()).body?.state !== 'DISABLED'; poll++) await t.sleep(300);
        const before = deliveries.length;
        await clock.advance(t, 6 * SECOND);
        await settle(t);
        await clock.advance(t, 12 * HOUR);
        await settle(t);
        const more = deliveries.length - before;
        t.assert(more === 0, M.silentAfter410({ n: more }));
        const { read, body } = await state();
        t.precondition(read.status === 200 && typeof body?.state === 'string', M.readWithoutState({ path, status: read.status }));
        t.assert(body!.state === 'DISABLED' && body!.disabledReason === 'ENDPOINT_GONE', M.disabledEndpointGone({ got: stateAndReason(body!) }));
      } finally {
        await unsubscribeAll(t, created);
      }
    },
  }),
  defineCheck({
    id: 'push/retry-after-honoured',
    requirements: ['ECDX-PSH-016'],
    needs: ['clock', 'callback'],
    title: 'After 429 with Retry-After the next attempt waits at least that long',
    description:
      'The callback answers 429 with `Retry-After: 600` (seconds). The schedule would retry after 5 s; Retry-After ' +
      'names the later time, so nothing may come while the clock moves 300 s and then to 580 s, and the batch is ' +
      'attempted again once the clock has moved past 600 s.',
    async run(t) {
      const created: string[] = [];
      try {
        const tooMany = PROBLEM('rate-limited', 429, 'Too many requests');
        const { deliveries, waybillNo, clock } = await follow(t, { ...tooMany, headers: { ...tooMany.headers, 'retry-after': '600' } }, created);
        const first = await firstDelivery(t, clock, deliveries, waybillNo);
        recognisable(t, first);
        const retries = () => repeatsOf(deliveries, first);
        // Moving the clock before the target has read the 429 would make its attempt time out on its clock, unanswered:
        // a retry on the schedule would then be the harness's doing, not a Retry-After ignored.
        await letTargetReadAnswers(t, clock, deliveries);
        for (const [moved, total] of [
          [300, 300],
          [280, 580],
        ] as const) {
          await clock.advance(t, moved * SECOND);
          await settle(t);
          const early = retries().length;
          const outran = early > 0 ? clock.overranAnswer(first) : undefined;
          t.precondition(!outran, M.outran429());
          t.assert(early === 0, M.retryAfterWaited({ total, n: early }));
        }
        await clock.advance(t, 40 * SECOND);
        // That the batch is retried at all is the retry schedule's rule.
        t.assert(await waitForPushes(t, () => retries().length > 0, t.timeoutMs), M.retriedAfterRetryAfter({ seconds: t.timeoutMs / SECOND }), {
          requirementId: 'ECDX-PSH-014',
        });
      } finally {
        await unsubscribeAll(t, created);
      }
    },
  }),
  defineCheck({
    id: 'push/nothing-after-delete',
    requirements: ['ECDX-PSH-006'],
    needs: ['clock', 'callback'],
    title: 'After DELETE is answered 204, no delivery attempt starts',
    description:
      'The callback answers 500, so the first batch waits for its retry; the subscription is then deleted (204). ' +
      'The clock moves past the retry and 12 hours more (new events): nothing may arrive.',
    async run(t) {
      const created: string[] = [];
      try {
        const { deliveries, waybillNo, subscription, clock } = await follow(t, { status: 500 }, created);
        await firstDelivery(t, clock, deliveries, waybillNo);
        const path = subscriptionPath(subscription.subscriptionId);
        const deleted = await t.http.delete(path);
        const before = deliveries.length;
        t.assert(deleted.status === 204, M.expectedHttp({ request: `DELETE ${path}`, expected: 204, status: deleted.status }));
        created.length = 0;
        await clock.advance(t, 6 * SECOND);
        await settle(t);
        await clock.advance(t, 12 * HOUR);
        await settle(t);
        const after = deliveries.length - before;
        t.assert(after === 0, M.silentAfterDelete({ n: after }));
      } finally {
        await unsubscribeAll(t, created);
      }
    },
  }),
  defineCheck({
    id: 'push/backlog-while-failing',
    requirements: ['ECDX-HLT-007'],
    needs: ['clock', 'callback'],
    title: 'While the callback refuses deliveries the push backlog is above 0 and the feed is not UP',
    description:
      'The callback answers 500 to everything. Once the first push was refused, `GET /v1/health` must report the ' +
      '`PARCEL_DATA_PUSH` feed with `backlog` greater than 0 and a status other than `UP`.',
    async run(t) {
      const created: string[] = [];
      try {
        const { deliveries, waybillNo, clock } = await follow(t, { status: 500 }, created);
        await firstDelivery(t, clock, deliveries, waybillNo);
        let feed: { status?: unknown; backlog?: unknown } | undefined;
        let readable = false;
        for (let attempt = 0; attempt < 10; attempt++) {
          const health = await t.http.get('/v1/health');
          const feeds = (health.json as { feeds?: unknown } | undefined)?.feeds;
          readable = health.status === 200 && Array.isArray(feeds);
          feed = readable ? (feeds as { feed?: unknown; status?: unknown; backlog?: unknown }[]).find((f) => f?.feed === 'PARCEL_DATA_PUSH') : undefined;
          if (typeof feed?.backlog === 'number' && feed.backlog > 0 && feed.status !== 'UP') break;
          await t.sleep(300);
        }
        t.precondition(readable, M.healthWithoutFeeds());
        t.precondition(feed !== undefined, M.noPushFeed());
        t.assert(typeof feed!.backlog === 'number' && feed!.backlog > 0, M.backlogAboveZero({ got: String(feed!.backlog) }));
        t.assert(feed!.status !== 'UP', M.feedNotUp({ got: String(feed!.status) }));
      } finally {
        await unsubscribeAll(t, created);
      }
    },
  }),
];
