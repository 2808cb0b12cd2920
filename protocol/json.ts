// Comparing JSON documents by content, as both sides of the exchange must: a repeated request is the same request
// when its body has the same content (idempotency, chapter Security §3), whatever the order of its members.

/** JSON with object members sorted by name and undefined members left out: equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Whether two JSON values have the same content. */
export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** A JSON Pointer token (RFC 6901): `~` and `/` escaped. */
export const pointerToken = (key: string | number): string => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** Whether a JSON Pointer names `prefix` or a member below it (`/a/b` is within `/a`, `/ab` is not). */
export const pointerWithin = (pointer: string, prefix: string): boolean => pointer === prefix || pointer.startsWith(`${prefix}/`);
