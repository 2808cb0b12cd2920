// Check-digit algorithms of the identifiers ECDX meets, and finders for the privacy scanner. JSON Schema can
// state the shape of an identifier but not its check digit; these functions are the rest of the rule.
// GB 11643 numbers are never exchanged (rule M5): they appear here only so that a leak can be recognised.

/** First two digits of a GB/T 2260 code: the province-level divisions, with 71 Taiwan, 81 Hong Kong, 82 Macao. */
const PROVINCE_PREFIX = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])/;

// ---------------------------------------------------------------------------------------------------------
// GB 11643-1999 citizen identity number (公民身份号码)

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const GB11643_CHECK = '10X98765432';

/** The check character (`0`–`9` or `X`) of the 17 leading digits of a GB 11643 number (ISO 7064 MOD 11-2). */
export function gb11643CheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('a GB 11643 number has 17 digits before its check character');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * GB11643_WEIGHTS[i]!;
  return GB11643_CHECK[sum % 11]!;
}

/** A real calendar date written as YYYYMMDD, in the years a living person can be born (1800–2099). */
function isBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Whether `s` is a well-formed 18-character GB 11643-1999 number: a GB/T 2260 province prefix, a real birth date
 * (1800–2099), a 3-digit sequence and the right check character. The check character is the upper-case `X`;
 * use `findResidentIds` to find numbers in text, which also tolerates a lower-case `x`.
 */
export function isValidResidentId(s: string): boolean {
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  if (!PROVINCE_PREFIX.test(s) || !isBirthDate(s.slice(6, 14))) return false;
  return gb11643CheckCharacter(s.slice(0, 17)) === s[17];
}

/** Where a GB 11643 number sits in a text: `[start, end)` offsets and the number as written there. */
export interface Finding {
  start: number;
  end: number;
  value: string;
}

/**
 * Every checksum-valid GB 11643 number in a text. A candidate is a run of exactly 17 digits followed by a digit
 * or `X`/`x`, not part of a longer run of digits (so a 20-digit order number is not read as an identity
 * number); letters and punctuation around it do not matter (`身份证11010519491231002X` is found).
 */
export function locateResidentIds(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(/(?<!\d)\d{17}[\dXx](?![\dXx])/g)) {
    const value = m[0];
    if (isValidResidentId(value.toUpperCase())) found.push({ start: m.index, end: m.index + value.length, value });
  }
  return found;
}

/** The checksum-valid GB 11643 numbers in a text, as written (see `locateResidentIds`). */
export const findResidentIds = (text: string): string[] => locateResidentIds(text).map((f) => f.value);

// ---------------------------------------------------------------------------------------------------------
// UPU S10 item identifier

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** The check digit of an 8-digit S10 serial number: 11 − (Σ weight·digit mod 11), with 10 → 0 and 11 → 5. */
export function s10CheckDigit(serial8: string): number {
  if (!/^\d{8}$/.test(serial8)) throw new RangeError('a UPU S10 serial number has 8 digits');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial8[i]) * S10_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/**
 * Whether `s` is a UPU S10 identifier with a correct check digit: 2 letters (service indicator), 8 digits, the
 * check digit, 2 letters (ISO 3166-1 country of the issuer). The country code is checked for shape only.
 */
export function isValidS10(s: string): boolean {
  const m = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(s);
  return m !== null && s10CheckDigit(m[1]!) === Number(m[2]);
}

// ---------------------------------------------------------------------------------------------------------
// GB/T 2260 administrative division code

/**
 * Whether `s` is a plausible GB/T 2260 code: 6 digits (province 2, prefecture 2, county 2) or the 12-digit
 * statistical code (+ township 3, village 3), with a province prefix that exists. Structurally, a level can only
 * be `00` (or `000`) if every level below it is too: `110000` is Beijing, `110100` its districts, but `110012`
 * names a county of no prefecture. Whether the code is in force this year needs the published list, which
 * changes yearly; ECDX does not ship it.
 */
export function isValidDivisionCode(s: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})(?:(\d{3})(\d{3}))?$/.exec(s);
  if (!m || !PROVINCE_PREFIX.test(s)) return false;
  const [, , prefecture, county, township, village] = m;
  if (prefecture === '00' && county !== '00') return false;
  if (township !== undefined && county === '00' && prefecture === '00' && township !== '000') return false;
  if (township === '000' && village !== '000') return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Mainland mobile numbers in free text

/** Where a mobile number sits in a text, as written, and its 11 digits. */
export interface MobileFinding extends Finding {
  number: string;
}

/**
 * Every unmasked mainland mobile number in a text: `1[3-9]` and 9 more digits, also grouped 3-4-4 by spaces or
 * hyphens (`138 1234 5678`) and after a `+86`, `0086` or `86` country prefix. The number must not be part of a
 * longer run of digits (a 15-digit waybill number contains no mobile number), but letters may touch it. Masked
 * numbers (`138****5678`) are not found.
 */
export function locateMobileNumbers(text: string): MobileFinding[] {
  const found: MobileFinding[] = [];
  const pattern = /(?<![\d+])(?:(?:\+|00)?86[ -]?)?(1[3-9]\d)([ -]?)(\d{4})\2(\d{4})(?!\d)/g;
  for (const m of text.matchAll(pattern)) {
    found.push({ start: m.index, end: m.index + m[0].length, value: m[0], number: `${m[1]}${m[3]}${m[4]}` });
  }
  return found;
}

/** The unmasked mainland mobile numbers in a text, as 11 digits each (see `locateMobileNumbers`). */
export const findMobileNumbers = (text: string): string[] => locateMobileNumbers(text).map((f) => f.number);
