// Pagination cursors of GET /v1/shipments/{waybillNo}/events. A cursor marks the last sequence a page returned
// (ECDX-TRK-009: an append-only sequence gives every page a firm position) and when it was issued, bound to its
// waybill by an HMAC under a key kept in the store, so that it survives a restart and a cursor the mock did not
// issue — or issued for another waybill — is refused (ECDX-TRK-011). It carries no personal data (ECDX-PRV-016)
// and is written in the letters a–p only, so that no scanner can mistake part of it for a telephone or ID number.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store.ts';

const VERSION = 1;
const PAYLOAD_BYTES = 9; // version, last sequence (u32), issued at (u32 seconds)
const MAC_BYTES = 12;
const KEYS = 'cursor-keys';
const ALPHABET = 'abcdefghijklmnop';

export interface CursorPosition {
  /** The sequence of the last event the previous page returned. */
  afterSequence: number;
  /** When the cursor was issued (virtual epoch ms, to the second). */
  issuedAtMs: number;
}

export type CursorReading = { ok: true; position: CursorPosition } | { ok: false; reason: string };

/** The mock's cursor key: made once, kept in the store. */
function cursorKey(store: Store): Buffer {
  const keys = store.collection<string>(KEYS);
  let key = keys.get('hmac');
  if (!key) {
    key = randomBytes(32).toString('base64');
    keys.put('hmac', key);
  }
  return Buffer.from(key, 'base64');
}

const mac = (store: Store, waybillNo: string, payload: Buffer): Buffer =>
  createHmac('sha256', cursorKey(store)).update(waybillNo).update('\u0000').update(payload).digest().subarray(0, MAC_BYTES);

const toLetters = (bytes: Buffer): string => Array.from(bytes, (b) => ALPHABET[b >> 4]! + ALPHABET[b & 15]!).join('');

function fromLetters(text: string): Buffer | undefined {
  if (text.length % 2 !== 0 || !/^[a-p]*$/.test(text)) return undefined;
  const bytes = Buffer.alloc(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (ALPHABET.indexOf(text[2 * i]!) << 4) | ALPHABET.indexOf(text[2 * i + 1]!);
  return bytes;
}

export function issueCursor(store: Store, waybillNo: string, position: CursorPosition): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload.writeUInt8(VERSION, 0);
  payload.writeUInt32BE(position.afterSequence, 1);
  payload.writeUInt32BE(Math.floor(position.issuedAtMs / 1000), 5);
  return toLetters(Buffer.concat([payload, mac(store, waybillNo, payload)]));
}

export function readCursor(store: Store, waybillNo: string, cursor: string): CursorReading {
  const bytes = fromLetters(cursor);
  if (!bytes || bytes.length !== PAYLOAD_BYTES + MAC_BYTES) return { ok: false, reason: 'not a cursor this carrier issued' };
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), mac(store, waybillNo, payload)) || payload.readUInt8(0) !== VERSION) {
    return { ok: false, reason: 'not a cursor this carrier issued for this waybill' };
  }
  return { ok: true, position: { afterSequence: payload.readUInt32BE(1), issuedAtMs: payload.readUInt32BE(5) * 1000 } };
}
