// Consent records on shipping data (chapter Privacy §3): a lapsed consent is refused, consent is never a condition of
// delivery, and a cross-border transfer needs a legal basis and, where it rests on consent, a separate consent
// record the request references (ECDX-CON-002 … -005).
import { defineCheck } from '../../harness/check.ts';
import {
  consentRecord,
  createShipment,
  crossBorderShipmentRequest,
  orderId,
  postShipment,
  shipmentRequest,
  type ShipmentBody,
} from '../../kit/shipping-data.ts';
import { problemSummary } from '../../kit/refusals.ts';
import { expectRefusalNaming, expectSchemaRefusal } from '../../kit/shipping-refusals.ts';
import { DAY, HOUR, timestamp } from '../../kit/time.ts';

export const consentChecks = [
  defineCheck({
    id: 'consent/lapsed-consent-refused',
    requirements: ['ECDX-CON-002'],
    title: 'Shipping data with a lapsed consent record is refused',
    description:
      'Sends valid requests carrying a current consent record and, second, one that is withdrawn, one that has ' +
      'expired, and one whose `expiresAt` is not later than its `grantedAt`; expects each refused with 422 ' +
      '`validation-failed` pointing at `/consents/1`.',
    async run(t) {
      const now = t.targetNow();
      const lapsed: [string, Record<string, unknown>][] = [
        ['a withdrawn consent record', { withdrawnAt: timestamp(now - HOUR) }],
        ['an expired consent record', { grantedAt: timestamp(now - 400 * DAY), expiresAt: timestamp(now - DAY) }],
        ['a consent record that expires before it was granted', { grantedAt: timestamp(now + 2 * DAY), expiresAt: timestamp(now + DAY) }],
      ];
      for (const [what, change] of lapsed) {
        const body = shipmentRequest(t, { consents: [consentRecord(t), consentRecord(t, { purpose: 'ANALYTICS', ...change })] });
        const response = await postShipment(t, body);
        expectRefusalNaming(t, response, { status: 422, slug: 'validation-failed', pointers: ['/consents/1'], what: `POST /v1/shipments with ${what}` });
      }
    },
  }),
  defineCheck({
    id: 'consent/not-a-condition',
    requirements: ['ECDX-CON-003'],
    title: 'Consent is not a condition of delivery',
    description:
      'Sends a valid request with a consent record for a value-added use, then a second parcel of the same order ' +
      'without any consent record, and expects the second accepted (201) just as the first.',
    async run(t) {
      const order = orderId();
      await createShipment(t, { platformOrderId: order, consents: [consentRecord(t)] });
      const response = await postShipment(t, shipmentRequest(t, { platformOrderId: order }));
      t.assert(
        response.status === 201,
        `POST /v1/shipments for order ${order} without consent records, after one with them: expected HTTP 201, got ${response.status}${problemSummary(response)}`,
      );
    },
  }),
  defineCheck({
    id: 'consent/cross-border-needs-legal-basis',
    requirements: ['ECDX-CON-004'],
    title: 'Shipping data to a recipient abroad needs a legal basis',
    description:
      'Sends otherwise valid requests to a recipient in Hong Kong and in the United States without `crossBorder` and ' +
      'expects each refused with 422 `validation-failed` naming `/crossBorder`.',
    async run(t) {
      const toHongKong = crossBorderShipmentRequest(t, { crossBorder: undefined, consents: undefined });
      await expectSchemaRefusal(t, toHongKong, '/crossBorder', 'to a recipient in Hong Kong without crossBorder');
      const toUs = shipmentRequest(t, {
        recipient: {
          name: 'Alice Chen',
          phone: '+14155550123',
          address: { countryCode: 'US', province: 'CA', city: 'San Francisco', detail: '1 Market St, Suite 300', postalCode: '94105' },
        },
      });
      await expectSchemaRefusal(t, toUs, '/crossBorder', 'to a recipient in the United States without crossBorder');
    },
  }),
  defineCheck({
    id: 'consent/separate-consent-referenced',
    requirements: ['ECDX-CON-005'],
    title: 'A separate consent for a transfer abroad must be in the request',
    description:
      'Sends requests to a recipient in Hong Kong whose `crossBorder.separateConsentId` names no consent record of ' +
      'the request, and one that names a record whose purpose is not `CROSS_BORDER_TRANSFER`; expects each refused ' +
      'with 422 `validation-failed` naming `/crossBorder/separateConsentId`.',
    async run(t) {
      const base = crossBorderShipmentRequest(t);
      const crossBorder = base['crossBorder'] as Record<string, unknown>;
      const cases: [string, ShipmentBody][] = [
        [
          'naming a consent record that is not in the request',
          { ...base, crossBorder: { ...crossBorder, separateConsentId: `ecdx-cns-absent-${orderId('')}` } },
        ],
        ['naming a MARKETING consent record', { ...base, consents: [consentRecord(t, { consentId: crossBorder['separateConsentId'], purpose: 'MARKETING' })] }],
      ];
      for (const [what, body] of cases) {
        const response = await postShipment(t, body);
        expectRefusalNaming(t, response, {
          status: 422,
          slug: 'validation-failed',
          pointers: ['/crossBorder/separateConsentId'],
          what: `POST /v1/shipments with crossBorder.separateConsentId ${what}`,
        });
      }
    },
  }),
];
