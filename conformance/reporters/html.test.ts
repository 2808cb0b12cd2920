import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTE_PAYLOAD,
  claimedButUntestedReport,
  controlReport,
  FIXTURE_NAMES,
  hostileReport,
  loadFixture,
  PARTIAL_ONLY,
  partialReport,
  RAW_CONTROL,
  SCRIPT_PAYLOAD,
} from './fixtures/index.ts';
import type { ConformanceReport } from '../harness/report.ts';
import { renderHtml } from './html.ts';
import { DEFAULT_DOCS_URL } from './requirement-text.ts';
import { escapeHtml } from './shared.ts';

/** The elements and attributes the renderer emits; anything else in a page came from the data. */
const TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'span',
  'dl',
  'dt',
  'dd',
  'code',
  'details',
  'summary',
  'pre',
  'time',
  'main',
  'section',
  'div',
  'button',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'fieldset',
  'legend',
  'label',
  'input',
  'select',
  'option',
  'output',
  'a',
  'br',
  'ol',
  'li',
  'strong',
  'footer',
  'script',
]);
const ATTRIBUTES = new Set([
  'lang',
  'charset',
  'http-equiv',
  'content',
  'name',
  'id',
  'class',
  'type',
  'title',
  'data-status',
  'data-class',
  'data-check-id',
  'data-template',
  'data-text',
  'data-filter-class',
  'aria-expanded',
  'aria-controls',
  'aria-label',
  'aria-hidden',
  'aria-live',
  'role',
  'hidden',
  'colspan',
  'href',
  'value',
  'checked',
  'placeholder',
  'autocomplete',
]);

/** Every start tag of the page, strictly tokenised: a value that broke out of its attribute would not parse. */
function startTags(html: string): { name: string; attributes: Map<string, string> }[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, '');
  const tags: { name: string; attributes: Map<string, string> }[] = [];
  for (const at of body.matchAll(/<(?=[a-zA-Z])/g)) {
    const rest = body.slice(at.index);
    const m = rest.match(/^<([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"<>]*")?)*)\s*>/);
    if (!m) throw new Error(`unexpected markup: ${rest.slice(0, 60)}`);
    const attributes = new Map<string, string>();
    for (const a of m[2]!.matchAll(/([a-z][a-z0-9-]*)(?:="([^"]*)")?/g)) attributes.set(a[1]!, a[2] ?? '');
    tags.push({ name: m[1]!, attributes });
  }
  return tags;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe.each(FIXTURE_NAMES)('HTML report of %s', (name) => {
  const report = loadFixture(name);
  const html = renderHtml(report);

  it('is one self-contained page: inline CSS and JS only, nothing to fetch', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<style\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base|source|video|audio)\b/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    for (const tag of startTags(html)) {
      expect(TAGS.has(tag.name), tag.name).toBe(true);
      for (const attribute of tag.attributes.keys()) expect(ATTRIBUTES.has(attribute), `${tag.name} ${attribute}`).toBe(true);
      const href = tag.attributes.get('href');
      // links are followed by the reader, never fetched by the page: only to the published specification
      if (href !== undefined) expect(href.startsWith(`${DEFAULT_DOCS_URL}#`) && /#ECDX-[A-Z]{3}-\d{3}$/.test(href), href).toBe(true);
    }
  });

  it('allows exactly its own style and script by hash in its Content-Security-Policy', () => {
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    const script = html.match(/<script>([\s\S]*?)<\/script>/)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src 'sha256-${sha256(style)}'`);
    expect(csp).toContain(`script-src 'sha256-${sha256(script)}'`);
    expect(csp).not.toContain('unsafe');
  });

  it('has the header, the summary cards and the per-class table', () => {
    expect(html).toContain(`<code>${escapeHtml(report.target.url)}</code>`);
    expect(html).toContain(`<dt>Role</dt><dd>${report.target.role}</dd>`);
    expect(html).toContain(`ecdx ${report.harnessVersion}`);
    expect(html).toContain(`ECDX ${report.specVersion} · requirements SHA-256 <code>${report.specSha256}</code>`);
    expect(html).toContain(`<time>${report.startedAt}</time>`);
    expect(html).toContain(report.conformant ? 'verdict ok' : 'verdict ko');
    for (const [status, key] of [
      ['passed', 'passed'],
      ['failed', 'failed'],
      ['precondition-failed', 'preconditionFailed'],
    ] as const) {
      expect(html).toMatch(new RegExp(`data-status="${status}"[^>]*><span class="count">${report.summary[key]}</span>`));
    }
    expect(html).toContain('data-filter-class="core"');
  });

  it('has one row group per check, with its evidence expanded when it failed or errored', () => {
    const groups = [...html.matchAll(/<tbody class="check s-([a-z-]+)" id="(check-\d+)"[^>]*>([\s\S]*?)<\/tbody>/g)];
    expect(groups).toHaveLength(report.results.length);
    groups.forEach((g, i) => {
      const r = report.results[i]!;
      expect(g[1]).toBe(r.status);
      expect(g[3]).toContain(`<code class="check-id">${escapeHtml(r.checkId)}</code>`);
      const open = r.status === 'failed' || r.status === 'error';
      expect(g[3]).toContain(`<tr class="evidence" id="${g[2]}-evidence"${open ? '>' : ' hidden>'}`);
      expect(g[3]).toContain(`aria-expanded="${open}"`);
    });
  });
});

describe('HTML evidence', () => {
  const report = loadFixture('with-failures');
  const html = renderHtml(report);
  const group = (checkId: string) => html.match(new RegExp(`<tbody[^>]*data-check-id="${checkId}"[^>]*>([\\s\\S]*?)</tbody>`))?.[1] ?? '';

  it('lists assertions in order, passed ✔ and failed ✘ with their pointer', () => {
    const g = group('privacy/masks-courier-and-signatory');
    const items = [...g.matchAll(/<li class="(ok|ko)">([\s\S]*?)<\/li>/g)];
    expect(items.map((m) => m[1])).toEqual(['ok', 'ko']);
    expect(items[1]![2]).toContain('✘');
    expect(items[1]![2]).toContain('<code class="pointer">/events/3/signatory/name</code>');
    expect(items[1]![2]).toContain(`href="${DEFAULT_DOCS_URL}#ECDX-PRV-001"`);
  });

  it('shows each exchange with request line, headers, bodies and the response status line, or why there was none', () => {
    const g = group('shipments/refuses-invalid-shipping-data');
    expect(g).toContain('<div class="line mono">POST https://sandbox.kuaidi.example.test/ecdx/v1/shipments</div>');
    expect(g).toContain('signature: [redacted]');
    expect(g).toContain('HTTP 500 Internal Server Error');
    expect(g).toContain('系统繁忙，请稍后再试');
    expect(g).toContain('&quot;recipient&quot;');
    const timeout = group('tracking/pagination-yields-every-event');
    expect(timeout).toContain('No response: timeout: no response within 15000 ms');
    const push = group('push/delivers-batch');
    expect(push).toContain('target → harness (push)');
  });
});

describe('HTML of shared fixtures and steps not taken', () => {
  const base = loadFixture('with-failures');
  const [first, second] = base.results;
  const report: ConformanceReport = {
    ...base,
    results: [
      {
        ...first!,
        uses: ['shipment:happy'],
        evidence: [...first!.evidence, { kind: 'blocked', message: 'the harness holds no second key <b>', requirementId: 'ECDX-PRV-008' }],
      },
      ...base.results.slice(1),
    ],
    fixtures: [
      {
        id: 'shipment:happy',
        title: 'A shipment on the regular path',
        status: 'ready',
        usedBy: [first!.checkId, second!.checkId],
        evidence: second!.evidence,
        durationMs: 1200,
      },
      {
        id: 'tracking:journeys',
        title: 'Two journeys',
        status: 'failed',
        message: 'POST /v1/shipments answered 500',
        usedBy: [second!.checkId],
        evidence: [],
        durationMs: 3,
      },
    ],
  };
  const html = renderHtml(report);

  it('shows a step not taken as such, escaped, and links a check to the fixtures it used', () => {
    expect(html).toContain('<li class="blocked"><span class="mark" aria-label="not taken">⊘</span>not taken: the harness holds no second key &lt;b&gt;');
    expect(html).toContain('Uses the shared fixture <a href="#fixture-shipment-happy" class="mono">shipment:happy</a>.');
  });

  it('lists every fixture with its state, its users and its own evidence', () => {
    const section = html.match(/<section id="fixtures">([\s\S]*?)<\/main>/)?.[1] ?? '';
    expect(section).toContain('<section class="fixture" id="fixture-shipment-happy">');
    expect(section).toContain('✔ ready');
    expect(section).toContain('⊘ could not be set up: POST /v1/shipments answered 500');
    expect(section).toContain(`used by <code>${escapeHtml(first!.checkId)}</code>, <code>${escapeHtml(second!.checkId)}</code>`);
    expect(startTags(html).every((t) => TAGS.has(t.name))).toBe(true);
  });

  it('has no fixtures section when the run used none', () => {
    expect(renderHtml(base)).not.toContain('id="fixtures"');
  });
});

describe('HTML with hostile evidence (XSS)', () => {
  const html = renderHtml(hostileReport());

  it('renders <script> and attribute-breaking payloads as text, everywhere', () => {
    expect(html).not.toContain(SCRIPT_PAYLOAD);
    expect(html).not.toContain(ATTRIBUTE_PAYLOAD);
    expect(html).not.toMatch(/<img/i);
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;/textarea&gt; &lt;/pre&gt; &lt;!-- &#39; &amp;');
    // every tag still tokenises into known elements and attributes: nothing broke out of a value
    for (const tag of startTags(html)) {
      expect(TAGS.has(tag.name), tag.name).toBe(true);
      for (const attribute of tag.attributes.keys()) expect(ATTRIBUTES.has(attribute), attribute).toBe(true);
    }
  });

  it('escapes in headers, URLs, pointers, requirement ids, the claim and the target', () => {
    expect(html).toContain('x-&quot;&gt;&lt;img src=x onerror=alert(2)&gt;: &lt;script&gt;');
    expect(html).toContain('<code class="pointer">/&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</code>');
    expect(html).toContain(`href="${DEFAULT_DOCS_URL}#ECDX-X%22%3E%3Cb%3E"`);
    expect(html).toContain('<title>ECDX conformance report — https://evil.example.test/&quot;&gt;&lt;img');
    expect(html).toContain('&quot;ecdxVersion&quot;: &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
  });
});

describe('HTML with control characters from the target', () => {
  it('shows C0 and C1 controls and bidi overrides as escapes, so no text is hidden or reordered', () => {
    const html = renderHtml(controlReport());
    expect(html).not.toMatch(RAW_CONTROL);
    expect(html).toContain('target said a\\x1b]0;pwned\\x07b\\x1b[2Jc\\x9b31md\\x00e\\x7ff\\x0dg\\u202eh\\u2066i\\u202aj\\u2069k');
  });
});

describe('HTML of a partial run', () => {
  const html = renderHtml(partialReport());
  const classState = (page: string, name: string) => page.match(new RegExp(`data-filter-class="${name}"[\\s\\S]*?</td><td>([\\s\\S]*?)</td>`))?.[1];

  it('has a partial-run verdict in the header, with the filters and whether what ran passed', () => {
    expect(html).toContain(
      `<p id="verdict"><span class="verdict partial">Partial run — not a conformance verdict</span> <span class="muted">--only ${PARTIAL_ONLY}: what ran passed, no MUST check failed, errored or was blocked</span></p>`,
    );
    expect(html).not.toContain('verdict ok');
    expect(html).toContain(`<dt>Scope</dt><dd>partial run: <code>--only ${PARTIAL_ONLY}</code></dd>`);
    expect(renderHtml(partialReport(true))).toContain('--skip health/answers-quickly: what ran failed, a MUST check failed, errored or was blocked');
  });

  it('marks only the classes actually tested as tested', () => {
    expect(classState(html, 'carrier-shipping')).toBe('tested');
    for (const name of ['core', 'security', 'privacy', 'carrier-tracking-pull']) {
      expect(classState(html, name)).toBe('<span class="muted">not tested in this partial run</span>');
    }
    expect(classState(renderHtml(claimedButUntestedReport()), 'notices')).toBe('<span class="muted">nothing to test</span>');
  });

  it('lists no row for a claimed class the specification does not have (the claim is the target’s text)', () => {
    const report = claimedButUntestedReport();
    (report.claim as { classes: string[] }).classes.push('https://ecdx.dev/conformance/1.0/made-up', 'x'.repeat(50));
    const page = renderHtml(report);
    expect(page).not.toContain('data-filter-class="made-up"');
    expect(page).not.toContain(`data-filter-class="${'x'.repeat(50)}"`);
  });
});
