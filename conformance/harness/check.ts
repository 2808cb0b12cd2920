// A check is a small declarative unit (after Inferno's test kits): what it verifies (requirement ids), a title and
// description for the report, the shared fixtures it uses, and one run body whose assertions explain themselves.
// What the registry already knows is not restated: the conformance class and the role of the target come from the
// requirements (spec/requirements/*.yaml), and a check says them only where its requirements do not decide them.
// `defineCheck` and `defineFixture` are all a check file needs.
import { english, type Text } from '../i18n/text.ts';
import type { RoleScope } from '../../schemas/src/index.ts';
import type { ConformanceClassName } from '../../schemas/src/classes.ts';
import { requirementById } from '../../spec/registry.ts';
import type { TestContext } from './context.ts';

/** What a check needs beyond a reachable target. */
export type Need =
  /** It uses the test controls of a test deployment, but not the clock (a held request, say). */
  | 'test-mode'
  /** It moves the target's clock (a test deployment's), so it runs alone, after the checks that do not. */
  | 'clock'
  /** It receives pushes on the harness's receiver. */
  | 'callback'
  /** It makes the target act as a client (test actions) towards the harness's judging counterparty. */
  | 'counterparty';

/** The fixtures a check or a fixture uses, by the name its body reads them under. */
export type Uses = Record<string, Fixture<unknown>>;

/** The typed handles a body receives for its `uses`: each creates the fixture once per run and returns its value. */
export type Handles<U extends Uses> = { readonly [K in keyof U]: U[K] extends Fixture<infer T> ? () => Promise<T> : never };

/**
 * A value shared by the checks of one run (a shipment on the delivered path, the journeys of two parcels …),
 * created once, by the first check that asks for it, in a context of its own: its requests and assertions are
 * recorded in the fixture's record of the report, not in whichever check came first. When it cannot be created,
 * every check that needs it ends precondition-failed (never passed).
 */
export interface Fixture<T> {
  /** `<area>:<what>`, unique: the report names fixtures by it. */
  readonly id: string;
  readonly title: string;
  readonly uses: Uses;
  create(t: TestContext, uses: Handles<Uses>): Promise<T>;
}

export function defineFixture<T, const U extends Uses = Record<never, never>>(fixture: {
  id: string;
  title: string;
  uses?: U;
  create(t: TestContext, uses: Handles<U>): Promise<T>;
}): Fixture<T> {
  return { id: fixture.id, title: fixture.title, uses: fixture.uses ?? {}, create: fixture.create as Fixture<T>['create'] };
}

/**
 * What several checks of a file share (after Inferno's groups): declared once, inherited by each check that names
 * the group, and overridden by what a check says itself.
 */
export interface CheckGroup {
  readonly needs?: readonly Need[];
  /** Only where the requirements' roles do not give it. */
  readonly role?: RoleScope;
}

export const defineGroup = (group: CheckGroup): CheckGroup => group;

/** What a check file writes. */
export interface CheckDefinition<U extends Uses = Uses> {
  /** `<area>/<what-it-checks>`, kebab-case, unique and stable: reports and --only/--skip use it. The area is its folder. */
  id: string;
  /** The requirements this check verifies (≥ 1). Its level is the strongest of theirs. */
  requirements: string[];
  /** Only where the requirements belong to more than one class. */
  class?: ConformanceClassName;
  /** The role of the target, only where the requirements' roles do not give it (see `roleOf`). */
  role?: RoleScope;
  title: string;
  /** Markdown: what is sent, what is expected, and why. */
  description: string;
  needs?: readonly Need[];
  /**
   * Among the checks that move the clock it runs first: the others rely on what it establishes (whether the target's
   * word on its unfinished pushes can be taken, ECDX-CNF-009).
   */
  opensClockPhase?: true;
  /** Metadata shared with other checks of the file. */
  group?: CheckGroup;
  /** The shared fixtures the body reads (declared, so the report shows the data flow between checks). */
  uses?: U;
  run(t: TestContext, uses: Handles<U>): Promise<void>;
}

/** A check as the runner sees it: class and role resolved, what was declared kept for the meta-tests. */
export interface Check extends Omit<CheckDefinition, 'class' | 'role' | 'uses' | 'run' | 'group'> {
  class: ConformanceClassName;
  role: RoleScope;
  uses: Uses;
  run(t: TestContext, uses: Handles<Uses>): Promise<void>;
  /** What the check's own definition wrote (undefined: derived from the requirements, or inherited from its group). */
  declared: { class?: ConformanceClassName; role?: RoleScope };
}

/** The class all the requirements belong to, or undefined when they belong to several. */
export function classOf(requirementIds: readonly string[]): ConformanceClassName | undefined {
  const classes = new Set(requirementIds.map((id) => known(id).class));
  return classes.size === 1 ? [...classes][0] : undefined;
}

/**
 * The role of the target that every requirement applies to: `both` when all apply to both, a role when some apply
 * to it and none to the other; undefined when they apply to different roles.
 */
export function roleOf(requirementIds: readonly string[]): RoleScope | undefined {
  const roles = new Set(requirementIds.map((id) => known(id).role));
  if (roles.has('carrier') && roles.has('platform')) return undefined;
  return roles.has('carrier') ? 'carrier' : roles.has('platform') ? 'platform' : 'both';
}

function known(id: string) {
  const requirement = requirementById(id);
  if (!requirement) throw new Error(`unknown requirement ${id}`);
  return requirement;
}

export function defineCheck<const U extends Uses = Record<never, never>>(definition: CheckDefinition<U>): Check {
  const derivedClass = classOf(definition.requirements);
  const derivedRole = roleOf(definition.requirements);
  const checkClass = definition.class ?? derivedClass;
  const declaredRole = definition.role ?? definition.group?.role;
  const role = declaredRole ?? derivedRole;
  const needs = definition.needs ?? definition.group?.needs;
  if (!checkClass) throw new Error(`check ${definition.id}: its requirements belong to several classes, so it must name its class`);
  if (!role) throw new Error(`check ${definition.id}: its requirements apply to different roles, so it must name the role of its target`);
  const { class: declaredClass, role: ownRole, group: _group, needs: _needs, uses, run, ...rest } = definition;
  return {
    ...rest,
    ...(needs ? { needs } : {}),
    class: checkClass,
    role,
    uses: uses ?? {},
    run: run as Check['run'],
    declared: { ...(declaredClass ? { class: declaredClass } : {}), ...(ownRole ? { role: ownRole } : {}) },
  };
}

/** An assertion that did not hold: the check ends failed (MUST) or warning (SHOULD). */
export class AssertionFailed extends Error {
  override name = 'AssertionFailed';
  /** The message in both languages, when the check gave it so (its English is the Error's message). */
  readonly text: Text;
  constructor(text: Text) {
    super(english(text));
    this.text = text;
  }
}

/** The check could not reach the state it verifies (an earlier step failed, test mode is absent …). */
export class PreconditionFailed extends Error {
  override name = 'PreconditionFailed';
  readonly text: Text;
  constructor(text: Text) {
    super(english(text));
    this.text = text;
  }
}

/**
 * What the check verifies does not apply to this target (a production-only rule against a test deployment, an
 * optional feature it does not offer): the check ends `skipped` with the reason, which fails nothing and passes
 * nothing.
 */
export class NotApplicable extends Error {
  override name = 'NotApplicable';
  readonly text: Text;
  constructor(text: Text) {
    super(english(text));
    this.text = text;
  }
}
