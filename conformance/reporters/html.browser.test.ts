// The HTML report in a real browser: headless Debian Chromium through playwright-core, the page opened from
// file:// exactly as a vendor's engineer would open it. Skipped only where /usr/bin/chromium is missing (CI
// installs it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium, openOffline, type OpenedPage } from './test-support/browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileReport, loadFixture, SCRIPT_PAYLOAD, ATTRIBUTE_PAYLOAD } from './fixtures/index.ts';
import { renderHtml } from './html.ts';

describe.skipIf(!chromiumAvailable())('HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  const report = loadFixture('with-failures');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecdx-html-'));
    writeFileSync(join(dir, 'report.html'), renderHtml(report));
    writeFileSync(join(dir, 'hostile.html'), renderHtml(hostileReport()));
    writeFileSync(join(dir, 'report.zh-Hans.html'), renderHtml(report, { lang: 'zh-Hans' }));
    browser = await launchChromium();
  }, 15_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = (file: string): Promise<OpenedPage> => openOffline(browser, join(dir, file));

  it("renders the counts, shows a failed check's evidence, filters, and requests nothing but the file", async () => {
    const { page, requests, offline, errors } = await open('report.html');
    try {
      // summary counts
      const counts = {
        passed: report.summary.passed,
        failed: report.summary.failed,
        warning: report.summary.warning,
        skipped: report.summary.skipped,
        'precondition-failed': report.summary.preconditionFailed,
        error: report.summary.error,
      };
      for (const [status, n] of Object.entries(counts)) {
        await expect.poll(() => page.locator(`.card[data-status="${status}"] .count`).textContent()).toBe(String(n));
      }
      expect(await page.locator('#verdict').textContent()).toContain('Not conformant');

      // a failed check is expanded: its message and an exchange's status line are visible
      const failed = page.locator('tbody.check[data-check-id="shipments/refuses-invalid-shipping-data"]');
      const evidence = failed.locator('tr.evidence');
      expect(await evidence.isVisible()).toBe(true);
      expect(await failed.locator('.msg', { hasText: 'was answered 500 instead of 422 validation-failed' }).isVisible()).toBe(true);
      expect(await evidence.locator('.status-line', { hasText: 'HTTP 500 Internal Server Error' }).isVisible()).toBe(true);
      expect(await evidence.locator('ol.assertions li.ko').first().textContent()).toContain('status is 422 (got 500)');

      // a passed check is collapsed, and a click on its row expands it
      const passed = page.locator('tbody.check[data-status="passed"]').first();
      expect(await passed.locator('tr.evidence').isVisible()).toBe(false);
      await passed.locator('tr.row').click();
      expect(await passed.locator('tr.evidence').isVisible()).toBe(true);

      // status filter: unticking "passed" hides every passed row and nothing else
      const total = report.results.length;
      await expect.poll(() => page.locator('#shown').textContent()).toBe(`${total} of ${total} checks shown`);
      await page.locator('input[name="status"][value="passed"]').uncheck();
      const passedRows = page.locator('tbody.check[data-status="passed"]');
      expect(await passedRows.count()).toBe(report.summary.passed);
      for (const row of await passedRows.all()) expect(await row.isVisible()).toBe(false);
      expect(await failed.isVisible()).toBe(true);
      expect(await page.locator('#shown').textContent()).toBe(`${total - report.summary.passed} of ${total} checks shown`);

      // class filter and text filter narrow further
      await page.locator('#filter-class').selectOption('privacy');
      expect(await page.locator('tbody.check:visible').count()).toBe(report.results.filter((r) => r.class === 'privacy' && r.status !== 'passed').length);
      await page.locator('#reset-filters').click();
      await page.locator('#filter-text').fill('ecdx-trk-009');
      expect(await page.locator('tbody.check:visible').count()).toBe(1);
      await page.locator('#filter-text').fill('');

      // a summary card shows only its status
      await page.locator('.card[data-status="error"]').click();
      expect(await page.locator('tbody.check:visible').count()).toBe(report.summary.error);

      // printing hides the controls
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#controls').isVisible()).toBe(false);

      // nothing but the page itself was requested, and the script ran without a CSP violation
      expect(offline).toEqual([]);
      expect(requests.length).toBeGreaterThan(0);
      for (const url of requests) expect(url.startsWith('file:')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 20_000);

  it('in Chinese, says how many checks are shown in Chinese and filters by the Chinese status names', async () => {
    const { page, offline, errors } = await open('report.zh-Hans.html');
    try {
      const total = report.results.length;
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
      await expect.poll(() => page.locator('#shown').textContent()).toBe(`显示 ${total} / ${total} 项检查`);
      expect(await page.locator('#verdict').textContent()).toContain('不符合');
      await page.locator('#filter-text').fill('前提条件未满足');
      expect(await page.locator('tbody.check:visible').count()).toBe(report.summary.preconditionFailed);
      expect(offline).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 20_000);

  it('renders hostile evidence as text: no script runs, no element is injected', async () => {
    const { page, offline, errors, dialogs } = await open('hostile.html');
    try {
      const failed = page.locator('tbody.check[data-status="failed"]').first();
      const body = failed.locator('tr.evidence pre.body').first();
      expect(await body.isVisible()).toBe(true);
      const text = (await body.textContent()) ?? '';
      expect(text).toContain(SCRIPT_PAYLOAD);
      expect(text).toContain(ATTRIBUTE_PAYLOAD);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(1);
      expect(await page.title()).toContain(ATTRIBUTE_PAYLOAD);
      expect(dialogs).toEqual([]);
      expect(offline).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 20_000);
});
