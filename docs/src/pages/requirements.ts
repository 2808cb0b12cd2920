// docs/requirements.html: the requirements matrix, read from the registry (spec/requirements/*.yaml). Each row is
// addressable (`requirements.html#ECDX-SHP-001`), leads to its statement in spec.html, and names the policy
// clause it derives from; the counts per class and per clause show where the standard is thin.
import { conformanceClasses, conformanceClassNames } from '../../../schemas/src/classes.ts';
import { LEVELS, POLICY_CLAUSES, registry, type Requirement } from '../../../spec/registry.ts';
import { html, raw, type Html } from '../html.ts';
import { page, type Lang } from '../layout.ts';
import { renderInline, type IdHref } from '../markdown.ts';
import { policyClauses, POLICY_SOURCE } from '../policy.ts';

const levelClass = (level: string): string => `level level-${level.replace(' ', '-')}`;
const count = (list: Requirement[], test: (r: Requirement) => boolean): number => list.filter(test).length;

/** The matrix's words in each language; data values (ids, levels, classes, roles) stay as they are. */
const WORDS = {
  en: {
    notStated: 'not yet stated',
    yes: 'yes',
    no: 'no',
    all: 'all',
    search: 'Search',
    level: 'Level',
    area: 'Area',
    class: 'Class',
    appliesTo: 'Applies to',
    clause: 'Policy clause',
    id: 'Id',
    role: 'Role',
    testable: 'Testable',
    since: 'Since',
    requirement: 'Requirement · 要求',
    title: 'Title',
    policy: 'Policy',
    requirements: 'Requirements',
    titleSummary: 'Title and summary',
  },
  'zh-Hans': {
    notStated: '正文尚未表述',
    yes: '是',
    no: '否',
    all: '全部',
    search: '搜索',
    level: '级别',
    area: '领域',
    class: '一致性类别',
    appliesTo: '适用于',
    clause: '政策条款',
    id: '标识符',
    role: '角色',
    testable: '可测试',
    since: '起始版本',
    requirement: '要求',
    title: '名称',
    policy: '政策条款',
    requirements: '要求数',
    titleSummary: '条款标题与概要',
  },
} as const;

/** The registry's areas in Chinese, in the glossary's terms; an area not listed keeps its English title. */
const AREA_TITLES_ZH: Record<string, string> = {
  CNF: '一致性声明',
  CON: '同意与数据跨境流动',
  ERR: '错误',
  HLT: '健康状态',
  IDM: '创建类请求的幂等',
  INC: '数据安全事件',
  NTC: '中断通知',
  PRV: '隐私',
  PSH: '订阅与推送',
  SEC: '请求与推送的安全',
  SHP: '寄递数据',
  STA: '共享统计',
  TRK: '按请求提供的快件数据',
};

function row(r: Requirement, stated: ReadonlySet<string>, idHref: IdHref, lang: Lang): Html {
  const w = WORDS[lang];
  const area = r.id.split('-')[1]!;
  return html`<tr id="${r.id}" data-level="${r.level}" data-class="${r.class}" data-role="${r.role}" data-area="${area}" data-clauses="${r.clauses.join(' ')}">
<td class="nowrap">${
    stated.has(r.id)
      ? html`<a class="req-id" href="spec.html#${r.id}">${r.id}</a>`
      : html`<span class="req-id">${r.id}</span><br><span class="small muted">${w.notStated}</span>`
  }</td>
<td class="${levelClass(r.level)}">${r.level}</td>
<td class="nowrap">${r.clauses.map((c, i) => html`${i > 0 && raw('<br>')}<a href="#${c}" title="${policyClauses[c].title}">${c}</a>`)}</td>
<td><a href="#class-${r.class}"><code>${r.class}</code></a></td>
<td>${r.role}</td>
<td>${r.testable ? w.yes : html`${w.no}<br><span class="small muted" lang="en">${r.untestableReason ?? ''}</span>`}</td>
<td class="nowrap">${r.since}</td>
<td>${
    lang === 'en'
      ? html`<div lang="en">${raw(renderInline(r.text.en, idHref))}</div><div lang="zh-Hans">${raw(renderInline(r.text['zh-Hans'], idHref))}</div>`
      : html`<div class="req-text">${raw(renderInline(r.text['zh-Hans'], idHref))}</div><div lang="en" class="small muted">${raw(renderInline(r.text.en, idHref))}</div>`
  }${
    r.operations && html`<div class="small muted">${r.operations.map((o, i) => html`${i > 0 && ', '}<code>${o}</code>`)}</div>`
  }${r.notes && html`<div class="small muted" lang="en">${raw(renderInline(r.notes, idHref))}</div>`}</td>
</tr>`;
}

function select(name: string, label: string, options: readonly (readonly [string, string])[], all: string): Html {
  return html`<label>${label}<select name="${name}"><option value="">${all}</option>${options.map(
    ([value, text]) => html`<option value="${value}">${text}</option>`,
  )}</select></label>`;
}

function filters(areas: { code: string; title: string }[], lang: Lang): Html {
  const w = WORDS[lang];
  return html`<div class="filters" id="filters" hidden>
<label>${w.search}<input type="search" name="q" placeholder="${lang === 'en' ? 'words, ids, operations … / 关键词' : '关键词、标识符、操作 … / keywords'}" autocomplete="off"></label>
${select(
  'level',
  w.level,
  LEVELS.map((l) => [l, l] as const),
  w.all,
)}
${select(
  'area',
  w.area,
  areas.map((a) => [a.code, `${a.code} — ${lang === 'en' ? a.title : (AREA_TITLES_ZH[a.code] ?? a.title)}`] as const),
  w.all,
)}
${select(
  'class',
  w.class,
  conformanceClassNames.map((c) => [c, c] as const),
  w.all,
)}
${select(
  'role',
  w.appliesTo,
  [
    ['carrier', 'carrier'],
    ['platform', 'platform'],
  ],
  w.all,
)}
${select(
  'clause',
  w.clause,
  POLICY_CLAUSES.map((c) => [c, `${c} — ${lang === 'en' ? policyClauses[c].title : policyClauses[c].zh}`] as const),
  w.all,
)}
<output id="shown" aria-live="polite"${lang === 'en' ? '' : raw(' data-template="显示 {n} 项，共 {total} 项"')}></output>
</div>`;
}

/** Progressive enhancement: without script the whole matrix shows. Every field narrows the rows further. */
export const FILTER_SCRIPT = `
(function () {
  var box = document.getElementById('filters');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#matrix tbody tr'));
  var shown = document.getElementById('shown');
  var field = function (name) { return box.querySelector('[name="' + name + '"]'); };
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  function apply() {
    var terms = field('q').value.toLowerCase().split(/\\s+/).filter(Boolean);
    var level = field('level').value, area = field('area').value, cls = field('class').value;
    var role = field('role').value, clause = field('clause').value;
    var visible = 0;
    rows.forEach(function (row, i) {
      var d = row.dataset;
      var ok = (!level || d.level === level) && (!area || d.area === area) && (!cls || d['class'] === cls) &&
        (!role || d.role === role || d.role === 'both') &&
        (!clause || d.clauses.split(' ').indexOf(clause) >= 0) &&
        terms.every(function (t) { return texts[i].indexOf(t) >= 0; });
      row.hidden = !ok;
      if (ok) visible++;
    });
    var template = (shown.dataset && shown.dataset.template) || '{n} of {total} shown';
    shown.textContent = template.replace('{n}', visible).replace('{total}', rows.length);
  }
  box.addEventListener('input', apply);
  box.addEventListener('change', apply);
  box.hidden = false;
  apply();
})();
`;

function classCounts(requirements: Requirement[], lang: Lang): Html {
  const w = WORDS[lang];
  const rows = conformanceClassNames.map((name) => {
    const c = conformanceClasses[name];
    const list = requirements.filter((r) => r.class === name);
    return html`<tr id="class-${name}"><td><code>${name}</code></td><td lang="en">${c.title}</td><td>${c.role}</td>
<td>${c.policy.map((p, i) => html`${i > 0 && ' '}<a href="#${p}">${p}</a>`)}</td>
<td>${list.length}</td><td>${count(list, (r) => r.level.startsWith('MUST'))}</td>
<td>${count(list, (r) => r.level.startsWith('SHOULD'))}</td><td>${count(list, (r) => r.level === 'MAY')}</td>
<td>${count(list, (r) => r.testable)}</td></tr>`;
  });
  const intro =
    lang === 'en'
      ? html`<h2 id="by-class">By conformance class</h2>
<p>A vendor claims classes in <code>GET /v1/conformance</code>; the suite runs the checks of the claimed classes only.</p>`
      : html`<h2 id="by-class">按一致性类别统计</h2>
<p>实现方在 <code>GET /v1/conformance</code> 中声明其实现的一致性类别；一致性测试套件只运行所声明类别的检查项。</p>`;
  return html`${intro}
<div class="table-wrap"><table><thead><tr><th>${w.class}</th><th>${w.title}</th><th>${w.role}</th><th>${w.policy}</th><th>${w.requirements}</th>
<th>MUST / MUST NOT</th><th>SHOULD / SHOULD NOT</th><th>MAY</th><th>${w.testable}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function clauseCounts(requirements: Requirement[], lang: Lang): Html {
  const w = WORDS[lang];
  const rows = POLICY_CLAUSES.map((key) => {
    const clause = policyClauses[key];
    const list = requirements.filter((r) => r.clauses.includes(key));
    const title =
      lang === 'en'
        ? html`<strong>${clause.title}</strong><br><span lang="zh-Hans">${clause.zh}</span><br><span class="small muted">${clause.summary}</span>`
        : html`<strong>${clause.zh}</strong><br><span lang="en">${clause.title}</span><br><span class="small muted" lang="en">${clause.summary}</span>`;
    return html`<tr id="${key}"><td class="nowrap"><strong>${key}</strong></td>
<td>${title}</td>
<td>${list.length}</td><td>${count(list, (r) => r.level.startsWith('MUST'))}</td></tr>`;
  });
  const intro =
    lang === 'en'
      ? html`<h2 id="by-clause">By policy clause</h2>
<p>The clause keys name the clauses of the ${POLICY_SOURCE}. The summaries are the project's working rendering;
the Chinese original is authoritative. OP-10 and OP-12 address the authorities, not the parties.</p>`
      : html`<h2 id="by-clause">按政策条款统计</h2>
<p>条款键对应《国家邮政局 商务部关于规范快递与电子商务数据互联共享的指导意见》（2019 年 6 月 12 日）的各条。条款标题为原文标题；英文概要是本项目的工作译文，以中文原文为准。OP-10 和 OP-12 针对主管部门，而非数据交换双方。</p>`;
  return html`${intro}
<div class="table-wrap"><table><thead><tr><th>${w.clause}</th><th>${w.titleSummary}</th><th>${w.requirements}</th><th>MUST / MUST NOT</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function introduction(lang: Lang, requirements: Requirement[], areas: number): Html {
  const musts = count(requirements, (r) => r.level.startsWith('MUST'));
  const testable = count(requirements, (r) => r.testable);
  if (lang === 'zh-Hans')
    return html`<h1>要求</h1>
<p class="lead">ECDX 的全部要求：${requirements.length} 项，分属 ${areas} 个领域；其中 MUST（必须）或 MUST NOT（不得）${musts} 项，一致性测试套件可测试 ${testable} 项。</p>
<p>标识符链接到<a href="spec.html">规范</a>中的表述，条款链接到其所依据的政策条款。同一标识符也出现在 OpenAPI 文档（<code>x-ecdx-requirements</code>）、测试套件的每个检查项及其报告的每一行中。机器可读形式：<code>spec/requirements.json</code>。级别、类别、角色等数据值保留原样（如 <code>carrier</code> 为快递企业，<code>platform</code> 为平台）。</p>
<p>跳转到：<a href="#matrix-heading">要求矩阵</a> · <a href="#by-class">按一致性类别统计</a> · <a href="#by-clause">按政策条款统计</a></p>
<h2 id="matrix-heading">要求矩阵</h2>`;
  return html`<h1>Requirements</h1>
<p class="lead">Every requirement of ECDX: ${requirements.length} in ${areas} area(s),
${musts} of them MUST or MUST NOT,
${testable} testable by the conformance suite.</p>
<p>The identifier leads to the statement in the <a href="spec.html">specification</a>; the clause to the policy
clause it derives from. The same identifiers appear in the OpenAPI document (<code>x-ecdx-requirements</code>), in
every check of the suite and in every line of its reports. Machine-readable form: <code>spec/requirements.json</code>.</p>
<p>Jump to: <a href="#matrix-heading">the matrix</a> · <a href="#by-class">counts by class</a> · <a href="#by-clause">counts by policy clause</a></p>
<h2 id="matrix-heading">Matrix</h2>`;
}

export function requirementsPage(stated: ReadonlySet<string>, { areas, requirements } = registry(), lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const known = new Set(requirements.map((r) => r.id));
  const idHref: IdHref = (id) => (known.has(id) ? `#${id}` : undefined);
  const empty =
    lang === 'en'
      ? html`<p class="notice">The registry holds no requirement yet: they live in <code>spec/requirements/*.yaml</code>.</p>`
      : html`<p class="notice">要求注册表中尚无要求：要求位于 <code>spec/requirements/*.yaml</code>。</p>`;
  const matrix =
    requirements.length === 0
      ? empty
      : html`${filters(areas, lang)}<div class="table-wrap"><table id="matrix"><thead><tr><th>${w.id}</th><th>${w.level}</th><th>${w.clause}</th>
<th>${w.class}</th><th>${w.role}</th><th>${w.testable}</th><th>${w.since}</th><th>${w.requirement}</th></tr></thead>
<tbody>${requirements.map((r) => row(r, stated, idHref, lang))}</tbody></table></div>`;
  const body = html`${introduction(lang, requirements, areas.length)}
${matrix}
${classCounts(requirements, lang)}
${clauseCounts(requirements, lang)}`;
  return page({
    file: 'requirements.html',
    lang,
    title: lang === 'en' ? 'Requirements' : '要求',
    description:
      lang === 'en'
        ? 'The ECDX requirements matrix: level, policy clause, conformance class, role and text of every requirement.'
        : 'ECDX 要求矩阵：每项要求的级别、政策条款、一致性类别、角色和中文表述。',
    body,
    ...(requirements.length > 0 ? { script: FILTER_SCRIPT } : {}),
  });
}
