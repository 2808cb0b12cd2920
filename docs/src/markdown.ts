// Markdown rendering for the site. The normative chapters (spec/text/*.md) are rendered into one page, so the
// renderer adds what a single page needs: an anchor on every requirement statement (`**ECDX-SHP-001** The
// carrier MUST …` gets id="ECDX-SHP-001", the address other pages and tools link to), unique heading ids for the
// table of contents, requirement ids turned into links, and links between chapters rewritten to in-page anchors.
import { posix } from 'node:path';
import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type StateCore, type Token } from 'markdown-it';
import type { Requirement } from '../../spec/registry.ts';
import { escapeHtml, slug } from './html.ts';

export const REQUIREMENT_ID = /ECDX-[A-Z]{3}-\d{3}/g;
const HAS_REQUIREMENT_ID = /ECDX-[A-Z]{3}-\d{3}/;
/** The form spec/registry.test.ts recognises as the statement of a requirement. */
const STATEMENT_START = /^\*\*(ECDX-[A-Z]{3}-\d{3})\*\*/;

export interface Heading {
  level: number;
  id: string;
  text: string;
}

/** What a render needs to know and what it reports back; passed to markdown-it as `env`. */
export interface RenderEnv {
  /** Where a mentioned requirement id points; by default every id links to the anchor on the same page. */
  idHref?: IdHref;
  /** Set when rendering a chapter: the statement anchors, heading ids and link rewriting apply. */
  chapter?: ChapterEnv;
}

export interface ChapterEnv {
  /** The chapter's file name in spec/text, for resolving its relative links. */
  file: string;
  /** Chapter file name → the id of its section on the page. */
  chapterIds: ReadonlyMap<string, string>;
  requirements: ReadonlyMap<string, Requirement>;
  /** Ids already used on the page, shared by all chapters so that every id is unique. */
  usedIds: Set<string>;
  headings: Heading[];
  statements: string[];
  /** The chapter's folder, when not spec/text (the Chinese chapters are in spec/text/zh-Hans). */
  sourceDir?: string;
  /** The language of the line under each statement; English by default. */
  lang?: 'en' | 'zh-Hans';
}

const SOURCE_DIR = 'spec/text';
const OUTPUT_DIR = 'docs';

/** A link written for the chapter's place in spec/text, made to work from docs/spec.html. */
export function rewriteHref(href: string, env: ChapterEnv): string {
  if (/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(href)) return href;
  const [path = '', fragment] = href.split('#', 2);
  const source = env.sourceDir ?? SOURCE_DIR;
  const target = posix.normalize(posix.join(source, path));
  const chapter = posix.dirname(target) === source ? env.chapterIds.get(posix.basename(target)) : undefined;
  // Heading ids follow the usual slug rules, so a `chapter.md#some-heading` link keeps its fragment.
  if (chapter) return `#${fragment || chapter}`;
  const relative = posix.relative(OUTPUT_DIR, target);
  return fragment === undefined ? relative : `${relative}#${fragment}`;
}

/** A repeated heading gets `-1`, `-2` … as on GitHub. */
function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 1; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

const plainText = (inline: Token): string =>
  (inline.children ?? [])
    .filter((t) => t.type === 'text' || t.type === 'code_inline')
    .map((t) => t.content)
    .join('');

/** Where a mentioned requirement id points, or undefined to leave it as plain text (an id not stated yet). */
export type IdHref = (id: string) => string | undefined;

/** Split text tokens so that every requirement id outside a link, with somewhere to point, becomes a link. */
function linkRequirementIds(state: StateCore, children: Token[], idHref: IdHref): Token[] {
  const out: Token[] = [];
  const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
  let linkDepth = 0;
  for (const token of children) {
    if (token.type === 'link_open') linkDepth++;
    if (token.type === 'link_close') linkDepth--;
    if (token.type !== 'text' || linkDepth > 0 || !HAS_REQUIREMENT_ID.test(token.content)) {
      out.push(token);
      continue;
    }
    let last = 0;
    for (const m of token.content.matchAll(REQUIREMENT_ID)) {
      const href = idHref(m[0]);
      if (href === undefined) continue;
      if (m.index > last) out.push(text(token.content.slice(last, m.index)));
      const open = new state.Token('link_open', 'a', 1);
      open.attrs = [
        ['href', href],
        ['class', 'req-id'],
      ];
      out.push(open, text(m[0]), new state.Token('link_close', 'a', -1));
      last = m.index + m[0].length;
    }
    if (last < token.content.length) out.push(text(token.content.slice(last)));
  }
  return out;
}

const META_WORDS = {
  en: { missing: 'is not in the requirements registry', class: 'class', testable: 'testable', untestable: 'not testable', matrix: 'in the matrix' },
  'zh-Hans': { missing: '不在要求注册表中', class: '类别', testable: '可测试', untestable: '不可黑盒测试', matrix: '见要求矩阵' },
};

/** The line under a statement: level, role, class, clauses, testability, a link to the matrix. Exported for the fallback of an untranslated chapter. */
export function statementMeta(id: string, requirement: Requirement | undefined, lang: 'en' | 'zh-Hans' = 'en'): string {
  const words = META_WORDS[lang];
  if (!requirement) return `<span class="req-meta">${id} ${words.missing}</span>`;
  const parts = [
    `<span class="level level-${requirement.level.replace(' ', '-')}">${requirement.level}</span>`,
    escapeHtml(requirement.role),
    `${words.class} <code>${escapeHtml(requirement.class)}</code>`,
    requirement.clauses.map((c) => `<a href="requirements.html#${c}">${c}</a>`).join(' '),
    requirement.testable ? words.testable : words.untestable,
    `<a href="requirements.html#${id}">${words.matrix}</a>`,
  ];
  return `<span class="req-meta">${parts.join(' · ')}</span>`;
}

/** Anchors, heading ids and link rewriting for a chapter (see ChapterEnv). */
function decorateChapter(state: StateCore, chapter: ChapterEnv): void {
  const tokens = state.tokens;
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open') {
      const inline = tokens[i + 1]!;
      const text = plainText(inline);
      const id = uniqueId(slug(text), chapter.usedIds);
      const level = Number(token.tag.slice(1));
      token.attrSet('id', id);
      // The page has its own h1; a chapter's title becomes an h2 and everything below moves down one level.
      token.tag = `h${Math.min(level + 1, 6)}`;
      tokens[i + 2]!.tag = token.tag; // heading_open, inline, heading_close
      chapter.headings.push({ level, id, text });
    }
    if (token.type === 'inline') {
      const m = STATEMENT_START.exec(token.content);
      const paragraph = tokens[i - 1];
      if (m && paragraph?.type === 'paragraph_open') {
        const id = m[1]!;
        const item = tokens[i - 2]?.type === 'list_item_open' ? tokens[i - 2]! : paragraph;
        if (!chapter.usedIds.has(id)) {
          chapter.usedIds.add(id);
          item.attrSet('id', id);
        }
        item.attrJoin('class', 'requirement');
        chapter.statements.push(id);
        const meta = new state.Token('html_inline', '', 0);
        meta.content = statementMeta(id, chapter.requirements.get(id), chapter.lang);
        token.children?.push(meta);
      }
      for (const child of token.children ?? []) {
        if (child.type === 'link_open') child.attrSet('href', rewriteHref(String(child.attrGet('href') ?? ''), chapter));
        if (child.type === 'image') child.attrSet('src', rewriteHref(String(child.attrGet('src') ?? ''), chapter));
      }
    }
  });
}

function ecdxPlugin(md: MarkdownItInstance): void {
  md.core.ruler.push('ecdx', (state: StateCore) => {
    const env = state.env as RenderEnv;
    if (env.chapter) decorateChapter(state, env.chapter);
    const idHref: IdHref = env.idHref ?? ((id) => `#${id}`);
    for (const token of state.tokens) {
      if (token.type === 'inline' && token.children) token.children = linkRequirementIds(state, token.children, idHref);
    }
  });
}

/**
 * Chapters are trusted project sources: raw HTML is allowed (editors' comments, the odd `<abbr>`); the tests
 * still fail on any external resource. Typographer is off: normative text keeps its quotes exactly as written.
 */
const chapterMarkdown = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(ecdxPlugin);
/** Short texts from data (requirement texts, schema descriptions) never carry markup of their own. */
const dataMarkdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(ecdxPlugin);

export const renderChapter = (source: string, chapter: ChapterEnv, idHref?: IdHref): string =>
  chapterMarkdown.render(source, { chapter, ...(idHref ? { idHref } : {}) } satisfies RenderEnv);

/** One line of Markdown from data (backticks, emphasis, links), as inline HTML. */
export const renderInline = (text: string, idHref?: IdHref): string => dataMarkdown.renderInline(text, (idHref ? { idHref } : {}) satisfies RenderEnv);

/** A short block of Markdown from data (paragraphs allowed), as HTML. */
export const renderBlock = (text: string, idHref?: IdHref): string => dataMarkdown.render(text, (idHref ? { idHref } : {}) satisfies RenderEnv);
