// The printed edition as PDF (decision 0058): Chromium prints each language's edition HTML twice, first to learn on
// which page every chapter and section begins (the PDF's named destinations, read with poppler's `pdfinfo -dests`),
// then with those numbers in the table of contents. The number's box has a fixed width, so the second print breaks
// where the first did; a third print is made only if it did not. Skia stamps the time of printing into the PDF
// (CreationDate and ModDate): both are pinned to the version's date, so the same sources print the same bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SPEC_VERSION } from '../../../schemas/src/classes.ts';
import { editionHtml, LANGUAGES, renderEdition, versionDate, type Language, type PageNumbers } from './edition.ts';
import { ROOT } from '../layout.ts';
import { POPPLER } from './text.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the PDF of one language is committed. */
export const editionPath = (language: Language, version = SPEC_VERSION): string => `docs/ecdx-${version}.${language}.pdf`;

const PDF_OPTIONS = {
  format: 'A4',
  // The stylesheet's @page rules set the margins and print the running head and the page numbers.
  preferCSSPageSize: true,
  printBackground: true,
  outline: true,
} as const;

/** Write the page numbers into the loaded edition's table of contents, as editionHtml(edition, pages) would. */
const numberContents = (page: Page, pages: PageNumbers): Promise<void> =>
  page.evaluate((numbers) => {
    for (const a of document.querySelectorAll<HTMLAnchorElement>('.toc a')) {
      const n = numbers[a.getAttribute('href')!.slice(1)];
      a.querySelector('.entry-page')!.textContent = n === undefined ? '' : String(n);
    }
  }, Object.fromEntries(pages));

/** Named destination → the page it is on, as poppler reads the PDF. */
export function destinationPages(pdf: Uint8Array): Map<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'ecdx-print-'));
  try {
    const file = join(dir, 'edition.pdf');
    writeFileSync(file, pdf);
    // stderr is dropped: poppler warns of Skia's long font names, which are valid in PDF 1.7.
    const listing = execFileSync(POPPLER.info, ['-dests', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
    const pages = new Map<string, number>();
    // Chromium names a destination by the element's id, percent-encoded (a Chinese heading's id is not ASCII).
    for (const m of listing.matchAll(/^\s*(\d+)\s+\[.*\]\s+"(.*)"$/gm)) pages.set(decodeURIComponent(m[2]!), Number(m[1]));
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Replace both timestamps by the version's date, written in the same number of bytes (`D:YYYYMMDDHHmmSS+00'00'`),
 * so that the cross-reference table's offsets stay right.
 */
export function pinDates(pdf: Uint8Array, date = versionDate() ?? '2000-01-01'): Buffer {
  const pinned = `D:${date.replace(/-/g, '')}000000+00'00'`;
  const text = Buffer.from(pdf).toString('latin1');
  const out = text.replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, (whole, key: string) => {
    const replacement = `/${key} (${pinned})`;
    if (replacement.length !== whole.length) throw new Error(`unexpected ${key} format in the PDF: ${whole}`);
    return replacement;
  });
  return Buffer.from(out, 'latin1');
}

const samePages = (a: PageNumbers, b: PageNumbers): boolean => a.size === b.size && [...a].every(([id, n]) => b.get(id) === n);

/**
 * One language's PDF: printed until the table of contents states the pages the print has (at most three prints).
 * The page is loaded once; the numbers are written into it between prints (loading the edition costs a print's time).
 * `guess` is where the pages were last time (the committed PDF's): the numbers do not move the layout, so the print
 * they settle on is the same from any start, and from the right guess one print is enough.
 */
export async function printEdition(browser: Browser, language: Language, guess?: PageNumbers): Promise<Buffer> {
  const context = await browser.newContext();
  try {
    // The edition is self-contained; a request would be a fault of the HTML, and is refused rather than made.
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(editionHtml(renderEdition(language)), { waitUntil: 'load' });
    let pages = guess;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (pages) await numberContents(page, pages);
      const pdf = await page.pdf(PDF_OPTIONS);
      const found = destinationPages(pdf);
      if (pages && samePages(pages, found)) return pinDates(pdf);
      pages = found;
    }
    throw new Error(`the ${language} edition's page numbers did not settle in three prints`);
  } finally {
    await context.close();
  }
}

/** The pages of the committed PDF, if there is one poppler can read: the first guess of the next print. */
function lastPages(path: string): PageNumbers | undefined {
  const file = join(ROOT, path);
  if (!existsSync(file)) return undefined;
  try {
    return destinationPages(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** The generator: the PDF of every language, printed side by side by one headless Chromium. */
export async function generatePrintedEdition(): Promise<Map<string, Buffer>> {
  if (!existsSync(CHROMIUM)) throw new Error(`the printed edition needs Chromium at ${CHROMIUM} (.ci/run installs it)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const pdfs = await Promise.all(LANGUAGES.map((language) => printEdition(browser, language, lastPages(editionPath(language)))));
    return new Map(LANGUAGES.map((language, i) => [editionPath(language), pdfs[i]!]));
  } finally {
    await browser.close();
  }
}
