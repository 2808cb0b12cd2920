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
import { problemSummaryText } from '../../kit/refusals.ts';
import { expectRefusalNaming, expectSchemaRefusal } from '../../kit/shipping-refusals.ts';
import { DAY, HOUR, timestamp } from '../../kit/time.ts';
import type { Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';

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
      const lapsed: [Bilingual, Record<string, unknown>][] = [
        [M.withdrawnRecord(), { withdrawnAt: timestamp(now - HOUR) }],
        [M.expiredRecord(), { grantedAt: timestamp(now - 400 * DAY), expiresAt: timestamp(now - DAY) }],
        [M.expiresBeforeGranted(), { grantedAt: timestamp(now + 2 * DAY), expiresAt: timestamp(now + DAY) }],
      ];
      for (const [record, change] of lapsed) {
        const body = shipmentRequest(t, { consents: [consentRecord(t), consentRecord(t, { purpose: 'ANALYTICS', ...change })] });
        const response = await postShipment(t, body);
        expectRefusalNaming(t, response, { status: 422, slug: 'validation-failed', pointers: ['/consents/1'], what: M.withRecord({ record }) });
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
      t.assert(response.status === 201, M.withoutConsentNot201({ order, status: response.status, problem: problemSummaryText(response) }));
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
      await expectSchemaRefusal(t, toHongKong, '/crossBorder', M.toHongKongWithoutCrossBorder());
      const toUs = shipmentRequest(t, {
        recipient: {
          name: 'Alice Chen',
          phone: '+14155550123',
          address: { countryCode: 'US', province: 'CA', city: 'San Francisco', detail: '1 Market St, Suite 300', postalCode: '94105' },
        },
      });
      await expectSchemaRefusal(t, toUs, '/crossBorder', M.toUsWithoutCrossBorder());
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
      const cases: [Bilingual, ShipmentBody][] = [
        [M.namingAbsentRecord(), { ...base, crossBorder: { ...crossBorder, separateConsentId: `ecdx-cns-absent-${orderId('')}` } }],
        [M.namingMarketingRecord(), { ...base, consents: [consentRecord(t, { consentId: crossBorder['separateConsentId'], purpose: 'MARKETING' })] }],
      ];
      for (const [naming, body] of cases) {
        const response = await postShipment(t, body);
        expectRefusalNaming(t, response, {
          status: 422,
          slug: 'validation-failed',
          pointers: ['/crossBorder/separateConsentId'],
          what: M.withSeparateConsentId({ naming }),
        });
      }
    },
  }),
];
