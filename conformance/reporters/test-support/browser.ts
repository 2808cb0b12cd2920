// The reports' browser tests share this: Debian's Chromium, headless through playwright-core, and a page opened from
// file:// as a reader opens a report, with every request that is not the file aborted and recorded, and every page
// error, console error (a CSP violation is one) and dialog collected for the test to assert on.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Where Chromium is missing the browser tests are skipped (CI installs it). */
export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

export interface OpenedPage {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Requests that were not file: URLs (aborted). */
  offline: string[];
  /** Page errors and console errors (a CSP violation is one). */
  errors: string[];
  dialogs: string[];
}

/** Open `path` (a file) in a fresh context that lets nothing but file: URLs through. */
export async function openOffline(browser: Browser, path: string, viewport = { width: 1280, height: 900 }): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const opened: OpenedPage = { page, requests: [], offline: [], errors: [], dialogs: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    opened.offline.push(url);
    return route.abort();
  });
  page.on('request', (request) => opened.requests.push(request.url()));
  page.on('pageerror', (error) => opened.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  return opened;
}
