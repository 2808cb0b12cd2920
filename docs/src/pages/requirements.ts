// docs/requirements.html: the requirements matrix, read from the registry (spec/requirements/*.yaml). Each row is
// addressable (`requirements.html#ECDX-SHP-001`), leads to its statement in spec.html, and names the policy
// clause it derives from; the counts per class and per clause show where the standard is thin.
import { conformanceClasses, conformanceClassNames } from '../../../schemas/src/classes.ts';
import { LEVELS, POLICY_CLAUSES, registry, type Requirement } from '../../../spec/registry.ts';
import { html, raw, type Html } from '../html.ts';
import { page } from '../layout.ts';
import { renderInline, type IdHref } from '../markdown.ts';
import { policyClauses, POLICY_SOURCE } from '../policy.ts';

const levelClass = (level: string): string => `level level-${level.replace(' ', '-')}`;
const count = (list: Requirement[], test: (r: Requirement) => boolean): number => list.filter(test).length;

function row(r: Requirement, stated: ReadonlySet<string>, idHref: IdHref): Html {
  const area = r.id.split('-')[1]!;
  return html`<tr id="${r.id}" data-level="${r.level}" data-class="${r.class}" data-role="${r.role}" data-area="${area}" data-clauses="${r.clauses.join(' ')}">
<td class="nowrap">${
    stated.has(r.id)
      ? html`<a class="req-id" href="spec.html#${r.id}">${r.id}</a>`
      : html`<span class="req-id">${r.id}</span><br><span class="small muted">not yet stated</span>`
  }</td>
<td class="${levelClass(r.level)}">${r.level}</td>
<td class="nowrap">${r.clauses.map((c, i) => html`${i > 0 && raw('<br>')}<a href="#${c}" title="${policyClauses[c].title}">${c}</a>`)}</td>
<td><a href="#class-${r.class}"><code>${r.class}</code></a></td>
<td>${r.role}</td>
<td>${r.testable ? 'yes' : html`no<br><span class="small muted">${r.untestableReason ?? ''}</span>`}</td>
<td class="nowrap">${r.since}</td>
<td><div lang="en">${raw(renderInline(r.text.en, idHref))}</div><div lang="zh-Hans">${raw(renderInline(r.text['zh-Hans'], idHref))}</div>${
    r.operations && html`<div class="small muted">${r.operations.map((o, i) => html`${i > 0 && ', '}<code>${o}</code>`)}</div>`
  }${r.notes && html`<div class="small muted">${raw(renderInline(r.notes, idHref))}</div>`}</td>
</tr>`;
}

function select(name: string, label: string, options: readonly (readonly [string, string])[]): Html {
  return html`<label>${label}<select name="${name}"><option value="">all</option>${options.map(
    ([value, text]) => html`<option value="${value}">${text}</option>`,
  )}</select></label>`;
}

function filters(areas: { code: string; title: string }[]): Html {
  return html`<div class="filters" id="filters" hidden>
<label>Search<input type="search" name="q" placeholder="words, ids, operations … / 关键词" autocomplete="off"></label>
${select(
  'level',
  'Level',
  LEVELS.map((l) => [l, l] as const),
)}
${select(
  'area',
  'Area',
  areas.map((a) => [a.code, `${a.code} — ${a.title}`] as const),
)}
${select(
  'class',
  'Class',
  conformanceClassNames.map((c) => [c, c] as const),
)}
${select('role', 'Applies to', [
  ['carrier', 'carrier'],
  ['platform', 'platform'],
])}
${select(
  'clause',
  'Policy clause',
  POLICY_CLAUSES.map((c) => [c, `${c} — ${policyClauses[c].title}`] as const),
)}
<output id="shown" aria-live="polite"></output>
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
    shown.textContent = visible + ' of ' + rows.length + ' shown';
  }
  box.addEventListener('input', apply);
  box.addEventListener('change', apply);
  box.hidden = false;
  apply();
})();
`;

function classCounts(requirements: Requirement[]): Html {
  const rows = conformanceClassNames.map((name) => {
    const c = conformanceClasses[name];
    const list = requirements.filter((r) => r.class === name);
    return html`<tr id="class-${name}"><td><code>${name}</code></td><td>${c.title}</td><td>${c.role}</td>
<td>${c.policy.map((p, i) => html`${i > 0 && ' '}<a href="#${p}">${p}</a>`)}</td>
<td>${list.length}</td><td>${count(list, (r) => r.level.startsWith('MUST'))}</td>
<td>${count(list, (r) => r.level.startsWith('SHOULD'))}</td><td>${count(list, (r) => r.level === 'MAY')}</td>
<td>${count(list, (r) => r.testable)}</td></tr>`;
  });
  return html`<h2 id="by-class">By conformance class</h2>
<p>A vendor claims classes in <code>GET /v1/conformance</code>; the suite runs the checks of the claimed classes only.</p>
<div class="table-wrap"><table><thead><tr><th>Class</th><th>Title</th><th>Role</th><th>Policy</th><th>Requirements</th>
<th>MUST / MUST NOT</th><th>SHOULD / SHOULD NOT</th><th>MAY</th><th>Testable</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function clauseCounts(requirements: Requirement[]): Html {
  const rows = POLICY_CLAUSES.map((key) => {
    const clause = policyClauses[key];
    const list = requirements.filter((r) => r.clauses.includes(key));
    return html`<tr id="${key}"><td class="nowrap"><strong>${key}</strong></td>
<td><strong>${clause.title}</strong><br><span lang="zh-Hans">${clause.zh}</span><br><span class="small muted">${clause.summary}</span></td>
<td>${list.length}</td><td>${count(list, (r) => r.level.startsWith('MUST'))}</td></tr>`;
  });
  return html`<h2 id="by-clause">By policy clause</h2>
<p>The clause keys name the clauses of the ${POLICY_SOURCE}. The summaries are the project's working rendering;
the Chinese original is authoritative. OP-10 and OP-12 address the authorities, not the parties.</p>
<div class="table-wrap"><table><thead><tr><th>Clause</th><th>Title and summary</th><th>Requirements</th><th>MUST / MUST NOT</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

export function requirementsPage(stated: ReadonlySet<string>, { areas, requirements } = registry()): string {
  const known = new Set(requirements.map((r) => r.id));
  const idHref: IdHref = (id) => (known.has(id) ? `#${id}` : undefined);
  const matrix =
    requirements.length === 0
      ? html`<p class="notice">The registry holds no requirement yet: they live in <code>spec/requirements/*.yaml</code>.</p>`
      : html`${filters(areas)}<div class="table-wrap"><table id="matrix"><thead><tr><th>Id</th><th>Level</th><th>Clause</th>
<th>Class</th><th>Role</th><th>Testable</th><th>Since</th><th>Requirement · 要求</th></tr></thead>
<tbody>${requirements.map((r) => row(r, stated, idHref))}</tbody></table></div>`;
  const body = html`<h1>Requirements</h1>
<p class="lead">Every requirement of ECDX: ${requirements.length} in ${areas.length} area(s),
${count(requirements, (r) => r.level.startsWith('MUST'))} of them MUST or MUST NOT,
${count(requirements, (r) => r.testable)} testable by the conformance suite.</p>
<p>The identifier leads to the statement in the <a href="spec.html">specification</a>; the clause to the policy
clause it derives from. The same identifiers appear in the OpenAPI document (<code>x-ecdx-requirements</code>), in
every check of the suite and in every line of its reports. Machine-readable form: <code>spec/requirements.json</code>.</p>
<p>Jump to: <a href="#matrix-heading">the matrix</a> · <a href="#by-class">counts by class</a> · <a href="#by-clause">counts by policy clause</a></p>
<h2 id="matrix-heading">Matrix</h2>
${matrix}
${classCounts(requirements)}
${clauseCounts(requirements)}`;
  return page({
    file: 'requirements.html',
    title: 'Requirements',
    description: 'The ECDX requirements matrix: level, policy clause, conformance class, role and text of every requirement.',
    body,
    ...(requirements.length > 0 ? { script: FILTER_SCRIPT } : {}),
  });
}
