// The timeline of one target as inline SVG: a row per feed with its stretches up, down and unmeasured over the
// report's period, each interruption under its feed's row marked with its verdict, the notices above with the time
// each was received and the period it announced, and a time axis. Pure (report in, markup out), so that the page
// needs no chart library, fetches nothing and prints as it shows; the verdicts differ in shape and line as well as
// in colour, so a greyscale print still tells them apart. Every text from the report is escaped.
import { DEFAULT_LANGUAGE, type Language, listSeparator } from '../conformance/i18n/index.ts';
import { escapeHtml, visibleText } from '../conformance/reporters/shared.ts';
import { type MonitorTranslate, monitorTranslator } from './messages.ts';
import type { Compliance, Interruption, ObservedNotice, TargetReport, TimelineSpan } from './report-schema.ts';
import { roughDuration } from './verdict.ts';

const h = (text: string): string => escapeHtml(visibleText(text));

// Geometry, in viewBox units (CSS pixels when the figure is drawn 1000 wide).
const WIDTH = 1000;
const LABEL = 150;
const PLOT = WIDTH - LABEL - 40;
const TOP = 6;
const LANE = 16;
const ROW = 38;
const BAR = 16;
const AXIS = 34;
const LEGEND = 26;

/** Per row, at most this many stretches are drawn one by one; beyond, the row is drawn per column (see `byColumn`). */
export const MAX_DRAWN_SPANS = 400;
/** Per row, at most this many interruptions (the worst verdicts first) and, in all, this many notices are drawn. */
export const MAX_DRAWN_MARKERS = 200;
const MAX_NOTICE_LANES = 4;
/** The columns a crowded row is drawn in: two units each. */
const COLUMNS = Math.floor(PLOT / 2);
/** A down stretch is never drawn narrower than this, so a one-minute outage in a month still shows. */
const MIN_DOWN_WIDTH = 1.5;
const MAX_TICKS = 8;

type State = TimelineSpan['state'];
interface Stretch {
  from: number;
  to: number;
  state: State;
}

const STATE_FILL: Record<Exclude<State, 'unmeasured'>, string> = { up: '#8fd19e', down: '#a40e26' };
/** Drawn last wins: a down stretch is never hidden under an up one that overlaps it. */
const STATE_RANK: Record<State, number> = { up: 0, unmeasured: 1, down: 2 };

/** How each verdict is drawn: colour, line and a shape of its own (the same glyph heads its row in the table). */
export const COMPLIANCE_MARK: Record<Compliance, { colour: string; glyph: string; line: string }> = {
  compliant: { colour: '#1a7f37', glyph: '○', line: 'stroke-width="2"' },
  pending: { colour: '#9a6700', glyph: '◇', line: 'stroke-width="2" stroke-dasharray="5 3"' },
  'non-compliant': { colour: '#cf222e', glyph: '▲', line: 'stroke-width="3.5"' },
};
const COMPLIANCE_RANK: Record<Compliance, number> = { compliant: 0, pending: 1, 'non-compliant': 2 };
const NOTICE_COLOUR = '#0550ae';

function complianceShape(compliance: Compliance, x: number, y: number): string {
  const { colour } = COMPLIANCE_MARK[compliance];
  if (compliance === 'compliant') return `<circle cx="${n(x)}" cy="${n(y)}" r="4.5" fill="#ffffff" stroke="${colour}" stroke-width="2"/>`;
  if (compliance === 'pending') return `<path d="M${n(x)} ${n(y - 5.5)}l5.5 5.5-5.5 5.5-5.5-5.5z" fill="#ffffff" stroke="${colour}" stroke-width="2"/>`;
  return `<path d="M${n(x)} ${n(y - 6)}l6 10.5h-12z" fill="${colour}" stroke="${colour}" stroke-width="1"/>`;
}

/** Coordinates with at most one decimal: the page stays small, the drawing exact enough. */
const n = (v: number): string => String(Math.round(v * 10) / 10);

/** `2026-03-01 02:00:00Z`: the instant in UTC, as a reader of a dispute compares it with report.json. */
export const utcText = (t: number, lang: Language = DEFAULT_LANGUAGE): string =>
  Number.isFinite(t) ? new Date(t).toISOString().replace('T', ' ').replace('.000Z', 'Z') : monitorTranslator(lang)('time.unknown');

/**
 * Epoch milliseconds of an RFC 3339 time, NaN when it is none. A leap second (`23:59:60`), which the schema's format
 * admits and Date.parse refuses, is the instant after `:59`.
 */
export function instantMs(text: string): number {
  const t = Date.parse(text);
  if (!Number.isNaN(t)) return t;
  const leap = Date.parse(text.replace(/:60(?=[.zZ+-])/, ':59'));
  return Number.isNaN(leap) ? Number.NaN : leap + 1000;
}

interface Scale {
  from: number;
  to: number;
  /** The period had no length (or its end did not follow its start): it is drawn as one minute. */
  empty: boolean;
  x(t: number): number;
}

function scaleOf(period: TargetReport['period']): Scale | undefined {
  const from = instantMs(period.from);
  const end = instantMs(period.to);
  if (!Number.isFinite(from)) return undefined;
  const empty = !(end > from);
  const to = empty ? from + 60_000 : end;
  return { from, to, empty, x: (t) => LABEL + ((Math.min(Math.max(t, from), to) - from) / (to - from)) * PLOT };
}

/** The spans of a row within the period, in time order, with touching or overlapping spans of one state merged. */
export function mergeSpans(spans: readonly TimelineSpan[], from: number, to: number): Stretch[] {
  const clipped = spans
    .map((s) => ({ from: Math.max(instantMs(s.from), from), to: Math.min(instantMs(s.to), to), state: s.state }))
    .filter((s) => Number.isFinite(s.from) && Number.isFinite(s.to) && s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: Stretch[] = [];
  for (const s of clipped) {
    const last = merged.at(-1);
    if (last && last.state === s.state && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * A crowded row drawn per column: each column takes the worst state seen in it (down over unmeasured over up), so a
 * flapping feed reads as down wherever it went down, and the page stays small whatever the number of spans.
 */
export function byColumn(stretches: readonly Stretch[], from: number, to: number, columns = COLUMNS): Stretch[] {
  const width = (to - from) / columns;
  const worst: (State | undefined)[] = new Array(columns).fill(undefined);
  for (const s of stretches) {
    const first = Math.max(0, Math.floor((s.from - from) / width));
    const last = Math.min(columns - 1, Math.ceil((s.to - from) / width) - 1);
    for (let c = first; c <= last; c++) {
      const seen = worst[c];
      if (seen === undefined || STATE_RANK[s.state] > STATE_RANK[seen]) worst[c] = s.state;
    }
  }
  const drawn: Stretch[] = [];
  worst.forEach((state, c) => {
    if (state === undefined) return;
    const last = drawn.at(-1);
    const start = from + c * width;
    if (last && last.state === state && Math.abs(last.to - start) < width / 2) last.to = start + width;
    else drawn.push({ from: start, to: start + width, state });
  });
  return drawn;
}

/** A tick every 1, 5, 15, 30 minutes, 1, 3, 6, 12 hours, 1, 2, 7, 14 days, or whole months of 30 days. */
const TICK_MINUTES = [1, 5, 15, 30, 60, 180, 360, 720, 1440, 2880, 10_080, 20_160];

function ticksOf(scale: Scale): { at: number; label: string; date?: string }[] {
  const span = scale.to - scale.from;
  const minutes = TICK_MINUTES.find((m) => span / (m * 60_000) <= MAX_TICKS) ?? 43_200 * Math.ceil(span / (MAX_TICKS * 43_200 * 60_000));
  const step = minutes * 60_000;
  const ticks: { at: number; label: string; date?: string }[] = [];
  let previousDay = '';
  for (let at = Math.ceil(scale.from / step) * step; at <= scale.to; at += step) {
    const iso = new Date(at).toISOString();
    const day = iso.slice(0, 10);
    if (minutes >= 1440) ticks.push({ at, label: day });
    else ticks.push({ at, label: iso.slice(11, 16), ...(day !== previousDay ? { date: day } : {}) });
    previousDay = day;
  }
  return ticks;
}

function axisSvg(scale: Scale, y: number): string {
  const parts = [`<line x1="${LABEL}" y1="${y}" x2="${LABEL + PLOT}" y2="${y}" stroke="#59636e"/>`];
  for (const tick of ticksOf(scale)) {
    const x = n(scale.x(tick.at));
    parts.push(
      `<g class="tick"><line x1="${x}" y1="${y}" x2="${x}" y2="${y + 5}" stroke="#59636e"/>` +
        `<text x="${x}" y="${y + 16}" text-anchor="middle">${tick.label}</text>` +
        (tick.date ? `<text x="${x}" y="${y + 28}" text-anchor="middle" fill="#59636e">${tick.date}</text>` : '') +
        `<title>${utcText(tick.at)}</title></g>`,
    );
  }
  parts.push(`<text x="${LABEL - 24}" y="${y + 16}" text-anchor="end" fill="#59636e">UTC</text>`);
  return `<g class="axis">${parts.join('')}</g>`;
}

/** What the drawing of one target needs besides the report: its pattern's id prefix, and the language of its texts. */
interface Ctx {
  prefix: string;
  lang: Language;
  t: MonitorTranslate;
}

function stretchSvg(s: Stretch, scale: Scale, y: number, coarse: boolean, { prefix, lang, t }: Ctx): string {
  let x = scale.x(s.from);
  let width = scale.x(s.to) - x;
  if (s.state === 'down' && width < MIN_DOWN_WIDTH) {
    x -= (MIN_DOWN_WIDTH - width) / 2;
    width = MIN_DOWN_WIDTH;
  }
  const fill = s.state === 'unmeasured' ? `url(#${prefix}-unmeasured)` : STATE_FILL[s.state];
  const when = t('timeline.when', { from: utcText(s.from, lang), to: utcText(s.to, lang), duration: roughDuration(s.to - s.from, lang) });
  const title = t(coarse ? 'timeline.spanCoarse' : 'timeline.span', { state: t(`state.${s.state}`), when });
  return `<rect class="span ${s.state}" x="${n(x)}" y="${y}" width="${n(width)}" height="${BAR}" fill="${fill}"><title>${h(title)}</title></rect>`;
}

export const interruptionTitle = (i: Interruption, lang: Language = DEFAULT_LANGUAGE): string => {
  const t = monitorTranslator(lang);
  const end = i.endedAt === undefined ? t('interruption.ongoing') : utcText(instantMs(i.endedAt), lang);
  const violations = i.violations.length > 0 ? t('timeline.violations', { list: i.violations.map((v) => v.requirement).join(listSeparator(lang)) }) : '';
  const notice = i.noticeId === undefined ? t('timeline.noNotice') : t('timeline.notice', { noticeId: i.noticeId });
  return t('timeline.interruption', {
    feed: i.feed,
    cause: t(`cause.${i.cause}`),
    start: utcText(instantMs(i.startedAt), lang),
    end,
    minutes: i.minutes,
    compliance: t(`compliance.${i.compliance}`),
    violations,
    notice,
    firstFailure: i.firstFailure,
  });
};

function interruptionSvg(i: Interruption, scale: Scale, y: number, lang: Language): string {
  const startedAt = instantMs(i.startedAt);
  if (Number.isNaN(startedAt)) return '';
  const endedAt = i.endedAt === undefined ? Number.NaN : instantMs(i.endedAt);
  const start = scale.x(startedAt);
  const end = scale.x(Number.isNaN(endedAt) ? scale.to : endedAt);
  const mark = COMPLIANCE_MARK[i.compliance];
  const ongoing = i.endedAt === undefined ? `<path d="M${n(end - 5)} ${y - 4}l5 4-5 4" fill="none" stroke="${mark.colour}" stroke-width="2"/>` : '';
  return (
    `<g class="interruption ${i.compliance}" data-interruption-id="${h(i.id)}"><title>${h(interruptionTitle(i, lang))}</title>` +
    `<line x1="${n(start)}" y1="${y}" x2="${n(Math.max(end, start + 1))}" y2="${y}" stroke="${mark.colour}" ${mark.line}/>` +
    `${ongoing}${complianceShape(i.compliance, start, y)}</g>`
  );
}

/** The worst verdicts first when a row has more than can be drawn; then in time order. */
function markersToDraw(interruptions: readonly Interruption[]): Interruption[] {
  const kept = [...interruptions]
    .sort((a, b) => COMPLIANCE_RANK[b.compliance] - COMPLIANCE_RANK[a.compliance] || instantMs(a.startedAt) - instantMs(b.startedAt))
    .slice(0, MAX_DRAWN_MARKERS);
  return kept.sort((a, b) => instantMs(a.startedAt) - instantMs(b.startedAt));
}

function feedRowSvg(
  feed: string,
  label: string | undefined,
  spans: readonly TimelineSpan[],
  interruptions: readonly Interruption[],
  scale: Scale,
  top: number,
  ctx: Ctx,
): string {
  const merged = mergeSpans(spans, scale.from, scale.to);
  const coarse = merged.length > MAX_DRAWN_SPANS;
  const stretches = (coarse ? byColumn(merged, scale.from, scale.to) : merged).sort((a, b) => STATE_RANK[a.state] - STATE_RANK[b.state]);
  const drawn = markersToDraw(interruptions);
  const more = interruptions.length - drawn.length;
  const barY = top + 4;
  const markY = barY + BAR + 9;
  return (
    `<g class="feed-row" data-feed="${h(feed)}">` +
    `<text x="${LABEL - 8}" y="${barY + 12}" text-anchor="end" font-weight="600">${h(feed)}</text>` +
    (label ? `<text x="${LABEL - 8}" y="${barY + 26}" text-anchor="end" fill="#59636e">${h(label)}</text>` : '') +
    `<rect x="${LABEL}" y="${barY}" width="${PLOT}" height="${BAR}" fill="#ffffff" stroke="#d1d9e0"/>` +
    stretches.map((s) => stretchSvg(s, scale, barY, coarse, ctx)).join('') +
    drawn.map((i) => interruptionSvg(i, scale, markY, ctx.lang)).join('') +
    (more > 0
      ? `<text x="${LABEL + PLOT}" y="${markY + 12}" text-anchor="end" fill="#59636e">${ctx.t('timeline.moreInterruptions', { n: more })}</text>`
      : '') +
    `</g>`
  );
}

const noticeEnd = (notice: ObservedNotice, scale: Scale): number => {
  const end = notice.plannedEnd === undefined ? Number.NaN : instantMs(notice.plannedEnd);
  return Number.isNaN(end) ? scale.to : end;
};

/** Notices in lanes, so that overlapping ones do not hide each other (at most four lanes; then they share). */
function noticeLanes(notices: readonly ObservedNotice[], scale: Scale): { notice: ObservedNotice; lane: number }[] {
  const ends: number[] = [];
  const placed = notices
    .filter((notice) => !Number.isNaN(instantMs(notice.receivedAt)) && !Number.isNaN(instantMs(notice.plannedStart)))
    .slice(0, MAX_DRAWN_MARKERS)
    .map((notice) => ({
      notice,
      start: scale.x(Math.min(instantMs(notice.receivedAt), instantMs(notice.plannedStart))),
      end: scale.x(noticeEnd(notice, scale)),
    }))
    .sort((a, b) => a.start - b.start);
  return placed.map(({ notice, start, end }) => {
    let lane = ends.findIndex((e) => e + 6 < start);
    if (lane < 0 && ends.length < MAX_NOTICE_LANES) lane = ends.length;
    if (lane < 0) lane = ends.indexOf(Math.min(...ends));
    ends[lane] = Math.max(ends[lane] ?? 0, end);
    return { notice, lane };
  });
}

export const noticeTitle = (notice: ObservedNotice, lang: Language = DEFAULT_LANGUAGE): string => {
  const t = monitorTranslator(lang);
  const lead = instantMs(notice.plannedStart) - instantMs(notice.receivedAt);
  const end = notice.plannedEnd === undefined ? t('timeline.openEnd') : utcText(instantMs(notice.plannedEnd), lang);
  const leadText = t(lead >= 0 ? 'timeline.leadTime' : 'timeline.receivedLate', { duration: roughDuration(lead, lang) });
  return t('timeline.noticeTitle', {
    noticeId: notice.noticeId,
    reason: notice.reason,
    severity: notice.severity,
    feeds: notice.affectedFeeds.join(listSeparator(lang)),
    received: utcText(instantMs(notice.receivedAt), lang),
    start: utcText(instantMs(notice.plannedStart), lang),
    end,
    lead: leadText,
  });
};

function noticeSvg(notice: ObservedNotice, scale: Scale, y: number, lang: Language): string {
  const received = scale.x(instantMs(notice.receivedAt));
  const start = scale.x(instantMs(notice.plannedStart));
  const endTime = noticeEnd(notice, scale);
  const end = scale.x(endTime);
  const closed = notice.plannedEnd !== undefined && !Number.isNaN(instantMs(notice.plannedEnd)) && endTime <= scale.to;
  const bracket = `M${n(start)} ${y + 2}V${y + 10}H${n(Math.max(end, start + 1))}${closed ? `V${y + 2}` : ''}`;
  return (
    `<g class="notice" data-notice-id="${h(notice.noticeId)}"><title>${h(noticeTitle(notice, lang))}</title>` +
    (received < start ? `<line x1="${n(received)}" y1="${y + 6}" x2="${n(start)}" y2="${y + 6}" stroke="${NOTICE_COLOUR}" stroke-dasharray="1 2"/>` : '') +
    `<path class="planned" d="${bracket}" fill="none" stroke="${NOTICE_COLOUR}" stroke-width="1.5"/>` +
    `<path class="received" d="M${n(received - 4.5)} ${y}h9l-4.5 8z" fill="${NOTICE_COLOUR}"/></g>`
  );
}

/** About 6 units a character at the legend's size; a Chinese character (or a full-width mark) is as wide as it is high. */
const textWidth = (text: string): number => [...text].reduce((w, c) => w + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(c) ? 11 : 6), 0);

function legendSvg(y: number, { prefix, t }: Ctx): string {
  const items: string[] = [];
  let x = 10;
  // The text's width and room for the symbol.
  const add = (symbol: string, text: string) => {
    items.push(`<g transform="translate(${x} ${y})">${symbol}<text x="20" y="4">${text}</text></g>`);
    x += 34 + textWidth(text);
  };
  add(`<rect y="-5" width="14" height="10" fill="${STATE_FILL.up}"/>`, t('state.up'));
  add(`<rect y="-5" width="14" height="10" fill="${STATE_FILL.down}"/>`, t('state.down'));
  add(`<rect y="-5" width="14" height="10" fill="url(#${prefix}-unmeasured)" stroke="#d1d9e0"/>`, t('state.unmeasured'));
  for (const c of ['compliant', 'pending', 'non-compliant'] as const) {
    const mark = COMPLIANCE_MARK[c];
    add(
      `<line x1="0" x2="14" stroke="${mark.colour}" ${mark.line}/>${complianceShape(c, 4, 0)}`,
      t('timeline.legendInterruption', { compliance: t(`compliance.${c}`) }),
    );
  }
  add(
    `<path d="M0 -5h9l-4.5 8z" fill="${NOTICE_COLOUR}"/><path d="M10 -4V3H16V-4" fill="none" stroke="${NOTICE_COLOUR}" stroke-width="1.5"/>`,
    t('timeline.legendNotice'),
  );
  return `<g class="legend">${items.join('')}</g>`;
}

function summaryOf(target: TargetReport, scale: Scale | undefined, { lang, t }: Ctx): string {
  const counts = (['non-compliant', 'pending', 'compliant'] as const).map((c) =>
    t('count.compliance', { n: target.interruptions.filter((i) => i.compliance === c).length, compliance: t(`compliance.${c}`) }),
  );
  const period = scale?.empty
    ? t('timeline.periodEmpty', { from: target.period.from })
    : t('timeline.period', { from: target.period.from, to: target.period.to });
  return t('timeline.summary', {
    id: target.id,
    period,
    feeds: target.feeds.length,
    interruptions: target.interruptions.length,
    counts: counts.join(listSeparator(lang)),
    notices: target.notices.length,
  });
}

/**
 * The target's timeline as one `<svg>`; `idPrefix` keeps the ids of its pattern unique when a page holds several,
 * `lang` is the language of its labels, legend and hover texts (English by default).
 */
export function timelineSvg(target: TargetReport, options: { idPrefix?: string; lang?: Language } = {}): string {
  const prefix = (options.idPrefix ?? 'timeline').replace(/[^A-Za-z0-9_-]/g, '-');
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const ctx: Ctx = { prefix, lang, t: monitorTranslator(lang) };
  const { t } = ctx;
  const scale = scaleOf(target.period);
  const label = h(summaryOf(target, scale, ctx));
  const open = (height: number) =>
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${label}" font-family="system-ui, sans-serif" font-size="11" fill="#1f2328">` +
    `<title>${label}</title>`;
  if (!scale) return `${open(40)}<text x="${LABEL}" y="24">${t('timeline.noStart')}</text></svg>`;

  const lanes = noticeLanes(target.notices, scale);
  const laneCount = Math.max(1, ...lanes.map((l) => l.lane + 1));
  const rows = [...target.feeds.map((f) => f.feed)];
  for (const i of target.interruptions) if (!rows.includes(i.feed)) rows.push(i.feed);
  const rowsTop = TOP + laneCount * LANE + 8;
  const axisY = rowsTop + rows.length * ROW + 4;
  const height = axisY + AXIS + LEGEND;

  const noticeRow =
    `<g class="notices"><text x="${LABEL - 8}" y="${TOP + 10}" text-anchor="end" font-weight="600">${t('timeline.notices')}</text>` +
    (lanes.length === 0 ? `<text x="${LABEL}" y="${TOP + 10}" fill="#59636e">${t('timeline.noneReceived')}</text>` : '') +
    lanes.map(({ notice, lane }) => noticeSvg(notice, scale, TOP + lane * LANE, lang)).join('') +
    (target.notices.length > lanes.length
      ? `<text x="${LABEL + PLOT}" y="${TOP + 10}" text-anchor="end" fill="#59636e">${t('timeline.moreNotices', { n: target.notices.length - lanes.length })}</text>`
      : '') +
    `</g>`;
  const feedRows = rows.map((feed, k) => {
    const report = target.feeds.find((f) => f.feed === feed);
    const caption = report ? t('timeline.available', { percent: report.availabilityPercent }) : t('timeline.noTimeline');
    return feedRowSvg(
      feed,
      caption,
      report?.timeline ?? [],
      target.interruptions.filter((i) => i.feed === feed),
      scale,
      rowsTop + k * ROW,
      ctx,
    );
  });
  const note = scale.empty ? t('timeline.emptyPeriod') : rows.length === 0 ? t('availability.none') : '';
  const empty = note ? `<text x="${LABEL + PLOT / 2}" y="${rowsTop - 2}" text-anchor="middle" fill="#59636e">${note}</text>` : '';
  const defs =
    `<defs><pattern id="${prefix}-unmeasured" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8c959f" stroke-width="2"/></pattern></defs>`;
  return `${open(height)}${defs}${noticeRow}${empty}${feedRows.join('')}${axisSvg(scale, axisY)}${legendSvg(axisY + AXIS + 12, ctx)}</svg>`;
}
