// Time as ECDX writes it, for every party: durations in milliseconds (the unit of Date and of timers; a value the
// wire gives in seconds is converted where it is read or written), instants as epoch milliseconds, and timestamps
// as RFC 3339 in China Standard Time (+08:00), the offset the standard's examples use (docs/decisions/0003).

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** China Standard Time, UTC+8, all year. */
const CST_OFFSET = 8 * HOUR;

/**
 * An instant as an RFC 3339 timestamp in China Standard Time: `2026-03-01T09:30:00+08:00`. Milliseconds are written
 * only when there are some, so that a time survives a round trip through Date.parse exactly.
 */
export function formatTimestamp(epochMs: number): string {
  const iso = new Date(Math.floor(epochMs) + CST_OFFSET).toISOString(); // 2026-03-01T09:30:00.000Z in CST
  return `${iso.endsWith('.000Z') ? iso.slice(0, -5) : iso.slice(0, -1)}+08:00`;
}

/** The instant at the start of its second: what a timestamp without milliseconds denotes. */
export const wholeSecond = (epochMs: number): number => Math.floor(epochMs / SECOND) * SECOND;
