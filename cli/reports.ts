// Writing the reports of `ecdx test`, whatever happened: a run that ended by its deadline, a report some reporter
// cannot render, a harness that failed. Each format is written on its own, so one that fails never costs the
// others; a format that cannot render the report is written again from a copy without the target's evidence and
// claim, which says so in every check's message; and a harness that threw still leaves a report that says why.
import { HARNESS_VERSION, specSha256, type RunOptions } from '../conformance/harness/runner.ts';
import { summarise, verdictOf, type CheckResult, type ConformanceReport } from '../conformance/harness/report.ts';
import { runScope } from '../conformance/harness/selection.ts';
import { SPEC_VERSION } from '../schemas/src/classes.ts';
import { type Language, writeReports, type ReportFormat } from '../conformance/reporters/index.ts';

export interface WrittenReports {
  /** The files written, in the order of the formats. */
  paths: string[];
  /** What went wrong on the way, one sentence each (empty when nothing did). */
  problems: string[];
}

type Write = typeof writeReports;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);

/** The report without what the target sent (evidence, claim), for a reporter that could not render the whole. */
function withoutEvidence(report: ConformanceReport, why: string): ConformanceReport {
  const strip = (r: CheckResult): CheckResult => {
    const { omittedEvidence: _omitted, ...rest } = r;
    return { ...rest, evidence: [], message: `${r.message.slice(0, 500)} (evidence not shown: ${why})` };
  };
  const { fixtures: _fixtures, ...rest } = report;
  return { ...rest, results: report.results.map(strip), claim: null };
}

/** Write each format; one that cannot render the report is written without the target's evidence. */
export async function writeEveryReport(
  report: ConformanceReport,
  options: { dir: string; formats: readonly ReportFormat[]; docsUrl?: string; lang?: Language },
  write: Write = writeReports,
): Promise<WrittenReports> {
  const written: WrittenReports = { paths: [], problems: [] };
  const { formats, ...where } = options;
  for (const format of formats) {
    try {
      written.paths.push(...(await write(report, { ...where, formats: [format] })));
    } catch (error) {
      const why = `the ${format} reporter failed on it: ${describe(error)}`;
      try {
        written.paths.push(...(await write(withoutEvidence(report, why), { ...where, formats: [format] })));
        written.problems.push(`${format}: written without evidence, because ${why}`);
      } catch (again) {
        written.problems.push(`${format}: not written: ${describe(again)}`);
      }
    }
  }
  return written;
}

/** The report of a run the harness could not complete at all: no result, and why, in a form every reporter renders. */
export function failedRunReport(options: RunOptions, error: unknown, startedAt: string): ConformanceReport {
  const scope = runScope(options, []);
  return {
    summary: summarise([]),
    conformant: false,
    verdict: verdictOf([], scope),
    scope,
    results: [],
    target: { url: options.target, role: options.role },
    stopped: `the harness failed before any check could report: ${describe(error)}`,
    claim: null,
    classes: [],
    harnessVersion: HARNESS_VERSION,
    specVersion: SPEC_VERSION,
    specSha256: specSha256(),
    startedAt,
    finishedAt: new Date().toISOString(),
    certification: options.certify === true,
  };
}
