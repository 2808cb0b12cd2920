// The monitor's report as one self-contained page (report.html beside report.json): what the monitor saw of each
// target, the timeline, every interruption with its verdict and the requirements it broke, the notices received,
// and the standard's SharingStatistics as computed from the observations. An authority or the other party reads it
// offline, prints it, attaches it to a dispute. Much of it is the target's text (its URL, its name, what its
// failing answers said), so every value is escaped as text; the page has no script, and its Content-Security-Policy
// allows only its own stylesheet, by hash, and no network at all.
import { cspFor, REPORT_CSS } from '../conformance/reporters/html-assets.ts';
import { DEFAULT_DOCS_URL, requirementHref } from '../conformance/reporters/requirement-text.ts';
import { escapeHtml, visibleText } from '../conformance/reporters/shared.ts';
import type { ExchangeParty } from '../schemas/src/index.ts';
import { requirementById } from '../spec/registry.ts';
import type { Compliance, FeedReport, Interruption, MonitorReport, ObservedNotice, TargetReport } from './report-schema.ts';
import { COMPLIANCE } from './report-schema.ts';
import { COMPLIANCE_MARK, instantMs, timelineSvg, utcText } from './report-timeline.ts';
import { roughDuration } from './verdict.ts';

export interface MonitorHtmlOptions {
  /** The specification page requirement ids link to (`<docsUrl>#ECDX-NTC-001`), or a docs site ending in `/`; the published one by default. */
  docsUrl?: string;
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

const time = (instant: string): string => `<time>${h(utcText(instantMs(instant)))}</time>`;
const optionalTime = (instant: string | undefined, none: string): string => (instant === undefined ? `<span class="muted">${none}</span>` : time(instant));
const muted = (text: string): string => `<span class="muted">${h(text)}</span>`;
const table = (head: string[], rows: string[], klass = ''): string =>
  `<div class="table-wrap"><table${klass ? ` class="${klass}"` : ''}><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
const th = (label: string, num = false): string => `<th${num ? ' class="num"' : ''}>${label}</th>`;
const num = (value: number | string): string => `<td class="num">${h(String(value))}</td>`;
const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** A word the shell would split or expand, quoted, so the command can be copied as it stands. */
const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

const complianceBadge = (c: Compliance): string => `<span class="badge c-${c}">${COMPLIANCE_MARK[c].glyph} ${c}</span>`;

function requirementLink(id: string, docsUrl: string): string {
  const requirement = requirementById(id);
  const title = requirement ? ` title="${h(`${requirement.level}: ${requirement.text.en}`)}"` : '';
  return `<a href="${h(requirementHref(id, docsUrl))}" class="mono"${title}>${h(id)}</a>`;
}

/** `3 d 1 h`, or how late a notice came when it was received after its planned start. */
export function leadTime(notice: ObservedNotice): string {
  const lead = instantMs(notice.plannedStart) - instantMs(notice.receivedAt);
  if (!Number.isFinite(lead)) return '–';
  return lead >= 0 ? roughDuration(lead) : `−${roughDuration(lead)} (received after the planned start)`;
}

const countsByCompliance = (interruptions: readonly Interruption[]): Record<Compliance, number> =>
  Object.fromEntries(COMPLIANCE.map((c) => [c, interruptions.filter((i) => i.compliance === c).length])) as Record<Compliance, number>;

function verdictCounts(interruptions: readonly Interruption[]): string {
  if (interruptions.length === 0) return muted('none');
  const counts = countsByCompliance(interruptions);
  return (['non-compliant', 'pending', 'compliant'] as const)
    .filter((c) => counts[c] > 0)
    .map((c) => `<span class="badge c-${c}">${COMPLIANCE_MARK[c].glyph} ${counts[c]} ${c}</span>`)
    .join(' ');
}

function headerHtml(report: MonitorReport): string {
  const { evidence } = report;
  const all = report.targets.flatMap((t) => t.interruptions);
  const head = evidence.head ? `head SHA-256 <code class="wrap">${h(evidence.head)}</code>` : muted('no record yet, so no head');
  const meta: [string, string][] = [
    ['Generator', h(report.generator)],
    ['Generated', time(report.generatedAt)],
    ['Monitoring since', time(report.startedAt)],
    ['Interruptions', `${plural(all.length, 'interruption')} of ${plural(report.targets.length, 'target')}: ${verdictCounts(all)}`],
    ['Evidence log', `<code class="wrap">${h(evidence.file)}</code> · ${plural(evidence.records, 'record')} · ${head}`],
    [
      'Check the log',
      `<code class="wrap">ecdx monitor verify-log ${h(shellWord(evidence.file))}</code> <span class="muted">exits 1 on any edit, deletion or reordering of a record, and 0 on an intact log</span>`,
    ],
    ['Times', 'in UTC, as the monitor stamped them (report.json has them as recorded)'],
  ];
  return `<header><h1>ECDX monitor report</h1><dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></header>`;
}

const partyText = (target: TargetReport): string =>
  target.party ? `${h(target.party.name)}${target.party.role === 'carrier' ? ` (${h(target.party.carrierCode)})` : ''}` : muted('claim not read');

function overviewHtml(report: MonitorReport): string {
  if (report.targets.length === 0) return '<section id="overview"><h2>Targets</h2><p class="muted">The monitor watched no target.</p></section>';
  const rows = report.targets.map((t, k) => {
    const lowest = t.feeds.length > 0 ? `${Math.min(...t.feeds.map((f) => f.availabilityPercent))} %` : '–';
    return (
      `<tr><td><a href="#target-${k + 1}">${h(t.id)}</a></td><td>${h(t.role)}</td><td>${partyText(t)}</td>` +
      `<td>${time(t.period.from)} → ${time(t.period.to)}</td>${num(lowest)}<td>${verdictCounts(t.interruptions)}</td>${num(t.notices.length)}</tr>`
    );
  });
  const head = [th('target'), th('role'), th('party'), th('period'), th('lowest availability', true), th('interruptions'), th('notices', true)];
  return `<section id="overview"><h2>Targets</h2>${table(head, rows)}</section>`;
}

function availabilityHtml(feeds: readonly FeedReport[]): string {
  if (feeds.length === 0) return '<p class="muted">No feed was measured.</p>';
  const rows = feeds.map(
    (f) =>
      `<tr data-feed="${h(f.feed)}"><td><code>${h(f.feed)}</code></td>${num(`${f.availabilityPercent} %`)}${num(f.minutes.available)}${num(f.minutes.measured)}${num(f.minutes.period)}</tr>`,
  );
  const head = [th('feed'), th('availability', true), th('minutes available', true), th('minutes measured', true), th('minutes in the period', true)];
  return `${table(head, rows, 'narrow')}<p class="muted">As SharingStatistics counts it: whole minutes in which every probe was answered, over the whole minutes of the period; a minute not measured is not available.</p>`;
}

function violationsHtml(i: Interruption, docsUrl: string): string {
  if (i.violations.length === 0) return muted('none');
  return `<ul class="violations">${i.violations.map((v) => `<li>${requirementLink(v.requirement, docsUrl)} ${h(v.detail)}</li>`).join('')}</ul>`;
}

function interruptionsHtml(target: TargetReport, anchor: string, docsUrl: string, noticeAnchors: Map<string, string>): string {
  if (target.interruptions.length === 0) return '<p class="muted">No interruption in the period.</p>';
  const rows = target.interruptions.map((i, k) => {
    const anchorOf = i.noticeId === undefined ? undefined : noticeAnchors.get(i.noticeId);
    const notice =
      i.noticeId === undefined
        ? muted('none')
        : anchorOf
          ? `<a href="#${anchorOf}" class="mono nowrap">${h(i.noticeId)}</a>`
          : `<code>${h(i.noticeId)}</code> ${muted('(not among the notices received)')}`;
    return (
      `<tr class="interruption c-${i.compliance}" id="${anchor}-interruption-${k + 1}" data-compliance="${i.compliance}">` +
      `<td><code>${h(i.feed)}</code><div class="muted">${h(i.cause)}</div></td><td>${time(i.startedAt)}<br>→ ${optionalTime(i.endedAt, 'ongoing')}</td>` +
      `${num(i.minutes)}<td>${complianceBadge(i.compliance)}</td><td>${violationsHtml(i, docsUrl)}</td><td>${notice}</td>` +
      `<td><code class="wrap first-failure">${h(i.firstFailure)}</code></td></tr>`
    );
  });
  const head = [th('feed, cause'), th('start → end'), th('minutes', true), th('verdict'), th('violations'), th('notice'), th('first failure')];
  return table(head, rows, 'interruptions');
}

function noticesHtml(target: TargetReport, anchor: string): string {
  if (target.notices.length === 0) return '<p class="muted">No interruption notice was received from this target.</p>';
  const rows = target.notices.map(
    (n, j) =>
      `<tr class="notice" id="${anchor}-notice-${j + 1}"><td><code class="nowrap">${h(n.noticeId)}</code></td><td>${h(n.reason)}</td>` +
      `<td>${n.affectedFeeds.map((f) => `<code>${h(f)}</code>`).join('<br>')}</td><td>${h(n.severity)}<div class="muted">${h(n.negotiationState)}</div></td>` +
      `<td>${time(n.receivedAt)}<div class="muted">issued ${time(n.issuedAt)}, by its own account</div></td>` +
      `<td>${time(n.plannedStart)}<br>→ ${optionalTime(n.plannedEnd, 'no end given')}</td><td class="lead-time">${h(leadTime(n))}</td>` +
      `<td>disclosed ${optionalTime(n.disclosedAt, 'no')}<br>reported to the authorities ${optionalTime(n.authorityReportedAt, 'no')}</td></tr>`,
  );
  const head = [th('notice'), th('reason'), th('feeds'), th('severity, negotiation'), th('received'), th('planned'), th('lead time'), th('duties')];
  return `${table(head, rows, 'notices')}<p class="muted">The lead time runs from when the monitor received the notice to its planned start, not from the issue time the issuer wrote.</p>`;
}

const figureTable = (caption: string, rows: [string, string | number][]): string =>
  `<table class="figure-table"><thead><tr><th colspan="2">${caption}</th></tr></thead><tbody>${rows
    .map(([k, v]) => `<tr><td>${k}</td><td class="value">${v}</td></tr>`)
    .join('')}</tbody></table>`;

const maybe = (value: number | undefined, unit: string): string => (value === undefined ? muted('none') : h(`${value} ${unit}`));

function statisticsHtml(target: TargetReport): string {
  const s = target.statistics;
  if (!s) return '<p class="muted">Not computed: the figures name the party, and its claim could not be read.</p>';
  const party = (p: ExchangeParty): string => `${h(p.name)}${p.role === 'carrier' ? ` (${h(p.carrierCode)})` : ''}`;
  const reasons = Object.entries(s.shipments.rejectedByReason);
  const meta: [string, string][] = [
    ['Period', `${time(s.period.from)} → ${time(s.period.to)}, counted up to ${time(s.generatedAt)}`],
    ['Party', `${party(s.party)} · ${h(s.role)}`],
    ['Counterparty', s.counterparty ? party(s.counterparty) : muted('every counterparty (what an authority receives)')],
  ];
  const figures = [
    figureTable('Shipping data (OP-01)', [
      ['received', s.shipments.received],
      ['accepted', s.shipments.accepted],
      ['rejected', s.shipments.rejected],
      ...reasons.map(([slug, count]): [string, number] => [`&nbsp;&nbsp;<code>${h(slug)}</code>`, count]),
    ]),
    figureTable('Parcel data (OP-02)', [
      ['tracking events provided', s.trackingEvents.provided],
      ...Object.entries(s.trackingEvents.byNode).map(([node, count]): [string, number] => [`&nbsp;&nbsp;${h(node)}`, count]),
    ]),
    figureTable('Pushes', [
      ['delivered', s.pushes.delivered],
      ['retried', s.pushes.retried],
      ['failed', s.pushes.failed],
      ['median latency', maybe(s.pushes.medianLatencySeconds, 's')],
    ]),
    figureTable('Interruptions, incidents, availability (OP-06, OP-07, OP-08)', [
      ['interruptions', s.interruptions.count],
      ['minutes interrupted', s.interruptions.minutes],
      ['security incidents', s.incidents.count],
      ['availability', h(`${s.availabilityPercent} %`)],
    ]),
  ];
  return (
    `<p class="muted">The standard's figures for this party (OP-11), computed from what the monitor observed: the object an authority also receives from the party's own <code>GET /v1/statistics/sharing</code>.</p>` +
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl><div class="figures statistics">${figures.join('')}</div>`
  );
}

function probesHtml(target: TargetReport): string {
  const { probes, pushes } = target;
  return (
    `<div class="figures probes">` +
    figureTable('Probes', [
      ['sent', probes.total],
      ['failed', probes.failed],
      ['median latency', maybe(probes.medianLatencyMs, 'ms')],
    ]) +
    figureTable('Pushes received', [
      ['received', pushes.received],
      ['median latency from occurredAt', maybe(pushes.medianLatencySeconds, 's')],
    ]) +
    `</div>`
  );
}

function targetHtml(target: TargetReport, k: number, docsUrl: string): string {
  const anchor = `target-${k + 1}`;
  // The first notice of an id is the one an interruption's link leads to (ids are the issuer's, and may repeat).
  const noticeAnchors = new Map<string, string>();
  target.notices.forEach((n, j) => {
    if (!noticeAnchors.has(n.noticeId)) noticeAnchors.set(n.noticeId, `${anchor}-notice-${j + 1}`);
  });
  const meta: [string, string][] = [
    ['URL', `<code class="wrap">${h(target.url)}</code>`],
    ['Role', h(target.role)],
    ['Party', partyText(target)],
    ['Period', `${time(target.period.from)} → ${time(target.period.to)}`],
  ];
  return (
    `<section class="target" id="${anchor}"><h2>${h(target.id)}</h2><dl class="meta">${meta.map(([key, v]) => `<dt>${key}</dt><dd>${v}</dd>`).join('')}</dl>` +
    `<h3>Availability</h3>${availabilityHtml(target.feeds)}` +
    `<figure class="timeline-figure">${timelineSvg(target, { idPrefix: anchor })}` +
    `<figcaption>Each feed's row: up, down, unmeasured (the monitor was not running) over the period; under it each interruption from its start, ` +
    `${COMPLIANCE.map((c) => `${COMPLIANCE_MARK[c].glyph} ${c}`).join(', ')}; above, each notice as received (▼) and the period it announced (bracket). Hover for the details.</figcaption></figure>` +
    `<h3>Interruptions (${target.interruptions.length})</h3>${interruptionsHtml(target, anchor, docsUrl, noticeAnchors)}` +
    `<h3>Notices received (${target.notices.length})</h3>${noticesHtml(target, anchor)}` +
    `<h3>SharingStatistics</h3>${statisticsHtml(target)}` +
    `<h3>Probes and pushes</h3>${probesHtml(target)}</section>`
  );
}

export function renderMonitorReport(report: MonitorReport, options: MonitorHtmlOptions = {}): string {
  const docsUrl = options.docsUrl ?? DEFAULT_DOCS_URL;
  const names = report.targets.map((t) => t.id).join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${MONITOR_REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${h(report.generator)}">
<title>ECDX monitor report${names ? ` — ${h(names)}` : ''}</title>
<style>${MONITOR_REPORT_CSS}</style>
</head>
<body>
${headerHtml(report)}
<main>
${overviewHtml(report)}
${report.targets.map((t, k) => targetHtml(t, k, docsUrl)).join('\n')}
</main>
<footer>Generated by ${h(report.generator)} from the monitor's observations. The evidence log is the record; this page is a reading of it.</footer>
</body>
</html>
`;
}
