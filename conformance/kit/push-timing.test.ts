import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoCredentials, signWebhook } from '../../protocol/index.ts';
import { HOUR, MINUTE, SECOND } from '../../schemas/time.ts';
import type { TestContext } from '../harness/context.ts';
import type { Delivery } from '../harness/receiver.ts';
import { scriptedClaim, scriptedContext, type Script, type ScriptedRequest } from '../harness/scripted-target.ts';
import { ATTEMPT_TIMEOUT_MS, attemptWindow, firstDelivery, letTargetReadAnswers, promptnessOf, TargetClock, type ClockMove } from './push-timing.ts';
import { batchIdOf } from './pushes.ts';
import { timestamp } from './time.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await close?.();
  close = undefined;
});

const claim = scriptedClaim('carrier', ['carrier-shipping', 'carrier-tracking-push'], { testMode: true });

function carrier(script?: Script) {
  const scripted = scriptedContext({ role: 'carrier', claim, ...(script ? { script } : {}) });
  close = scripted.close;
  return scripted;
}

/** A move the harness made: at real `startedAt` for `ms`, answered `tookMs` later, from the target's `from`. */
const move = (startedAt: number, from: number, ms: number, tookMs = 10): ClockMove => ({
  startedAt,
  answeredAt: startedAt + tookMs,
  from,
  to: from + ms,
  offsetBefore: from - startedAt,
  offsetAfter: from + ms - (startedAt + tookMs),
});

/** A log of these moves, of a target whose clock ran with ours before them. */
function logOf(moves: ClockMove[]): TargetClock {
  const clock = new TargetClock({ targetNow: () => Date.now() } as TestContext);
  clock.moves.push(...moves);
  return clock;
}

/** A push the carrier stamped at `stampedAt` (target clock) and the harness took in at real `receivedAt`. */
function pushed(receivedAt: number, stampedAt?: number, events: { recordedAt: string }[] = []): Delivery {
  const json = { batchId: 'bat_1', events: events.map((e, i) => ({ eventId: `evt_${i}`, ...e })) };
  const body = JSON.stringify(json);
  const headers = stampedAt === undefined ? {} : { ...signWebhook({ id: 'bat_1', timestamp: stampedAt, body }, demoCredentials.push.v1a.signingKey) };
  return { path: '/callbacks/x/v1/tracking-events', headers, body: Buffer.from(body), json, receivedAt, answeredStatus: 200 };
}

const T0 = Date.parse('2026-03-01T01:30:00Z');

describe('kit/push-timing: the target clock as the harness moved it', () => {
  it('reads the target\u2019s time at a real instant from the offset in force then, a range while a move was under way', () => {
    const real = Date.now();
    const clock = logOf([move(real + 1_000, real + 1_000, 4 * 24 * HOUR, 100)]);
    expect(clock.at(real + 500)).toEqual({ earliest: real + 500, latest: real + 500 });
    const during = clock.at(real + 1_050);
    expect(during.earliest).toBe(real + 1_050);
    expect(during.latest).toBe(real + 1_050 + 4 * 24 * HOUR - 100);
    expect(clock.at(real + 2_000).earliest).toBe(real + 2_000 + 4 * 24 * HOUR - 100);
  });

  it('counts as hurried only the moves made soon after the one before, once the clock had reached the instant', () => {
    // Moves of 240 s, 300 ms apart; then one 3 s later.
    const moves = [move(0, T0, 240 * SECOND), move(310, T0 + 240 * SECOND, 240 * SECOND), move(620, T0 + 480 * SECOND, 240 * SECOND)];
    moves.push(move(3_700, T0 + 720 * SECOND, 240 * SECOND));
    const clock = logOf(moves);
    // An event recorded at T0 + 360 s (during the second move), attempted at T0 + 960 s.
    expect(clock.hurriedWithin(T0 + 360 * SECOND, T0 + 960 * SECOND, 2 * SECOND)).toBe(240 * SECOND);
    expect(clock.hurriedWithin(T0 + 360 * SECOND, T0 + 600 * SECOND, 2 * SECOND)).toBe(120 * SECOND);
    expect(clock.hurriedWithin(T0 + 360 * SECOND, T0 + 960 * SECOND, 200)).toBe(0);
    expect(clock.hurriedWithin(T0, T0 + 960 * SECOND, 2 * SECOND)).toBe(480 * SECOND);
  });

  it('tells when a move took the clock past an attempt\u2019s 15 s before the target could read the answer', () => {
    const real = Math.ceil(Date.now() / SECOND) * SECOND;
    // Stamped a second before it was taken in (webhook-timestamp counts whole seconds): the target is given 2 s.
    const push = pushed(real, real - SECOND);
    const clock = logOf([move(real + 500, real + 500, 24 * HOUR)]);
    expect(clock.transitOf(push)).toBe(SECOND);
    expect(clock.answerReadBy(push)).toBe(real + 2 * SECOND);
    expect(clock.overranAnswer(push)?.to).toBe(real + 500 + 24 * HOUR);
    expect(logOf([move(real + 2_100, real + 2_100, 24 * HOUR)]).overranAnswer(push)).toBeUndefined();
    // A move of less than the attempt's 15 s outruns nothing.
    expect(logOf([move(real + 500, real + 500, ATTEMPT_TIMEOUT_MS - 2 * SECOND)]).overranAnswer(push)).toBeUndefined();
    expect(logOf([]).overranAnswer(pushed(real))).toBeUndefined();
  });

  it('measures a push\u2019s transit in real time, the moves the harness made meanwhile left out', () => {
    const real = Math.ceil(Date.now() / SECOND) * SECOND;
    const clock = logOf([move(real + 1_000, real + 1_000, 6 * HOUR, 100)]);
    // Stamped before the move, taken in after it: 1.5 s in real time, not 6 hours.
    expect(clock.transitOf(pushed(real + 1_500, real))).toBe(1_500);
    expect(clock.realTimeOf(real + 6 * HOUR + 2_000)).toBe(real + 2_000 + 100);
    // An instant the harness jumped over maps to the start of the move.
    expect(clock.realTimeOf(real + HOUR)).toBe(real + 1_000);
  });

  it('bounds when a push was attempted by its newest event, its subscription and its arrival', () => {
    const real = Date.now();
    const clock = logOf([move(real + 1_000, real + 1_000, 4 * 24 * HOUR)]);
    // Made before the move, taken in after it by a busy harness: anywhere from the subscription to the arrival.
    const backfill = pushed(real + 2_000, real, [{ recordedAt: timestamp(real - MINUTE) }]);
    expect(attemptWindow(clock, backfill, real - 10)).toEqual({ earliest: real - 10, latest: clock.at(real + 2_000).latest });
    // Carrying an event recorded after the move: not before that event.
    const recorded = real + 4 * 24 * HOUR + 1_000;
    const later = pushed(real + 2_000, recorded, [{ recordedAt: timestamp(recorded) }]);
    expect(attemptWindow(clock, later, real - 10).earliest).toBe(Math.floor(recorded / SECOND) * SECOND);
  });

  it('judges promptness from the target\u2019s figures, the harness\u2019s hurried moves apart, from the subscription for a backfill', () => {
    const moves = [move(0, T0, 240 * SECOND), move(310, T0 + 240 * SECOND, 240 * SECOND), move(620, T0 + 480 * SECOND, 240 * SECOND)];
    const clock = logOf(moves);
    const options = { recordedAt: T0 + 360 * SECOND, subscribedAt: T0, attemptAt: T0 + 720 * SECOND, patienceMs: 2 * SECOND };
    expect(promptnessOf(clock, options)).toEqual({
      since: T0 + 360 * SECOND,
      backfilled: false,
      stated: 360 * SECOND,
      hurried: 240 * SECOND,
      judged: 120 * SECOND,
    });
    expect(promptnessOf(clock, { ...options, patienceMs: 100 })).toMatchObject({ hurried: 0, judged: 360 * SECOND });
    expect(promptnessOf(clock, { ...options, recordedAt: T0 - HOUR })).toMatchObject({ since: T0, backfilled: true, stated: 720 * SECOND });
  });

  it('logs the moves it makes through the test clock', async () => {
    let now = Date.now();
    const { t } = carrier((r) => {
      now += (JSON.parse(r.body) as { advanceSeconds: number }).advanceSeconds * SECOND;
      return { status: 200, json: { now: new Date(now).toISOString(), speed: 1 } };
    });
    const clock = new TargetClock(t);
    await clock.advance(t, HOUR);
    expect(clock.moves).toHaveLength(1);
    expect(clock.moves[0]!.to - clock.moves[0]!.from).toBeGreaterThan(HOUR - SECOND);
    expect(clock.moves[0]!.offsetAfter - clock.moves[0]!.offsetBefore).toBeGreaterThan(HOUR - SECOND);
  });
});

describe('kit/push-timing: letting the target read answers', () => {
  it('waits a second after the last push, and as long again as it took to arrive', async () => {
    const { t } = carrier();
    vi.useFakeTimers();
    vi.setSystemTime(T0);
    const real = Date.now();
    const clock = logOf([]);
    let read = false;
    void letTargetReadAnswers(t, clock, [pushed(real - 5_000), pushed(real, real - 2_000)]).then(() => (read = true));
    await vi.advanceTimersByTimeAsync(2_900);
    expect(read).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(read).toBe(true);
  });

  it('does not wait when every answer has had its time', async () => {
    const { t } = carrier();
    const started = Date.now();
    await letTargetReadAnswers(t, logOf([]), [pushed(started - 5_000)]);
    expect(Date.now() - started).toBeLessThan(50);
  });
});

describe('kit/push-timing: the first delivery (carrier targets)', () => {
  /** A carrier whose test clock moves; `onAdvance(n)` runs at the n-th move (1-based). */
  function clockedCarrier(onAdvance: (n: number) => void) {
    let now = T0;
    let moves = 0;
    return carrier((r) => {
      if (r.method !== 'POST' || r.path !== '/v1/test/clock') return { status: 404, json: {} };
      now += (JSON.parse(r.body) as { advanceSeconds: number }).advanceSeconds * SECOND;
      onAdvance(++moves);
      return { status: 200, json: { now: new Date(now).toISOString() } };
    });
  }
  // Only the moves: the kit also reads the clock, to hear whether the target is still busy.
  const advances = (requests: ScriptedRequest[]) =>
    requests.filter((r) => r.method === 'POST').map((r) => (JSON.parse(r.body) as { advanceSeconds: number }).advanceSeconds * SECOND);

  it('moves the clock 6 hours and returns the first push', async () => {
    const deliveries: Delivery[] = [];
    const first = pushed(1_000);
    const { t, requests } = clockedCarrier(() => deliveries.push(first));
    expect(await firstDelivery(t, new TargetClock(t), deliveries, 'SF1')).toBe(first);
    expect(advances(requests)).toEqual([6 * HOUR]);
  });

  it('moves the clock another day when nothing came after 6 hours', async () => {
    const deliveries: Delivery[] = [];
    const { t, requests } = clockedCarrier((n) => n === 2 && deliveries.push(pushed(1_000)));
    expect(batchIdOf(await firstDelivery(t, new TargetClock(t), deliveries, 'SF1'))).toBe('bat_1');
    expect(advances(requests)).toEqual([6 * HOUR, 24 * HOUR]);
  });

  it('leaves the clock where it is when a push came before any move (a backfill)', async () => {
    const backfill = pushed(1_000);
    const { t, requests } = clockedCarrier(() => {});
    expect(await firstDelivery(t, new TargetClock(t), [backfill], 'SF1')).toBe(backfill);
    expect(advances(requests)).toEqual([]);
  });

  it('ends the check precondition-failed when no push came in 30 hours', async () => {
    const { t } = clockedCarrier(() => {});
    await expect(firstDelivery(t, new TargetClock(t), [], 'SF1')).rejects.toThrowErrorMatchingInlineSnapshot(
      `[PreconditionFailed: no push for SF1 arrived after the clock moved 30 hours, so the delivery rules cannot be observed (ECDX-PSH-008 is checked on its own)]`,
    );
  });
});
