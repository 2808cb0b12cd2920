// What a target sends ends up in reports: the claim as served, messages that quote its answers, evidence. Every
// reporter must be able to render it, whatever it is (a claim of 5,000 nested arrays once killed the JSON reporter),
// and a report must stay a size a person can open. So the report keeps a bounded copy that says what it left out.
import type { CheckResult, Evidence, FixtureRecord, Translations } from './report.ts';

/** Deeper than any ECDX document: below this, members are replaced by a note. */
export const MAX_KEPT_DEPTH = 16;
/** Longer strings keep their start and say how much was left out. */
export const MAX_KEPT_STRING = 1_000;
/** Members and items kept in one value; the rest are left out, with a note. */
const MAX_KEPT_NODES = 2_000;
/** Messages quote what the target answered; a sentence never needs more. */
export const MAX_MESSAGE = 2_000;
/** Evidence entries kept per check or fixture: the first ones and the last ones (where a failure is). */
export const MAX_EVIDENCE = 500;
const KEPT_AT_END = 50;

/** A string cut to `max` characters, saying how many more there were. */
export function boundText(text: string, max: number = MAX_KEPT_STRING): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters not kept)`;
}

/**
 * A copy of a JSON value that every reporter can render: at most MAX_KEPT_DEPTH levels deep, strings cut to
 * MAX_KEPT_STRING characters, at most MAX_KEPT_NODES members and items; what is left out is replaced by a note.
 * It never recurses deeper than its own bound, so a value of any depth is safe to pass.
 */
export function boundValue(value: unknown): unknown {
  let budget = MAX_KEPT_NODES;
  const copy = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return boundText(v);
    if (v === null || typeof v !== 'object') return typeof v === 'number' || typeof v === 'boolean' ? v : v === null ? null : String(v);
    if (depth >= MAX_KEPT_DEPTH) return `[nested deeper than ${MAX_KEPT_DEPTH} levels: not kept]`;
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((item, i) => [String(i), item]) : Object.entries(v);
    const kept: [string, unknown][] = [];
    for (const [key, item] of entries) {
      if (budget <= 0) {
        kept.push([Array.isArray(v) ? String(kept.length) : '…', `[${entries.length - kept.length} more not kept]`]);
        break;
      }
      budget -= 1;
      kept.push([boundText(key, 200), copy(item, depth + 1)]);
    }
    return Array.isArray(v) ? kept.map(([, item]) => item) : Object.fromEntries(kept);
  };
  return copy(value, 0);
}

/** The Chinese texts, bounded as the English ones are: a message quoting the target is as long in either language. */
const boundTranslations = (translations: Translations | undefined): { translations?: Translations } => {
  if (translations === undefined) return {};
  const { title, message } = translations['zh-Hans'];
  return {
    translations: {
      'zh-Hans': {
        ...(title === undefined ? {} : { title: boundText(title, MAX_MESSAGE) }),
        ...(message === undefined ? {} : { message: boundText(message, MAX_MESSAGE) }),
      },
    },
  };
};

function boundEntry(entry: Evidence): Evidence {
  if (entry.kind !== 'http') return { ...entry, message: boundText(entry.message, MAX_MESSAGE), ...boundTranslations(entry.translations) };
  const headers = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [boundText(k, 200), boundText(v, MAX_MESSAGE)]));
  return {
    ...entry,
    request: { ...entry.request, url: boundText(entry.request.url, MAX_MESSAGE), headers: headers(entry.request.headers) },
    ...(entry.response ? { response: { ...entry.response, headers: headers(entry.response.headers) } } : {}),
    ...(entry.error === undefined ? {} : { error: boundText(entry.error, MAX_MESSAGE) }),
  };
}

/** The evidence a result keeps: a copy (a check stopped by a deadline may still be writing to its own). */
export function boundEvidence(evidence: readonly Evidence[]): { evidence: Evidence[]; omitted: number } {
  const all = evidence.slice();
  if (all.length <= MAX_EVIDENCE) return { evidence: all.map(boundEntry), omitted: 0 };
  const kept = [...all.slice(0, MAX_EVIDENCE - KEPT_AT_END), ...all.slice(-KEPT_AT_END)];
  return { evidence: kept.map(boundEntry), omitted: all.length - kept.length };
}

/** A result as the report keeps it: message and evidence bounded, and how many entries were left out. */
export function boundResult(result: CheckResult): CheckResult {
  const { evidence, omitted } = boundEvidence(result.evidence);
  return {
    ...result,
    message: boundText(result.message, MAX_MESSAGE),
    ...boundTranslations(result.translations),
    evidence,
    ...(omitted > 0 ? { omittedEvidence: omitted } : {}),
  };
}

export function boundFixture(record: FixtureRecord): FixtureRecord {
  const { evidence, omitted } = boundEvidence(record.evidence);
  return {
    ...record,
    ...(record.message === undefined ? {} : { message: boundText(record.message, MAX_MESSAGE) }),
    ...boundTranslations(record.translations),
    evidence,
    ...(omitted > 0 ? { omittedEvidence: omitted } : {}),
  };
}
