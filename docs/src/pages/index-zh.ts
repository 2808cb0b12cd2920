// docs/zh-Hans/index.html: the landing page in Chinese — the same facts and the same commands as docs/index.html,
// written for the readers who read Chinese first (carriers' and platforms' engineers, the standards bodies).
import { classUri, conformanceClasses, conformanceClassNames, SPEC_VERSION } from '../../../schemas/src/classes.ts';
import { registry } from '../../../spec/registry.ts';
import { allSchemas } from '../../../schemas/src/index.ts';
import { html } from '../html.ts';
import { page, SITE_PAGES } from '../layout.ts';
import { INSTALL, QUICK_START, VALIDATE, type SiteFacts } from './index.ts';

export function indexPageZh(facts: SiteFacts): string {
  const { requirements } = registry();
  const classes = conformanceClassNames.map((name) => {
    const c = conformanceClasses[name];
    return html`<tr><td><a href="requirements.html#class-${name}"><code>${name}</code></a></td><td lang="en">${c.title}</td><td>${c.role}</td><td class="small"><code>${classUri(name)}</code></td></tr>`;
  });
  const body = html`<h1>ECDX <span class="muted small">${SPEC_VERSION}</span></h1>
<p class="lead">电子商务与快递数据交换（E-Commerce ↔ Delivery data eXchange）：为中国电子商务平台与经营快递业务的企业之间交换的数据而制定的开放参考标准，附一致性测试套件和参考模拟服务。</p>
<p>2019 年国家邮政局、商务部《关于规范快递与电子商务数据互联共享的指导意见》要求双方通过约定的渠道及时交换寄递数据和快件数据，保护其中的个人信息，中断数据传输前提前通知，并妥善处置数据安全事件。《指导意见》没有规定渠道本身。ECDX 规定了一种：一个小巧的 HTTP 接口、它所承载的 JSON 对象、围绕它的隐私和安全规则，以及一个按每项可测试要求检查实现的测试套件。</p>

<h2 id="what">涵盖内容</h2>
<ul>
<li><strong>寄递数据</strong>：平台向快递企业发送承运一个快件所需的数据，并取回运单号（<code>POST /v1/shipments</code>）。</li>
<li><strong>快件数据</strong>：快递企业向平台提供轨迹——收寄、分拣、运输和投递——既可按请求拉取，也可作为签名的推送发往已订阅的回调地址。</li>
<li><strong>隐私</strong>：姓名、电话号码和地址的脱敏格式，不传身份证件号码，轨迹事件中不含收件人地址和电话，目的限制，增值使用须经用户同意。</li>
<li><strong>安全</strong>：RFC 9421 请求签名，推送采用 Standard Webhooks 签名，每个创建类请求都带幂等键。</li>
<li><strong>治理</strong>：带协商的数据中断提前通知、数据安全事件通知、供自动互联监测的健康检查，以及供主管部门使用的汇总共享统计。</li>
</ul>

<h2 id="audience">适用对象</h2>
<dl>
<dt><strong>经营快递业务的企业</strong>（角色 <code>carrier</code>）</dt>
<dd>实现快递企业角色：接收寄递数据，提供轨迹，推送事件。在平台测试之前，先用测试套件检查自己的接口。</dd>
<dt><strong>电子商务经营者</strong>（平台和商家，角色 <code>platform</code>）</dt>
<dd>实现平台角色：发送寄递数据，接收推送。对照参考模拟快递企业开发，而不必依赖合作方的测试环境。</dd>
<dt><strong>标准化机构和主管部门</strong></dt>
<dd>阅读规范性正文和要求矩阵：每项要求都注明其所服务的政策条款，按条款的统计显示本标准如何覆盖《指导意见》。</dd>
<dt><strong>开发者和集成方</strong></dt>
<dd>用 JSON Schema 和 OpenAPI 文档生成客户端、校验数据；用已发布的映射表转换快递企业的原生状态码。</dd>
</dl>

<h2 id="pages">文档</h2>
<ul class="cards">${SITE_PAGES.filter((p) => p.file !== 'index.html').map((p) => html`<li><a href="${p.file}">${p.zh.nav}</a><p>${p.zh.summary}</p></li>`)}</ul>
<p class="muted small">本版：${facts.chapters} 章，${requirements.length} 项要求（正文表述了 ${facts.statements} 项），${allSchemas.length} 个已发布的模式。不显而易见的设计决策记录在 <code>docs/decisions/</code>（英文）。</p>

<h2 id="quick-start">快速开始</h2>
<p>在你的项目中安装软件包并运行已安装的副本（<code>--no-install</code>：任何名称查找都不会换成另一个软件包）。<a href="ci.html">在持续集成中运行 ECDX</a> 给出了 GitHub Actions、GitLab CI 和 Jenkins 的同样做法。</p>
<pre><code>${INSTALL}</code></pre>
<p>在仓库副本中，一切都可离线运行：模式、测试套件、模拟服务和这些页面。</p>
<pre><code>${QUICK_START}</code></pre>
<p>用任何支持 JSON Schema 2020-12 的校验器（例如 Ajv）按已发布的模式校验数据：</p>
<pre><code>${VALIDATE}</code></pre>
<p>要声明一致性，请以你的角色和所实现类别的 URI 提供 <code>GET /v1/conformance</code>，然后对你的接口运行测试套件：它运行所声明类别的检查项，并把每项要求报告为 passed（通过）、failed（失败）、warning（警告）、skipped（未声明，跳过）、precondition-failed（前提条件未满足）或 error（出错），豁免被接受时报告为 waived（已豁免）。</p>

<h2 id="classes">一致性类别</h2>
<div class="table-wrap"><table><thead><tr><th>类别</th><th>名称（英文）</th><th>角色</th><th>URI</th></tr></thead>
<tbody>${classes}</tbody></table></div>`;
  return page({
    file: 'index.html',
    lang: 'zh-Hans',
    title: '概览',
    description: 'ECDX：中国电子商务平台与经营快递业务的企业之间数据交换的开放标准。',
    body,
    width: 'prose',
  });
}
