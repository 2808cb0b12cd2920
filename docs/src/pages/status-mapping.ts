// docs/status-mapping.html: how the status codes of the aggregators, SF and UPU EDI map to the ECDX status
// taxonomy, from the same data the mock uses (schemas/src/status-mapping.ts). Grouped by ECDX status, so a
// reader sees at a glance which native codes land on each status, and then listed per source for lookup.
import { TRACKING_STATUSES, TRACKING_SUB_STATUSES } from '../../../schemas/src/index.ts';
import { statusMappings, type StatusMapping } from '../../../schemas/src/status-mapping.ts';
import { html, raw, type Html } from '../html.ts';
import { page } from '../layout.ts';
import { renderInline } from '../markdown.ts';

const SOURCES: Record<string, { name: string; about: string }> = {
  KUAIDI100: { name: 'Kuaidi100 (快递100)', about: '`state` and the detailed resultv2 codes' },
  KDNIAO: { name: 'KDNiao (快递鸟)', about: '`State` and the detailed status codes' },
  SF: { name: 'SF Express (顺丰)', about: 'route `opCode` values' },
  UPU_EDI: { name: 'UPU EDI', about: 'UPU EDI tracking event codes (`EMA`, `EMB` …)' },
};

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
const codeEntry = (m: StatusMapping): Html =>
  html`<div><code>${m.code}</code> ${label(m.label)}${m.note && html` <a class="small" href="#${rowId(m)}" title="${m.note}">note</a>`}</div>`;

function matrix(mappings: readonly StatusMapping[], statuses: string[], subStatuses: readonly string[], sources: string[]): Html {
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
            .map(codeEntry)}</td>`,
      )}</tr>`,
    )}</tbody>`;
  });
  return html`<div class="table-wrap"><table><thead><tr><th>ECDX status</th><th>Sub-status</th>${sources.map(
    (s) => html`<th>${SOURCES[s]?.name ?? s}</th>`,
  )}</tr></thead>${groups}</table></div>`;
}

function perSource(mappings: readonly StatusMapping[], sources: string[]): Html {
  return html`${sources.map((source) => {
    const list = mappings.filter((m) => m.source === source).sort(byCode);
    const about = SOURCES[source]?.about;
    return html`<h3 id="source-${source}">${SOURCES[source]?.name ?? source}</h3>
${about && html`<p class="muted small">${raw(renderInline(about))}</p>`}
<div class="table-wrap"><table><thead><tr><th>Code</th><th>Label</th><th>ECDX status</th><th>Sub-status</th><th>Note</th></tr></thead>
<tbody>${list.map(
      (
        m,
      ) => html`<tr id="${rowId(m)}"><td><code>${m.code}</code></td><td>${label(m.label)}</td><td><a href="#status-${m.status}"><code>${m.status}</code></a></td>
<td>${m.subStatus && html`<code>${m.subStatus}</code>`}</td><td class="small">${m.note ?? ''}</td></tr>`,
    )}</tbody></table></div>`;
  })}`;
}

export async function statusMappingPage(): Promise<string> {
  const mappings = statusMappings;
  const intro = html`<h1>Status mapping</h1>
<p class="lead">How the native status codes of carriers and aggregators map to the ECDX status taxonomy.</p>
<p>Carriers keep their own status codes; an ECDX tracking event carries the ECDX <code>status</code> (and
<code>subStatus</code> where one applies) and keeps the native code in <code>carrierRawCode</code>. This table is the
reference mapping: the mock server uses the same data (<code>schemas/src/status-mapping.ts</code>), and a carrier
or platform may use it to translate codes it already has. Where a source's meaning is uncertain, the note says so.</p>`;
  const taxonomy: readonly string[] = TRACKING_STATUSES;
  // Every status of the taxonomy gets a row, mapped or not: an empty row is information too.
  const statuses = ordered([...taxonomy, ...mappings.map((m) => m.status)], taxonomy);
  const subStatuses: readonly string[] = TRACKING_SUB_STATUSES;
  const sources = ordered(
    mappings.map((m) => m.source),
    Object.keys(SOURCES),
  );
  const body = html`${intro}
<p>${mappings.length} code(s) from ${sources.length} source(s). By source:
${sources.map((s, i) => html`${i > 0 && ' · '}<a href="#source-${s}">${SOURCES[s]?.name ?? s}</a>`)}</p>
<h2 id="by-status">By ECDX status</h2>
${matrix(mappings, statuses, subStatuses, sources)}
<h2 id="by-source">By source</h2>
${perSource(mappings, sources)}`;
  return page({
    file: 'status-mapping.html',
    title: 'Status mapping',
    description: 'The mapping of carrier and aggregator status codes to the ECDX status taxonomy.',
    body,
  });
}
