// What the kit's helpers say about a target, in both languages (decision 0062). `{what}` is what was sent, as the
// calling check names it.
import { defineMessages } from '../i18n/text.ts';

export const M = defineMessages('kit', {
  // --- refusals.ts ---
  problemSummary: { en: ' ({summary})', 'zh-Hans': '（{summary}）' },
  refusedWith: {
    en: '{what}: expected HTTP {status} ({slugs}), got {got}{problem}',
    'zh-Hans': '{what}：应为 HTTP {status}（{slugs}），实际为 {got}{problem}',
  },
  or: { en: ' or ', 'zh-Hans': ' 或 ' },
  catalogueType: {
    en: '{what}: the problem type {type} is a URI of the ECDX problem catalogue',
    'zh-Hans': '{what}：问题类型 {type} 是 ECDX 问题类型目录中的 URI',
  },
  problemTypeIs: { en: '{what}: problem type is {slugs} (got {type})', 'zh-Hans': '{what}：问题类型为 {slugs}（实际为 {type}）' },
  problemContentType: {
    en: "{what}: the {status} answer is application/problem+json (got '{contentType}')",
    'zh-Hans': '{what}：{status} 应答应为 application/problem+json（实际为“{contentType}”）',
  },
  none: { en: 'none', 'zh-Hans': '无' },
  validProblem: { en: '{what}: the body is a valid Problem', 'zh-Hans': '{what}：响应体是有效的 Problem' },
  invalidProblem: { en: '{what}: the body is not a valid Problem: {violations}', 'zh-Hans': '{what}：响应体不是有效的 Problem：{violations}' },
  problemStatusMember: {
    en: "{what}: the problem's status member {member} equals the HTTP status {status}",
    'zh-Hans': '{what}：问题详情的 status 成员 {member} 与 HTTP 状态码 {status} 相同',
  },
});
