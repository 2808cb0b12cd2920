// What a fault is to the core, and how the core commits the faults it is given. A fault is a named, documented
// deviation from the standard; the catalogue (mocks/faults/) holds every one with its requirements, and the core
// knows none of them by name. It knows two ways to commit one:
//   - a switch (mocks/core/switches.ts): the module that enforces a rule reads `mock.fault('name')` where the
//     fault bends it — the order of checks, what is stored, what is pushed;
//   - a rewrite: a function that changes an answer of one operation (by operationId) after the core made it, or of
//     every answer (`'*'`), the refusals made before an operation is known included.
import type { RoleScope } from '../../schemas/src/index.ts';
import type { OperationId } from './operations/index.ts';
import { isSwitch, type Switch } from './switches.ts';
import type { MockResponse, OperationInput } from './types.ts';

/** Whose answers a rewrite changes: one operation's, or `'*'` every answer (404 and 405 refusals included). */
export type RewriteScope = OperationId | '*';

/** Changes one answer; returns the response unchanged when the fault has nothing to do with it. */
export type Rewrite = (input: OperationInput, response: MockResponse) => MockResponse;

interface FaultDescription<Name extends string> {
  /** kebab-case, unique; used with `--fault NAME`. */
  readonly name: Name;
  /** The requirement ids it violates (spec/requirements.json); the suite must fail exactly these. */
  readonly requirements: string[];
  /** The role whose behaviour it changes. */
  readonly role: RoleScope;
  readonly description: string;
}

/** A fault the core commits deep inside: the module that owns the rule reads the switch. */
export interface SwitchFault<Name extends string = string> extends FaultDescription<Name> {
  readonly switch: Switch;
  readonly operation?: never;
  readonly rewrite?: never;
}

/** A fault that rewrites the answers of one operation, or of every one, after the core made them. */
export interface RewriteFault<Name extends string = string> extends FaultDescription<Name> {
  readonly switch?: never;
  readonly operation: RewriteScope;
  readonly rewrite: Rewrite;
}

export type Fault<Name extends string = string> = SwitchFault<Name> | RewriteFault<Name>;

/** A fault as written in the catalogue; its name stays a literal type, so that the catalogue's names are a type. */
export const defineFault = <const Name extends string>(fault: Fault<Name>): Fault<Name> => fault;

/**
 * The faults a mock commits now: the ones it was created with, until run-time changes (`useFaults`, `replaceFaults`)
 * and back after `reset()`. A name counts once; the rewrites apply in the order the faults were given.
 */
export class ActiveFaults {
  readonly #initial: readonly Fault[];
  #faults: readonly Fault[] = [];
  #switches: ReadonlySet<Switch> = new Set();
  #generation = 0;

  constructor(initial: readonly Fault[]) {
    this.#initial = distinct(initial);
    this.#commit(this.#initial);
  }

  get list(): readonly Fault[] {
    return this.#faults;
  }

  /** Counts the changes, so that what is computed from the faults (trajectories) is computed again after one. */
  get generation(): number {
    return this.#generation;
  }

  isOn(name: Switch): boolean {
    return this.#switches.has(name);
  }

  use(faults: readonly Fault[]): void {
    this.#commit(distinct([...this.#faults, ...faults]));
  }

  replace(faults: readonly Fault[]): void {
    this.#commit(distinct(faults));
  }

  reset(): void {
    this.#commit(this.#initial);
  }

  /** The response as the active rewrites of `operationId` (undefined before an operation is known) leave it. */
  rewrite(operationId: OperationId | undefined, input: OperationInput, response: MockResponse): MockResponse {
    let out = response;
    for (const fault of this.#faults) {
      if (fault.rewrite && (fault.operation === '*' || fault.operation === operationId)) out = fault.rewrite(input, out);
    }
    return out;
  }

  #commit(faults: readonly Fault[]): void {
    this.#faults = faults;
    this.#switches = new Set(faults.flatMap((f) => (f.switch === undefined ? [] : [f.switch])));
    this.#generation += 1;
  }
}

/** The faults without repeated names (the first stays), each checked to be a switch or a rewrite. */
function distinct(faults: readonly Fault[]): Fault[] {
  const byName = new Map<string, Fault>();
  for (const fault of faults) {
    // The types say so already; a caller in plain JavaScript learns it here rather than from a fault that does nothing.
    const isRewrite = typeof fault.rewrite === 'function' && typeof fault.operation === 'string';
    if (isRewrite === (fault.switch !== undefined) || (fault.switch !== undefined && !isSwitch(fault.switch))) {
      throw new TypeError(`fault '${String(fault.name)}' must name either a switch of mocks/core/switches.ts or an operation and a rewrite`);
    }
    if (!byName.has(fault.name)) byName.set(fault.name, fault);
  }
  return [...byName.values()];
}
