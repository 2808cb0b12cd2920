// Every format says `waived` with the waiver's justification, grantor and expiry, keeps the real status in sight,
// never reads a run passed with waivers as conformant, and says when a run certifies and when report.json is sealed.
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './shared.ts';
import { certifiedReport, FIXTURE_WAIVER, loadFixture, PARTIAL_ONLY, waivedReport } from './fixtures/index.ts';
import { renderConsoleSummary, renderConsoleText } from './console.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { mdText, renderMarkdown } from './markdown.ts';
import { renderRunIndex } from './run-index.ts';

const waived = waivedReport();

describe('a waived result', () => {
  it.each([
    ['console', renderConsoleText(waived), (t: string) => t],
    ['json', renderJson(waived), (t: string) => JSON.stringify(t).slice(1, -1)],
    ['junit', renderJunit(waived), (t: string) => t],
    ['html', renderHtml(waived), (t: string) => escapeHtml(t)],
    ['md', renderMarkdown(waived), mdText],
  ])('shows as waived in %s, with its justification, grantor, expiry and real status', (_, text, escapeText) => {
    expect(text).toContain('waived');
    expect(text).toContain(escapeText(FIXTURE_WAIVER.justification));
    expect(text).toContain(escapeText(FIXTURE_WAIVER.grantedBy));
    expect(text).toContain(FIXTURE_WAIVER.expires);
    expect(text).toMatch(/was failed|"waivedStatus": "failed"/);
    expect(text).toContain(PARTIAL_ONLY);
  });

  it('reads conformant with waivers, never plainly conformant, in every format and the run index', () => {
    expect(renderConsoleSummary(waived)).toContain('— Conformant with waivers — not a clean conformance verdict (1 waived result)');
    expect(renderConsoleSummary(waived)).not.toContain('CONFORMANT');
    expect(renderMarkdown(waived)).toContain('**Conformant with waivers — not a clean conformance verdict**: no MUST check failed unwaived; 1 waived result');
    expect(renderMarkdown(waived)).toContain('None unwaived: 1 waived result below.');
    expect(renderHtml(waived)).toContain('<span class="verdict waived">Conformant with waivers — not a clean conformance verdict</span>');
    expect(renderHtml(waived)).not.toContain('class="verdict ok"');
    expect(renderJunit(waived)).toContain('<property name="ecdx.verdict" value="conformant-with-waivers"/>');
    expect(renderJunit(waived)).toMatch(/<testsuites name="[^"]*Conformant with waivers/);
    expect(renderJunit(waived)).not.toMatch(/<failure|<error/);
    const index = renderRunIndex([{ report: waived, href: 'carrier/report.html' }]);
    expect(index).toContain('<tr class="waived">');
    expect(index).toContain('Conformant with waivers — not a clean conformance verdict (1 waived result)');
    const clean = renderRunIndex([{ report: loadFixture('all-passing'), href: 'carrier/report.html' }]);
    expect(clean).toContain('<tr class="ok">');
  });

  it('lists a waiver that matched nothing as unused', () => {
    const report = loadFixture('with-failures');
    for (const text of [renderConsoleText(report), renderMarkdown(report), renderHtml(report)])
      expect(text).toContain('Waiver of requirement ECDX-PSH-004 (granted by ECDX certification desk (J. Doe), expires 2099-01-31) unused');
  });
});

describe('a certification run', () => {
  const report = certifiedReport();

  it('says it certifies and which waivers it ignored, and shows no result as waived', () => {
    expect(report.results.some((r) => r.status === 'waived')).toBe(false);
    const note =
      'Waiver of check tracking/numbers-events-in-order (granted by ECDX certification desk (J. Doe), expires 2099-03-31) ignored by the certification run';
    for (const text of [renderConsoleText(report), renderMarkdown(report), renderHtml(report)]) {
      expect(text).toContain('Certification run: the whole claimed suite, every waiver ignored');
      expect(text).toContain(note);
    }
    expect(renderHtml(report)).toContain('<dt>Certification</dt><dd>yes: the whole claimed suite, every waiver ignored</dd>');
    expect(renderJunit(report)).toContain('<property name="ecdx.certification" value="true"/>');
    expect(renderHtml(loadFixture('all-passing'))).not.toContain('<dt>Certification</dt>');
  });
});

describe('the seal', () => {
  it('the HTML and Markdown say whether report.json is sealed, by which key, and how to check it', () => {
    const sealed = waivedReport(true);
    const thumbprint = sealed.seal!.keyThumbprint;
    expect(renderHtml(sealed)).toContain(`sealed: report.json is signed (EdDSA, report.json.jws) by the key of thumbprint ${thumbprint}`);
    expect(renderHtml(sealed)).toContain('ecdx verify-report report.json --public-key FILE');
    expect(renderMarkdown(sealed)).toContain(mdText(thumbprint));
    expect(renderConsoleSummary(sealed)).toContain(thumbprint);
    expect(renderJunit(sealed)).toContain('<property name="ecdx.sealed" value="true"/>');
    expect(renderHtml(waived)).toContain('not sealed: report.json carries no signature');
  });

  it('the HTML and Markdown show what the run ran with: digests and the seed', () => {
    const report = loadFixture('all-passing');
    const p = report.provenance!;
    for (const text of [renderHtml(report), renderMarkdown(report)]) {
      for (const digest of [p.openapiSha256, p.schemasSha256, p.checkSetSha256]) expect(text).toContain(digest);
      expect(text).toContain('seed 1234567 (repeat the run with --seed 1234567)');
    }
    expect(renderHtml(report)).toContain(escapeHtml('"key": {\n    "id": "ecdx-demo-platform-ed25519",\n    "algorithm": "ed25519"\n  }'));
  });
});
