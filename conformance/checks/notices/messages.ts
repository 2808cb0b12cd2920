// What the notice checks say about a target, in both languages (decision 0062). `{request}` is what was sent
// (`POST /v1/interruption-notices`), `{what}` a request or an answer as the messages name it, `{notice}` a notice
// as a phrase names it; obligations and responses are shown as the target wrote them.
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('notices', {
  // --- pieces ---
  labelled: { en: '{what}: {message}', 'zh-Hans': '{what}：{message}' },
  gotParen: { en: ' (got {actual})', 'zh-Hans': '（实际为 {actual}）' },
  gotComma: { en: ', got {actual}', 'zh-Hans': '，实际为 {actual}' },
  differsAt: { en: ' (it differs at {pointer})', 'zh-Hans': '（在 {pointer} 处不同）' },
  differsAtSemicolon: { en: '; it differs at {pointer}', 'zh-Hans': '；在 {pointer} 处不同' },
  changedAt: { en: ' (it changed at {pointer})', 'zh-Hans': '（在 {pointer} 处有变化）' },
  // --- what was sent or read ---
  answerTo: { en: 'the answer to {what}', 'zh-Hans': '对 {what} 的答复' },
  answerToIssuersResponse: { en: "the answer to {request} with the issuer's {type}", 'zh-Hans': '对 {request}（发出方的 {type}）的答复' },
  issuersResponse: { en: "the issuer's {type}", 'zh-Hans': '发出方的 {type}' },
  issuersResponseWhen: { en: "{request} with the issuer's {type} {when}", 'zh-Hans': '{when}以发出方的 {type} 发送的 {request}' },
  inStateIssued: { en: 'in state ISSUED', 'zh-Hans': '在 ISSUED 状态下' },
  whileOwnProposalPending: { en: 'while its own proposal is pending', 'zh-Hans': '在其自身提议待答复期间' },
  toWithdrawnNotice: { en: 'to the withdrawn notice', 'zh-Hans': '对已撤回的通知' },
  asRecipientOwnSide: {
    en: "an {type} posted as the recipient (the target's own side)",
    'zh-Hans': '以接收方（被测实现自身一侧）名义提交的 {type}',
  },
  asRecipient: { en: 'a {type} posted as the recipient', 'zh-Hans': '以接收方名义提交的 {type}' },
  readOfNotice: { en: '{request} of a {kind} notice', 'zh-Hans': '对 {kind} 通知的 {request}' },
  readOnceDisclosed: { en: '{request} of the SERIOUS notice once disclosed', 'zh-Hans': 'SERIOUS 通知公示后的 {request}' },
  readOnceWithdrawn: { en: '{request} of the SERIOUS notice once withdrawn', 'zh-Hans': 'SERIOUS 通知撤回后的 {request}' },
  readJustReceived: { en: '{request} of a notice just received', 'zh-Hans': '对刚收到的通知的 {request}' },
  readAfterThree: { en: '{request} after three responses', 'zh-Hans': '三个回应之后的 {request}' },
  readNeverPosted: { en: '{request} of a noticeId never posted', 'zh-Hans': '对从未提交的 noticeId 的 {request}' },
  respondNeverPosted: { en: '{request} to a noticeId never posted', 'zh-Hans': '向从未提交的 noticeId 发送的 {request}' },
  readForeign: {
    en: "{request} of another client's notice, signed with {keyid}",
    'zh-Hans': '以 {keyid} 签名、对另一客户端的通知的 {request}',
  },
  respondForeign: {
    en: "{request} to another client's notice, signed with {keyid}",
    'zh-Hans': '以 {keyid} 签名、向另一客户端的通知发送的 {request}',
  },
  acceptableNotice: { en: 'an acceptable notice', 'zh-Hans': '可接受的通知' },
  anotherUnderId: {
    en: '{request} with another notice under the noticeId {noticeId}',
    'zh-Hans': '{request}（以 noticeId {noticeId} 提交另一份通知）',
  },
  addressedTo: { en: 'a notice addressed to carrier {carrierCode}', 'zh-Hans': '发给快递企业 {carrierCode} 的通知' },
  namingIssuer: {
    en: "a notice naming carrier {carrierCode} as issuer, signed by the harness's carrier",
    'zh-Hans': '以快递企业 {carrierCode} 为发出方、由一致性测试套件的快递企业签名的通知',
  },
  answerToResent: { en: 'the answer to the resent notice', 'zh-Hans': '对重发通知的答复' },
  // --- why a copy is read (kit/notices.ts readNotice) ---
  theKindNotice: { en: 'the {kind} notice', 'zh-Hans': '{kind} 通知' },
  theDisclosedNotice: { en: 'the disclosed notice', 'zh-Hans': '已公示的通知' },
  theWithdrawnNotice: { en: 'the withdrawn notice', 'zh-Hans': '已撤回的通知' },
  beforeResponses: { en: 'before the responses', 'zh-Hans': '发送回应之前' },
  afterResponses: { en: 'after the responses', 'zh-Hans': '发送回应之后' },
  beforeResponsesWhen: { en: 'before the responses {when}', 'zh-Hans': '{when}发送回应之前' },
  afterResponsesWhen: { en: 'after the responses {when}', 'zh-Hans': '{when}发送回应之后' },
  afterTargetsResponses: { en: "after the target's {responses}", 'zh-Hans': '被测实现作出 {responses} 之后' },
  afterConflictingNotice: { en: 'after the conflicting notice', 'zh-Hans': '冲突通知之后' },
  // --- notices described (receipt.ts) ---
  aReasonNotice: { en: 'a {reason} notice', 'zh-Hans': '{reason} 通知' },
  anReasonNotice: { en: 'an {reason} notice', 'zh-Hans': '{reason} 通知' },
  leadExactlyMinimum: {
    en: '{notice} whose lead time is exactly the minimum, {duration}',
    'zh-Hans': '提前期恰为最短提前期 {duration} 的 {notice}',
  },
  leadOneSecondShort: {
    en: '{notice} whose lead time is {duration}, one second short of the minimum',
    'zh-Hans': '提前期为 {duration}、比最短提前期少一秒的 {notice}',
  },
  issuedAfterStartMost: {
    en: '{notice} issued {duration} after its plannedStart, the most allowed',
    'zh-Hans': '在其 plannedStart 之后 {duration} 发出（允许的最大值）的 {notice}',
  },
  issuedAfterStart: { en: '{notice} issued {duration} after its plannedStart', 'zh-Hans': '在其 plannedStart 之后 {duration} 发出的 {notice}' },
  ofExactly: { en: 'a {severity} notice of exactly {duration}', 'zh-Hans': '时长恰为 {duration} 的 {severity} 级通知' },
  affecting: { en: 'a {severity} notice affecting {count} shipments a day', 'zh-Hans': '每日影响 {count} 件快件的 {severity} 级通知' },
  ofAtLeast: { en: 'a {severity} notice of {duration} (at least {minimum})', 'zh-Hans': '时长为 {duration} 的 {severity} 级通知（至少应为 {minimum}）' },
  affectingAtLeast: {
    en: 'a {severity} notice affecting {count} shipments a day (at least {minimum})',
    'zh-Hans': '每日影响 {count} 件快件的 {severity} 级通知（至少应为 {minimum}）',
  },
  withoutEndAtLeast: {
    en: 'a {severity} notice without plannedEnd (at least {minimum})',
    'zh-Hans': '不带 plannedEnd 的 {severity} 级通知（至少应为 {minimum}）',
  },
  reasonAtLeast: { en: 'a {severity} {reason} notice (at least {minimum})', 'zh-Hans': '{severity} 级的 {reason} 通知（至少应为 {minimum}）' },
  withoutDisclosure: { en: 'a {severity} notice without publicDisclosure', 'zh-Hans': '不带 publicDisclosure 的 {severity} 级通知' },
  disclosedAtStart: { en: 'a {severity} notice disclosed exactly at plannedStart', 'zh-Hans': '恰在 plannedStart 公示的 {severity} 级通知' },
  disclosedAfterStart: {
    en: 'a {severity} notice disclosed {delay} after plannedStart',
    'zh-Hans': '在 plannedStart 之后 {delay} 公示的 {severity} 级通知',
  },
  startingDisclosedExactlyAfterIssued: {
    en: 'a {severity} {reason} notice starting {lead} after issue, disclosed exactly {after} after issuedAt',
    'zh-Hans': '发出后 {lead} 开始、恰在 issuedAt 之后 {after} 公示的 {severity} 级 {reason} 通知',
  },
  startingDisclosedAfterIssued: {
    en: 'a {severity} {reason} notice starting {lead} after issue, disclosed {after} after issuedAt',
    'zh-Hans': '发出后 {lead} 开始、在 issuedAt 之后 {after} 公示的 {severity} 级 {reason} 通知',
  },
  startingDisclosedAtStart: {
    en: 'a {severity} {reason} notice starting {lead} after issue, disclosed exactly at plannedStart',
    'zh-Hans': '发出后 {lead} 开始、恰在 plannedStart 公示的 {severity} 级 {reason} 通知',
  },
  startingDisclosedAfterStart: {
    en: 'a {severity} {reason} notice starting {lead} after issue, disclosed {delay} after plannedStart',
    'zh-Hans': '发出后 {lead} 开始、在 plannedStart 之后 {delay} 公示的 {severity} 级 {reason} 通知',
  },
  issuedAtBefore: { en: 'an issuedAt {offset} before its receipt', 'zh-Hans': '早于接收时间 {offset} 的 issuedAt' },
  issuedAtAfter: { en: 'an issuedAt {offset} after its receipt', 'zh-Hans': '晚于接收时间 {offset} 的 issuedAt' },
  endEqualsStart: { en: 'a plannedEnd equal to plannedStart', 'zh-Hans': '等于 plannedStart 的 plannedEnd' },
  endHourBeforeStart: { en: 'a plannedEnd an hour before plannedStart', 'zh-Hans': '比 plannedStart 早一小时的 plannedEnd' },
  sameRole: { en: 'a {role} as both issuer and recipient', 'zh-Hans': '发出方与接收方均为{role}' },
  // --- what is expected ---
  acceptable: {
    en: '{request} with {what} is acceptable: expected HTTP 201, got {status}{problem}',
    'zh-Hans': '{request}（{what}）是可接受的：应为 HTTP 201，实际为 {status}{problem}',
  },
  locationNames: { en: "the Location header names {path} (got '{location}')", 'zh-Hans': 'Location 头部指向 {path}（实际为“{location}”）' },
  locationNamesNone: { en: 'the Location header names {path} (got none)', 'zh-Hans': 'Location 头部指向 {path}（实际没有该头部）' },
  copyAsPosted: { en: 'the copy holds the notice as posted{differs}', 'zh-Hans': '副本持有的通知与所提交的相同{differs}' },
  stateIssued: { en: 'the negotiation state is ISSUED (got {state})', 'zh-Hans': '协商状态为 ISSUED（实际为 {state}）' },
  noResponseYet: { en: 'the copy holds no response yet (it holds {n})', 'zh-Hans': '副本尚无任何回应（实际有 {n} 个）' },
  obligationsOfIssued: {
    en: 'the obligations are those of a SIGNIFICANT notice in state ISSUED, {expected}{got}',
    'zh-Hans': '义务为 ISSUED 状态下 SIGNIFICANT 级通知的义务，即 {expected}{got}',
  },
  obligationsInState: {
    en: 'the obligations of a {severity} {reason} notice in state {state} are {expected}{got}',
    'zh-Hans': '状态为 {state} 的 {severity} 级 {reason} 通知的义务为 {expected}{got}',
  },
  sameNoticeNoConflict: {
    en: '{request} with the same notice again under a new Idempotency-Key is no conflict: expected HTTP 201, got {status}{problem}',
    'zh-Hans': '以新的 Idempotency-Key 再次提交相同通知的 {request} 不构成冲突：应为 HTTP 201，实际为 {status}{problem}',
  },
  firstReasonDetail: {
    en: "the copy still holds the first notice's reasonDetail (got '{reasonDetail}')",
    'zh-Hans': '副本仍持有第一份通知的 reasonDetail（实际为“{reasonDetail}”）',
  },
  stepAnswered: { en: '{what} was answered {status}, not 201', 'zh-Hans': '{what}的答复为 {status}，不是 201' },
  withdrawnState: {
    en: "after the issuer's WITHDRAW the copy reports state {state} (ECDX-NTC-011)",
    'zh-Hans': '发出方 WITHDRAW 之后，副本报告的状态为 {state}（ECDX-NTC-011）',
  },
  justReceivedIssued: {
    en: 'a notice just received reads as ISSUED with no responses (got {state} with {responses})',
    'zh-Hans': '刚收到的通知读取为 ISSUED 且没有回应（实际为 {state}，回应：{responses}）',
  },
  proposedState: {
    en: "after the issuer's proposal the state reads PROPOSED (got {state})",
    'zh-Hans': '发出方提议之后，状态读取为 PROPOSED（实际为 {state}）',
  },
  listsThree: {
    en: 'the copy lists the three responses posted, in order: {posted} (got {actual}{differs})',
    'zh-Hans': '副本按顺序列出所提交的三个回应：{posted}（实际为 {actual}{differs}）',
  },
  noSecondKey: {
    en: 'the harness holds no second {role} key, so a notice of another client was not requested',
    'zh-Hans': '一致性测试套件没有第二个{role}密钥，因此未请求另一客户端的通知',
  },
  secondKeyRejected: { en: 'the second key {keyid} is not accepted by the target (401)', 'zh-Hans': '被测实现不接受第二个密钥 {keyid}（401）' },
  answerShowsState: { en: '{what}: the answer shows state {state} (got {actual})', 'zh-Hans': '{what}：答复显示状态 {state}（实际为 {actual}）' },
  answerLists: { en: '{what}: the answer lists {posted} (got {actual})', 'zh-Hans': '{what}：答复列出 {posted}（实际为 {actual}）' },
  obligationsRecomputed: {
    en: '{what}: the obligations are recomputed for {state}, {expected} (got {actual})',
    'zh-Hans': '{what}：义务按 {state} 重新计算，为 {expected}（实际为 {actual}）',
  },
  refusedWhenUnchanged: {
    en: 'the refused responses {when} left the copy unchanged{changed}',
    'zh-Hans': '{when}被拒绝的回应未改变副本{changed}',
  },
  refusedUnchanged: { en: 'the refused responses left the copy unchanged{changed}', 'zh-Hans': '被拒绝的回应未改变副本{changed}' },
  refusedValidNotice: {
    en: 'the target refused a valid {reason} notice ({status}): there is nothing to respond to',
    'zh-Hans': '被测实现拒绝了有效的 {reason} 通知（{status}）：没有可回应的通知',
  },
  ownResponsesState: {
    en: "after its own responses the target's copy reports {actual}, not {state} (ECDX-NTC-018)",
    'zh-Hans': '被测实现作出自身回应之后，其副本报告的状态为 {actual}，而不是 {state}（ECDX-NTC-018）',
  },
  noRespondAction: {
    en: 'the target does not offer the test action respond-to-notice (class client)',
    'zh-Hans': '被测实现未提供测试动作 respond-to-notice（一致性类别 client）',
  },
  resentAnswered: {
    en: '{request} with the same notice again 10 minutes after its issuedAt: expected HTTP 201 with the copy, got {status}{problem}',
    'zh-Hans': '在 issuedAt 之后 10 分钟再次提交相同通知的 {request}：应为 HTTP 201 并带副本，实际为 {status}{problem}',
  },
  answerIsCopy: { en: 'the answer is the copy of {noticeId} (got {actual})', 'zh-Hans': '答复是 {noticeId} 的副本（实际为 {actual}）' },
  notHeldAfterRefusal: {
    en: 'GET {path} after the refusal: not held, expected HTTP 404, got {status}',
    'zh-Hans': '拒绝之后的 GET {path}：未予保存，应为 HTTP 404，实际为 {status}',
  },
});
