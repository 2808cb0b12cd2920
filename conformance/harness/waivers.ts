// Waivers (decision 0047): a result that would count against the run, accepted for a while by someone accountable.
// A waived result reads `waived` everywhere, keeps the status it really ended with, and does not fail the run; a run
// that passes only so reads `conformant-with-waivers`, never `conformant`. A certification run (`--certify`) ignores
// every waiver and refuses every filter: it is the whole claimed suite, as the target really answered it.
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parse as parseYaml } from 'yaml';
import { requirementById } from '../../spec/registry.ts';
import type { Check } from './check.ts';
import { DEFAULT_FUZZ_RUNS } from './fuzz-runs.ts';
import { WAIVABLE_STATUSES, Waiver, type CheckResult, type WaivableStatus, type WaiverUse } from './report.ts';

/** A waivers file: a list of waivers (an empty list waives nothing). */
export const WaiverList = Type.Array(Waiver, { maxItems: 1000 });

/** A mistake in a waivers file or in how waivers were asked for; the runner's ConfigurationError wraps it (exit 2). */
export class WaiverError extends Error {
  override name = 'WaiverError';
}

/** Today as the waivers read it: the UTC date, YYYY-MM-DD. */
export const utcDate = (at: Date = new Date()): string => at.toISOString().slice(0, 10);

const isRealDate = (date: string): boolean => {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && utcDate(parsed) === date;
};

/** The waivers in a file's text (YAML, of which JSON is a part), each checked against the schema; `source` names the file. */
export function parseWaivers(text: string, source: string): Waiver[] {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new WaiverError(`${source} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(data)) throw new WaiverError(`${source} must hold a list of waivers (check or requirement, justification, grantedBy, expires)`);
  const first = Value.Errors(WaiverList, data).First();
  if (first) {
    const [, index, member] = first.path.split('/');
    const where = index === undefined || index === '' ? '' : ` waiver ${Number(index) + 1}${member ? ` (${member})` : ''}`;
    throw new WaiverError(`${source}:${where} ${first.message.toLowerCase()}`);
  }
  const waivers = data as Waiver[];
  waivers.forEach((waiver, i) => {
    const at = `${source}: waiver ${i + 1}`;
    if ((waiver.check === undefined) === (waiver.requirement === undefined)) throw new WaiverError(`${at} must name one check or one requirement`);
    if (!isRealDate(waiver.expires)) throw new WaiverError(`${at}: expires '${waiver.expires}' is no calendar date`);
  });
  return waivers;
}

const nameOf = (waiver: Waiver): string => (waiver.check === undefined ? `requirement ${waiver.requirement}` : `check ${waiver.check}`);

/**
 * Refuses waivers a run must not take: one that expired (its last day is before `today`), one naming a check the
 * run cannot choose from, or a requirement the registry does not have.
 */
export function validateWaivers(waivers: readonly Waiver[], checks: readonly Check[], today: string = utcDate()): void {
  const checkIds = new Set(checks.map((c) => c.id));
  for (const waiver of waivers) {
    if (waiver.expires < today)
      throw new WaiverError(`the waiver of ${nameOf(waiver)} expired on ${waiver.expires} (granted by ${waiver.grantedBy}): renew it or remove it`);
    if (waiver.check !== undefined && !checkIds.has(waiver.check))
      throw new WaiverError(`a waiver names check '${waiver.check}', which is no check of the suite`);
    if (waiver.requirement !== undefined && !requirementById(waiver.requirement))
      throw new WaiverError(`a waiver names requirement '${waiver.requirement}', which the requirements registry does not have`);
  }
}

/** A certification run is the whole claimed suite: the filters that narrow it are refused (`classes`: the claim decides). */
export function certificationProblem(filters: {
  only?: readonly string[];
  skip?: readonly string[];
  classes?: readonly string[];
  fuzzRuns?: number;
}): string | undefined {
  // Fewer generated cases than the suite's default is a narrower suite too (decision 0049).
  if (filters.fuzzRuns !== undefined && filters.fuzzRuns < DEFAULT_FUZZ_RUNS)
    return `--certify runs the whole claimed suite: --fuzz-runs ${filters.fuzzRuns} draws fewer generated cases than its ${DEFAULT_FUZZ_RUNS}`;
  for (const [flag, names] of [
    ['--only', filters.only],
    ['--skip', filters.skip],
    ['--classes', filters.classes],
  ] as const) {
    if (names !== undefined && names.length > 0) return `--certify runs the whole claimed suite: ${flag} cannot narrow it (the claim decides the classes)`;
  }
  return undefined;
}

const isWaivable = (status: CheckResult['status']): status is WaivableStatus => (WAIVABLE_STATUSES as readonly string[]).includes(status);

/**
 * The waivers that cover a result, or none: a waiver of its check, else waivers of every requirement it failed (the
 * failing assertion's, or all of the check's when it names none, as `failedRequirementIds` says). A waiver of one
 * requirement never covers a failure of another the same check verifies.
 */
function grantsFor(result: CheckResult, waivers: readonly Waiver[]): Waiver[] {
  if (!isWaivable(result.status)) return [];
  const ofCheck = waivers.filter((w) => w.check === result.checkId);
  if (ofCheck.length > 0) return ofCheck;
  const failed = result.failedRequirementIds ?? result.requirementIds;
  const ofRequirements = failed.map((id) => waivers.find((w) => w.requirement === id));
  return ofRequirements.every((w) => w !== undefined) ? [...new Set(ofRequirements)] : [];
}

export interface WaivedResults {
  results: CheckResult[];
  /** What happened to each waiver, in the order given. */
  uses: WaiverUse[];
}

/**
 * The results with the waivers applied (`certify`: none applied, every one recorded as ignored with what it would
 * have covered). A passing or skipped result is never waived.
 */
export function applyWaivers(results: readonly CheckResult[], waivers: readonly Waiver[], certify = false): WaivedResults {
  const covered = new Map<Waiver, string[]>(waivers.map((w) => [w, []]));
  const out = results.map((result) => {
    const grants = grantsFor(result, waivers);
    for (const grant of grants) covered.get(grant)!.push(result.checkId);
    if (grants.length === 0 || certify || !isWaivable(result.status)) return result;
    return { ...result, status: 'waived' as const, waiver: { waivedStatus: result.status, grants } };
  });
  const uses = waivers.map((w): WaiverUse => {
    const checks = covered.get(w)!;
    return { ...w, use: certify ? 'ignored' : checks.length > 0 ? 'applied' : 'unused', checks };
  });
  return { results: out, uses };
}
