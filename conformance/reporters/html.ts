// The HTML report: one self-contained page (inline CSS and JS, no network, works from file://) that a vendor's
// engineer reads to find out what failed and why. Everything in a report can come from the target's server
// (bodies, headers, URLs, messages quoting them), so every value is escaped as text; the Content-Security-Policy
// allows only the page's own stylesheet and script, by hash, as a second line of defence.
import { redactReport } from '../harness/redact.ts';
import { checkDescription, descriptionParts } from './descriptions.ts';
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
  partialPassed,
  partialRunLabel,
  RESULT_STATUSES,
  runDurationMs,
  scopeFilters,
  scopeText,
  sealLine,
  seedLine,
  STATUS_SYMBOL,
  statusMeaning,
  statusName,
  statusLine,
  summaryKey,
  totalOf,
  visibleText,
  messageIn,
  waiverLine,
  waiverNotes,
  withWaiversLabel,
} from './shared.ts';
import { checkTitle, classTitleIn, DEFAULT_LANGUAGE, type Language, type Translate, translator } from '../i18n/index.ts';
import { DEFAULT_DOCS_URL, requirementHref, requirementsToShow, requirementTextNote, requirementTextsInOrder, unknownRequirement } from './requirement-text.ts';

export interface HtmlOptions {
  /** The specification page requirement ids link to (`<docsUrl>#ECDX-SHP-001`), or a docs site ending in `/`; the published one by default. */
  docsUrl?: string;
  /** The language of the text the page writes itself (and its `<html lang>`); English by default. */
  lang?: Language;
}

/** What the parts of the page need besides the report: where requirement ids link to, and the language. */
interface Ctx {
  docsUrl: string;
  lang: Language;
  t: Translate;
}

/** Text from the report as page text: controls and bidi overrides shown as escapes, then markup escaped. */
const h = (text: string): string => escapeHtml(visibleText(text));

/** Expanded when the page opens: the checks a reader came for. */
const EXPANDED_BY_DEFAULT = new Set(['failed', 'error']);
const RESULT_COLUMNS = 7;

const reqLink = (id: string, docsUrl: string): string => `<a href="${h(requirementHref(id, docsUrl))}" class="mono">${h(id)}</a>`;

const headersBlock = (headers: Record<string, string>, t: Translate): string => {
  const entries = Object.entries(headers);
  if (entries.length === 0) return `<div class="muted">${t('html.noHeaders')}</div>`;
  return `<pre class="headers">${entries.map(([name, value]) => `${h(name)}: ${h(value)}`).join('\n')}</pre>`;
};

const bodyBlock = (body: string | undefined, t: Translate): string => {
  if (body === undefined) return '';
  if (body === '') return `<div class="muted">${t('html.emptyBody')}</div>`;
  return `<pre class="body">${h(body)}</pre>`;
};

function exchangeHtml(e: Exchange, n: number, t: Translate): string {
  const direction = t(e.direction === 'to-target' ? 'html.toTarget' : 'html.fromTarget');
  const head = `<div class="exchange-head">#${n} · ${h(direction)} · ${h(formatDuration(e.durationMs))} · <time>${h(e.at)}</time></div>`;
  const request =
    `<div class="part request"><div class="part-label">${t('html.request')}</div>` +
    `<div class="line mono">${h(e.request.method)} ${h(e.request.url)}</div>` +
    `${headersBlock(e.request.headers, t)}${bodyBlock(e.request.body, t)}</div>`;
  let response: string;
  if (e.response) {
    const klass = `status-${Math.floor(e.response.status / 100)}xx`;
    response =
      `<div class="part response"><div class="part-label">${t('html.response')}</div>` +
      `<div class="line mono status-line ${klass}">${h(statusLine(e.response.status))}</div>` +
      `${headersBlock(e.response.headers, t)}${bodyBlock(e.response.body, t)}</div>`;
  } else {
    response = `<div class="part response"><div class="part-label">${t('html.response')}</div><div class="line no-response">${h(t('html.noResponse', { why: e.error ?? t('html.unknownReason') }))}</div></div>`;
  }
  const error = e.response && e.error ? `<div class="part muted">${h(e.error)}</div>` : '';
  return `<section class="exchange">${head}${request}${response}${error}</section>`;
}

function assertionHtml(a: Assertion, { docsUrl, lang, t }: Ctx): string {
  const pointer = a.pointer ? ` <span class="muted">${t('html.at')}</span> <code class="pointer">${h(a.pointer)}</code>` : '';
  const req = a.requirementId ? ` <span class="reqs">(${reqLink(a.requirementId, docsUrl)})</span>` : '';
  const mark = a.passed ? STATUS_SYMBOL.passed : STATUS_SYMBOL.failed;
  return `<li class="${a.passed ? 'ok' : 'ko'}"><span class="mark" aria-label="${t(a.passed ? 'html.held' : 'html.didNotHold')}">${mark}</span>${messageSpan(a, lang)}${pointer}${req}</li>`;
}

function blockedHtml(b: Blocked, { docsUrl, lang, t }: Ctx): string {
  const req = b.requirementId ? ` <span class="reqs">(${reqLink(b.requirementId, docsUrl)})</span>` : '';
  return `<li class="blocked"><span class="mark" aria-label="${t('html.notTaken')}">${BLOCKED_SYMBOL}</span>${h(t('html.notTakenPrefix', { why: messageIn(b, lang).text }))}${req}</li>`;
}

/** An evidence entry's message in the page's language; an untranslated one is marked as English. */
function messageSpan(entry: Assertion | Blocked, lang: Language): string {
  const { text, translated } = messageIn(entry, lang);
  return translated ? h(text) : `<span lang="en">${h(text)}</span>`;
}

/**
 * The text of each requirement a result that did not pass names, in both languages (the page's first), above its
 * evidence.
 */
function requirementTextsHtml(r: CheckResult, { docsUrl, lang, t }: Ctx): string {
  const shown = requirementsToShow(r);
  if (shown.length === 0) return '';
  const entries = shown.map(({ id, requirement }) =>
    requirement
      ? `<dt>${reqLink(id, docsUrl)} <span class="level">${h(requirement.level)}</span></dt>${requirementTextsInOrder(requirement, lang)
          .map((x) => `<dd lang="${x.lang}">${h(x.text)}</dd>`)
          .join('')}`
      : `<dt>${reqLink(id, docsUrl)}</dt><dd class="muted">${h(unknownRequirement(lang))}</dd>`,
  );
  return `<h4>${shown.length === 1 ? t('heading.requirement') : t('heading.requirements', { n: shown.length })}</h4><dl class="requirement-texts">${entries.join('')}</dl>`;
}

const fixtureAnchor = (id: string): string => `fixture-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function evidenceHtml(evidence: readonly Evidence[], ctx: Ctx, uses: readonly string[] = []): string {
  const { t } = ctx;
  const steps = evidence.filter((e): e is Assertion | Blocked => e.kind === 'assertion' || e.kind === 'blocked');
  const assertions = steps.filter((e) => e.kind === 'assertion').length;
  const exchanges = evidence.filter((e): e is Exchange => e.kind === 'http');
  const parts: string[] = [];
  if (uses.length > 0) {
    parts.push(
      `<p class="uses">${t('html.usesFixtures', { n: uses.length, list: uses.map((id) => `<a href="#${fixtureAnchor(id)}" class="mono">${h(id)}</a>`).join(', ') })}</p>`,
    );
  }
  parts.push(`<h4>${t('heading.assertions', { n: assertions })}</h4>`);
  parts.push(
    steps.length > 0
      ? `<ol class="assertions">${steps.map((a) => (a.kind === 'assertion' ? assertionHtml(a, ctx) : blockedHtml(a, ctx))).join('')}</ol>`
      : `<p class="muted">${t('html.noAssertions')}</p>`,
  );
  parts.push(`<h4>${t('heading.exchanges', { n: exchanges.length })}</h4>`);
  parts.push(exchanges.length > 0 ? exchanges.map((e, i) => exchangeHtml(e, i + 1, t)).join('') : `<p class="muted">${t('html.noExchanges')}</p>`);
  return parts.join('');
}

/**
 * A check's title in the page's language. In Chinese the English title stays beside it, in its own language and
 * as the tooltip, so that the check is found in English documentation and logs as well.
 */
function titleHtml(r: CheckResult, { lang, t }: Ctx): string {
  const title = checkTitle(r.checkId, r.title, lang);
  if (title === r.title) return `<div class="title">${h(title)}</div>`;
  return `<div class="title" title="${h(`${t('label.englishTitle')}: ${r.title}`)}">${h(title)}</div><div class="title-en muted" lang="en">${h(r.title)}</div>`;
}

/**
 * A result's message in the page's language, the English beside it in a Chinese page (as a requirement's text is);
 * a message the report holds only in English is labelled as the original.
 */
function messageHtml(r: CheckResult, { lang, t }: Ctx): string {
  if (lang === 'en') return `<div class="msg">${h(r.message)}</div>`;
  const { text, translated } = messageIn(r, lang);
  return translated
    ? `<div class="msg">${h(text)}</div><div class="msg muted" lang="en">${h(r.message)}</div>`
    : `<div class="msg">${t('label.originalMessage')}：<span lang="en">${h(r.message)}</span></div>`;
}

/** What the check does, at the head of its evidence, in the page's language; nothing for a check this version does not know. */
function descriptionHtml(r: CheckResult, { lang, t }: Ctx): string {
  const description = checkDescription(r, lang);
  if (description === undefined) return '';
  const text = descriptionParts(description)
    .map((part) => (part.code ? `<code>${h(part.text)}</code>` : h(part.text)))
    .join('');
  return `<h4>${t('heading.whatItDoes')}</h4><p class="description">${text}</p>`;
}

function resultHtml(r: CheckResult, index: number, ctx: Ctx): string {
  const { docsUrl, lang, t } = ctx;
  const id = `check-${index + 1}`;
  const open = EXPANDED_BY_DEFAULT.has(r.status);
  const translated = lang === 'en' ? [] : [checkTitle(r.checkId, r.title, lang), statusName(r.status, lang)];
  const searchable = [
    r.checkId,
    r.title,
    ...translated,
    r.message,
    ...(lang === 'en' ? [] : [messageIn(r, lang).text]),
    r.class,
    r.status,
    r.level,
    ...r.requirementIds,
    r.waiver ? waiverLine(r.waiver, lang) : '',
  ]
    .join(' ')
    .toLowerCase();
  const waiver = r.waiver ? `<div class="waiver">${STATUS_SYMBOL.waived} ${h(waiverLine(r.waiver, lang))}</div>` : '';
  const row =
    `<tr class="row">` +
    `<td><button type="button" class="toggle" aria-expanded="${open}" aria-controls="${id}-evidence" title="${t('html.toggle')}"></button></td>` +
    `<td><span class="badge">${STATUS_SYMBOL[r.status]} ${h(statusName(r.status, lang))}</span></td>` +
    `<td>${titleHtml(r, ctx)}${messageHtml(r, ctx)}${waiver}<code class="check-id">${h(r.checkId)}</code></td>` +
    `<td><code>${h(r.class)}</code></td>` +
    `<td class="reqs">${r.requirementIds.map((q) => reqLink(q, docsUrl)).join('<br>')}</td>` +
    `<td>${h(r.level)}</td>` +
    `<td class="num">${h(formatDuration(r.durationMs))}</td>` +
    `</tr>`;
  const evidence = `<tr class="evidence" id="${id}-evidence"${open ? '' : ' hidden'}><td colspan="${RESULT_COLUMNS}">${descriptionHtml(r, ctx)}${requirementTextsHtml(r, ctx)}${evidenceHtml(r.evidence, ctx, r.uses)}</td></tr>`;
  return `<tbody class="check s-${h(r.status)}" id="${id}" data-status="${h(r.status)}" data-class="${h(r.class)}" data-check-id="${h(r.checkId)}" data-text="${h(searchable)}">${row}${evidence}</tbody>`;
}

/** The verdict, or for a narrowed run the partial-run label with its filters and whether what ran passed. */
function verdictHtml(report: ConformanceReport, { lang, t }: Ctx): string {
  if (report.verdict === 'partial') {
    const outcome = partialPassed(report) ? t('verdict.partialPassed') : t('verdict.partialFailed', { why: t('verdict.blocked') });
    const line = lang === 'en' ? `${h(scopeFilters(report.scope))}: ${outcome}` : `${h(scopeFilters(report.scope))}：${outcome}`;
    return `<span class="verdict partial">${partialRunLabel(lang)}</span> <span class="muted">${line}</span>`;
  }
  if (report.verdict === 'conformant-with-waivers')
    return `<span class="verdict waived">${withWaiversLabel(lang)}</span> <span class="muted">${t('verdict.withWaiversWhy', { n: report.summary.waived })}</span>`;
  if (report.conformant) return `<span class="verdict ok">${t('verdict.Conformant')}</span> <span class="muted">${t('verdict.conformantWhy')}</span>`;
  const why = report.results.some((r) => r.status !== 'skipped') ? t('verdict.blockedByPrecondition') : t('verdict.nothingExecuted');
  return `<span class="verdict ko">${t('verdict.NotConformant')}</span> <span class="muted">${why}</span>`;
}

function headerHtml(report: ConformanceReport, ctx: Ctx): string {
  const { lang, t } = ctx;
  const facts = claimFacts(report.claim);
  let claimText: string;
  if (!facts) claimText = `<span class="muted">${t(report.claim === null ? 'label.claimUnreadable' : 'label.claimNotObject')}</span>`;
  else {
    const parts: string[] = [];
    if (facts.party) parts.push(`${h(facts.party)}${facts.carrierCode ? ` (${h(facts.carrierCode)})` : ''}`);
    if (facts.ecdxVersion) parts.push(`ECDX ${h(facts.ecdxVersion)}`);
    parts.push(t('label.classes', { list: facts.classes.length > 0 ? facts.classes.map((c) => `<code>${h(c)}</code>`).join(', ') : t('label.none') }));
    parts.push(t('label.testMode', { answer: t(facts.testMode ? 'label.yes' : 'label.no') }));
    claimText = parts.join(' · ');
  }
  const claimJson =
    report.claim === null
      ? ''
      : `<details class="claim"><summary>${t('label.claimAsServed')}</summary><pre>${h(JSON.stringify(report.claim, null, 2) ?? 'null')}</pre></details>`;
  const meta: [string, string][] = [
    [t('label.target'), `<code>${h(report.target.url)}</code>`],
    [t('label.role'), h(report.target.role)],
    [t('label.claim'), `${claimText}${claimJson}`],
    [t('label.scope'), scopeText(report, (filters) => `<code>${h(filters)}</code>`, lang)],
    [t('label.classesTested'), report.classes.length > 0 ? report.classes.map((c) => `<code>${h(c)}</code>`).join(', ') : t('label.none')],
    [
      t('label.specification'),
      lang === 'en'
        ? `ECDX ${h(report.specVersion)} · requirements SHA-256 <code>${h(report.specSha256)}</code>`
        : t('label.specWithHash', { version: h(report.specVersion), hash: `<code>${h(report.specSha256)}</code>` }),
    ],
    [t('label.harness'), `ecdx ${h(report.harnessVersion)}`],
    ...(report.certification ? [[t('label.certification'), t('label.certificationYes')] as [string, string]] : []),
    ...provenanceRows(report, ctx),
    [t('label.seal'), h(sealLine(report, lang))],
    ...waiverNotes(report, lang).map((note): [string, string] => [t('label.waivers'), h(note)]),
    [t('label.run'), `<time>${h(report.startedAt)}</time> → <time>${h(report.finishedAt)}</time> (${h(formatDuration(runDurationMs(report)))})`],
    ...[...runNotes(report, lang), ...requirementTextNote(report, lang)].map((note): [string, string] => [t('label.note'), h(note)]),
  ];
  return (
    `<header><h1>${t('report.title')}</h1><p id="verdict">${verdictHtml(report, ctx)}</p>` +
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></header>`
  );
}

/** The digests and seed the run ran with, when the report records them. */
function provenanceRows(report: ConformanceReport, { lang, t }: Ctx): [string, string][] {
  const p = report.provenance;
  if (!p) return [];
  const settings = `<details class="claim"><summary>${t('html.settings')}</summary><pre>${h(JSON.stringify(p.settings, null, 2))}</pre></details>`;
  const digests =
    lang === 'en'
      ? `OpenAPI <code>${h(p.openapiSha256)}</code><br>schemas <code>${h(p.schemasSha256)}</code><br>${p.checkCount} checks <code>${h(p.checkSetSha256)}</code>${settings}`
      : `${t('label.ranWithDigests', { openapi: `<code>${h(p.openapiSha256)}</code>`, schemas: `<code>${h(p.schemasSha256)}</code>`, n: p.checkCount, checkSet: `<code>${h(p.checkSetSha256)}</code>` })}${settings}`;
  return [
    [t('label.ranWith'), digests],
    [t('label.generatedCases'), h(seedLine(report, lang) ?? '')],
  ];
}

function summaryHtml(report: ConformanceReport, { lang, t }: Ctx): string {
  const cards = RESULT_STATUSES.map((s) => {
    const n = report.summary[summaryKey(s)];
    return (
      `<button type="button" class="card s-${s}${n === 0 ? ' zero' : ''}" data-status="${s}" title="${t('html.showOnly', { status: statusName(s, lang) })}">` +
      `<span class="count">${n}</span><span class="label">${STATUS_SYMBOL[s]} ${statusName(s, lang)}</span><span class="meaning">${h(statusMeaning(s, lang))}</span></button>`
    );
  }).join('');
  return `<section id="summary"><h2>${t('heading.summary')} <span class="muted">${t('heading.checksCount', { n: totalOf(report.summary) })}</span></h2><div class="cards">${cards}</div></section>`;
}

function classesHtml(report: ConformanceReport, { lang, t }: Ctx): string {
  const rows = classBreakdown(report)
    .map((row) => {
      const cells = RESULT_STATUSES.map((s) => {
        const n = row.counts[summaryKey(s)];
        return `<td class="num s-${s} ${n === 0 ? 'zero' : 'nonzero'}">${n}</td>`;
      }).join('');
      const name = `<button type="button" class="link mono" data-filter-class="${h(row.name)}" title="${h(t('html.showClass'))}">${h(row.name)}</button>`;
      const title = row.title ? `<div class="muted">${h(classTitleIn(row.name, row.title, lang))}</div>` : '';
      return `<tr><td>${name}${title}</td><td>${row.state === 'tested' ? t('class.tested') : `<span class="muted">${classStateLabel(row.state, report, lang)}</span>`}</td>${cells}<td class="num">${row.total}</td><td class="num">${h(formatDuration(row.durationMs))}</td></tr>`;
    })
    .join('');
  const head = RESULT_STATUSES.map((s) => `<th class="num">${statusName(s, lang)}</th>`).join('');
  return (
    `<section id="classes"><h2>${t('heading.byClass')}</h2><table class="classes"><thead><tr><th>${t('label.class')}</th><th></th>${head}<th class="num">${t('label.total')}</th><th class="num">${t('label.time')}</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></section>`
  );
}

function resultsHtml(report: ConformanceReport, ctx: Ctx): string {
  const { lang, t } = ctx;
  const counts = report.summary;
  const boxes = RESULT_STATUSES.map(
    (s) =>
      `<label class="s-${s}"><input type="checkbox" name="status" value="${s}" checked> <span class="badge">${STATUS_SYMBOL[s]} ${statusName(s, lang)}</span> (${counts[summaryKey(s)]})</label>`,
  ).join('');
  const classOptions = classBreakdown(report)
    .filter((row) => row.total > 0)
    .map((row) => `<option value="${h(row.name)}">${h(row.name)} (${row.total})</option>`)
    .join('');
  const controls =
    `<div class="controls" id="controls" role="search" hidden>` +
    `<fieldset><legend>${t('html.filterStatus')}</legend>${boxes}</fieldset>` +
    `<label>${t('html.filterClass')} <select id="filter-class"><option value="">${t('html.allClasses')}</option>${classOptions}</select></label>` +
    `<label>${t('html.filterText')} <input type="search" id="filter-text" placeholder="${t('html.filterPlaceholder')}" autocomplete="off"></label>` +
    `<span><button type="button" id="expand-all">${t('html.expandAll')}</button> <button type="button" id="collapse-all">${t('html.collapseAll')}</button> ` +
    `<button type="button" id="reset-filters">${t('html.resetFilters')}</button></span>` +
    `<output id="shown" aria-live="polite" data-template="${h(t('html.shown', { n: '{n}', total: '{total}' }))}"></output></div>`;
  const head = `<thead><tr><th><span class="no-print" aria-hidden="true"></span></th><th>${t('label.status')}</th><th>${t('label.check')}</th><th>${t('label.class')}</th><th>${t('label.requirements')}</th><th>${t('label.level')}</th><th class="num">${t('label.time')}</th></tr></thead>`;
  const body = report.results.map((r, i) => resultHtml(r, i, ctx)).join('\n');
  return (
    `<section id="results"><h2>${t('heading.results')}</h2>${controls}` +
    `<table class="results">${head}${body}</table>` +
    `<p id="no-match" class="muted" hidden>${t('html.noMatch')}</p></section>`
  );
}

function fixtureHtml(f: FixtureRecord, ctx: Ctx): string {
  const { t } = ctx;
  const status =
    f.status === 'ready'
      ? `${STATUS_SYMBOL.passed} ${t('html.fixtureReady')}`
      : `${STATUS_SYMBOL['precondition-failed']} ${t('html.fixtureFailed', { why: h(messageIn(f, ctx.lang).text) })}`;
  return (
    `<section class="fixture" id="${fixtureAnchor(f.id)}"><h3><code>${h(f.id)}</code> ${h(f.title)}</h3>` +
    `<p>${status} · ${h(formatDuration(f.durationMs))} · ${t('html.usedBy', { list: f.usedBy.map((c) => `<code>${h(c)}</code>`).join(', ') })}</p>` +
    `<details><summary>${t('html.evidence')}</summary>${evidenceHtml(f.evidence, ctx)}</details></section>`
  );
}

function fixturesHtml(report: ConformanceReport, ctx: Ctx): string {
  const { t } = ctx;
  const fixtures = report.fixtures ?? [];
  if (fixtures.length === 0) return '';
  return `<section id="fixtures"><h2>${t('heading.fixtures')}</h2><p class="muted">${t('html.fixturesIntro')}</p>${fixtures.map((f) => fixtureHtml(f, ctx)).join('')}</section>`;
}

export function renderHtml(input: ConformanceReport, options: HtmlOptions = {}): string {
  const report = redactReport(input);
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const t = translator(lang);
  const ctx: Ctx = { docsUrl: options.docsUrl ?? DEFAULT_DOCS_URL, lang, t };
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="ecdx ${h(report.harnessVersion)}">
<title>${t('report.title')} — ${h(report.target.url)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${headerHtml(report, ctx)}
<main>
${summaryHtml(report, ctx)}
${classesHtml(report, ctx)}
${resultsHtml(report, ctx)}
${fixturesHtml(report, ctx)}
</main>
<footer>${t('html.footer', { harness: h(report.harnessVersion), spec: h(report.specVersion), hash: `<code>${h(report.specSha256)}</code>` })}</footer>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
