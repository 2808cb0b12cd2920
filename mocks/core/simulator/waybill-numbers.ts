// The mock carrier's waybill numbers: `ECDX`, an 11-digit serial and a Luhn check digit (`ECDX000000000018`).
// The serial lives in the store and only ever increases, so a number is never issued twice, across restarts too.
// Twelve digits in a row can never be read as a mainland mobile (11 digits) or a resident ID (18), so the number
// is safe in URLs and free text that privacy scanners read.
import type { Store } from '../store.ts';

const WAYBILL_PREFIX = 'ECDX';
const SERIAL_DIGITS = 11;
const COLLECTION = 'waybill-serials';
const LAST = 'last';

/** The Luhn check digit of a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatWaybillNumber(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 1 || serial >= 10 ** SERIAL_DIGITS) throw new RangeError(`waybill serial ${serial} out of range`);
  const digits = String(serial).padStart(SERIAL_DIGITS, '0');
  return `${WAYBILL_PREFIX}${digits}${luhnCheckDigit(digits)}`;
}

/** Whether a string has the form of this mock's waybill numbers, check digit included. */
export function isMockWaybillNumber(value: string): boolean {
  const m = /^ECDX(\d{11})(\d)$/.exec(value);
  return m !== null && luhnCheckDigit(m[1]!) === Number(m[2]);
}

/** Issue the next waybill number. */
export function nextWaybillNumber(store: Store): string {
  const serials = store.collection<number>(COLLECTION);
  const serial = (serials.get(LAST) ?? 0) + 1;
  serials.put(LAST, serial);
  return formatWaybillNumber(serial);
}
