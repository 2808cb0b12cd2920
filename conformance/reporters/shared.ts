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
} from '../harness/report.ts';

export { RESULT_STATUSES };
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

export const STATUS_MEANING: Readonly<Record<ResultStatus, string>> = {
  passed: 'every assertion held',
  failed: 'a MUST or MUST NOT requirement was not met',
  warning: 'a SHOULD or SHOULD NOT requirement was not met',
  skipped: 'the class is not claimed (never counted as passed)',
  'precondition-failed': 'the check could not reach the state it needs (never counted as passed)',
  error: 'the harness could not decide',
  waived: 'did not pass, and a waiver accepted it for now (never counted as passed)',
};

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
export const classStateLabel = (state: ClassState, report: ConformanceReport): string =>
  state === 'tested' ? 'tested' : state === 'not-claimed' ? 'not claimed' : report.verdict === 'partial' ? 'not tested in this partial run' : 'nothing to test';

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
export const countsLine = (summary: Summary): string => RESULT_STATUSES.map((s) => `${summary[summaryKey(s)]} ${s}`).join(', ');

/** What every format says of a narrowed run instead of a verdict. */
export const PARTIAL_RUN = 'Partial run — not a conformance verdict';

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
export const scopeText = (report: ConformanceReport, code: (filters: string) => string): string => {
  const filters = scopeFilters(report.scope);
  if (report.scope.partial) return `partial run: ${code(filters)}`;
  return filters ? `the whole claim (${code(filters)})` : 'the whole claim';
};

/**
 * What else the reader must know about the run, one line each: why it ended early, and what reached the push
 * receiver without counting (anyone who learns a callback URL can post to it).
 */
export function runNotes(report: ConformanceReport): string[] {
  const notes: string[] = [];
  if (report.stopped) notes.push(`The run ended early: ${report.stopped}`);
  const noise = report.noise;
  if (noise && noise.forged + noise.oversized + noise.overflow + noise.stray > 0) {
    const parts = [
      noise.forged ? `${noise.forged} whose signature did not verify` : '',
      noise.oversized ? `${noise.oversized} too large (413)` : '',
      noise.overflow ? `${noise.overflow} beyond what the receiver keeps (503)` : '',
      noise.stray ? `${noise.stray} to no callback of the run (404)` : '',
    ].filter(Boolean);
    notes.push(`Pushes that did not count as the target's: ${parts.join(', ')}.`);
  }
  return notes;
}

/** Of a partial run: whether what ran passed (no MUST check among those executed failed, errored or was blocked). */
export const partialPassed = (report: ConformanceReport): boolean => partialRunPassed(report.results);

/** What every format says of a run that passes only because waivers covered some results. */
export const WITH_WAIVERS = 'Conformant with waivers — not a clean conformance verdict';

/** `1 waived result` … */
export const waivedCount = (report: ConformanceReport): string => `${report.summary.waived} waived result${report.summary.waived === 1 ? '' : 's'}`;

/**
 * The one-line verdict: `conformant`, `not conformant`, the with-waivers label with how many were waived, or the
 * partial-run label with its filters and outcome.
 */
export const verdict = (report: ConformanceReport): string => {
  if (report.verdict === 'partial') return `${PARTIAL_RUN} (${scopeFilters(report.scope)}): what ran ${partialPassed(report) ? 'passed' : 'failed'}`;
  if (report.verdict === 'conformant-with-waivers') return `${WITH_WAIVERS} (${waivedCount(report)})`;
  return report.conformant ? 'conformant' : 'not conformant';
};

/** A waived result's waiver, in one line: `was failed; waived by X until 2027-01-31: why`. */
export const waiverLine = (waiver: AppliedWaiver): string =>
  `was ${waiver.waivedStatus}; ${waiver.grants.map((g) => `waived by ${g.grantedBy} until ${g.expires}: ${g.justification}`).join('; ')}`;

/** The run's seed and how to repeat it, when the report records it. */
export const seedLine = (report: ConformanceReport): string | undefined =>
  report.provenance ? `seed ${report.provenance.seed} (repeat the run with --seed ${report.provenance.seed})` : undefined;

/** Whether report.json is sealed, and how to check it. */
export const sealLine = (report: ConformanceReport): string =>
  report.seal
    ? `sealed: report.json is signed (${report.seal.alg}, ${report.seal.signature}) by the key of thumbprint ${report.seal.keyThumbprint}; check it with ecdx verify-report report.json --public-key FILE`
    : 'not sealed: report.json carries no signature, and anyone could have edited it';

/**
 * What a certification run and the waivers did, one line each: that the run certifies (every waiver ignored), which
 * waivers were ignored or matched nothing.
 */
export function waiverNotes(report: ConformanceReport): string[] {
  const notes: string[] = [];
  if (report.certification) notes.push('Certification run: the whole claimed suite, every waiver ignored; results keep their real status.');
  for (const w of report.waivers ?? []) {
    const what = w.check === undefined ? `requirement ${w.requirement}` : `check ${w.check}`;
    const by = `granted by ${w.grantedBy}, expires ${w.expires}`;
    if (w.use === 'ignored')
      notes.push(`Waiver of ${what} (${by}) ignored by the certification run${w.checks.length > 0 ? `; it would have covered ${w.checks.join(', ')}` : ''}.`);
    else if (w.use === 'unused') notes.push(`Waiver of ${what} (${by}) unused: it matched no result that did not pass.`);
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
