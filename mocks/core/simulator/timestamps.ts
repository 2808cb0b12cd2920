// Times as the mock writes them: RFC 3339 in China Standard Time (+08:00), the offset every party in the exchange
// uses; milliseconds only when there are some, so that a time survives a round trip through Date.parse exactly.

const CST_OFFSET_MS = 8 * 3600_000;

export function formatTimestamp(epochMs: number): string {
  const iso = new Date(Math.floor(epochMs) + CST_OFFSET_MS).toISOString(); // 2026-03-01T09:30:00.000Z in CST
  return `${iso.endsWith('.000Z') ? iso.slice(0, -5) : iso.slice(0, -1)}+08:00`;
}

export const MINUTE = 60_000;
export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
