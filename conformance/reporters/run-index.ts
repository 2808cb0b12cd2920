// reports/report.html when one run tests several targets (npm start tests the mock as a carrier and as a
// platform): a self-contained page with each run's verdict and counts, linking to each run's full report.
import { redactReport } from '../harness/redact.ts';
import type { ConformanceReport } from '../harness/report.ts';
import { DEFAULT_LANGUAGE, type Language, msg } from '../i18n/index.ts';
import { countsLine, escapeHtml as escapeMarkup, verdict, visibleText } from './shared.ts';

/** Report text as page text: controls and bidi overrides as escapes, then markup escaped. */
const escapeHtml = (text: string): string => escapeMarkup(visibleText(text));

export interface IndexedRun {
  report: ConformanceReport;
  /** Path of the run's own report.html, relative to the index page. */
  href: string;
}

/** A run that passes only with waivers is marked apart from a conformant one, never green. */
const rowClass = (report: ConformanceReport): string =>
  report.verdict === 'partial' ? 'partial' : report.verdict === 'conformant-with-waivers' ? 'waived' : report.conformant ? 'ok' : 'bad';

const COLUMNS = [
  'index.roleTested',
  'label.target',
  'index.verdict',
  'index.passed',
  'index.failed',
  'index.warning',
  'index.skipped',
  'index.preconditionFailed',
  'index.error',
  'index.waived',
] as const;

export interface RunIndexOptions {
  /** The page's title; the catalogue's in `lang` by default. */
  title?: string;
  /** The language the page writes its own text in; English by default. */
  lang?: Language;
}

export function renderRunIndex(runs: readonly IndexedRun[], { lang = DEFAULT_LANGUAGE, title = msg('index.title', lang) }: RunIndexOptions = {}): string {
  const rows = runs
    .map(({ report: input, href }) => {
      const report = redactReport(input);
      const s = report.summary;
      return `<tr class="${rowClass(report)}"><td><a href="${escapeHtml(href)}">${escapeHtml(report.target.role)}</a></td><td>${escapeHtml(report.target.url)}</td><td class="verdict">${escapeHtml(verdict(report, lang))}</td><td>${s.passed}</td><td>${s.failed}</td><td>${s.warning}</td><td>${s.skipped}</td><td>${s.preconditionFailed}</td><td>${s.error}</td><td>${s.waived}</td></tr>`;
    })
    .join('\n');
  const lines = runs.map(({ report }) => `<li>${escapeHtml(report.target.role)}: ${escapeHtml(countsLine(report.summary, lang))}</li>`).join('');
  const first = runs[0]?.report;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d2330; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #d9dde5; }
th { background: #f3f5f8; }
tr.ok .verdict { color: #1a7f37; font-weight: 600; }
tr.bad .verdict { color: #c62828; font-weight: 600; }
tr.partial .verdict, tr.waived .verdict { color: #9a6700; font-weight: 600; }
.meta { color: #5b6475; }
</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(msg('index.meta', lang, { harness: first?.harnessVersion ?? '', spec: first?.specVersion ?? '', sha: (first?.specSha256 ?? '').slice(0, 12), finishedAt: first?.finishedAt ?? '' }))}</p>
<table id="summary"><thead><tr>${COLUMNS.map((key) => `<th>${escapeHtml(msg(key, lang))}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>
<ul>${lines}</ul>
<p>${escapeHtml(msg('index.footer', lang))}</p>
</body></html>
`;
}
