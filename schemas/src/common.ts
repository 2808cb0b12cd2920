// Shared building blocks of every ECDX object. Each exported schema with an `$id` is published on its own
// (schemas/json/<Name>.json) and referenced by `$ref` everywhere else, so it is defined exactly once.
import { Kind, Type, TypeRegistry, type Static, type TSchema, type SchemaOptions } from '@sinclair/typebox';

export const SCHEMA_BASE = 'https://ecdx.dev/schemas/v1/';

/** The `$id` of a published ECDX schema. */
export const schemaId = (name: string): string => `${SCHEMA_BASE}${name}.json`;

/**
 * A `$ref` to a published schema that keeps the referenced static type. TypeBox 0.34 made `Type.Ref` take a
 * string; this is the replacement its deprecation note recommends.
 */
export const ref = <T extends TSchema>(schema: T, options: SchemaOptions = {}) => {
  if (!schema.$id) throw new Error('ref() needs a schema with an $id');
  return Type.Unsafe<Static<T>>(Type.Ref(schema.$id, options));
};

/**
 * A string from a closed list, published as `{ "type": "string", "enum": [...] }` — what readers and code
 * generators expect — rather than TypeBox's `anyOf` of constants.
 */
export const StringEnum = <const T extends readonly string[]>(values: T, options: SchemaOptions = {}) =>
  Type.Unsafe<T[number]>({ ...options, [Kind]: 'StringEnum', type: 'string', enum: [...values] });

if (!TypeRegistry.Has('StringEnum')) {
  TypeRegistry.Set<{ enum: string[] }>('StringEnum', (schema, value) => typeof value === 'string' && schema.enum.includes(value));
}

/**
 * A closed object: unknown properties are an error, so that a misspelt optional field cannot pass unnoticed.
 * Every ECDX object is closed; extension data goes in an explicit `extensions` member where an object allows it.
 */
export const Closed = { additionalProperties: false } as const;

// ---------------------------------------------------------------------------------------------------------
// Time

/** RFC 3339 date-time with an explicit offset (`Z` or `±hh:mm`); local times without offset are refused. */
export const Timestamp = Type.String({
  $id: schemaId('Timestamp'),
  title: 'Timestamp',
  description:
    'An RFC 3339 date-time with an explicit UTC offset, for example `2026-03-01T09:30:00+08:00`. ' +
    'A local time without offset (as some carrier APIs send) is invalid: the receiver cannot order events from ' +
    'different time zones without it. Fractions of a second are allowed (up to nanoseconds).',
  format: 'date-time',
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d{1,9})?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$',
  // The longest the pattern allows (nanoseconds, numeric offset), stated so linters and generators see the bound.
  maxLength: 35,
  examples: ['2026-03-01T09:30:00+08:00', '2026-03-01T01:30:00Z'],
});
export type Timestamp = Static<typeof Timestamp>;

// ---------------------------------------------------------------------------------------------------------
// Places

/** ISO 3166-1 alpha-2. */
export const CountryCode = Type.String({
  $id: schemaId('CountryCode'),
  title: 'CountryCode',
  description: 'ISO 3166-1 alpha-2 country or region code, upper case (`CN`, `HK`, `MO`, `TW`, `US` …).',
  pattern: '^[A-Z]{2}$',
  maxLength: 2,
  examples: ['CN'],
});
export type CountryCode = Static<typeof CountryCode>;

/**
 * GB/T 2260 administrative division code. The first two digits are a province-level code (11–15, 21–23, 31–37,
 * 41–46, 50–54, 61–65, 71, 81, 82); 12-digit statistical codes reach township level.
 */
export const DivisionCode = Type.String({
  $id: schemaId('DivisionCode'),
  title: 'DivisionCode',
  description:
    'GB/T 2260 administrative division code: 6 digits (county level, e.g. `110108` = 海淀区) or the 12-digit ' +
    'statistical code that reaches township level. The first two digits must be a valid province-level code.',
  pattern: '^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])\\d{4}(\\d{6})?$',
  maxLength: 12,
  examples: ['110108', '440305', '310115123000'],
});
export type DivisionCode = Static<typeof DivisionCode>;

// ---------------------------------------------------------------------------------------------------------
// Telephone numbers and their masked forms

/** Mainland China mobile number, national format. */
export const MobileNumber = Type.String({
  $id: schemaId('MobileNumber'),
  title: 'MobileNumber',
  description: 'Mainland China mobile number in national format: 11 digits, `1[3-9]` then 9 digits.',
  pattern: '^1[3-9]\\d{9}$',
  maxLength: 11,
  examples: ['13812345678'],
});
export type MobileNumber = Static<typeof MobileNumber>;

/** Mainland landline: trunk prefix 0, area code, subscriber number, optional extension. */
export const LandlineNumber = Type.String({
  $id: schemaId('LandlineNumber'),
  title: 'LandlineNumber',
  description:
    'Mainland China landline: `0` + 2–3 digit area code, a hyphen, a 7–8 digit subscriber number, and an ' +
    'optional extension of 1–6 digits after a second hyphen.',
  pattern: '^0\\d{2,3}-[2-9]\\d{6,7}(-\\d{1,6})?$',
  maxLength: 20,
  examples: ['010-62345678', '0755-83451234-802'],
});
export type LandlineNumber = Static<typeof LandlineNumber>;

/** 138****5678: first 3 and last 4 digits kept (ECDX masking rule M2). */
export const MaskedMobileNumber = Type.String({
  $id: schemaId('MaskedMobileNumber'),
  title: 'MaskedMobileNumber',
  description: 'A mobile number masked to its first 3 and last 4 digits: `138****5678` (masking rule M2).',
  pattern: '^1[3-9]\\d\\*{4}\\d{4}$',
  maxLength: 11,
  examples: ['138****5678'],
});
export type MaskedMobileNumber = Static<typeof MaskedMobileNumber>;

/** Person name masked: first character kept, and the last where the name has 3 or more (rule M1). */
export const MaskedName = Type.String({
  $id: schemaId('MaskedName'),
  title: 'MaskedName',
  description:
    'A personal name masked by rule M1: the first character is kept; a name of 3 or more characters also keeps ' +
    'its last; every other character is replaced by one `*` each (`张*`, `张*三`, `欧**娜`), at most 30 `*`: a ' +
    'longer name shows 30, so that every PersonName masks to at most 32 characters. A two-character name never ' +
    'shows two asterisks (`张**` is invalid).',
  // A character outside the BMP (𠮷, common in names) is a surrogate pair: matched as a pair first, so the
  // pattern means the same with the `u` flag (Ajv) and without it (TypeBox).
  pattern: '^(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^*\\s])(?:\\*|\\*{1,30}(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^*\\s]))$',
  minLength: 2,
  // The pattern bounds the value at 32 characters; 34 leaves room for a kept first and last character outside the
  // BMP, which a validator counting UTF-16 units (TypeBox) counts twice.
  maxLength: 34,
  examples: ['张*', '张*三'],
});
export type MaskedName = Static<typeof MaskedName>;

/** Name of a person or organisation, as given by the user. */
export const PersonName = Type.String({
  $id: schemaId('PersonName'),
  title: 'PersonName',
  description:
    'A name as the user gave it (1–64 characters, not only white space, without `*`). `*` is the masking character ' +
    '(rule M1): a name containing it cannot be told from a masked one. White space at either end is allowed and is ' +
    'ignored by rule M1.',
  minLength: 1,
  // 64 characters (code points) are bounded by the pattern, which counts a character outside the BMP once with and
  // without the `u` flag; maxLength, which a validator may count in UTF-16 units (TypeBox), leaves room for them.
  maxLength: 128,
  pattern: '^(?=[^*]*[^*\\s])(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^*]){1,64}$',
  examples: ['张三'],
});
export type PersonName = Static<typeof PersonName>;

// ---------------------------------------------------------------------------------------------------------
// Money and measures

/** ISO 4217 alphabetic currency code. */
export const CurrencyCode = Type.String({
  $id: schemaId('CurrencyCode'),
  title: 'CurrencyCode',
  description: 'ISO 4217 alphabetic currency code, upper case (`CNY`, `HKD`, `USD` …).',
  pattern: '^[A-Z]{3}$',
  maxLength: 3,
  examples: ['CNY'],
});
export type CurrencyCode = Static<typeof CurrencyCode>;

/** A decimal amount as a string, so that no party loses cents to binary floating point. */
export const Money = Type.Object(
  {
    amount: Type.String({
      description: 'Non-negative decimal amount in major units with at most 2 decimals, as a string (`"199.00"`).',
      pattern: '^(0|[1-9]\\d{0,11})(\\.\\d{1,2})?$',
      maxLength: 15,
    }),
    currency: ref(CurrencyCode),
  },
  {
    $id: schemaId('Money'),
    title: 'Money',
    description: 'An amount of money. The amount is a decimal string rather than a JSON number so that every party reads ' + 'the same value to the cent.',
    ...Closed,
    examples: [{ amount: '199.00', currency: 'CNY' }],
  },
);
export type Money = Static<typeof Money>;

// ---------------------------------------------------------------------------------------------------------
// Counts

/**
 * A count of things (records, batches, minutes …): 0 or more, at most 2^53 − 1, the largest integer every JSON
 * parser reads exactly (I-JSON, RFC 7493 §2.2). `int64` tells generators to use a 64-bit type.
 */
export const Count = (options: SchemaOptions & { minimum?: number } = {}) =>
  Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, format: 'int64', ...options });

// ---------------------------------------------------------------------------------------------------------
// Identifiers

/**
 * A carrier waybill number (运单号). Carriers use their own formats (SF: `SF` + 12–13 digits; most others 10–15
 * digits); international items use UPU S10. ECDX constrains the alphabet and length, not the carrier's scheme.
 */
export const WaybillNumber = Type.String({
  $id: schemaId('WaybillNumber'),
  title: 'WaybillNumber',
  description:
    'A carrier waybill number (运单号): 8–32 characters of upper-case letters and digits, starting with either. ' +
    'International items use the UPU S10 form (`RR123456785CN`). It must be unique within the carrier and is ' +
    'safe to use in a URL path without escaping.',
  pattern: '^[A-Z0-9]{8,32}$',
  maxLength: 32,
  examples: ['SF1234567890123', 'RR123456785CN', '773012345678901'],
});
export type WaybillNumber = Static<typeof WaybillNumber>;

/** UPU S10 item identifier: 2 letters, 8 digits, check digit, ISO country. The check digit is verified in code. */
export const UpuS10Identifier = Type.String({
  $id: schemaId('UpuS10Identifier'),
  title: 'UpuS10Identifier',
  description:
    'UPU S10 item identifier: service indicator (2 letters), serial number (8 digits), check digit, and the ' +
    'ISO 3166-1 code of the issuing country (`RR123456785CN`). The check digit (weights 8,6,4,2,3,5,9,7) cannot ' +
    'be expressed in JSON Schema; implementations verify it (see `s10CheckDigit`).',
  pattern: '^[A-Z]{2}\\d{9}[A-Z]{2}$',
  maxLength: 13,
  examples: ['RR123456785CN'],
});
export type UpuS10Identifier = Static<typeof UpuS10Identifier>;

/** Short registered code of a carrier (the codes in common use: SF, ZTO, YTO, STO, YD, JD, EMS …). */
export const CarrierCode = Type.String({
  $id: schemaId('CarrierCode'),
  title: 'CarrierCode',
  description: 'Short code of an express carrier, upper-case letters and digits (`SF`, `ZTO`, `YTO`, `EMS` …).',
  pattern: '^[A-Z][A-Z0-9]{1,15}$',
  maxLength: 16,
  examples: ['SF', 'ZTO'],
});
export type CarrierCode = Static<typeof CarrierCode>;

/** An opaque identifier chosen by the party that creates the object. */
export const ObjectId = Type.String({
  $id: schemaId('ObjectId'),
  title: 'ObjectId',
  description:
    'An opaque identifier chosen by the party that creates the object: 1–64 characters from `A–Z a–z 0–9 . _ -`, ' +
    'safe in a URL path. Receivers compare identifiers exactly and never parse them.',
  pattern: '^[A-Za-z0-9._-]{1,64}$',
  maxLength: 64,
  examples: ['evt_01J9Z3W6QK7M', 'ord-20260301-0001'],
});
export type ObjectId = Static<typeof ObjectId>;

/** The schemas of this file that are published on their own. */
export const commonSchemas: TSchema[] = [
  Timestamp,
  CountryCode,
  DivisionCode,
  MobileNumber,
  LandlineNumber,
  MaskedMobileNumber,
  MaskedName,
  PersonName,
  CurrencyCode,
  Money,
  WaybillNumber,
  UpuS10Identifier,
  CarrierCode,
  ObjectId,
];
