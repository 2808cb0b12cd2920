// What every reporter needs: the result states in their display order with label and symbol, the per-class
// breakdown, a reading of the claim (which is whatever the target served), durations and escaping helpers.
// Each reporter renders the report redacted (redactReport), whoever built it; nothing here changes it.
import { STATUS_CODES } from 'node:http';
import { CLASS_BASE, conformanceClasses, conformanceClassNames } from '../../schemas/src/classes.ts';
import {
  partialRunPassed,
  RESULT_STATUSES,
  type AppliedWaiver,
  type CheckResult,
  type ConformanceReport,
  type ResultStatus,
  type RunScope,
  type Summary,
  type Translations,
} from '../harness/report.ts';
import { DEFAULT_LANGUAGE, type Language, listSeparator, msg } from '../i18n/index.ts';

export { RESULT_STATUSES };
export type { Language };
export type { ResultStatus };

/** The key of a status in `Summary` (`precondition-failed` is counted as `preconditionFailed`). */
export const summaryKey = (status: ResultStatus): keyof Summary => (status === 'precondition-failed' ? 'preconditionFailed' : status);

export const STATUS_SYMBOL: Readonly<Record<ResultStatus, string>> = {
  passed: '✔',
  failed: '✘',
  warning: '⚠',
  skipped: '○',
  'precondition-failed': '⊘',
  error: '‼',
  waived: '⚑',
};

/** A step of a check that could not be taken (evidence of kind `blocked`). */
export const BLOCKED_SYMBOL = '⊘';

/** A state's name in `lang`: `failed`, `未通过`. */
export const statusName = (status: ResultStatus, lang: Language = DEFAULT_LANGUAGE): string => msg(`status.${status}`, lang);

/** What a state means, in `lang`. */
export const statusMeaning = (status: ResultStatus, lang: Language = DEFAULT_LANGUAGE): string => msg(`meaning.${status}`, lang);

/** The states that make a MUST check non-conforming, in the order reports list them. */
export const PROBLEM_STATUSES: readonly ResultStatus[] = ['failed', 'error', 'precondition-failed'];

export const isProblem = (r: CheckResult): boolean => PROBLEM_STATUSES.includes(r.status);

export const totalOf = (summary: Summary): number =>
  summary.passed + summary.failed + summary.warning + summary.skipped + summary.preconditionFailed + summary.error + summary.waived;

export const emptySummary = (): Summary => ({ passed: 0, failed: 0, warning: 0, skipped: 0, preconditionFailed: 0, error: 0, waived: 0 });

/** A class name from a name or a class URI (`https://ecdx.dev/conformance/1.0/core` → `core`). */
export const className = (nameOrUri: string): string => (nameOrUri.startsWith(CLASS_BASE) ? nameOrUri.slice(CLASS_BASE.length) : nameOrUri);

export const classTitle = (name: string): string | undefined =>
  Object.hasOwn(conformanceClasses, name) ? conformanceClasses[name as keyof typeof conformanceClasses].title : undefined;

/**
 * What a run did with a class: `tested` (some check of it was executed: it is in `report.classes`), `not-tested`
 * (claimed or chosen with --classes, but no check of it was executed: none applies, or the filters left none),
 * `not-claimed` (its checks were skipped). A class without an executed check never reads as tested or passed.
 */
export type ClassState = 'tested' | 'not-tested' | 'not-claimed';

/** One row of the per-class table. */
export interface ClassRow {
  name: string;
  title: string | undefined;
  state: ClassState;
  counts: Summary;
  total: number;
  durationMs: number;
}

/**
 * The classes the target claims and those chosen with --classes, by name. Only classes of the specification:
 * whatever else a claim lists (it is the target's text) names nothing that could be tested.
 */
const claimedClasses = (report: ConformanceReport): string[] =>
  [...(claimFacts(report.claim)?.classes ?? []), ...(report.scope.classes ?? [])].map(className).filter((name) => classTitle(name) !== undefined);

/**
 * Counts per class: the classes of the specification first (in their order), then any other class a result
 * names, alphabetically. A class appears when the run tested it, it is claimed (or chosen), or a result belongs
 * to it.
 */
export function classBreakdown(report: ConformanceReport): ClassRow[] {
  const tested = new Set(report.classes.map(className));
  const claimed = new Set(claimedClasses(report));
  const rows = new Map<string, ClassRow>();
  const row = (name: string): ClassRow => {
    let r = rows.get(name);
    if (!r) {
      const state: ClassState = tested.has(name) ? 'tested' : claimed.has(name) ? 'not-tested' : 'not-claimed';
      r = { name, title: classTitle(name), state, counts: emptySummary(), total: 0, durationMs: 0 };
      rows.set(name, r);
    }
    return r;
  };
  for (const name of [...tested, ...claimed]) row(name);
  for (const result of report.results) {
    const r = row(result.class);
    r.counts[summaryKey(result.status)] += 1;
    r.total += 1;
    r.durationMs += result.durationMs;
  }
  const known: readonly string[] = conformanceClassNames;
  const rank = (name: string) => (known.includes(name) ? known.indexOf(name) : known.length);
  return [...rows.values()].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

/** How a report names a class's state: a claimed class without an executed check is "nothing to test". */
export const classStateLabel = (state: ClassState, report: ConformanceReport, lang: Language = DEFAULT_LANGUAGE): string =>
  msg(
    state === 'tested'
      ? 'class.tested'
      : state === 'not-claimed'
        ? 'class.notClaimed'
        : report.verdict === 'partial'
          ? 'class.notTestedPartial'
          : 'class.nothingToTest',
    lang,
  );

/** The results of one class, in run order. */
export const resultsOfClass = (report: ConformanceReport, name: string): CheckResult[] => report.results.filter((r) => r.class === name);

/** What a report can say about the claim the target served; every member is read defensively. */
export interface ClaimFacts {
  party: string | undefined;
  carrierCode: string | undefined;
  role: string | undefined;
  ecdxVersion: string | undefined;
  classes: string[];
  testMode: boolean | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

export function claimFacts(claim: unknown): ClaimFacts | null {
  const c = obj(claim);
  if (!c) return null;
  const party = obj(c.party);
  return {
    party: str(party?.name),
    carrierCode: str(party?.carrierCode),
    role: str(c.role),
    ecdxVersion: str(c.ecdxVersion),
    classes: Array.isArray(c.classes) ? c.classes.filter((x): x is string => typeof x === 'string').map(className) : [],
    testMode: typeof c.testMode === 'boolean' ? c.testMode : undefined,
  };
}

/** Milliseconds between the start and the end of the run, or undefined when a timestamp does not parse. */
export function runDurationMs(report: ConformanceReport): number | undefined {
  const ms = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

/** `12 passed, 3 failed, …` — every state, zeros included, so that lines compare across runs. */
export const countsLine = (summary: Summary, lang: Language = DEFAULT_LANGUAGE): string =>
  RESULT_STATUSES.map((s) => msg('count.status', lang, { n: summary[summaryKey(s)], status: statusName(s, lang) })).join(listSeparator(lang));

/** What every format says of a narrowed run instead of a verdict. */
export const partialRunLabel = (lang: Language = DEFAULT_LANGUAGE): string => msg('verdict.partialRun', lang);

/** The filters that narrowed a run, as given: `--only a, b; --skip c; --classes core`. */
export const scopeFilters = (scope: RunScope): string =>
  [
    scope.only.length > 0 ? `--only ${scope.only.join(', ')}` : '',
    scope.skip.length > 0 ? `--skip ${scope.skip.join(', ')}` : '',
    scope.classes ? `--classes ${scope.classes.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');

/** Whether the run covered the whole claim, or the filters that narrowed it; `code` renders the filters. */
export const scopeText = (report: ConformanceReport, code: (filters: string) => string, lang: Language = DEFAULT_LANGUAGE): string => {
  const filters = scopeFilters(report.scope);
  if (report.scope.partial) return msg('scope.partial', lang, { filters: code(filters) });
  return filters ? msg('scope.wholeFiltered', lang, { filters: code(filters) }) : msg('scope.whole', lang);
};

/**
 * What else the reader must know about the run, one line each: why it ended early, and what reached the push
 * receiver without counting (anyone who learns a callback URL can post to it).
 */
export function runNotes(report: ConformanceReport, lang: Language = DEFAULT_LANGUAGE): string[] {
  const notes: string[] = [];
  if (report.stopped) notes.push(msg('note.stopped', lang, { why: report.stopped }));
  const noise = report.noise;
  if (noise && noise.forged + noise.oversized + noise.overflow + noise.stray > 0) {
    const parts = [
      noise.forged ? msg('note.noise.forged', lang, { n: noise.forged }) : '',
      noise.oversized ? msg('note.noise.oversized', lang, { n: noise.oversized }) : '',
      noise.overflow ? msg('note.noise.overflow', lang, { n: noise.overflow }) : '',
      noise.stray ? msg('note.noise.stray', lang, { n: noise.stray }) : '',
    ].filter(Boolean);
    notes.push(msg('note.noise', lang, { parts: parts.join(listSeparator(lang)) }));
  }
  return notes;
}

/** Of a partial run: whether what ran passed (no MUST check among those executed failed, errored or was blocked). */
export const partialPassed = (report: ConformanceReport): boolean => partialRunPassed(report.results);

/** What every format says of a run that passes only because waivers covered some results. */
export const withWaiversLabel = (lang: Language = DEFAULT_LANGUAGE): string => msg('verdict.withWaivers', lang);

/** `1 waived result` … */
export const waivedCount = (report: ConformanceReport, lang: Language = DEFAULT_LANGUAGE): string => msg('waived.count', lang, { n: report.summary.waived });

/**
 * The one-line verdict: `conformant`, `not conformant`, the with-waivers label with how many were waived, or the
 * partial-run label with its filters and outcome.
 */
export const verdict = (report: ConformanceReport, lang: Language = DEFAULT_LANGUAGE): string => {
  if (report.verdict === 'partial')
    return msg('verdict.partialLine', lang, {
      label: partialRunLabel(lang),
      filters: scopeFilters(report.scope),
      outcome: msg(partialPassed(report) ? 'outcome.passed' : 'outcome.failed', lang),
    });
  if (report.verdict === 'conformant-with-waivers')
    return msg('verdict.withWaiversLine', lang, { label: withWaiversLabel(lang), waived: waivedCount(report, lang) });
  return msg(report.conformant ? 'verdict.conformant' : 'verdict.notConformant', lang);
};

/** A waived result's waiver, in one line: `was failed; waived by X until 2027-01-31: why`. */
export const waiverLine = (waiver: AppliedWaiver, lang: Language = DEFAULT_LANGUAGE): string =>
  msg('waiver.line', lang, {
    status: statusName(waiver.waivedStatus, lang),
    grants: waiver.grants
      .map((g) => msg('waiver.grant', lang, { by: g.grantedBy, expires: g.expires, why: g.justification }))
      .join(lang === 'en' ? '; ' : '；'),
  });

/** The run's seed and how to repeat it, when the report records it. */
export const seedLine = (report: ConformanceReport, lang: Language = DEFAULT_LANGUAGE): string | undefined =>
  report.provenance ? msg('seed.line', lang, { seed: report.provenance.seed }) : undefined;

/** Whether report.json is sealed, and how to check it. */
export const sealLine = (report: ConformanceReport, lang: Language = DEFAULT_LANGUAGE): string =>
  report.seal
    ? msg('seal.sealed', lang, { alg: report.seal.alg, signature: report.seal.signature, thumbprint: report.seal.keyThumbprint })
    : msg('seal.notSealed', lang);

/**
 * What a certification run and the waivers did, one line each: that the run certifies (every waiver ignored), which
 * waivers were ignored or matched nothing.
 */
export function waiverNotes(report: ConformanceReport, lang: Language = DEFAULT_LANGUAGE): string[] {
  const notes: string[] = [];
  if (report.certification) notes.push(msg('waiver.certification', lang));
  for (const w of report.waivers ?? []) {
    const what = w.check === undefined ? msg('waiver.ofRequirement', lang, { id: w.requirement ?? '' }) : msg('waiver.ofCheck', lang, { id: w.check });
    const by = msg('waiver.grantedBy', lang, { by: w.grantedBy, expires: w.expires });
    if (w.use === 'ignored') {
      const covered = w.checks.length > 0 ? msg('waiver.wouldHaveCovered', lang, { checks: w.checks.join(', ') }) : '';
      notes.push(msg('waiver.ignored', lang, { what, by, covered }));
    } else if (w.use === 'unused') notes.push(msg('waiver.unused', lang, { what, by }));
  }
  return notes;
}

/**
 * Text from a target as a report may show it: C0 controls (but tab and line feed), DEL and C1 controls become
 * `\\xHH`, the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) become `\\u202e` …, a CRLF becomes a
 * line feed. A terminal that shows report.md or the console then runs no escape sequence (an OSC can set its
 * title, a CSI clear it), and no override reorders what a reader sees; the escape still says what was sent.
 */
export const visibleText = (text: string): string =>
  text
    .replace(/\r\n/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters made visible
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
      const code = c.charCodeAt(0);
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
    });

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The status line of a response as reports show it: `HTTP 422 Unprocessable Entity` (no phrase for a code Node does not know). */
export const statusLine = (status: number): string => {
  const phrase = STATUS_CODES[status];
  return phrase ? `HTTP ${status} ${phrase}` : `HTTP ${status}`;
};

/**
 * A report entry's message in `lang` (decision 0062): the Chinese the report carries for it, or the English as the
 * check wrote it — `translated` says which, so that an untranslated message can be labelled as the original.
 */
export function messageIn(entry: { message?: string; translations?: Translations }, lang: Language): { text: string; translated: boolean } {
  const english = entry.message ?? '';
  if (lang === 'en') return { text: english, translated: true };
  const chinese = entry.translations?.['zh-Hans']?.message;
  return chinese === undefined ? { text: english, translated: false } : { text: chinese, translated: true };
}
