// The HTML report: one self-contained page (inline CSS and JS, no network, works from file://) that a vendor's
// engineer reads to find out what failed and why. Everything in a report can come from the target's server
// (bodies, headers, URLs, messages quoting them), so every value is escaped as text; the Content-Security-Policy
// allows only the page's own stylesheet and script, by hash, as a second line of defence.
import { redactReport } from '../harness/redact.ts';
import type { Assertion, Blocked, CheckResult, ConformanceReport, Evidence, Exchange, FixtureRecord } from '../harness/report.ts';
import { REPORT_CSP, REPORT_CSS, REPORT_SCRIPT } from './html-assets.ts';
import {
  BLOCKED_SYMBOL,
  claimFacts,
  classBreakdown,
  classStateLabel,
  escapeHtml,
  formatDuration,
  runNotes,
  PARTIAL_RUN,
  partialPassed,
  RESULT_STATUSES,
  runDurationMs,
  scopeFilters,
  scopeText,
  sealLine,
  seedLine,
  STATUS_MEANING,
  STATUS_SYMBOL,
  statusLine,
  summaryKey,
  totalOf,
  visibleText,
  waivedCount,
  waiverLine,
  waiverNotes,
  WITH_WAIVERS,
} from './shared.ts';
import { DEFAULT_DOCS_URL, requirementHref, requirementsToShow, requirementTextNote, UNKNOWN_REQUIREMENT } from './requirement-text.ts';

export interface HtmlOptions {
  /** The specification page requirement ids link to (`<docsUrl>#ECDX-SHP-001`), or a docs site ending in `/`; the published one by default. */
  docsUrl?: string;
}

/** Text from the report as page text: controls and bidi overrides shown as escapes, then markup escaped. */
const h = (text: string): string => escapeHtml(visibleText(text));

/** Expanded when the page opens: the checks a reader came for. */
const EXPANDED_BY_DEFAULT = new Set(['failed', 'error']);
const RESULT_COLUMNS = 7;

const reqLink = (id: string, docsUrl: string): string => `<a href="${h(requirementHref(id, docsUrl))}" class="mono">${h(id)}</a>`;

const headersBlock = (headers: Record<string, string>): string => {
  const entries = Object.entries(headers);
  if (entries.length === 0) return '<div class="muted">no headers</div>';
  return `<pre class="headers">${entries.map(([name, value]) => `${h(name)}: ${h(value)}`).join('\n')}</pre>`;
};

const bodyBlock = (body: string | undefined): string => {
  if (body === undefined) return '';
  if (body === '') return '<div class="muted">empty body</div>';
  return `<pre class="body">${h(body)}</pre>`;
};

function exchangeHtml(e: Exchange, n: number): string {
  const direction = e.direction === 'to-target' ? 'harness → target' : 'target → harness (push)';
  const head = `<div class="exchange-head">#${n} · ${h(direction)} · ${h(formatDuration(e.durationMs))} · <time>${h(e.at)}</time></div>`;
  const request =
    `<div class="part request"><div class="part-label">Request</div>` +
    `<div class="line mono">${h(e.request.method)} ${h(e.request.url)}</div>` +
    `${headersBlock(e.request.headers)}${bodyBlock(e.request.body)}</div>`;
  let response: string;
  if (e.response) {
    const klass = `status-${Math.floor(e.response.status / 100)}xx`;
    response =
      `<div class="part response"><div class="part-label">Response</div>` +
      `<div class="line mono status-line ${klass}">${h(statusLine(e.response.status))}</div>` +
      `${headersBlock(e.response.headers)}${bodyBlock(e.response.body)}</div>`;
  } else {
    response = `<div class="part response"><div class="part-label">Response</div><div class="line no-response">No response: ${h(e.error ?? 'unknown reason')}</div></div>`;
  }
  const error = e.response && e.error ? `<div class="part muted">${h(e.error)}</div>` : '';
  return `<section class="exchange">${head}${request}${response}${error}</section>`;
}

function assertionHtml(a: Assertion, docsUrl: string): string {
  const pointer = a.pointer ? ` <span class="muted">at</span> <code class="pointer">${h(a.pointer)}</code>` : '';
  const req = a.requirementId ? ` <span class="reqs">(${reqLink(a.requirementId, docsUrl)})</span>` : '';
  const mark = a.passed ? STATUS_SYMBOL.passed : STATUS_SYMBOL.failed;
  return `<li class="${a.passed ? 'ok' : 'ko'}"><span class="mark" aria-label="${a.passed ? 'held' : 'did not hold'}">${mark}</span>${h(a.message)}${pointer}${req}</li>`;
}

function blockedHtml(b: Blocked, docsUrl: string): string {
  const req = b.requirementId ? ` <span class="reqs">(${reqLink(b.requirementId, docsUrl)})</span>` : '';
  return `<li class="blocked"><span class="mark" aria-label="not taken">${BLOCKED_SYMBOL}</span>not taken: ${h(b.message)}${req}</li>`;
}

/** The text of each requirement a result that did not pass names, in English and Chinese, above its evidence. */
function requirementTextsHtml(r: CheckResult, docsUrl: string): string {
  const shown = requirementsToShow(r);
  if (shown.length === 0) return '';
  const entries = shown.map(({ id, requirement }) =>
    requirement
      ? `<dt>${reqLink(id, docsUrl)} <span class="level">${h(requirement.level)}</span></dt><dd lang="en">${h(requirement.text.en)}</dd><dd lang="zh-Hans">${h(requirement.text['zh-Hans'])}</dd>`
      : `<dt>${reqLink(id, docsUrl)}</dt><dd class="muted">${h(UNKNOWN_REQUIREMENT)}</dd>`,
  );
  return `<h4>${shown.length === 1 ? 'Requirement' : `Requirements (${shown.length})`}</h4><dl class="requirement-texts">${entries.join('')}</dl>`;
}

const fixtureAnchor = (id: string): string => `fixture-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function evidenceHtml(evidence: readonly Evidence[], docsUrl: string, uses: readonly string[] = []): string {
  const steps = evidence.filter((e): e is Assertion | Blocked => e.kind === 'assertion' || e.kind === 'blocked');
  const assertions = steps.filter((e) => e.kind === 'assertion').length;
  const exchanges = evidence.filter((e): e is Exchange => e.kind === 'http');
  const parts: string[] = [];
  if (uses.length > 0) {
    parts.push(
      `<p class="uses">Uses the shared ${uses.length === 1 ? 'fixture' : 'fixtures'} ${uses.map((id) => `<a href="#${fixtureAnchor(id)}" class="mono">${h(id)}</a>`).join(', ')}.</p>`,
    );
  }
  parts.push(`<h4>Assertions (${assertions})</h4>`);
  parts.push(
    steps.length > 0
      ? `<ol class="assertions">${steps.map((a) => (a.kind === 'assertion' ? assertionHtml(a, docsUrl) : blockedHtml(a, docsUrl))).join('')}</ol>`
      : '<p class="muted">No assertions recorded.</p>',
  );
  parts.push(`<h4>HTTP exchanges (${exchanges.length})</h4>`);
  parts.push(exchanges.length > 0 ? exchanges.map((e, i) => exchangeHtml(e, i + 1)).join('') : '<p class="muted">No HTTP exchange recorded.</p>');
  return parts.join('');
}

function resultHtml(r: CheckResult, index: number, docsUrl: string): string {
  const id = `check-${index + 1}`;
  const open = EXPANDED_BY_DEFAULT.has(r.status);
  const searchable = [r.checkId, r.title, r.message, r.class, r.status, r.level, ...r.requirementIds, r.waiver ? waiverLine(r.waiver) : '']
    .join(' ')
    .toLowerCase();
  const waiver = r.waiver ? `<div class="waiver">${STATUS_SYMBOL.waived} ${h(waiverLine(r.waiver))}</div>` : '';
  const row =
    `<tr class="row">` +
    `<td><button type="button" class="toggle" aria-expanded="${open}" aria-controls="${id}-evidence" title="Show or hide the evidence"></button></td>` +
    `<td><span class="badge">${STATUS_SYMBOL[r.status]} ${h(r.status)}</span></td>` +
    `<td><div class="title">${h(r.title)}</div><div class="msg">${h(r.message)}</div>${waiver}<code class="check-id">${h(r.checkId)}</code></td>` +
    `<td><code>${h(r.class)}</code></td>` +
    `<td class="reqs">${r.requirementIds.map((q) => reqLink(q, docsUrl)).join('<br>')}</td>` +
    `<td>${h(r.level)}</td>` +
    `<td class="num">${h(formatDuration(r.durationMs))}</td>` +
    `</tr>`;
  const evidence = `<tr class="evidence" id="${id}-evidence"${open ? '' : ' hidden'}><td colspan="${RESULT_COLUMNS}">${requirementTextsHtml(r, docsUrl)}${evidenceHtml(r.evidence, docsUrl, r.uses)}</td></tr>`;
  return `<tbody class="check s-${h(r.status)}" id="${id}" data-status="${h(r.status)}" data-class="${h(r.class)}" data-check-id="${h(r.checkId)}" data-text="${h(searchable)}">${row}${evidence}</tbody>`;
}

/** The verdict, or for a narrowed run the partial-run label with its filters and whether what ran passed. */
function verdictHtml(report: ConformanceReport): string {
  const blocked = 'a MUST check failed, errored or was blocked';
  if (report.verdict === 'partial') {
    const outcome = partialPassed(report) ? 'what ran passed, no MUST check failed, errored or was blocked' : `what ran failed, ${blocked}`;
    return `<span class="verdict partial">${PARTIAL_RUN}</span> <span class="muted">${h(scopeFilters(report.scope))}: ${outcome}</span>`;
  }
  if (report.verdict === 'conformant-with-waivers')
    return `<span class="verdict waived">${WITH_WAIVERS}</span> <span class="muted">no MUST check failed unwaived; ${waivedCount(report)} did not pass and a waiver accepted ${report.summary.waived === 1 ? 'it' : 'them'}</span>`;
  if (report.conformant)
    return '<span class="verdict ok">Conformant</span> <span class="muted">no MUST check failed, errored or was blocked by a failed precondition</span>';
  const why = report.results.some((r) => r.status !== 'skipped') ? `${blocked} by a failed precondition` : 'no check was executed';
  return `<span class="verdict ko">Not conformant</span> <span class="muted">${why}</span>`;
}

function headerHtml(report: ConformanceReport): string {
  const facts = claimFacts(report.claim);
  let claimText: string;
  if (!facts) claimText = report.claim === null ? '<span class="muted">could not be read</span>' : '<span class="muted">not an object</span>';
  else {
    const parts: string[] = [];
    if (facts.party) parts.push(`${h(facts.party)}${facts.carrierCode ? ` (${h(facts.carrierCode)})` : ''}`);
    if (facts.ecdxVersion) parts.push(`ECDX ${h(facts.ecdxVersion)}`);
    parts.push(`classes: ${facts.classes.length > 0 ? facts.classes.map((c) => `<code>${h(c)}</code>`).join(', ') : 'none'}`);
    parts.push(`test mode: ${facts.testMode ? 'yes' : 'no'}`);
    claimText = parts.join(' · ');
  }
  const claimJson =
    report.claim === null
      ? ''
      : `<details class="claim"><summary>claim as served</summary><pre>${h(JSON.stringify(report.claim, null, 2) ?? 'null')}</pre></details>`;
  const meta: [string, string][] = [
    ['Target', `<code>${h(report.target.url)}</code>`],
    ['Role', h(report.target.role)],
    ['Claim', `${claimText}${claimJson}`],
    ['Scope', scopeText(report, (filters) => `<code>${h(filters)}</code>`)],
    ['Classes tested', report.classes.length > 0 ? report.classes.map((c) => `<code>${h(c)}</code>`).join(', ') : 'none'],
    ['Specification', `ECDX ${h(report.specVersion)} · requirements SHA-256 <code>${h(report.specSha256)}</code>`],
    ['Harness', `ecdx ${h(report.harnessVersion)}`],
    ...(report.certification ? [['Certification', 'yes: the whole claimed suite, every waiver ignored'] as [string, string]] : []),
    ...provenanceRows(report),
    ['Seal', h(sealLine(report))],
    ...waiverNotes(report).map((note): [string, string] => ['Waivers', h(note)]),
    ['Run', `<time>${h(report.startedAt)}</time> → <time>${h(report.finishedAt)}</time> (${h(formatDuration(runDurationMs(report)))})`],
    ...[...runNotes(report), ...requirementTextNote(report)].map((note): [string, string] => ['Note', h(note)]),
  ];
  return (
    `<header><h1>ECDX conformance report</h1><p id="verdict">${verdictHtml(report)}</p>` +
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></header>`
  );
}

/** The digests and seed the run ran with, when the report records them. */
function provenanceRows(report: ConformanceReport): [string, string][] {
  const p = report.provenance;
  if (!p) return [];
  const settings = `<details class="claim"><summary>settings</summary><pre>${h(JSON.stringify(p.settings, null, 2))}</pre></details>`;
  const digests = `OpenAPI <code>${h(p.openapiSha256)}</code><br>schemas <code>${h(p.schemasSha256)}</code><br>${p.checkCount} checks <code>${h(p.checkSetSha256)}</code>${settings}`;
  return [
    ['Ran with', digests],
    ['Generated cases', h(seedLine(report) ?? '')],
  ];
}

function summaryHtml(report: ConformanceReport): string {
  const cards = RESULT_STATUSES.map((s) => {
    const n = report.summary[summaryKey(s)];
    return (
      `<button type="button" class="card s-${s}${n === 0 ? ' zero' : ''}" data-status="${s}" title="Show only ${s} checks">` +
      `<span class="count">${n}</span><span class="label">${STATUS_SYMBOL[s]} ${s}</span><span class="meaning">${h(STATUS_MEANING[s])}</span></button>`
    );
  }).join('');
  return `<section id="summary"><h2>Summary <span class="muted">(${totalOf(report.summary)} checks)</span></h2><div class="cards">${cards}</div></section>`;
}

function classesHtml(report: ConformanceReport): string {
  const rows = classBreakdown(report)
    .map((row) => {
      const cells = RESULT_STATUSES.map((s) => {
        const n = row.counts[summaryKey(s)];
        return `<td class="num s-${s} ${n === 0 ? 'zero' : 'nonzero'}">${n}</td>`;
      }).join('');
      const name = `<button type="button" class="link mono" data-filter-class="${h(row.name)}" title="Show this class's checks">${h(row.name)}</button>`;
      const title = row.title ? `<div class="muted">${h(row.title)}</div>` : '';
      return `<tr><td>${name}${title}</td><td>${row.state === 'tested' ? 'tested' : `<span class="muted">${classStateLabel(row.state, report)}</span>`}</td>${cells}<td class="num">${row.total}</td><td class="num">${h(formatDuration(row.durationMs))}</td></tr>`;
    })
    .join('');
  const head = RESULT_STATUSES.map((s) => `<th class="num">${s}</th>`).join('');
  return (
    `<section id="classes"><h2>By class</h2><table class="classes"><thead><tr><th>class</th><th></th>${head}<th class="num">total</th><th class="num">time</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></section>`
  );
}

function resultsHtml(report: ConformanceReport, docsUrl: string): string {
  const counts = report.summary;
  const boxes = RESULT_STATUSES.map(
    (s) =>
      `<label class="s-${s}"><input type="checkbox" name="status" value="${s}" checked> <span class="badge">${STATUS_SYMBOL[s]} ${s}</span> (${counts[summaryKey(s)]})</label>`,
  ).join('');
  const classOptions = classBreakdown(report)
    .filter((row) => row.total > 0)
    .map((row) => `<option value="${h(row.name)}">${h(row.name)} (${row.total})</option>`)
    .join('');
  const controls =
    `<div class="controls" id="controls" role="search" hidden>` +
    `<fieldset><legend>Status</legend>${boxes}</fieldset>` +
    `<label>Class <select id="filter-class"><option value="">all classes</option>${classOptions}</select></label>` +
    `<label>Text <input type="search" id="filter-text" placeholder="check, requirement, message…" autocomplete="off"></label>` +
    `<span><button type="button" id="expand-all">Expand all</button> <button type="button" id="collapse-all">Collapse all</button> ` +
    `<button type="button" id="reset-filters">Reset filters</button></span>` +
    `<output id="shown" aria-live="polite"></output></div>`;
  const head =
    '<thead><tr><th><span class="no-print" aria-hidden="true"></span></th><th>status</th><th>check</th><th>class</th><th>requirements</th><th>level</th><th class="num">time</th></tr></thead>';
  const body = report.results.map((r, i) => resultHtml(r, i, docsUrl)).join('\n');
  return (
    `<section id="results"><h2>Results</h2>${controls}` +
    `<table class="results">${head}${body}</table>` +
    `<p id="no-match" class="muted" hidden>No check matches the filters.</p></section>`
  );
}

function fixtureHtml(f: FixtureRecord, docsUrl: string): string {
  const status = f.status === 'ready' ? `${STATUS_SYMBOL.passed} ready` : `${STATUS_SYMBOL['precondition-failed']} could not be set up: ${h(f.message ?? '')}`;
  return (
    `<section class="fixture" id="${fixtureAnchor(f.id)}"><h3><code>${h(f.id)}</code> ${h(f.title)}</h3>` +
    `<p>${status} · ${h(formatDuration(f.durationMs))} · used by ${f.usedBy.map((c) => `<code>${h(c)}</code>`).join(', ')}</p>` +
    `<details><summary>evidence</summary>${evidenceHtml(f.evidence, docsUrl)}</details></section>`
  );
}

function fixturesHtml(report: ConformanceReport, docsUrl: string): string {
  const fixtures = report.fixtures ?? [];
  if (fixtures.length === 0) return '';
  return `<section id="fixtures"><h2>Shared fixtures</h2><p class="muted">Created once, by the first check that read them; their requests are recorded here.</p>${fixtures.map((f) => fixtureHtml(f, docsUrl)).join('')}</section>`;
}

export function renderHtml(input: ConformanceReport, options: HtmlOptions = {}): string {
  const report = redactReport(input);
  const docsUrl = options.docsUrl ?? DEFAULT_DOCS_URL;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="ecdx ${h(report.harnessVersion)}">
<title>ECDX conformance report — ${h(report.target.url)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${headerHtml(report)}
<main>
${summaryHtml(report)}
${classesHtml(report)}
${resultsHtml(report, docsUrl)}
${fixturesHtml(report, docsUrl)}
</main>
<footer>Generated by the ECDX conformance harness ${h(report.harnessVersion)} for ECDX ${h(report.specVersion)} (requirements SHA-256 <code>${h(report.specSha256)}</code>). Evidence is shown as the harness recorded it, with secrets and personal data redacted.</footer>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
