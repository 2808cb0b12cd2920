// Compiled TypeBox validators for every published schema. This is the validator the mock and the harness use at
// run time; Ajv is the independent second opinion in the tests.
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { allSchemas, schemaByName } from './src/index.ts';
import { violationZh } from './violation-zh.ts';

/** The string formats ECDX schemas use. Their checks are ajv-formats' own, so both validators agree on them. */
export const USED_FORMATS = ['date-time', 'date', 'uri', 'email', 'uuid'] as const;

for (const name of USED_FORMATS) {
  const format = fullFormats[name];
  const check =
    format instanceof RegExp
      ? (value: string) => format.test(value)
      : typeof format === 'function'
        ? (value: string) => Boolean(format(value))
        : typeof format === 'object' && 'validate' in format && typeof format.validate === 'function'
          ? (value: string) => Boolean((format.validate as (v: string) => boolean)(value))
          : typeof format === 'object' && 'validate' in format && format.validate instanceof RegExp
            ? (value: string) => (format.validate as RegExp).test(value)
            : undefined;
  if (!check) throw new Error(`ajv-formats has no usable check for format ${name}`);
  if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, check);
}

const compiled = new Map<TSchema, TypeCheck<TSchema>>();

/** The compiled validator of a schema (published or not); published schemas it references are resolved. */
export function validatorFor<T extends TSchema>(schema: T): TypeCheck<T> {
  let check = compiled.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema, allSchemas.filter((s) => s !== schema) as TSchema[]);
    compiled.set(schema, check);
  }
  return check as TypeCheck<T>;
}

/** One validation error, addressed by JSON Pointer (RFC 6901) into the instance. */
export interface SchemaViolation {
  pointer: string;
  /** TypeBox's words (what a problem's `invalidParams` reason says). */
  message: string;
  /** The same in Simplified Chinese, for a report read in Chinese. */
  messageZh: string;
}

/** Validate a value against a published schema by name; returns the violations (empty when valid). */
export function violations(schemaOrName: TSchema | string, value: unknown, limit = 50): SchemaViolation[] {
  const schema = typeof schemaOrName === 'string' ? schemaByName(schemaOrName) : schemaOrName;
  const check = validatorFor(schema);
  if (check.Check(value)) return [];
  const found: (SchemaViolation & { summary: boolean })[] = [];
  for (const error of check.Errors(value)) {
    collect(error, found);
    if (found.length >= limit) break;
  }
  // An intersection's own summary ("expected all values to match") says nothing the members' errors do not.
  const specific = found.filter((v) => !v.summary);
  return dedupe((specific.length > 0 ? specific : found).map(({ pointer, message, messageZh }) => ({ pointer, message, messageZh }))).slice(0, limit);
}

/**
 * A union error (anyOf, e.g. "a mainland address or a foreign one") points at the enclosing object; the member
 * that is actually wrong is inside the closest alternative — the one with the fewest errors. Report those, so a
 * problem's `invalidParams` names the field a person has to fix.
 */
function collect(error: ValueError, into: (SchemaViolation & { summary: boolean })[]): void {
  let closest: ValueError[] | undefined;
  for (const alternative of error.errors ?? []) {
    const list = [...alternative];
    if (list.length === 0) continue;
    // Equally close alternatives ("a mainland address" vs "an address abroad"): the one that only lacks members
    // is the one the sender meant — a Hong Kong address without crossBorder lacks /crossBorder, it is not a
    // mainland address with the wrong country.
    const distance = pointersOf(list);
    const best = closest ? pointersOf(closest) : Infinity;
    if (!closest || distance < best || (distance === best && missingMembers(list) > missingMembers(closest))) closest = list;
  }
  if (closest) for (const inner of closest) collect(inner, into);
  else into.push({ pointer: error.path, message: error.message, messageZh: violationZh(error), summary: error.type === ValueErrorType.Intersect });
}

/** How far an alternative is from matching: the number of members it finds wrong. */
const pointersOf = (list: ValueError[]): number => new Set(list.map((e) => e.path)).size;
const missingMembers = (list: ValueError[]): number => list.filter((e) => e.type === ValueErrorType.ObjectRequiredProperty).length;

function dedupe(list: SchemaViolation[]): SchemaViolation[] {
  const seen = new Set<string>();
  return list.filter((v) => {
    const key = `${v.pointer}\u0000${v.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const isValid = (schemaOrName: TSchema | string, value: unknown): boolean =>
  validatorFor(typeof schemaOrName === 'string' ? schemaByName(schemaOrName) : schemaOrName).Check(value);
