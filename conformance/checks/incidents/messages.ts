// What the security incident checks say about a target, in both languages (decision 0062). `{what}` is the
// notification sent, as the messages name it ("a valid notification").
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('incidents', {
  // --- what was sent ---
  sentWith: { en: 'POST /v1/security-incidents with {what}', 'zh-Hans': 'POST /v1/security-incidents（{what}）' },
  unsignedPost: { en: 'unsigned POST /v1/security-incidents', 'zh-Hans': '未签名的 POST /v1/security-incidents' },
  signedWithOtherKey: {
    en: 'POST /v1/security-incidents signed under keyid {keyid} with another key',
    'zh-Hans': 'POST /v1/security-incidents（以 keyid {keyid} 的名义、用另一密钥签名）',
  },
  validNotification: { en: 'a valid notification', 'zh-Hans': '有效通报' },
  firstNotification: { en: 'the first notification', 'zh-Hans': '第一次通报' },
  updateOf: { en: 'an update of the incident {incidentId}', 'zh-Hans': '事件 {incidentId} 的更新通报' },
  noMeasuresTaken: { en: 'no measuresTaken', 'zh-Hans': '不带 measuresTaken' },
  emptyMeasuresTaken: { en: 'an empty measuresTaken', 'zh-Hans': 'measuresTaken 为空' },
  noContact: { en: 'no contact', 'zh-Hans': '不带 contact' },
  occurredAfterDetected: { en: 'occurredAt a minute after detectedAt', 'zh-Hans': 'occurredAt 比 detectedAt 晚一分钟' },
  reportedBeforeDetected: { en: 'reportedAt a minute before detectedAt', 'zh-Hans': 'reportedAt 比 detectedAt 早一分钟' },
  detectedDaysAgo: { en: 'a notification detected 3 days ago', 'zh-Hans': '3 天前发现的事件的通报' },
  planNotStarted: { en: 'a notification whose emergency plan was not started', 'zh-Hans': '应急预案尚未启动的通报' },
  largerNoAuthority: { en: 'a LARGER notification with no authority notified', 'zh-Hans': '分级为 LARGER 且未向任何主管部门报告的通报' },
  // --- what is expected ---
  expected201: {
    en: 'POST /v1/security-incidents with {what}: expected HTTP 201, got {status}{problem}',
    'zh-Hans': 'POST /v1/security-incidents（{what}）：应为 HTTP 201，实际为 {status}{problem}',
  },
  answerTo: {
    en: 'the answer to POST /v1/security-incidents with {what}',
    'zh-Hans': '对 POST /v1/security-incidents（{what}）的应答',
  },
  receiptNamesIncident: {
    en: 'the receipt names the incident {incidentId} (got {got})',
    'zh-Hans': '回执指明事件 {incidentId}（实际为 {got}）',
  },
  receivedAtWithin: {
    en: "the receipt's receivedAt {receivedAt} lies within 30 s of the time of receipt ({sent}; off by {off})",
    'zh-Hans': '回执的 receivedAt {receivedAt} 与接收时间（{sent}）相差不超过 30 秒（相差 {off}）',
  },
  unsignedGetAccepted: {
    en: 'an unsigned GET {path} was answered {status}, not 401: the target takes unsigned requests everywhere (ECDX-SEC-002)',
    'zh-Hans': '未签名的 GET {path} 的应答为 {status}，而非 401：被测实现在所有地方都接受未签名的请求（ECDX-SEC-002）',
  },
  keyNotAccepted: {
    en: "a correctly signed GET was refused with 401: the target does not accept the harness's key",
    'zh-Hans': '正确签名的 GET 被以 401 拒绝：被测实现不接受一致性测试套件的密钥',
  },
  ownSignatureUnreadable: {
    en: 'the harness could not read back its own signature parameters',
    'zh-Hans': '一致性测试套件无法读回其自身的签名参数',
  },
  forgedAccepted: {
    en: 'a GET whose signature does not verify was answered {status}, not 401: the target does not verify signatures (ECDX-SEC-008)',
    'zh-Hans': '签名无法验证的 GET 的应答为 {status}，而非 401：被测实现不验证签名（ECDX-SEC-008）',
  },
  validNot201: {
    en: 'POST /v1/security-incidents with a valid notification was answered {status}, not 201 (ECDX-INC-006)',
    'zh-Hans': 'POST /v1/security-incidents（有效通报）的应答为 {status}，而非 201（ECDX-INC-006）',
  },
  updateNotEarlier: {
    en: "the update's receipt ({update}) is not earlier than the first ({first})",
    'zh-Hans': '更新通报的回执（{update}）不早于第一次通报的回执（{first}）',
  },
});
