// The page shell shared by every hand-built page of the site: one header with the navigation, the inline
// stylesheet, a footer that names the sources. Nothing in it varies from one build to the next (no date, no
// random id), so a rebuild from unchanged sources is byte-identical and the staleness test stays quiet.
import { join } from 'node:path';
import { SPEC_VERSION } from '../../schemas/src/classes.ts';
import { html, raw, type Html } from './html.ts';
import { STYLE } from './style.ts';

/** The project root: every source the site is built from is read relative to it. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** The languages of the site: English at docs/<page>, Simplified Chinese at docs/zh-Hans/<page> (decision 0057). */
export const LANGS = ['en', 'zh-Hans'] as const;
export type Lang = (typeof LANGS)[number];

/** The folder of a language's pages, relative to the project root. */
export const langDir = (lang: Lang): string => (lang === 'en' ? 'docs' : 'docs/zh-Hans');

/** The pages of the site, in navigation order. `file` is relative to its language's folder. */
export const SITE_PAGES = [
  {
    file: 'index.html',
    nav: 'Overview',
    summary: 'What ECDX is, who it is for, and how to start.',
    zh: { nav: '概览', summary: 'ECDX 是什么、为谁而设、如何开始。' },
  },
  {
    file: 'spec.html',
    nav: 'Specification',
    summary: 'The normative text, chapter by chapter, with an anchor for every requirement.',
    zh: { nav: '规范', summary: '规范性正文，逐章呈现，每项要求都有自己的锚点。' },
  },
  {
    file: 'requirements.html',
    nav: 'Requirements',
    summary: 'Every requirement with its level, policy clause, conformance class and role; filterable.',
    zh: { nav: '要求', summary: '每项要求及其级别、政策条款、一致性类别和角色；可筛选。' },
  },
  {
    file: 'api.html',
    nav: 'API reference',
    summary: 'The HTTP interface of both roles, generated from the OpenAPI 3.1 document.',
    zh: { nav: '接口', summary: '两个角色的 HTTP 接口：中文操作指南，详细参考由 OpenAPI 3.1 文档生成（英文）。' },
  },
  {
    file: 'schemas.html',
    nav: 'Schemas',
    summary: 'The published JSON Schemas (2020-12) of every exchanged object.',
    zh: { nav: '模式', summary: '所交换的每个对象的已发布 JSON Schema（2020-12）。' },
  },
  {
    file: 'status-mapping.html',
    nav: 'Status mapping',
    summary: 'How Kuaidi100, KDNiao, SF and UPU EDI status codes map to the ECDX status taxonomy.',
    zh: { nav: '状态映射', summary: '快递100、快递鸟、顺丰和 UPU EDI 的状态码如何映射到 ECDX 状态分类。' },
  },
  {
    file: 'conformance.html',
    nav: 'Conformance',
    summary: 'Every requirement with its checks and the mock faults that prove they can fail; the detection matrix.',
    zh: { nav: '一致性', summary: '每项要求的检查项，以及证明检查能够失败的模拟故障；检出矩阵。' },
  },
  {
    file: 'ci.html',
    nav: 'CI',
    summary: 'Run ECDX in your CI: a GitHub Action, a GitLab CI template and a Jenkins pipeline, tested against the mock.',
    zh: { nav: '持续集成', summary: '在持续集成中运行 ECDX：GitHub Action、GitLab CI 模板和 Jenkins 流水线，均已对参考模拟服务测试。' },
  },
  {
    file: 'monitoring.html',
    nav: 'Monitoring',
    summary:
      'Run ecdx monitor for many links: a monitor per shard, Prometheus with remote-write or federation, the alert rules, the Grafana dashboard, the evidence log.',
    zh: {
      nav: '监测',
      summary: '为众多数据链路运行 ecdx monitor：每个分片一个监测进程，Prometheus 远程写入或联邦，告警规则，Grafana 仪表盘，证据日志。',
    },
  },
  {
    file: 'glossary.html',
    nav: 'Glossary',
    summary: "The terms of the standard in English and Simplified Chinese, with the policy's spelling and their sources.",
    zh: { nav: '术语', summary: '本标准的术语：英文与简体中文对照，附政策原文写法及出处。' },
  },
] as const;

export type PageFile = (typeof SITE_PAGES)[number]['file'];

/**
 * The pages forbid every network fetch themselves: a Content-Security-Policy that allows only inline styles and
 * scripts and data: images. A page that tried to load a CDN script would fail visibly in any browser.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface PageOptions {
  file: PageFile;
  title: string;
  description: string;
  body: Html;
  /** The page's language; a Chinese page is written to docs/zh-Hans/ and its links to the repository adjusted. */
  lang?: Lang;
  /** `prose` narrows the column for running text; tables use the full width. */
  width?: 'prose' | 'wide';
  /** Inline script run after the body, for progressive enhancement only: every page reads fine without it. */
  script?: string;
}

const SITE_FILES: ReadonlySet<string> = new Set(SITE_PAGES.map((p) => p.file));

/** The address of `file` in language `to`, from a page in language `from`. */
export const pageHref = (from: Lang, to: Lang, file: string): string => (from === to ? file : to === 'en' ? `../${file}` : `zh-Hans/${file}`);

/**
 * Every page body is written as if it stood in docs/. A Chinese page stands one folder deeper, so each relative link
 * to a file of the repository (not to a page of the site, which has its counterpart beside it, nor to the English
 * page of the site, `../spec.html`) gains a `../`.
 */
export function relocate(body: string): string {
  return body.replace(/(\s(?:href|src)=")([^"]*)"/g, (whole, attr: string, value: string) => {
    if (value === '' || /^([a-z][a-z0-9+.-]*:|#|\/)/i.test(value)) return whole;
    const path = value.split('#', 1)[0]!;
    if (SITE_FILES.has(path) || (path.startsWith('../') && SITE_FILES.has(path.slice(3)))) return whole;
    return `${attr}../${value}"`;
  });
}

/** The other language's name, written in that language, for the switch. */
const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-Hans': '简体中文' };

/** The words of the page shell. */
const CHROME: Record<Lang, { skip: string; site: string; switchTo: string; footer: Html }> = {
  en: {
    skip: 'Skip to content',
    site: 'Site',
    switchTo: 'Language',
    footer: html`ECDX ${SPEC_VERSION} — the E-Commerce ↔ Delivery data eXchange standard. Generated from the
project's sources by <code>npm run docs</code>; edit the sources, never this page. Licensed under Apache-2.0.`,
  },
  'zh-Hans': {
    skip: '跳到正文',
    site: '站点',
    switchTo: '语言',
    footer: html`ECDX ${SPEC_VERSION}——电子商务与快递数据交换标准（E-Commerce ↔ Delivery data eXchange）。本页由项目源文件经 <code>npm run docs</code> 生成；请修改源文件，不要修改本页。以 Apache-2.0 许可发布。中英文两个版本同为规范性文本；正文（要求表述以外）如有出入，在标准化机构采纳之前以英文为工作原文。`,
  },
};

/** The `<link rel="alternate">` elements of a page in `lang`: one per language, the page itself included. */
export const alternates = (lang: Lang, file: string): string =>
  LANGS.map((l) => `<link rel="alternate" hreflang="${l}" href="${pageHref(lang, l, file)}">`).join('\n');

/** The link to the same page in the other language. */
export function languageSwitch(lang: Lang, file: string): Html {
  const other: Lang = lang === 'en' ? 'zh-Hans' : 'en';
  return html`<a class="lang-switch" href="${pageHref(lang, other, file)}" hreflang="${other}" lang="${other}" rel="alternate">${LANG_NAMES[other]}</a>`;
}

export function page({ file, title, description, body, lang = 'en', width = 'wide', script }: PageOptions): string {
  const chrome = CHROME[lang];
  const nav = SITE_PAGES.map((p) => html`<a href="${p.file}"${p.file === file ? raw(' aria-current="page"') : ''}>${lang === 'en' ? p.nav : p.zh.nav}</a>`);
  const content = lang === 'en' ? body.value : relocate(body.value);
  const document = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${raw(CSP)}">
<meta name="description" content="${description}">
<title>${title} — ECDX ${SPEC_VERSION}</title>
${raw(alternates(lang, file))}
<style>
${raw(STYLE)}
</style>
</head>
<body>
<a class="skip" href="#main">${chrome.skip}</a>
<header class="site"><div class="bar">
<a class="brand" href="index.html">ECDX<span class="version">${SPEC_VERSION}</span></a>
<nav aria-label="${chrome.site}">${nav}</nav>
<span class="lang-nav" aria-label="${chrome.switchTo}">${languageSwitch(lang, file)}</span>
</div></header>
<main id="main"${width === 'prose' ? raw(' class="prose"') : ''}>
${raw(content)}
</main>
<footer class="site"><p>${chrome.footer}</p></footer>
${script ? raw(`<script>\n${script.trim()}\n</script>\n`) : ''}</body>
</html>
`;
  return document.value;
}
