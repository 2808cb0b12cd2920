// Which checks a run executes, and what that makes of its verdict. `--only` and `--skip` take check ids,
// requirement ids and area names (the folder of a check, the prefix of its id: `discovery`, `push` …); a name that
// is none of them is a mistake of the caller, never a run of nothing that reads as a pass. A run narrowed below the
// claim, or to other classes than claimed, is a partial run: no conformance verdict.
import { requirementById } from '../../spec/registry.ts';
import type { Check } from './check.ts';
import type { RunScope } from './report.ts';

export const areaOf = (check: Check): string => check.id.split('/')[0]!;

const namesOf = (check: Check): string[] => [check.id, areaOf(check), ...check.requirements];

/** The names in `filter` that name no check of `checks`, no area of theirs and no requirement of the registry. */
export function unknownNames(checks: readonly Check[], filter: readonly string[] = []): string[] {
  const known = new Set(checks.flatMap(namesOf));
  return filter.filter((name) => !known.has(name) && !requirementById(name));
}

/** Whether `--only` and `--skip` keep this check. */
export function selectedBy(check: Check, only?: readonly string[], skip?: readonly string[]): boolean {
  const names = namesOf(check);
  if (only?.length && !names.some((n) => only.includes(n))) return false;
  if (skip?.length && names.some((n) => skip.includes(n))) return false;
  return true;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
};

/**
 * The scope of a run: partial when `--only` or `--skip` was given, or `--classes` differs from what the target
 * claims (fewer classes is below the claim; a class it does not claim is no part of its conformance).
 */
export function runScope(
  filters: { only?: readonly string[] | undefined; skip?: readonly string[] | undefined; classes?: readonly string[] | undefined },
  claimedByTarget: readonly string[],
): RunScope {
  const only = [...(filters.only ?? [])];
  const skip = [...(filters.skip ?? [])];
  const classes = filters.classes ? [...filters.classes] : null;
  return { partial: only.length > 0 || skip.length > 0 || (classes !== null && !sameSet(classes, claimedByTarget)), only, skip, classes };
}
