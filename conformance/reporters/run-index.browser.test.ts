// reports/report.html (what `npm start` writes) in headless Chromium: both runs' verdicts and counts render, the
// links lead to each run's report, and the page requests nothing from the network.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumAvailable, launchChromium } from './test-support/browser.ts';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures/index.ts';
import { renderRunIndex } from './run-index.ts';

describe.skipIf(!chromiumAvailable())('the run index in headless Chromium', () => {
  it('shows each run with its verdict and counts and links to its report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecdx-index-'));
    const passing = loadFixture('all-passing');
    const failing = loadFixture('with-failures');
    writeFileSync(
      join(dir, 'report.html'),
      renderRunIndex([
        { report: passing, href: 'carrier/report.html' },
        { report: failing, href: 'platform/report.html' },
      ]),
    );
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const offline: string[] = [];
      await page.route('**/*', (route) => {
        if (route.request().url().startsWith('file:')) return route.continue();
        offline.push(route.request().url());
        return route.abort();
      });
      await page.goto(pathToFileURL(join(dir, 'report.html')).href);
      const rows = await page.locator('#summary tbody tr').allInnerTexts();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain('conformant');
      expect(rows[0]).not.toContain('not conformant');
      expect(rows[1]).toContain('not conformant');
      expect(rows[1]).toContain(String(failing.summary.failed));
      expect(await page.locator('#summary a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
        'carrier/report.html',
        'platform/report.html',
      ]);
      expect(offline).toEqual([]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
