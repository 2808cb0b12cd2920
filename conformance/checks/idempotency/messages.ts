// What the idempotency checks say about a target, in both languages (decision 0062). `{request}` is what was sent
// (`POST /v1/shipments`), `{how}` how its Idempotency-Key was given, `{what}` a request as the messages name it.
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('idempotency', {
  // --- the original answer and its replay ---
  noOriginalInvalidBody: {
    en: 'the first {request} was answered {status} with a body that is not a valid {schema}, not {status} with a {schema}, so there is no original answer a repeat could be told apart by',
    'zh-Hans': '第一个 {request} 的应答为 {status}，但响应体不是有效的 {schema}，而非带有 {schema} 的 {status}，因此没有可据以区分重复请求的原应答',
  },
  noOriginal: {
    en: 'the first {request} was answered {got}{problem}, not {status} with a {schema}, so there is no original answer a repeat could be told apart by',
    'zh-Hans': '第一个 {request} 的应答为 {got}{problem}，而非带有 {schema} 的 {status}，因此没有可据以区分重复请求的原应答',
  },
  replayStatus: {
    en: '{what}: expected the original status {expected}, got {got}',
    'zh-Hans': '{what}：应为原状态码 {expected}，实际为 {got}',
  },
  replaySameBody: { en: "{what}: the body is the original's", 'zh-Hans': '{what}：响应体与原应答相同' },
  replayBodyDiffers: {
    en: "{what}: the body differs from the original's (the request was processed again){differences}",
    'zh-Hans': '{what}：响应体与原应答不同（请求被再次处理）{differences}',
  },
  membersDiffer: { en: ': {members} differ', 'zh-Hans': '：{members} 不同' },
  repeated: { en: '{request} repeated with the same Idempotency-Key', 'zh-Hans': '以相同 Idempotency-Key 重复发送的 {request}' },
  repeatedLater: {
    en: '{request} repeated {hours} h later (the claim keeps keys {seconds} s)',
    'zh-Hans': '{hours} 小时后重复发送的 {request}（一致性声明规定幂等键保留 {seconds} 秒）',
  },
  readBackOne: {
    en: 'GET {path} reads the one created resource: expected 200, got {status}',
    'zh-Hans': 'GET {path} 读取到唯一创建的资源：应为 200，实际为 {status}',
  },
  // --- the key missing or unusable (ECDX-IDM-002) ---
  claimUnreadableForPosts: {
    en: 'the conformance claim could not be read, so the harness cannot tell which creating POSTs the target serves',
    'zh-Hans': '无法读取一致性声明，因此一致性测试套件无法判断被测实现提供哪些创建类 POST 请求',
  },
  noCreatingPost: {
    en: 'the target serves no creating POST the harness could send for the classes it claims',
    'zh-Hans': '对于被测实现声明的一致性类别，它不提供一致性测试套件可以发送的创建类 POST 请求',
  },
  withoutKey: { en: 'without an Idempotency-Key', 'zh-Hans': '不带 Idempotency-Key' },
  withEmptyKey: { en: 'with an empty Idempotency-Key', 'zh-Hans': '带空的 Idempotency-Key' },
  withLongKey: { en: 'with an Idempotency-Key of 256 characters', 'zh-Hans': '带 256 个字符的 Idempotency-Key' },
  withSpacedKey: { en: 'with an Idempotency-Key containing a space', 'zh-Hans': '带含空格的 Idempotency-Key' },
  sentHow: { en: '{request} {how}', 'zh-Hans': '{request}（{how}）' },
  keyNamed: {
    en: '{what}: invalidParams names /Idempotency-Key in: header (got {got})',
    'zh-Hans': '{what}：invalidParams 指明 /Idempotency-Key，且 in 为 header（实际为 {got}）',
  },
  notProbed: { en: '{request} was not probed: {reason}', 'zh-Hans': '未探测 {request}：{reason}' },
  noShipmentToCancel: {
    en: 'a shipment to cancel could not be created (POST /v1/shipments answered {status}{problem})',
    'zh-Hans': '无法创建用于取消的快件（POST /v1/shipments 的应答为 {status}{problem}）',
  },
  noNoticeToRespondTo: {
    en: 'a notice to respond to could not be posted (POST /v1/interruption-notices answered {status}{problem})',
    'zh-Hans': '无法发送用于答复的中断通知（POST /v1/interruption-notices 的应答为 {status}{problem}）',
  },
  cancellationLeftShipment: {
    en: 'the refused cancellation {how} left the shipment as it was: GET {path} expected 200 and a status other than CANCELLED, got {status}{withStatus}',
    'zh-Hans': '被拒绝的取消请求（{how}）未改变快件：GET {path} 应为 200 且 status 不是 CANCELLED，实际为 {status}{withStatus}',
  },
  withStatus: { en: ' with status {status}', 'zh-Hans': '，status 为 {status}' },
  refusedCreatedNothing: {
    en: 'the refused {request} {how} created nothing: GET {path} expected 404, got {status}',
    'zh-Hans': '被拒绝的 {request}（{how}）未创建任何内容：GET {path} 应为 404，实际为 {status}',
  },
  responseNoValidCopy: {
    en: 'after the refused response {how}, GET {path} was answered {status} without a valid InterruptionNotice, so it does not show the notice unchanged',
    'zh-Hans': '在被拒绝的答复（{how}）之后，GET {path} 的应答为 {status}，不含有效的 InterruptionNotice，因此无法表明中断通知未被改变',
  },
  responseRecorded: {
    en: 'the refused response {how} was not recorded: the copy holds {held} {held:response|responses}, expected none',
    'zh-Hans': '被拒绝的答复（{how}）未被记录：副本中有 {held} 条答复，应为没有',
  },
  // --- another body, in flight (ECDX-IDM-004, -005) ---
  otherBody: {
    en: '{request} with another body under an Idempotency-Key already used',
    'zh-Hans': '以已用过的 Idempotency-Key 发送另一请求体的 {request}',
  },
  refusedCreatedNothingRead: {
    en: 'the refused request created nothing: GET {path} expected 404, got {status}',
    'zh-Hans': '被拒绝的请求未创建任何内容：GET {path} 应为 404，实际为 {status}',
  },
  heldNot2xx: { en: 'the held {request} was answered {status}, not 2xx', 'zh-Hans': '被挂起的 {request} 的应答为 {status}，不是 2xx' },
  heldNotProcessed: {
    en: 'the held {request} was answered {got} at once, not {status} with a {schema}, so it is not known to have been processed',
    'zh-Hans': '被挂起的 {request} 立即得到应答 {got}，而非带有 {schema} 的 {status}，因此无从得知它已被处理',
  },
  noDelayControl: {
    en: 'the target answered the held {request} after {ms} ms: it does not offer the optional test control ecdx-test-delay-ms (chapter Test controls), so no request could be held in flight and ECDX-IDM-005 was not observed',
    'zh-Hans':
      '被测实现在 {ms} 毫秒后应答了被挂起的 {request}：它不提供可选的测试控制 ecdx-test-delay-ms（“测试控制”一章），因此无法使请求保持在处理中，未能观察 ECDX-IDM-005',
  },
  sentInFlight: {
    en: '{request} sent while the first with its Idempotency-Key was in flight',
    'zh-Hans': '在带相同 Idempotency-Key 的第一个请求仍在处理中时发送的 {request}',
  },
  noOverlap: {
    en: 'the two requests under one Idempotency-Key did not overlap at the target (the second was answered {status} with the same body as the held one, twice): ECDX-IDM-005 was not observed',
    'zh-Hans':
      '同一 Idempotency-Key 下的两个请求在被测实现处没有重叠（两次尝试中，第二个请求均得到 {status} 应答，响应体与被挂起的请求相同）：未能观察 ECDX-IDM-005',
  },
  // --- expiry (ECDX-IDM-006) ---
  expiryPublished: {
    en: 'the claim publishes idempotencyKeyExpirySeconds {value}, expected an integer of at least {min}',
    'zh-Hans': '一致性声明公布的 idempotencyKeyExpirySeconds 为 {value}，应为不小于 {min} 的整数',
  },
  noImmediateReplay: {
    en: 'an immediate repeat of {request} does not get the original answer (ECDX-IDM-003), so how long keys are kept cannot be observed',
    'zh-Hans': '立即重复发送的 {request} 未得到原应答（ECDX-IDM-003），因此无法观察幂等键的保留时长',
  },
  // --- per client (ECDX-IDM-007) ---
  noSecondKey: {
    en: 'the harness has no second key for the {role} it plays, so per-client scoping cannot be observed',
    'zh-Hans': '一致性测试套件没有其所扮演的{role}的第二个密钥，因此无法观察幂等键按客户端区分',
  },
  secondKeyRefused: {
    en: 'the second key {keyid} is not accepted by the target (401)',
    'zh-Hans': '被测实现不接受第二个密钥 {keyid}（401）',
  },
  secondClientNewRequest: {
    en: "{request} from a second client (keyid {keyid}) under the first client's Idempotency-Key is a new request: expected 2xx, got {status}",
    'zh-Hans': '来自第二个客户端（keyid {keyid}）、使用第一个客户端的 Idempotency-Key 的 {request} 是一个新请求：应为 2xx，实际为 {status}',
  },
  ownAnswer: {
    en: "the second client got its own answer, not the first client's",
    'zh-Hans': '第二个客户端得到了自己的应答，而不是第一个客户端的应答',
  },
  // --- a refused request keeps its key (ECDX-IDM-008) ---
  keyNotAccepted: {
    en: "a correctly signed GET was refused with 401: the target does not accept the harness's key",
    'zh-Hans': '正确签名的 GET 被以 401 拒绝：被测实现不接受一致性测试套件的密钥',
  },
  staleNot401: {
    en: '{request} with a signature that expired 5 minutes ago was answered {status}, not 401',
    'zh-Hans': '签名已过期 5 分钟的 {request} 的应答为 {status}，而非 401',
  },
  retriedProcessed: {
    en: '{request} correctly signed under the Idempotency-Key of a request refused with 401 is processed: expected 2xx, got {status}',
    'zh-Hans': '正确签名、使用曾被以 401 拒绝的请求的 Idempotency-Key 的 {request} 得到处理：应为 2xx，实际为 {status}',
  },
  // --- requests that create nothing (ECDX-IDM-010) ---
  getKeyNotAccepted: {
    en: "a correctly signed GET {path} was refused with 401: the target does not accept the harness's key",
    'zh-Hans': '正确签名的 GET {path} 被以 401 拒绝：被测实现不接受一致性测试套件的密钥',
  },
  keyedGet: {
    en: 'GET {path} with an Idempotency-Key ({attempt} time) is answered as without one: expected {expected}, got {got}',
    'zh-Hans': '带 Idempotency-Key 的 GET {path}（{attempt}）按不带该字段的请求应答：应为 {expected}，实际为 {got}',
  },
  first: { en: 'first', 'zh-Hans': '第一次' },
  second: { en: 'second', 'zh-Hans': '第二次' },
  noTestClock: {
    en: 'the target does not claim testMode, so it has no test clock to move',
    'zh-Hans': '被测实现未声明 testMode，因此没有可拨动的测试时钟',
  },
  clockMoveProcessed: {
    en: 'POST /v1/test/clock with an Idempotency-Key is processed: expected 200, got {status}',
    'zh-Hans': '带 Idempotency-Key 的 POST /v1/test/clock 得到处理：应为 200，实际为 {status}',
  },
  notATestClock: { en: 'POST /v1/test/clock did not answer a TestClock', 'zh-Hans': 'POST /v1/test/clock 未应答 TestClock' },
  secondClockMoveProcessed: {
    en: 'a second POST /v1/test/clock under the same Idempotency-Key is processed: expected 200, got {status}',
    'zh-Hans': '使用相同 Idempotency-Key 的第二个 POST /v1/test/clock 得到处理：应为 200，实际为 {status}',
  },
  clockMovedAgain: {
    en: 'the second move under the same Idempotency-Key moved the clock again: it reads {now}, the first read {first}',
    'zh-Hans': '使用相同 Idempotency-Key 的第二次拨动再次拨动了时钟：其读数为 {now}，第一次的读数为 {first}',
  },
});
