// What a check does, beside a check that did not pass: in the report's language, its code kept as code, and none
// for a check this version does not know as the report names it (a report of another version).
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { checks } from '../checks/index.ts';
import type { ConformanceReport } from '../harness/report.ts';
import { CHECK_DESCRIPTIONS_ZH } from '../i18n/check-descriptions.ts';
import { checkDescription, descriptionParts } from './descriptions.ts';
import { loadFixture } from './fixtures/index.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';

const check = checks.find((c) => c.id === 'errors/problem-format')!;
const zh = CHECK_DESCRIPTIONS_ZH[check.id]![1];

/** The with-failures fixture, its first failed result made a result of `check` (the fixture's ids are made up). */
function reportOf(title: string): ConformanceReport {
  const report = loadFixture('with-failures');
  const failed = report.results.find((r) => r.status === 'failed')!;
  return { ...report, results: report.results.map((r) => (r === failed ? { ...failed, checkId: check.id, title } : r)) };
}

describe('a check’s description in the reports', () => {
  it('is the check’s own in English, the table’s in Chinese, and none for a check renamed since', () => {
    expect(checkDescription({ checkId: check.id, title: check.title }, 'en')).toBe(check.description);
    expect(checkDescription({ checkId: check.id, title: check.title }, 'zh-Hans')).toBe(zh);
    expect(checkDescription({ checkId: check.id, title: 'An older title' }, 'zh-Hans')).toBeUndefined();
    expect(checkDescription({ checkId: 'errors/no-such-check', title: check.title }, 'en')).toBeUndefined();
  });

  it('is redacted: the test data a description names is not written in full', () => {
    // tracking-privacy/landlines-masked names the landline its parcel carries, privacy/… the contact's mobile.
    const landlines = checks.find((c) => c.id === 'tracking-privacy/landlines-masked')!;
    expect(landlines.description).toContain('0571-88881234');
    for (const lang of ['en', 'zh-Hans'] as const) expect(checkDescription({ checkId: landlines.id, title: landlines.title }, lang)).not.toContain('88881234');
    const contact = checks.find((c) => c.id === 'privacy/notice-location-without-personal-data')!;
    expect(contact.description).toContain('13912345678');
    for (const lang of ['en', 'zh-Hans'] as const) expect(checkDescription({ checkId: contact.id, title: contact.title }, lang)).not.toContain('13912345678');
  });

  it('splits text from code spans', () => {
    expect(descriptionParts('Sends `GET /v1/health` and expects `200`.')).toEqual([
      { code: false, text: 'Sends ' },
      { code: true, text: 'GET /v1/health' },
      { code: false, text: ' and expects ' },
      { code: true, text: '200' },
      { code: false, text: '.' },
    ]);
  });

  it('stands under a failed check in the Markdown report, in Chinese in a Chinese one', () => {
    const zhMd = renderMarkdown(reportOf(check.title), { lang: 'zh-Hans' });
    const section = zhMd.slice(zhMd.indexOf(`\`${check.id}\``));
    expect(section).toContain('*检查内容*：');
    // Code spans stay code; the Chinese text around them is the table's.
    const firstCode = zh.match(/`[^`]+`/)![0];
    expect(section).toContain(firstCode);
    expect(section).toContain(zh.split('`')[0]!);
    const enMd = renderMarkdown(reportOf(check.title), { lang: 'en' });
    expect(enMd).toContain('*What the check does:* ');
    expect(enMd).toContain(check.description.split('`')[0]!);
    expect(renderMarkdown(reportOf('An older title'), { lang: 'zh-Hans' })).not.toContain('检查内容');
  });

  it('renders as emphasis in a CommonMark renderer, in Chinese as in English', () => {
    // CommonMark does not close `*…：*` before a CJK character (the closing delimiter follows punctuation), so the
    // label's colon stands outside the emphasis in Chinese.
    const md = new MarkdownIt();
    expect(md.render(renderMarkdown(reportOf(check.title), { lang: 'zh-Hans' }))).toContain('<p><em>检查内容</em>：');
    expect(md.render(renderMarkdown(reportOf(check.title), { lang: 'en' }))).toContain('<p><em>What the check does:</em> ');
  });

  it('heads a check’s evidence in the HTML report, its code as <code>', () => {
    const html = renderHtml(reportOf(check.title), { lang: 'zh-Hans' });
    expect(html).toContain('<h4>检查内容</h4><p class="description">');
    const firstCode = zh.match(/`([^`]+)`/)![1]!;
    expect(html).toContain(`<code>${firstCode.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`);
    expect(renderHtml(reportOf(check.title), { lang: 'en' })).toContain('<h4>What the check does</h4>');
    expect(renderHtml(reportOf('An older title'), { lang: 'en' })).not.toContain('What the check does');
  });
});
