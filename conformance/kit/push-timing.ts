// When things happened on a test target's clock, for the push checks that judge time (ECDX-PSH-009, -011, -013):
// the harness moves the target's clock itself, so it logs its moves, and reads each push against the target's time
// when the push arrived — not against the clock as it stands when the check judges, days later. The log also tells
// what the target states (webhook-timestamp, recordedAt) apart from what the harness did meanwhile: moves it made
// before the target had time to act, and how long it took to take a push in. A target is held to its own figures;
// the harness's share is shown beside them and never decides a verdict.
import { HOUR, MINUTE, SECOND } from '../../schemas/time.ts';
import type { TestContext } from '../harness/context.ts';
import type { Delivery } from '../harness/receiver.ts';
import { M } from './messages.ts';
import { eventsOf, waitForPushes, webhookTimestamp } from './pushes.ts';

/** One move of the target's clock by the harness: real times (epoch ms) and the target's clock around it. */
export interface ClockMove {
  startedAt: number;
  answeredAt: number;
  /** The target's clock when the move was asked for (the harness's estimate) and as the answer gave it. */
  from: number;
  to: number;
  /** The target's clock minus ours before and after. */
  offsetBefore: number;
  offsetAfter: number;
  /** The target had stated that every attempt due was made and answered (ECDX-CNF-009): the move hurried nothing. */
  patient?: boolean;
}

/** The target's time at a real instant: a range when the clock was being moved just then. */
export interface TargetInstant {
  earliest: number;
  latest: number;
}

/** What a push attempt may take the target to learn it was answered (ECDX-PSH-014: no answer within 15 s fails it). */
export const ATTEMPT_TIMEOUT_MS = 15 * SECOND;

/** How long after a push arrives the target is given to read the answer, besides the time the push took to arrive. */
const READ_ANSWER_MS = SECOND;

/** The most of a push's measured transit that is added to the time given to read its answer. */
const MAX_TRANSIT_MS = 10 * SECOND;

export class TargetClock {
  readonly moves: ClockMove[] = [];
  readonly #startOffset: number;

  constructor(t: TestContext) {
    this.#startOffset = t.targetNow() - Date.now();
  }

  /** Move the target's clock forward by `ms` (t.advanceClock), logging the move. */
  async advance(t: TestContext, ms: number): Promise<number> {
    // A target that states its unfinished attempts is moved only once it has none: no move outruns an attempt.
    const patient = (await t.pushesFinished()) === true;
    const startedAt = Date.now();
    const from = t.targetNow();
    const to = await t.advanceClock(ms);
    const answeredAt = Date.now();
    this.moves.push({
      startedAt,
      answeredAt,
      from,
      to,
      offsetBefore: from - startedAt,
      offsetAfter: t.targetNow() - answeredAt,
      ...(patient ? { patient } : {}),
    });
    return to;
  }

  /** The target's time at the real instant `at` (epoch ms), from the offset in force then. */
  at(at: number): TargetInstant {
    let offset = this.#startOffset;
    for (const move of this.moves) {
      if (at < move.startedAt) break;
      if (at <= move.answeredAt) return { earliest: at + move.offsetBefore, latest: at + move.offsetAfter };
      offset = move.offsetAfter;
    }
    return { earliest: at + offset, latest: at + offset };
  }

  /**
   * Target-clock time within (`since`, `until`] that the harness jumped over with moves it made less than
   * `patienceMs` after the move before, once the clock had reached `since`: time the target had no chance to use.
   */
  hurriedWithin(since: number, until: number, patienceMs: number): number {
    let hurried = 0;
    for (const [i, move] of this.moves.entries()) {
      const before = this.moves[i - 1];
      if (!before || move.from < since || move.patient || move.startedAt - before.answeredAt >= patienceMs) continue;
      hurried += Math.max(0, Math.min(move.to, until) - move.from);
    }
    return hurried;
  }

  /** Whether a move started before the real instant `deadline` took the target's clock past `instant`. */
  movedPast(instant: number, deadline: number): ClockMove | undefined {
    return this.moves.find((m) => m.startedAt < deadline && m.from < instant && m.to >= instant);
  }

  /**
   * The real instant at which the target's clock read `instant`: between moves it ran with ours at the offset then in
   * force; an instant the harness jumped over maps to the start of that move.
   */
  realTimeOf(instant: number): number {
    let offset = this.#startOffset;
    for (const move of this.moves) {
      if (instant < move.startedAt + offset) return instant - offset;
      if (instant < move.to) return move.startedAt;
      offset = move.offsetAfter;
    }
    return instant - offset;
  }

  /**
   * How long a push took to reach the harness after the target stamped it (real ms, 0 when the stamp is unreadable),
   * the harness's moves of the clock meanwhile left out: the network and both sides' load, which an answer's way
   * back takes too. webhook-timestamp counts whole seconds, so this is up to a second more than it was: the target
   * has the benefit.
   */
  transitOf(delivery: Delivery): number {
    const stamped = webhookTimestamp(delivery);
    return stamped === undefined ? 0 : Math.min(MAX_TRANSIT_MS, Math.max(0, delivery.receivedAt - this.realTimeOf(stamped)));
  }

  /** The real instant by which the target can be expected to have read the harness's answer to `delivery`. */
  answerReadBy(delivery: Delivery): number {
    return delivery.receivedAt + READ_ANSWER_MS + this.transitOf(delivery);
  }

  /**
   * The move that took the target's clock past the attempt's 15 s before it could have read the answer: the target
   * may then have counted the attempt as unanswered, and a retry of it is what ECDX-PSH-014 asks for. A move made
   * once the target had stated every answer read outran nothing.
   */
  overranAnswer(delivery: Delivery): ClockMove | undefined {
    const stamped = webhookTimestamp(delivery);
    const move = stamped === undefined ? undefined : this.movedPast(stamped + ATTEMPT_TIMEOUT_MS, this.answerReadBy(delivery));
    return move?.patient ? undefined : move;
  }
}

/**
 * The target's time when a push was attempted, as far as the harness can tell: not before the subscription it is
 * for was created nor before the newest event it carries was recorded, and not after the harness took it in. The
 * receiver dates a push when the harness reads it, which on a busy harness may be well after it came.
 */
export function attemptWindow(clock: TargetClock, delivery: Delivery, subscribedAt: number): TargetInstant {
  const recorded = eventsOf(delivery)
    .map((e) => Date.parse(e.recordedAt))
    .filter(Number.isFinite);
  const latest = clock.at(delivery.receivedAt).latest;
  return { earliest: Math.min(latest, Math.max(subscribedAt, ...recorded)), latest };
}

/**
 * Before moving the clock: give the target time to read the answer to every push received so far, so that a move
 * never outruns an attempt the target still waits on (on a busy host, longer than the fixed second of
 * `letTargetReadAnswer`).
 */
export async function letTargetReadAnswers(t: TestContext, clock: TargetClock, deliveries: readonly Delivery[]): Promise<void> {
  // A target that states its unfinished attempts (ECDX-CNF-009) says when it has read every answer.
  if (deliveries.length === 0 || (await t.pushesFinished()) === true) return;
  const by = Math.max(0, ...deliveries.map((d) => clock.answerReadBy(d)));
  const wait = Math.min(MINUTE, by - Date.now());
  if (wait > 0) await t.sleep(wait);
  // A busy target (or a busy harness beside it) may take longer than that: while it still says an attempt is
  // unfinished, the harness waits a little more rather than move the clock under it. Its word, untrusted, can only
  // lengthen the wait.
  await t.pushesFinished(BUSY_TARGET_WAIT_MS, { evenUntrusted: true });
}

/** How long a push due at once is given to arrive before the clock first moves. */
const IMMEDIATE_PUSH_MS = 250;

/** The most a target that still states unfinished attempts is waited for beyond the time to read an answer. */
const BUSY_TARGET_WAIT_MS = 5 * SECOND;

/** What a first attempt shows about its promptness (ECDX-PSH-009), in target-clock ms. */
export interface Promptness {
  /** The event's recordedAt, or the subscription's creation for an event recorded before it (a backfill). */
  since: number;
  backfilled: boolean;
  /** The attempt's webhook-timestamp minus `since`: what the target states. */
  stated: number;
  /** Of that, what the harness jumped over before giving the target time to act. */
  hurried: number;
  /** `stated` less `hurried`: what the target is held to. */
  judged: number;
}

export function promptnessOf(clock: TargetClock, options: { recordedAt: number; subscribedAt: number; attemptAt: number; patienceMs: number }): Promptness {
  const backfilled = options.recordedAt < options.subscribedAt;
  const since = backfilled ? options.subscribedAt : options.recordedAt;
  const stated = options.attemptAt - since;
  const hurried = Math.min(Math.max(0, stated), clock.hurriedWithin(since, options.attemptAt, options.patienceMs));
  return { since, backfilled, stated, hurried, judged: stated - hurried };
}

/**
 * Move the target's clock until the subscription's first push arrives: 6 hours (every regular trajectory records
 * its acceptance and first departure by then), then, if nothing came, another day. A push that came before any move
 * (a backfill of what was recorded before the subscription) is the first, and the clock stays where it is. Ends the
 * check precondition-failed when nothing arrives: that every event is pushed is ECDX-PSH-008's own check.
 */
export async function firstDelivery(t: TestContext, clock: TargetClock, deliveries: readonly Delivery[], waybillNo: string): Promise<Delivery> {
  // A push due at once (an event recorded as the subscription was made) may be on its way: moving the clock under
  // it would let its Retry-After or its retry schedule run out before the check has begun.
  let arrived = deliveries.length > 0;
  for (let waited = 0; !arrived && waited < Math.min(t.settleMs, IMMEDIATE_PUSH_MS); waited += 10) {
    await t.sleep(10);
    arrived = deliveries.length > 0;
  }
  for (const move of [6 * HOUR, 24 * HOUR]) {
    if (arrived) break;
    await clock.advance(t, move);
    // A busy target may take a while; moving the clock again before its first push arrives would start a second batch.
    arrived = await waitForPushes(t, () => deliveries.length > 0, t.timeoutMs);
  }
  t.precondition(arrived, M.noFirstPush({ waybillNo }));
  await letTargetReadAnswers(t, clock, deliveries);
  return deliveries[0]!;
}
