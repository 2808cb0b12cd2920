// The privacy rules on shipping data (chapter Privacy): minimisation (ECDX-PRV-010), purpose limitation
// (ECDX-PRV-012), no personal data in the Location of a new shipment (ECDX-PRV-016), consent records (ECDX-CON-002,
// -003) and cross-border transfers (ECDX-CON-004, -005).
//
// The bodies that break the schema for a privacy rule (an undefined member, another purpose, a recipient abroad
// without cross-border details) are also refused by a carrier that simply validates the schema. When one is
// accepted, the check sends a control — a body with an unknown service level — and, if that is accepted too,
// names ECDX-SHP-003 (the target validates nothing) instead of its own rule.
import { defineCheck } from '../harness/check.ts';
import type { TestContext } from '../harness/context.ts';
import { scanForLeaks } from '../harness/privacy-scan.ts';
import {
  consentRecord,
  createShipment,
  crossBorderShipmentRequest,
  orderId,
  personalDataOf,
  postShipment,
  shipmentPath,
  shipmentRequest,
  unknownWaybillNo,
  type ShipmentBody,
} from './support/shipping-data.ts';
import { timestamp } from './support/requests.ts';
import { blameMissingValidation, expectRefusalNaming, summary } from './shipping-expect.ts';

const DAY_MS = 86_400_000;

/** Send a body the schema refuses for a privacy rule; expect 422 validation-failed naming `pointer`. */
async function expectSchemaRefusal(t: TestContext, body: ShipmentBody, pointer: string, requirementId: string, what: string): Promise<void> {
  const response = await postShipment(t, body);
  const label = `POST /v1/shipments ${what}`;
  await blameMissingValidation(t, response, label);
  expectRefusalNaming(t, response, { status: 422, slug: 'validation-failed', requirementId, pointers: [pointer], what: label });
}

const withRecipient = (t: TestContext, change: (recipient: Record<string, unknown>) => void): ShipmentBody => {
  const body = shipmentRequest(t);
  const recipient = structuredClone(body['recipient']) as Record<string, unknown>;
  change(recipient);
  return { ...body, recipient };
};

export const shippingPrivacyChecks = [
  defineCheck({
    id: 'privacy/shipment-only-for-its-platform',
    requirements: ['ECDX-PRV-008'],
    class: 'privacy',
    role: 'carrier',
    title: 'A shipment is shown only to the platform whose shipping data created it',
    description:
      'Creates a shipment, then reads it signed with a second client identity of the counterparty (another keyid) ' +
      'and expects 404 `not-found`, exactly as for a waybill that does not exist.',
    async run(t) {
      const other = t.need(t.secondKey, 'the harness has no second client key to play another platform with');
      const { waybillNo } = await createShipment(t);
      // "As if the waybill did not exist": the answer to another platform must be the answer to an unknown waybill
      // (whether that answer is right is ECDX-SHP-008's question).
      const unknown = await t.http.get(shipmentPath(unknownWaybillNo()), { sign: other });
      t.precondition(unknown.status !== 401, `the target does not accept the second key ${other.keyid} (401), so it cannot play another platform`);
      const read = await t.http.get(shipmentPath(waybillNo), { sign: other });
      const same = read.status === unknown.status && (read.json as { type?: string } | undefined)?.type === (unknown.json as { type?: string } | undefined)?.type;
      t.assert(
        read.status >= 400 && same,
        `GET /v1/shipments/${waybillNo} signed by another platform (${other.keyid}) is answered as an unknown waybill (HTTP ${unknown.status}); got HTTP ${read.status}`,
        { requirementId: 'ECDX-PRV-008' },
      );
    },
  }),
  defineCheck({
    id: 'privacy/undefined-members-refused',
    requirements: ['ECDX-PRV-010'],
    class: 'privacy',
    role: 'carrier',
    title: 'Shipping data with members the standard does not define is refused',
    description:
      'Sends three otherwise valid requests carrying a member ECDX does not define — the buyer\'s identity number ' +
      'at the top, a birth date in the recipient, coordinates in the recipient\'s address — and expects each refused ' +
      'with 422 `validation-failed` naming that member, rather than stored or silently dropped.',
    async run(t) {
      await expectSchemaRefusal(t, shipmentRequest(t, { buyerIdNumber: '11010519491231002X' }), '/buyerIdNumber', 'ECDX-PRV-010', 'with a buyerIdNumber member');
      await expectSchemaRefusal(t, withRecipient(t, (r) => { r['birthDate'] = '1990-01-01'; }), '/recipient/birthDate', 'ECDX-PRV-010', 'with recipient.birthDate');
      await expectSchemaRefusal(
        t,
        withRecipient(t, (r) => { r['address'] = { ...(r['address'] as object), gpsCoordinates: '39.9834,116.3160' }; }),
        '/recipient/address/gpsCoordinates',
        'ECDX-PRV-010',
        'with recipient.address.gpsCoordinates',
      );
    },
  }),
  defineCheck({
    id: 'privacy/purpose-is-delivery',
    requirements: ['ECDX-PRV-012'],
    class: 'privacy',
    role: 'carrier',
    title: 'Shipping data for any purpose but delivery is refused',
    description: 'Sends otherwise valid requests with `purpose` `MARKETING` and `delivery` (lower case) and expects each refused with 422 `validation-failed` naming `/purpose`.',
    async run(t) {
      for (const purpose of ['MARKETING', 'delivery']) {
        await expectSchemaRefusal(t, shipmentRequest(t, { purpose }), '/purpose', 'ECDX-PRV-012', `with purpose ${purpose}`);
      }
    },
  }),
  defineCheck({
    id: 'privacy/location-without-personal-data',
    requirements: ['ECDX-PRV-016'],
    class: 'privacy',
    role: 'carrier',
    title: 'The Location of a new shipment carries no personal data',
    description:
      'Creates a shipment and scans the `Location` header of the 201 answer (percent-decoded, the waybill number ' +
      'left out) for unmasked mobile and resident identity numbers and for the names, telephone numbers, privacy ' +
      'number, company and address details the request carried.',
    async run(t) {
      const { location, request, waybillNo } = await createShipment(t);
      if (location === undefined || location === '') {
        t.assert(true, 'the 201 answer carries no Location header (ECDX-SHP-001\'s concern), so no URL to scan');
        return;
      }
      let decoded = location;
      try {
        decoded = decodeURIComponent(location);
      } catch {
        // a malformed escape: scan the header as received
      }
      const scanned = decoded.split(waybillNo).join(' ');
      t.expectNoLeaks(scanned, `the Location header (${location})`, 'ECDX-PRV-016');
      // Numbers also count when written with other separators: a run of digits in the URL that holds them.
      const runs = scanned.match(/\d+/g) ?? [];
      const numeric = new Set(['phone', 'privacy-number', 'postal-code']);
      const found = personalDataOf(request).filter(({ kind, value }) => {
        const digits = value.replace(/\D/g, '');
        return scanned.includes(value) || (numeric.has(kind) && digits.length >= 6 && runs.some((run) => run.includes(digits)));
      });
      t.assert(
        found.length === 0,
        found.length ? `the Location header (${location}) carries personal data from the request: ${found.map((f) => f.pointer).join(', ')}` : 'the Location header carries none of the personal data sent',
        found[0] ? { pointer: found[0].pointer } : {},
      );
    },
  }),
  defineCheck({
    id: 'consent/lapsed-consent-refused',
    requirements: ['ECDX-CON-002'],
    class: 'privacy',
    role: 'carrier',
    title: 'Shipping data with a lapsed consent record is refused',
    description:
      'Sends valid requests carrying a current consent record and, second, one that is withdrawn, one that has ' +
      'expired, and one whose `expiresAt` is not later than its `grantedAt`; expects each refused with 422 ' +
      '`validation-failed` pointing at `/consents/1`.',
    async run(t) {
      const now = t.targetNow();
      const lapsed: [string, Record<string, unknown>][] = [
        ['a withdrawn consent record', { withdrawnAt: timestamp(now - 3_600_000) }],
        ['an expired consent record', { grantedAt: timestamp(now - 400 * DAY_MS), expiresAt: timestamp(now - DAY_MS) }],
        ['a consent record that expires before it was granted', { grantedAt: timestamp(now + 2 * DAY_MS), expiresAt: timestamp(now + DAY_MS) }],
      ];
      for (const [what, change] of lapsed) {
        const body = shipmentRequest(t, { consents: [consentRecord(t), consentRecord(t, { purpose: 'ANALYTICS', ...change })] });
        const response = await postShipment(t, body);
        expectRefusalNaming(t, response, { status: 422, slug: 'validation-failed', requirementId: 'ECDX-CON-002', pointers: ['/consents/1'], what: `POST /v1/shipments with ${what}` });
      }
    },
  }),
  defineCheck({
    id: 'consent/not-a-condition',
    requirements: ['ECDX-CON-003'],
    class: 'privacy',
    role: 'carrier',
    title: 'Consent is not a condition of delivery',
    description:
      'Sends a valid request with a consent record for a value-added use, then a second parcel of the same order ' +
      'without any consent record, and expects the second accepted (201) just as the first.',
    async run(t) {
      const order = orderId();
      await createShipment(t, { platformOrderId: order, consents: [consentRecord(t)] });
      const response = await postShipment(t, shipmentRequest(t, { platformOrderId: order }));
      t.assert(response.status === 201, `POST /v1/shipments for order ${order} without consent records, after one with them: expected HTTP 201, got ${response.status}${summary(response)}`);
    },
  }),
  defineCheck({
    id: 'consent/cross-border-needs-legal-basis',
    requirements: ['ECDX-CON-004'],
    class: 'privacy',
    role: 'carrier',
    title: 'Shipping data to a recipient abroad needs a legal basis',
    description:
      'Sends otherwise valid requests to a recipient in Hong Kong and in the United States without `crossBorder` and ' +
      'expects each refused with 422 `validation-failed` naming `/crossBorder`.',
    async run(t) {
      const toHongKong = crossBorderShipmentRequest(t, { crossBorder: undefined, consents: undefined });
      await expectSchemaRefusal(t, toHongKong, '/crossBorder', 'ECDX-CON-004', 'to a recipient in Hong Kong without crossBorder');
      const toUs = shipmentRequest(t, {
        recipient: { name: 'Alice Chen', phone: '+14155550123', address: { countryCode: 'US', province: 'CA', city: 'San Francisco', detail: '1 Market St, Suite 300', postalCode: '94105' } },
      });
      await expectSchemaRefusal(t, toUs, '/crossBorder', 'ECDX-CON-004', 'to a recipient in the United States without crossBorder');
    },
  }),
  defineCheck({
    id: 'consent/separate-consent-referenced',
    requirements: ['ECDX-CON-005'],
    class: 'privacy',
    role: 'carrier',
    title: 'A separate consent for a transfer abroad must be in the request',
    description:
      'Sends requests to a recipient in Hong Kong whose `crossBorder.separateConsentId` names no consent record of ' +
      'the request, and one that names a record whose purpose is not `CROSS_BORDER_TRANSFER`; expects each refused ' +
      'with 422 `validation-failed` naming `/crossBorder/separateConsentId`.',
    async run(t) {
      const base = crossBorderShipmentRequest(t);
      const crossBorder = base['crossBorder'] as Record<string, unknown>;
      const cases: [string, ShipmentBody][] = [
        ['naming a consent record that is not in the request', { ...base, crossBorder: { ...crossBorder, separateConsentId: `ecdx-cns-absent-${orderId('')}` } }],
        ['naming a MARKETING consent record', { ...base, consents: [consentRecord(t, { consentId: crossBorder['separateConsentId'], purpose: 'MARKETING' })] }],
      ];
      for (const [what, body] of cases) {
        const response = await postShipment(t, body);
        expectRefusalNaming(t, response, {
          status: 422,
          slug: 'validation-failed',
          requirementId: 'ECDX-CON-005',
          pointers: ['/crossBorder/separateConsentId'],
          what: `POST /v1/shipments with crossBorder.separateConsentId ${what}`,
        });
      }
    },
  }),
];
