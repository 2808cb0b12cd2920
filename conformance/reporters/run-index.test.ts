import { describe, expect, it } from 'vitest';
import { loadFixture, PARTIAL_ONLY, partialReport } from './fixtures/index.ts';
import { MESSAGES } from '../i18n/index.ts';
import { renderRunIndex } from './run-index.ts';

const rowOf = (html: string, href: string) => html.match(new RegExp(`<tr class="([a-z]+)"><td><a href="${href}">[\\s\\S]*?</tr>`));
const verdictOf = (row: string) => row.match(/<td class="verdict">([\s\S]*?)<\/td>/)?.[1];

describe('the run index', () => {
  const html = renderRunIndex([
    { report: loadFixture('all-passing'), href: 'carrier/report.html' },
    { report: partialReport(), href: 'partial/report.html' },
    { report: partialReport(true), href: 'failing/report.html' },
  ]);

  it('gives a whole run its verdict', () => {
    const row = rowOf(html, 'carrier/report.html')!;
    expect(row[1]).toBe('ok');
    expect(verdictOf(row[0])).toBe('conformant');
  });

  it('labels a partial run as such, with its filters and whether what ran passed', () => {
    const passed = rowOf(html, 'partial/report.html')!;
    expect(passed[1]).toBe('partial');
    expect(verdictOf(passed[0])).toBe(`Partial run — not a conformance verdict (--only ${PARTIAL_ONLY}): what ran passed`);
    const failed = rowOf(html, 'failing/report.html')!;
    expect(failed[1]).toBe('partial');
    expect(verdictOf(failed[0])).toBe('Partial run — not a conformance verdict (--skip health/answers-quickly): what ran failed');
  });

  it('is written in Chinese when asked: its title, headings, verdicts and counts, with lang set', () => {
    const zh = renderRunIndex([{ report: loadFixture('all-passing'), href: 'carrier/report.html' }], { lang: 'zh-Hans' });
    expect(zh).toContain('<html lang="zh-Hans">');
    expect(zh).toContain(`<h1>${MESSAGES['index.title']['zh-Hans']}</h1>`);
    expect(zh).toContain('<th>所测角色</th><th>被测实现</th><th>结论</th><th>通过</th><th>未通过</th>');
    expect(verdictOf(rowOf(zh, 'carrier/report.html')![0])).toBe('符合');
    expect(zh).toContain('一致性测试套件 ');
    // No English heading is left behind (the role and the URL are the target's own).
    for (const english of ['Role tested', 'Verdict', 'Precondition failed', 'Harness ', 'is linked above']) expect(zh).not.toContain(english);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<th>Role tested</th><th>Target</th><th>Verdict</th>');
  });
});
