// What the statistics checks say about a target, in both languages (decision 0062). `{request}` is the request as
// the check names it (`GET /v1/statistics/sharing`, or that with what it asks for); `{problem}` the target's problem
// in a few words (kit/refusals.ts `problemSummaryText`), or nothing; `{missing}` the figures still short
// (kit/statistics.ts `shortfalls`: "shipments.received 0 < 1").
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('statistics', {
  // --- what a request asks for ---
  requestFor: { en: '{request} for {subject}', 'zh-Hans': '{request}（{subject}）' },
  requestWhat: { en: '{request} {what}', 'zh-Hans': '{request}（{what}）' },
  aValidPeriod: { en: 'a valid period', 'zh-Hans': '有效的期间' },
  windowOfExchange: { en: 'the window of the exchange', 'zh-Hans': '该次交换所在的时间窗口' },
  windowOfExchanges: { en: 'the window of the exchanges', 'zh-Hans': '这些交换所在的时间窗口' },
  firstClientFigures: { en: "the first client's figures", 'zh-Hans': '第一个客户端的统计数字' },
  lastDay: { en: 'the last day', 'zh-Hans': '最近一天' },
  exactPeriod: { en: 'a period of exactly {days} days', 'zh-Hans': '恰为 {days} 天的期间' },
  spanFrom: { en: '{span} from {from}', 'zh-Hans': '自 {from} 起的{span}' },
  aDay: { en: 'a day', 'zh-Hans': '一天' },
  nDays: { en: '{days} days', 'zh-Hans': '{days} 天' },
  signedWithSecondKey: { en: '{request} signed with the second key {keyid}', 'zh-Hans': '以第二个密钥 {keyid} 签名的 {request}' },
  signedWith: { en: '{request} signed with {keyid}', 'zh-Hans': '以 {keyid} 签名的 {request}' },
  withoutParam: { en: 'without {name}', 'zh-Hans': '不带 {name}' },
  dateNotDateTime: { en: 'with from={value} (a date, not a date-time)', 'zh-Hans': '带 from={value}：日期，而非日期时间' },
  noUtcOffset: { en: 'with to={value} (no UTC offset)', 'zh-Hans': '带 to={value}：无 UTC 偏移' },
  toEqualsFrom: { en: 'to equal to from', 'zh-Hans': 'to 等于 from' },
  toBeforeFrom: { en: 'to 23 h before from', 'zh-Hans': 'to 比 from 早 23 小时' },
  fromInFuture: { en: 'from an hour in the future', 'zh-Hans': 'from 为一小时后' },
  periodTooLong: { en: 'a period of {days} days and 1 s', 'zh-Hans': '期间为 {days} 天零 1 秒' },

  // --- the parties ---

  // --- served-for-period ---
  periodFrom: {
    en: 'period.from denotes the requested instant {requested} (got {got})',
    'zh-Hans': 'period.from 表示所请求的时刻 {requested}（实际为 {got}）',
  },
  periodTo: {
    en: 'period.to denotes the requested instant {requested} (got {got})',
    'zh-Hans': 'period.to 表示所请求的时刻 {requested}（实际为 {got}）',
  },
  reportingParty: {
    en: 'the reporting party is the {role} under test (role {reported}, party.role {partyRole})',
    'zh-Hans': '报告方是被测的{role}（role 为 {reported}，party.role 为 {partyRole}）',
  },
  counterpartyRole: {
    en: 'the counterparty the figures name is the requesting {requester} (got {got})',
    'zh-Hans': '统计数字所指明的对方是发出请求的{requester}（实际为 {got}）',
  },

  // --- scoped-to-requester ---
  noSecondKey: { en: 'the harness holds no second client key', 'zh-Hans': '一致性测试套件没有第二个客户端密钥' },
  ownFiguresNeverCounted: {
    en: "the requester's own figures for the window never counted its exchanges ({missing}; ECDX-STA-005)",
    'zh-Hans': '请求方自己在该时间窗口的统计数字始终未计入其交换（{missing}；ECDX-STA-005）',
  },
  secondKeyRefused: {
    en: 'the second key {keyid} is not accepted by the target (401)',
    'zh-Hans': '被测实现不接受第二个密钥 {keyid}（401）',
  },
  otherClientCount: {
    en: "the figures answered to {keyid} for the window of the first key's exchanges count {label} {counted}{more}",
    'zh-Hans': '针对第一个密钥的交换所在的时间窗口，答复给 {keyid} 的统计数字中 {label} 为 {counted}{more}',
  },
  asManyAsFirst: {
    en: ", as many as the first client made ({atLeast}): they include another client's exchanges",
    'zh-Hans': '，与第一个客户端所做的交换一样多（{atLeast}）：其中包含了另一客户端的交换',
  },

  // --- period-validated ---
  noInvalidParams: {
    en: '{request}: the validation-failed problem lists no invalidParams',
    'zh-Hans': '{request}：validation-failed 问题详情未列出 invalidParams',
  },
  invalidParamsNames: {
    en: '{request}: invalidParams names /{name} (it names {names})',
    'zh-Hans': '{request}：invalidParams 指明 /{name}（实际指明的是 {names}）',
  },
  nothing: { en: 'nothing', 'zh-Hans': '空' },
  invalidParamIn: {
    en: '{request}: the invalidParams entry /{name} has in: query (got {got})',
    'zh-Hans': '{request}：invalidParams 中 /{name} 一项的 in 为 query（实际为 {got}）',
  },
  answered200: {
    en: '{request} is answered: expected HTTP 200, got {status}{problem}',
    'zh-Hans': '{request}应得到应答：应为 HTTP 200，实际为 {status}{problem}',
  },

  // --- no-personal-data ---
  repeatsSecret: {
    en: 'the statistics repeat the {kind} the harness sent, at {pointer}',
    'zh-Hans': '共享统计在 {pointer} 处重复了一致性测试套件所发送的{kind}',
  },
  waybillLike: {
    en: 'the text at {pointer} holds {token}, which reads like a waybill number',
    'zh-Hans': '{pointer} 处的文本含有 {token}，看起来像运单号',
  },
  textsScanned: {
    en: '{n} text members scanned, none identifies a parcel or a person',
    'zh-Hans': '已扫描 {n} 个文本成员，均不能识别任何快件或个人',
  },
  // What the harness sent, by its kind (kit/statistics.ts `secrets`, kit/shipping-data.ts `personalDataOf`).
  kindWaybillNumber: { en: 'waybill number', 'zh-Hans': '运单号' },

  // --- figures-consistent ---
  inconsistency: { en: '{request}: {detail}', 'zh-Hans': '{request}：{detail}' },
  figuresConsistent: { en: 'the figures for {subject} are consistent', 'zh-Hans': '{subject}的各项统计数字相互一致' },

  // --- figures-current ---
  figuresCount: { en: 'the figures count the exchanges', 'zh-Hans': '统计数字计入了这些交换' },
  stillShort: {
    en: '60 s after the exchanges, the figures for their window still fall short: {missing}',
    'zh-Hans': '这些交换完成 60 秒后，其时间窗口的统计数字仍然不足：{missing}',
  },
});
