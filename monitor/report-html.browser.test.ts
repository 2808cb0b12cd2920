// The monitor's report page in a real browser: headless Debian Chromium through playwright-core, the page opened
// from file:// as an authority or the other party would open report.html. Skipped only where /usr/bin/chromium is
// missing (CI installs it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium, openOffline, type OpenedPage } from '../conformance/reporters/test-support/browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_FAILURE, monitorReport } from './fixtures/monitor-report.ts';
import { renderMonitorReport } from './report-html.ts';

/**
 * The share of pixels of a PNG that are not white, and how many are the timeline's down colour (#a40e26), as a
 * blank page of the browser decodes it (the report's own policy rightly refuses images).
 */
async function inkOf(browser: Browser, png: Buffer): Promise<{ ink: number; down: number }> {
  const page = await browser.newPage();
  await page.setContent('<canvas></canvas>');
  const result = await page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.querySelector('canvas') as HTMLCanvasElement;
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let ink = 0;
    let down = 0;
    for (let k = 0; k < pixels.length; k += 4) {
      const [r, g, b] = [pixels[k]!, pixels[k + 1]!, pixels[k + 2]!];
      if (r < 245 || g < 245 || b < 245) ink += 1;
      if (Math.abs(r - 0xa4) < 8 && Math.abs(g - 0x0e) < 8 && Math.abs(b - 0x26) < 8) down += 1;
    }
    return { ink: ink / (pixels.length / 4), down };
  }, png.toString('base64'));
  await page.close();
  return result;
}

describe.skipIf(!chromiumAvailable())('monitor report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  const report = monitorReport();
  const carrier = report.targets[0]!;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecdx-monitor-html-'));
    writeFileSync(join(dir, 'report.html'), renderMonitorReport(report));
    writeFileSync(join(dir, 'report.zh-Hans.html'), renderMonitorReport(report, { lang: 'zh-Hans' }));
    browser = await launchChromium();
  }, 15_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = (file: string): Promise<OpenedPage> => openOffline(browser, join(dir, file));

  it('loads with its stylesheet, requests nothing but the file, and shows the failure text as text', async () => {
    const { page, requests, offline, errors, dialogs } = await open('report.html');
    try {
      // the stylesheet applied (a CSP hash that did not match would leave the table heads unstyled)
      expect(
        await page
          .locator('thead th')
          .first()
          .evaluate((th) => getComputedStyle(th).backgroundColor),
      ).toBe('rgb(238, 241, 244)');
      expect(await page.locator('section.target').count()).toBe(report.targets.length);
      expect(await page.locator('tr.interruption').count()).toBe(carrier.interruptions.length);
      const failure = page.locator('tr.interruption[data-compliance="non-compliant"] .first-failure').first();
      expect(await failure.textContent()).toBe(HOSTILE_FAILURE);
      expect(await page.locator('img, script').count()).toBe(0);
      expect(await page.title()).toBe('ECDX monitor report — sf-express, demo-platform');
      expect(dialogs).toEqual([]);
      expect(offline).toEqual([]);
      expect(requests.length).toBeGreaterThan(0);
      for (const url of requests) expect(url.startsWith('file:')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 20_000);

  it('draws the timeline: a row per feed, the down stretches and every interruption marker visible, also in print', async () => {
    const { page, errors } = await open('report.html');
    try {
      const svg = page.locator('section.target').first().locator('svg.timeline');
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(600);
      expect(box?.height ?? 0).toBeGreaterThan(100);
      expect(await svg.locator('g.feed-row').count()).toBe(carrier.feeds.length);

      const down = svg.locator('rect.span.down');
      expect(await down.count()).toBe(4);
      for (const rect of await down.all()) {
        expect(await rect.isVisible()).toBe(true);
        expect((await rect.boundingBox())?.width ?? 0).toBeGreaterThan(5);
      }
      const markers = svg.locator('g.interruption');
      expect(await markers.count()).toBe(carrier.interruptions.length);
      for (const marker of await markers.all()) {
        expect(await marker.isVisible()).toBe(true);
        const mark = await marker.boundingBox();
        expect(mark?.width ?? 0).toBeGreaterThan(5);
        // under the timeline's own box, not drawn off it
        expect(mark!.y).toBeGreaterThan(box!.y);
        expect(mark!.y + mark!.height).toBeLessThan(box!.y + box!.height);
      }
      expect(await svg.locator('g.notice').count()).toBe(carrier.notices.length);
      // hover text: the SVG titles are there, the outage's with the failure as text
      expect(await markers.first().locator('title').textContent()).toContain(HOSTILE_FAILURE);

      await page.emulateMedia({ media: 'print' });
      expect(((await svg.boundingBox())?.width ?? 0) > 600).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 20_000);

  it('renders a screenshot with the timeline in it, not a blank page', async () => {
    const { page } = await open('report.html');
    try {
      const file = join(dir, 'report.png');
      await page.screenshot({ path: file, fullPage: true });
      const timeline = await page.locator('section.target').first().locator('svg.timeline').screenshot();
      const whole = await inkOf(browser, readFileSync(file));
      const figure = await inkOf(browser, timeline);
      expect(whole.ink).toBeGreaterThan(0.03);
      expect(figure.ink).toBeGreaterThan(0.2);
      // the down stretches are drawn in their colour: four of them, at least 5 × 14 pixels each
      expect(figure.down).toBeGreaterThan(4 * 5 * 14);
    } finally {
      await page.context().close();
    }
  }, 20_000);

  it('renders the Chinese page: its language, its Chinese headings and reasons, the legend items apart', async () => {
    const { page, offline, errors } = await open('report.zh-Hans.html');
    try {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
      expect(await page.title()).toBe('ECDX 监测报告 — sf-express，demo-platform');
      expect(await page.locator('h1').textContent()).toBe('ECDX 监测报告');
      expect(await page.locator('section.target').first().locator('h3').allTextContents()).toEqual([
        '可用性',
        '数据中断（4 次）',
        '收到的通知（3 条）',
        '共享统计（SharingStatistics）',
        '探测与推送',
      ]);
      const reason = page.locator('tr.interruption').first().locator('ul.violations li').first();
      expect(await reason.textContent()).toContain(carrier.interruptions[0]!.violations[0]!.detailZh!);
      // the timeline's legend items, whose width the page estimates, do not overlap
      const items = await page.locator('section.target').first().locator('svg.timeline g.legend > g').all();
      expect(items).toHaveLength(7);
      const boxes = await Promise.all(items.map((item) => item.boundingBox()));
      for (let k = 1; k < boxes.length; k++) expect(boxes[k]!.x).toBeGreaterThanOrEqual(boxes[k - 1]!.x + boxes[k - 1]!.width);
      expect(offline).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 20_000);
});
