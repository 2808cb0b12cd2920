// What the push checks say about a target, in both languages (decision 0062), grouped by the file that says it.
// `{what}` is what was sent or what is judged, as the calling check names it; `{request}` a request line
// (`POST /v1/tracking-events`); `{got}` what the target answered.
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('push', {
  // --- shared by several files ---
  expectedHttp: { en: '{request}: expected HTTP {expected}, got {status}', 'zh-Hans': '{request}：应为 HTTP {expected}，实际为 {status}' },
  readWithoutState: {
    en: 'GET {path} was answered {status} without a state (ECDX-PSH-005 is checked on its own)',
    'zh-Hans': 'GET {path} 的应答为 {status}，不含 state（ECDX-PSH-005 另行检查）',
  },
  invalidParamsNames: { en: '{what}: invalidParams names {pointer} (got {names})', 'zh-Hans': '{what}：invalidParams 指明 {pointer}（实际为 {names}）' },

  // --- abandonment.ts ---
  retryDidNotCome: {
    en: 'retry {n} of the first batch did not come on the schedule (ECDX-PSH-014 is checked on its own), so it was never abandoned',
    'zh-Hans': '首个批次的第 {n} 次重试未按时间表到来（ECDX-PSH-014 另行检查），因此该批次从未被放弃',
  },
  disabledDeliveryFailing: {
    en: 'after every attempt of the first batch failed, the subscription is DISABLED with disabledReason DELIVERY_FAILING (got {got})',
    'zh-Hans': '首个批次的每次尝试均失败后，该订阅处于 DISABLED 状态，disabledReason 为 DELIVERY_FAILING（实际为 {got}）',
  },
  silentAfterAbandon: {
    en: 'after the first batch was abandoned, no delivery attempt came for the subscription in the next 12 hours (got {n})',
    'zh-Hans': '首个批次被放弃后，此后 12 小时内该订阅未再收到任何投送尝试（实际为 {n}）',
  },

  // --- content.ts ---
  labelEveryStatus: { en: 'the subscription to every status', 'zh-Hans': '订阅全部状态的订阅' },
  labelFiltered: { en: 'the subscription filtered to {statuses}', 'zh-Hans': '筛选为 {statuses} 的订阅' },
  labelFirstV1: { en: 'the first v1 subscription', 'zh-Hans': '第一个 v1 订阅' },
  labelSecondV1: { en: 'the second v1 subscription', 'zh-Hans': '第二个 v1 订阅' },
  labelAll: { en: 'the subscription to ALL shipments', 'zh-Hans': '范围为 ALL（全部运单）的订阅' },
  nothingRecorded: {
    en: 'no event of {waybillNo} was recorded in the 4 days the clock moved, so there was nothing to push',
    'zh-Hans': '在时钟推进的 4 天内，{waybillNo} 未记录任何事件，因此没有可推送的内容',
  },
  noEventsArray: { en: '{what}: has no events array', 'zh-Hans': '{what}：没有 events 数组' },
  eventCountOutOfRange: { en: '{what}: carries {count} events, not between 1 and 100', 'zh-Hans': '{what}：载有 {count} 个事件，不在 1 至 100 之间' },
  namesOtherSubscription: {
    en: '{what}: names the subscription {named}, not {subscriptionId}, which it is delivered for',
    'zh-Hans': '{what}：指明的订阅为 {named}，而不是其投送所属的订阅 {subscriptionId}',
  },
  notAscending: {
    en: '{what}: the events of {waybillNo} are not in ascending sequence (sequence {sequence} follows {before})',
    'zh-Hans': '{what}：{waybillNo} 的事件未按序号升序排列（序号 {sequence} 排在 {before} 之后）',
  },
  onlyEventsOfWaybill: {
    en: '{label} (scope: {waybillNo}) received only events of {waybillNo}{strays}',
    'zh-Hans': '{label}（范围：{waybillNo}）只收到 {waybillNo} 的事件{strays}',
  },
  alsoOfWaybills: { en: '; also {n} of {waybills}', 'zh-Hans': '；另有 {n} 个属于 {waybills}' },
  onlyFilteredStatuses: { en: '{label} received only {statuses} events{off}', 'zh-Hans': '{label}只收到 {statuses} 事件{off}' },
  alsoEvents: { en: '; also {events}', 'zh-Hans': '；另有 {events}' },
  statusWithSequence: { en: '{status} (sequence {sequence})', 'zh-Hans': '{status}（序号 {sequence}）' },
  nothingForeign: {
    en: '{label} received nothing of {waybillNo}, another platform\u2019s parcel (got {n} events)',
    'zh-Hans': '{label}未收到另一平台的快件 {waybillNo} 的任何事件（实际收到 {n} 个事件）',
  },
  noSecondKeyParcel: {
    en: 'the harness has no second platform key that can ship, so another platform\u2019s parcel was not tried',
    'zh-Hans': '一致性测试套件没有可下单的第二个平台密钥，因此未尝试另一平台的快件',
  },
  rejectedUncounted: {
    en: '{n} {n:push|pushes} to {label} did not verify with its key, so the events they carried do not count (ECDX-PSH-011 is checked on its own)',
    'zh-Hans': '发往{label}的 {n} 次推送未能用其密钥验证，因此其所载的事件不计入（ECDX-PSH-011 另行检查）',
  },
  receivedEvery: {
    en: '{label} received every one of the {n} events recorded while it was active{missing}',
    'zh-Hans': '{label}收到了其有效期间记录的全部 {n} 个事件{missing}',
  },
  missingSequences: { en: '; missing sequences {sequences} of {waybillNo}', 'zh-Hans': '；缺少 {waybillNo} 的序号 {sequences}' },
  nothingPushed: {
    en: 'no event of the followed parcel was pushed (ECDX-PSH-008 is checked on its own)',
    'zh-Hans': '所跟踪的快件没有任何事件被推送（ECDX-PSH-008 另行检查）',
  },
  pushedEvent: { en: 'the pushed event {eventId} (sequence {sequence})', 'zh-Hans': '推送的事件 {eventId}（序号 {sequence}）' },
  notInTrajectory: { en: '{what} is not in the trajectory of {waybillNo}', 'zh-Hans': '{what}不在 {waybillNo} 的轨迹中' },
  differsFromTrajectory: {
    en: "{what} differs from the trajectory's in {members}",
    'zh-Hans': '{what}与轨迹中的同一事件在 {members} 上不同',
  },
  identicalToTrajectory: { en: "{n} pushed events are identical to the trajectory's", 'zh-Hans': '{n} 个推送的事件与轨迹中的完全相同' },
  receivedNoPush: { en: '{label} received no push (ECDX-PSH-008 is checked on its own)', 'zh-Hans': '{label}未收到任何推送（ECDX-PSH-008 另行检查）' },
  pushTo: { en: 'push {n} to {label}', 'zh-Hans': '发往{label}的第 {n} 次推送' },
  contentTypeJson: {
    en: "{what}: Content-Type is application/json (got '{type}')",
    'zh-Hans': '{what}：Content-Type 为 application/json（实际为“{type}”）',
  },
  noneParenthesised: { en: '(none)', 'zh-Hans': '（无）' },
  webhookIdIsBatchId: { en: '{what}: webhook-id {webhookId} equals the batchId {batchId}', 'zh-Hans': '{what}：webhook-id {webhookId} 等于 batchId {batchId}' },
  clockAbout: { en: 'about {at}', 'zh-Hans': '约为 {at}' },
  clockBetween: {
    en: 'between {earliest} (its newest event recorded, or the subscription made) and {latest} (the push taken in)',
    'zh-Hans': '介于 {earliest}（其最新事件记录时，或订阅创建时）与 {latest}（收到推送时）之间',
  },
  timestampGot: {
    en: "got {stamp}; the target's clock read {when} when it was attempted",
    'zh-Hans': '实际为 {stamp}；尝试发出时被测实现的时钟{when}',
  },
  timestampFresh: {
    en: "{what}: webhook-timestamp is the attempt time in integer seconds, within 300 s of the target's clock ({got})",
    'zh-Hans': '{what}：webhook-timestamp 为以整数秒表示的尝试时间，与被测实现的时钟相差不超过 300 秒（{got}）',
  },
  demoPushKeyV1a: { en: 'the demo carrier push key (v1a)', 'zh-Hans': '演示快递企业的推送密钥（v1a）' },
  subscriptionSecretV1: { en: 'the subscription\u2019s secret (v1)', 'zh-Hans': '该订阅的密钥（v1）' },
  detail: { en: ' ({detail})', 'zh-Hans': '（{detail}）' },
  signatureVerifies: { en: '{what}: webhook-signature verifies with {key}{detail}', 'zh-Hans': '{what}：webhook-signature 可用{key}验证{detail}' },
  rejectedPushes: {
    en: '{n} {n:push|pushes} to {label} did not verify with {key}{detail}',
    'zh-Hans': '发往{label}的 {n} 次推送未能用{key}验证{detail}',
  },
  batchShapeHeld: {
    en: 'every batch holds 1 to 100 events of its own subscription, each waybill\u2019s in ascending sequence',
    'zh-Hans': '每个批次载有 1 至 100 个属于其自身订阅的事件，每一运单的事件按序号升序排列',
  },
  noPushClass: { en: 'the target claims no push class, so it signs no pushes', 'zh-Hans': '被测实现未声明推送类别，因此不签名任何推送' },
  verifiesWithRegisteredKey: { en: '{push} verifies with the registered v1a push key', 'zh-Hans': '{push}可用登记的 v1a 推送密钥验证' },
  noV1NoSecret: { en: 'the claim offers no v1 scheme, so no push secret is issued', 'zh-Hans': '一致性声明未提供 v1 方案，因此不签发推送密钥' },
  differentSecrets: {
    en: 'the two v1 subscriptions were given different secrets, each generated for that subscription',
    'zh-Hans': '两个 v1 订阅获得了不同的密钥，各自为该订阅生成',
  },
  notDemoSecret: { en: 'the secret of {label} is not the published demo secret', 'zh-Hans': '{label}的密钥不是公布的演示密钥' },
  secretBytes: { en: 'the secret of {label} has 24 to 64 random bytes (got {bytes})', 'zh-Hans': '{label}的密钥含 24 至 64 个随机字节（实际为 {bytes}）' },
  verifiesWithOwnSecret: { en: "{push} verifies with that subscription's secret", 'zh-Hans': '{push}可用该订阅的密钥验证' },
  notWithOtherSecret: { en: "{push} does not verify with the other subscription's secret", 'zh-Hans': '{push}不能用另一订阅的密钥验证' },
  carriesNoSecret: { en: '{push} carries no subscription secret', 'zh-Hans': '{push}不含任何订阅密钥' },

  // --- delivery.ts ---
  firstPushUnreadable: {
    en: 'the first push carried no readable events, so a retry of it cannot be recognised (ECDX-PSH-011 is checked on its own)',
    'zh-Hans': '首次推送未载有可读取的事件，因此无法识别其重试（ECDX-PSH-011 另行检查）',
  },
  theBatch: { en: 'the batch {batchId}', 'zh-Hans': '批次 {batchId}' },
  theBatchOfPush: { en: 'the batch of push {n}', 'zh-Hans': '第 {n} 次推送的批次' },
  outranAnswer: {
    en: "{batch}, answered {status}, was attempted again, but the harness moved the target's clock to {to}, past the attempt's 15 s, {ms} ms after the push reached it ({transit} s after its webhook-timestamp): the target may have counted the attempt as unanswered",
    'zh-Hans':
      '{batch}（应答为 {status}）再次被尝试，但一致性测试套件在推送到达后 {ms} 毫秒（其 webhook-timestamp 之后 {transit} 秒）就将被测实现的时钟推进到 {to}，超过了该次尝试的 15 秒：被测实现可能已将该次尝试视为未获应答',
  },
  notAttemptedAgain: {
    en: '{batch}, answered {status}, was not attempted again (got {n} more {n:attempt|attempts})',
    'zh-Hans': '{batch}（应答为 {status}）未再被尝试（实际又尝试了 {n} 次）',
  },
  outranEveryAnswer: {
    en: 'the harness outran the answer to every push, so none shows what a 2xx does to a batch',
    'zh-Hans': '一致性测试套件对每次推送都在被测实现读取应答之前推进了时钟，因此没有一次推送能表明 2xx 对批次的作用',
  },
  retriedAfter6s: {
    en: 'the batch answered 500 was retried once the clock had moved 6 s (waited up to {seconds} s)',
    'zh-Hans': '应答为 500 的批次在时钟推进 6 秒后被重试（最多等待 {seconds} 秒）',
  },
  firstRetry: { en: 'first retry', 'zh-Hans': '第一次重试' },
  secondRetry: { en: 'second retry', 'zh-Hans': '第二次重试' },
  sameWebhookId: {
    en: "the {retry} carries the first attempt's webhook-id {expected} (got {got})",
    'zh-Hans': '{retry}带有首次尝试的 webhook-id {expected}（实际为 {got}）',
  },
  sameBatchId: {
    en: "the {retry} carries the first attempt's batchId {expected} (got {got})",
    'zh-Hans': '{retry}带有首次尝试的 batchId {expected}（实际为 {got}）',
  },
  sameBody: {
    en: 'the {retry} resends the body unchanged (same batchId, sentAt and events)',
    'zh-Hans': '{retry}原样重发请求体（batchId、sentAt 与 events 均相同）',
  },
  freshTimestamp: {
    en: 'the first retry has a fresh webhook-timestamp (first attempt {first}, retry {retry})',
    'zh-Hans': '第一次重试带有新的 webhook-timestamp（首次尝试为 {first}，重试为 {retry}）',
  },
  freshSignature: { en: 'the first retry has a fresh webhook-signature', 'zh-Hans': '第一次重试带有新的 webhook-signature' },
  retryNotTooSoon: {
    en: 'the first retry came no sooner than 5 s (\u221210 %) after the first attempt (it came {seconds} s after)',
    'zh-Hans': '第一次重试不早于首次尝试后 5 秒（\u221210 %）到来（实际在其后 {seconds} 秒到来）',
  },
  timestampsOffClock: {
    en: "the webhook-timestamp of the first attempt ({first}) or of the retry ({retry}) is not the attempt's time on the target's test clock (ECDX-PSH-011 is checked on its own), so the retry's freshness and delay are not judged",
    'zh-Hans':
      '首次尝试的 webhook-timestamp（{first}）或重试的 webhook-timestamp（{retry}）不是被测实现测试时钟上的尝试时间（ECDX-PSH-011 另行检查），因此不评判重试是否为新生成及其间隔',
  },
  nothingBeforeSecondRetry: {
    en: "after the first retry was answered 500, nothing came before the second retry's 5 min (\u221210 %): {n} {n:attempt|attempts} came within about 250 s",
    'zh-Hans': '第一次重试应答 500 后，在第二次重试的 5 分钟（\u221210 %）之前不应有任何尝试到来：约 250 秒内到来了 {n} 次尝试',
  },
  secondRetryCame: {
    en: 'the batch was retried a second time once 5 min (+10 %) had passed since the first retry',
    'zh-Hans': '自第一次重试起经过 5 分钟（+10 %）后，该批次被第二次重试',
  },
  silentAfter410: {
    en: 'after the callback answered 410, no push came in the next 12 hours (got {n})',
    'zh-Hans': '回调应答 410 后，此后 12 小时内没有推送到来（实际为 {n}）',
  },
  disabledEndpointGone: {
    en: 'after the callback answered 410 the subscription is DISABLED with disabledReason ENDPOINT_GONE (got {got})',
    'zh-Hans': '回调应答 410 后，该订阅处于 DISABLED 状态，disabledReason 为 ENDPOINT_GONE（实际为 {got}）',
  },
  outran429: {
    en: "the batch was attempted again, but the harness moved the target's clock past the first attempt's 15 s before the target could read its 429: the target may have counted it as unanswered",
    'zh-Hans': '该批次再次被尝试，但一致性测试套件在被测实现读取其 429 之前就将时钟推进到首次尝试的 15 秒之后：被测实现可能已将其视为未获应答',
  },
  retryAfterWaited: {
    en: 'after a 429 with Retry-After: 600 the batch was not attempted again while the clock moved {total} s (got {n} {n:attempt|attempts})',
    'zh-Hans': '收到带 Retry-After: 600 的 429 后，时钟推进 {total} 秒期间该批次未再被尝试（实际为 {n} 次）',
  },
  retriedAfterRetryAfter: {
    en: 'the batch was attempted again once the 600 s of Retry-After had passed (waited up to {seconds} s after moving the clock past them)',
    'zh-Hans': 'Retry-After 的 600 秒过去后，该批次再次被尝试（将时钟推进越过该时限后最多等待 {seconds} 秒）',
  },
  silentAfterDelete: {
    en: 'after DELETE was answered 204, no delivery attempt came in the next 12 hours (got {n})',
    'zh-Hans': 'DELETE 应答 204 后，此后 12 小时内没有任何投送尝试到来（实际为 {n}）',
  },
  healthWithoutFeeds: {
    en: 'GET /v1/health did not answer a document with feeds (the health checks report why)',
    'zh-Hans': 'GET /v1/health 未应答带有 feeds 的文档（原因见健康检查）',
  },
  noPushFeed: {
    en: 'the health document lists no PARCEL_DATA_PUSH feed (ECDX-HLT-004 is checked on its own)',
    'zh-Hans': '健康状态文档未列出 PARCEL_DATA_PUSH 数据流（ECDX-HLT-004 另行检查）',
  },
  backlogAboveZero: {
    en: 'while the callback refuses deliveries, the PARCEL_DATA_PUSH backlog is greater than 0 (got {got})',
    'zh-Hans': '回调拒绝投送期间，PARCEL_DATA_PUSH 的 backlog 大于 0（实际为 {got}）',
  },
  feedNotUp: {
    en: 'while the callback refuses deliveries, the PARCEL_DATA_PUSH feed is not UP (got {got})',
    'zh-Hans': '回调拒绝投送期间，PARCEL_DATA_PUSH 数据流不处于 UP 状态（实际为 {got}）',
  },

  // --- pending-pushes.ts ---
  pendingNotStated: {
    en: "the target's TestClock does not state pendingPushes, which is optional: the push checks wait their settle time instead",
    'zh-Hans': '被测实现的 TestClock 未报告 pendingPushes（该项可选）：推送检查改为等待其静候时间',
  },
  noPushAfter6h: {
    en: 'no push for {waybillNo} arrived after the clock moved 6 hours (ECDX-PSH-008 is checked on its own)',
    'zh-Hans': '时钟推进 6 小时后，{waybillNo} 没有推送到来（ECDX-PSH-008 另行检查）',
  },
  pendingWhileHeld: {
    en: 'while the callback held its answer to the first push, pendingPushes stated the attempt as unfinished (got {got})',
    'zh-Hans': '回调暂缓应答首次推送期间，pendingPushes 将该次尝试报告为未完成（实际为 {got}）',
  },
  pendingReadLate: {
    en: 'the read of pendingPushes came back after the callback had answered ({ms} ms): a busy harness or network',
    'zh-Hans': 'pendingPushes 的读取结果在回调已应答（{ms} 毫秒）之后才返回：一致性测试套件或网络繁忙',
  },
  pendingNeverZero: {
    en: 'pendingPushes did not come down to 0 within {seconds} s of the first push',
    'zh-Hans': '首次推送后 {seconds} 秒内 pendingPushes 未降至 0',
  },
  answeredWhenZero: {
    en: 'when pendingPushes read 0, every push that had arrived had been answered ({n} of {total} {n:was|were} not)',
    'zh-Hans': 'pendingPushes 读数为 0 时，每次已到达的推送均已获应答（{total} 次中有 {n} 次未获应答）',
  },

  // --- promptness.ts ---
  noPushInSteps: {
    en: 'no push for {waybillNo} arrived while the clock moved {duration} in steps of 240 s (ECDX-PSH-008 is checked on its own)',
    'zh-Hans': '时钟以每步 240 秒推进 {duration} 期间，{waybillNo} 没有推送到来（ECDX-PSH-008 另行检查）',
  },
  firstPushNoTimes: {
    en: 'the first push has no readable webhook-timestamp or events with a recordedAt (ECDX-PSH-011 is checked on its own)',
    'zh-Hans': '首次推送没有可读取的 webhook-timestamp，或没有带 recordedAt 的事件（ECDX-PSH-011 另行检查）',
  },
  sinceSubscription: {
    en: "the subscription's creation (the event was recorded before it)",
    'zh-Hans': '订阅创建时（该事件记录于订阅之前）',
  },
  sinceRecordedAt: { en: 'its recordedAt', 'zh-Hans': '其 recordedAt' },
  hurriedRepeat: {
    en: 'the first attempt carrying {eventId} came {stated} s after {since}, but {hurried} s of that the harness jumped over in moves {lookMs} ms apart, before the target had time to act: a second parcel is followed with {patient} s after every move',
    'zh-Hans':
      '载有 {eventId} 的首次尝试在{since}之后 {stated} 秒到来，但其中 {hurried} 秒是一致性测试套件以相隔 {lookMs} 毫秒的推进在被测实现来得及处理之前跳过的：改为跟踪第二个快件，每次推进后等待 {patient} 秒',
  },
  hurriedShare: {
    en: ', {hurried} s of which the harness jumped over before the target had time to act',
    'zh-Hans': '，其中 {hurried} 秒是一致性测试套件在被测实现来得及处理之前跳过的',
  },
  firstAttemptPrompt: {
    en: "the first attempt carrying {eventId} (sequence {sequence}) came {stated} s after {since} by its webhook-timestamp{share}, and reached the harness {transit} s after it: {judged} s are the target's (at most 300 s)",
    'zh-Hans':
      '按其 webhook-timestamp，载有 {eventId}（序号 {sequence}）的首次尝试在{since}之后 {stated} 秒发出{share}，并在其后 {transit} 秒到达一致性测试套件：其中 {judged} 秒属于被测实现（最多 300 秒）',
  },

  // --- receiver.ts ---
  sent: { en: '{request} {what}', 'zh-Hans': '{request}（{what}）' },
  gotStatus: { en: 'got {status}{problem}', 'zh-Hans': '实际为 {status}{problem}' },
  expected2xxAck: { en: '{sent}: expected a 2xx acknowledgement, {got}', 'zh-Hans': '{sent}：应以 2xx 确认，{got}' },
  expected2xx: { en: '{sent}: expected a 2xx, {got}', 'zh-Hans': '{sent}：应为 2xx，{got}' },
  expected200: { en: '{sent}: expected 200, {got}', 'zh-Hans': '{sent}：应为 200，{got}' },
  withEventsOf: { en: 'with the events of the {refused}, correctly signed', 'zh-Hans': '载有{refused}的事件，签名正确' },
  noAckProcessed: {
    en: 'the platform returned no PushAcknowledgement, so whether it processed the events of the {refused} cannot be seen',
    'zh-Hans': '平台未返回 PushAcknowledgement，因此无法看出它是否处理了{refused}的事件',
  },
  notProcessed: {
    en: 'the events of the {refused} were not processed: a later correct push of them is acknowledged with duplicates 0 (got {got})',
    'zh-Hans': '{refused}的事件未被处理：之后对这些事件的正确推送以 duplicates 0 确认（实际为 {got}）',
  },
  countsDuplicates: {
    en: '{what}: the acknowledgement counts {n} {n:event|events} already held, not processed again (got duplicates {got})',
    'zh-Hans': '{what}：确认将 {n} 个已持有的事件计为重复，不再处理（实际 duplicates 为 {got}）',
  },
  noAckDeduplication: {
    en: '{what}: no PushAcknowledgement, so the deduplication cannot be seen in the answer',
    'zh-Hans': '{what}：没有 PushAcknowledgement，因此无法从应答中看出去重情况',
  },
  withValidSigned: { en: 'with a correctly signed, valid PushBatch', 'zh-Hans': '载有签名正确的有效 PushBatch' },
  noAnswerWithin15s: { en: '{sent}: no answer within 15 s', 'zh-Hans': '{sent}：15 秒内无应答' },
  answeredWithin: { en: '{request}: answered within {limit} s (took {took} s)', 'zh-Hans': '{request}：在 {limit} 秒内应答（用时 {took} 秒）' },
  withValidBatch: { en: 'with a valid batch', 'zh-Hans': '载有有效批次' },
  ackNamesBatch: { en: 'the acknowledgement names the batch {expected} (got {got})', 'zh-Hans': '确认指明批次 {expected}（实际为 {got}）' },
  ackCounts: {
    en: 'the acknowledgement counts received 3, duplicates 0 (got {received}, {duplicates})',
    'zh-Hans': '确认计数为 received 3、duplicates 0（实际为 {received}、{duplicates}）',
  },
  withoutSignature: { en: 'without webhook-signature', 'zh-Hans': '不带 webhook-signature' },
  withUnheldKey: { en: 'signed with a key the platform does not hold', 'zh-Hans': '以平台未持有的密钥签名' },
  bodyChanged: { en: 'whose body was changed after signing', 'zh-Hans': '签名后请求体被修改' },
  refusedPushes: { en: 'refused pushes', 'zh-Hans': '被拒绝的推送' },
  acceptsUnknownKey: {
    en: 'the platform acknowledges a push signed with a key it cannot hold (HTTP {status}; ECDX-PSH-019), so whether it judges the timestamp cannot be seen',
    'zh-Hans': '平台确认了以其不可能持有的密钥签名的推送（HTTP {status}；ECDX-PSH-019），因此无法看出它是否评判时间戳',
  },
  withOldTimestamp: { en: 'with a webhook-timestamp 420 s old', 'zh-Hans': 'webhook-timestamp 为 420 秒之前' },
  withFutureTimestamp: { en: 'with a webhook-timestamp 420 s in the future', 'zh-Hans': 'webhook-timestamp 为 420 秒之后' },
  staleTimestampPushes: { en: 'pushes with a stale timestamp', 'zh-Hans': '时间戳失效的推送' },
  firstTwoNotAcknowledged: {
    en: 'the first push of two new events was not acknowledged ({got}; ECDX-PSH-017 is checked on its own)',
    'zh-Hans': '对两个新事件的首次推送未被确认（{got}；ECDX-PSH-017 另行检查）',
  },
  repeatingBatch: {
    en: 'repeating batch {batchId} (a retry of a batch already received)',
    'zh-Hans': '重复发送批次 {batchId}，即对已收到批次的重试',
  },
  theRepeatedBatch: { en: 'the repeated batch', 'zh-Hans': '重复发送的批次' },
  withOnlyReceived: { en: 'with a new batch made only of events already received', 'zh-Hans': '载有仅由已收到的事件组成的新批次' },
  newBatchSameEvents: { en: 'a new batch of the same events', 'zh-Hans': '由相同事件组成的新批次' },
  batchEventTwice: { en: 'a batch holding one new event twice', 'zh-Hans': '含同一新事件两次的批次' },
  eventTwiceRefused: {
    en: 'a batch holding one new event twice was refused (HTTP {status}), which ECDX-PSH-021 leaves open: its deduplication was not seen',
    'zh-Hans': '含同一新事件两次的批次被拒绝（HTTP {status}），ECDX-PSH-021 对此未作规定：未能观察到其去重情况',
  },
  noAckAgain: {
    en: 'the platform returned no PushAcknowledgement, so whether it processed the events again cannot be seen',
    'zh-Hans': '平台未返回 PushAcknowledgement，因此无法看出它是否再次处理了这些事件',
  },
  sequence5NotAcknowledged: {
    en: 'the first push (sequence 5) was not acknowledged ({got}; ECDX-PSH-017 is checked on its own)',
    'zh-Hans': '首次推送（序号 5）未被确认（{got}；ECDX-PSH-017 另行检查）',
  },
  withSequence2: { en: 'with sequence 2, lower than the 5 already held', 'zh-Hans': '载有序号 2，低于已持有的 5' },
  withSequence7: { en: 'with sequence 7, not contiguous with those held', 'zh-Hans': '载有序号 7，与已持有的序号不连续' },
  withGapFillers: { en: 'with sequences 1, 3, 4 and 6, filling the gaps', 'zh-Hans': '载有序号 1、3、4 和 6，填补空缺' },
  with101Events: { en: 'with 101 events', 'zh-Hans': '载有 101 个事件' },
  refusedBatchOf101: { en: 'refused batch of 101', 'zh-Hans': '被拒绝的 101 个事件的批次' },
  withInvalidBatch: {
    en: 'with a batch lacking sentAt and an event of sequence 0',
    'zh-Hans': '载有缺少 sentAt 且含序号为 0 的事件的批次',
  },
  withNonJsonBody: { en: 'with a body that is not JSON', 'zh-Hans': '请求体不是 JSON' },
  forUnknownWaybill: {
    en: 'for the unknown waybill {waybillNo} with STALLED, EXCEPTION, CUSTOMS and RETURNING events',
    'zh-Hans': '针对未知运单 {waybillNo}，载有 STALLED、EXCEPTION、CUSTOMS 与 RETURNING 事件',
  },
  noReceiverClass: {
    en: 'the platform does not claim platform-tracking-receiver, so it receives no pushes',
    'zh-Hans': '平台未声明 platform-tracking-receiver，因此不接收推送',
  },
  signedTwice: {
    en: 'signed with an unknown key and then with the carrier\u2019s key',
    'zh-Hans': '先以未知密钥、再以快递企业的密钥签名',
  },
  withV2First: {
    en: 'whose webhook-signature lists a v2 signature (unknown scheme) before the correct one',
    'zh-Hans': '其 webhook-signature 在正确签名之前列出一个 v2 签名（未知方案）',
  },

  // --- subscriptions.ts ---
  postWithScheme: { en: 'POST /v1/subscriptions ({scheme})', 'zh-Hans': 'POST /v1/subscriptions（{scheme} 方案）' },
  locationNames: {
    en: '{what}: Location names /v1/subscriptions/{subscriptionId} (got {location})',
    'zh-Hans': '{what}：Location 指明 /v1/subscriptions/{subscriptionId}（实际为 {location}）',
  },
  noLocation: { en: 'no Location', 'zh-Hans': '无 Location' },
  newIsActive: { en: '{what}: the new subscription is ACTIVE (got {state})', 'zh-Hans': '{what}：新订阅处于 ACTIVE 状态（实际为 {state}）' },
  repeatsCallbackUrl: { en: '{what}: the subscription repeats the callbackUrl', 'zh-Hans': '{what}：订阅复述了请求中的 callbackUrl' },
  repeatsScope: { en: '{what}: the subscription repeats the scope (got {scope})', 'zh-Hans': '{what}：订阅复述了请求中的 scope（实际为 {scope}）' },
  repeatsStatuses: {
    en: '{what}: the subscription repeats the statuses filter (got {statuses})',
    'zh-Hans': '{what}：订阅复述了请求中的 statuses 筛选条件（实际为 {statuses}）',
  },
  repeatsScheme: {
    en: '{what}: the subscription repeats the signature scheme (got {scheme})',
    'zh-Hans': '{what}：订阅复述了请求中的签名方案（实际为 {scheme}）',
  },
  v1aWithoutSecret: { en: '{what}: a v1a subscription comes without a secret', 'zh-Hans': '{what}：v1a 订阅不带密钥' },
  v1SecretForm: {
    en: '{what}: a v1 subscription comes with a secret of whsec_ and the base64 of 24 to 64 bytes (got {got})',
    'zh-Hans': '{what}：v1 订阅带有由 whsec_ 与 24 至 64 字节的 base64 编码组成的密钥（实际为 {got}）',
  },
  anotherForm: { en: 'another form', 'zh-Hans': '其他格式' },
  bytes: { en: '{n} bytes', 'zh-Hans': '{n} 字节' },
  newSecret: {
    en: '{what}: the second v1 subscription got a newly generated secret, not the one the first was given',
    'zh-Hans': '{what}：第二个 v1 订阅获得了新生成的密钥，而不是第一个订阅获得的那个',
  },
  noV1NoDisclosure: {
    en: 'the claim offers no v1 scheme, so the carrier issues no secret to disclose',
    'zh-Hans': '一致性声明未提供 v1 方案，因此快递企业不签发可能泄露的密钥',
  },
  noSecretToFollow: {
    en: 'POST /v1/subscriptions (v1) was answered {status} without a secret, so there is no secret to follow (ECDX-PSH-001 is checked on its own)',
    'zh-Hans': 'POST /v1/subscriptions（v1）的应答为 {status}，不含密钥，因此没有可追踪的密钥（ECDX-PSH-001 另行检查）',
  },
  locationWithoutSecret: { en: 'the Location URL does not carry the secret', 'zh-Hans': 'Location URL 不含该密钥' },
  readAnswered: {
    en: 'GET {path} was answered {status} (ECDX-PSH-005 is checked on its own)',
    'zh-Hans': 'GET {path} 的应答为 {status}（ECDX-PSH-005 另行检查）',
  },
  noSecretMember: {
    en: 'GET {path} has no secret member: the secret is shown once, in the 201',
    'zh-Hans': 'GET {path} 的应答没有 secret 成员：密钥只在 201 应答中出现一次',
  },
  secretNowhere: { en: 'GET {path} does not carry the secret anywhere', 'zh-Hans': 'GET {path} 的应答中任何地方都不含该密钥' },
  postWithoutScheme: { en: 'POST /v1/subscriptions without signatureScheme', 'zh-Hans': '不带 signatureScheme 的 POST /v1/subscriptions' },
  postWithUserInfo: {
    en: 'POST /v1/subscriptions with a callbackUrl carrying user-info',
    'zh-Hans': 'callbackUrl 含用户信息（user-info）的 POST /v1/subscriptions',
  },
  postNeverIssued: {
    en: 'POST /v1/subscriptions listing a waybill the carrier never issued',
    'zh-Hans': '列出快递企业从未签发的运单的 POST /v1/subscriptions',
  },
  postForeignWaybill: {
    en: 'POST /v1/subscriptions listing a waybill issued for another platform',
    'zh-Hans': '列出为另一平台签发的运单的 POST /v1/subscriptions',
  },
  couldNotShip: { en: ' ({keyid} could not create a shipment)', 'zh-Hans': '（{keyid} 无法创建运单）' },
  noSecondKeyWaybill: {
    en: 'the harness has no second platform key that can ship{why}, so a waybill of another platform was not tried',
    'zh-Hans': '一致性测试套件没有可下单的第二个平台密钥{why}，因此未尝试另一平台的运单',
  },
  postPlainHttp: {
    en: 'POST /v1/subscriptions with a plain http callbackUrl on a public host',
    'zh-Hans': 'callbackUrl 为公网主机上明文 http 地址的 POST /v1/subscriptions',
  },
  noSubscriptionId: {
    en: 'POST /v1/subscriptions was answered {status} without a subscriptionId (ECDX-PSH-001 is checked on its own)',
    'zh-Hans': 'POST /v1/subscriptions 的应答为 {status}，不含 subscriptionId（ECDX-PSH-001 另行检查）',
  },
  answersCreated: {
    en: 'GET {path} answers the subscription created (same id and callbackUrl)',
    'zh-Hans': 'GET {path} 应答的是所创建的订阅（id 与 callbackUrl 相同）',
  },
  currentStateActive: { en: 'GET {path} gives the current state ACTIVE (got {state})', 'zh-Hans': 'GET {path} 给出当前状态 ACTIVE（实际为 {state}）' },
  secondKeyRefused: {
    en: 'the second platform key ({keyid}) is not accepted by the target, so reading as another platform was not tried',
    'zh-Hans': '被测实现不接受第二个平台密钥（{keyid}），因此未尝试以另一平台的身份读取',
  },
  getAsOtherPlatform: { en: 'GET {path} as another platform (keyid {keyid})', 'zh-Hans': '以另一平台身份（keyid {keyid}）发送的 GET {path}' },
  noSecondKeyRead: {
    en: 'the harness has no second platform key, so reading as another platform was not tried',
    'zh-Hans': '一致性测试套件没有第二个平台密钥，因此未尝试以另一平台的身份读取',
  },
  neverCreated: { en: '{request} (never created)', 'zh-Hans': '{request}（从未创建）' },
  getAfterDelete: { en: 'GET {path} after DELETE', 'zh-Hans': 'DELETE 之后的 GET {path}' },
  deleteAgain: { en: 'DELETE {path} a second time', 'zh-Hans': '第二次 DELETE {path}' },
});
