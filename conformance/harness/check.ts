// A check is a small declarative unit (after Inferno's test kits): what it verifies (requirement ids, class, the
// role of the target), a title and description for the report, and one run body whose assertions explain
// themselves. `defineCheck` is all a check file needs.
import type { ConformanceClassName } from '../../schemas/src/classes.ts';
import type { TestContext } from './context.ts';

export interface CheckDefinition {
  /** `<area>/<what-it-checks>`, kebab-case, unique and stable: reports and --only/--skip use it. */
  id: string;
  /** The requirements this check verifies (≥ 1). Its level is the strongest of theirs. */
  requirements: string[];
  class: ConformanceClassName;
  /** The role of the target this check applies to. */
  role: 'carrier' | 'platform' | 'both';
  title: string;
  /** Markdown: what is sent, what is expected, and why. */
  description: string;
  /**
   * What the check needs beyond a reachable target: `test-mode` (it moves the target's clock, so it runs alone,
   * after the checks that do not), `callback` (it receives pushes on the harness's receiver).
   */
  needs?: readonly ('test-mode' | 'callback')[];
  run(t: TestContext): Promise<void>;
}

export const defineCheck = (definition: CheckDefinition): CheckDefinition => definition;

/** An assertion that did not hold: the check ends failed (MUST) or warning (SHOULD). */
export class AssertionFailed extends Error {
  override name = 'AssertionFailed';
}

/** The check could not reach the state it verifies (an earlier step failed, test mode is absent …). */
export class PreconditionFailed extends Error {
  override name = 'PreconditionFailed';
}
