// How soon a carrier pushes (chapter Pushes §2, ECDX-PSH-009), judged on the target's own clock: the first attempt's
// webhook-timestamp against the recordedAt of the events it carries. The harness moves the clock to make events
// happen, and a move made before the target had time to act compresses the target's time: that share is the
// harness's, shown beside the target's figures, and when it alone makes an attempt late the observation is repeated
// with a patient harness, so that the harness's own haste or load never decides the verdict.
import type { TrackingEvent } from '../../../schemas/src/index.ts';
import { SECOND } from '../../../schemas/time.ts';
import { defineCheck } from '../../harness/check.ts';
import type { TestContext } from '../../harness/context.ts';
import type { Delivery } from '../../harness/receiver.ts';
import { promptnessOf, type Promptness, type TargetClock } from '../../kit/push-timing.ts';
import { eventsOf, unsubscribeAll, waitForPushes, webhookTimestamp } from '../../kit/pushes.ts';
import { describeDuration } from '../../kit/time.ts';
import { follow } from './delivery.ts';
import type { Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';

/** How long the harness looks for a push after each 240-s move before it moves again. */
const QUICK_LOOK_MS = 300;
/**
 * How long it gives the target after each move when quick moves alone made the first attempt late: long enough for
 * a dispatcher that runs on a busy host, short enough for 45 moves within the check's time.
 */
const PATIENT_LOOK_MS = 2 * SECOND;
/** What both observations of first-attempt-prompt may take together (the runner stops a check after 120 s). */
const OBSERVATION_BUDGET_MS = 100 * SECOND;
/** ECDX-PSH-009's 300 s; webhook-timestamp counts whole seconds, so one more is within them. */
const LATEST_MS = 301 * SECOND;

interface FirstAttempt {
  first: Delivery;
  events: TrackingEvent[];
  attemptAt: number;
  subscribedAt: number;
  clock: TargetClock;
  lookMs: number;
}

/**
 * A fresh parcel followed until its first push arrives, moving the clock 240 s at a time and looking `lookMs` for a
 * push after each move (nothing is concluded from a push not yet come: the clock moves on).
 */
async function observeFirstAttempt(t: TestContext, created: string[], lookMs: number, deadline: number): Promise<FirstAttempt> {
  const { deliveries, waybillNo, subscription, clock } = await follow(t, { status: 200 }, created);
  for (let step = 0; step < 45 && deliveries.length === 0 && Date.now() < deadline; step++) {
    await clock.advance(t, 240 * SECOND);
    await waitForPushes(t, () => deliveries.length > 0, lookMs);
  }
  t.precondition(deliveries.length > 0, M.noPushInSteps({ waybillNo, duration: describeDuration(clock.moves.length * 240 * SECOND) }));
  const first = deliveries[0]!;
  const attemptAt = webhookTimestamp(first);
  const events = eventsOf(first).filter((e) => Number.isFinite(Date.parse(e.recordedAt)));
  t.precondition(attemptAt !== undefined && events.length > 0, M.firstPushNoTimes());
  return { first, events, attemptAt: attemptAt!, subscribedAt: Date.parse(subscription.createdAt), clock, lookMs };
}

/** The target's figures for one event of a first attempt, and the harness's share of them (moves made in haste). */
const promptness = (a: FirstAttempt, e: TrackingEvent): Promptness =>
  promptnessOf(a.clock, { recordedAt: Date.parse(e.recordedAt), subscribedAt: a.subscribedAt, attemptAt: a.attemptAt, patienceMs: PATIENT_LOOK_MS });

const seconds = (ms: number): number => Math.round(ms / SECOND);
const sinceWhat = (p: Promptness): Bilingual => (p.backfilled ? M.sinceSubscription() : M.sinceRecordedAt());

export const pushPromptnessChecks = [
  defineCheck({
    id: 'push/first-attempt-prompt',
    requirements: ['ECDX-PSH-009'],
    needs: ['clock', 'callback'],
    title: 'The first attempt of a push comes within 300 s of the event\u2019s recordedAt',
    description:
      'Follows a fresh parcel, moving the clock 240 s at a time until the first push arrives, and compares the ' +
      'first attempt\u2019s `webhook-timestamp` with the `recordedAt` of each event it carries (for an event recorded ' +
      'before the subscription, with the subscription\u2019s creation), both on the target\u2019s clock: at most 300 s ' +
      'apart. Clock moves the harness made after the event was recorded and before the target had time to act are ' +
      'the harness\u2019s share, not the target\u2019s lateness: when they alone make the attempt late, a second parcel ' +
      `is followed with ${PATIENT_LOOK_MS / SECOND} s after every move. Both figures are in the evidence.`,
    async run(t) {
      const created: string[] = [];
      const deadline = Date.now() + OBSERVATION_BUDGET_MS;
      try {
        let attempt = await observeFirstAttempt(t, created, QUICK_LOOK_MS, deadline);
        let judged = attempt.events.map((e) => ({ e, p: promptness(attempt, e) }));
        const hurriedOnly = judged.filter(({ p }) => p.stated > LATEST_MS && p.judged <= LATEST_MS);
        if (hurriedOnly.length > 0) {
          const { e, p } = hurriedOnly[0]!;
          t.blocked(
            M.hurriedRepeat({
              eventId: e.eventId,
              stated: seconds(p.stated),
              since: sinceWhat(p),
              hurried: seconds(p.hurried),
              lookMs: QUICK_LOOK_MS,
              patient: PATIENT_LOOK_MS / SECOND,
            }),
          );
          await unsubscribeAll(t, created.splice(0));
          attempt = await observeFirstAttempt(t, created, PATIENT_LOOK_MS, deadline);
          judged = attempt.events.map((e) => ({ e, p: promptness(attempt, e) }));
        }
        const transit = Math.round(attempt.clock.transitOf(attempt.first) / SECOND);
        for (const { e, p } of judged) {
          const share = p.hurried > 0 ? M.hurriedShare({ hurried: seconds(p.hurried) }) : '';
          t.assert(
            p.judged <= LATEST_MS,
            M.firstAttemptPrompt({
              eventId: e.eventId,
              sequence: e.sequence,
              stated: seconds(p.stated),
              since: sinceWhat(p),
              share,
              transit,
              judged: seconds(p.judged),
            }),
          );
        }
      } finally {
        await unsubscribeAll(t, created);
      }
    },
  }),
];
