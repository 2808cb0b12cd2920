// What the consent checks say about a target, in both languages (decision 0062). `{record}` is a consent record as
// the messages name it, `{naming}` what a crossBorder.separateConsentId names; order ids and statuses are values.
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('consent', {
  // --- a lapsed consent (ECDX-CON-002) ---
  withRecord: { en: 'POST /v1/shipments with {record}', 'zh-Hans': 'POST /v1/shipments（带{record}）' },
  withdrawnRecord: { en: 'a withdrawn consent record', 'zh-Hans': '已撤回的同意记录' },
  expiredRecord: { en: 'an expired consent record', 'zh-Hans': '已过期的同意记录' },
  expiresBeforeGranted: { en: 'a consent record that expires before it was granted', 'zh-Hans': '过期时间早于授予时间的同意记录' },
  // --- consent is not a condition (ECDX-CON-003) ---
  withoutConsentNot201: {
    en: 'POST /v1/shipments for order {order} without consent records, after one with them: expected HTTP 201, got {status}{problem}',
    'zh-Hans': '在带同意记录的请求之后，订单 {order} 不带同意记录的 POST /v1/shipments：应为 HTTP 201，实际为 {status}{problem}',
  },
  // --- a transfer abroad (ECDX-CON-004, -005); the kit puts "POST /v1/shipments" before these ---
  toHongKongWithoutCrossBorder: {
    en: 'to a recipient in Hong Kong without crossBorder',
    'zh-Hans': '（收件人在香港，不带 crossBorder）',
  },
  toUsWithoutCrossBorder: {
    en: 'to a recipient in the United States without crossBorder',
    'zh-Hans': '（收件人在美国，不带 crossBorder）',
  },
  withSeparateConsentId: {
    en: 'POST /v1/shipments with crossBorder.separateConsentId {naming}',
    'zh-Hans': 'POST /v1/shipments（crossBorder.separateConsentId {naming}）',
  },
  namingAbsentRecord: { en: 'naming a consent record that is not in the request', 'zh-Hans': '指向请求中没有的同意记录' },
  namingMarketingRecord: { en: 'naming a MARKETING consent record', 'zh-Hans': '指向用途为 MARKETING 的同意记录' },
});
