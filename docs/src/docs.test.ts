// The documentation site: every page is built, self-contained and linked; the renderer anchors every requirement
// statement; the API reference builds offline and deterministically. Staleness of the committed pages is
// scripts/generated.test.ts's job, not this file's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry, registry } from '../../spec/registry.ts';
import { generateDocs } from './build.ts';
import { langDir, LANGS, ROOT, SITE_PAGES } from './layout.ts';
import { API_TITLE, buildApiReference } from './pages/api.ts';
import { FILTER_SCRIPT, requirementsPage } from './pages/requirements.ts';
import { chapterFiles, renderSpec, TEXT_DIR } from './pages/spec.ts';
import { statusMappings } from '../../schemas/src/status-mapping.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
/** The statement form of spec/registry.test.ts, read independently of the renderer under test. */
const STATEMENT = /^(?:[-*] |\d+\. )?\*\*(ECDX-[A-Z]{3}-\d{3})\*\*/gm;

const decode = (value: string): string => value.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
const ids = (page: string): string[] => [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!));
const hrefs = (page: string): string[] => [...page.matchAll(/\shref="([^"]*)"/g)].map((m) => decode(m[1]!));
const titleOf = (page: string): string | undefined => /<title>([^<]+)<\/title>/.exec(page)?.[1]?.trim();

/**
 * Everything a browser would fetch from the network when showing the page: src/href/data/srcset/poster of
 * elements that load a resource (script, stylesheet, font preload, image, frame, media), CSS `url()` and
 * `@import`. Plain `<a href>` links to other sites are navigation, not loading, and are not counted.
 */
function externalResources(page: string): string[] {
  const found: string[] = [];
  const remote = /^\s*(https?:)?\/\//i;
  for (const tag of page.matchAll(/<(script|link|img|iframe|frame|source|video|audio|embed|object|track|image|use)\b[^>]*>/gi)) {
    for (const attr of tag[0].matchAll(/\s(src|href|data|srcset|poster|xlink:href)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const value = attr[3] ?? attr[4] ?? attr[5] ?? '';
      if (remote.test(value) || value.split(',').some((part) => remote.test(part))) found.push(`${tag[1]} ${attr[1]}=${value}`);
    }
  }
  for (const m of page.matchAll(/url\(\s*['"]?((https?:)?\/\/[^)'"]+)/gi)) found.push(`css url(${m[1]})`);
  for (const m of page.matchAll(/@import\s+(url\()?\s*['"]?((https?:)?\/\/[^)'";]+)/gi)) found.push(`css @import ${m[2]}`);
  return found;
}

describe('the built site', () => {
  let site: Map<string, string>;
  beforeAll(async () => {
    site = await generateDocs();
  });
  const built = (file: string): string => {
    const page = site.get(`docs/${file}`);
    if (page === undefined) throw new Error(`docs/${file} is not built`);
    return page;
  };
  /**
   * The hand-built pages, relative to docs/, in both languages; the English api.html is Redocly's single-page
   * application with its own routing (the Chinese one is the hand-built operation guide).
   */
  const ownPages = LANGS.flatMap((lang) => SITE_PAGES.map((p) => `${langDir(lang)}/${p.file}`.slice('docs/'.length)).filter((f) => f !== 'api.html'));

  it('builds exactly the pages of the navigation in each language, and each is committed', () => {
    expect([...site.keys()].sort()).toEqual(LANGS.flatMap((lang) => SITE_PAGES.map((p) => `${langDir(lang)}/${p.file}`)).sort());
    for (const path of site.keys()) expect(existsSync(join(ROOT, path)), `${path} exists (run npm run docs)`).toBe(true);
  });

  it('gives every page a doctype, a language and a title', () => {
    for (const [path, page] of site) {
      expect(page.slice(0, 15).toLowerCase(), path).toBe('<!doctype html>');
      expect(page, path).toMatch(path.startsWith('docs/zh-Hans/') ? /<html lang="zh-Hans">/ : /<html lang="en">/);
      expect(titleOf(page), `${path} has a title`).toBeTruthy();
    }
  });

  it('loads no external resource on any page', () => {
    for (const [path, page] of site) expect(externalResources(page), path).toEqual([]);
  });

  it('forbids network fetches in the hand-built pages with a Content-Security-Policy', () => {
    for (const file of ownPages) expect(built(file), file).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none';`);
  });

  it('links the landing page to every other page, in each language', () => {
    for (const index of ['index.html', 'zh-Hans/index.html']) {
      const links = new Set(hrefs(built(index)));
      for (const { file } of SITE_PAGES.filter((p) => p.file !== 'index.html')) expect(links.has(file), `${index} links to ${file}`).toBe(true);
    }
  });

  it('uses every id once per page', () => {
    for (const file of ownPages) {
      const list = ids(built(file));
      const twice = list.filter((id, i) => list.indexOf(id) !== i);
      expect(twice, `${file} repeats ids`).toEqual([]);
    }
  });

  it('has no broken link between its pages, to an anchor, or to a file of the repository', () => {
    const anchors = new Map([...site].map(([path, page]) => [path.slice('docs/'.length), new Set(ids(page))]));
    const broken: string[] = [];
    for (const file of ownPages) {
      for (const href of hrefs(built(file))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // other sites: navigation, not checked offline
        const [path = '', fragment] = href.split('#', 2);
        // Relative to the page's folder: a Chinese page stands in docs/zh-Hans/.
        const target = path === '' ? file : posix.normalize(posix.join(posix.dirname(file), path));
        if (anchors.has(target)) {
          if (fragment && target !== 'api.html' && !anchors.get(target)!.has(fragment)) broken.push(`${file}: ${href}`);
        } else if (!existsSync(join(ROOT, 'docs', target))) {
          broken.push(`${file}: ${href} (no such file)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('lists every registered requirement in the matrix', () => {
    const page = built('requirements.html');
    for (const r of registry().requirements) expect(page, r.id).toContain(`<tr id="${r.id}"`);
  });

  it('anchors every requirement stated in spec/text in spec.html', () => {
    const page = new Set(ids(built('spec.html')));
    for (const file of chapterFiles()) {
      for (const m of readFileSync(join(TEXT_DIR, file), 'utf8').matchAll(STATEMENT)) {
        expect(page.has(m[1]!), `${m[1]} (${file}) has an anchor in spec.html`).toBe(true);
      }
    }
  });

  it('shows every published status mapping', async () => {
    const mappings = statusMappings;
    const page = built('status-mapping.html');
    for (const m of mappings) expect(page, `${m.source} ${m.code}`).toContain(`id="${m.source}-${m.code}"`);
  });

  it('ships a filter script that parses', () => {
    expect(() => new Script(FILTER_SCRIPT)).not.toThrow();
  });
});

describe('the requirements filter script', () => {
  /** Just enough of a DOM for the script: three rows, the filter fields, the count. */
  function run(values: Record<string, string>) {
    const row = (id: string, level: string, cls: string, role: string, clauses: string, text: string) => ({
      id,
      hidden: false,
      textContent: `${id} ${text}`,
      dataset: { level, class: cls, role, area: id.split('-')[1], clauses },
    });
    const rows = [
      row('ECDX-TST-001', 'MUST', 'carrier-shipping', 'carrier', 'OP-01', 'accept shipping data 寄递数据'),
      row('ECDX-TST-002', 'SHOULD NOT', 'carrier-tracking-pull', 'carrier', 'OP-02 OP-06', 'delay the trajectory'),
      row('ECDX-TST-003', 'MAY', 'core', 'both', 'OP-05', 'publish the claim'),
    ];
    const fields = Object.fromEntries(['q', 'level', 'area', 'class', 'role', 'clause'].map((n) => [n, { value: values[n] ?? '' }]));
    const listeners: (() => void)[] = [];
    const shown = { textContent: '' };
    const box = {
      hidden: true,
      querySelector: (selector: string) => fields[/name="(\w+)"/.exec(selector)![1]!],
      addEventListener: (_: string, listener: () => void) => listeners.push(listener),
    };
    const document = {
      getElementById: (id: string) => (id === 'filters' ? box : shown),
      querySelectorAll: () => rows,
    };
    new Script(FILTER_SCRIPT).runInNewContext({ document });
    return { visible: rows.filter((r) => !r.hidden).map((r) => r.id), shown: shown.textContent, boxHidden: box.hidden };
  }

  it('shows the box and every row when no field is set', () => {
    expect(run({})).toEqual({ visible: ['ECDX-TST-001', 'ECDX-TST-002', 'ECDX-TST-003'], shown: '3 of 3 shown', boxHidden: false });
  });

  it('narrows by every field, words in any case and Chinese included', () => {
    expect(run({ q: 'SHIPPING 寄递' }).visible).toEqual(['ECDX-TST-001']);
    expect(run({ level: 'SHOULD NOT' }).visible).toEqual(['ECDX-TST-002']);
    expect(run({ clause: 'OP-06' }).visible).toEqual(['ECDX-TST-002']);
    expect(run({ class: 'core' }).visible).toEqual(['ECDX-TST-003']);
    expect(run({ role: 'platform' }).visible).toEqual(['ECDX-TST-003']);
    expect(run({ role: 'carrier', q: 'claim' }).visible).toEqual(['ECDX-TST-003']);
    expect(run({ q: 'nothing matches this' })).toMatchObject({ visible: [], shown: '0 of 3 shown' });
  });
});

describe('the specification renderer (fixtures)', () => {
  const fixtureRegistry = loadRegistry(join(FIXTURES, 'requirements'));
  const spec = renderSpec(join(FIXTURES, 'text'), fixtureRegistry.requirements);
  const body = spec.chapters.map((c) => c.body).join('\n');

  it('anchors statements in paragraphs and in list items', () => {
    expect(spec.statements).toEqual(['ECDX-TST-001', 'ECDX-TST-002', 'ECDX-TST-003']);
    expect(body).toContain('<p id="ECDX-TST-001" class="requirement">');
    expect(body).toContain('<li id="ECDX-TST-002" class="requirement">');
    expect(body).toMatch(/ECDX-TST-003.*<span class="req-meta"><span class="level level-MAY">MAY<\/span>/);
  });

  it('links requirement ids in running text and leaves other links alone', () => {
    expect(body).toContain('<a href="#ECDX-TST-003" class="req-id">ECDX-TST-003</a> in passing');
    expect(body).toContain('mentions <a href="#ECDX-TST-001">ECDX-TST-001</a>');
  });

  it('rewrites links between chapters and to repository files for the page in docs/', () => {
    expect(body).toContain('<a href="#chapter-20-second">the second chapter</a>');
    expect(body).toContain('<a href="#pushes">its pushes</a>');
    expect(body).toContain('<a href="../schemas/json/index.json">schemas</a>');
  });

  it('gives headings GitHub-style ids, distinct when repeated, one level down', () => {
    expect(body).toContain('<h2 id="first-chapter">First chapter</h2>');
    expect(body).toContain('<h3 id="shipping">Shipping</h3>');
    expect(body).toContain('<h3 id="shipping-1">Shipping</h3>');
  });

  it('escapes markup in requirement texts from the registry', () => {
    const page = requirementsPage(new Set(spec.statements), fixtureRegistry);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<tr id="ECDX-TST-002" data-level="SHOULD NOT"');
  });
});

describe('the API reference', () => {
  it('builds from an OpenAPI 3.1 document offline, self-contained and byte-identical from run to run', async () => {
    const fixture = join(FIXTURES, 'openapi.yaml');
    const [first, second] = await Promise.all([buildApiReference(fixture), buildApiReference(fixture)]);
    expect(first === second, 'two builds are byte-identical').toBe(true);
    expect(titleOf(first)).toBe(API_TITLE);
    expect(first).toContain('getHealth');
    expect(first).toContain('"disableTelemetry":true');
    expect(first).not.toContain('"disableTelemetry":false');
    expect(externalResources(first)).toEqual([]);
  });
});

describe('the design decision records', () => {
  it('lists every record in docs/decisions/README.md', () => {
    const dir = join(ROOT, 'docs', 'decisions');
    const index = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const record of readdirSync(dir).filter((f) => /^\d{4}-.+\.md$/.test(f))) {
      expect(index, `README.md links ${record}`).toContain(`](${record})`);
    }
  });
});

// Optional: a real browser opens the committed pages from disk. Runs only where Chromium and playwright-core are
// installed (neither is a dependency of the project); everywhere else it is skipped.
const CHROMIUM = '/usr/bin/chromium';
const playwrightAvailable = ((): boolean => {
  try {
    createRequire(import.meta.url).resolve('playwright-core');
    return existsSync(CHROMIUM);
  } catch {
    return false;
  }
})();

interface BrowserPage {
  route(pattern: string, handler: (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => Promise<void>): Promise<void>;
  on(event: 'pageerror' | 'console', handler: (value: { message?: string; type?: () => string; text?: () => string }) => void): void;
  goto(url: string, options?: { waitUntil?: 'load' }): Promise<unknown>;
  title(): Promise<string>;
  fill(selector: string, value: string): Promise<void>;
  locator(selector: string): { count(): Promise<number> };
}
interface Browser {
  newPage(): Promise<BrowserPage>;
  close(): Promise<void>;
}

describe.skipIf(!playwrightAvailable)('the pages in a browser (headless Chromium)', () => {
  it('opens index.html and requirements.html from disk without a network request or a script error', async () => {
    // A computed specifier: playwright-core is optional, so the typechecker must not require it.
    const specifier = 'playwright-core';
    const { chromium } = (await import(specifier)) as { chromium: { launch(options: object): Promise<Browser> } };
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    try {
      const page = await browser.newPage();
      const external: string[] = [];
      const errors: string[] = [];
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        if (/^(file|data|blob|about):/.test(url)) return route.continue();
        external.push(url);
        return route.abort();
      });
      page.on('pageerror', (error) => errors.push(error.message ?? 'page error'));
      page.on('console', (message) => {
        if (message.type?.() === 'error') errors.push(message.text?.() ?? 'console error');
      });
      const open = (file: string) => page.goto(pathToFileURL(join(ROOT, 'docs', file)).href, { waitUntil: 'load' });

      await open('index.html');
      expect(await page.title()).toContain('ECDX');
      await open('requirements.html');
      const first = registry().requirements[0];
      if (first) {
        await page.fill('#filters input[name="q"]', first.id);
        expect(await page.locator('#matrix tbody tr:visible').count()).toBeGreaterThanOrEqual(1);
        await page.fill('#filters input[name="q"]', 'no requirement says this 无此要求');
        expect(await page.locator('#matrix tbody tr:visible').count()).toBe(0);
      }
      await open('api.html');
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
