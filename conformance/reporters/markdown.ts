// The Markdown summary (for a pull request comment, a CI job summary or a ticket): who was tested against what,
// the counts, the counts per class, then every check that did not pass with its message, requirement ids (linked
// to the specification) and failed assertions. Text from the target is escaped, never interpreted as Markdown.
import { redactReport } from '../harness/redact.ts';
import type { CheckResult, ConformanceReport } from '../harness/report.ts';
import {
  claimFacts,
  classBreakdown,
  classStateLabel,
  formatDuration,
  isProblem,
  PARTIAL_RUN,
  partialPassed,
  RESULT_STATUSES,
  runDurationMs,
  runNotes,
  scopeFilters,
  scopeText,
  sealLine,
  seedLine,
  STATUS_SYMBOL,
  summaryKey,
  totalOf,
  visibleText,
  waivedCount,
  waiverLine,
  waiverNotes,
  WITH_WAIVERS,
} from './shared.ts';
import { DEFAULT_DOCS_URL, requirementHref, requirementsToShow, requirementTextNote, UNKNOWN_REQUIREMENT } from './requirement-text.ts';

export interface MarkdownOptions {
  /** The specification page requirement ids link to (`<docsUrl>#ECDX-SHP-001`), or a docs site ending in `/`; the published one by default. */
  docsUrl?: string;
}

/**
 * Text that renders as itself: HTML-significant characters as entities, Markdown punctuation backslash-escaped,
 * line breaks folded into spaces (so that a table cell or a list item stays one), control characters as escapes.
 */
export const mdText = (text: string): string =>
  visibleText(text.replace(/\r?\n/g, ' '))
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c)
    .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`);

/** A code span that holds any text: the fence is longer than any run of backticks inside; pipes are escaped for tables. */
export const mdCode = (text: string): string => {
  const flat = visibleText(text.replace(/\r?\n/g, ' '));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat.replaceAll('|', '\\|')}${pad}${fence}`;
};

/** A fenced code block that holds any text. */
const mdBlock = (raw: string, lang = ''): string => {
  const text = visibleText(raw);
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
};

const requirementLinks = (ids: readonly string[], docsUrl: string): string =>
  ids.map((id) => `[${mdText(id)}](${requirementHref(id, docsUrl).replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`).join(', ');

const table = (head: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[]): string[] => [
  `| ${head.join(' | ')} |`,
  `|${align.map((a) => (a === 'r' ? '---:' : ':---')).join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

/**
 * The text of each requirement a result names, as a list: the English, a hard line break (a trailing backslash),
 * the Chinese. Each list has a lead-in, so that the requirements and the failed assertions stay two lists.
 */
function requirementTexts(r: CheckResult, docsUrl: string): string[] {
  const shown = requirementsToShow(r);
  if (shown.length === 0) return [];
  const items = shown.map(({ id, requirement }) => {
    const link = requirementLinks([id], docsUrl);
    return requirement
      ? `- ${link} ${requirement.level}: ${mdText(requirement.text.en)}\\\n  ${mdText(requirement.text['zh-Hans'])}`
      : `- ${link}: ${UNKNOWN_REQUIREMENT}`;
  });
  return ['', shown.length === 1 ? 'Requirement:' : 'Requirements:', '', ...items];
}

function checkSection(r: CheckResult, docsUrl: string): string[] {
  const lines = [
    `### ${STATUS_SYMBOL[r.status]} ${r.status}: ${mdCode(r.checkId)}`,
    '',
    `**${mdText(r.title)}** — class ${mdCode(r.class)}, ${r.level}, ${requirementLinks(r.requirementIds, docsUrl)}`,
    '',
    `> ${mdText(r.message)}`,
    ...(r.waiver ? ['', `${STATUS_SYMBOL.waived} Waiver: ${mdText(waiverLine(r.waiver))}`] : []),
    ...requirementTexts(r, docsUrl),
  ];
  const failedAssertions = r.evidence.filter((e) => e.kind === 'assertion' && !e.passed);
  if (failedAssertions.length > 0) lines.push('', 'Assertions that did not hold:', '');
  for (const e of failedAssertions) {
    if (e.kind !== 'assertion') continue;
    const where = e.pointer ? ` at ${mdCode(e.pointer)}` : '';
    const req = e.requirementId ? ` (${requirementLinks([e.requirementId], docsUrl)})` : '';
    lines.push(`- ${STATUS_SYMBOL.failed} ${mdText(e.message)}${where}${req}`);
  }
  const exchanges = r.evidence.filter((e) => e.kind === 'http');
  const last = exchanges.at(-1);
  if (last?.kind === 'http') {
    const outcome = last.response ? `${last.response.status}` : `no response (${mdText(last.error ?? 'unknown')})`;
    lines.push('', `Last exchange: ${mdCode(`${last.request.method} ${last.request.url}`)} → ${outcome}; ${exchanges.length} exchange(s) in the evidence.`);
  }
  lines.push('');
  return lines;
}

/** The verdict, or for a narrowed run the partial-run label with its filters and whether what ran passed. */
function verdictLine(report: ConformanceReport): string {
  const total = totalOf(report.summary);
  const checks = `(${total} check${total === 1 ? '' : 's'})`;
  const problems = `${report.summary.failed} failed, ${report.summary.error} error, ${report.summary.preconditionFailed} precondition-failed`;
  if (report.verdict === 'partial') {
    const outcome = partialPassed(report) ? 'what ran passed, no MUST check failed, errored or was blocked' : `what ran failed, ${problems}`;
    return `**${PARTIAL_RUN}** (${mdCode(scopeFilters(report.scope))}): ${outcome} ${checks}.`;
  }
  if (report.verdict === 'conformant-with-waivers')
    return `**${WITH_WAIVERS}**: no MUST check failed unwaived; ${waivedCount(report)} did not pass and a waiver accepted ${report.summary.waived === 1 ? 'it' : 'them'} ${checks}.`;
  if (report.conformant) return `**Conformant**: no MUST check failed, errored or was blocked by a failed precondition ${checks}.`;
  const executed = report.results.some((r) => r.status !== 'skipped');
  return `**Not conformant**: ${executed ? problems : 'no check was executed'} ${checks}.`;
}

export function renderMarkdown(input: ConformanceReport, options: MarkdownOptions = {}): string {
  const report = redactReport(input);
  const docsUrl = options.docsUrl ?? DEFAULT_DOCS_URL;
  const total = totalOf(report.summary);
  const out: string[] = ['# ECDX conformance report', ''];

  out.push(verdictLine(report), '');

  const facts = claimFacts(report.claim);
  let claim: string;
  if (!facts) claim = report.claim === null ? 'could not be read' : 'not an object';
  else {
    const who = facts.party ? `${mdText(facts.party)}${facts.carrierCode ? ` (${mdText(facts.carrierCode)})` : ''}` : 'unnamed party';
    const parts = [who];
    if (facts.role) parts.push(`role ${mdText(facts.role)}`);
    if (facts.ecdxVersion) parts.push(`ECDX ${mdText(facts.ecdxVersion)}`);
    parts.push(`classes: ${facts.classes.length > 0 ? facts.classes.map(mdText).join(', ') : 'none'}`);
    parts.push(`test mode: ${facts.testMode ? 'yes' : 'no'}`);
    claim = parts.join('; ');
  }
  out.push(
    ...table(
      ['', ''],
      [
        ['Target', mdCode(report.target.url)],
        ['Role', report.target.role],
        ['Claim', claim],
        ['Scope', scopeText(report, mdCode)],
        ['Classes tested', report.classes.length > 0 ? report.classes.map(mdText).join(', ') : 'none'],
        ['Specification', `ECDX ${mdText(report.specVersion)}, requirements SHA-256 ${mdCode(report.specSha256)}`],
        ['Harness', mdText(report.harnessVersion)],
        ...(report.certification ? [['Certification', 'yes: the whole claimed suite, every waiver ignored'] as [string, string]] : []),
        ...(report.provenance
          ? [
              [
                'Ran with',
                `OpenAPI ${mdCode(report.provenance.openapiSha256)}, schemas ${mdCode(report.provenance.schemasSha256)}, ${report.provenance.checkCount} checks ${mdCode(report.provenance.checkSetSha256)}`,
              ] as [string, string],
              ['Generated cases', mdText(seedLine(report) ?? '')] as [string, string],
            ]
          : []),
        ['Seal', mdText(sealLine(report))],
        ...waiverNotes(report).map((note): [string, string] => ['Waivers', mdText(note)]),
        ['Run', `${mdText(report.startedAt)} → ${mdText(report.finishedAt)} (${formatDuration(runDurationMs(report))})`],
        ...[...runNotes(report), ...requirementTextNote(report)].map((note): [string, string] => ['Note', mdText(note)]),
      ],
      ['l', 'l'],
    ),
    '',
  );

  out.push('## Summary', '');
  out.push(
    ...table(
      [...RESULT_STATUSES.map((s) => `${STATUS_SYMBOL[s]} ${s}`), 'total'],
      [[...RESULT_STATUSES.map((s) => String(report.summary[summaryKey(s)])), String(total)]],
      [...RESULT_STATUSES.map(() => 'r' as const), 'r'],
    ),
    '',
  );

  out.push('## By class', '');
  out.push(
    ...table(
      ['class', ...RESULT_STATUSES, 'total'],
      classBreakdown(report).map((row) => [
        `${mdCode(row.name)}${row.state === 'tested' ? '' : ` (${classStateLabel(row.state, report)})`}`,
        ...RESULT_STATUSES.map((s) => String(row.counts[summaryKey(s)])),
        String(row.total),
      ]),
      ['l', ...RESULT_STATUSES.map(() => 'r' as const), 'r'],
    ),
    '',
  );

  const problems = report.results.filter(isProblem);
  out.push('## Failures', '');
  if (problems.length === 0) {
    const executed = report.results.some((r) => r.status !== 'skipped');
    const passed = `None: every MUST check ${report.verdict === 'partial' ? 'that ran ' : ''}passed`;
    const none = report.summary.waived > 0 ? `None unwaived: ${waivedCount(report)} below.` : `${passed}.`;
    out.push(executed ? none : 'None, and no check was executed.', '');
  }
  for (const r of problems) out.push(...checkSection(r, docsUrl));

  const waived = report.results.filter((r) => r.status === 'waived');
  if (waived.length > 0) {
    out.push('## Waived (did not pass, accepted for now)', '');
    for (const r of waived) out.push(...checkSection(r, docsUrl));
  }

  const warnings = report.results.filter((r) => r.status === 'warning');
  if (warnings.length > 0) {
    out.push('## Warnings (SHOULD not met)', '');
    for (const r of warnings) out.push(...checkSection(r, docsUrl));
  }

  if (report.claim !== null) {
    out.push(
      '<details><summary>Conformance claim as served</summary>',
      '',
      mdBlock(JSON.stringify(report.claim, null, 2) ?? 'null', 'json'),
      '',
      '</details>',
      '',
    );
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
