// The printed edition of the specification in one language, as the HTML Chromium prints: a title page, a table of
// contents of chapters and sections with their page numbers, and every chapter from a new page. The chapters are
// rendered by the site's renderer (docs/src/markdown.ts), so a requirement reads the same on paper and on the site.
// The Chinese edition follows the English chapter list: a chapter not yet translated prints as a notice page, so
// that chapter numbers and the table of contents are the same in both editions at every stage of the translation.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPEC_VERSION } from '../../../schemas/src/classes.ts';
import { registry, type Requirement } from '../../../spec/registry.ts';
import { html, raw, type Html } from '../html.ts';
import { LANGS, ROOT, type Lang } from '../layout.ts';
import { renderChapter, renderInline, type ChapterEnv, type Heading } from '../markdown.ts';
import { chapterFiles, statedIds, TEXT_DIR } from '../pages/spec.ts';
import { printStyle } from './style.ts';

/** The site's languages (decision 0057): each has its printed edition. */
export const LANGUAGES = LANGS;
export type Language = Lang;

/** Where a language's chapters are: English is spec/text itself, a translation a sub-folder named by its tag. */
export const chapterDir = (language: Language, textDir = TEXT_DIR): string => (language === 'en' ? textDir : join(textDir, language));

const WORDS = {
  en: {
    name: 'ECDX',
    subtitle: 'E-Commerce ↔ Delivery data eXchange',
    kind: 'Specification',
    version: (v: string) => `Version ${v}`,
    stage: 'Draft',
    date: (d: string) => d,
    status: 'Working draft for review by carriers, platforms and standards bodies. Not an adopted standard.',
    contents: 'Contents',
    missingTitle: (title: string) => title,
    missing: (file: string) => `This chapter (${file}) has not been written yet. Its requirements, as the registry states them:`,
  },
  'zh-Hans': {
    name: 'ECDX',
    subtitle: '电子商务与快递数据交换',
    kind: '规范',
    version: (v: string) => `版本 ${v}`,
    stage: '草案',
    date: (d: string) => {
      const [y, m, day] = d.split('-');
      return `${y}年${Number(m)}月${Number(day)}日`;
    },
    status: '工作草案，供快递企业、平台和标准化机构审阅；尚未作为标准发布。',
    contents: '目次',
    missingTitle: (title: string) => `${title}（中文版待完成）`,
    missing: (file: string) => `本章（${file}）的中文版尚未完成。在中文版完成之前，以英文版为准；英文版见本规范英文印刷版的同一章。`,
  },
} as const;

/** The date of the version printed: its heading in spec/CHANGELOG.md (`## 1.0.0-draft — 2026-11-28`). */
export function versionDate(changelog = join(ROOT, 'spec', 'CHANGELOG.md'), version = SPEC_VERSION): string | undefined {
  if (!existsSync(changelog)) return undefined;
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^## ${escaped}\\s+[—–-]\\s+(\\d{4}-\\d{2}-\\d{2})\\s*$`, 'm').exec(readFileSync(changelog, 'utf8'))?.[1];
}

export interface PrintedChapter {
  file: string;
  id: string;
  title: string;
  /** The chapter's own sections (level 2 headings), for the table of contents. */
  sections: Heading[];
  /** False when this language has no version of the chapter yet: the body is a notice. */
  present: boolean;
  body: string;
}

export interface Edition {
  language: Language;
  chapters: PrintedChapter[];
  /** Requirement ids stated, in order of appearance. */
  statements: string[];
}

/** Every chapter of one language, in the English chapter order; ids are unique across the edition. */
export function renderEdition(language: Language, textDir = TEXT_DIR, registered: readonly Requirement[] = registry().requirements): Edition {
  const dir = chapterDir(language, textDir);
  const english = chapterFiles(textDir);
  const present = new Set(chapterFiles(dir));
  const chapterIds = new Map(english.map((f) => [f, `chapter-${f.replace(/\.md$/, '')}`]));
  const requirements = new Map(registered.map((r) => [r.id, r]));
  const usedIds = new Set([...chapterIds.values(), 'title-page', 'contents']);
  const statements: string[] = [];
  // A chapter not yet translated states its requirements from the registry, so every English statement has its anchor.
  const stated = new Set([...statedIds(dir), ...statedIds(textDir)]);
  const chapters = english.map((file): PrintedChapter => {
    const id = chapterIds.get(file)!;
    const source = present.has(file) ? join(dir, file) : join(textDir, file);
    // A translation's relative links are resolved from its own folder (spec/text/zh-Hans).
    const translated = present.has(file) && language !== 'en' ? { sourceDir: `spec/text/${language}`, lang: language } : {};
    const env: ChapterEnv = { file, chapterIds, requirements, usedIds, headings: [], statements: present.has(file) ? statements : [], ...translated };
    const rendered = renderChapter(readFileSync(source, 'utf8'), env, (req) => (stated.has(req) ? `#${req}` : undefined));
    const title = env.headings.find((h) => h.level === 1)?.text ?? file;
    if (present.has(file)) return { file, id, title, sections: env.headings.filter((h) => h.level === 2), present: true, body: rendered };
    // The notice names the chapter by its English title, the only title it has yet, and states the chapter's
    // requirements as the registry does in this language (as the site does), so that every id is in every edition.
    const words = WORDS[language];
    const ids = env.statements;
    statements.push(...ids);
    const stating = ids.map((rid) => {
      const text = requirements.get(rid)?.text[language] ?? '';
      return html`<p class="requirement" id="${rid}"><strong>${rid}</strong> ${raw(renderInline(text, (req) => (stated.has(req) ? `#${req}` : undefined)))}</p>`;
    });
    const body = html`<h2>${words.missingTitle(title)}</h2><p class="notice">${words.missing(file)}</p>${stating}`.value;
    return { file, id, title: words.missingTitle(title), sections: [], present: false, body };
  });
  return { language, chapters, statements };
}

/** The page on which each heading id begins, from a first print; absent (the first print) leaves the numbers blank. */
export type PageNumbers = ReadonlyMap<string, number>;

function tocEntry(id: string, title: string, pages: PageNumbers | undefined, sections: Html | false = false): Html {
  // The number's box has a fixed width, so the first print (blank) and the second (numbered) break the same way.
  return html`<li${sections ? raw(' class="chapter-entry"') : ''}><a href="#${id}"><span class="entry-title">${title}</span><span class="leader"></span><span class="entry-page">${pages?.get(id) ?? ''}</span></a>${sections}</li>`;
}

function tableOfContents(edition: Edition, pages: PageNumbers | undefined): Html {
  const entries = edition.chapters.map((c) => tocEntry(c.id, c.title, pages, html`<ol>${c.sections.map((s) => tocEntry(s.id, s.text, pages))}</ol>`));
  return html`<nav class="toc chapter" aria-labelledby="contents"><h2 id="contents">${WORDS[edition.language].contents}</h2><ol>${entries}</ol></nav>`;
}

/** The document title, for the HTML title, the PDF's metadata and the running header. */
export const documentTitle = (language: Language, version = SPEC_VERSION): string => {
  const words = WORDS[language];
  return `${words.name} ${words.kind} ${version} (${words.stage})`;
};

/** The complete HTML of one language's edition. */
export function editionHtml(edition: Edition, pages?: PageNumbers, date = versionDate(), version = SPEC_VERSION): string {
  const words = WORDS[edition.language];
  const titlePage = html`<section class="title-page" id="title-page">
<p class="name">${words.name}</p>
<p class="subtitle">${words.subtitle}</p>
<p class="version">${words.kind} · ${words.version(version)}</p>
<p class="stage">${words.stage}</p>
${date && html`<p class="date">${words.date(date)}</p>`}
<p class="status">${words.status}</p>
</section>`;
  const chapters = edition.chapters.map((c) => html`<article class="chapter${c.present ? '' : ' missing'}" id="${c.id}">${raw(c.body)}</article>`);
  return html`<!doctype html>
<html lang="${edition.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${documentTitle(edition.language, version)}</title>
<style>${raw(printStyle(edition.language, documentTitle(edition.language, version)))}</style>
</head>
<body>
${titlePage}
${tableOfContents(edition, pages)}
${chapters}
</body>
</html>
`.value;
}
