// The monitor's report as one self-contained page (report.html beside report.json): what the monitor saw of each
// target, the timeline, every interruption with its verdict and the requirements it broke, the notices received,
// and the standard's SharingStatistics as computed from the observations. An authority or the other party reads it
// offline, prints it, attaches it to a dispute. Much of it is the target's text (its URL, its name, what its
// failing answers said), so every value is escaped as text; the page has no script, and its Content-Security-Policy
// allows only its own stylesheet, by hash, and no network at all.
import { DEFAULT_LANGUAGE, type Language, listSeparator } from '../conformance/i18n/index.ts';
import { cspFor, REPORT_CSS } from '../conformance/reporters/html-assets.ts';
import { DEFAULT_DOCS_URL, requirementHref } from '../conformance/reporters/requirement-text.ts';
import { escapeHtml, visibleText } from '../conformance/reporters/shared.ts';
import type { ExchangeParty } from '../schemas/src/index.ts';
import { requirementById } from '../spec/registry.ts';
import { type MonitorTranslate, monitorTranslator } from './messages.ts';
import type { Compliance, FeedReport, Interruption, MonitorReport, ObservedNotice, TargetReport, Violation } from './report-schema.ts';
import { COMPLIANCE } from './report-schema.ts';
import { COMPLIANCE_MARK, instantMs, timelineSvg, utcText } from './report-timeline.ts';
import { roughDuration } from './verdict.ts';

export interface MonitorHtmlOptions {
  /** The specification page requirement ids link to (`<docsUrl>#ECDX-NTC-001`), or a docs site ending in `/`; the published one by default. */
  docsUrl?: string;
  /** The language of the text the page writes itself (and its `<html lang>`); English by default. */
  lang?: Language;
}

/** What the parts of the page need besides the report: where requirement ids link to, and the language. */
interface Ctx {
  docsUrl: string;
  lang: Language;
  t: MonitorTranslate;
}

/** Text from the report as page text: controls and bidi overrides shown as escapes, then markup escaped. */
const h = (text: string): string => escapeHtml(visibleText(text));

/** The conformance report's stylesheet (one look for every ECDX report) and what the monitor's page adds. */
export const MONITOR_REPORT_CSS = `${REPORT_CSS}
.c-compliant { --c: #1a7f37; } .c-pending { --c: #9a6700; } .c-non-compliant { --c: #cf222e; }
section.target { margin-top: 2.5rem; }
section.target > h2 { font-size: 1.45rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
figure.timeline-figure { margin: 0.75rem 0 0.5rem; }
svg.timeline { display: block; width: 100%; height: auto; max-width: 1100px; }
figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 0.25rem; }
.table-wrap { overflow-x: auto; }
table.narrow { width: auto; min-width: 24rem; }
ul.violations { margin: 0; padding-left: 1.1em; min-width: 16rem; }
.nowrap { white-space: nowrap; }
ul.violations li { overflow-wrap: anywhere; }
.wrap { overflow-wrap: anywhere; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 0.5rem 2rem; align-items: start; }
.figures table { width: 100%; }
td.value { text-align: right; font-variant-numeric: tabular-nums; }
td time { white-space: nowrap; }
@media (max-width: 900px) { td time { white-space: normal; } }
@media print {
  section.target { break-before: page; }
  figure.timeline-figure, table tr, .figures > * { break-inside: avoid; }
  svg.timeline { max-width: none; }
  .table-wrap { overflow: visible; }
  td time { white-space: normal; }
  table { font-size: 8.5pt; }
  ul.violations { min-width: 10rem; }
  table.notices td, table.interruptions td { overflow-wrap: anywhere; }
  td time { overflow-wrap: normal; }
}
`;

/** No script at all; the stylesheet by hash; nothing fetched. */
export const MONITOR_REPORT_CSP = cspFor({ styles: [MONITOR_REPORT_CSS], scripts: [] });

const time = (instant: string, lang: Language): string => `<time>${h(utcText(instantMs(instant), lang))}</time>`;
const optionalTime = (instant: string | undefined, none: string, lang: Language): string =>
  instant === undefined ? `<span class="muted">${none}</span>` : time(instant, lang);
const muted = (text: string): string => `<span class="muted">${h(text)}</span>`;
const table = (head: string[], rows: string[], klass = ''): string =>
  `<div class="table-wrap"><table${klass ? ` class="${klass}"` : ''}><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
const th = (label: string, num = false): string => `<th${num ? ' class="num"' : ''}>${label}</th>`;
const num = (value: number | string): string => `<td class="num">${h(String(value))}</td>`;

/** A word the shell would split or expand, quoted, so the command can be copied as it stands. */
const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

const complianceBadge = (c: Compliance, t: MonitorTranslate): string => `<span class="badge c-${c}">${COMPLIANCE_MARK[c].glyph} ${t(`compliance.${c}`)}</span>`;

/** A requirement's id, linked to the specification, its level and text (in the page's language) as the hover text. */
function requirementLink(id: string, { docsUrl, lang, t }: Ctx): string {
  const requirement = requirementById(id);
  const title = requirement ? ` title="${h(t('requirement.tooltip', { level: requirement.level, text: requirement.text[lang] }))}"` : '';
  return `<a href="${h(requirementHref(id, docsUrl))}" class="mono"${title}>${h(id)}</a>`;
}

/** `3 d 1 h`, or how late a notice came when it was received after its planned start. */
export function leadTime(notice: ObservedNotice, lang: Language = DEFAULT_LANGUAGE): string {
  const lead = instantMs(notice.plannedStart) - instantMs(notice.receivedAt);
  if (!Number.isFinite(lead)) return '–';
  return lead >= 0 ? roughDuration(lead, lang) : monitorTranslator(lang)('notice.late', { duration: roughDuration(lead, lang) });
}

const countsByCompliance = (interruptions: readonly Interruption[]): Record<Compliance, number> =>
  Object.fromEntries(COMPLIANCE.map((c) => [c, interruptions.filter((i) => i.compliance === c).length])) as Record<Compliance, number>;

function verdictCounts(interruptions: readonly Interruption[], t: MonitorTranslate): string {
  if (interruptions.length === 0) return muted(t('word.none'));
  const counts = countsByCompliance(interruptions);
  return (['non-compliant', 'pending', 'compliant'] as const)
    .filter((c) => counts[c] > 0)
    .map((c) => `<span class="badge c-${c}">${COMPLIANCE_MARK[c].glyph} ${t('count.compliance', { n: counts[c], compliance: t(`compliance.${c}`) })}</span>`)
    .join(' ');
}

function headerHtml(report: MonitorReport, { lang, t }: Ctx): string {
  const { evidence } = report;
  const all = report.targets.flatMap((x) => x.interruptions);
  const head = evidence.head ? t('header.head', { hash: `<code class="wrap">${h(evidence.head)}</code>` }) : muted(t('header.noHead'));
  const meta: [string, string][] = [
    [t('header.generator'), h(report.generator)],
    [t('header.generated'), time(report.generatedAt, lang)],
    [t('header.since'), time(report.startedAt, lang)],
    [t('header.interruptions'), t('header.interruptionCount', { n: all.length, targets: report.targets.length, counts: verdictCounts(all, t) })],
    [t('header.evidence'), t('header.evidenceLine', { file: `<code class="wrap">${h(evidence.file)}</code>`, records: evidence.records, head })],
    [
      t('header.verify'),
      `<code class="wrap">ecdx monitor verify-log ${h(shellWord(evidence.file))}</code> <span class="muted">${t('header.verifyNote')}</span>`,
    ],
    [t('header.times'), t('header.timesNote')],
  ];
  return `<header><h1>${t('report.title')}</h1><dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></header>`;
}

const partyText = (target: TargetReport, t: MonitorTranslate): string =>
  target.party
    ? target.party.role === 'carrier'
      ? t('party.withCode', { name: h(target.party.name), code: h(target.party.carrierCode) })
      : h(target.party.name)
    : muted(t('party.unread'));

function overviewHtml(report: MonitorReport, { lang, t }: Ctx): string {
  if (report.targets.length === 0) return `<section id="overview"><h2>${t('overview.heading')}</h2><p class="muted">${t('overview.none')}</p></section>`;
  const rows = report.targets.map((x, k) => {
    const lowest = x.feeds.length > 0 ? `${Math.min(...x.feeds.map((f) => f.availabilityPercent))} %` : '–';
    return (
      `<tr><td><a href="#target-${k + 1}">${h(x.id)}</a></td><td>${h(t(`role.${x.role}`))}</td><td>${partyText(x, t)}</td>` +
      `<td>${time(x.period.from, lang)} → ${time(x.period.to, lang)}</td>${num(lowest)}<td>${verdictCounts(x.interruptions, t)}</td>${num(x.notices.length)}</tr>`
    );
  });
  const head = [
    th(t('col.target')),
    th(t('col.role')),
    th(t('col.party')),
    th(t('col.period')),
    th(t('col.lowestAvailability'), true),
    th(t('col.interruptions')),
    th(t('col.notices'), true),
  ];
  return `<section id="overview"><h2>${t('overview.heading')}</h2>${table(head, rows)}</section>`;
}

function availabilityHtml(feeds: readonly FeedReport[], t: MonitorTranslate): string {
  if (feeds.length === 0) return `<p class="muted">${t('availability.none')}</p>`;
  const rows = feeds.map(
    (f) =>
      `<tr data-feed="${h(f.feed)}"><td><code>${h(f.feed)}</code></td>${num(`${f.availabilityPercent} %`)}${num(f.minutes.available)}${num(f.minutes.measured)}${num(f.minutes.period)}</tr>`,
  );
  const head = [
    th(t('col.feed')),
    th(t('col.availability'), true),
    th(t('col.minutesAvailable'), true),
    th(t('col.minutesMeasured'), true),
    th(t('col.minutesPeriod'), true),
  ];
  return `${table(head, rows, 'narrow')}<p class="muted">${t('availability.note')}</p>`;
}

/** A violation's reason in the page's language: the Chinese a newer record carries, else the English, marked as such. */
function detailHtml(v: Violation, lang: Language): string {
  if (lang === 'en') return h(v.detail);
  return v.detailZh !== undefined ? h(v.detailZh) : `<span lang="en">${h(v.detail)}</span>`;
}

function violationsHtml(i: Interruption, ctx: Ctx): string {
  if (i.violations.length === 0) return muted(ctx.t('word.none'));
  return `<ul class="violations">${i.violations.map((v) => `<li>${requirementLink(v.requirement, ctx)} ${detailHtml(v, ctx.lang)}</li>`).join('')}</ul>`;
}

function interruptionsHtml(target: TargetReport, anchor: string, ctx: Ctx, noticeAnchors: Map<string, string>): string {
  const { lang, t } = ctx;
  if (target.interruptions.length === 0) return `<p class="muted">${t('interruptions.none')}</p>`;
  const rows = target.interruptions.map((i, k) => {
    const anchorOf = i.noticeId === undefined ? undefined : noticeAnchors.get(i.noticeId);
    const notice =
      i.noticeId === undefined
        ? muted(t('word.none'))
        : anchorOf
          ? `<a href="#${anchorOf}" class="mono nowrap">${h(i.noticeId)}</a>`
          : `<code>${h(i.noticeId)}</code> ${muted(t('interruption.noticeUnknown'))}`;
    return (
      `<tr class="interruption c-${i.compliance}" id="${anchor}-interruption-${k + 1}" data-compliance="${i.compliance}">` +
      `<td><code>${h(i.feed)}</code><div class="muted">${h(t(`cause.${i.cause}`))}</div></td>` +
      `<td>${time(i.startedAt, lang)}<br>→ ${optionalTime(i.endedAt, t('interruption.ongoing'), lang)}</td>` +
      `${num(i.minutes)}<td>${complianceBadge(i.compliance, t)}</td><td>${violationsHtml(i, ctx)}</td><td>${notice}</td>` +
      `<td><code class="wrap first-failure">${h(i.firstFailure)}</code></td></tr>`
    );
  });
  const head = [
    th(t('col.feedCause')),
    th(t('col.startEnd')),
    th(t('col.minutes'), true),
    th(t('col.verdict')),
    th(t('col.violations')),
    th(t('col.notice')),
    th(t('col.firstFailure')),
  ];
  return table(head, rows, 'interruptions');
}

function noticesHtml(target: TargetReport, anchor: string, { lang, t }: Ctx): string {
  if (target.notices.length === 0) return `<p class="muted">${t('notices.none')}</p>`;
  const no = t('word.no');
  const rows = target.notices.map(
    (n, j) =>
      `<tr class="notice" id="${anchor}-notice-${j + 1}"><td><code class="nowrap">${h(n.noticeId)}</code></td><td>${h(n.reason)}</td>` +
      `<td>${n.affectedFeeds.map((f) => `<code>${h(f)}</code>`).join('<br>')}</td><td>${h(n.severity)}<div class="muted">${h(n.negotiationState)}</div></td>` +
      `<td>${time(n.receivedAt, lang)}<div class="muted">${t('notice.issued', { time: time(n.issuedAt, lang) })}</div></td>` +
      `<td>${time(n.plannedStart, lang)}<br>→ ${optionalTime(n.plannedEnd, t('notice.noEnd'), lang)}</td><td class="lead-time">${h(leadTime(n, lang))}</td>` +
      `<td>${t('notice.disclosed', { time: optionalTime(n.disclosedAt, no, lang) })}<br>${t('notice.reported', { time: optionalTime(n.authorityReportedAt, no, lang) })}</td></tr>`,
  );
  const head = [
    th(t('col.notice')),
    th(t('col.reason')),
    th(t('col.feeds')),
    th(t('col.severity')),
    th(t('col.received')),
    th(t('col.planned')),
    th(t('col.leadTime')),
    th(t('col.duties')),
  ];
  return `${table(head, rows, 'notices')}<p class="muted">${t('notices.note')}</p>`;
}

const figureTable = (caption: string, rows: [string, string | number][]): string =>
  `<table class="figure-table"><thead><tr><th colspan="2">${caption}</th></tr></thead><tbody>${rows
    .map(([k, v]) => `<tr><td>${k}</td><td class="value">${v}</td></tr>`)
    .join('')}</tbody></table>`;

const maybe = (value: number | undefined, unit: 'duration.seconds' | 'unit.ms', t: MonitorTranslate): string =>
  value === undefined ? muted(t('word.none')) : h(t(unit, { n: value }));

function statisticsHtml(target: TargetReport, { lang, t }: Ctx): string {
  const s = target.statistics;
  if (!s) return `<p class="muted">${t('statistics.none')}</p>`;
  const party = (p: ExchangeParty): string => (p.role === 'carrier' ? t('party.withCode', { name: h(p.name), code: h(p.carrierCode) }) : h(p.name));
  const reasons = Object.entries(s.shipments.rejectedByReason);
  const meta: [string, string][] = [
    [t('meta.period'), t('statistics.period', { from: time(s.period.from, lang), to: time(s.period.to, lang), generatedAt: time(s.generatedAt, lang) })],
    [t('meta.party'), `${party(s.party)} · ${h(t(`role.${s.role}`))}`],
    [t('meta.counterparty'), s.counterparty ? party(s.counterparty) : muted(t('statistics.everyCounterparty'))],
  ];
  const figures = [
    figureTable(t('figure.shipping'), [
      [t('figure.received'), s.shipments.received],
      [t('figure.accepted'), s.shipments.accepted],
      [t('figure.rejected'), s.shipments.rejected],
      ...reasons.map(([slug, count]): [string, number] => [`&nbsp;&nbsp;<code>${h(slug)}</code>`, count]),
    ]),
    figureTable(t('figure.parcel'), [
      [t('figure.eventsProvided'), s.trackingEvents.provided],
      ...Object.entries(s.trackingEvents.byNode).map(([node, count]): [string, number] => [`&nbsp;&nbsp;${h(node)}`, count]),
    ]),
    figureTable(t('figure.pushes'), [
      [t('figure.delivered'), s.pushes.delivered],
      [t('figure.retried'), s.pushes.retried],
      [t('figure.failed'), s.pushes.failed],
      [t('figure.medianLatency'), maybe(s.pushes.medianLatencySeconds, 'duration.seconds', t)],
    ]),
    figureTable(t('figure.interruptionsEtc'), [
      [t('figure.interruptions'), s.interruptions.count],
      [t('figure.minutesInterrupted'), s.interruptions.minutes],
      [t('figure.incidents'), s.incidents.count],
      [t('figure.availability'), h(`${s.availabilityPercent} %`)],
    ]),
  ];
  return (
    `<p class="muted">${t('statistics.intro', { endpoint: '<code>GET /v1/statistics/sharing</code>' })}</p>` +
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl><div class="figures statistics">${figures.join('')}</div>`
  );
}

function probesHtml(target: TargetReport, t: MonitorTranslate): string {
  const { probes, pushes } = target;
  return (
    `<div class="figures probes">` +
    figureTable(t('figure.probes'), [
      [t('figure.sent'), probes.total],
      [t('figure.failed'), probes.failed],
      [t('figure.medianLatency'), maybe(probes.medianLatencyMs, 'unit.ms', t)],
    ]) +
    figureTable(t('figure.pushesReceived'), [
      [t('figure.received'), pushes.received],
      [t('figure.medianFromOccurred'), maybe(pushes.medianLatencySeconds, 'duration.seconds', t)],
    ]) +
    `</div>`
  );
}

function targetHtml(target: TargetReport, k: number, ctx: Ctx): string {
  const { lang, t } = ctx;
  const anchor = `target-${k + 1}`;
  // The first notice of an id is the one an interruption's link leads to (ids are the issuer's, and may repeat).
  const noticeAnchors = new Map<string, string>();
  target.notices.forEach((n, j) => {
    if (!noticeAnchors.has(n.noticeId)) noticeAnchors.set(n.noticeId, `${anchor}-notice-${j + 1}`);
  });
  const meta: [string, string][] = [
    ['URL', `<code class="wrap">${h(target.url)}</code>`],
    [t('meta.role'), h(t(`role.${target.role}`))],
    [t('meta.party'), partyText(target, t)],
    [t('meta.period'), `${time(target.period.from, lang)} → ${time(target.period.to, lang)}`],
  ];
  const marks = COMPLIANCE.map((c) => `${COMPLIANCE_MARK[c].glyph} ${t(`compliance.${c}`)}`).join(listSeparator(lang));
  return (
    `<section class="target" id="${anchor}"><h2>${h(target.id)}</h2><dl class="meta">${meta.map(([key, v]) => `<dt>${key}</dt><dd>${v}</dd>`).join('')}</dl>` +
    `<h3>${t('heading.availability')}</h3>${availabilityHtml(target.feeds, t)}` +
    `<figure class="timeline-figure">${timelineSvg(target, { idPrefix: anchor, lang })}` +
    `<figcaption>${t('timeline.caption', { marks })}</figcaption></figure>` +
    `<h3>${t('heading.interruptions', { n: target.interruptions.length })}</h3>${interruptionsHtml(target, anchor, ctx, noticeAnchors)}` +
    `<h3>${t('heading.notices', { n: target.notices.length })}</h3>${noticesHtml(target, anchor, ctx)}` +
    `<h3>${t('heading.statistics')}</h3>${statisticsHtml(target, ctx)}` +
    `<h3>${t('heading.probes')}</h3>${probesHtml(target, t)}</section>`
  );
}

export function renderMonitorReport(report: MonitorReport, options: MonitorHtmlOptions = {}): string {
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const ctx: Ctx = { docsUrl: options.docsUrl ?? DEFAULT_DOCS_URL, lang, t: monitorTranslator(lang) };
  const { t } = ctx;
  const names = report.targets.map((x) => x.id).join(listSeparator(lang));
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${MONITOR_REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${h(report.generator)}">
<title>${t('report.title')}${names ? ` — ${h(names)}` : ''}</title>
<style>${MONITOR_REPORT_CSS}</style>
</head>
<body>
${headerHtml(report, ctx)}
<main>
${overviewHtml(report, ctx)}
${report.targets.map((x, k) => targetHtml(x, k, ctx)).join('\n')}
</main>
<footer>${t('footer', { generator: h(report.generator) })}</footer>
</body>
</html>
`;
}
