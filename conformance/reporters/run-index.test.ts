import { describe, expect, it } from 'vitest';
import { loadFixture, PARTIAL_ONLY, partialReport } from './fixtures/index.ts';
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
});
