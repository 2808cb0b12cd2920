// The Chinese pages in headless Chromium, opened from disk as a reader opens them: nothing is fetched (the pages
// name no web font; the CSP would refuse one), and the Chinese text renders in a CJK face from the system — not as
// tofu, the boxes a browser draws for characters no font has. Three independent signs: the platform font Chromium
// used for the heading (DevTools' CSS.getPlatformFontsForNode) is a system CJK font; two different characters of the
// page draw different pixels, where tofu boxes are identical; a character draws differently from a character no
// font has (U+10FFFF). A screenshot is kept in a temporary folder for a person to look at.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, openOffline, type OpenedPage } from '../../conformance/reporters/test-support/browser.ts';
import { ROOT } from './layout.ts';

/** The system CJK faces the style's stack names (docs/src/style.ts); CI installs fonts-noto-cjk. */
const CJK_FACES = /Noto Sans CJK|Noto Sans SC|WenQuanYi|Source Han Sans|PingFang|Microsoft YaHei|Noto Serif CJK|Droid Sans Fallback/i;

/** Draw each text on its own canvas in the font `selector`'s element uses; the pixels, as one string per text. */
const drawings = (page: Page, selector: string, texts: string[]): Promise<{ images: string[]; inked: boolean[] }> =>
  page.evaluate(
    ([sel, list]) => {
      const element = document.querySelector(sel as string);
      if (!element) throw new Error(`no ${String(sel)} on the page`);
      const family = getComputedStyle(element).fontFamily;
      const draw = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const context = canvas.getContext('2d')!;
        context.font = `48px ${family}`;
        context.textBaseline = 'top';
        context.fillStyle = '#000';
        context.fillText(text, 4, 4);
        return context.getImageData(0, 0, 64, 64).data;
      };
      const data = (list as string[]).map(draw);
      return { images: data.map((d) => Array.from(d).join(',')), inked: data.map((d) => d.some((v, i) => i % 4 === 3 && v > 0)) };
    },
    [selector, texts] as const,
  );

describe.skipIf(!chromiumAvailable())('the Chinese pages in headless Chromium', () => {
  let browser: Browser;
  let opened: OpenedPage;
  beforeAll(async () => {
    browser = await launchChromium();
    opened = await openOffline(browser, join(ROOT, 'docs', 'zh-Hans', 'spec.html'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens docs/zh-Hans/spec.html from disk with no request leaving file: and no error', async () => {
    expect(opened.offline).toEqual([]);
    expect(opened.requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(opened.errors).toEqual([]);
    expect(await opened.page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
  });

  it('renders the Chinese heading in a system CJK font, no web font', async () => {
    const { page } = opened;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'main h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.filter((f) => f.isCustomFont)).toEqual([]);
    expect(
      fonts.some((f) => CJK_FACES.test(f.familyName) && f.glyphCount >= 2),
      `the heading's fonts: ${fonts.map((f) => `${f.familyName} (${f.glyphCount})`).join(', ')}`,
    ).toBe(true);
  });

  it('draws two different Chinese characters of the page differently, and unlike a character no font has', async () => {
    const heading = (await opened.page.locator('main h1').textContent()) ?? '';
    const [first, second] = [...new Set([...heading].filter((c) => /\p{Script=Han}/u.test(c)))];
    expect(first && second, `two Chinese characters in the heading "${heading}"`).toBeTruthy();
    const { images, inked } = await drawings(opened.page, 'main p.lead', [first!, second!, '\u{10FFFF}']);
    expect(inked.slice(0, 2)).toEqual([true, true]);
    expect(images[0] === images[1], `${first} and ${second} draw the same pixels (tofu)`).toBe(false);
    expect(images[0] === images[2], `${first} draws as the missing glyph`).toBe(false);
  });

  it('switches to the English page and back with the language switch', async () => {
    const { page } = opened;
    await page.click('a.lang-switch');
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/docs\/spec\.html$/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.click('a.lang-switch');
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/docs\/zh-Hans\/spec\.html$/);
    expect(opened.offline).toEqual([]);
  });

  it('takes a screenshot of the Chinese landing page for a person to look at', async () => {
    const { page } = await openOffline(browser, join(ROOT, 'docs', 'zh-Hans', 'index.html'));
    const file = join(mkdtempSync(join(tmpdir(), 'ecdx-cjk-')), 'zh-Hans-index.png');
    await page.screenshot({ path: file, fullPage: false });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    console.log(`screenshot: ${file}`);
  });
});

describe.skipIf(!chromiumAvailable())('the English API reference in headless Chromium', () => {
  it('opens docs/api.html from disk with no request leaving file:, its switch to the Chinese guide included', async () => {
    const browser = await launchChromium();
    try {
      const opened = await openOffline(browser, join(ROOT, 'docs', 'api.html'));
      // Redoc renders after load; its badge image is requested then.
      await opened.page.locator('a.lang-switch').waitFor();
      await opened.page.waitForFunction(() => document.querySelectorAll('[data-section-id]').length > 0);
      await opened.page.waitForLoadState('networkidle');
      expect(opened.offline).toEqual([]);
      await opened.page.click('a.lang-switch');
      await opened.page.waitForLoadState('load');
      expect(opened.page.url()).toMatch(/\/docs\/zh-Hans\/api\.html$/);
      expect(opened.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
