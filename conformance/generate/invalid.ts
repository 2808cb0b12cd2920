// Invalid variants of a valid instance, derived from its schema: each breaks one keyword at one member — a required
// member missing, a member of the wrong type, a pattern or format broken, a bound (minLength, maxLength, minimum,
// maximum, minItems, maxItems) passed by one, a duplicate in a unique array, an undefined member in a closed
// object, a value outside an enum or const, an oversized string or array. A variant is kept only when the reference
// validator refuses it and names the member it breaks (or one below it): what a target is then asked to name, the
// reference names too.
import type { TSchema } from '@sinclair/typebox';
import { pointerToken, pointerWithin } from '../../protocol/json.ts';
import { violations } from '../../schemas/validate.ts';
import { ecdxSchemas, fold, jsonType, normalise, resolveNode, typesOf, type RefResolver, type SchemaNode } from './schema-node.ts';
import { satisfies } from './sub-schema.ts';

/** The JSON Schema keyword a variant breaks. */
export type BrokenKeyword =
  | 'required'
  | 'type'
  | 'pattern'
  | 'format'
  | 'minLength'
  | 'maxLength'
  | 'minimum'
  | 'maximum'
  | 'minItems'
  | 'maxItems'
  | 'uniqueItems'
  | 'additionalProperties'
  | 'enum'
  | 'const';

export interface InvalidVariant {
  /** JSON Pointer (RFC 6901) of the member the variant breaks: the one a refusal must name. */
  pointer: string;
  keyword: BrokenKeyword;
  /** What was done, in words: `/sender/phone breaks pattern ^1[3-9]\d{9}$`. */
  description: string;
  instance: unknown;
}

export interface VariantOptions {
  resolve?: RefResolver;
  /** The pointers the reference validator names for an instance; default `violations()` of schemas/validate.ts. */
  violationsOf?: (instance: unknown) => string[];
  /** Characters in an oversized string (default 10,000): beyond every bound ECDX sets (at most 2,048 in a request), far below the 1 MiB body limit; 0: none. */
  oversizedLength?: number;
  /** Items in an oversized array (default 10 × maxItems, at least 1,000). */
  oversizedItems?: number;
}

/** Characters in an oversized string: nearly five times the largest bound of any ECDX request member. */
const OVERSIZED_LENGTH = 10_000;

/** A member no ECDX schema defines, for the closed objects. */
export const UNDEFINED_MEMBER = 'ecdxUndefinedMember';

/** Every invalid variant of `valid` (which must be valid against `schema`), in document order. */
export function invalidVariants(schema: TSchema | SchemaNode, valid: unknown, options: VariantOptions = {}): InvalidVariant[] {
  const { drafts, judge } = draftsOf(schema, valid, options);
  const seen = new Set<string>();
  const kept: InvalidVariant[] = [];
  for (const draft of drafts) {
    const variant = judge(draft);
    const key = variant && `${variant.pointer} ${JSON.stringify(variant.instance)}`;
    if (!variant || seen.has(key!)) continue;
    seen.add(key!);
    kept.push(variant);
  }
  return kept;
}

/**
 * One invalid variant of `valid`: the `pick`-th of its drafts (modulo their number), or the next one the reference
 * refuses there. Cheaper than `invalidVariants` by the number of drafts: for random cases, one at a time.
 */
export function invalidVariant(schema: TSchema | SchemaNode, valid: unknown, pick: number, options: VariantOptions = {}): InvalidVariant | undefined {
  const { drafts, judge } = draftsOf(schema, valid, options);
  for (let i = 0; i < drafts.length; i++) {
    const variant = judge(drafts[(pick + i) % drafts.length]!);
    if (variant) return variant;
  }
  return undefined;
}

/** The variant of `valid` that breaks `keyword` at `pointer`, if it has one: only that draft is judged. */
export function variantAt(
  schema: TSchema | SchemaNode,
  valid: unknown,
  pointer: string,
  keyword: BrokenKeyword,
  options: VariantOptions = {},
): InvalidVariant | undefined {
  const { drafts, judge } = draftsOf(schema, valid, options);
  for (const draft of drafts) {
    if (draft.keyword !== keyword || draft.path.map((t) => `/${pointerToken(t)}`).join('') !== pointer) continue;
    const variant = judge(draft);
    if (variant) return variant;
  }
  return undefined;
}

function draftsOf(
  schema: TSchema | SchemaNode,
  valid: unknown,
  options: VariantOptions,
): { drafts: Draft[]; judge: (draft: Draft) => InvalidVariant | undefined } {
  const resolve = options.resolve ?? ecdxSchemas;
  const violationsOf = options.violationsOf ?? ((instance: unknown) => violations(schema as TSchema, instance, 20).map((v) => v.pointer));
  const drafts: Draft[] = [];
  walk(normalise(schema, resolve), valid, [], {
    resolve,
    drafts,
    oversizedLength: options.oversizedLength ?? OVERSIZED_LENGTH,
    oversizedItems: options.oversizedItems,
  });
  const judge = (draft: Draft): InvalidVariant | undefined => {
    const pointer = draft.path.map((t) => `/${pointerToken(t)}`).join('');
    const instance = replaceAt(valid, draft.path, draft.replace);
    // The reference must refuse it and name the member there (or one below): otherwise it is not a fair ask.
    if (!violationsOf(instance).some((p) => pointerWithin(p, pointer))) return undefined;
    return { pointer, keyword: draft.keyword, description: `${pointer || 'the body'} ${draft.what}`, instance };
  };
  return { drafts, judge };
}

interface Draft {
  path: string[];
  keyword: BrokenKeyword;
  what: string;
  /** The new value at `path`, or `undefined` to delete the member there. */
  replace: (current: unknown) => unknown;
}

interface Walk {
  resolve: RefResolver;
  drafts: Draft[];
  oversizedLength: number;
  oversizedItems: number | undefined;
}

const DELETE = Symbol('delete');

/** A copy of `root` with the value at `path` replaced (or deleted, when the replacement returns DELETE). */
function replaceAt(root: unknown, path: readonly string[], replace: (current: unknown) => unknown): unknown {
  if (path.length === 0) return replace(root);
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[Number(head)] = replaceAt(copy[Number(head)], rest, replace);
    return copy;
  }
  const copy = { ...(root as Record<string, unknown>) };
  const next = replaceAt(copy[head], rest, replace);
  if (next === DELETE) delete copy[head];
  else copy[head] = next;
  return copy;
}

/** The node with the branch the value follows chosen, its intersection parts listed. */
function partsFor(raw: SchemaNode, value: unknown, resolve: RefResolver): SchemaNode[] {
  const node = fold(resolveNode(raw, resolve), resolve);
  const alternatives = (node['anyOf'] ?? node['oneOf']) as SchemaNode[] | undefined;
  if (alternatives) {
    const { anyOf: _a, oneOf: _o, ...rest } = node;
    const branch = alternatives.find((b) => satisfies(b, value)) ?? alternatives[0]!;
    return [...(Object.keys(rest).length > 0 ? partsFor(rest, value, resolve) : []), ...partsFor(branch, value, resolve)];
  }
  if (Array.isArray(node['allOf'])) return (node['allOf'] as SchemaNode[]).flatMap((p) => partsFor(p, value, resolve));
  return [node];
}

const WRONG_TYPE: Record<string, unknown> = { string: 12345, integer: '12', number: '12', boolean: 'true', object: 'object', array: 'array', null: 0 };

function walk(raw: SchemaNode, value: unknown, path: string[], w: Walk): void {
  const parts = partsFor(raw, value, w.resolve);
  const draft = (keyword: BrokenKeyword, what: string, replace: (current: unknown) => unknown) => w.drafts.push({ path, keyword, what, replace });
  const type = jsonType(value);
  const declared = parts.flatMap((p) => typesOf(p) ?? []);
  if (declared.length > 0) {
    const wrong = WRONG_TYPE[type === 'integer' && declared.includes('number') ? 'number' : type];
    if (wrong !== undefined) draft('type', `as ${jsonType(wrong)} ${JSON.stringify(wrong)}, not ${declared[0]}`, () => wrong);
  }
  for (const part of parts) {
    if ('const' in part) draft('const', `set to a value other than ${JSON.stringify(part['const'])}`, () => otherThan([part['const']]));
    if (Array.isArray(part['enum'])) draft('enum', `set to a value outside its enum`, () => otherThan(part['enum'] as unknown[]));
  }
  if (typeof value === 'string') stringDrafts(parts, value, draft, w);
  else if (typeof value === 'number') numberDrafts(parts, value, draft);
  else if (Array.isArray(value)) arrayDrafts(parts, value, path, draft, w);
  else if (value !== null && typeof value === 'object') objectDrafts(parts, value as Record<string, unknown>, path, w);
}

function otherThan(values: readonly unknown[]): unknown {
  const first = values[0];
  if (typeof first === 'number') return Math.max(...(values as number[])) + 1;
  const base = typeof first === 'string' ? first : 'VALUE';
  return values.includes(`NOT_${base}`) ? `NOT_${base}_2` : `NOT_${base}`;
}

type DraftFn = (keyword: BrokenKeyword, what: string, replace: (current: unknown) => unknown) => void;

const codePoints = (s: string): number => [...s].length;

function stringDrafts(parts: SchemaNode[], value: string, draft: DraftFn, w: Walk): void {
  const minLength = Math.max(0, ...parts.map((p) => (p['minLength'] as number | undefined) ?? 0));
  const maxima = parts.map((p) => p['maxLength'] as number | undefined).filter((m): m is number => m !== undefined);
  const maxLength = maxima.length > 0 ? Math.min(...maxima) : undefined;
  const patterns = parts.map((p) => p['pattern'] as string | undefined).filter((p): p is string => p !== undefined);
  const formats = parts.map((p) => p['format'] as string | undefined).filter((f): f is string => f !== undefined);
  const matchesAll = (s: string) => patterns.every((p) => new RegExp(p, 'u').test(s));
  const inLength = (s: string) => codePoints(s) >= minLength && (maxLength === undefined || codePoints(s) <= maxLength);

  if (minLength > 0) draft('minLength', `shorter than minLength ${minLength}`, () => [...value].slice(0, minLength - 1).join(''));
  if (maxLength !== undefined) {
    // One character past the bound, in characters of the BMP only, so that code points (JSON Schema) and UTF-16
    // units (TypeBox) count the same; where possible a character the pattern still accepts, so only the bound breaks.
    const last = [...value].at(-1);
    const fillers = [...(last !== undefined && last.length === 1 ? [last] : []), '0', 'A', 'a', '字', 'x'];
    const filler = fillers.find((c) => matchesAll(c.repeat(maxLength + 1))) ?? 'x';
    const longer = filler.repeat(maxLength + 1);
    draft('maxLength', `longer than maxLength ${maxLength} by one`, () => longer);
    if (w.oversizedLength > 0) draft('maxLength', `oversized (${w.oversizedLength.toLocaleString('en')} characters)`, () => filler.repeat(w.oversizedLength));
  }
  for (const pattern of patterns) {
    const regex = new RegExp(pattern, 'u');
    const candidates = [
      'x'.repeat(Math.max(1, minLength)),
      ' '.repeat(Math.max(1, minLength)),
      '*'.repeat(Math.max(1, minLength)),
      `${value}!`,
      `!${value.slice(1)}`,
      value.toLowerCase(),
      value.toUpperCase(),
      `${value.slice(0, -1)}*`,
    ];
    const broken = candidates.find((c) => c !== value && !regex.test(c) && inLength(c));
    if (broken !== undefined) draft('pattern', `breaks pattern ${pattern}`, () => broken);
  }
  for (const format of formats) {
    const broken = BROKEN_FORMATS[format];
    if (broken !== undefined) draft('format', `breaks format ${format}`, () => broken);
  }
}

/** A string each format refuses that is otherwise string-shaped. */
const BROKEN_FORMATS: Record<string, string> = {
  'date-time': '2026-02-30T25:61:00+08:00',
  date: '2026-02-30',
  uri: 'not a uri',
  email: 'not-an-email-address',
  uuid: 'not-a-uuid',
};

function numberDrafts(parts: SchemaNode[], value: number, draft: DraftFn): void {
  const minima = parts.map((p) => p['minimum'] as number | undefined).filter((m): m is number => m !== undefined);
  const maxima = parts.map((p) => p['maximum'] as number | undefined).filter((m): m is number => m !== undefined);
  if (minima.length > 0) draft('minimum', `below minimum ${Math.max(...minima)} by one`, () => Math.max(...minima) - 1);
  if (maxima.length > 0) draft('maximum', `above maximum ${Math.min(...maxima)} by one`, () => Math.min(...maxima) + 1);
  if (parts.some((p) => typesOf(p)?.includes('integer')) && Number.isInteger(value)) draft('type', 'as 1.5, not an integer', () => value + 0.5);
}

function arrayDrafts(parts: SchemaNode[], value: unknown[], path: string[], draft: DraftFn, w: Walk): void {
  const minItems = Math.max(0, ...parts.map((p) => (p['minItems'] as number | undefined) ?? 0));
  const maxima = parts.map((p) => p['maxItems'] as number | undefined).filter((m): m is number => m !== undefined);
  const maxItems = maxima.length > 0 ? Math.min(...maxima) : undefined;
  const unique = parts.some((p) => p['uniqueItems'] === true);
  if (minItems > 0) draft('minItems', `with fewer than minItems ${minItems} items`, () => value.slice(0, minItems - 1));
  if (value.length > 0 && !unique && maxItems !== undefined) {
    const padded = (count: number) => Array.from({ length: count }, (_, i) => value[i % value.length]);
    draft('maxItems', `with more than maxItems ${maxItems} items by one`, () => padded(maxItems + 1));
    draft('maxItems', 'oversized', () => padded(w.oversizedItems ?? Math.max(1000, maxItems * 10)));
  }
  if (unique && value.length > 0) {
    // Its first item twice: added where the bound allows, else in place of the last, so only uniqueness breaks.
    const room = maxItems === undefined || value.length < maxItems;
    if (room || value.length >= 2) draft('uniqueItems', 'with its first item twice', () => (room ? [...value, value[0]] : [...value.slice(0, -1), value[0]]));
  }
  const items = parts.map((p) => p['items'] as SchemaNode | undefined).find((i) => i !== undefined);
  // The first item stands for all: its variants are the items' variants.
  if (items && value.length > 0) walk(items, value[0], [...path, '0'], w);
}

function objectDrafts(parts: SchemaNode[], value: Record<string, unknown>, path: string[], w: Walk): void {
  const required = new Set(parts.flatMap((p) => (p['required'] as string[] | undefined) ?? []));
  const closed = parts.some((p) => p['additionalProperties'] === false);
  for (const name of Object.keys(value)) {
    if (required.has(name)) w.drafts.push({ path: [...path, name], keyword: 'required', what: 'missing (required)', replace: () => DELETE });
  }
  if (closed) w.drafts.push({ path: [...path, UNDEFINED_MEMBER], keyword: 'additionalProperties', what: 'added: the object is closed', replace: () => 'x' });
  for (const [name, member] of Object.entries(value)) {
    const schemas = parts.map((p) => (p['properties'] as Record<string, SchemaNode> | undefined)?.[name]).filter((s): s is SchemaNode => s !== undefined);
    if (schemas.length > 0) walk(schemas.length === 1 ? schemas[0]! : { allOf: schemas }, member, [...path, name], w);
  }
}
