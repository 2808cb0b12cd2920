// The reporters, by format, and `writeReports`, which the CLI calls once a run has ended. Every reporter renders
// a ConformanceReport (conformance/harness/report.ts) to one file, redacted first (redactReport: a report built
// or edited outside the harness leaks nothing either); the console reporter's file is the plain-text summary
// that ConsoleProgress prints at the end of a live run.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ConformanceReport } from '../harness/report.ts';
import type { Language } from '../i18n/index.ts';
import { renderConsoleText } from './console.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { docsUrlProblem } from './requirement-text.ts';

export { ConsoleProgress } from './console.ts';
export { DEFAULT_DOCS_URL, docsUrlProblem } from './requirement-text.ts';
export type { Language } from '../i18n/index.ts';

export const REPORT_FORMATS = ['console', 'json', 'junit', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The formats `writeReports` writes when none are named: the console's summary is printed, not written. */
export const DEFAULT_FORMATS: readonly ReportFormat[] = ['json', 'junit', 'html', 'md'];

export interface RenderOptions {
  /**
   * The specification page requirement ids link to in HTML and Markdown (`<docsUrl>#ECDX-SHP-001`), or a copy of
   * the docs site ending in `/`; DEFAULT_DOCS_URL, the published specification of this version, by default.
   */
  docsUrl?: string;
  /**
   * The language of the text the console summary, Markdown and HTML write themselves: 'en' (the default) or
   * 'zh-Hans'. JUnit and report.json keep their stable ids in every language (JUnit carries the Chinese title as a
   * property); what the checks wrote (their messages) stays as written.
   */
  lang?: Language;
}

export interface Reporter {
  readonly format: ReportFormat;
  /** The file name `writeReports` uses in the report directory. */
  readonly fileName: string;
  readonly mediaType: string;
  render(report: ConformanceReport, options?: RenderOptions): string;
}

export const reporters: Readonly<Record<ReportFormat, Reporter>> = {
  console: {
    format: 'console',
    fileName: 'summary.txt',
    mediaType: 'text/plain; charset=utf-8',
    render: (report, options) => renderConsoleText(report, options?.lang),
  },
  json: { format: 'json', fileName: 'report.json', mediaType: 'application/json', render: (report) => renderJson(report) },
  junit: { format: 'junit', fileName: 'junit.xml', mediaType: 'application/xml', render: (report) => renderJunit(report) },
  html: { format: 'html', fileName: 'report.html', mediaType: 'text/html; charset=utf-8', render: (report, options) => renderHtml(report, options) },
  md: { format: 'md', fileName: 'report.md', mediaType: 'text/markdown; charset=utf-8', render: (report, options) => renderMarkdown(report, options) },
};

export const isReportFormat = (value: string): value is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(value);

export interface WriteReportsOptions extends RenderOptions {
  /** The directory to write to; created when missing. */
  dir: string;
  /** The formats to write, in order; DEFAULT_FORMATS when absent. A format named twice is written once. */
  formats?: readonly ReportFormat[];
}

/** Renders the report in each format and writes the files; returns their absolute paths, in the order of `formats`. */
export async function writeReports(report: ConformanceReport, options: WriteReportsOptions): Promise<string[]> {
  const formats = [...new Set(options.formats ?? DEFAULT_FORMATS)];
  for (const format of formats) {
    if (!isReportFormat(format)) throw new Error(`unknown report format '${String(format)}' (known: ${REPORT_FORMATS.join(', ')})`);
  }
  const dir = resolve(options.dir);
  // A link that leads nowhere from where the report lies is a report that does not stand alone: refused, not written.
  const problem = options.docsUrl === undefined ? undefined : docsUrlProblem(options.docsUrl, dir);
  if (problem) throw new Error(`docsUrl ${problem}`);
  await mkdir(dir, { recursive: true });
  const renderOptions: RenderOptions = {
    ...(options.docsUrl === undefined ? {} : { docsUrl: options.docsUrl }),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
  };
  const paths: string[] = [];
  for (const format of formats) {
    const reporter = reporters[format];
    const path = join(dir, reporter.fileName);
    await writeFile(path, reporter.render(report, renderOptions), 'utf8');
    paths.push(path);
  }
  return paths;
}
