// JUnit XML for CI systems: one testsuite per conformance class, one testcase per check. A CI dashboard must say
// what the exit code says, so a testcase is red exactly when its check fails the run (a MUST check that failed,
// errored or was blocked): failed and precondition-failed are <failure type="failed|precondition-failed">, error
// is <error type="error">; only a check of a class not claimed is <skipped>. A SHOULD check that was not met,
// errored or was blocked passes with a note in <system-out>, as the exit code does.
import junitModule from 'junit-report-builder';
import type { Builder, TestCase } from 'junit-report-builder';
import { redactReport } from '../harness/redact.ts';
import type { CheckResult, ConformanceReport, Evidence } from '../harness/report.ts';
import { CHECK_TITLES_ZH, hasChineseTitle } from '../i18n/index.ts';
import {
  BLOCKED_SYMBOL,
  classBreakdown,
  partialPassed,
  resultsOfClass,
  STATUS_SYMBOL,
  scopeFilters,
  statusLine,
  verdict,
  visibleText,
  waiverLine,
} from './shared.ts';

// The package is CommonJS (`module.exports = builder`) but its types declare an ES default export: under Node the
// default import is the builder itself, under a bundler's interop it may sit on `.default`.
const junitRoot = ((junitModule as unknown as { default?: Builder }).default ?? junitModule) as unknown as Builder;

/** How much of a response body a failure quotes; the full evidence is in report.json and report.html. */
const BODY_EXCERPT = 2000;

/**
 * Makes text safe for XML 1.0 and for a terminal that shows the file: controls and bidi overrides as escapes
 * (`visibleText`), and what XML still cannot carry (lone surrogates, U+FFFE, U+FFFF) as U+FFFD.
 */
export const xmlSafe = (text: string): string => visibleText(text).replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');

/**
 * Makes text safe for CDATA as well: `]]>` becomes `]] >`, because the builder splits only the first `]]>` of
 * CDATA content and evidence may hold several.
 */
export const cdataSafe = (text: string): string => xmlSafe(text).replaceAll(']]>', ']] >');

/** The name of a testcase: `checkId (ECDX-XXX-001, ECDX-XXX-002)`. */
export const testCaseName = (r: CheckResult): string => `${r.checkId} (${r.requirementIds.join(', ')})`;

const indent = (text: string, by: string): string => text.replace(/^/gm, by);

function evidenceText(evidence: readonly Evidence[]): string[] {
  const lines: string[] = [];
  for (const e of evidence) {
    if (e.kind === 'assertion') {
      const where = e.pointer ? ` (at ${e.pointer})` : '';
      const req = e.requirementId ? ` [${e.requirementId}]` : '';
      lines.push(`${e.passed ? STATUS_SYMBOL.passed : STATUS_SYMBOL.failed} ${e.message}${where}${req}`);
      continue;
    }
    if (e.kind === 'blocked') {
      lines.push(`${BLOCKED_SYMBOL} not taken: ${e.message}${e.requirementId ? ` [${e.requirementId}]` : ''}`);
      continue;
    }
    const arrow = e.direction === 'to-target' ? 'harness → target' : 'target → harness';
    lines.push(`${arrow}: ${e.request.method} ${e.request.url}`);
    if (e.response) {
      lines.push(`  ${statusLine(e.response.status)} (${Math.round(e.durationMs)} ms)`);
      for (const [name, value] of Object.entries(e.response.headers)) lines.push(`    ${name}: ${value}`);
      if (e.response.body) {
        const body = e.response.body.length > BODY_EXCERPT ? `${e.response.body.slice(0, BODY_EXCERPT)} …` : e.response.body;
        lines.push(indent(body, '    '));
      }
    } else {
      lines.push(`  no response: ${e.error ?? 'unknown'} (${Math.round(e.durationMs)} ms)`);
    }
  }
  return lines;
}

/** The text of a failure, an error or a warning: what the check is, why it ended so, and its evidence. */
export function failureDetails(r: CheckResult): string {
  const chinese = r.translations?.['zh-Hans']?.message;
  return [
    `${r.title}`,
    `${r.status}: ${r.message}`,
    ...(chinese === undefined ? [] : [`zh-Hans: ${chinese}`]),
    `requirements: ${r.requirementIds.join(', ')} (${r.level})`,
    '',
    ...evidenceText(r.evidence),
  ].join('\n');
}

/** `<skipped/>` with a message: the builder's skipped() takes none, so the element is amended once built. */
function skipWithMessage(testCase: TestCase, message: string): void {
  testCase.skipped();
  const build = testCase.build.bind(testCase);
  testCase.build = (parent) => {
    const element = build(parent);
    for (const child of element.children) {
      const node = child as unknown as { name?: unknown; att?: (name: string, value: string) => unknown };
      if (node.name === 'skipped' && typeof node.att === 'function') node.att('message', message);
    }
    return element;
  };
}

export function renderJunit(input: ConformanceReport): string {
  const report = redactReport(input);
  // A CI dashboard shows the testsuites name: a narrowed run says there that it is no verdict.
  const partial = report.verdict === 'partial' || report.verdict === 'conformant-with-waivers' ? ` — ${verdict(report)}` : '';
  const builder = junitRoot.newBuilder().name(xmlSafe(`ECDX conformance: ${report.target.url} (${report.target.role})${partial}`));
  for (const row of classBreakdown(report)) {
    const results = resultsOfClass(report, row.name);
    const suite = builder
      .testSuite()
      .name(xmlSafe(row.name))
      .timestamp(xmlSafe(report.startedAt))
      .time(row.durationMs / 1000)
      .property('ecdx.target', xmlSafe(report.target.url))
      .property('ecdx.role', report.target.role)
      .property('ecdx.verdict', report.verdict)
      .property('ecdx.class.tested', String(row.state === 'tested'))
      .property('ecdx.class.state', row.state)
      .property('ecdx.harnessVersion', xmlSafe(report.harnessVersion))
      .property('ecdx.specVersion', xmlSafe(report.specVersion))
      .property('ecdx.specSha256', xmlSafe(report.specSha256))
      .property('ecdx.certification', String(report.certification === true))
      .property('ecdx.waived', String(report.summary.waived))
      .property('ecdx.sealed', String(report.seal !== undefined));
    if (report.provenance) suite.property('ecdx.seed', String(report.provenance.seed));
    if (report.verdict === 'partial') {
      suite.property('ecdx.scope', xmlSafe(scopeFilters(report.scope))).property('ecdx.partialRunPassed', String(partialPassed(report)));
    }
    for (const r of results) {
      const testCase = suite
        .testCase()
        .className(xmlSafe(r.class))
        .name(xmlSafe(testCaseName(r)))
        .time(r.durationMs / 1000)
        // The name stays the stable id a CI system tracks across runs; the title is carried in both languages.
        .property('ecdx.title', xmlSafe(r.title));
      if (hasChineseTitle(r.checkId)) testCase.property('ecdx.title.zh-Hans', xmlSafe(CHECK_TITLES_ZH[r.checkId]!));
      // The message too, where the report carries it in Chinese (decision 0062); <failure message> stays English.
      const chinese = r.translations?.['zh-Hans']?.message;
      if (chinese !== undefined && r.status !== 'passed') testCase.property('ecdx.message.zh-Hans', xmlSafe(chinese));
      switch (r.status) {
        case 'passed':
          break;
        case 'warning':
          testCase.standardOutput(cdataSafe(`warning (SHOULD not met): ${failureDetails(r)}`));
          break;
        case 'failed':
        case 'precondition-failed':
        case 'error':
          if (r.level === 'SHOULD') testCase.standardOutput(cdataSafe(`${r.status} (SHOULD check, does not fail the run): ${failureDetails(r)}`));
          // A blocked MUST check is the target's: it did not let the harness reach what the requirement needs, and
          // the run fails for it, so it is a failure of its own type. <error> is JUnit's "the test itself could
          // not run", which is what `error` means: the harness could not decide.
          else if (r.status === 'error') testCase.error(xmlSafe(r.message), 'error', cdataSafe(failureDetails(r)));
          else testCase.failure(xmlSafe(r.message), r.status).stacktrace(cdataSafe(failureDetails(r)));
          break;
        case 'waived':
          // Waived does not fail the run, so the testcase passes, and says what it really was and who accepted it.
          testCase
            .standardOutput(cdataSafe(`waived (${r.waiver ? waiverLine(r.waiver) : 'no waiver recorded'}): ${failureDetails(r)}`))
            .property('ecdx.status', 'waived');
          break;
        case 'skipped':
          skipWithMessage(testCase, xmlSafe(`skipped: ${r.message}`));
          break;
      }
    }
  }
  return `${builder.build()}\n`;
}
