// What the kit's helpers say about a target, in both languages (decision 0062), grouped by the file that says it.
// `{what}` is what was sent, as the calling check names it; `{problem}` the target's problem in a few words
// (refusals.ts `problemSummaryText`), or nothing. Requests, statuses, pointers, ids and what the target or a
// validator wrote are shown as they are.
import { defineMessages } from '../i18n/text.ts';

export const M = defineMessages('kit', {
  // --- shared by several files ---
  and: { en: ' and ', 'zh-Hans': ' 和 ' },
  event: { en: 'event {sequence} ({status})', 'zh-Hans': '事件 {sequence}（{status}）' },

  // --- refusals.ts and shipping-refusals.ts ---
  problemSummary: { en: ' ({summary})', 'zh-Hans': '（{summary}）' },
  refusedWith: {
    en: '{what}: expected HTTP {status} ({slugs}), got {got}{problem}',
    'zh-Hans': '{what}：应为 HTTP {status}（{slugs}），实际为 {got}{problem}',
  },
  catalogueType: {
    en: '{what}: the problem type {type} is a URI of the ECDX problem catalogue',
    'zh-Hans': '{what}：问题类型 {type} 是 ECDX 问题类型目录中的 URI',
  },
  problemTypeIs: { en: '{what}: problem type is {slugs} (got {type})', 'zh-Hans': '{what}：问题类型为 {slugs}（实际为 {type}）' },
  problemContentType: {
    en: "{what}: the {status} answer is application/problem+json (got '{contentType}')",
    'zh-Hans': '{what}：{status} 应答应为 application/problem+json（实际为“{contentType}”）',
  },
  validProblem: { en: '{what}: the body is a valid Problem', 'zh-Hans': '{what}：响应体是有效的 Problem' },
  invalidProblem: { en: '{what}: the body is not a valid Problem: {violations}', 'zh-Hans': '{what}：响应体不是有效的 Problem：{violations}' },
  problemStatusMember: {
    en: "{what}: the problem's status member {member} equals the HTTP status {status}",
    'zh-Hans': '{what}：问题详情的 status 成员 {member} 与 HTTP 状态码 {status} 相同',
  },
  expectedProblem: {
    en: '{what}: expected the problem {slug}, got {got}{problem}',
    'zh-Hans': '{what}：应为问题类型 {slug}，实际为 {got}{problem}',
  },
  noInvalidParams: {
    en: '{what}: the {slug} problem has no invalidParams naming {pointers}',
    'zh-Hans': '{what}：{slug} 问题详情没有指明 {pointers} 的 invalidParams',
  },
  invalidParamsMissing: {
    en: '{what}: invalidParams do not name {missing} (they name {named})',
    'zh-Hans': '{what}：invalidParams 未指明 {missing}（其指明的是 {named}）',
  },
  naming: { en: ' naming {pointers}', 'zh-Hans': '，并指明 {pointers}' },
  refusedAsExpected: { en: '{what}: refused with {status} {slug}{naming}', 'zh-Hans': '{what}：被以 {status} {slug} 拒绝{naming}' },
  acceptsAnything: {
    en: '{what} was accepted ({status}) — and so was a body with an unknown service level: the target does not validate shipping data against ShipmentRequest at all',
    'zh-Hans': '{what}被接受（{status}），而带有未知服务级别的请求体也被接受：被测实现根本未按 ShipmentRequest 校验寄递数据',
  },
  postShipments: { en: 'POST /v1/shipments {what}', 'zh-Hans': 'POST /v1/shipments 请求{what}' },
  earlierThanCreated: { en: '{name} {value} is earlier than createdAt {createdAt}', 'zh-Hans': '{name} {value} 早于 createdAt {createdAt}' },
  updatedEarlier: { en: 'updatedAt {updatedAt} is earlier than {name} {value}', 'zh-Hans': 'updatedAt {updatedAt} 早于 {name} {value}' },

  // --- claim.ts ---
  claimUnreadableCarrierCode: {
    en: 'the conformance claim could not be read, so the harness does not know the carrier code to address',
    'zh-Hans': '无法读取一致性声明，因此一致性测试套件不知道应使用哪个快递企业代码',
  },
  noCarrierCode: {
    en: 'the conformance claim names no carrier code (party.carrierCode)',
    'zh-Hans': '一致性声明未给出快递企业代码（party.carrierCode）',
  },

  // --- client-actions.ts ---
  actionNotListed: {
    en: "the target does not list {action} in its claim's testActions, so it cannot be made to act as a client (ECDX-CNF-010)",
    'zh-Hans': '被测实现未在其一致性声明的 testActions 中列出 {action}，因此无法让它作为客户端行事（ECDX-CNF-010）',
  },
  actionAnswered: {
    en: 'POST /v1/test/actions ({action}) answered {status}, not 200 with a TestActionOutcome',
    'zh-Hans': 'POST /v1/test/actions（{action}）的应答为 {status}，而不是带 TestActionOutcome 的 200',
  },
  actionNoOutcome: {
    en: 'POST /v1/test/actions ({action}) did not answer a TestActionOutcome of that action',
    'zh-Hans': 'POST /v1/test/actions（{action}）未应答该动作的 TestActionOutcome',
  },
  nthOfKind: { en: ' (request {nth} of its kind)', 'zh-Hans': '（同类请求中的第 {nth} 个）' },
  sentNone: {
    en: 'the target answered that it acted but sent no {what}{nth} to the harness',
    'zh-Hans': '被测实现答复称已执行该动作，但未向一致性测试套件发送{what}{nth}',
  },

  // --- client-duties.ts ---
  requestDetail: { en: '{request} (request {seq}): {detail}', 'zh-Hans': '{request}（请求 {seq}）：{detail}' },
  noKey: { en: '{request} (request {seq}) carries no Idempotency-Key', 'zh-Hans': '{request}（请求 {seq}）未带 Idempotency-Key' },
  keyForm: {
    en: '{request} (request {seq}): its Idempotency-Key is not 1 to 255 visible ASCII characters',
    'zh-Hans': '{request}（请求 {seq}）：其 Idempotency-Key 不是 1 至 255 个可见 ASCII 字符',
  },
  keyReused: {
    en: '{request} (request {seq}) reuses the Idempotency-Key of request {earlier} for a different request',
    'zh-Hans': '{request}（请求 {seq}）将请求 {earlier} 的 Idempotency-Key 重用于一个不同的请求',
  },
  retryOtherKey: {
    en: 'request {seq}, sent again after request {first} was answered {status}, carries another Idempotency-Key',
    'zh-Hans': '请求 {seq} 是在请求 {first} 得到 {status} 应答后再次发送的，却带有另一个 Idempotency-Key',
  },
  retryOtherBody: {
    en: 'request {seq}, sent again after request {first} was answered {status}, carries another body',
    'zh-Hans': '请求 {seq} 是在请求 {first} 得到 {status} 应答后再次发送的，却带有另一个请求体',
  },
  retriedTooSoon: {
    en: 'request {next} came {waited} ms after request {answered} was answered {status} with Retry-After: {seconds}',
    'zh-Hans': '请求 {answered} 得到带 Retry-After: {seconds} 的 {status} 应答后，请求 {next} 仅过 {waited} 毫秒即到来',
  },
  keyTooShort: {
    en: 'the Idempotency-Key of request {seq} has room for {bits} bits, not 128',
    'zh-Hans': '请求 {seq} 的 Idempotency-Key 最多只能容纳 {bits} 位，而不是 128 位',
  },
  keyCarriesValue: {
    en: 'the Idempotency-Key of request {seq} carries a value of its body',
    'zh-Hans': '请求 {seq} 的 Idempotency-Key 含有其请求体中的一个值',
  },
  keysDifferInTail: {
    en: 'the Idempotency-Keys of requests {a} and {b} differ only in their last {n} characters',
    'zh-Hans': '请求 {a} 与请求 {b} 的 Idempotency-Key 仅在最后 {n} 个字符上不同',
  },
  cursorNotFollowed: {
    en: 'the page answered to request {seq} names a nextCursor that no later request followed',
    'zh-Hans': '对请求 {seq} 应答的页面给出了 nextCursor，但之后没有任何请求沿用它',
  },
  undefinedMember: {
    en: 'shipping data carries {pointer}, which ShipmentRequest does not define',
    'zh-Hans': '寄递数据含有 {pointer}，而 ShipmentRequest 未定义该成员',
  },
  identityNumber: {
    en: 'shipping data carries an identity document number at {pointer}',
    'zh-Hans': '寄递数据在 {pointer} 处含有身份证件号码',
  },
  theNotice: { en: 'the notice', 'zh-Hans': '该通知' },
  theNotification: { en: 'the notification', 'zh-Hans': '该通报' },
  invalidAs: { en: '{what} is not a valid {schema}: {violation}', 'zh-Hans': '{what}不是有效的 {schema}：{violation}' },
  notificationLate: {
    en: 'the notification came {hours} h after the detectedAt it states (at most {max} h)',
    'zh-Hans': '该通报在其所述的 detectedAt 之后 {hours} 小时才到达（至多 {max} 小时）',
  },

  // --- generated.ts ---
  truncated: { en: '{text}… ({n} characters)', 'zh-Hans': '{text}…（共 {n} 个字符）' },
  variant: { en: '{what} with {description} (keyword {keyword})', 'zh-Hans': '{what}（{description}，关键字 {keyword}）' },
  noVariant: {
    en: 'no invalid variant of the {what} body could be derived from its schema',
    'zh-Hans': '无法从 schema 推导出 {what} 请求体的任何无效变体',
  },
  withRequest: { en: '{message}; {label}: {request}', 'zh-Hans': '{message}；{label}：{request}' },
  smallestRequest: { en: 'the smallest request that shows it', 'zh-Hans': '能显示该问题的最小请求' },
  theRequest: { en: 'the request', 'zh-Hans': '该请求' },
  notRefused: {
    en: '{n} of {total} generated invalid requests were not refused as required. {first}',
    'zh-Hans': '{total} 个生成的无效请求中有 {n} 个未按要求被拒绝。{first}',
  },
  allRefused: {
    en: 'all {total} generated invalid {what} requests ({derived} derived from the schema, {drawn} drawn with seed {seed}) were refused with 422 validation-failed naming the member they break',
    'zh-Hans':
      '全部 {total} 个生成的无效 {what} 请求（{derived} 个由 schema 推导，{drawn} 个以种子 {seed} 随机抽取）均被以 422 validation-failed 拒绝，并指明了所违反的成员',
  },
  declaredTextPlain: {
    en: '{what} declared as text/plain: expected 415, got {status}',
    'zh-Hans': '声明为 text/plain 的 {what}：应为 415，实际为 {status}',
  },
  validBodyAsTextPlain: {
    en: '{what} with a valid body declared as text/plain',
    'zh-Hans': '{what}（有效请求体，声明为 text/plain）',
  },
  propertyFailed: {
    en: '{message} (seed {seed}, found after {runs} runs and {shrinks} shrinks; --seed {seed} reproduces it)',
    'zh-Hans': '{message}（种子 {seed}，经 {runs} 次运行和 {shrinks} 次收缩后发现；使用 --seed {seed} 可以复现）',
  },
  noQueryVariant: {
    en: 'no invalid variant of the query of GET {path} could be derived from its parameters',
    'zh-Hans': '无法从参数推导出 GET {path} 查询的任何无效变体',
  },
  queriesNotRefused: {
    en: '{n} of {total} generated invalid queries were not refused as required. {first}',
    'zh-Hans': '{total} 个生成的无效查询中有 {n} 个未按要求被拒绝。{first}',
  },
  allQueriesRefused: {
    en: 'all {total} generated invalid queries of GET {path} were refused with 422 validation-failed naming the parameter',
    'zh-Hans': 'GET {path} 的全部 {total} 个生成的无效查询均被以 422 validation-failed 拒绝，并指明了参数',
  },

  // --- json.ts ---
  differs: { en: '{pointer} is {actual} instead of {expected}', 'zh-Hans': '{pointer} 为 {actual}，应为 {expected}' },
  differsAbsent: { en: '{pointer} is absent instead of {expected}', 'zh-Hans': '{pointer} 缺失，应为 {expected}' },
  differsPresent: { en: '{pointer} is {actual} instead of absent', 'zh-Hans': '{pointer} 为 {actual}，应当不存在' },
  absent: { en: 'absent', 'zh-Hans': '缺失' },

  // --- notices.ts ---
  noticeNotAccepted: {
    en: 'POST {path} with a valid {reason} notice was answered {status}, not 201, so there is no notice to work with',
    'zh-Hans': '以有效的 {reason} 通知发送 POST {path}，应答为 {status}，不是 201，因此没有可供检查的通知',
  },
  noticeReadAnswered: { en: 'GET {path} ({why}) was answered {status}, not 200', 'zh-Hans': 'GET {path}（{why}）的应答为 {status}，不是 200' },
  noticeReadInvalid: {
    en: 'GET {path} ({why}) did not answer a valid InterruptionNotice',
    'zh-Hans': 'GET {path}（{why}）未应答有效的 InterruptionNotice',
  },

  // --- passive.ts ---
  notObserved: { en: 'not observed: the client sent no {evidence}', 'zh-Hans': '未观察到：客户端没有发送过{evidence}' },
  andMore: { en: ' (and {n} more {n:finding|findings})', 'zh-Hans': '（另有 {n} 项发现）' },
  evidenceSigned: { en: 'request that must be signed', 'zh-Hans': '须签名的请求' },
  evidenceCreating: { en: 'creating request', 'zh-Hans': '创建类请求' },
  evidenceKeyed: { en: 'creating request with an Idempotency-Key', 'zh-Hans': '带 Idempotency-Key 的创建类请求' },
  evidenceRetry: {
    en: 'creating request again after an answer that asked for a retry',
    'zh-Hans': '在要求重试的应答之后再次发送的创建类请求',
  },
  evidenceRetryAfter: { en: 'request again after an answer with Retry-After', 'zh-Hans': '在带 Retry-After 的应答之后再次发送的请求' },
  evidenceCursor: { en: 'read of a trajectory page that named a nextCursor', 'zh-Hans': '对给出了 nextCursor 的轨迹页面的读取请求' },
  evidenceShippingData: { en: 'shipping data (POST /v1/shipments)', 'zh-Hans': '寄递数据（POST /v1/shipments）' },
  evidenceNotice: { en: 'interruption notice (POST /v1/interruption-notices)', 'zh-Hans': '中断通知（POST /v1/interruption-notices）' },
  evidenceIncident: { en: 'incident notification (POST /v1/security-incidents)', 'zh-Hans': '网络安全事件通报（POST /v1/security-incidents）' },
  heldSigned: {
    en: 'all {n} {n:request|requests} that must be signed carry a signature the reference verifier accepts',
    'zh-Hans': '全部 {n} 个须签名的请求都带有参考验证器接受的请求签名',
  },
  heldKeyed: {
    en: 'the {n} creating {n:request|requests} carry keys, a new one for each new request',
    'zh-Hans': '{n} 个创建类请求都带有幂等键，每个新请求用新的幂等键',
  },
  heldRandom: {
    en: 'the keys of {n} creating {n:request|requests} show nothing that random keys would not',
    'zh-Hans': '{n} 个创建类请求的幂等键未显示出随机键不会有的任何特征',
  },
  heldRetry: {
    en: '{n} {n:repeat|repeats} carry the key and body of the request before',
    'zh-Hans': '{n} 次重发都带有前一请求的幂等键和请求体',
  },
  heldRetryAfter: {
    en: 'each of {n} {n:repeat|repeats} came after the Retry-After of the answer before it',
    'zh-Hans': '{n} 次重发均在前一应答的 Retry-After 所示时间之后到来',
  },
  heldCursor: {
    en: 'the client followed the cursors of {n} {n:page|pages} to the last page',
    'zh-Hans': '客户端沿 {n} 个页面的游标一直读到了最后一页',
  },
  heldShippingData: {
    en: '{n} shipment {n:request|requests} hold only what ShipmentRequest defines, and no identity number',
    'zh-Hans': '{n} 个快件请求只含 ShipmentRequest 定义的内容，且不含身份证件号码',
  },
  heldNotice: {
    en: '{n} {n:notice|notices} give the lead time and severity their reasons need',
    'zh-Hans': '{n} 份通知都给出了其事由所需的提前时间和严重程度',
  },
  heldIncident: {
    en: '{n} incident {n:notification|notifications} are valid and came within 24 h of detection',
    'zh-Hans': '{n} 份网络安全事件通报均有效，且在发现后 24 小时内到达',
  },

  // --- push-timing.ts ---
  noFirstPush: {
    en: 'no push for {waybillNo} arrived after the clock moved 30 hours, so the delivery rules cannot be observed (ECDX-PSH-008 is checked on its own)',
    'zh-Hans': '时钟推进 30 小时后仍未收到 {waybillNo} 的推送，因此无法观察推送的送达规则（ECDX-PSH-008 另行检查）',
  },

  // --- pushes.ts ---
  subscriptionNotCreated: {
    en: 'POST /v1/subscriptions ({scheme}) was answered {status} without a subscriptionId, so no push can be observed',
    'zh-Hans': 'POST /v1/subscriptions（{scheme}）的应答为 {status}，且不带 subscriptionId，因此无法观察推送',
  },
  noCreatedAt: { en: 'the new subscription has no createdAt', 'zh-Hans': '新订阅没有 createdAt' },
  noWhsecSecret: {
    en: 'the new v1 subscription came without a whsec_ secret, so its pushes cannot be verified',
    'zh-Hans': '新的 v1 订阅未带 whsec_ 共享密钥，因此无法验证其推送',
  },

  // --- regular-path.ts ---
  wantsAccepted: { en: '{where} stands where the regular path has ACCEPTED', 'zh-Hans': '{where}所在的位置在常规路径上应为 ACCEPTED' },
  heldByCustoms: { en: '{where} is held by customs, which leaves the regular path', 'zh-Hans': '{where}为海关扣留，已偏离常规路径' },
  noSorting: { en: 'no SORTING event between ACCEPTED and {where}', 'zh-Hans': 'ACCEPTED 与{where}之间没有 SORTING 事件' },
  noTransport: {
    en: 'no event at the TRANSPORT node between ACCEPTED and {where}',
    'zh-Hans': 'ACCEPTED 与{where}之间没有处于 TRANSPORT 节点的事件',
  },
  wantsLineHaul: {
    en: '{where} stands where the regular path has SORTING, IN_TRANSIT, ARRIVED_DEST_CITY, CUSTOMS or OUT_FOR_DELIVERY',
    'zh-Hans': '{where}所在的位置在常规路径上应为 SORTING、IN_TRANSIT、ARRIVED_DEST_CITY、CUSTOMS 或 OUT_FOR_DELIVERY',
  },
  wantsDeliveredSelf: {
    en: '{where} follows OUT_FOR_DELIVERY where the regular path has DELIVERED / DELIVERED_SELF',
    'zh-Hans': '{where}跟在 OUT_FOR_DELIVERY 之后，而常规路径上此处应为 DELIVERED / DELIVERED_SELF',
  },
  wantsDeliveredSelfNotSub: {
    en: '{where} / {subStatus} follows OUT_FOR_DELIVERY where the regular path has DELIVERED / DELIVERED_SELF',
    'zh-Hans': '{where}（子状态 {subStatus}）跟在 OUT_FOR_DELIVERY 之后，而常规路径上此处应为 DELIVERED / DELIVERED_SELF',
  },
  followsDelivered: { en: '{where} follows the DELIVERED event', 'zh-Hans': '{where}跟在 DELIVERED 事件之后' },

  // --- requests.ts ---
  claimUnreadableCreating: {
    en: 'the conformance claim could not be read, so the harness cannot tell which creating request the target serves',
    'zh-Hans': '无法读取一致性声明，因此一致性测试套件无法判断被测实现支持哪种创建类请求',
  },
  noCreatingClass: {
    en: 'the target claims none of the classes whose creating requests the harness can send ({classes})',
    'zh-Hans': '被测实现未声明一致性测试套件能发送其创建类请求的任何一致性类别（{classes}）',
  },
  noProbe: {
    en: 'the target claims neither notices nor statistics nor testMode, so the harness knows no signed GET it serves',
    'zh-Hans': '被测实现既未声明 notices、statistics，也未声明 testMode，因此一致性测试套件不知道它支持哪个需签名的 GET',
  },

  // --- shipping-data.ts ---
  shipmentNotCreated: {
    en: 'POST /v1/shipments with valid shipping data answered {status}{problem}, so no shipment could be created (see ECDX-SHP-001)',
    'zh-Hans': '携带有效寄递数据的 POST /v1/shipments 的应答为 {status}{problem}，因此无法创建快件（见 ECDX-SHP-001）',
  },
  shipmentInvalid: {
    en: 'the answer to POST /v1/shipments is not a valid Shipment ({violations})',
    'zh-Hans': 'POST /v1/shipments 的应答不是有效的 Shipment（{violations}）',
  },
  kindName: { en: 'name', 'zh-Hans': '姓名' },
  kindPhone: { en: 'phone', 'zh-Hans': '电话号码' },
  kindPrivacyNumber: { en: 'privacy-number', 'zh-Hans': '隐私号' },
  kindAddressDetail: { en: 'address-detail', 'zh-Hans': '详细地址' },
  kindPostalCode: { en: 'postal-code', 'zh-Hans': '邮政编码' },
  kindCompany: { en: 'company', 'zh-Hans': '单位名称' },

  // --- statistics.ts ---
  statisticsAnswered: {
    en: 'GET {path} ({why}) was answered {status}, not 200 (ECDX-STA-001)',
    'zh-Hans': 'GET {path}（{why}）的应答为 {status}，不是 200（ECDX-STA-001）',
  },
  statisticsInvalid: {
    en: 'GET {path} ({why}) did not answer a valid SharingStatistics ({violations})',
    'zh-Hans': 'GET {path}（{why}）未应答有效的 SharingStatistics（{violations}）',
  },
  pushNotTaken: {
    en: 'a correctly signed push of two tracking events was answered {status}, not 2xx, so the platform has received nothing to count',
    'zh-Hans': '一次签名正确、含两个轨迹事件的推送的应答为 {status}，不是 2xx，因此平台没有收到可供计数的内容',
  },

  // --- trajectory.ts ---
  trajectoryUnreadable: {
    en: 'GET {path} answered {status} without a readable EventPage (see ECDX-TRK-001)',
    'zh-Hans': 'GET {path} 的应答为 {status}，没有可读的 EventPage（见 ECDX-TRK-001）',
  },
  trajectoryTooLong: {
    en: 'the trajectory of {waybillNo} did not end within {pages} pages of 100 events',
    'zh-Hans': '{waybillNo} 的轨迹在 {pages} 页（每页 100 个事件）之内没有结束',
  },
  notDelivered: {
    en: 'the parcel {waybillNo} (platformOrderId ecdx-happy-…) was not DELIVERED within {days} days of test-clock time (chapter Test controls promises 4)',
    'zh-Hans': '快件 {waybillNo}（platformOrderId ecdx-happy-…）在测试时钟的 {days} 天内未达到 DELIVERED（测试控制一章承诺 4 天）',
  },
  returnedParcel: { en: 'the returned parcel {waybillNo}', 'zh-Hans': '已退回的快件 {waybillNo}' },
  deliveredParcel: { en: 'the delivered parcel {waybillNo}', 'zh-Hans': '已投递的快件 {waybillNo}' },
  deliveredParcelOnRejectedPath: {
    en: 'the delivered parcel {waybillNo} (ordered on the rejected path)',
    'zh-Hans': '已投递的快件 {waybillNo}（按 rejected 路径下单）',
  },
  parcelOnRegularPath: {
    en: 'the parcel {waybillNo} ordered on the regular path ({last})',
    'zh-Hans': '按常规路径下单的快件 {waybillNo}（{last}）',
  },
  parcelOnRejectedPath: {
    en: 'the parcel {waybillNo} ordered on the rejected path ({last})',
    'zh-Hans': '按 rejected 路径下单的快件 {waybillNo}（{last}）',
  },
  lastEvent: { en: 'last {event}', 'zh-Hans': '最后为{event}' },
  noEvent: { en: 'no event', 'zh-Hans': '没有事件' },

  // --- client-duties.ts (notice rules) ---
  // `{detail}` is the rule's own reason (schemas/notice-rules.ts): its English as it is, its Chinese (detailZh) in Chinese.
  noticeLeadTimeTooShort: { en: '{detail}', 'zh-Hans': '提前通知时间不足：{detail}' },
  noticeSeverityUnderstated: { en: '{detail}', 'zh-Hans': '严重程度申报偏低：{detail}' },
});
