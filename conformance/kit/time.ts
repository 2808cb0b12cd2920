// Time in the checks' messages and requests. Durations are milliseconds, as everywhere in ECDX's code
// (schemas/time.ts); these helpers write instants the way requests carry them and durations the way people read them.
import { DAY, formatTimestamp, HOUR, MINUTE, SECOND, wholeSecond } from '../../schemas/time.ts';
import { TargetUnreachable } from '../harness/client.ts';
import type { TestContext } from '../harness/context.ts';

export { DAY, HOUR, MINUTE, SECOND } from '../../schemas/time.ts';

/** An instant as a request carries it: whole seconds, China Standard Time (`2026-03-01T09:30:00+08:00`). */
export const timestamp = (epochMs: number): string => formatTimestamp(wholeSecond(epochMs));

/** An instant in UTC, whole seconds (`2026-03-01T01:30:00Z`), as the statistics period parameters are written. */
export const utc = (epochMs: number): string => new Date(wholeSecond(epochMs)).toISOString().replace('.000Z', 'Z');

/** A duration for messages: "72 h", "30 d", "72 h − 1 s", "90 s". */
export function describeDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const s = Math.round(Math.abs(ms) / SECOND);
  for (const [unit, size] of [
    ['d', DAY / SECOND],
    ['h', HOUR / SECOND],
  ] as const) {
    if (s >= size && s % size === 0) return `${sign}${s / size} ${unit}`;
    if (s >= size && (s + 1) % size === 0) return `${sign}${(s + 1) / size} ${unit} − 1 s`;
    if (s >= size && (s - 1) % size === 0) return `${sign}${(s - 1) / size} ${unit} + 1 s`;
  }
  return `${sign}${s} s`;
}

/** Minutes, for messages about lags: "45 min". */
export const describeMinutes = (ms: number): string => `${Math.round(ms / MINUTE)} min`;

/**
 * The target's clock as read now: a test deployment's `GET /v1/test/clock`, whose clock may stand still or run at
 * any speed (chapter Test controls), so that the harness's estimate (`t.targetNow()`, synchronised only when the
 * clock is moved) drifts from it; any other deployment's `serverTime` in its health document, since its clock may
 * lie up to 30 s off true time (ECDX-HLT-002) and the harness's own clock is no better a guess. When neither can be
 * read, the estimate. Read right after a request, it is a bound on when the target answered that request.
 */
export async function readTargetClock(t: TestContext): Promise<number> {
  const [path, member, sign] = t.claim?.testMode === true ? ['/v1/test/clock', 'now', true] : ['/v1/health', 'serverTime', false];
  try {
    const response = await t.http.get(path, { sign });
    const now = Date.parse(String((response.json as Record<string, unknown> | undefined)?.[member]));
    if (response.status === 200 && Number.isFinite(now)) return now;
  } catch (error) {
    // An unanswered read is the clock checks' finding (ECDX-CNF-006, ECDX-HLT-001), not the caller's.
    if (!(error instanceof TargetUnreachable)) throw error;
  }
  return t.targetNow();
}
