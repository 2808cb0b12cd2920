// The printed edition (decision 0058), read as a reader's tools read it: poppler's pdftotext on the committed PDFs.
// The English one states every requirement of the registry and every chapter; the Chinese one states the
// requirements of its chapters in the registry's Chinese words; both number their pages in the footer, and the table
// of contents gives the page each chapter begins on. `npm run docs` writes the PDFs; scripts/generated.test.ts fails
// when they are stale.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SPEC_VERSION } from '../../../schemas/src/classes.ts';
import { registry } from '../../../spec/registry.ts';
import { ROOT } from '../layout.ts';
import { chapterFiles } from '../pages/spec.ts';
import { chapterDir, documentTitle, editionHtml, renderEdition, type Language } from './edition.ts';
import { editionPath, pinDates } from './pdf.ts';
import { pdfPages, pdfWords } from './text.ts';

const committed = (language: Language): Buffer => readFileSync(join(ROOT, editionPath(language)));
/**
 * Whitespace dropped: pdftotext breaks lines where the print did and puts spaces between some CJK glyphs. Hyphens
 * too: where a line ends at one (`validation-` / `failed`), pdftotext joins the two halves without it.
 */
const squeezed = (text: string): string => text.replace(/[\s-]+/g, '');
/** A registry text as it reads printed: Markdown's bold and code marks and link targets dropped (as decision 0057 compares). */
const asPrinted = (markdown: string): string =>
  squeezed(
    markdown
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*/g, '$1')
      .replace(/`([^`]+)`/g, '$1'),
  );

const FOOTER = {
  en: (n: number, total: number) => `Page ${n} of ${total}`,
  'zh-Hans': (n: number, total: number) => `第${n}页共${total}页`,
};

/** The pages of a PDF, each squeezed, with its footer and header lines removed from the body. */
function read(language: Language) {
  const pages = pdfPages(committed(language));
  const footer = (n: number) => squeezed(FOOTER[language](n, pages.length));
  return {
    pages,
    footer,
    body: pages.map((p, i) => squeezed(p).replace(footer(i + 1), '')).join(''),
  };
}

describe.each(['en', 'zh-Hans'] as const)('the printed edition in %s', (language) => {
  const edition = renderEdition(language);
  const pdf = read(language);

  it(`is committed as ${editionPath('en').replace('.en.', '.<language>.')}, a PDF of several pages`, () => {
    expect(existsSync(join(ROOT, editionPath(language)))).toBe(true);
    expect(committed(language).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.pages.length).toBeGreaterThan(edition.chapters.length);
  });

  it('numbers every page but the cover in its footer, out of the total', () => {
    expect(squeezed(pdf.pages[0]!)).not.toContain(pdf.footer(1));
    for (const [i, page] of pdf.pages.entries()) if (i > 0) expect(squeezed(page), `page ${i + 1}`).toContain(pdf.footer(i + 1));
  });

  it('prints the running header and footer legibly (a word box at least 6 pt high)', () => {
    // A4 is 842 pt high; the header and footer are in its top and bottom 22 mm (62 pt).
    const running = pdfWords(committed(language), 2).filter((w) => w.top < 62 || w.top > 842 - 62);
    expect(running.map((w) => w.text).join(' ')).toContain(language === 'en' ? 'Page' : '页');
    for (const word of running) expect(word.height, `"${word.text}" is ${word.height.toFixed(1)} pt high`).toBeGreaterThanOrEqual(6);
  });

  it('has a title page with the version and its stage', () => {
    const title = squeezed(pdf.pages[0]!);
    expect(title).toContain(squeezed(SPEC_VERSION));
    expect(title).toContain(language === 'en' ? 'Draft' : '草案');
  });

  it('lists every chapter in the table of contents with the page it begins on, where it does begin', () => {
    // Laid out, an entry is one line: the title, the leader, the number.
    const lines = pdfPages(committed(language), 'layout').flatMap((p, i) => p.split('\n').map((line) => ({ page: i + 1, line: squeezed(line) })));
    for (const chapter of edition.chapters) {
      const title = squeezed(chapter.title);
      const entry = lines.find(({ page, line }) => page > 1 && line.startsWith(title) && /^\d+$/.test(line.slice(title.length)));
      expect(entry, `${chapter.file} in the table of contents`).toBeDefined();
      const page = Number(entry!.line.slice(title.length));
      const top = squeezed(pdf.pages[page - 1] ?? '').replace(squeezed(documentTitle(language)), '');
      expect(top.slice(0, title.length + 20), `${chapter.file} begins on page ${page}`).toContain(title);
    }
  });

  if (language === 'en') {
    // The English statements are not held to the registry's words (a chapter may say more), only to its ids.
    it('states every requirement of the registry', () => {
      const missing = registry().requirements.filter((r) => !pdf.body.includes(squeezed(r.id)));
      expect(missing.map((r) => r.id)).toEqual([]);
    });
  } else {
    it("states the requirements of the Chinese chapters present, each in the registry's Chinese words", () => {
      const byId = new Map(registry().requirements.map((r) => [r.id, r]));
      expect(edition.statements.length).toBeGreaterThan(0);
      const wrong = edition.statements.filter((id) => !pdf.body.includes(squeezed(id) + asPrinted(byId.get(id)!.text['zh-Hans'])));
      expect(wrong).toEqual([]);
    });
  }
});

describe('the edition of a language with chapters still missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecdx-edition-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const english = chapterFiles();
  const present = english.filter((f) => existsSync(join(chapterDir('zh-Hans'), f))).slice(0, 1);
  mkdirSync(join(dir, 'zh-Hans'));
  for (const file of english) writeFileSync(join(dir, file), readFileSync(join(chapterDir('en'), file)));
  for (const file of present) writeFileSync(join(dir, 'zh-Hans', file), readFileSync(join(chapterDir('zh-Hans'), file)));

  it('prints every English chapter in its place, a missing one as a notice page naming its file', () => {
    const edition = renderEdition('zh-Hans', dir);
    expect(edition.chapters.map((c) => c.file)).toEqual(english);
    for (const chapter of edition.chapters) {
      expect(chapter.present, chapter.file).toBe(present.includes(chapter.file));
      if (!chapter.present) expect(chapter.body).toContain(`本章（${chapter.file}）的中文版尚未完成`);
    }
    // Every requirement is stated all the same, a missing chapter's in the registry's Chinese words.
    expect([...edition.statements].sort()).toEqual([...renderEdition('en').statements].sort());
    const missing = edition.chapters.find((c) => !c.present)!;
    const first = renderEdition('en')
      .chapters.find((c) => c.file === missing.file)!
      .body.match(/id="(ECDX-[A-Z]{3}-\d{3})"/)![1]!;
    expect(missing.body).toContain(`<p class="requirement" id="${first}"><strong>${first}</strong>`);
    const printed = editionHtml(edition);
    expect(printed.match(/<article class="chapter/g)).toHaveLength(english.length);
  });
});

describe('pinDates', () => {
  const made = (stamp: string) => Buffer.from(`%PDF-1.4\n<</CreationDate (D:${stamp}+00'00')\n/ModDate (D:${stamp}+00'00')>>\n`, 'latin1');

  it('makes two prints that differ only in their time of printing the same bytes, of the same length', () => {
    const a = pinDates(made('20261202150055'), '2026-11-28');
    expect(a).toEqual(pinDates(made('20270101000000'), '2026-11-28'));
    expect(a.length).toBe(made('20261202150055').length);
    expect(a.toString('latin1')).toContain("/CreationDate (D:20261128000000+00'00')");
  });
});
