// The people and places of a shipment: addresses, telephone numbers, contacts (sender and recipient), and the
// real-name verification status that replaces any identity document. Published through `shippingSchemas`.
import { Type, type Static } from '@sinclair/typebox';
import { Closed, CountryCode, DivisionCode, LandlineNumber, MobileNumber, PersonName, Timestamp, StringEnum, ref, schemaId } from './common.ts';

/** Free text that must say something: 1–`max` characters, not only white space. */
const NonBlank = (description: string, max: number) => Type.String({ description, minLength: 1, maxLength: max, pattern: '\\S' });

// ---------------------------------------------------------------------------------------------------------
// Addresses

const addressFields = {
  countryCode: ref(CountryCode, {
    description: 'Country or region of the address. `CN` means the mainland; `HK`, `MO` and `TW` are outside it.',
  }),
  divisionCode: Type.Optional(
    ref(DivisionCode, {
      description:
        'GB/T 2260 code of the county-level division (or the 12-digit township code). Required on the mainland, ' +
        'where it routes the parcel without parsing the Chinese text; optional elsewhere.',
    }),
  ),
  province: Type.Optional(
    NonBlank('Province-level division (省、自治区、直辖市), e.g. `北京市`, `广东省`. Required on the mainland; state or ' + 'region elsewhere.', 32),
  ),
  city: NonBlank('Prefecture-level city (地级市); for a municipality its own name again (`北京市`).', 64),
  district: Type.Optional(
    NonBlank(
      'County-level division (区、县、县级市). Absent where a prefecture-level city has no counties (东莞市, 中山市, ' +
        '儋州市, 嘉峪关市), so it is optional even on the mainland.',
      64,
    ),
  ),
  street: Type.Optional(NonBlank('Township-level division (街道、镇、乡). The last element a third party may see (rule M4).', 64)),
  detail: NonBlank('Road, house number, building, unit and room: the delivery point itself. Never shown to third parties.', 200),
  postalCode: Type.Optional(
    Type.String({
      description: 'Postal code: 6 digits on the mainland; the local format (letters, digits, space, hyphen) elsewhere.',
      pattern: '^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$',
      maxLength: 12,
    }),
  ),
};

/** The rule that separates the mainland from elsewhere, kept apart so both validators read it the same way. */
const mainlandRule = Type.Union([
  Type.Object({ countryCode: Type.Not(Type.Literal('CN')) }, { description: 'An address outside the mainland: the mainland-only requirements do not apply.' }),
  Type.Object(
    {
      countryCode: Type.Literal('CN'),
      // Only required here: their type and bounds are the fields' own. Restating them would fail a bad value twice,
      // and the second failure would name the other alternative's member in `invalidParams`.
      divisionCode: Type.Unknown(),
      province: Type.Unknown(),
      postalCode: Type.Optional(Type.String({ pattern: '^\\d{6}$', maxLength: 6 })),
    },
    { description: 'A mainland address: division code and province are required, a postal code has 6 digits.' },
  ),
]);

const AddressFields = Type.Object(addressFields, Closed);

/**
 * A postal address. Built as `allOf` [closed object, `anyOf` [outside the mainland, mainland rules]] rather than
 * `if`/`then`, which TypeBox does not compile: the two validators must reach the same verdict. The static type is
 * the closed object's, which the conditional only narrows.
 */
export const Address = Type.Unsafe<Static<typeof AddressFields>>(
  Type.Intersect([AddressFields, mainlandRule], {
    $id: schemaId('Address'),
    title: 'Address',
    description:
      'A postal address, structured as Chinese addresses are written: country, division code (GB/T 2260), ' +
      'province, city, district, street (township) and the detail of the delivery point. On the mainland ' +
      '(`countryCode` `CN`) the division code and province are required and a postal code, when given, has 6 ' +
      'digits; outside the mainland only country, city and detail are required. `detail` and `postalCode` are ' +
      'what masking rule M4 removes before an address is shown to anyone but the parties to the shipment.',
    examples: [
      {
        countryCode: 'CN',
        divisionCode: '110108',
        province: '北京市',
        city: '北京市',
        district: '海淀区',
        street: '中关村街道',
        detail: '中关村大街27号1101室',
        postalCode: '100080',
      },
      { countryCode: 'HK', city: '香港', district: '油尖旺区', detail: '弥敦道132号美丽华大厦8楼' },
    ],
  }),
);
export type Address = Static<typeof Address>;

/** An address after rule M4: nothing below street (township) level. */
export const MaskedAddress = Type.Object(
  {
    countryCode: addressFields.countryCode,
    divisionCode: addressFields.divisionCode,
    province: addressFields.province,
    city: addressFields.city,
    district: addressFields.district,
    street: addressFields.street,
  },
  {
    $id: schemaId('MaskedAddress'),
    title: 'MaskedAddress',
    description:
      'An address as a third party may see it (masking rule M4): it stops at street (township) level. The ' +
      'closed object has no room for `detail` or `postalCode`, so an address that still carries either is invalid.',
    ...Closed,
    examples: [{ countryCode: 'CN', divisionCode: '110108', province: '北京市', city: '北京市', district: '海淀区', street: '中关村街道' }],
  },
);
export type MaskedAddress = Static<typeof MaskedAddress>;

// ---------------------------------------------------------------------------------------------------------
// Telephone numbers

/** E.164 for numbers outside the mainland; mainland numbers keep their national form so that one format rules. */
export const InternationalPhoneNumber = Type.String({
  $id: schemaId('InternationalPhoneNumber'),
  title: 'InternationalPhoneNumber',
  description:
    'A telephone number outside the mainland in E.164 form (`+852 …`, `+1 …`, written without spaces). Mainland ' +
    'numbers (`+86`) are refused here: they are written in national form as `MobileNumber` or `LandlineNumber`, ' +
    'so that every mainland number has exactly one spelling and masking and scanning work on it.',
  pattern: '^\\+(?!86)[1-9]\\d{6,14}$',
  maxLength: 16,
  examples: ['+85221234567', '+14155550123'],
});
export type InternationalPhoneNumber = Static<typeof InternationalPhoneNumber>;

/** 010-******78: area code and the last 2 digits kept (rule M3). Belongs beside MaskedMobileNumber in common.ts. */
export const MaskedLandlineNumber = Type.String({
  $id: schemaId('MaskedLandlineNumber'),
  title: 'MaskedLandlineNumber',
  description:
    'A mainland landline masked by rule M3: the area code and the last 2 digits of the subscriber number are ' +
    'kept, every other subscriber digit becomes `*`, and an extension is dropped (`010-******78`).',
  pattern: '^0\\d{2,3}-\\*{5,6}\\d{2}$',
  maxLength: 13,
  examples: ['010-******78', '0755-*****34'],
});
export type MaskedLandlineNumber = Static<typeof MaskedLandlineNumber>;

/** Any number a contact may be reached on, in the one spelling ECDX allows for it. */
const phoneNumber = (description: string) => Type.Union([ref(MobileNumber), ref(LandlineNumber), ref(InternationalPhoneNumber)], { description });

/** A virtual number (隐私号) bound to the real one for a limited time. */
export const PrivacyNumber = Type.Object(
  {
    number: Type.Union([ref(MobileNumber), ref(LandlineNumber)], {
      description: 'The virtual number itself, in national form (virtual numbers are issued on mainland networks).',
    }),
    extension: Type.Optional(
      Type.String({
        description: 'Extension of 1–4 digits dialled after the number (AXE binding); absent for an AXB binding.',
        pattern: '^\\d{1,4}$',
        maxLength: 4,
      }),
    ),
    expiresAt: ref(Timestamp, {
      description: 'When the binding ends. The carrier must not rely on the number after this time.',
    }),
  },
  {
    $id: schemaId('PrivacyNumber'),
    title: 'PrivacyNumber',
    description:
      'A virtual telephone number (隐私号) that forwards calls to the contact without revealing the real number: ' +
      'a number, an optional extension of up to 4 digits and the time the binding expires. It is the number ' +
      'printed on the waybill label and dialled by the courier where the platform provides one.',
    ...Closed,
    examples: [
      { number: '17012345678', extension: '1234', expiresAt: '2026-03-16T23:59:59+08:00' },
      { number: '13912345678', expiresAt: '2026-03-16T23:59:59+08:00' },
    ],
  },
);
export type PrivacyNumber = Static<typeof PrivacyNumber>;

/** Sender or recipient of a shipment. */
export const Contact = Type.Object(
  {
    name: ref(PersonName, { description: 'Name of the person who sends or receives the parcel.' }),
    phone: phoneNumber(
      'The real number on which the person is reached: a mainland mobile or landline in national form, or an E.164 ' +
        'number outside the mainland. OP-01 names the telephone number among the necessary shipping data.',
    ),
    privacyNumber: Type.Optional(ref(PrivacyNumber)),
    company: Type.Optional(NonBlank('Company or organisation, where the parcel is addressed to one.', 100)),
    address: ref(Address),
  },
  {
    $id: schemaId('Contact'),
    title: 'Contact',
    description:
      'The sender (寄件人) or the recipient (收件人) of a shipment: the name, address and telephone number that ' +
      'OP-01 names as necessary shipping data, an optional company, and an optional virtual number that the ' +
      'carrier shows on the label and uses for calls instead of the real one. Nothing else about the person is ' +
      'exchanged: the object is closed, so an identity document number or a birth date cannot ride along.',
    ...Closed,
    examples: [
      {
        name: '张三',
        phone: '13812345678',
        privacyNumber: { number: '17012345678', extension: '1234', expiresAt: '2026-03-16T23:59:59+08:00' },
        address: {
          countryCode: 'CN',
          divisionCode: '110108',
          province: '北京市',
          city: '北京市',
          district: '海淀区',
          street: '中关村街道',
          detail: '中关村大街27号1101室',
          postalCode: '100080',
        },
      },
      {
        name: '李四',
        phone: '0755-83451234',
        company: '深圳市某某电子商务有限公司',
        address: { countryCode: 'CN', divisionCode: '440305', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园南区1栋' },
      },
    ],
  },
);
export type Contact = Static<typeof Contact>;

// ---------------------------------------------------------------------------------------------------------
// Real-name verification (实名收寄)

/**
 * Identity documents the carrier may check at acceptance, modelled on the documents the real-name shipping rules
 * accept; ECDX's list, to be checked against the current rules (OTHER covers any the list lacks).
 */
export const IDENTITY_DOCUMENT_TYPES = [
  'RESIDENT_IDENTITY_CARD',
  'TEMPORARY_RESIDENT_IDENTITY_CARD',
  'HOUSEHOLD_REGISTER',
  'MILITARY_IDENTITY_CARD',
  'ARMED_POLICE_IDENTITY_CARD',
  'HK_MACAO_RESIDENT_MAINLAND_PERMIT',
  'TAIWAN_RESIDENT_MAINLAND_PERMIT',
  'HK_MACAO_TAIWAN_RESIDENCE_PERMIT',
  'FOREIGN_PERMANENT_RESIDENT_ID_CARD',
  'PASSPORT',
  'OTHER',
] as const;

const realNameFields = {
  verified: Type.Boolean({ description: 'Whether the sender’s identity was verified against a document at acceptance.' }),
  documentType: Type.Optional(
    StringEnum(IDENTITY_DOCUMENT_TYPES, {
      description:
        'Kind of document checked: resident identity card (居民身份证), temporary card, household register (户口簿), ' +
        'military or armed-police identity card, the mainland travel permits for residents of Hong Kong, Macao and ' +
        'Taiwan, the residence permit for them, the foreign permanent resident card, a passport, or another document.',
    }),
  ),
  verifiedAt: Type.Optional(ref(Timestamp, { description: 'When the verification took place.' })),
};

const RealNameFields = Type.Object(realNameFields, Closed);

/** The outcome of a real-name check: never the document number (rule M5). */
export const RealNameVerification = Type.Unsafe<Static<typeof RealNameFields>>(
  Type.Intersect(
    [
      RealNameFields,
      Type.Union([
        Type.Object({ verified: Type.Literal(false) }, { description: 'Not verified: nothing more to say.' }),
        // Required only: the fields define their types (see Address for why the branch does not).
        Type.Object(
          { verified: Type.Literal(true), documentType: Type.Unknown(), verifiedAt: Type.Unknown() },
          { description: 'Verified: the document type and the time are required.' },
        ),
      ]),
    ],
    {
      $id: schemaId('RealNameVerification'),
      title: 'RealNameVerification',
      description:
        'The result of the real-name check (实名收寄) the carrier makes when it accepts a parcel: whether the ' +
        'sender was verified, with which kind of document, and when. Masking rule M5: the document number, the ' +
        'name on it and any image of it are never exchanged — the closed object has no field for them — and ' +
        'a verified result must name the document type and the time.',
      examples: [{ verified: true, documentType: 'RESIDENT_IDENTITY_CARD', verifiedAt: '2026-03-01T10:05:00+08:00' }, { verified: false }],
    },
  ),
);
export type RealNameVerification = Static<typeof RealNameVerification>;

export const partySchemas = [Address, MaskedAddress, InternationalPhoneNumber, MaskedLandlineNumber, PrivacyNumber, Contact, RealNameVerification];
