// When the reference client sends a request again, and how long it waits first (decision 0051). A request that got
// no answer, a 409 idempotency-request-in-flight, a 429, a 503 or another 5xx is sent again as it was, Idempotency-Key
// and body unchanged (ECDX-IDM-011), no sooner than Retry-After names (ECDX-ERR-013). The client gives up after four
// attempts, or at once when Retry-After asks for more than ten seconds: an action answers within 30 s (ECDX-CNF-010),
// and waiting less than asked would break the rule the wait is for.
import { problemTypeUri } from '../../../schemas/src/problems.ts';
import type { MockContext } from '../types.ts';
import type { Exchange } from './http.ts';

const MAX_ATTEMPTS = 4;
/** The longest the client waits before an attempt, in real milliseconds. */
export const MAX_WAIT_MS = 10_000;
/** The wait when the answer names none: enough for an in-flight request to finish. */
const DEFAULT_WAIT_MS = 1_000;
/** What a client that ignores Retry-After waits (the `client-ignores-retry-after` fault). */
const HASTY_WAIT_MS = 50;
/** Added to a named wait, so that clock granularity on either side never makes the retry look early. */
const MARGIN_MS = 100;

/**
 * The wait Retry-After names, in milliseconds from `now` (real time): delay-seconds or an HTTP-date (RFC 9110
 * §10.2.3). Undefined when the field is absent or neither.
 */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const IN_FLIGHT = problemTypeUri('idempotency-request-in-flight');

/** Whether the same request may succeed if sent again. */
export function retryable(outcome: Exchange): boolean {
  if (outcome.kind === 'no-answer') return true;
  const { status } = outcome;
  if (status === 429 || status >= 500) return true;
  return status === 409 && (outcome.body as { type?: unknown } | undefined)?.type === IN_FLIGHT;
}

export interface Attempts {
  /** The last outcome: a success, a refusal not worth repeating, or the one the client gave up after. */
  last: Exchange;
  /** Why the client stopped retrying although the last outcome was retryable. */
  gaveUp?: string;
}

/** Send with `attempt(n)` (n = 0 first) until the outcome is not retryable or the client gives up. */
export async function withRetries(mock: MockContext, attempt: (n: number) => Promise<Exchange>): Promise<Attempts> {
  for (let n = 0; ; n++) {
    const last = await attempt(n);
    if (!retryable(last)) return { last };
    if (n + 1 >= MAX_ATTEMPTS) return { last, gaveUp: `still ${describe(last)} after ${MAX_ATTEMPTS} attempts` };
    const wait = waitBefore(mock, last);
    if (wait > MAX_WAIT_MS) return { last, gaveUp: `${describe(last)} with Retry-After ${Math.floor(wait / 1000)} s, longer than this client waits` };
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** How long to wait before sending again after `outcome`, in real milliseconds. */
export function waitBefore(mock: MockContext, outcome: Exchange): number {
  if (mock.fault('client-ignores-retry-after')) return HASTY_WAIT_MS;
  const named = outcome.kind === 'answered' ? retryAfterMs(outcome.headers['retry-after']) : undefined;
  return named === undefined ? DEFAULT_WAIT_MS : named + MARGIN_MS;
}

export const describe = (outcome: Exchange): string => (outcome.kind === 'answered' ? `answered ${outcome.status}` : outcome.reason);
