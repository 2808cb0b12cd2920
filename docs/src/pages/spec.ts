// docs/spec.html: the normative specification, every spec/text/*.md chapter in file-name order on one page, so
// that `spec.html#ECDX-SHP-001` is the one address of a requirement statement.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPEC_VERSION } from '../../../schemas/src/classes.ts';
import { registry, type Requirement } from '../../../spec/registry.ts';
import { html, raw, type Html } from '../html.ts';
import { page, ROOT } from '../layout.ts';
import { renderChapter, type ChapterEnv, type Heading } from '../markdown.ts';

export const TEXT_DIR = join(ROOT, 'spec', 'text');

export const chapterFiles = (dir = TEXT_DIR): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];

interface RenderedChapter {
  file: string;
  id: string;
  title: string;
  headings: Heading[];
  body: string;
}

export interface RenderedSpec {
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

function tableOfContents(chapters: RenderedChapter[]): Html {
  const entries = chapters.map((c) => {
    const sections = c.headings.filter((h) => h.level === 2);
    return html`<li><a href="#${c.id}">${c.title}</a>${
      sections.length > 0 && html`<ol>${sections.map((h) => html`<li><a href="#${h.id}">${h.text}</a></li>`)}</ol>`
    }</li>`;
  });
  return html`<nav class="toc" aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>${entries}</ol></nav>`;
}

export function specPage({ chapters, statements }: RenderedSpec = renderSpec()): string {
  const registered = registry().requirements.length;
  const stated = new Set(statements).size;
  const intro = html`<h1>ECDX specification <span class="muted small">${SPEC_VERSION}</span></h1>
<p class="lead">The normative text of ECDX, the data exchange between Chinese e-commerce platforms and express carriers.</p>
<p>Each requirement is stated once, in a highlighted paragraph that begins with its identifier; the identifier is
also the paragraph's address (<code>spec.html#ECDX-SHP-001</code>). The line under a statement gives its level,
role, conformance class and policy clauses, and leads to the <a href="requirements.html">requirements matrix</a>.
The API itself is described in the <a href="api.html">API reference</a>, the data in the <a href="schemas.html">schemas</a>.</p>
<p class="muted small">${chapters.length} chapter(s); ${stated} of ${registered} registered requirement(s) stated.</p>`;
  const body =
    chapters.length === 0
      ? html`${intro}<p class="notice">No chapter has been written yet: the chapters live in <code>spec/text/</code>.</p>`
      : html`${intro}<div class="layout-toc">${tableOfContents(chapters)}<div>${chapters.map(
          (c) => html`<article class="chapter" id="${c.id}">${raw(c.body)}</article>`,
        )}</div></div>`;
  return page({
    file: 'spec.html',
    title: 'Specification',
    description: 'The normative ECDX specification: every chapter, with an anchor for every requirement.',
    body,
  });
}
