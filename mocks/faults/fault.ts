// A fault is a named, documented deviation from the standard that the mock can be told to commit. Each names the
// requirement(s) it violates: the conformance suite proves each of its checks can fail by running against the
// mock with that fault alone switched on.
import type { MockResponse, OperationInput } from '../core/types.ts';

export interface Fault {
  /** kebab-case, unique; used with `--fault NAME`. */
  name: string;
  /** The requirement ids it violates (spec/requirements.json); the suite must fail exactly these. */
  requirements: string[];
  /** The role whose behaviour it changes. */
  role: 'carrier' | 'platform' | 'both';
  description: string;
  /**
   * Rewrites a response after the operation ran. Faults that change behaviour deeper in the core (the order of
   * checks, what is stored, what is pushed) have no transform: the core asks `mock.fault(name)` at that point.
   */
  transformResponse?: (input: OperationInput, response: MockResponse) => MockResponse;
}

export const defineFault = (fault: Fault): Fault => fault;
