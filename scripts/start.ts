// npm start: the main job for a newcomer. Starts the reference mock in-process, runs the whole conformance suite
// against it for both roles, writes the reports to reports/ and prints where the HTML report is.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { startMockServer } from '../mocks/server.ts';
import { runConformance } from '../conformance/index.ts';
import { ConsoleProgress, writeReports } from '../conformance/reporters/index.ts';
import { languageFromLocale, msg } from '../conformance/i18n/index.ts';
import { renderRunIndex } from '../conformance/reporters/run-index.ts';
import { PARTY_ROLES } from '../schemas/src/index.ts';

// The reports in the reader's language, as ecdx test chooses it when no --lang is given: from the locale, else English.
const lang = languageFromLocale(process.env);
const reportDir = join(process.cwd(), 'reports');
mkdirSync(reportDir, { recursive: true });
const runs = [];
let conformant = true;
for (const role of PARTY_ROLES) {
  const server = await startMockServer({ role, port: 0, host: '127.0.0.1' });
  console.log(`\nECDX conformance suite — the reference mock as a ${role} at ${server.url}`);
  const progress = new ConsoleProgress({ lang });
  try {
    const report = await runConformance({ target: server.url, role, progress });
    const dir = join(reportDir, role);
    // The checkout has the built docs: the reports link to them, as a path from the report's directory.
    const docsUrl = relative(dir, join(import.meta.dirname, '..', 'docs', 'spec.html'))
      .split(sep)
      .join('/');
    const written = await writeReports(report, { dir, formats: ['json', 'junit', 'html', 'md'], docsUrl, lang });
    progress.end(
      report,
      written.map((p) => relative(process.cwd(), p)),
    );
    runs.push({ report, href: `${role}/report.html` });
    conformant &&= report.conformant;
  } finally {
    progress.stop();
    await server.close();
  }
}
const index = join(reportDir, 'report.html');
writeFileSync(index, renderRunIndex(runs, { title: msg('start.title', lang), lang }));
console.log(
  `\n${msg('start.htmlReport', lang, { verdict: msg(conformant ? 'start.bothConform' : 'start.notConformant', lang), path: relative(process.cwd(), index) })}`,
);
process.exitCode = conformant ? 0 : 1;
