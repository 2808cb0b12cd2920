// The documentation site: `npm run docs` (tsx scripts/generate.ts docs) writes docs/*.html from the project's
// sources — the normative chapters, the requirements registry, the schemas, the status mapping and the OpenAPI
// document — and the same pages in Simplified Chinese to docs/zh-Hans/*.html, from the Chinese chapters and the
// registry's Chinese texts (decision 0057). Every page is self-contained (inline CSS and script, no network) and the
// build is deterministic, so the committed pages can be checked for staleness byte for byte.
import { apiGuidePage } from './pages/api-zh.ts';
import { apiPage } from './pages/api.ts';
import { ciPage } from './pages/ci.ts';
import { conformancePage } from './pages/conformance.ts';
import { glossaryPage } from './pages/glossary.ts';
import { indexPageZh } from './pages/index-zh.ts';
import { indexPage } from './pages/index.ts';
import { monitoringPage } from './pages/monitoring.ts';
import { requirementsPage } from './pages/requirements.ts';
import { schemasPage } from './pages/schemas.ts';
import { renderSpec, renderSpecZh, specPage } from './pages/spec.ts';
import { statusMappingPage } from './pages/status-mapping.ts';
import { langDir, type Lang, type PageFile } from './layout.ts';
import { registry } from '../../spec/registry.ts';

/** Every built page, keyed by its path relative to the project root: docs/<page> and docs/zh-Hans/<page>. */
export async function generateDocs(): Promise<Map<string, string>> {
  // Redocly runs in a child process: most of the build's time.
  const [api, statusMapping, statusMappingZh, monitoring, monitoringZh] = await Promise.all([
    apiPage(),
    statusMappingPage('en'),
    statusMappingPage('zh-Hans'),
    monitoringPage('en'),
    monitoringPage('zh-Hans'),
  ]);
  const spec = renderSpec();
  const specZh = renderSpecZh();
  const stated = new Set(spec.statements);
  const facts = { chapters: spec.chapters.length, statements: stated.size };
  const pages: Record<Lang, Record<PageFile, string>> = {
    en: {
      'index.html': indexPage(facts),
      'spec.html': specPage(spec),
      'requirements.html': requirementsPage(stated),
      'api.html': api,
      'schemas.html': schemasPage(stated),
      'status-mapping.html': statusMapping,
      'conformance.html': conformancePage(),
      'ci.html': ciPage(),
      'monitoring.html': monitoring,
      'glossary.html': glossaryPage('en'),
    },
    'zh-Hans': {
      'index.html': indexPageZh(facts),
      'spec.html': specPage(specZh),
      'requirements.html': requirementsPage(stated, registry(), 'zh-Hans'),
      'api.html': apiGuidePage(),
      'schemas.html': schemasPage(stated, 'zh-Hans'),
      'status-mapping.html': statusMappingZh,
      'conformance.html': conformancePage('zh-Hans'),
      'ci.html': ciPage('zh-Hans'),
      'monitoring.html': monitoringZh,
      'glossary.html': glossaryPage('zh-Hans'),
    },
  };
  return new Map(
    (Object.keys(pages) as Lang[]).flatMap((lang) => Object.entries(pages[lang]).map(([file, content]) => [`${langDir(lang)}/${file}`, content] as const)),
  );
}
