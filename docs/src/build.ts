// The documentation site: `npm run docs` (tsx scripts/generate.ts docs) writes docs/*.html from the project's
// sources — the normative chapters, the requirements registry, the schemas, the status mapping and the OpenAPI
// document. Every page is self-contained (inline CSS and script, no network) and the build is deterministic, so
// the committed pages can be checked for staleness byte for byte.
import { apiPage } from './pages/api.ts';
import { ciPage } from './pages/ci.ts';
import { conformancePage } from './pages/conformance.ts';
import { indexPage } from './pages/index.ts';
import { monitoringPage } from './pages/monitoring.ts';
import { requirementsPage } from './pages/requirements.ts';
import { schemasPage } from './pages/schemas.ts';
import { renderSpec, specPage } from './pages/spec.ts';
import { statusMappingPage } from './pages/status-mapping.ts';
import type { PageFile } from './layout.ts';

/** Every built page, keyed by its path relative to the project root. */
export async function generateDocs(): Promise<Map<string, string>> {
  // Redocly runs in a child process: most of the build's time.
  const [api, statusMapping, monitoring] = await Promise.all([apiPage(), statusMappingPage(), monitoringPage()]);
  const spec = renderSpec();
  const stated = new Set(spec.statements);
  const pages: Record<PageFile, string> = {
    'index.html': indexPage({ chapters: spec.chapters.length, statements: stated.size }),
    'spec.html': specPage(spec),
    'requirements.html': requirementsPage(stated),
    'api.html': api,
    'schemas.html': schemasPage(stated),
    'status-mapping.html': statusMapping,
    'conformance.html': conformancePage(),
    'ci.html': ciPage(),
    'monitoring.html': monitoring,
  };
  return new Map(Object.entries(pages).map(([file, content]) => [`docs/${file}`, content]));
}
