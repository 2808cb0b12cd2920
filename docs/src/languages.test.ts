// The site in two languages (decision 0057): every page exists in English (docs/) and Simplified Chinese
// (docs/zh-Hans/), says which it is in, links to its counterpart, and the Chinese pages carry what the English ones
// do — every requirement anchor of the specification, every requirement's Chinese text in the matrix, every
// operation of the interface in the guide, every term of the glossary.
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { Script } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { operations, pushWebhook } from '../../spec/openapi/operations.ts';
import { loadRegistry, registry } from '../../spec/registry.ts';
import { generateDocs } from './build.ts';
import { escapeHtml } from './html.ts';
import { langDir, LANGS, relocate, ROOT, SITE_PAGES, type Lang } from './layout.ts';
import { OPERATION_SUMMARIES_ZH } from './operations-zh.ts';
import { INPUTS_ZH, inputsZh } from './pages/ci.ts';
import { ALERTS_ZH, inChinese, PANELS_ZH, SERIES_ZH } from './pages/monitoring-zh.ts';
import { loadGlossary } from '../../spec/glossary.ts';
import { FILTER_SCRIPT, requirementsPage } from './pages/requirements.ts';
import { renderSpecZh, specPage } from './pages/spec.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const decode = (value: string): string =>
  value.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
const ids = (page: string): string[] => [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!));
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
/** What a reader sees of a fragment: tags dropped, entities decoded, whitespace collapsed. */
const textOf = (fragment: string): string =>
  decode(fragment.replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
/** A registry text as a reader sees it: Markdown marks and link targets dropped. */
const plain = (markdown: string): string =>
  markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const requirementsZh = (): string => requirementsPage(new Set(), registry(), 'zh-Hans');
const other = (lang: Lang): Lang => (lang === 'en' ? 'zh-Hans' : 'en');
const path = (lang: Lang, file: string): string => `${langDir(lang)}/${file}`;

describe('the site in both languages', () => {
  let site: Map<string, string>;
  beforeAll(async () => {
    site = await generateDocs();
  });
  const built = (lang: Lang, file: string): string => {
    const page = site.get(path(lang, file));
    if (page === undefined) throw new Error(`${path(lang, file)} is not built`);
    return page;
  };
  const every = (): { lang: Lang; file: string; page: string }[] =>
    LANGS.flatMap((lang) => SITE_PAGES.map(({ file }) => ({ lang, file, page: built(lang, file) })));

  it('builds and commits every page in both languages', () => {
    for (const lang of LANGS) {
      for (const { file } of SITE_PAGES) {
        expect(site.has(path(lang, file)), `${path(lang, file)} is built`).toBe(true);
        expect(existsSync(join(ROOT, path(lang, file))), `${path(lang, file)} is committed (run npm run docs)`).toBe(true);
      }
    }
  });

  it('sets the language of every page on its html element', () => {
    for (const { lang, file, page } of every()) expect(/<html[^>]*>/i.exec(page)?.[0], path(lang, file)).toBe(`<html lang="${lang}">`);
  });

  it('links every page to the same page in the other language, with hreflang and lang on the link', () => {
    for (const { lang, file, page } of every()) {
      const target = other(lang);
      const links = [...page.matchAll(/<a\s[^>]*class="lang-switch"[^>]*>/g)].map((m) => m[0]);
      expect(links, `${path(lang, file)} has one language switch`).toHaveLength(1);
      const link = links[0]!;
      const resolved = posix.normalize(posix.join(langDir(lang), attr(link, 'href') ?? ''));
      expect(resolved, `${path(lang, file)}'s switch leads to its counterpart`).toBe(path(target, file));
      expect(attr(link, 'hreflang'), path(lang, file)).toBe(target);
      expect(attr(link, 'lang'), path(lang, file)).toBe(target);
    }
  });

  it('names both languages in the head with rel="alternate" links to the right pages', () => {
    for (const { lang, file, page } of every()) {
      const head = page.slice(0, page.indexOf('</head>'));
      for (const l of LANGS) {
        const link = [...head.matchAll(/<link\s[^>]*rel="alternate"[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, 'hreflang') === l);
        expect(link, `${path(lang, file)} names its ${l} version`).toBeDefined();
        expect(posix.normalize(posix.join(langDir(lang), attr(link!, 'href') ?? '')), path(lang, file)).toBe(path(l, file));
      }
    }
  });

  it('writes the navigation of the Chinese pages in Chinese', () => {
    for (const { file } of SITE_PAGES) {
      const nav = /<nav aria-label="站点">(.*?)<\/nav>/s.exec(built('zh-Hans', file))?.[1] ?? '';
      expect(
        SITE_PAGES.map((p) => textOf(nav.split('</a>')[SITE_PAGES.indexOf(p)] ?? '')),
        file,
      ).toEqual(SITE_PAGES.map((p) => p.zh.nav));
    }
  });

  it('holds every anchor of the English specification page in the Chinese one', () => {
    const english = ids(built('en', 'spec.html')).filter((id) => /^(ECDX-[A-Z]{3}-\d{3}|chapter-.+)$/.test(id));
    const chinese = new Set(ids(built('zh-Hans', 'spec.html')));
    expect(english.length).toBeGreaterThan(0);
    expect(english.filter((id) => !chinese.has(id))).toEqual([]);
  });

  it("shows each requirement's text.zh-Hans in its row of the Chinese matrix", () => {
    const page = built('zh-Hans', 'requirements.html');
    const differing = registry().requirements.flatMap((r) => {
      const row = new RegExp(`<tr id="${r.id}"[^>]*>([\\s\\S]*?)</tr>`).exec(page)?.[1];
      const shown = textOf(/<div class="req-text">([\s\S]*?)<\/div>/.exec(row ?? '')?.[1] ?? '');
      return shown === plain(r.text['zh-Hans']) ? [] : [`${r.id} shows ${row === undefined ? 'no row' : JSON.stringify(shown)}`];
    });
    expect(differing).toEqual([]);
  });

  it('lists every operation of the interface in the Chinese guide, with method, path and its Chinese summary', () => {
    const page = built('zh-Hans', 'api.html');
    for (const o of operations) {
      const row = new RegExp(`<tr id="${o.operationId}">([\\s\\S]*?)</tr>`).exec(page)?.[1] ?? '';
      const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => textOf(m[1]!));
      expect(cells.slice(0, 2), o.operationId).toEqual([o.method.toUpperCase(), o.path]);
      expect(cells[2], o.operationId).toMatch(new RegExp(`^${o.role}`));
      expect(cells[4], o.operationId).toBe(OPERATION_SUMMARIES_ZH[o.operationId] ?? `(no Chinese summary for ${o.operationId})`);
    }
    expect(page).toContain(`<tr id="${pushWebhook.operationId}">`);
  });

  it('says in Chinese on the Chinese CI and monitoring pages what each action input, alert, panel and series is', () => {
    const ci = built('zh-Hans', 'ci.html');
    const monitoring = built('zh-Hans', 'monitoring.html');
    const literal = (text: string): string => escapeHtml(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const [name, text] of Object.entries(INPUTS_ZH)) expect(ci, name).toMatch(new RegExp(`<tr id="input-${name}">.*?<td>${literal(text)}</td></tr>`));
    for (const [alert, { summary, description }] of Object.entries(ALERTS_ZH)) {
      expect(monitoring, alert).toMatch(
        new RegExp(`<h3 id="${alert}">.*\n<p>级别 <strong>\\w+</strong>，[^：]+：${literal(summary)}。</p>\n<pre>[^]*?</pre>\n<p>${literal(description)}</p>`),
      );
    }
    for (const [title, zh] of Object.entries(PANELS_ZH)) {
      expect(monitoring, title).toContain(
        `<li><strong>${escapeHtml(zh.title)}</strong>（<span lang="en">${escapeHtml(title)}</span>）：${escapeHtml(zh.description)}</li>`,
      );
    }
    for (const [name, text] of Object.entries(SERIES_ZH))
      expect(monitoring, name).toMatch(new RegExp(`<tr><td><code>${name}</code></td><td>[^<]+</td><td>${literal(text)}</td></tr>`));
    for (const page of [ci, monitoring]) {
      expect(page).not.toContain('<div lang="en">');
      expect(page).not.toContain('暂为英文');
    }
  });

  it('shows every term of the glossary on both glossary pages', () => {
    for (const lang of LANGS) {
      const page = built(lang, 'glossary.html');
      for (const term of loadGlossary()) {
        expect(page, `${lang}: ${term.en}`).toContain(`<td lang="en">${escapeHtml(term.en)}</td>`);
        expect(page, `${lang}: ${term['zh-Hans']}`).toContain(`<strong>${term['zh-Hans']}</strong>`);
      }
    }
  });
});

describe('the Chinese matrix filter', () => {
  it('counts the rows shown in the words of the page it runs on', () => {
    const template = /<output id="shown"[^>]*data-template="([^"]+)"/.exec(requirementsZh())?.[1];
    expect(template).toBe('显示 {n} 项，共 {total} 项');
    const shown = { textContent: '', dataset: { template } };
    const box = { hidden: true, querySelector: () => ({ value: '' }), addEventListener: () => undefined };
    const rows = [
      { textContent: 'a', dataset: {} },
      { textContent: 'b', dataset: {} },
    ];
    new Script(FILTER_SCRIPT).runInNewContext({ document: { getElementById: (id: string) => (id === 'filters' ? box : shown), querySelectorAll: () => rows } });
    expect(shown.textContent).toBe('显示 2 项，共 2 项');
  });
});

describe('the Chinese texts of the CI and monitoring pages', () => {
  it('stop the build with the name of an action input, alert, panel or series that has none', () => {
    const inputs = Object.keys(INPUTS_ZH);
    expect(() => inputsZh([...inputs, 'new-input'])).toThrow(/"new-input"; add it to INPUTS_ZH/);
    expect(() => inputsZh(inputs.filter((name) => name !== 'target'))).toThrow(/INPUTS_ZH describes "target", which action\.yml does not have/);
    expect(inputsZh(inputs)('target')).toBe(INPUTS_ZH['target']);
    expect(() => inChinese(ALERTS_ZH, [...Object.keys(ALERTS_ZH), 'EcdxNewAlert'], 'alert of alerts.yml', 'ALERTS_ZH')).toThrow(
      /no Chinese text for the alert of alerts\.yml "EcdxNewAlert"; add it to ALERTS_ZH/,
    );
    expect(() => inChinese(PANELS_ZH, [...Object.keys(PANELS_ZH), 'New panel'], 'panel', 'PANELS_ZH')).toThrow(/"New panel"/);
    expect(() => inChinese(SERIES_ZH, Object.keys(SERIES_ZH).slice(1), 'series', 'SERIES_ZH')).toThrow(
      /SERIES_ZH has a Chinese text for "ecdx_monitor_probes_total"/,
    );
  });
});

describe('the Chinese operation guide', () => {
  it('has a Chinese summary for every operation and for none that does not exist', () => {
    const ids = [...operations.map((o) => o.operationId), pushWebhook.operationId];
    expect(ids.filter((id) => !OPERATION_SUMMARIES_ZH[id]?.match(/[\u4e00-\u9fff]/))).toEqual([]);
    expect(Object.keys(OPERATION_SUMMARIES_ZH).filter((id) => !ids.includes(id))).toEqual([]);
  });
});

describe('the Chinese specification (fixtures: one of two chapters translated)', () => {
  const fixtureRegistry = loadRegistry(join(FIXTURES, 'requirements'));
  const spec = renderSpecZh(join(FIXTURES, 'text', 'zh-Hans'), join(FIXTURES, 'text'), fixtureRegistry.requirements);
  const [first, second] = spec.chapters;

  it('renders the translated chapter, anchors included, with the line under a statement in Chinese', () => {
    expect(first?.untranslated).toBeUndefined();
    expect(first?.title).toBe('第一章');
    expect(first?.body).toContain('<p id="ECDX-TST-001" class="requirement">');
    expect(first?.body).toMatch(/ECDX-TST-001.*类别 <code>/);
    expect(first?.body).toContain('<a href="#chapter-20-second">第二章</a>');
  });

  it("stands in for the missing chapter with a notice and its requirements' Chinese text from the registry", () => {
    expect(second?.untranslated).toBe(true);
    expect(second?.body).toContain('本章尚无中文版本');
    expect(second?.body).toContain('<a href="../spec.html#chapter-20-second" hreflang="en">');
    expect(second?.body).toContain('<p id="ECDX-TST-002" class="requirement"><strong>ECDX-TST-002</strong> 快递企业不应延迟提供轨迹。');
    expect(second?.body).toContain('id="ECDX-TST-003"');
    expect(spec.statements).toEqual(['ECDX-TST-001', 'ECDX-TST-002', 'ECDX-TST-003']);
  });

  it('moves the links to repository files one folder down, and leaves links between pages alone', () => {
    const page = specPage(spec);
    expect(page).toContain('href="../../schemas/json/index.json"');
    expect(page).toContain('href="../spec.html#chapter-20-second"');
    expect(relocate('<a href="spec.html#x"></a><a href="../action.yml"></a><a href="https://ecdx.dev/"></a><a href="#y"></a>')).toBe(
      '<a href="spec.html#x"></a><a href="../../action.yml"></a><a href="https://ecdx.dev/"></a><a href="#y"></a>',
    );
  });
});
