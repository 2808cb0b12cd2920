// docs/status-mapping.html: how the status codes of the aggregators, SF and UPU EDI map to the ECDX status
// taxonomy, from the same data the mock uses (schemas/src/status-mapping.ts). Grouped by ECDX status, so a
// reader sees at a glance which native codes land on each status, and then listed per source for lookup.
import { TRACKING_STATUSES, TRACKING_SUB_STATUSES } from '../../../schemas/src/index.ts';
import { statusMappings, type StatusMapping } from '../../../schemas/src/status-mapping.ts';
import { html, raw, type Html } from '../html.ts';
import { page, type Lang } from '../layout.ts';
import { renderInline } from '../markdown.ts';

const SOURCES: Record<string, { name: string; about: string; zh: { name: string; about: string } }> = {
  KUAIDI100: {
    name: 'Kuaidi100 (快递100)',
    about: '`state` and the detailed resultv2 codes',
    zh: { name: '快递100（Kuaidi100）', about: '`state` 及 resultv2 详细状态码' },
  },
  KDNIAO: { name: 'KDNiao (快递鸟)', about: '`State` and the detailed status codes', zh: { name: '快递鸟（KDNiao）', about: '`State` 及详细状态码' } },
  SF: { name: 'SF Express (顺丰)', about: 'route `opCode` values', zh: { name: '顺丰（SF Express）', about: '路由 `opCode` 值' } },
  UPU_EDI: {
    name: 'UPU EDI',
    about: 'UPU EDI tracking event codes (`EMA`, `EMB` …)',
    zh: { name: 'UPU EDI', about: 'UPU EDI 跟踪事件代码（`EMA`、`EMB` …）' },
  },
};

const WORDS = {
  en: { status: 'ECDX status', sub: 'Sub-status', code: 'Code', label: 'Label', note: 'Note', noteLink: 'note' },
  'zh-Hans': { status: 'ECDX 状态', sub: '子状态', code: '代码', label: '名称', note: '说明', noteLink: '说明' },
} as const;

const sourceName = (source: string, lang: Lang): string => (lang === 'en' ? SOURCES[source]?.name : SOURCES[source]?.zh.name) ?? source;

/** Known values first in their published order, then anything else in alphabetical order. */
const ordered = (values: Iterable<string>, known: readonly string[]): string[] => {
  const set = new Set(values);
  return [...known.filter((v) => set.has(v)), ...[...set].filter((v) => !known.includes(v)).sort()];
};

const byCode = (a: StatusMapping, b: StatusMapping): number => a.code.localeCompare(b.code, 'en', { numeric: true });

/** Chinese labels are marked as such, so the CJK font stack and a screen reader's voice apply. */
const label = (text: string): Html => (/[\u3400-\u9fff]/.test(text) ? html`<span lang="zh-Hans">${text}</span>` : html`${text}`);

const rowId = (m: StatusMapping): string => `${m.source}-${m.code}`;

/** In the overview a note is only flagged; it is printed in full in the table of its source. */
const codeEntry = (m: StatusMapping, lang: Lang): Html =>
  html`<div><code>${m.code}</code> ${label(m.label)}${m.note && html` <a class="small" href="#${rowId(m)}" title="${m.note}">${WORDS[lang].noteLink}</a>`}</div>`;

function matrix(mappings: readonly StatusMapping[], statuses: string[], subStatuses: readonly string[], sources: string[], lang: Lang): Html {
  const groups = statuses.map((status) => {
    const forStatus = mappings.filter((m) => m.status === status);
    const subs = ordered(
      forStatus.flatMap((m) => (m.subStatus ? [m.subStatus] : [])),
      subStatuses,
    );
    const variants: (string | undefined)[] = [undefined, ...subs];
    const rows = variants
      .map((sub) => ({ sub, list: forStatus.filter((m) => m.subStatus === sub) }))
      .filter(({ sub, list }) => sub === undefined || list.length > 0);
    return html`<tbody id="status-${status}">${rows.map(
      ({ sub, list }, i) => html`<tr>${i === 0 && html`<th scope="rowgroup" rowspan="${rows.length}"><code>${status}</code></th>`}
<td>${sub ? html`<code>${sub}</code>` : html`<span class="muted">—</span>`}</td>${sources.map(
        (source) =>
          html`<td>${list
            .filter((m) => m.source === source)
            .sort(byCode)
            .map((m) => codeEntry(m, lang))}</td>`,
      )}</tr>`,
    )}</tbody>`;
  });
  return html`<div class="table-wrap"><table><thead><tr><th>${WORDS[lang].status}</th><th>${WORDS[lang].sub}</th>${sources.map(
    (s) => html`<th>${sourceName(s, lang)}</th>`,
  )}</tr></thead>${groups}</table></div>`;
}

function perSource(mappings: readonly StatusMapping[], sources: string[], lang: Lang): Html {
  const w = WORDS[lang];
  return html`${sources.map((source) => {
    const list = mappings.filter((m) => m.source === source).sort(byCode);
    const about = lang === 'en' ? SOURCES[source]?.about : SOURCES[source]?.zh.about;
    return html`<h3 id="source-${source}">${sourceName(source, lang)}</h3>
${about && html`<p class="muted small">${raw(renderInline(about))}</p>`}
<div class="table-wrap"><table><thead><tr><th>${w.code}</th><th>${w.label}</th><th>${w.status}</th><th>${w.sub}</th><th>${w.note}</th></tr></thead>
<tbody>${list.map(
      (
        m,
      ) => html`<tr id="${rowId(m)}"><td><code>${m.code}</code></td><td>${label(m.label)}</td><td><a href="#status-${m.status}"><code>${m.status}</code></a></td>
<td>${m.subStatus && html`<code>${m.subStatus}</code>`}</td><td class="small" lang="en">${m.note ?? ''}</td></tr>`,
    )}</tbody></table></div>`;
  })}`;
}

function introduction(lang: Lang): Html {
  if (lang === 'zh-Hans')
    return html`<h1>状态映射</h1>
<p class="lead">快递企业和快递数据聚合服务的原生状态码如何映射到 ECDX 状态分类。</p>
<p>快递企业保留自己的状态码；ECDX 轨迹事件携带 ECDX 的 <code>status</code>（适用时还有 <code>subStatus</code>），原生代码保留在 <code>carrierRawCode</code> 中。本表是参考映射：参考模拟服务使用同一份数据（<code>schemas/src/status-mapping.ts</code>），快递企业或平台可以用它转换已有的代码。某个来源的含义不确定时，说明栏会指出（说明为英文）。状态值、代码等数据保留原样。</p>`;
  return html`<h1>Status mapping</h1>
<p class="lead">How the native status codes of carriers and aggregators map to the ECDX status taxonomy.</p>
<p>Carriers keep their own status codes; an ECDX tracking event carries the ECDX <code>status</code> (and
<code>subStatus</code> where one applies) and keeps the native code in <code>carrierRawCode</code>. This table is the
reference mapping: the mock server uses the same data (<code>schemas/src/status-mapping.ts</code>), and a carrier
or platform may use it to translate codes it already has. Where a source's meaning is uncertain, the note says so.</p>`;
}

export async function statusMappingPage(lang: Lang = 'en'): Promise<string> {
  const mappings = statusMappings;
  const taxonomy: readonly string[] = TRACKING_STATUSES;
  // Every status of the taxonomy gets a row, mapped or not: an empty row is information too.
  const statuses = ordered([...taxonomy, ...mappings.map((m) => m.status)], taxonomy);
  const subStatuses: readonly string[] = TRACKING_SUB_STATUSES;
  const sources = ordered(
    mappings.map((m) => m.source),
    Object.keys(SOURCES),
  );
  const bySource = sources.map((s, i) => html`${i > 0 && ' · '}<a href="#source-${s}">${sourceName(s, lang)}</a>`);
  const body =
    lang === 'en'
      ? html`${introduction(lang)}
<p>${mappings.length} code(s) from ${sources.length} source(s). By source:
${bySource}</p>
<h2 id="by-status">By ECDX status</h2>
${matrix(mappings, statuses, subStatuses, sources, lang)}
<h2 id="by-source">By source</h2>
${perSource(mappings, sources, lang)}`
      : html`${introduction(lang)}
<p>共 ${mappings.length} 个代码，来自 ${sources.length} 个来源。按来源：${bySource}</p>
<h2 id="by-status">按 ECDX 状态</h2>
${matrix(mappings, statuses, subStatuses, sources, lang)}
<h2 id="by-source">按来源</h2>
${perSource(mappings, sources, lang)}`;
  return page({
    file: 'status-mapping.html',
    lang,
    title: lang === 'en' ? 'Status mapping' : '状态映射',
    description:
      lang === 'en' ? 'The mapping of carrier and aggregator status codes to the ECDX status taxonomy.' : '快递企业和聚合服务的状态码到 ECDX 状态分类的映射。',
    body,
  });
}
