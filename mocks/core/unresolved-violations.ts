// What a validator that does not resolve conditional rules reports: a value that matches no alternative of an
// `anyOf` is one violation at the value itself, not the closest alternative's members (chapter Core §3). Only the
// fault `union-violation-at-enclosing-value` reports this way; the mock's own answer is schemas/validate.ts's.
import type { TSchema } from '@sinclair/typebox';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { validatorFor, type SchemaViolation } from '../../schemas/validate.ts';
import { violationZh } from '../../schemas/violation-zh.ts';

/** The violations at the level the validator first finds them, unions not looked into. */
export function unresolvedViolations(schema: TSchema, value: unknown, limit = 50): SchemaViolation[] {
  const found = new Map<string, SchemaViolation>();
  for (const error of validatorFor(schema).Errors(value)) {
    // An intersection's summary repeats what its members' own errors say.
    if (error.type === ValueErrorType.Intersect) continue;
    found.set(`${error.path}\u0000${error.message}`, { pointer: error.path, message: error.message, messageZh: violationZh(error) });
    if (found.size >= limit) break;
  }
  return [...found.values()];
}
