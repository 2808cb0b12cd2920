import { createHash } from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCS_URL, requirementHref } from '../conformance/reporters/requirement-text.ts';
import { escapeHtml } from '../conformance/reporters/shared.ts';
import { allSchemas } from '../schemas/src/index.ts';
// The formats the schemas use (date-time) are registered by the run-time validator's module.
import '../schemas/validate.ts';
import { requirementById } from '../spec/registry.ts';
import { HOSTILE_FAILURE, monitorReport } from './fixtures/monitor-report.ts';
import { MONITOR_MESSAGES } from './messages.ts';
import { renderMonitorReport } from './report-html.ts';
import { MonitorReport, type TargetReport, type TimelineSpan } from './report-schema.ts';
import { byColumn, MAX_DRAWN_MARKERS, MAX_DRAWN_SPANS, mergeSpans, timelineSvg } from './report-timeline.ts';

/** The elements the page and its timeline are made of; anything else in a page came from the data. */
const TAGS = new Set(
  (
    'html head meta title style body header h1 h2 h3 p span dl dt dd code time main section div table thead tbody tr th td ' +
    'a br ul li figure figcaption footer svg defs pattern g rect line path circle text'
  ).split(' '),
);

/** Every start tag, strictly tokenised: a value that broke out of its attribute, or markup from the data, would not parse as one. */
function startTags(html: string): { name: string; attributes: Map<string, string> }[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/g, '');
  const tags: { name: string; attributes: Map<string, string> }[] = [];
  for (const at of body.matchAll(/<(?=[a-zA-Z])/g)) {
    const rest = body.slice(at.index);
    const m = rest.match(/^<([a-z][a-z0-9]*)((?:\s+[a-z][a-zA-Z0-9-]*(?:="[^"<>]*")?)*)\s*\/?>/);
    if (!m) throw new Error(`unexpected markup: ${rest.slice(0, 60)}`);
    const attributes = new Map<string, string>();
    for (const a of m[2]!.matchAll(/([a-z][a-zA-Z0-9-]*)(?:="([^"]*)")?/g)) attributes.set(a[1]!, a[2] ?? '');
    tags.push({ name: m[1]!, attributes });
  }
  return tags;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const svgsOf = (html: string): string[] => [...html.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => m[0]);
const rowsOf = (html: string, klass: string): string[] => [...html.matchAll(new RegExp(`<tr class="${klass}[^"]*"[\\s\\S]*?</tr>`, 'g'))].map((m) => m[0]);

describe('the fixture', () => {
  it('is a valid MonitorReport', () => {
    const report = monitorReport();
    expect([...Value.Errors(MonitorReport, [...allSchemas], report)].map((e) => `${e.path} ${e.message}`)).toEqual([]);
    expect(Value.Check(MonitorReport, [...allSchemas], report)).toBe(true);
  });

  it('is valid without the Chinese of its violations, as a report of an earlier version holds them', () => {
    const report = monitorReport();
    for (const i of report.targets[0]!.interruptions) i.violations = i.violations.map(({ requirement, detail }) => ({ requirement, detail }));
    expect(Value.Check(MonitorReport, [...allSchemas], report)).toBe(true);
    report.targets[0]!.interruptions[0]!.violations[0]!.detailZh = '';
    expect(Value.Check(MonitorReport, [...allSchemas], report)).toBe(false);
  });
});

describe('the monitor report page', () => {
  const report = monitorReport();
  const html = renderMonitorReport(report);

  it('is one self-contained page: its own stylesheet by hash, no script, nothing to fetch', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src 'sha256-${sha256(style)}'`);
    expect(csp).toContain("script-src 'none'");
    expect(csp).not.toContain('unsafe');
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|base|source|video|audio|image|use|foreignObject)\b/i);
    expect(html).not.toMatch(/@import/i);
    // the only url() is the pattern of unmeasured stretches, in the page itself
    for (const m of html.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^#target-\d+-unmeasured$/);
  });

  it('links only into itself and to the requirements in the specification', () => {
    const hrefs: string[] = [];
    for (const tag of startTags(html)) {
      expect(TAGS.has(tag.name), tag.name).toBe(true);
      expect(tag.attributes.has('src'), `${tag.name} src`).toBe(false);
      expect(
        [...tag.attributes.keys()].some((a) => a.startsWith('on')),
        `${tag.name} handler`,
      ).toBe(false);
      const href = tag.attributes.get('href');
      if (href !== undefined) hrefs.push(href);
    }
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith('#') || /^https:\/\/ecdx\.dev\/spec\/[^/]+\/spec\.html#ECDX-[A-Z]{3}-\d{3}$/.test(href), href).toBe(true);
    for (const href of hrefs.filter((x) => x.startsWith('#'))) expect(html).toContain(`id="${href.slice(1)}"`);
  });

  it("shows each interruption's verdict, its violations linked to their requirement, and the matched notice", () => {
    const carrier = report.targets[0]!;
    const rows = rowsOf(html, 'interruption');
    expect(rows).toHaveLength(carrier.interruptions.length);
    carrier.interruptions.forEach((interruption, k) => {
      const row = rows[k]!;
      expect(row).toContain(`data-compliance="${interruption.compliance}"`);
      expect(row).toMatch(new RegExp(`<span class="badge c-${interruption.compliance}">. ${interruption.compliance}</span>`));
      for (const v of interruption.violations) {
        expect(row).toMatch(new RegExp(`<a href="${requirementHref(v.requirement)}" class="mono" title="[^"]+">${v.requirement}</a> ${escapeHtml(v.detail)}`));
      }
      if (interruption.violations.length === 0) expect(row).toContain('<span class="muted">none</span>');
      if (interruption.noticeId) expect(row).toMatch(new RegExp(`<a href="#target-1-notice-\\d" class="mono nowrap">${interruption.noticeId}</a>`));
      expect(row).toContain(`<td class="num">${interruption.minutes}</td>`);
    });
    expect(rows[3]).toContain('<span class="muted">ongoing</span>');
  });

  it("escapes the target's other text too: its name from the claim, notice ids, severity and state", () => {
    const hostile = monitorReport();
    const carrier = hostile.targets[0]!;
    const markup = '"><img src=x onerror=alert(2)><b>';
    carrier.party = { name: markup, role: 'carrier', carrierCode: 'SF' };
    carrier.notices[0]!.noticeId = markup;
    carrier.notices[0]!.severity = '<b>S</b>';
    carrier.notices[0]!.negotiationState = '</td><b>';
    carrier.interruptions[2]!.noticeId = markup;
    expect(Value.Check(MonitorReport, [...allSchemas], hostile)).toBe(true);
    const page = renderMonitorReport(hostile);
    expect(page).not.toMatch(/<img|<b>|<\/td><b>/);
    expect(page).toContain(escapeHtml(markup));
    for (const tag of startTags(page)) expect(TAGS.has(tag.name), tag.name).toBe(true);
    // the interruption still links to its notice, by the page's own anchor
    expect(rowsOf(page, 'interruption')[2]).toContain(`<a href="#target-1-notice-1" class="mono nowrap">${escapeHtml(markup)}</a>`);
  });

  it('links requirement ids to the docs given', () => {
    const elsewhere = renderMonitorReport(report, { docsUrl: 'https://docs.example.test/ecdx/' });
    expect(elsewhere).toContain('href="https://docs.example.test/ecdx/spec.html#ECDX-NTC-001"');
    expect(elsewhere).not.toContain(DEFAULT_DOCS_URL);
  });

  it("shows a target's failure text as text, in the table and in the timeline's hover text", () => {
    expect(html).not.toContain(HOSTILE_FAILURE);
    expect(html).not.toContain('<script>');
    const escaped = escapeHtml(HOSTILE_FAILURE);
    expect(html).toContain(`<code class="wrap first-failure">${escaped}</code>`);
    expect(html).toMatch(new RegExp(`<title>Interruption of SHIPPING_DATA[^<]*${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</title>`));
    // every </title> closes a title that holds text only
    expect(html.match(/<\/title>/g)?.length).toBe(html.match(/<title>[^<]*<\/title>/g)?.length);
  });

  it('has one timeline per target, one row per feed, one marker per interruption and per notice', () => {
    const svgs = svgsOf(html);
    expect(svgs).toHaveLength(report.targets.length);
    report.targets.forEach((target, k) => {
      const svg = svgs[k]!;
      expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Timeline of /);
      expect([...svg.matchAll(/<g class="feed-row" data-feed="([A-Z_]+)">/g)].map((m) => m[1])).toEqual(target.feeds.map((f) => f.feed));
      const markers = [...svg.matchAll(/<g class="interruption ([a-z-]+)" data-interruption-id="([^"]+)">/g)];
      expect(markers.map((m) => `${m[2]} ${m[1]}`).sort()).toEqual(target.interruptions.map((i) => `${escapeHtml(i.id)} ${i.compliance}`).sort());
      // each marker sits in its own feed's row
      for (const feed of target.feeds) {
        const row = svg.match(new RegExp(`<g class="feed-row" data-feed="${feed.feed}">[\\s\\S]*?(?=<g class="feed-row"|<g class="axis")`))?.[0] ?? '';
        expect(row.match(/<g class="interruption /g) ?? []).toHaveLength(target.interruptions.filter((i) => i.feed === feed.feed).length);
      }
      expect([...svg.matchAll(/<g class="notice" data-notice-id="([^"]+)">/g)].map((m) => m[1]).sort()).toEqual(target.notices.map((n) => n.noticeId).sort());
    });
    // the carrier's down stretches: 02:00–03:00, 10:00–12:00, 06:00–06:30, 18:00 to the end
    expect(svgs[0]!.match(/<rect class="span down"/g)).toHaveLength(4);
    expect(svgs[0]!.match(/<rect class="span unmeasured"/g)).toHaveLength(3);
    expect(svgs[1]).not.toContain('class="span');
    expect(svgs[1]).toContain('none received');
  });

  it('has the header with the evidence log and the command that checks it', () => {
    expect(html).toContain('<code class="wrap">/var/lib/ecdx/evidence log.jsonl</code> · 17284 records · head SHA-256');
    expect(html).toContain(report.evidence.head);
    expect(html).toContain('ecdx monitor verify-log &#39;/var/lib/ecdx/evidence log.jsonl&#39;');
    expect(html).toContain('<dt>Generator</dt><dd>ecdx 1.0.0-draft</dd>');
    expect(html).toContain('<time>2026-03-01 00:00:00Z</time> → <time>2026-03-02 00:00:00Z</time>');
  });

  it('has availability per feed, the notices with their lead times and duties, the statistics, probes and pushes', () => {
    expect(html).toContain(
      '<tr data-feed="PARCEL_DATA_PUSH"><td><code>PARCEL_DATA_PUSH</code></td><td class="num">70.83 %</td><td class="num">1020</td><td class="num">1410</td>',
    );
    const notices = rowsOf(html, 'notice');
    expect(notices).toHaveLength(3);
    expect(notices[0]).toContain('<td class="lead-time">4 d 1 h</td>');
    expect(notices[0]).toContain('disclosed <time>2026-02-26 08:00:00Z</time>');
    expect(notices[1]).toContain('<td class="lead-time">1 h</td>');
    expect(notices[2]).toContain('<td class="lead-time">−3 min (received after the planned start)</td>');
    expect(notices[2]).toContain('reported to the authorities <time>2026-03-01 20:00:00Z</time>');
    expect(notices[2]).toContain('→ <span class="muted">no end given</span>');
    for (const [label, value] of [
      ['minutes interrupted', '570'],
      ['validation-failed', '1'],
      ['SORTING', '11'],
      ['retried', '2'],
      ['security incidents', '1'],
      ['availability', '70.83 %'],
      ['sent', '8460'],
      ['median latency', '42 ms'],
      ['median latency from occurredAt', '2.5 s'],
    ]) {
      expect(html).toMatch(new RegExp(`<td>[^<]*(<code>)?${label}(</code>)?</td><td class="value">${value}</td>`));
    }
    expect(html).toContain('<span class="muted">claim not read</span>');
  });

  it('says the statistics were not computed when they are absent', () => {
    const [carrier, platform] = report.targets;
    const { statistics: _, ...unread } = platform!;
    const page = renderMonitorReport({ ...report, targets: [carrier!, unread as TargetReport] });
    expect(page).toContain('Not computed: the figures name the party, and its claim could not be read.');
    expect(page.match(/<div class="figures statistics">/g)).toHaveLength(1);
  });

  it('says so when there is nothing to show', () => {
    const none = renderMonitorReport({ ...report, targets: [], evidence: { file: 'log.jsonl', records: 0 } });
    expect(none).toContain('The monitor watched no target.');
    expect(none).toContain('no record yet, so no head');
    expect(none).toContain('ecdx monitor verify-log log.jsonl');
    expect(svgsOf(none)).toEqual([]);
  });
});

describe('the timeline', () => {
  const target = (): TargetReport => monitorReport().targets[0]!;

  it('merges touching spans of one state', () => {
    const spans: TimelineSpan[] = Array.from({ length: 3000 }, (_, k) => ({
      from: new Date(Date.UTC(2026, 2, 1) + k * 60_000).toISOString(),
      to: new Date(Date.UTC(2026, 2, 1) + (k + 1) * 60_000).toISOString(),
      state: k >= 1000 && k < 1010 ? 'down' : 'up',
    }));
    const from = Date.UTC(2026, 2, 1);
    expect(mergeSpans(spans, from, from + 3000 * 60_000).map((s) => [s.state, (s.to - s.from) / 60_000])).toEqual([
      ['up', 1000],
      ['down', 10],
      ['up', 1990],
    ]);
  });

  it('draws a flapping feed per column, keeping every column it went down in, and stays small', () => {
    const t = target();
    const from = Date.parse(t.period.from);
    const minute = 60_000;
    // 1440 alternating one-minute spans: up, down, up, down …
    t.feeds[0]!.timeline = Array.from({ length: 1440 }, (_, k) => ({
      from: new Date(from + k * minute).toISOString(),
      to: new Date(from + (k + 1) * minute).toISOString(),
      state: k % 2 === 0 ? 'up' : 'down',
    }));
    t.interruptions = Array.from({ length: 700 }, (_, k) => ({
      ...t.interruptions[0]!,
      id: `x/${k}`,
      startedAt: new Date(from + (2 * k + 1) * minute).toISOString(),
    }));
    const svg = timelineSvg(t);
    const row = svg.match(/<g class="feed-row" data-feed="SHIPPING_DATA">[\s\S]*?<\/g><g class="feed-row"/)?.[0] ?? '';
    expect(row.match(/<rect class="span /g)!.length).toBeLessThanOrEqual(MAX_DRAWN_SPANS);
    expect(row.match(/<rect class="span down"/g)!.length).toBeGreaterThan(0);
    expect(row).toContain('down at some time in');
    expect(row.match(/<g class="interruption /g)).toHaveLength(MAX_DRAWN_MARKERS);
    expect(row).toContain(`+${700 - MAX_DRAWN_MARKERS} more interruptions`);
    expect(svg.length).toBeLessThan(150_000);
    // per column: a column with any down in it is down
    const stretches = byColumn(mergeSpans(t.feeds[0]!.timeline, from, from + 1440 * minute), from, from + 1440 * minute, 10);
    expect(stretches).toEqual([{ from, to: from + 1440 * minute, state: 'down' }]);
  });

  it('draws a period of no length, and timelines with nothing in them, without a NaN', () => {
    const t = target();
    t.period = { from: t.period.from, to: t.period.from };
    const svg = timelineSvg(t);
    expect(svg).toContain('The period has no length');
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svg.match(/<g class="feed-row"/g)).toHaveLength(3);

    const empty = { ...target(), feeds: [], interruptions: [], notices: [] };
    const bare = timelineSvg(empty);
    expect(bare).toContain('No feed was measured.');
    expect(bare).not.toMatch(/NaN|Infinity|class="span|class="interruption/);
    expect(timelineSvg(target())).not.toMatch(/NaN|Infinity/);
  });

  it('reads a leap second, which Date.parse refuses, as the instant after :59', () => {
    const t = target();
    t.interruptions[2]!.endedAt = '2026-03-01T23:59:60Z';
    t.notices[0]!.plannedEnd = '2026-03-01T23:59:60Z';
    const svg = timelineSvg(t);
    expect(svg).not.toMatch(/NaN|unknown time/);
    expect(svg).toContain('→ 2026-03-02 00:00:00Z, 120 min');
    expect(renderMonitorReport({ ...monitorReport(), targets: [t] })).not.toMatch(/NaN|unknown time/);
  });

  it('draws a row for a feed that was interrupted but has no timeline', () => {
    const t = target();
    t.feeds = t.feeds.slice(1);
    const svg = timelineSvg(t);
    expect(svg).toContain('<g class="feed-row" data-feed="SHIPPING_DATA">');
    expect(svg).toContain('no timeline');
  });

  it('labels the axis in UTC with ticks inside the period', () => {
    const svg = timelineSvg(target());
    const ticks = [...svg.matchAll(/<g class="tick">[\s\S]*?<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['00:00', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00', '00:00']);
    expect(svg).toContain('>2026-03-01</text>');
    expect(svg).toContain('>2026-03-02</text>');
  });
});

describe('the monitor report page in Chinese', () => {
  const report = monitorReport();
  const html = renderMonitorReport(report, { lang: 'zh-Hans' });
  const english = renderMonitorReport(report);
  /** The page's text: its markup, stylesheet and attributes dropped. */
  const textOf = (page: string): string => page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]*>/g, '');

  it('says its language and writes its headings in Chinese', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-Hans">')).toBe(true);
    expect(html).toContain('<title>ECDX 监测报告 — sf-express，demo-platform</title>');
    expect(html).toContain('<h1>ECDX 监测报告</h1>');
    expect(html).toContain('<h2>被测实现</h2>');
    for (const heading of ['可用性', '数据中断（4 次）', '收到的通知（3 条）', '共享统计（SharingStatistics）', '探测与推送'])
      expect(html).toContain(`<h3>${heading}</h3>`);
    expect(html).toContain('<dt>证据日志</dt><dd><code class="wrap">/var/lib/ecdx/evidence log.jsonl</code> · 17284 条记录 · 链头 SHA-256');
    expect(html).toContain('<th>结论</th><th>违反的要求</th>');
  });

  it("has none of the English page's headings, labels and notes", () => {
    for (const heading of english.match(/<(h1|h2|h3|dt|th|figcaption|footer)\b[^>]*>[^<]*[a-z]{3}[^<]*</g) ?? []) {
      if (/<h2>(sf-express|demo-platform)</.test(heading) || heading.includes('<dt>URL<')) continue;
      expect(html, heading).not.toContain(heading);
    }
    // every English phrase of the catalogue (the words between its parameters), nowhere in the page's text
    const text = textOf(html);
    for (const [key, m] of Object.entries(MONITOR_MESSAGES)) {
      for (const phrase of m.en.split(/\{[^}]*\}/).map((p) => p.trim()))
        if (/[a-z]{3,} [a-z]{2,}/i.test(phrase) && !/^(SharingStatistics|ECDX)$/.test(phrase)) expect(text, `${key}: ${phrase}`).not.toContain(phrase);
    }
    expect(text).not.toMatch(/\b(compliant|pending|ongoing|none)\b/);
  });

  it("shows each violation's Chinese reason, and the English one marked as English where a record has no Chinese", () => {
    const carrier = report.targets[0]!;
    const rows = rowsOf(html, 'interruption');
    carrier.interruptions.forEach((interruption, k) => {
      for (const v of interruption.violations) {
        expect(rows[k]).toContain(`${v.requirement}</a> ${escapeHtml(v.detailZh!)}</li>`);
        expect(rows[k]).not.toContain(escapeHtml(v.detail));
      }
    });
    expect(rows[0]).toContain('<span class="badge c-non-compliant">▲ 不合规</span>');
    expect(rows[3]).toContain('<span class="muted">未结束</span>');
    const older = monitorReport();
    const { detailZh: _, ...english } = older.targets[0]!.interruptions[1]!.violations[0]!;
    older.targets[0]!.interruptions[1]!.violations[0] = english;
    expect(rowsOf(renderMonitorReport(older, { lang: 'zh-Hans' }), 'interruption')[1]).toContain(
      `ECDX-NTC-002</a> <span lang="en">${escapeHtml(english.detail)}</span></li>`,
    );
  });

  it("gives a requirement's Chinese text as its hover text", () => {
    const requirement = requirementById('ECDX-NTC-002')!;
    expect(html).toContain(`title="${escapeHtml(`${requirement.level}：${requirement.text['zh-Hans']}`)}">ECDX-NTC-002</a>`);
    expect(html).not.toContain(escapeHtml(requirement.text.en));
  });

  it('writes the lead times, the notices and the statistics in Chinese', () => {
    const notices = rowsOf(html, 'notice');
    expect(notices[0]).toContain('<td class="lead-time">4 天 1 小时</td>');
    expect(notices[2]).toContain('<td class="lead-time">−3 分钟（晚于计划开始时间收到）</td>');
    expect(notices[2]).toContain('向主管部门报告：<time>2026-03-01 20:00:00Z</time>');
    expect(html).toContain('<td>快递企业</td><td>顺丰速运有限公司（SF）</td>');
    expect(html).toMatch(/<td>中断分钟数<\/td><td class="value">570<\/td>/);
    expect(html).toMatch(/<td>延迟中位数<\/td><td class="value">42 毫秒<\/td>/);
  });

  it('draws the timeline with Chinese labels, legend and hover texts', () => {
    const svg = svgsOf(html)[0]!;
    expect(svg).toMatch(/aria-label="sf-express 的时间线，[^"]*：3 个数据流，4 次数据中断（不合规 2 次，待定 1 次，合规 1 次），3 条通知"/);
    expect(svg).toContain('<text x="20" y="4">数据中断，不合规</text>');
    expect(svg).toMatch(
      /<title>SHIPPING_DATA 的数据中断（探测连续失败）2026-03-01 02:00:00Z → 2026-03-01 03:00:00Z，60 分钟 · 不合规：ECDX-NTC-001，ECDX-NTC-002 · 无匹配的通知 · /,
    );
    expect(svg).toContain('<title>通知 NTC-2026-0003（SECURITY_INCIDENT，SERIOUS），涉及 PARCEL_DATA_PULL，PARCEL_DATA_PUSH：');
    expect(svg).toContain('晚于计划开始时间 3 分钟收到</title>');
    expect(svg).toContain('可用率 93.75 %');
    // the legend's items do not run into each other: a Chinese character is counted as wide as it is high
    const xs = [...svg.matchAll(/<g transform="translate\(([\d.]+) [\d.]+\)">/g)].map((m) => Number(m[1]));
    const texts = [...svg.matchAll(/<g transform="translate\([^)]*\)">[\s\S]*?<text x="20" y="4">([^<]*)<\/text><\/g>/g)].map((m) => m[1]!);
    expect(texts).toHaveLength(xs.length);
    for (let k = 1; k < xs.length; k++) expect(xs[k]! - xs[k - 1]!).toBeGreaterThanOrEqual(20 + 11 * [...texts[k - 1]!].length);
  });

  it('keeps the page as safe as the English: the same markup, no space between two Chinese characters in its text', () => {
    expect(startTags(html).map((t) => t.name)).toEqual(startTags(english).map((t) => t.name));
    expect(html).not.toContain(HOSTILE_FAILURE);
    expect(textOf(html)).not.toMatch(/\p{Script=Han} +\p{Script=Han}/u);
  });
});
