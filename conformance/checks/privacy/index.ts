// The privacy rules on shipping data (chapter Privacy): minimisation (ECDX-PRV-010), purpose limitation
// (ECDX-PRV-012), no personal data in the Location of a new shipment (ECDX-PRV-016). ECDX-PRV-016 binds a platform
// too: the Location of a notice it received. Consent records and cross-border transfers (ECDX-CON-002 … -005) are
// the consent checks'.
//
// The bodies that break the schema for a privacy rule (an undefined member, another purpose, a recipient abroad
// without cross-border details) are also refused by a carrier that simply validates the schema. When one is
// accepted, the check sends a control — a body with an unknown service level — and, if that is accepted too,
// names ECDX-SHP-003 (the target validates nothing) instead of its own rule.
import { defineCheck } from '../../harness/check.ts';
import type { TestContext } from '../../harness/context.ts';
import { claimsClass } from '../../kit/claim.ts';
import { buildNotice, NOTICES_PATH, postNotice } from '../../kit/notices.ts';
import { problemSummaryText } from '../../kit/refusals.ts';
import {
  createShipment,
  personalDataOf,
  shipmentPath,
  shipmentRequest,
  unknownWaybillNo,
  personalDatumKind,
  type PersonalDatum,
} from '../../kit/shipping-data.ts';
import { expectSchemaRefusal, withRecipient } from '../../kit/shipping-refusals.ts';
import { joinTexts, type Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';

/** A contact person a notice's mitigation names: personal data the platform holds, which no URL it issues may carry. */
const CONTACT = { name: '王小明', mobile: '13912345678' } as const;

export const privacyChecks = [
  defineCheck({
    id: 'privacy/shipment-only-for-its-platform',
    requirements: ['ECDX-PRV-008'],
    title: 'A shipment is shown only to the platform whose shipping data created it',
    description:
      'Creates a shipment, then reads it signed as a second platform (the second keyid) and expects the answer that ' +
      'platform gets for a waybill that does not exist: a refusal with the same status and problem type (404 ' +
      '`not-found` by the standard).',
    async run(t) {
      const other = t.need(t.secondKey, M.noSecondKey());
      const { waybillNo } = await createShipment(t);
      // "As if the waybill did not exist": the answer to another platform must be the answer to an unknown waybill
      // (whether that answer is right is ECDX-SHP-008's question).
      const unknown = await t.http.get(shipmentPath(unknownWaybillNo()), { sign: other });
      t.precondition(unknown.status !== 401, M.secondKeyRefused({ keyid: other.keyid }));
      const read = await t.http.get(shipmentPath(waybillNo), { sign: other });
      const same =
        read.status === unknown.status && (read.json as { type?: string } | undefined)?.type === (unknown.json as { type?: string } | undefined)?.type;
      t.assert(read.status >= 400 && same, M.answeredAsUnknown({ waybillNo, keyid: other.keyid, unknown: unknown.status, status: read.status }));
    },
  }),
  defineCheck({
    id: 'privacy/undefined-members-refused',
    requirements: ['ECDX-PRV-010'],
    title: 'Shipping data with members the standard does not define is refused',
    description:
      "Sends three otherwise valid requests carrying a member ECDX does not define — the buyer's identity number " +
      "at the top, a birth date in the recipient, coordinates in the recipient's address — and expects each refused " +
      'with 422 `validation-failed` naming that member, rather than stored or silently dropped.',
    async run(t) {
      await expectSchemaRefusal(t, shipmentRequest(t, { buyerIdNumber: '11010519491231002X' }), '/buyerIdNumber', M.withBuyerIdNumber());
      await expectSchemaRefusal(
        t,
        withRecipient(t, (r) => {
          r['birthDate'] = '1990-01-01';
        }),
        '/recipient/birthDate',
        M.withMember({ member: 'recipient.birthDate' }),
      );
      await expectSchemaRefusal(
        t,
        withRecipient(t, (r) => {
          r['address'] = { ...(r['address'] as object), gpsCoordinates: '39.9834,116.3160' };
        }),
        '/recipient/address/gpsCoordinates',
        M.withMember({ member: 'recipient.address.gpsCoordinates' }),
      );
    },
  }),
  defineCheck({
    id: 'privacy/purpose-is-delivery',
    requirements: ['ECDX-PRV-012'],
    title: 'Shipping data for any purpose but delivery is refused',
    description:
      'Sends otherwise valid requests with `purpose` `MARKETING` and `delivery` (lower case) and expects each refused with 422 `validation-failed` naming `/purpose`.',
    async run(t) {
      for (const purpose of ['MARKETING', 'delivery']) {
        await expectSchemaRefusal(t, shipmentRequest(t, { purpose }), '/purpose', M.withPurpose({ purpose }));
      }
    },
  }),
  defineCheck({
    id: 'privacy/location-without-personal-data',
    requirements: ['ECDX-PRV-016'],
    role: 'carrier',
    title: 'The Location of a new shipment carries no personal data',
    description:
      'Creates a shipment and scans the `Location` header of the 201 answer (percent-decoded, the waybill number ' +
      'left out) for unmasked mobile and resident identity numbers and for the names, telephone numbers, privacy ' +
      'number, company and address details the request carried.',
    async run(t) {
      const { location, request, waybillNo } = await createShipment(t);
      const url = t.need(location || undefined, M.noShipmentLocation());
      expectUrlWithoutPersonalData(t, url, { what: M.shipmentLocation(), identifiers: [waybillNo], personal: personalDataOf(request) });
    },
  }),
  defineCheck({
    id: 'privacy/notice-location-without-personal-data',
    requirements: ['ECDX-PRV-016'],
    role: 'platform',
    title: 'The Location of a notice the platform received carries no personal data',
    description:
      'Posts a valid interruption notice whose mitigation names a contact person with a mobile number ' +
      `(${CONTACT.name}, ${CONTACT.mobile}) and scans the \`Location\` header of the 201 answer (percent-decoded, the ` +
      'noticeId the harness chose left out) for unmasked mobile and resident identity numbers and for the name and ' +
      'number the notice carried: a URL is logged, cached and forwarded where a body is not. A platform claims no ' +
      'other creating request whose answer names a URL.',
    async run(t) {
      if (!claimsClass(t, 'notices')) t.notApplicable(M.noNoticesClass());
      const notice = buildNotice(t);
      notice.impact.mitigation = `维护期间请联系值班经理${CONTACT.name}，手机${CONTACT.mobile}`;
      const response = await postNotice(t, notice);
      t.precondition(response.status === 201, M.noticeNot201({ path: NOTICES_PATH, status: response.status, problem: problemSummaryText(response) }));
      const url = t.need(response.headers['location'] || undefined, M.noNoticeLocation());
      const personal: Personal[] = [
        { pointer: '/impact/mitigation', kind: 'name', value: CONTACT.name },
        { pointer: '/impact/mitigation', kind: 'phone', value: CONTACT.mobile },
      ];
      expectUrlWithoutPersonalData(t, url, { what: M.noticeLocation(), identifiers: [notice.noticeId], personal });
    },
  }),
];

type Personal = Pick<PersonalDatum, 'pointer' | 'kind' | 'value'>;

/** A kind of personal datum as a message names it: its name in English, its Chinese term. */

/**
 * No personal data in a URL the target issued (ECDX-PRV-016): percent-decoded, the identifiers the harness chose
 * left out, it holds no unmasked mobile or resident identity number and none of `personal`; a telephone or postal
 * number also counts when written with other separators (a run of digits in the URL that holds it). Only a URL found
 * clean is quoted: one that leaks is named by `what`, its finding masked.
 */
function expectUrlWithoutPersonalData(
  t: TestContext,
  url: string,
  { what, identifiers, personal }: { what: Bilingual; identifiers: string[]; personal: Personal[] },
): void {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // a malformed escape: scan the URL as received
  }
  const scanned = identifiers.reduce((text, id) => text.split(id).join(' '), decoded);
  t.expectNoLeaks(scanned, what);
  const runs = scanned.match(/\d+/g) ?? [];
  const numeric = new Set(['phone', 'privacy-number', 'postal-code']);
  const found = personal.filter(({ kind, value }) => {
    const digits = value.replace(/\D/g, '');
    return scanned.includes(value) || (numeric.has(kind) && digits.length >= 6 && runs.some((run) => run.includes(digits)));
  });
  t.assert(
    found.length === 0,
    found.length
      ? M.carriesPersonalData({ what, found: joinTexts(found.map((f) => M.foundAt({ kind: personalDatumKind(f.kind), pointer: f.pointer }))) })
      : M.carriesNone({ what, url }),
    found[0] ? { pointer: found[0].pointer } : {},
  );
}
