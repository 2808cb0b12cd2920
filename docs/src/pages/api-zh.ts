// docs/zh-Hans/api.html: the Chinese operation guide. Redocly renders the OpenAPI document in English only, so the
// Chinese page lists every operation of the interface — method, path, the role that serves it, whether it is signed —
// with a Chinese summary (docs/src/operations-zh.ts), and links each to its entry in the English reference.
import { operations, pushWebhook, type OperationSpec } from '../../../spec/openapi/operations.ts';
import { html, type Html } from '../html.ts';
import { page } from '../layout.ts';
import { OPERATION_SUMMARIES_ZH } from '../operations-zh.ts';

/** Every operation the guide lists: the paths of spec/openapi/operations.ts, then the push webhook. */
export function guideOperations(): { operationId: string; method: string; path: string; role: string; tag: string; signed: string; summary: string }[] {
  const signedZh = (o: OperationSpec): string => (o.push ? 'Standard Webhooks 签名' : o.signed ? 'RFC 9421 请求签名' : '无需签名');
  return [
    ...operations.map((o) => ({
      operationId: o.operationId,
      method: o.method.toUpperCase(),
      path: o.path,
      role: o.role,
      tag: o.tag,
      signed: signedZh(o),
      summary: o.summary,
    })),
    {
      operationId: pushWebhook.operationId,
      method: 'POST',
      path: `webhook: ${pushWebhook.name}`,
      role: 'carrier → platform',
      tag: 'Webhooks',
      signed: 'Standard Webhooks 签名',
      summary: pushWebhook.summary,
    },
  ];
}

/**
 * The English reference. Redocly's page routes by path inside the document (no fragment reaches an operation from a
 * file: URL), so each row links the page and names the operationId, which the reference's search finds.
 */
export const REFERENCE_HREF = '../api.html';

const ROLE_ZH: Record<string, string> = { carrier: '快递企业提供', platform: '平台提供', both: '双方均提供', 'carrier → platform': '快递企业发往平台' };

export function apiGuidePage(): string {
  const list = guideOperations();
  const tags = [...new Set(list.map((o) => o.tag))];
  const section = (tag: string): Html => html`<h2 id="tag-${tag.replace(/\s+/g, '-').toLowerCase()}" lang="en">${tag}</h2>
<div class="table-wrap"><table><thead><tr><th>方法</th><th>路径</th><th>角色</th><th>认证</th><th>说明</th><th>英文参考</th></tr></thead>
<tbody>${list
    .filter((o) => o.tag === tag)
    .map(
      (
        o,
      ) => html`<tr id="${o.operationId}"><td><code>${o.method}</code></td><td><code>${o.path}</code></td><td><code>${o.role}</code><br><span class="small muted">${ROLE_ZH[o.role] ?? ''}</span></td>
<td class="small">${o.signed}</td><td>${OPERATION_SUMMARIES_ZH[o.operationId] ?? html`<span lang="en">${o.summary}</span>`}</td>
<td><a href="${REFERENCE_HREF}" hreflang="en"><code>${o.operationId}</code></a></td></tr>`,
    )}</tbody></table></div>`;
  const body = html`<h1>接口指南</h1>
<p class="lead">ECDX 接口的全部 ${list.length} 个操作：方法、路径、提供该操作的角色，以及中文说明。</p>
<p>完整的接口参考（参数、请求体、响应、示例、问题详情）由 OpenAPI 3.1 文档（<code>spec/openapi.yaml</code>）经 Redocly 生成，目前只有英文：每个操作的最后一列链接到<a href="../api.html" hreflang="en">英文参考</a>，并给出其 <code>operationId</code>，可在英文参考中搜索。除发现类操作（<code>GET /v1/conformance</code>、<code>GET /v1/health</code>）外，每个请求都带 RFC 9421 请求签名；创建类的 <code>POST</code> 请求带幂等键（<code>Idempotency-Key</code>）；错误以问题详情（RFC 9457）返回。推送由快递企业按 Standard Webhooks 签名后发往平台订阅时登记的回调地址。测试控制类操作只由测试部署提供，供一致性测试套件使用。</p>
<p>分组：${tags.map((t, i) => html`${i > 0 && ' · '}<a href="#tag-${t.replace(/\s+/g, '-').toLowerCase()}" lang="en">${t}</a>`)}</p>
${tags.map(section)}`;
  return page({
    file: 'api.html',
    lang: 'zh-Hans',
    title: '接口指南',
    description: 'ECDX 接口的中文操作指南：每个操作的方法、路径、角色和说明，链接到英文接口参考。',
    body,
  });
}
