// What the shipping checks say about a target, in both languages (decision 0062), grouped by the file that says it.
// `{what}` is what was sent or what is judged, as the calling check names it; `{problem}` the target's problem in
// a few words (kit/refusals.ts `problemSummaryText`), or nothing; `{difference}` the first difference between what
// was sent and what is held (kit/json.ts `describeDifference`).
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('shipping', {
  // --- shared by several files ---
  getAnswered: { en: 'GET {path} answered {status}{problem}', 'zh-Hans': 'GET {path} 的应答为 {status}{problem}' },

  // --- index.ts ---
  newCancellationAnswered: {
    en: 'the cancellation of a new shipment answered {status}{problem} (see ECDX-SHP-009)',
    'zh-Hans': '新快件的取消应答为 {status}{problem}（见 ECDX-SHP-009）',
  },
  newCancellationNotCancelled: {
    en: 'the cancellation of a new shipment did not answer a CANCELLED Shipment with cancelledAt (see ECDX-SHP-009)',
    'zh-Hans': '新快件的取消未应答状态为 CANCELLED 且带 cancelledAt 的 Shipment（见 ECDX-SHP-009）',
  },
  notAcceptedAfterADay: {
    en: '24 hours after creation the parcel on the regular path is still not accepted (status {status}), so there is no accepted shipment to work with',
    'zh-Hans': '创建 24 小时后，常规路径上的快件仍未收寄（状态为 {status}），因此没有可供检查的已收寄快件',
  },
  labelValidPost: { en: 'POST /v1/shipments with valid shipping data', 'zh-Hans': '携带有效寄递数据的 POST /v1/shipments' },
  newShipmentCreated: { en: 'the new shipment is in status CREATED (got {status})', 'zh-Hans': '新快件的状态为 CREATED（实际为 {status}）' },
  requestNotAsSent: {
    en: "the shipment's request is not the request sent: {difference}",
    'zh-Hans': '快件的 request 与所发送的请求不一致：{difference}',
  },
  requestAsSent: {
    en: 'the shipment carries the request as sent, member by member',
    'zh-Hans': '快件的 request 与所发送的请求逐成员一致',
  },
  locationHeader: { en: 'the 201 answer carries a Location header', 'zh-Hans': '201 应答带有 Location 头' },
  locationNames: {
    en: 'the Location header names /v1/shipments/{waybillNo} (got {location})',
    'zh-Hans': 'Location 头指向 /v1/shipments/{waybillNo}（实际为 {location}）',
  },
  differentWaybills: {
    en: 'two shipments of order {order} got different waybill numbers (both got {waybillNo})',
    'zh-Hans': '订单 {order} 的两个快件得到不同的运单号（两者均为 {waybillNo}）',
  },
  firstStillHeld: {
    en: 'the first shipment {waybillNo} is still held after the second was created (GET answered {status})',
    'zh-Hans': '创建第二个快件后，第一个快件 {waybillNo} 仍被保存（GET 的应答为 {status}）',
  },
  minimalExpected201: {
    en: 'POST /v1/shipments with only the required members: expected HTTP 201, got {status}{problem}',
    'zh-Hans': '仅含必填成员的 POST /v1/shipments：应为 HTTP 201，实际为 {status}{problem}',
  },
  readWaybillNo: {
    en: 'the shipment read has waybill number {expected} (got {got})',
    'zh-Hans': '读取到的快件的运单号为 {expected}（实际为 {got}）',
  },
  createdAtStill: { en: 'createdAt is still {expected} (got {got})', 'zh-Hans': 'createdAt 仍为 {expected}（实际为 {got}）' },
  heldNotAccepted: {
    en: 'the request held is not the request accepted: {difference}',
    'zh-Hans': '所保存的请求与所接收的请求不一致：{difference}',
  },
  heldEqualsAccepted: {
    en: 'the request held equals the request accepted, member by member',
    'zh-Hans': '所保存的请求与所接收的请求逐成员一致',
  },
  neverIssued: { en: '{request} (never issued)', 'zh-Hans': '{request}（从未签发的运单号）' },
  cancellationStatus: {
    en: 'the cancellation answers status CANCELLED (got {status})',
    'zh-Hans': '取消的应答中状态为 CANCELLED（实际为 {status}）',
  },
  cancellationCancelledAt: { en: 'the cancellation answers cancelledAt', 'zh-Hans': '取消的应答中带有 cancelledAt' },
  labelGetAfterCancellation: {
    en: 'GET /v1/shipments/{waybillNo} after the cancellation',
    'zh-Hans': '取消之后的 GET /v1/shipments/{waybillNo}',
  },
  afterCancellationStatus: {
    en: 'after the cancellation, GET reports status CANCELLED (got {status})',
    'zh-Hans': '取消之后，GET 报告状态为 CANCELLED（实际为 {status}）',
  },
  afterCancellationCancelledAt: {
    en: 'after the cancellation, GET reports cancelledAt {expected} (got {got})',
    'zh-Hans': '取消之后，GET 报告 cancelledAt 为 {expected}（实际为 {got}）',
  },
  labelSecondCancellation: {
    en: 'a second POST /v1/shipments/{waybillNo}/cancellation',
    'zh-Hans': '第二次 POST /v1/shipments/{waybillNo}/cancellation',
  },
  repeatedStatus: {
    en: 'the repeated cancellation answers status CANCELLED (got {status})',
    'zh-Hans': '重复取消的应答中状态为 CANCELLED（实际为 {status}）',
  },
  repeatedKeepsCancelledAt: {
    en: 'the repeated cancellation keeps cancelledAt {expected} (got {got})',
    'zh-Hans': '重复取消保持 cancelledAt 为 {expected}（实际为 {got}）',
  },
  repeatedChanged: {
    en: 'the repeated cancellation changed the shipment: {difference}',
    'zh-Hans': '重复取消改变了快件：{difference}',
  },
  repeatedUnchanged: {
    en: 'the repeated cancellation answers the shipment unchanged',
    'zh-Hans': '重复取消的应答中快件未被改变',
  },
  validPostAnswered: {
    en: 'POST /v1/shipments with valid shipping data answered {status} (see ECDX-SHP-001)',
    'zh-Hans': '携带有效寄递数据的 POST /v1/shipments 的应答为 {status}（见 ECDX-SHP-001）',
  },
  noWaybillNo: { en: 'the answer to POST /v1/shipments names no waybillNo', 'zh-Hans': 'POST /v1/shipments 的应答未给出 waybillNo' },
  labelGetOf: { en: 'GET of {waybillNo}', 'zh-Hans': '对 {waybillNo} 的 GET 请求' },
  labelCancellationOf: { en: 'the cancellation of {waybillNo}', 'zh-Hans': '对 {waybillNo} 的取消请求' },
  labelAnswered: { en: '{what} answered {status}{problem}', 'zh-Hans': '{what}的应答为 {status}{problem}' },
  timesContradict: {
    en: "{what}: the shipment's times contradict each other: {found}",
    'zh-Hans': '{what}：快件的各个时间相互矛盾：{found}',
  },
  timesConsistent: { en: "{what}: the shipment's times are consistent", 'zh-Hans': '{what}：快件的各个时间前后一致' },
  labelCancellationInStatus: {
    en: 'POST /v1/shipments/{waybillNo}/cancellation of a shipment in status {status}',
    'zh-Hans': '对状态为 {status} 的快件发送的 POST /v1/shipments/{waybillNo}/cancellation',
  },
  labelGetAfterRefused: {
    en: 'GET /v1/shipments/{waybillNo} after the refused cancellation',
    'zh-Hans': '取消被拒绝之后的 GET /v1/shipments/{waybillNo}',
  },
  refusedLeftAsItWas: {
    en: 'the refused cancellation left the shipment as it was (now status {status}{cancelledAt})',
    'zh-Hans': '被拒绝的取消未改变快件（当前状态为 {status}{cancelledAt}）',
  },
  cancelledAtNow: { en: ', cancelledAt {cancelledAt}', 'zh-Hans': '，cancelledAt 为 {cancelledAt}' },
  labelGetOnceAccepted: { en: 'GET /v1/shipments/{waybillNo} once accepted', 'zh-Hans': '收寄之后的 GET /v1/shipments/{waybillNo}' },
  acceptedTimesContradict: {
    en: "the accepted shipment's times contradict each other: {found}",
    'zh-Hans': '已收寄快件的各个时间相互矛盾：{found}',
  },
  acceptedTimesConsistent: {
    en: "the accepted shipment's times are consistent (createdAt {createdAt}, acceptedAt {acceptedAt})",
    'zh-Hans': '已收寄快件的各个时间前后一致（createdAt 为 {createdAt}，acceptedAt 为 {acceptedAt}）',
  },
  labelGetTwoDaysAfter: {
    en: 'GET /v1/shipments/{waybillNo} 2 days after its cancellation',
    'zh-Hans': '取消 2 天之后的 GET /v1/shipments/{waybillNo}',
  },
  twoDaysStatus: {
    en: '2 days after the cancellation, GET reports status CANCELLED (got {status})',
    'zh-Hans': '取消 2 天之后，GET 报告状态为 CANCELLED（实际为 {status}）',
  },
  twoDaysCancelledAt: {
    en: '2 days after the cancellation, GET reports cancelledAt {expected} (got {got})',
    'zh-Hans': '取消 2 天之后，GET 报告 cancelledAt 为 {expected}（实际为 {got}）',
  },

  labelOtherCarrier: {
    en: 'POST /v1/shipments addressed to carrier {carrier}',
    'zh-Hans': '寄往快递企业 {carrier} 的 POST /v1/shipments',
  },
  labelProhibitedContents: {
    en: 'POST /v1/shipments with contents in the prohibited categories {first} and {second}',
    'zh-Hans': '内件属于禁寄类别 {first} 和 {second} 的 POST /v1/shipments',
  },

  // --- generated.ts ---
  labelGenerated: {
    en: 'POST /v1/shipments with generated shipping data {body}',
    'zh-Hans': '携带生成的寄递数据 {body} 的 POST /v1/shipments',
  },
  generatedExpected201: {
    en: '{sent}: expected 201, got {status}{problem}{absent}',
    'zh-Hans': '{sent}：应为 201，实际为 {status}{problem}{absent}',
  },
  namingAbsent: {
    en: ' naming {pointer}, which the request leaves out',
    'zh-Hans': '，并指明了请求中并未包含的 {pointer}',
  },
  generatedAnswerNotSent: {
    en: "{sent}: the 201 answer's request is not the request sent: {difference}",
    'zh-Hans': '{sent}：201 应答中的 request 与所发送的请求不一致：{difference}',
  },
  generatedGetAfter: {
    en: 'GET {path} after {sent}: expected 200, got {status}{problem}',
    'zh-Hans': '{sent}之后的 GET {path}：应为 200，实际为 {status}{problem}',
  },
  generatedHeldNotSent: {
    en: '{sent}: the shipment held is not the request sent: {difference}',
    'zh-Hans': '{sent}：所保存的快件与所发送的请求不一致：{difference}',
  },
  allGeneratedHeld: {
    en: 'all {n} generated valid ShipmentRequests (seed {seed}) were accepted and held member for member as sent',
    'zh-Hans': '全部 {n} 个生成的有效 ShipmentRequest（种子 {seed}）均被接受，并逐成员按发送时原样保存',
  },
  stillCreated: {
    en: 'after the refused cancellations the shipment is still CREATED (got {status})',
    'zh-Hans': '各取消请求被拒绝之后，快件仍为 CREATED（实际为 {status}）',
  },

  // --- vectors.ts ---
  vectorFailure: { en: '"{description}" — {finding}', 'zh-Hans': '“{description}”：{finding}' },
  vectorsNotRefused: {
    en: '{failed} of {total} invalid {schema} bodies were not refused as required: {list}',
    'zh-Hans': '{total} 个无效的 {schema} 请求体中有 {failed} 个未按要求被拒绝：{list}',
  },
  vectorsRefused: {
    en: 'all {total} invalid {schema} bodies were refused with 422 validation-failed naming the offending members',
    'zh-Hans': '全部 {total} 个无效的 {schema} 请求体均被以 422 validation-failed 拒绝，并指明了出错成员',
  },
  notCancelledAfterRefusals: {
    en: 'after the refused cancellations the shipment is not cancelled (status {status})',
    'zh-Hans': '各取消请求被拒绝之后，快件未被取消（状态为 {status}）',
  },
});
