// The run always ends, within a budget: each request has a deadline (headers and body together, the client's),
// each check one (twelve request deadlines, at least two minutes: checks wait in units of the request timeout), and
// the run one (`--max-duration`). When the run's passes, or the harness itself fails, the run is stopped: requests
// in flight end, waits end, checks not yet started do not start, and each ends as an error that says why.
import { english, verbatim, type Bilingual, type Text } from '../i18n/text.ts';
import { HARNESS } from './messages.ts';
import { MINUTE, SECOND } from '../../schemas/time.ts';

/** The run's default budget. */
export const DEFAULT_MAX_DURATION_MS = 10 * MINUTE;
/** A check never gets less than this, whatever the request timeout. */
const MIN_CHECK_DEADLINE_MS = 2 * MINUTE;
/** Checks wait for pushes and answers in units of the request timeout; a check of many steps gets this many. */
const REQUEST_TIMEOUTS_PER_CHECK = 12;

/** How long one check may take: never less than two minutes, more when the requests may take long. */
export const checkDeadlineFor = (timeoutMs: number): number => Math.max(MIN_CHECK_DEADLINE_MS, REQUEST_TIMEOUTS_PER_CHECK * timeoutMs);

/** `0.7 s`, `90 s`, `10 min`. */
export function describeSeconds(ms: number): string {
  if (ms >= MINUTE && ms % MINUTE === 0) return `${ms / MINUTE} min`;
  return `${Math.round((ms / SECOND) * 1000) / 1000} s`;
}

/** Why a run or a check was stopped; `deadline` tells a budget that ran out from a failure. */
export class Stop extends Error {
  override name = 'Stop';
  /** The reason in both languages, when the harness has it so (its English is the Error's message). */
  readonly text: Text;
  constructor(
    text: Text,
    readonly deadline: boolean,
  ) {
    super(english(text));
    this.text = text;
  }
}

/** The run's stop: aborts its signal at the deadline, or earlier when the harness fails. */
export class RunStop {
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;

  constructor(maxDurationMs: number) {
    this.#timer = setTimeout(() => this.stop(new Stop(HARNESS.runDeadline({ max: describeSeconds(maxDurationMs) }), true)), maxDurationMs);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Why the run was stopped, once it was. */
  get reason(): Stop | undefined {
    return this.#controller.signal.aborted ? (this.#controller.signal.reason as Stop) : undefined;
  }

  /** Stop the run (the first reason stays). */
  stop(reason: Stop): void {
    clearTimeout(this.#timer);
    if (!this.#controller.signal.aborted) this.#controller.abort(reason);
  }

  /** The run is over: its deadline no longer matters. */
  dispose(): void {
    clearTimeout(this.#timer);
  }
}

/** What a check not started says when the run was stopped. */
export const notRunMessage = (reason: Stop): Bilingual =>
  (reason.deadline ? HARNESS.notRunBefore : HARNESS.notRun)({ reason: typeof reason.text === 'string' ? verbatim(reason.text) : reason.text });

/** What a check stopped in flight says. */
export const stoppedMessage = (reason: Stop, byRun: boolean): Bilingual =>
  (byRun && reason.deadline ? HARNESS.stoppedBefore : HARNESS.stopped)({ reason: typeof reason.text === 'string' ? verbatim(reason.text) : reason.text });
