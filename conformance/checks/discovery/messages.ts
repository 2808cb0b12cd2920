// What the discovery checks say about a target, in both languages (decision 0062). `{path}` is a request's path,
// `{what}` a request as the messages name it; roles, headers and what the target answered are values.
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('discovery', {
  // --- what was sent ---
  // --- the conformance claim ---
  contentTypeJson: {
    en: "Content-Type is application/json (got '{contentType}')",
    'zh-Hans': 'Content-Type 为 application/json（实际为“{contentType}”）',
  },
  claimInvalid: {
    en: 'the conformance claim is not a valid ConformanceClaim (see ECDX-CNF-001)',
    'zh-Hans': '一致性声明不是有效的 ConformanceClaim（见 ECDX-CNF-001）',
  },
  includesCore: { en: 'the claim includes the core class', 'zh-Hans': '一致性声明包含 core 一致性类别' },
  roleIs: { en: "the claim's role is {role} (got {claimed})", 'zh-Hans': '一致性声明的角色为 {role}（实际为 {claimed}）' },
  noInconsistency: { en: 'no inconsistency found', 'zh-Hans': '未发现不一致之处' },
  roleNamed: {
    en: '{what}: invalidParams names /role with in: query (got {got})',
    'zh-Hans': '{what}：invalidParams 指明 /role，且 in 为 query（实际为 {got}）',
  },
  // --- health ---
  healthConsistent: {
    en: 'server time, version, feeds, status and backlog figures are consistent',
    'zh-Hans': '服务器时间、版本、数据流、状态与积压数字彼此一致',
  },
  // --- the test clock ---
  clockMoved: { en: 'the clock moved forward by 3600 s (moved {moved} s)', 'zh-Hans': '时钟向前拨动了 3600 秒（实际拨动 {moved} 秒）' },
  healthMovedWithClock: {
    en: "the health document's serverTime moved with the clock (moved {moved} s)",
    'zh-Hans': '健康状态文档的 serverTime 随时钟变化（变化了 {moved} 秒）',
  },
  // --- HEAD and OPTIONS (methods.ts) ---
  headNot405: {
    en: '{request}: expected HTTP 405 (method-not-allowed), got {status}',
    'zh-Hans': '{request}：应为 HTTP 405（method-not-allowed），实际为 {status}',
  },
  allowListsGet: {
    en: "{what}: the Allow header lists GET and not the method sent (got '{allow}')",
    'zh-Hans': '{what}：Allow 头列出 GET，且不列出所发送的方法（实际为“{allow}”）',
  },
});
