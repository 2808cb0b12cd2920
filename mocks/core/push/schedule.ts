// When a push batch is attempted again (chapter Pushes §4, ECDX-PSH-014 and ECDX-PSH-016): the Standard Webhooks
// schedule after an immediate first attempt, each delay jittered by ±10 % so that the retries of many batches that
// failed together (one outage) do not arrive together, and never before the time a Retry-After names.
import { createHash } from 'node:crypto';
import { HOUR, MINUTE, SECOND } from '../../../schemas/time.ts';

/** The delays before the 2nd … 10th attempt, in virtual milliseconds. */
export const RETRY_DELAYS_MS: readonly number[] = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 14 * HOUR, 20 * HOUR, 24 * HOUR];

/** The first attempt and one per retry: after this many failures a batch is abandoned. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

const JITTER = 0.1;

/** What the `push-retry-schedule-compressed` fault waits before every retry: the first delay, over and over. */
export const COMPRESSED_RETRY_DELAY_MS = 5 * SECOND;

/**
 * The jitter factor in [0.9, 1.1] for one retry of one batch. Derived from the mock's seed, the batch and the
 * attempt, so that a run can be repeated exactly and a restarted mock schedules what the first one would have.
 */
export function jitterFactor(seed: number, batchId: string, attempt: number): number {
  const digest = createHash('sha256').update(`${seed}\u0000${batchId}\u0000${attempt}`).digest();
  const unit = digest.readUInt32BE(0) / 0x1_0000_0000;
  return 1 - JITTER + 2 * JITTER * unit;
}

/**
 * The delay before the attempt that follows failed attempt number `failedAttempt` (1 = the first attempt), or
 * undefined when the schedule is exhausted and the batch is to be abandoned.
 */
export function retryDelay(seed: number, batchId: string, failedAttempt: number): number | undefined {
  const base = RETRY_DELAYS_MS[failedAttempt - 1];
  if (base === undefined) return undefined;
  return Math.round(base * jitterFactor(seed, batchId, failedAttempt + 1));
}

/**
 * The earliest time a Retry-After value allows, or undefined when the value is absent or malformed (RFC 9110
 * §10.2.3: delay-seconds or an HTTP-date). An HTTP-date is a duration from the answer's own Date field when it has
 * one, else from `receivedAt`, the real time the answer came (chapter Test controls): the callback's clock knows
 * nothing of the moves of the mock's (virtual) clock, on which the duration is then waited.
 */
export function retryAfterTime(value: string | undefined, now: number, responseDate?: string, receivedAt = now): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return now + Number(text) * SECOND;
  const at = parseHttpDate(text);
  if (at === undefined) return undefined;
  const reference = responseDate === undefined ? Number.NaN : Date.parse(responseDate);
  const delay = at - (Number.isNaN(reference) ? receivedAt : reference);
  return now + Math.max(0, delay);
}

/** The time of the next attempt: the schedule's, unless Retry-After names a later one (ECDX-PSH-016). */
export const nextAttemptTime = (now: number, scheduledDelay: number, notBefore?: number): number =>
  Math.max(now + scheduledDelay, notBefore ?? Number.NEGATIVE_INFINITY);

/** RFC 9110 HTTP-date: IMF-fixdate and the obsolete RFC 850 form end in GMT; asctime has no zone but means GMT. */
function parseHttpDate(text: string): number | undefined {
  let candidate: string;
  if (/^[A-Za-z]{3,9}, [\w :-]+ GMT$/.test(text)) candidate = text;
  else if (/^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/.test(text)) candidate = `${text} GMT`;
  else return undefined;
  const at = Date.parse(candidate);
  return Number.isNaN(at) ? undefined : at;
}
