// The monitor's clock for one link. Against a production deployment that is the real clock. Against a test
// deployment whose clock runs fast or is moved forward (GET/POST /v1/test/clock), the monitor keeps the target's
// time instead (`--clock target`, decision 0053): an interruption planned 72 h ahead then comes in seconds, and
// every timestamp the monitor writes is comparable with the notices and events the target writes.
//
// The target's time is read from each health document's serverTime and, on a test deployment, from its test clock
// (which also gives the speed); between readings, and while the target does not answer, it is extrapolated at the
// last speed known. It never runs backwards: a reading behind the estimate holds the clock until it catches up.

export interface MonitorClock {
  /** The link's time now (epoch ms). */
  now(): number;
  /** Take a reading of the target's time (epoch ms), with the speed when it is known. */
  observe(targetTime: number, speed?: number): void;
  /** Target seconds per real second: how far one real interval carries the link's time. */
  readonly speed: number;
}

export const realClock = (): MonitorClock => ({ now: () => Date.now(), observe: () => {}, speed: 1 });

export class TargetClock implements MonitorClock {
  #anchorReal = Date.now();
  #anchorTarget = Date.now();
  #speed = 1;
  #last = Number.NEGATIVE_INFINITY;

  get speed(): number {
    return this.#speed;
  }

  now(): number {
    const estimate = this.#anchorTarget + (Date.now() - this.#anchorReal) * this.#speed;
    this.#last = Math.max(this.#last, estimate);
    return Math.round(this.#last);
  }

  observe(targetTime: number, speed?: number): void {
    if (!Number.isFinite(targetTime)) return;
    if (speed !== undefined && Number.isFinite(speed) && speed >= 0) this.#speed = speed;
    this.#anchorReal = Date.now();
    this.#anchorTarget = targetTime;
  }
}
