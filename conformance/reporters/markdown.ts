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
  partialPassed,
  partialRunLabel,
  RESULT_STATUSES,
  runDurationMs,
  runNotes,
  scopeFilters,
  scopeText,
  sealLine,
  seedLine,
  STATUS_SYMBOL,
  statusName,
  summaryKey,
  totalOf,
  visibleText,
  waivedCount,
  messageIn,
  waiverLine,
  waiverNotes,
  withWaiversLabel,
} from './shared.ts';
import { checkTitle, DEFAULT_LANGUAGE, type Language, type Translate, translator, classTitleIn } from '../i18n/index.ts';
import { checkDescription, descriptionParts } from './descriptions.ts';
import { DEFAULT_DOCS_URL, requirementHref, requirementsToShow, requirementTextNote, requirementTextsInOrder, unknownRequirement } from './requirement-text.ts';

export interface MarkdownOptions {
  /** The specification page requirement ids link to (`<docsUrl>#ECDX-SHP-001`), or a docs site ending in `/`; the published one by default. */
  docsUrl?: string;
  /** The language of the text the report writes itself; English by default. What the checks wrote stays as written. */
  lang?: Language;
}

/** What a section needs besides the result: where requirement ids link to, and the language. */
interface Ctx {
  docsUrl: string;
  lang: Language;
  t: Translate;
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
 * The text of each requirement a result names, as a list: the report's language first, a hard line break (a
 * trailing backslash), the other language. Each list has a lead-in, so that the requirements and the failed
 * assertions stay two lists.
 */
function requirementTexts(r: CheckResult, { docsUrl, lang, t }: Ctx): string[] {
  const shown = requirementsToShow(r);
  if (shown.length === 0) return [];
  const items = shown.map(({ id, requirement }) => {
    const link = requirementLinks([id], docsUrl);
    if (!requirement) return `- ${link}: ${unknownRequirement(lang)}`;
    const [first, second] = requirementTextsInOrder(requirement, lang);
    return `- ${link} ${requirement.level}: ${mdText(first!.text)}\\\n  ${mdText(second!.text)}`;
  });
  return ['', t(shown.length === 1 ? 'md.requirementLead' : 'md.requirementsLead'), '', ...items];
}

/**
 * A check's title in the report's language; in Chinese the English title follows in parentheses, so that a reader
 * can match the check with English documentation and logs.
 */
const titleMd = (r: CheckResult, lang: Language): string => {
  const title = checkTitle(r.checkId, r.title, lang);
  return title === r.title ? `**${mdText(title)}**` : `**${mdText(title)}** (${mdText(r.title)})`;
};

/** What the check does, in the report's language, its code spans kept as code; nothing for a check this version does not know. */
function descriptionMd(r: CheckResult, { lang, t }: Ctx): string[] {
  const description = checkDescription(r, lang);
  if (description === undefined) return [];
  const text = descriptionParts(description)
    .map((part) => (part.code ? mdCode(part.text) : mdText(part.text)))
    .join('');
  return ['', t('md.whatItDoes', { description: text })];
}

function checkSection(r: CheckResult, ctx: Ctx): string[] {
  const { docsUrl, lang, t } = ctx;
  // In Chinese: the Chinese message with the English under it; one the report holds only in English is labelled as the original.
  const { text, translated } = messageIn(r, lang);
  const message =
    lang === 'en'
      ? `> ${mdText(r.message)}`
      : translated
        ? `> ${mdText(text)}\\\n> ${mdText(r.message)}`
        : `> ${t('label.originalMessage')}：${mdText(r.message)}`;
  const lines = [
    `### ${STATUS_SYMBOL[r.status]} ${statusName(r.status, lang)}: ${mdCode(r.checkId)}`,
    '',
    t('md.checkLine', { title: titleMd(r, lang), class: mdCode(r.class), level: r.level, requirements: requirementLinks(r.requirementIds, docsUrl) }),
    ...descriptionMd(r, ctx),
    '',
    message,
    ...(r.waiver ? ['', `${STATUS_SYMBOL.waived} ${t('md.waiver', { line: mdText(waiverLine(r.waiver, lang)) })}`] : []),
    ...requirementTexts(r, ctx),
  ];
  const failedAssertions = r.evidence.filter((e) => e.kind === 'assertion' && !e.passed);
  if (failedAssertions.length > 0) lines.push('', t('md.assertionsLead'), '');
  for (const e of failedAssertions) {
    if (e.kind !== 'assertion') continue;
    const where = e.pointer ? t('md.at', { pointer: mdCode(e.pointer) }) : '';
    const req = e.requirementId ? ` (${requirementLinks([e.requirementId], docsUrl)})` : '';
    lines.push(`- ${STATUS_SYMBOL.failed} ${mdText(messageIn(e, lang).text)}${where}${req}`);
  }
  const exchanges = r.evidence.filter((e) => e.kind === 'http');
  const last = exchanges.at(-1);
  if (last?.kind === 'http') {
    const outcome = last.response ? `${last.response.status}` : t('md.noResponse', { why: mdText(last.error ?? t('md.unknown')) });
    lines.push('', t('md.lastExchange', { request: mdCode(`${last.request.method} ${last.request.url}`), outcome, n: exchanges.length }));
  }
  lines.push('');
  return lines;
}

/** The verdict, or for a narrowed run the partial-run label with its filters and whether what ran passed. */
function verdictLine(report: ConformanceReport, lang: Language, t: Translate): string {
  const checks = t('md.checks', { n: totalOf(report.summary) });
  const problems = t('verdict.problemCounts', { failed: report.summary.failed, error: report.summary.error, pre: report.summary.preconditionFailed });
  if (report.verdict === 'partial') {
    const outcome = partialPassed(report) ? t('verdict.partialPassed') : t('verdict.partialFailed', { why: problems });
    return t('md.verdict.partial', { label: partialRunLabel(lang), filters: mdCode(scopeFilters(report.scope)), outcome, checks });
  }
  if (report.verdict === 'conformant-with-waivers')
    return t('md.verdict.withWaivers', { label: withWaiversLabel(lang), why: t('verdict.withWaiversWhy', { n: report.summary.waived }), checks });
  if (report.conformant) return t('md.verdict.conformant', { label: t('verdict.Conformant'), why: t('verdict.conformantWhy'), checks });
  const executed = report.results.some((r) => r.status !== 'skipped');
  return t('md.verdict.notConformant', { label: t('verdict.NotConformant'), why: executed ? problems : t('verdict.nothingExecuted'), checks });
}

export function renderMarkdown(input: ConformanceReport, options: MarkdownOptions = {}): string {
  const report = redactReport(input);
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const t = translator(lang);
  const ctx: Ctx = { docsUrl: options.docsUrl ?? DEFAULT_DOCS_URL, lang, t };
  const semi = lang === 'en' ? '; ' : '；';
  const total = totalOf(report.summary);
  const out: string[] = [`# ${t('report.title')}`, ''];

  out.push(verdictLine(report, lang, t), '');

  const facts = claimFacts(report.claim);
  let claim: string;
  if (!facts) claim = t(report.claim === null ? 'label.claimUnreadable' : 'label.claimNotObject');
  else {
    const who = facts.party ? `${mdText(facts.party)}${facts.carrierCode ? ` (${mdText(facts.carrierCode)})` : ''}` : t('label.unnamedParty');
    const parts = [who];
    if (facts.role) parts.push(t('label.roleOf', { role: mdText(facts.role) }));
    if (facts.ecdxVersion) parts.push(`ECDX ${mdText(facts.ecdxVersion)}`);
    parts.push(t('label.classes', { list: facts.classes.length > 0 ? facts.classes.map(mdText).join(', ') : t('label.none') }));
    parts.push(t('label.testMode', { answer: t(facts.testMode ? 'label.yes' : 'label.no') }));
    claim = parts.join(semi);
  }
  out.push(
    ...table(
      ['', ''],
      [
        [t('label.target'), mdCode(report.target.url)],
        [t('label.role'), report.target.role],
        [t('label.claim'), claim],
        [t('label.scope'), scopeText(report, mdCode, lang)],
        [t('label.classesTested'), report.classes.length > 0 ? report.classes.map(mdText).join(', ') : t('label.none')],
        [t('label.specification'), t('label.specWithHash', { version: mdText(report.specVersion), hash: mdCode(report.specSha256) })],
        [t('label.harness'), mdText(report.harnessVersion)],
        ...(report.certification ? [[t('label.certification'), t('label.certificationYes')] as [string, string]] : []),
        ...(report.provenance
          ? [
              [
                t('label.ranWith'),
                t('label.ranWithDigests', {
                  openapi: mdCode(report.provenance.openapiSha256),
                  schemas: mdCode(report.provenance.schemasSha256),
                  n: report.provenance.checkCount,
                  checkSet: mdCode(report.provenance.checkSetSha256),
                }),
              ] as [string, string],
              [t('label.generatedCases'), mdText(seedLine(report, lang) ?? '')] as [string, string],
            ]
          : []),
        [t('label.seal'), mdText(sealLine(report, lang))],
        ...waiverNotes(report, lang).map((note): [string, string] => [t('label.waivers'), mdText(note)]),
        [t('label.run'), `${mdText(report.startedAt)} → ${mdText(report.finishedAt)} (${formatDuration(runDurationMs(report))})`],
        ...[...runNotes(report, lang), ...requirementTextNote(report, lang)].map((note): [string, string] => [t('label.note'), mdText(note)]),
      ],
      ['l', 'l'],
    ),
    '',
  );

  out.push(`## ${t('heading.summary')}`, '');
  out.push(
    ...table(
      [...RESULT_STATUSES.map((s) => `${STATUS_SYMBOL[s]} ${statusName(s, lang)}`), t('label.total')],
      [[...RESULT_STATUSES.map((s) => String(report.summary[summaryKey(s)])), String(total)]],
      [...RESULT_STATUSES.map(() => 'r' as const), 'r'],
    ),
    '',
  );

  out.push(`## ${t('heading.byClass')}`, '');
  out.push(
    ...table(
      [t('label.class'), ...RESULT_STATUSES.map((s) => statusName(s, lang)), t('label.total')],
      classBreakdown(report).map((row) => [
        // In Chinese the class's Chinese title follows its name, as the HTML report shows it: the names are English words.
        `${mdCode(row.name)}${lang !== 'en' && row.title ? ` ${mdText(classTitleIn(row.name, row.title, lang))}` : ''}${row.state === 'tested' ? '' : ` (${classStateLabel(row.state, report, lang)})`}`,
        ...RESULT_STATUSES.map((s) => String(row.counts[summaryKey(s)])),
        String(row.total),
      ]),
      ['l', ...RESULT_STATUSES.map(() => 'r' as const), 'r'],
    ),
    '',
  );

  const problems = report.results.filter(isProblem);
  out.push(`## ${t('heading.failures')}`, '');
  if (problems.length === 0) {
    const executed = report.results.some((r) => r.status !== 'skipped');
    const passed = t(report.verdict === 'partial' ? 'md.nonePassedPartial' : 'md.nonePassed');
    const none = report.summary.waived > 0 ? t('md.noneUnwaived', { waived: waivedCount(report, lang) }) : passed;
    out.push(executed ? none : t('md.noneExecuted'), '');
  }
  for (const r of problems) out.push(...checkSection(r, ctx));

  const waived = report.results.filter((r) => r.status === 'waived');
  if (waived.length > 0) {
    out.push(`## ${t('heading.waived')}`, '');
    for (const r of waived) out.push(...checkSection(r, ctx));
  }

  const warnings = report.results.filter((r) => r.status === 'warning');
  if (warnings.length > 0) {
    out.push(`## ${t('heading.warnings')}`, '');
    for (const r of warnings) out.push(...checkSection(r, ctx));
  }

  if (report.claim !== null) {
    out.push(
      `<details><summary>${t('md.claimAsServed')}</summary>`,
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
