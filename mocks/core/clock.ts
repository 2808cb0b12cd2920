// The mock's clock: virtual time that runs at a chosen speed and can be advanced on demand, with timers that fire
// in virtual time. A simulated parcel takes days to deliver; tests and demos need minutes or less.

export interface ClockOptions {
  /** Virtual start time (epoch ms). Default: the real time at creation. */
  start?: number;
  /** Virtual milliseconds per real millisecond. 0 stops time (only `advance` moves it). Default 1. */
  speed?: number;
  /** Where real time comes from; injectable for tests. */
  realNow?: () => number;
}

interface Timer {
  at: number;
  run: () => void;
  handle: ReturnType<typeof setTimeout> | undefined;
}

export class Clock {
  readonly speed: number;
  readonly #realNow: () => number;
  readonly #realStart: number;
  readonly #virtualStart: number;
  #advanced = 0;
  readonly #timers = new Set<Timer>();

  constructor(options: ClockOptions = {}) {
    this.#realNow = options.realNow ?? Date.now;
    this.#realStart = this.#realNow();
    this.#virtualStart = options.start ?? this.#realStart;
    this.speed = options.speed ?? 1;
    if (!(this.speed >= 0) || !Number.isFinite(this.speed)) throw new RangeError(`clock speed must be a finite number ≥ 0, got ${options.speed}`);
  }

  /** Virtual now, epoch milliseconds. */
  now(): number {
    return this.#virtualStart + (this.#realNow() - this.#realStart) * this.speed + this.#advanced;
  }

  date(): Date {
    return new Date(this.now());
  }

  /** Jump forward; timers that fall due run now, in time order. */
  advance(milliseconds: number): void {
    if (!(milliseconds >= 0)) throw new RangeError('the clock only moves forward');
    this.#advanced += milliseconds;
    this.#runDue();
  }

  /** Run `run` when virtual time reaches `at`. Returns a cancel function. */
  at(at: number, run: () => void): () => void {
    const timer: Timer = { at, run, handle: undefined };
    this.#timers.add(timer);
    this.#arm(timer);
    return () => this.#cancel(timer);
  }

  /** Run `run` after `delay` virtual milliseconds. */
  after(delay: number, run: () => void): () => void {
    return this.at(this.now() + delay, run);
  }

  /** Cancel every pending timer (on shutdown). */
  stop(): void {
    for (const timer of [...this.#timers]) this.#cancel(timer);
  }

  get pendingTimers(): number {
    return this.#timers.size;
  }

  #arm(timer: Timer): void {
    if (timer.handle) clearTimeout(timer.handle);
    const wait = timer.at - this.now();
    if (wait <= 0) {
      timer.handle = setTimeout(() => this.#fire(timer), 0);
    } else if (this.speed > 0) {
      // setTimeout takes at most 2^31-1 ms; a longer wait re-arms when it wakes.
      timer.handle = setTimeout(() => this.#wake(timer), Math.min(wait / this.speed, 2_147_483_647));
    } else {
      timer.handle = undefined; // stopped clock: only advance() brings it due
    }
    timer.handle?.unref?.();
  }

  #wake(timer: Timer): void {
    if (timer.at <= this.now()) this.#fire(timer);
    else this.#arm(timer);
  }

  #fire(timer: Timer): void {
    if (!this.#timers.delete(timer)) return;
    if (timer.handle) clearTimeout(timer.handle);
    timer.run();
  }

  #cancel(timer: Timer): void {
    if (timer.handle) clearTimeout(timer.handle);
    this.#timers.delete(timer);
  }

  #runDue(): void {
    const due = [...this.#timers].filter((t) => t.at <= this.now()).sort((a, b) => a.at - b.at);
    for (const timer of due) this.#fire(timer);
    for (const timer of this.#timers) this.#arm(timer);
  }
}
