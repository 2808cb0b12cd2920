// The masking rules M1–M4 of ECDX (chapter Privacy §2) as functions, for the mock (courier and signatory in events,
// third-party views) and the harness (what a masked value must look like). Rule M5 has no function: identity
// document numbers are never exchanged, so there is nothing to mask. Each output validates against its published
// schema. Both sides share this code, so a disagreement with the text would go unseen by the suite:
// masking.test.ts holds it to the rule vectors written from the text (schemas/vectors/rules/masking.json).
import { LandlineNumber, MaskedMobileNumber, MaskedName, MobileNumber } from './src/common.ts';
import type { Address, MaskedAddress } from './src/shipping.ts';

const maskedNamePattern = new RegExp(MaskedName.pattern!);
const maskedMobilePattern = new RegExp(MaskedMobileNumber.pattern!);
const mobilePattern = new RegExp(MobileNumber.pattern!);
const landlinePattern = new RegExp(LandlineNumber.pattern!);

/** Most `*` a masked name carries (rule M1): a longer name shows this many, so that the result stays a MaskedName. */
const MAX_NAME_STARS = 30;

/**
 * Rule M1: keep the first character, and the last when the name has 3 or more; every other character becomes
 * one `*` (`张三` → `张*`, `张小三` → `张*三`, `欧阳娜娜` → `欧**娜`). A one-character name becomes `X*`, so that
 * the result is visibly masked. Characters are counted as Unicode code points; surrounding white space is
 * ignored; more than 30 hidden characters are shown as 30 `*`.
 * @throws RangeError for a blank name, or one whose kept characters are `*` or white space (never a PersonName).
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) throw new RangeError('cannot mask an empty name');
  const first = chars[0]!;
  const last = chars.length >= 3 ? chars[chars.length - 1]! : '';
  const hidden = Math.min(Math.max(chars.length - (last ? 2 : 1), 1), MAX_NAME_STARS);
  if (/[*\s]/.test(first + last)) throw new RangeError('a name whose first or last character is * or a space cannot be masked');
  return `${first}${'*'.repeat(hidden)}${last}`;
}

/** Whether a value has the form of rule M1 (the MaskedName schema). */
export const isMaskedName = (s: string): boolean => maskedNamePattern.test(s);

/**
 * Rule M2: a mainland mobile keeps its first 3 and last 4 digits (`13812345678` → `138****5678`). A `+86` or
 * `0086` prefix is removed first.
 * @throws RangeError when the value is not a mainland mobile number.
 */
export function maskMobile(mobile: string): string {
  const national = mobile.replace(/^(\+|00)86/, '');
  if (!mobilePattern.test(national)) throw new RangeError('not a mainland mobile number');
  return `${national.slice(0, 3)}****${national.slice(7)}`;
}

/** Whether a value has the form of rule M2 (the MaskedMobileNumber schema). */
export const isMaskedMobile = (s: string): boolean => maskedMobilePattern.test(s);

/**
 * Rule M3: a mainland landline keeps its area code and the last 2 digits of the subscriber number; the other
 * subscriber digits become `*` and an extension is dropped (`010-62345678` → `010-******78`,
 * `0755-83451234-802` → `0755-******34`). The result is a MaskedLandlineNumber.
 * @throws RangeError when the value is not a LandlineNumber.
 */
export function maskLandline(landline: string): string {
  if (!landlinePattern.test(landline)) throw new RangeError('not a mainland landline number (0AA-NNNNNNNN)');
  const [area, subscriber] = landline.split('-') as [string, string];
  return `${area}-${'*'.repeat(subscriber.length - 2)}${subscriber.slice(-2)}`;
}

/**
 * Rule M4: an address shown to a third party stops at street (township) level — `detail` and `postalCode` are
 * dropped, everything above them is kept. The result is a MaskedAddress.
 */
export function maskAddress(address: Address): MaskedAddress {
  const { detail: _detail, postalCode: _postalCode, ...kept } = address;
  return kept;
}
