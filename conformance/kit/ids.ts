// Fresh identifiers for what the harness sends: every request body is new, so that checks running side by side
// never collide (a repeated id would be deduplicated, or refused as a reuse, by a correct target).
import { randomBytes, randomUUID } from 'node:crypto';

/** 12 hexadecimal characters: unique enough within a run, short enough for messages. */
export const shortId = (): string => randomBytes(6).toString('hex');

/** `n` random decimal digits. */
export const randomDigits = (n: number): string => Array.from(randomBytes(n), (b) => String(b % 10)).join('');

/** An Idempotency-Key no other request of any run uses. */
export const newIdempotencyKey = (): string => randomUUID();
