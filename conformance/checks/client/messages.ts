// What the client checks say about a target acting as a client, in both languages (decision 0062). `{request}` is
// what the target was to send (`POST /v1/shipments`); requests, keys and actions are shown as they are.
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('client', {
  // --- pieces ---
  missingActions: { en: ' (missing: {actions})', 'zh-Hans': '（缺少：{actions}）' },
  differsAt: { en: ' (differs at {pointer})', 'zh-Hans': '（在 {pointer} 处不同）' },
  answerToActions: { en: 'the answer to POST /v1/test/actions', 'zh-Hans': '对 POST /v1/test/actions 的答复' },
  issuersCopy: { en: "the issuer's copy", 'zh-Hans': '发出方的副本' },
  // --- requests.ts ---
  listsEveryAction: {
    en: 'the claim lists every test action of a {role} in testActions{missing}',
    'zh-Hans': '一致性声明在 testActions 中列出{role}的每一测试动作{missing}',
  },
  outcomeNamesAction: { en: 'the outcome names the action performed (got {action})', 'zh-Hans': '结果指明所执行的动作（实际为 {action}）' },
  outcomeCountsRequests: {
    en: 'the outcome says {n} {n:request|requests} were sent; the harness received {received}',
    'zh-Hans': '结果称已发送 {n} 个请求；一致性测试套件收到 {received} 个',
  },
  sentSigned: {
    en: 'the target sent {n} requests that must be signed, through {actions}',
    'zh-Hans': '被测实现通过 {actions} 发送了 {n} 个须签名的请求',
  },
  allSigned: {
    en: 'all {n} requests carry a signature the reference verifier accepts',
    'zh-Hans': '全部 {n} 个请求都带有参考验证器接受的请求签名',
  },
  keysPerRequest: {
    en: 'the {n} creating requests carry keys, a new one for each new request',
    'zh-Hans': '{n} 个创建类请求都带有幂等键，每个新请求用新的幂等键',
  },
  noKeyToJudge: {
    en: 'the creating requests carried no Idempotency-Key to judge (ECDX-IDM-001)',
    'zh-Hans': '创建类请求未带可供评判的 Idempotency-Key（ECDX-IDM-001）',
  },
  keysLookRandom: {
    en: 'the {n} keys show nothing that random keys would not',
    'zh-Hans': '这 {n} 个幂等键未显示出随机键不会有的任何特征',
  },
  noRetry: {
    en: 'the target did not send {request} again after the 409: no retry to judge',
    'zh-Hans': '被测实现在 409 之后未再次发送 {request}：没有可评判的重试',
  },
  retriesKeepKey: {
    en: '{n} {n:repeat|repeats} carry the key and body of the first request',
    'zh-Hans': '{n} 次重发都带有第一个请求的幂等键和请求体',
  },
  noWait: {
    en: 'the target did not send {request} again after the 429: no wait to judge',
    'zh-Hans': '被测实现在 429 之后未再次发送 {request}：没有可评判的等待',
  },
  retriesWaited: {
    en: 'each of {n} {n:repeat|repeats} came after the Retry-After of the answer before it',
    'zh-Hans': '{n} 次重发均在前一答复的 Retry-After 所示时间之后到来',
  },
  // --- data.ts ---
  shippingDataMinimal: {
    en: 'the shipping data holds only what ShipmentRequest defines, and no identity number',
    'zh-Hans': '寄递数据只含 ShipmentRequest 定义的内容，且不含身份证件号码',
  },
  followedEveryCursor: {
    en: 'the platform read {n} pages and followed every cursor to the last page',
    'zh-Hans': '平台读取了 {n} 页，并沿每个游标一直读到最后一页',
  },
  subscriptionAnswered: {
    en: 'the subscription was answered {status}, not 201: no push can follow',
    'zh-Hans': '订阅的答复为 {status}，不是 201：无法继续推送',
  },
  pushAnswered: {
    en: 'the platform answered the push {status}, not 2xx: it did not take the gap in',
    'zh-Hans': '平台对推送的答复为 {status}，不是 2xx：它未接收带缺口的事件',
  },
  pulledAfterGap: {
    en: 'the platform pulled the trajectory of {waybillNo} after a push whose sequences skip 3',
    'zh-Hans': '在序号跳过 3 的推送之后，平台拉取了 {waybillNo} 的轨迹',
  },
  // --- notices.ts ---
  noticeFor: { en: 'notice for {reason}', 'zh-Hans': '{reason} 通知' },
  noticeLabel: { en: 'notice', 'zh-Hans': '通知' },
  responseToNotice: { en: 'response to the notice', 'zh-Hans': '对该通知的回应' },
  incidentNotification: { en: 'incident notification', 'zh-Hans': '安全事件通报' },
  afterAcknowledge: { en: 'after the ACKNOWLEDGE', 'zh-Hans': 'ACKNOWLEDGE 之后' },
  afterTargetResponded: { en: 'after the target responded', 'zh-Hans': '被测实现回应之后' },
  stateWithoutResponses: {
    en: 'the copy reports state {state} but lists none of its responses, so what it records cannot be read (ECDX-NTC-009)',
    'zh-Hans': '副本报告状态 {state}，但未列出任何回应，因此无法读取其所记录的内容（ECDX-NTC-009）',
  },
  noticeGivesLeadTime: {
    en: 'the {reason} notice gives the lead time and severity its reason needs',
    'zh-Hans': '{reason} 通知具有其原因所需的提前期和严重程度',
  },
  issuerAnswersCopy: {
    en: 'GET {path} on the issuer answers its copy (got {status})',
    'zh-Hans': '发出方对 GET {path} 答复其副本（实际为 {status}）',
  },
  issuerCopyAsSent: {
    en: "the issuer's copy holds the notice as it was sent{differs}",
    'zh-Hans': '发出方的副本持有的通知与发送时相同{differs}',
  },
  issuerTakesAcknowledge: {
    en: "the issuer takes the recipient's ACKNOWLEDGE to its copy (got {status})",
    'zh-Hans': '发出方将接收方的 ACKNOWLEDGE 记入其副本（实际为 {status}）',
  },
  issuerRecordsAcknowledge: {
    en: "the issuer's copy records the recipient's ACKNOWLEDGE",
    'zh-Hans': '发出方的副本记录了接收方的 ACKNOWLEDGE',
  },
  refusedValidNotice: {
    en: 'the target refused a valid notice ({status}): there is nothing to respond to',
    'zh-Hans': '被测实现拒绝了有效的通知（{status}）：没有可回应的通知',
  },
  respondedToHarnessCopy: {
    en: "the target posted its response to the harness's copy of the notice",
    'zh-Hans': '被测实现已将其回应提交至一致性测试套件的通知副本',
  },
  ownCopyRecords: {
    en: "the target's own copy records the response it posted",
    'zh-Hans': '被测实现自身的副本记录了它所提交的回应',
  },
  responseReachedIssuer: { en: 'the response reached the issuer', 'zh-Hans': '该回应已到达发出方' },
  incidentInTime: {
    en: 'the notification is valid and comes within 24 hours of the detection it states',
    'zh-Hans': '该通报有效，且在其所述发现时间后 24 小时内到达',
  },
});
