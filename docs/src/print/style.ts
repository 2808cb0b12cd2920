// The printed edition's stylesheet: A4 with the margins a standards body prints on, each chapter from a new page,
// no row of a table and no short code block split across pages, and only fonts installed on the machine (the
// edition fetches nothing). Without a CJK font Chromium prints every Chinese character as a box, so the Chinese
// stack names Noto CJK first (Debian's fonts-noto-cjk, which CI installs) and Latin text falls back to it too.
import type { Language } from './edition.ts';

const FONTS: Record<Language, { body: string; heading: string; mono: string }> = {
  en: {
    body: '"Liberation Serif", "DejaVu Serif", "Noto Serif CJK SC", serif',
    heading: '"Liberation Sans", "DejaVu Sans", "Noto Sans CJK SC", sans-serif',
    mono: '"DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono CJK SC", monospace',
  },
  'zh-Hans': {
    body: '"Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", "WenQuanYi Micro Hei", serif',
    heading: '"Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif',
    mono: '"DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono CJK SC", monospace',
  },
};

/** The page margins; the running head and the footer sit in the top and bottom ones. */
export const MARGIN = { top: '22mm', right: '20mm', bottom: '22mm', left: '22mm' } as const;

/** The footer: `Page n of N`, `第 n 页 共 N 页`. */
const RUNNING_PAGE: Record<Language, string> = {
  en: '"Page " counter(page) " of " counter(pages)',
  'zh-Hans': '"第 " counter(page) " 页　共 " counter(pages) " 页"',
};

const cssString = (text: string): string => `"${text.replace(/["\\]/g, '\\$&')}"`;

/**
 * The running head (the document's title) and the footer are CSS page-margin boxes, not page.pdf's templates: only
 * the stylesheet can leave them off the cover.
 */
export const printStyle = (language: Language, title: string): string => {
  const font = FONTS[language];
  const running = `font-family: ${font.heading}; font-size: 8pt; color: #444;`;
  return `
@page {
  size: A4;
  margin: ${MARGIN.top} ${MARGIN.right} ${MARGIN.bottom} ${MARGIN.left};
  @top-center { content: ${cssString(title)}; ${running} }
  @bottom-center { content: ${RUNNING_PAGE[language]}; ${running} }
}
/* A cover has no running head and no number (it is page 1 all the same, as the contents count it). */
@page :first { @top-center { content: none; } @bottom-center { content: none; } }
html { font-family: ${font.body}; font-size: 10.5pt; line-height: 1.5; color: #000; }
body { margin: 0; }
h1, h2, h3, h4, h5, h6, .title-page, .toc { font-family: ${font.heading}; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; line-height: 1.25; margin: 1.2em 0 0.5em; }
h2 { font-size: 17pt; margin-top: 0; }
h3 { font-size: 13pt; }
h4 { font-size: 11.5pt; }
h5, h6 { font-size: 10.5pt; }
p, li { orphans: 3; widows: 3; }
a { color: inherit; text-decoration: none; }
code, pre { font-family: ${font.mono}; font-size: 0.86em; }
pre { background: #f4f4f4; border: 0.5pt solid #bbb; padding: 6pt 8pt; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.35; }
pre { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 9pt; }
thead { display: table-header-group; }
tr, td, th { break-inside: avoid; }
th, td { border: 0.5pt solid #888; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
blockquote { margin: 0.6em 0; padding-left: 10pt; border-left: 2pt solid #999; }
img { max-width: 100%; }
.requirement { border-left: 2pt solid #333; padding-left: 6pt; break-inside: avoid; }
.req-id { font-weight: bold; }
/* The site's line under a statement leads to other pages of the site; the print states the requirement only. */
.req-meta { display: none; }
.chapter { break-before: page; }
.title-page { height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.title-page .name { font-size: 30pt; font-weight: bold; margin: 0; }
.title-page .subtitle { font-size: 16pt; margin: 6pt 0 30pt; }
.title-page .version { font-size: 13pt; margin: 0; }
.title-page .stage { font-size: 20pt; font-weight: bold; letter-spacing: 0.1em; margin: 24pt 0; }
.title-page .date { font-size: 12pt; margin: 0; }
.title-page .status { margin-top: 40pt; font-family: ${font.body}; }
.toc ol { list-style: none; padding-left: 0; margin: 0; }
.toc ol ol { padding-left: 14pt; }
.toc li { margin: 2pt 0; }
.toc .chapter-entry { font-weight: bold; margin-top: 6pt; }
.toc .chapter-entry li { font-weight: normal; }
.toc a { display: flex; align-items: baseline; break-inside: avoid; }
.toc .entry-title { flex: 0 1 auto; }
.toc .leader { flex: 1 1 auto; border-bottom: 0.7pt dotted #666; margin: 0 4pt; min-width: 12pt; }
.toc .entry-page { flex: 0 0 auto; width: 2.2em; text-align: right; font-variant-numeric: tabular-nums; }
.notice { border: 1pt solid #333; padding: 10pt; margin-top: 20pt; }
`;
};
