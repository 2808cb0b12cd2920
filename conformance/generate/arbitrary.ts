// fast-check arbitraries of the values a schema accepts, derived from the schema itself (the TypeBox schemas of
// schemas/src/, or any JSON Schema whose `$ref`s the resolver knows). What the derivation draws is valid by
// construction wherever the schema says how (members, types, bounds, enums, formats, patterns, branches); where it
// cannot (two patterns on one string, a `not`), it draws from one part and keeps what the rest accepts; and the
// whole value is finally kept only if the schema's validator accepts it, so that a value it hands out is never
// invalid. fast-check shrinks what it draws toward the smallest valid value: fewer optional members, shorter
// strings, bounds' edges.
import fc from 'fast-check';
import type { TSchema } from '@sinclair/typebox';
import { validatorFor } from '../../schemas/validate.ts';
import { ecdxSchemas, fold, normalise, resolveNode, typesOf, type RefResolver, type SchemaNode } from './schema-node.ts';
import { stringArbitrary } from './strings.ts';
import { satisfies } from './sub-schema.ts';

export interface ArbitraryOptions {
  /** Where `$ref`s lead; default the published ECDX schemas. */
  resolve?: RefResolver;
  /** Optional members: drawn or not (`sometimes`, the default), always present, or never. */
  optionalMembers?: 'sometimes' | 'always' | 'never';
  /** The most items an array gets beyond its minItems (default 4): big arrays are the negative tests' business. */
  extraItems?: number;
  /** The final word on a whole value; default the compiled TypeBox validator (TSchema) or Ajv (plain JSON). */
  accepts?: (value: unknown) => boolean;
}

interface Context {
  resolve: RefResolver;
  optionalMembers: NonNullable<ArbitraryOptions['optionalMembers']>;
  extraItems: number;
}

/** Valid instances of `schema`. */
export function arbitraryFor<T = unknown>(schema: TSchema | SchemaNode, options: ArbitraryOptions = {}): fc.Arbitrary<T> {
  const context: Context = {
    resolve: options.resolve ?? ecdxSchemas,
    optionalMembers: options.optionalMembers ?? 'sometimes',
    extraItems: options.extraItems ?? 4,
  };
  const root = normalise(schema, context.resolve);
  const accepts = options.accepts ?? defaultAcceptance(schema, root);
  return nodeArbitrary(root, context).filter(accepts) as fc.Arbitrary<T>;
}

function defaultAcceptance(schema: TSchema | SchemaNode, root: SchemaNode): (value: unknown) => boolean {
  const isTypeBox = Object.getOwnPropertySymbols(schema).length > 0;
  if (isTypeBox) {
    const check = validatorFor(schema as TSchema);
    return (value) => check.Check(value);
  }
  return (value) => satisfies(root, value);
}

/** The arbitrary of one node, already resolved. */
function nodeArbitrary(raw: SchemaNode, context: Context): fc.Arbitrary<unknown> {
  const node = fold(resolveNode(raw, context.resolve), context.resolve);
  if ('const' in node) return fc.constant(node['const']);
  if (Array.isArray(node['enum'])) return fc.constantFrom(...(node['enum'] as unknown[]));
  if (Array.isArray(node['anyOf']) || Array.isArray(node['oneOf'])) return branches(node, context);
  if (Array.isArray(node['allOf'])) return intersection(node['allOf'] as SchemaNode[], context);
  if (node['not'] !== undefined) {
    const { not, ...rest } = node;
    return nodeArbitrary(rest, context).filter((v) => !satisfies(not as SchemaNode, v));
  }
  const types = typesOf(node);
  if (!types) return fc.jsonValue({ maxDepth: 1 });
  const byType = types.map((type) => typedArbitrary(type, node, context));
  return byType.length === 1 ? byType[0]! : fc.oneof(...byType);
}

function branches(node: SchemaNode, context: Context): fc.Arbitrary<unknown> {
  const { anyOf, oneOf, ...rest } = node;
  // A branch distributed over a rule it contradicts (`CN` and not `CN`) has no value: drawing from it never ends.
  const alternatives = ((anyOf ?? oneOf) as SchemaNode[])
    .map((branch) => (Object.keys(rest).length > 0 ? { allOf: [rest, branch] } : branch))
    .filter((branch) => !unsatisfiable(branch, context))
    .map((branch) => nodeArbitrary(branch, context));
  if (alternatives.length === 0) throw new Error('no branch of the schema can be satisfied');
  const drawn = fc.oneof(...alternatives);
  // oneOf: exactly one branch may hold.
  if (!oneOf) return drawn;
  const parts = oneOf as SchemaNode[];
  return drawn.filter((v) => parts.filter((p) => satisfies(p, v)).length === 1);
}

/**
 * Parts that could not be merged (two patterns, a pattern and an enum): draw from the narrowest part and keep what
 * every part accepts. Narrowest: a constant or enum, then the shortest bounded pattern, then any pattern or format.
 */
function intersection(parts: SchemaNode[], context: Context): fc.Arbitrary<unknown> {
  const resolved = parts.map((p) => fold(resolveNode(p, context.resolve), context.resolve));
  const rank = (n: SchemaNode): number =>
    'const' in n || 'enum' in n ? 0 : 'pattern' in n ? 1 + ((n['maxLength'] as number | undefined) ?? 1e6) / 1e7 : 'format' in n ? 2 : 3;
  const [narrowest, ...others] = [...resolved].sort((a, b) => rank(a) - rank(b));
  const values = closedValues(narrowest!);
  if (values) return fc.constantFrom(...values.filter((v) => others.every((o) => satisfies(o, v))));
  return nodeArbitrary(narrowest!, context).filter((v) => others.every((o) => satisfies(o, v)));
}

/** The values a `const` or `enum` node allows, or undefined for any other node. */
const closedValues = (node: SchemaNode): unknown[] | undefined =>
  'const' in node ? [node['const']] : Array.isArray(node['enum']) ? (node['enum'] as unknown[]) : undefined;

/**
 * No value satisfies the node, as far as its structure shows: an intersection whose constants the other parts
 * refuse, an object with such a required member, or a choice of such branches. (Not a decision procedure: what it
 * cannot see, the generator's filters find by drawing.)
 */
export function unsatisfiable(raw: SchemaNode, context: Pick<Context, 'resolve'>): boolean {
  const node = fold(resolveNode(raw, context.resolve), context.resolve);
  if (Array.isArray(node['allOf'])) {
    const parts = (node['allOf'] as SchemaNode[]).map((p) => fold(resolveNode(p, context.resolve), context.resolve));
    if (parts.some((p) => unsatisfiable(p, context))) return true;
    const closed = parts.map(closedValues).find((v) => v !== undefined);
    return closed !== undefined && !closed.some((v) => parts.every((p) => satisfies(p, v)));
  }
  const alternatives = (node['anyOf'] ?? node['oneOf']) as SchemaNode[] | undefined;
  if (alternatives) {
    const { anyOf: _a, oneOf: _o, ...rest } = node;
    return alternatives.every((b) => unsatisfiable(Object.keys(rest).length > 0 ? { allOf: [rest, b] } : b, context));
  }
  const properties = (node['properties'] as Record<string, SchemaNode> | undefined) ?? {};
  return ((node['required'] as string[] | undefined) ?? []).some((name) => properties[name] !== undefined && unsatisfiable(properties[name]!, context));
}

function typedArbitrary(type: string, node: SchemaNode, context: Context): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(node);
    case 'integer':
      return fc.integer({ min: bound(node, 'minimum', -1_000_000), max: bound(node, 'maximum', 1_000_000) });
    case 'number':
      return fc.double({ min: bound(node, 'minimum', -1e6), max: bound(node, 'maximum', 1e6), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArbitrary(node, context);
    case 'object':
      return objectArbitrary(node, context);
    default:
      throw new Error(`a schema of type ${type} cannot be generated`);
  }
}

const bound = (node: SchemaNode, keyword: 'minimum' | 'maximum', fallback: number): number => {
  const exclusive = node[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] as number | undefined;
  if (exclusive !== undefined) return keyword === 'minimum' ? exclusive + 1 : exclusive - 1;
  return (node[keyword] as number | undefined) ?? fallback;
};

function arrayArbitrary(node: SchemaNode, context: Context): fc.Arbitrary<unknown[]> {
  const items = nodeArbitrary((node['items'] as SchemaNode | undefined) ?? {}, context);
  const maxItems = (node['maxItems'] as number | undefined) ?? Number.MAX_SAFE_INTEGER;
  // With every optional member present, an array has at least one item too: its items' members are members.
  const minLength = Math.min(maxItems, Math.max((node['minItems'] as number | undefined) ?? 0, context.optionalMembers === 'always' ? 1 : 0));
  const maxLength = Math.min(maxItems, minLength + context.extraItems);
  const unique = node['uniqueItems'] === true;
  const drawn = unique ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) }) : fc.array(items, { minLength, maxLength });
  const contains = node['contains'] as SchemaNode | undefined;
  if (!contains) return drawn;
  // `contains`: one item that satisfies it goes first; the rest keeps to the bounds (and to uniqueness).
  return fc.tuple(nodeArbitrary(contains, context), drawn).map(([first, rest]) => {
    const others = unique ? rest.filter((v) => JSON.stringify(v) !== JSON.stringify(first)) : rest;
    return [first, ...others].slice(0, Math.max(1, maxLength));
  });
}

function objectArbitrary(node: SchemaNode, context: Context): fc.Arbitrary<Record<string, unknown>> {
  const properties = (node['properties'] as Record<string, SchemaNode> | undefined) ?? {};
  const required = new Set((node['required'] as string[] | undefined) ?? []);
  const members: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, schema] of Object.entries(properties)) {
    if (!required.has(name) && (context.optionalMembers === 'never' || unsatisfiable(schema, context))) continue;
    members[name] = nodeArbitrary(schema, context);
  }
  // A member required by a branch but defined only by the closed part is in `properties`; one defined nowhere
  // (an open object) gets any JSON value.
  for (const name of required) members[name] ??= fc.jsonValue({ maxDepth: 1 });
  const requiredKeys = context.optionalMembers === 'always' ? Object.keys(members) : Object.keys(members).filter((k) => required.has(k));
  return fc.record(members, { requiredKeys });
}
