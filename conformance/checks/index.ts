// The registry of every check of the suite, gathered from one file per area.
import type { CheckDefinition } from '../harness/check.ts';
import { discoveryChecks } from './discovery.ts';

export const checks: readonly CheckDefinition[] = [...discoveryChecks];
