// docs/spec.html: the normative specification, every spec/text/*.md chapter in file-name order on one page, so
// that `spec.html#ECDX-SHP-001` is the one address of a requirement statement.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPEC_VERSION } from '../../../schemas/src/classes.ts';
import { registry, type Requirement } from '../../../spec/registry.ts';
import { escapeHtml, html, raw, slug, type Html } from '../html.ts';
import { page, ROOT, type Lang } from '../layout.ts';
import { renderChapter, renderInline, statementMeta, type ChapterEnv, type Heading } from '../markdown.ts';

export const TEXT_DIR = join(ROOT, 'spec', 'text');
/** The Chinese chapters: the same file names as the English ones (decision 0057). */
export const ZH_TEXT_DIR = join(TEXT_DIR, 'zh-Hans');

export const chapterFiles = (dir = TEXT_DIR): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];

interface RenderedChapter {
  file: string;
  /** The chapter has no Chinese version yet: the page shows its requirements from the registry instead. */
  untranslated?: boolean;
  id: string;
  title: string;
  headings: Heading[];
  body: string;
}

export interface RenderedSpec {
  lang?: Lang;
  chapters: RenderedChapter[];
  /** Requirement ids stated in the text, in order of appearance. */
  statements: string[];
}

/** The statement form spec/registry.test.ts recognises: a paragraph or list item that begins with the bold id. */
const STATEMENT = /^(?:[-*] |\d+\. )?\*\*(ECDX-[A-Z]{3}-\d{3})\*\*/gm;

/** The ids stated in the chapters, read before rendering so that a mention links only to a statement that exists. */
export const statedIds = (dir = TEXT_DIR): Set<string> =>
  new Set(chapterFiles(dir).flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(STATEMENT)].map((m) => m[1]!)));

/** Render every chapter; ids are unique across the page. Exported for the tests. */
export function renderSpec(dir = TEXT_DIR, registered: readonly Requirement[] = registry().requirements): RenderedSpec {
  const files = chapterFiles(dir);
  const chapterIds = new Map(files.map((f) => [f, `chapter-${f.replace(/\.md$/, '')}`]));
  const requirements = new Map(registered.map((r) => [r.id, r]));
  // Ids the page itself uses (the layout's `main`, the table of contents) are taken before any heading.
  const usedIds = new Set([...chapterIds.values(), 'main', 'contents']);
  const statements: string[] = [];
  const stated = statedIds(dir);
  const chapters = files.map((file) => {
    const env: ChapterEnv = { file, chapterIds, requirements, usedIds, headings: [], statements };
    const body = renderChapter(readFileSync(join(dir, file), 'utf8'), env, (id) => (stated.has(id) ? `#${id}` : undefined));
    const title = env.headings.find((h) => h.level === 1)?.text ?? file;
    return { file, id: chapterIds.get(file)!, title, headings: env.headings, body };
  });
  return { chapters, statements };
}

/**
 * Render the Chinese chapters. The chapter list is the union of both folders, so that a chapter not yet translated
 * still has its place, its anchor and every requirement anchor of the English one: it shows a notice, a link to the
 * English chapter, and its requirements as the registry states them in Chinese (`text.zh-Hans`).
 */
export function renderSpecZh(zhDir = ZH_TEXT_DIR, enDir = TEXT_DIR, registered: readonly Requirement[] = registry().requirements): RenderedSpec {
  const translated = new Set(chapterFiles(zhDir));
  const files = [...new Set([...chapterFiles(enDir), ...translated])].sort();
  const chapterIds = new Map(files.map((f) => [f, `chapter-${f.replace(/\.md$/, '')}`]));
  const requirements = new Map(registered.map((r) => [r.id, r]));
  const usedIds = new Set([...chapterIds.values(), 'main', 'contents']);
  const statements: string[] = [];
  const stated = new Set([...statedIds(zhDir), ...statedIds(enDir)]);
  const idHref = (id: string) => (stated.has(id) ? `#${id}` : undefined);
  const chapters = files.map((file): RenderedChapter => {
    const id = chapterIds.get(file)!;
    if (translated.has(file)) {
      const env: ChapterEnv = { file, chapterIds, requirements, usedIds, headings: [], statements, sourceDir: 'spec/text/zh-Hans', lang: 'zh-Hans' };
      const body = renderChapter(readFileSync(join(zhDir, file), 'utf8'), env, idHref);
      return { file, id, title: env.headings.find((h) => h.level === 1)?.text ?? file, headings: env.headings, body };
    }
    const source = readFileSync(join(enDir, file), 'utf8');
    const title = /^# (.+)$/m.exec(source)?.[1]?.trim() ?? file;
    const headingId = `${slug(title)}-en`;
    usedIds.add(headingId);
    const ids = [...source.matchAll(STATEMENT)].map((m) => m[1]!);
    const items = ids.map((rid) => {
      statements.push(rid);
      const r = requirements.get(rid);
      const text = r ? renderInline(r.text['zh-Hans'], idHref) : '';
      const anchor = usedIds.has(rid) ? '' : ` id="${rid}"`;
      usedIds.add(rid);
      return `<p${anchor} class="requirement"><strong>${escapeHtml(rid)}</strong> ${text}${statementMeta(rid, r, 'zh-Hans')}</p>`;
    });
    const body = `<h2 id="${headingId}" lang="en">${escapeHtml(title)}</h2>
<p class="notice untranslated">本章尚无中文版本（<code>spec/text/zh-Hans/${escapeHtml(file)}</code> 尚未写成）。全文见<a href="../spec.html#${id}" hreflang="en">英文版</a>；下列为本章各项要求在要求注册表中的中文表述。</p>
${items.join('\n')}`;
    return { file, id, title, untranslated: true, headings: [{ level: 1, id: headingId, text: title }], body };
  });
  return { lang: 'zh-Hans', chapters, statements };
}

function tableOfContents(chapters: RenderedChapter[], lang: Lang): Html {
  const entries = chapters.map((c) => {
    const sections = c.headings.filter((h) => h.level === 2);
    return html`<li${c.untranslated ? raw(' lang="en"') : ''}><a href="#${c.id}">${c.title}</a>${
      sections.length > 0 && html`<ol>${sections.map((h) => html`<li><a href="#${h.id}">${h.text}</a></li>`)}</ol>`
    }</li>`;
  });
  return html`<nav class="toc" aria-labelledby="contents"><h2 id="contents">${lang === 'en' ? 'Contents' : '目录'}</h2><ol>${entries}</ol></nav>`;
}

function introduction(lang: Lang, chapters: RenderedChapter[], stated: number, registered: number): Html {
  if (lang === 'zh-Hans') {
    const missing = chapters.filter((c) => c.untranslated).length;
    return html`<h1>ECDX 规范 <span class="muted small">${SPEC_VERSION}</span></h1>
<p class="lead">ECDX 的规范性正文：中国电子商务平台与经营快递业务的企业之间的数据交换。</p>
<p>每项要求只表述一次，位于以其标识符开头的突出显示段落中；标识符同时是该段落的地址（<code>spec.html#ECDX-SHP-001</code>），中英文两个版本的地址相同。表述下方一行给出其级别、角色、一致性类别和政策条款，并链接到<a href="requirements.html">要求矩阵</a>。接口本身见<a href="api.html">接口指南</a>，数据见<a href="schemas.html">模式</a>，术语见<a href="glossary.html">术语表</a>。</p>
<p class="muted small">共 ${chapters.length} 章${missing > 0 ? `（其中 ${missing} 章尚无中文版本，暂列其要求的中文表述）` : ''}；已注册的 ${registered} 项要求中，正文表述了 ${stated} 项。</p>`;
  }
  return html`<h1>ECDX specification <span class="muted small">${SPEC_VERSION}</span></h1>
<p class="lead">The normative text of ECDX, the data exchange between Chinese e-commerce platforms and express carriers.</p>
<p>Each requirement is stated once, in a highlighted paragraph that begins with its identifier; the identifier is
also the paragraph's address (<code>spec.html#ECDX-SHP-001</code>). The line under a statement gives its level,
role, conformance class and policy clauses, and leads to the <a href="requirements.html">requirements matrix</a>.
The API itself is described in the <a href="api.html">API reference</a>, the data in the <a href="schemas.html">schemas</a>.</p>
<p class="muted small">${chapters.length} chapter(s); ${stated} of ${registered} registered requirement(s) stated.</p>`;
}

export function specPage({ chapters, statements, lang = 'en' }: RenderedSpec = renderSpec()): string {
  const registered = registry().requirements.length;
  const stated = new Set(statements).size;
  const intro = introduction(lang, chapters, stated, registered);
  const none =
    lang === 'en'
      ? html`<p class="notice">No chapter has been written yet: the chapters live in <code>spec/text/</code>.</p>`
      : html`<p class="notice">尚无任何章节：各章位于 <code>spec/text/</code>，中文版位于 <code>spec/text/zh-Hans/</code>。</p>`;
  const body =
    chapters.length === 0
      ? html`${intro}${none}`
      : html`${intro}<div class="layout-toc">${tableOfContents(chapters, lang)}<div>${chapters.map(
          (c) => html`<article class="chapter" id="${c.id}">${raw(c.body)}</article>`,
        )}</div></div>`;
  return page({
    file: 'spec.html',
    lang,
    title: lang === 'en' ? 'Specification' : '规范',
    description:
      lang === 'en'
        ? 'The normative ECDX specification: every chapter, with an anchor for every requirement.'
        : 'ECDX 规范性正文（简体中文）：逐章呈现，每项要求都有锚点。',
    body,
  });
}
