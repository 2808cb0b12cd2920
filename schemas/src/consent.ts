// Consent for uses beyond delivery and the legal basis of a transfer out of the mainland (OP-04). Published
// through `shippingSchemas`.
import { Type, type Static } from '@sinclair/typebox';
import { Closed, ObjectId, StringEnum, Timestamp, ref, schemaId } from './common.ts';

/** Value-added uses (增值应用) that need the user's consent. Delivery itself never does (OP-03). */
export const CONSENT_PURPOSES = ['MARKETING', 'PERSONALISED_RECOMMENDATION', 'ANALYTICS', 'SERVICE_IMPROVEMENT', 'CROSS_BORDER_TRANSFER'] as const;

/** The kinds of a person's data a consent may cover: finer than "contact data" so that a consent stays minimal. */
export const CONSENT_DATA_CATEGORIES = ['NAME', 'PHONE', 'ADDRESS', 'CONTENTS', 'TRAJECTORY'] as const;

/** The user's consent to one value-added use, as evidence that travels with the data. */
export const ConsentRecord = Type.Object(
  {
    consentId: ref(ObjectId, { description: 'Identifier of the consent, chosen by the party that collected it.' }),
    subjectRef: Type.String({
      description:
        'Pseudonymous reference to the person who consented, meaningful only to the collecting party. It starts ' +
        'with a letter, so a bare mobile or identity number cannot be used as one; it must not be derived from ' +
        'the person’s name, number or address either.',
      pattern: '^[A-Za-z][A-Za-z0-9._-]{7,63}$',
      maxLength: 64,
    }),
    subjectRole: StringEnum(['SENDER', 'RECIPIENT'] as const, {
      description: 'Whether the person is the sender or the recipient of the shipment the record travels with.',
    }),
    purpose: StringEnum(CONSENT_PURPOSES, {
      description:
        'The one use consented to: marketing, personalised recommendation, analytics (data mining), service ' +
        'improvement, or the transfer of the data out of the mainland (the separate consent of PIPL Art. 39).',
    }),
    dataCategories: Type.Array(StringEnum(CONSENT_DATA_CATEGORIES, { description: 'A kind of the person’s data.' }), {
      description: 'The kinds of data the use may draw on; anything not listed stays limited to delivery.',
      minItems: 1,
      maxItems: CONSENT_DATA_CATEGORIES.length,
      uniqueItems: true,
    }),
    grantedAt: ref(Timestamp, { description: 'When the person gave the consent.' }),
    expiresAt: ref(Timestamp, {
      description:
        'When the consent lapses. Required: ECDX bounds every consent in time, so that a use ends even where a ' + 'withdrawal never reaches the other party.',
    }),
    withdrawnAt: Type.Optional(ref(Timestamp, { description: 'When the person withdrew the consent; the use ends then.' })),
    evidenceRef: Type.String({
      description:
        'Reference to the collecting party’s evidence of the consent (the log entry, the version of the notice ' +
        'shown, the moment of the click): an identifier or URI that the party can resolve on request, never the ' +
        'evidence itself.',
      pattern: '^[A-Za-z0-9._:/#-]{1,256}$',
      maxLength: 256,
    }),
    noticeVersion: Type.Optional(
      Type.String({ description: 'Version of the privacy notice the person saw when consenting.', minLength: 1, maxLength: 64, pattern: '\\S' }),
    ),
  },
  {
    $id: schemaId('ConsentRecord'),
    title: 'ConsentRecord',
    description:
      'A record of one person’s consent to one value-added use of their shipping or parcel data (OP-04): whose ' +
      'consent (by pseudonymous reference only, never identity data), for which purpose and which kinds of data, ' +
      'when it was granted, when it lapses or was withdrawn, and where the evidence is kept. The platform that ' +
      'collected the consent sends the records with the shipping data; without a current record a party uses ' +
      'the data for delivery only (OP-03).',
    ...Closed,
    examples: [
      {
        consentId: 'cns-20260301-000042',
        subjectRef: 'usr_7f3a9c2e41',
        subjectRole: 'RECIPIENT',
        purpose: 'PERSONALISED_RECOMMENDATION',
        dataCategories: ['CONTENTS', 'ADDRESS'],
        grantedAt: '2026-03-01T09:12:00+08:00',
        expiresAt: '2027-03-01T09:12:00+08:00',
        evidenceRef: 'urn:ecdx:consent-log:2026-03-01:000042',
        noticeVersion: '2026.02',
      },
    ],
  },
);
export type ConsentRecord = Static<typeof ConsentRecord>;

// ---------------------------------------------------------------------------------------------------------
// Cross-border transfer

/** The mechanisms of PIPL Art. 38, and the contract-performance exemption of the 2024 cross-border provisions. */
export const CROSS_BORDER_LEGAL_BASES = ['SECURITY_ASSESSMENT', 'PROTECTION_CERTIFICATION', 'STANDARD_CONTRACT', 'CONTRACT_PERFORMANCE_EXEMPTION'] as const;

const crossBorderFields = {
  legalBasis: StringEnum(CROSS_BORDER_LEGAL_BASES, {
    description:
      'Why the personal data may leave the mainland: a security assessment passed with the Cyberspace ' +
      'Administration (数据出境安全评估), a personal-information protection certification (个人信息保护认证), ' +
      'a filed standard contract (标准合同), or the exemption for data needed to perform a contract with the ' +
      'person, such as cross-border shopping and delivery (促进和规范数据跨境流动规定, 2024).',
  }),
  basisReference: Type.Optional(
    Type.String({
      description:
        'The approval, certificate or filing number of the mechanism. Required for the three mechanisms; for ' + 'the exemption there is no number to give.',
      minLength: 1,
      maxLength: 128,
      pattern: '\\S',
    }),
  ),
  overseasRecipient: Type.String({
    description: 'The organisation outside the mainland that receives the data (the carrier’s partner or agent).',
    minLength: 1,
    maxLength: 200,
    pattern: '\\S',
  }),
  separateConsentId: Type.Optional(
    ref(ObjectId, {
      description: 'The `consentId` of the CROSS_BORDER_TRANSFER consent record in the same request: the separate consent ' + 'that PIPL Art. 39 asks for.',
    }),
  ),
};
const CrossBorderFields = Type.Object(crossBorderFields, Closed);

export const CrossBorderTransfer = Type.Unsafe<Static<typeof CrossBorderFields>>(
  Type.Intersect(
    [
      CrossBorderFields,
      Type.Union([
        Type.Object({ legalBasis: Type.Literal('CONTRACT_PERFORMANCE_EXEMPTION') }, { description: 'The exemption: no reference number.' }),
        Type.Object(
          {
            legalBasis: StringEnum(['SECURITY_ASSESSMENT', 'PROTECTION_CERTIFICATION', 'STANDARD_CONTRACT'] as const),
            // Required only: the field defines its type and bound (see Address for why the branch does not).
            basisReference: Type.Unknown(),
          },
          { description: 'A mechanism: its reference number is required.' },
        ),
      ]),
    ],
    {
      $id: schemaId('CrossBorderTransfer'),
      title: 'CrossBorderTransfer',
      description:
        'The legal basis on which shipping data for a recipient outside the mainland may leave it (OP-04: ' +
        'cross-border flows follow the law). Required in a ShipmentRequest whose recipient address is not in ' +
        '`CN`. Names the mechanism of PIPL Art. 38 (with its reference number) or the contract-performance ' +
        'exemption, the overseas recipient, and the separate consent where one was collected.',
      examples: [
        { legalBasis: 'CONTRACT_PERFORMANCE_EXEMPTION', overseasRecipient: 'Kowloon Express Logistics Ltd.', separateConsentId: 'cns-20260301-000043' },
        { legalBasis: 'STANDARD_CONTRACT', basisReference: '沪网信备〔2026〕0123号', overseasRecipient: 'Pacific Parcel Services Inc.' },
      ],
    },
  ),
);
export type CrossBorderTransfer = Static<typeof CrossBorderTransfer>;

export const consentSchemas = [ConsentRecord, CrossBorderTransfer];
