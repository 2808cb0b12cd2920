// A report stands alone: every link it holds leads somewhere from where it was written, and the checks that did
// not pass carry the text of their requirements, in English and Chinese.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { requirementById } from '../../spec/registry.ts';
import { loadFixture } from './fixtures/index.ts';
import { renderHtml } from './html.ts';
import { REPORT_FORMATS, reporters, writeReports, type ReportFormat } from './index.ts';
import { mdText, renderMarkdown } from './markdown.ts';
import { DEFAULT_DOCS_URL, docsUrlProblem, requirementsToShow } from './requirement-text.ts';

const root = mkdtempSync(join(tmpdir(), 'ecdx-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A checkout's layout: the built docs beside the report directory, as `npm start` writes them.
mkdirSync(join(root, 'docs'));
writeFileSync(join(root, 'docs', 'spec.html'), '<!doctype html><title>spec</title>');

const unescapeHtml = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');

/** The link targets of a written report: HTML hrefs, Markdown inline links, and anything else that names spec.html. */
function linksIn(format: ReportFormat, text: string): string[] {
  if (format === 'html') return [...text.matchAll(/\shref="([^"]*)"/g)].map((m) => unescapeHtml(m[1]!));
  if (format === 'md') return [...text.matchAll(/\]\(([^)\s]*)\)/g)].map((m) => m[1]!);
  return [...text.matchAll(/[^\s"'<>()]*spec\.html[^\s"'<>()]*/g)].map((m) => m[0]);
}

/** Where a link leads from the report's file: nowhere (undefined) when it is relative and names no file. */
function leadsSomewhere(link: string, reportPath: string): boolean {
  if (link.startsWith('#')) return true; // within the page
  if (/^https?:\/\//.test(link)) return true;
  const target = new URL(link, pathToFileURL(reportPath));
  return target.protocol === 'file:' && existsSync(fileURLToPath(target));
}

describe('every link of every format leads somewhere from where the report was written', () => {
  const cases: [string, string | undefined][] = [
    ['the default docs URL', undefined],
    ['a path to the docs of a checkout', '../../docs/spec.html'],
    ['a copy of the docs site, ending in /', '../../docs/'],
    ['an absolute file: URL', pathToFileURL(join(root, 'docs', 'spec.html')).href],
  ];
  it.each(cases)('%s', async (_, docsUrl) => {
    const dir = join(root, 'reports', 'carrier');
    const paths = await writeReports(loadFixture('with-failures'), { dir, formats: REPORT_FORMATS, ...(docsUrl === undefined ? {} : { docsUrl }) });
    let requirementLinks = 0;
    for (const [i, format] of REPORT_FORMATS.entries()) {
      const path = paths[i]!;
      for (const link of linksIn(format, readFileSync(path, 'utf8'))) {
        expect(leadsSomewhere(link, path), `${format}: ${link}`).toBe(true);
        if (link.includes('#ECDX-')) requirementLinks += 1;
      }
    }
    expect(requirementLinks).toBeGreaterThan(40);
  });

  it('links to the published specification of this version by default', () => {
    expect(DEFAULT_DOCS_URL).toBe('https://ecdx.dev/spec/1.0.0-draft/spec.html');
    const report = loadFixture('with-failures');
    expect(renderHtml(report)).toContain(`href="${DEFAULT_DOCS_URL}#ECDX-ERR-001"`);
    expect(renderMarkdown(report)).toContain(`[ECDX-ERR-001](${DEFAULT_DOCS_URL}#ECDX-ERR-001)`);
  });

  it('refuses, before writing, a docs URL whose links would lead nowhere or run something', async () => {
    const dir = join(root, 'refused');
    for (const [docsUrl, why] of [
      ['docs/spec.html', /leads to no file from the report directory/],
      ['https://ecdx.dev/spec.html#top', /#fragment/],
      ['javascript:alert(1)', /must be an http\(s\) URL, a file: URL or a path relative to the report/],
    ] as const) {
      await expect(writeReports(loadFixture('with-failures'), { dir, docsUrl }), docsUrl).rejects.toThrow(why);
    }
    expect(existsSync(dir)).toBe(false);
    expect(docsUrlProblem('https://docs.example.test/ecdx/', dir)).toBeUndefined();
  });
});

describe('the text of the requirements of a check that did not pass', () => {
  const report = loadFixture('with-failures');
  const html = renderHtml(report);
  const md = renderMarkdown(report);
  const group = (checkId: string) => html.match(new RegExp(`<tbody[^>]*data-check-id="${checkId}"[^>]*>([\\s\\S]*?)</tbody>`))?.[1] ?? '';
  const escaped = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

  it('is in the HTML, English and Chinese, in the check’s evidence, for every state but passed and skipped', () => {
    for (const r of report.results) {
      const g = group(r.checkId);
      for (const id of r.requirementIds) {
        const { text } = requirementById(id)!;
        const shown = !['passed', 'skipped'].includes(r.status);
        expect(g.includes(`<dd lang="en">${escaped(text.en)}</dd>`), `${r.status} ${r.checkId} ${id}`).toBe(shown);
        expect(g.includes(`<dd lang="zh-Hans">${escaped(text['zh-Hans'])}</dd>`), `${r.status} ${r.checkId} ${id}`).toBe(shown);
      }
    }
  });

  it('is in the Markdown under the message of each failure and warning, each requirement once', () => {
    const shp = requirementById('ECDX-SHP-003')!;
    const section = md.slice(md.indexOf('`shipments/refuses-invalid-shipping-data`'));
    expect(section).toContain(`- [ECDX-SHP-003](${DEFAULT_DOCS_URL}#ECDX-SHP-003) MUST: `);
    expect(section).toContain(`: ${mdText(shp.text.en)}\\\n  ${mdText(shp.text['zh-Hans'])}`);
    const warning = md.slice(md.indexOf('## Warnings'));
    expect(warning).toContain(`[ECDX-HLT-009](${DEFAULT_DOCS_URL}#ECDX-HLT-009) ${requirementById('ECDX-HLT-009')!.level}: `);
    const masks = report.results.find((r) => r.checkId === 'privacy/masks-courier-and-signatory')!;
    expect(requirementsToShow(masks).map((n) => n.id)).toEqual(['ECDX-PRV-007', 'ECDX-PRV-001', 'ECDX-PRV-002']);
    // passed checks have no section, so no text: the report stays light where nothing is wrong
    expect(md).not.toContain(requirementById('ECDX-SHP-001')!.text.en.slice(0, 40));
  });

  it('says so for a requirement this version does not have, and for a report of another version', () => {
    const edited = structuredClone(report);
    const failed = edited.results.find((r) => r.status === 'failed')!;
    failed.requirementIds = ['ECDX-ZZZ-999'];
    edited.specVersion = '0.9.0';
    for (const text of [renderHtml(edited), renderMarkdown(edited)]) {
      expect(text).toContain('not a requirement of ECDX 1.0.0-draft');
      expect(text).toContain('The requirement texts shown are those of ECDX 1.0.0-draft; this run tested ECDX 0.9.0.');
    }
    expect(reporters.html.render(report)).not.toContain('The requirement texts shown are those of');
  });
});
