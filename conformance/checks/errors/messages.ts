// What the error checks say about a target, in both languages (decision 0062). `{request}` is what was sent
// (`POST /v1/shipments`), `{what}` a probe as the messages name it.
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('errors', {
  // --- what was sent ---
  signedPost: { en: 'signed POST {path}', 'zh-Hans': '已签名的 POST {path}' },
  unsignedDeleteConformance: { en: 'unsigned DELETE /v1/conformance', 'zh-Hans': '未签名的 DELETE /v1/conformance' },
  signedPutHealth: { en: 'signed PUT /v1/health', 'zh-Hans': '已签名的 PUT /v1/health' },
  signedDelete: { en: 'signed DELETE {path}', 'zh-Hans': '已签名的 DELETE {path}' },
  platformPathToCarrier: {
    en: 'signed POST /v1/tracking-events (a platform path) to a carrier',
    'zh-Hans': '发给快递企业的已签名 POST /v1/tracking-events（平台的路径）',
  },
  carrierPathToPlatform: {
    en: 'signed GET /v1/shipments/ECDX000000000018 (a carrier path) to a platform',
    'zh-Hans': '发给平台的已签名 GET /v1/shipments/ECDX000000000018（快递企业的路径）',
  },
  withMalformedJson: { en: '{request} with malformed JSON', 'zh-Hans': '{request}（JSON 格式错误）' },
  asTextPlain: { en: '{request} as text/plain', 'zh-Hans': '{request}（以 text/plain 发送）' },
  withSchemaBreak: { en: '{request} with a body that breaks its schema', 'zh-Hans': '{request}（请求体违反其模式）' },
  withBody: { en: '{request} with {how}', 'zh-Hans': '{request}（请求体为{how}）' },
  truncatedJson: { en: 'truncated JSON', 'zh-Hans': '被截断的 JSON' },
  notUtf8: { en: 'JSON that is not UTF-8', 'zh-Hans': '非 UTF-8 编码的 JSON' },
  emptyBody: { en: 'an empty body', 'zh-Hans': '空' },
  declaredAs: { en: '{request} declared as {contentType}', 'zh-Hans': '{request}（声明为 {contentType}）' },
  withoutContentType: { en: '{request} without a Content-Type', 'zh-Hans': '{request}（不带 Content-Type）' },
  withBytes: { en: '{request} with {bytes} bytes of JSON', 'zh-Hans': '{request}（{bytes} 字节的 JSON）' },
  overOneMib: { en: '{request} with a body over 1 MiB', 'zh-Hans': '{request}（请求体超过 1 MiB）' },
  unknownKey: { en: '{request} signed with an unknown key', 'zh-Hans': '{request}（以未知密钥签名）' },
  withInvalid: { en: '{request} with {pointers} invalid', 'zh-Hans': '{request}（{pointers} 无效）' },
  and: { en: ' and ', 'zh-Hans': '、' },
  withSchemaViolation: { en: '{request} with a schema violation', 'zh-Hans': '{request}（违反模式）' },
  mainlandWithoutDivisionCode: {
    en: 'POST /v1/shipments with a mainland recipient address without divisionCode',
    'zh-Hans': 'POST /v1/shipments（收件人地址在境内但不带 divisionCode）',
  },
  unknownWaybill: { en: '{request} (an unknown waybill)', 'zh-Hans': '{request}（未知运单号）' },
  unknownWaybillCursor: {
    en: '{request} (an unknown waybill, a cursor no one issued)',
    'zh-Hans': '{request}（未知运单号，且游标从未签发）',
  },
  problemForInvalidMember: {
    en: 'the {status} problem for {request} with an invalid member',
    'zh-Hans': '针对带无效成员的 {request} 的 {status} 问题详情',
  },
  problemForUnsigned: {
    en: 'the {status} problem for the same request unsigned',
    'zh-Hans': '针对未签名的同一请求的 {status} 问题详情',
  },
  // --- what is expected ---
  notA5xx: { en: '{what}: answered {status}, not a 5xx', 'zh-Hans': '{what}：应答为 {status}，不是 5xx' },
  jsonProblemWithType: {
    en: '{what}: the {status} answer is a JSON problem with a type',
    'zh-Hans': '{what}：{status} 应答是带有 type 的 JSON 问题详情',
  },
  catalogueType: {
    en: '{what}: the problem type {type} is a URI of the ECDX problem catalogue',
    'zh-Hans': '{what}：问题类型 {type} 是 ECDX 问题类型目录中的 URI',
  },
  catalogueTitle: {
    en: "{what}: the title of {slug} is the catalogue's '{title}' (got '{got}')",
    'zh-Hans': '{what}：{slug} 的 title 为目录中的“{title}”（实际为“{got}”）',
  },
  catalogueStatus: {
    en: '{what}: {slug} is answered with its catalogue status {status} (got {got})',
    'zh-Hans': '{what}：{slug} 以目录中规定的状态码 {status} 应答（实际为 {got}）',
  },
  noErrorCase: { en: 'none of the error cases was answered with an error status', 'zh-Hans': '所有错误用例均未以错误状态码应答' },
  allowLists: {
    en: "{what}: the Allow header lists {allowed} (got '{got}')",
    'zh-Hans': '{what}：Allow 头列出 {allowed}（实际为“{got}”）',
  },
  nothing: { en: 'nothing', 'zh-Hans': '无' },
  invalidNot422: {
    en: "{what} was answered {status}, not 422 (its schema rules are another requirement's)",
    'zh-Hans': '{what}的应答为 {status}，而非 422（其模式规则由另一项要求验证）',
  },
  listsInvalidParams: { en: 'the validation-failed problem lists invalidParams', 'zh-Hans': 'validation-failed 问题详情列出了 invalidParams' },
  namesViolation: {
    en: 'invalidParams names the violation at {pointer} (it names {names})',
    'zh-Hans': 'invalidParams 指明了 {pointer} 处的违规（其指明的是 {names}）',
  },
  violationInBody: {
    en: 'the violation at {pointer} is in the body (in: {in})',
    'zh-Hans': '{pointer} 处的违规位于请求体中（in：{in}）',
  },
  inNotGiven: { en: 'not given, which means body', 'zh-Hans': '未给出，即 body' },
  paramIn: { en: '{name} in {in}', 'zh-Hans': '{name}（位于 {in}）' },
  queryParamNamed: {
    en: 'GET /v1/statistics/sharing with to=yesterday: invalidParams names /to with in: query (it names {names})',
    'zh-Hans': 'GET /v1/statistics/sharing（to=yesterday）：invalidParams 指明 /to，且 in 为 query（其指明的是 {names}）',
  },
  not422Shp003: {
    en: "{what} was answered {status}, not 422 (refusing it is ECDX-SHP-003's business)",
    'zh-Hans': '{what}的应答为 {status}，而非 422（是否拒绝它属于 ECDX-SHP-003 的范围）',
  },
  limitNotJudged: {
    en: 'limit=0 on the known waybill {waybillNo} was answered {status}, not 422: the limit is not judged at all (ECDX-TRK-010)',
    'zh-Hans': '对已知运单号 {waybillNo} 使用 limit=0 的应答为 {status}，而非 422：limit 根本未被判定（ECDX-TRK-010）',
  },
  cursorAnswered: {
    en: "GET {path} was answered {status}; what an unknown waybill gets is ECDX-TRK-012's business",
    'zh-Hans': 'GET {path} 的应答为 {status}；未知运单号应得到什么应答属于 ECDX-TRK-012 的范围',
  },
  alsoServesRole: {
    en: 'the target also serves the {role} role at this base URL, so its paths are defined here',
    'zh-Hans': '被测实现在此基础 URL 上也提供{role}角色，因此该角色的路径在此处有定义',
  },
  notA4xxProblem: {
    en: '{what} was answered {status}, not a 4xx problem to inspect',
    'zh-Hans': '{what}的应答为 {status}，不是可供检查的 4xx 问题详情',
  },
  noSignatureRepeated: { en: "{what} does not repeat the request's signature", 'zh-Hans': '{what}不复述请求的签名' },
  noStackTrace: { en: '{what} carries no stack trace', 'zh-Hans': '{what}不含堆栈跟踪' },
});
