// The text a reader's tools get out of a printed edition: poppler's pdftotext, page by page (pages are separated by
// a form feed). The edition's tests read it, and so does the staleness check of the committed PDFs, which compares
// what they say rather than their bytes (decision 0058: the bytes follow the Chromium build and the fonts installed).
import { execFileSync } from 'node:child_process';

/** poppler-utils' tools, which .ci/run installs (as it installs Chromium), by name on the PATH. */
export const POPPLER = { text: 'pdftotext', info: 'pdfinfo' } as const;

/**
 * The text of `pdf`: in reading order (poppler's guess at columns and table cells), `layout` as it is laid out (a
 * table of contents' line is a line), or `raw` in the order the PDF draws it, which for Chromium's print is the
 * document's order.
 */
export const pdfText = (pdf: Uint8Array, order: 'reading' | 'layout' | 'raw' = 'reading'): string =>
  execFileSync(POPPLER.text, ['-enc', 'UTF-8', ...(order === 'reading' ? [] : [`-${order}`]), '-', '-'], {
    input: pdf,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // poppler warns of Skia's long font names on stderr; they are valid PDF.
    stdio: ['pipe', 'pipe', 'ignore'],
  });

/** The pages of `pdf`'s text; pdftotext ends every page with a form feed. */
export const pdfPages = (pdf: Uint8Array, order: 'reading' | 'layout' = 'reading'): string[] => pdfText(pdf, order).split('\f').slice(0, -1);

export interface PdfWord {
  text: string;
  /** From the top of the page, in points. */
  top: number;
  height: number;
}

/** The words of one page (1-based) with where they are, as pdftotext -bbox reports them. */
export function pdfWords(pdf: Uint8Array, page: number): PdfWord[] {
  const bbox = execFileSync(POPPLER.text, ['-bbox', '-f', String(page), '-l', String(page), '-', '-'], {
    input: pdf,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  return [...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[3]!,
    top: Number(m[1]),
    height: Number(m[2]) - Number(m[1]),
  }));
}
