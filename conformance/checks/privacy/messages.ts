// What the privacy checks say about a target, in both languages (decision 0062). `{what}` is the URL scanned, as
// the messages name it ("the Location header of the new shipment").
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('privacy', {
  // --- a shipment for its platform only (ECDX-PRV-008) ---
  noSecondKey: {
    en: 'the harness has no second client key to play another platform with',
    'zh-Hans': '一致性测试套件没有用以扮演另一平台的第二个客户端密钥',
  },
  secondKeyRefused: {
    en: 'the target does not accept the second key {keyid} (401), so it cannot play another platform',
    'zh-Hans': '被测实现不接受第二个密钥 {keyid}（401），因此无法以其扮演另一平台',
  },
  answeredAsUnknown: {
    en: 'GET /v1/shipments/{waybillNo} signed by another platform ({keyid}) is answered as an unknown waybill (HTTP {unknown}); got HTTP {status}',
    'zh-Hans': '由另一平台（{keyid}）签名的 GET /v1/shipments/{waybillNo} 按未知运单号应答（HTTP {unknown}）；实际为 HTTP {status}',
  },
  // --- members the standard does not define, purposes but delivery (ECDX-PRV-010, -012): what POST /v1/shipments carried ---
  withBuyerIdNumber: { en: 'with a buyerIdNumber member', 'zh-Hans': '带 buyerIdNumber 成员' },
  withMember: { en: 'with {member}', 'zh-Hans': '带 {member}' },
  withPurpose: { en: 'with purpose {purpose}', 'zh-Hans': '带 purpose {purpose}' },
  // --- the Location of a new resource (ECDX-PRV-016) ---
  shipmentLocation: { en: 'the Location header of the new shipment', 'zh-Hans': '新快件的 Location 头' },
  noticeLocation: { en: 'the Location header of the received notice', 'zh-Hans': '所收中断通知的 Location 头' },
  noShipmentLocation: {
    en: "the 201 answer carries no Location header (ECDX-SHP-001's concern), so there is no URL to scan",
    'zh-Hans': '201 应答不带 Location 头（属于 ECDX-SHP-001 的范围），因此没有可扫描的 URL',
  },
  noNoticeLocation: {
    en: "the 201 answer carries no Location header (ECDX-NTC-003's concern), so there is no URL to scan",
    'zh-Hans': '201 应答不带 Location 头（属于 ECDX-NTC-003 的范围），因此没有可扫描的 URL',
  },
  noNoticesClass: {
    en: 'the platform does not claim the notices class, the only one whose creating answer carries a Location header',
    'zh-Hans': '该平台未声明 notices 一致性类别，而只有该类别的创建类应答带有 Location 头',
  },
  noticeNot201: {
    en: 'POST {path} with a valid notice was answered {status}{problem}, not 201 (ECDX-NTC-003), so there is no Location to scan',
    'zh-Hans': '带有效中断通知的 POST {path} 的应答为 {status}{problem}，而非 201（ECDX-NTC-003），因此没有可扫描的 Location',
  },
  carriesPersonalData: {
    en: '{what} carries personal data the harness sent: {found}',
    'zh-Hans': '{what}含有一致性测试套件发送的个人信息：{found}',
  },
  foundAt: { en: 'the {kind} at {pointer}', 'zh-Hans': '{pointer} 处的{kind}' },
  carriesNone: {
    en: '{what} ({url}) carries none of the personal data sent',
    'zh-Hans': '{what}（{url}）不含任何已发送的个人信息',
  },
  // --- the kinds of personal data (PersonalDatum.kind, shown as it is in English) ---
});
