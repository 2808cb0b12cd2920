// A JSON Schema as the generators read it: plain JSON (TypeBox's symbols dropped), every `$ref` resolved against
// the published schemas, and `allOf` folded into one node where the parts can be merged. ECDX writes its
// conditional rules as `allOf` [closed object, `anyOf` [branches]] (see schemas/src/parties.ts, Address), so the fold
// distributes an `anyOf` over the object it sits beside: each branch becomes a whole alternative a generator can
// draw from directly, instead of drawing from the object and hoping a branch holds.
import type { TSchema } from '@sinclair/typebox';
import { allSchemas } from '../../schemas/src/index.ts';

/** A JSON Schema node (draft 2020-12 keywords as ECDX uses them). */
export type SchemaNode = { [keyword: string]: unknown };

/** Finds the schema a `$ref` names; the default knows every published ECDX schema by its `$id`. */
export type RefResolver = (ref: string) => SchemaNode | undefined;

const plain = (schema: TSchema | SchemaNode): SchemaNode => JSON.parse(JSON.stringify(schema)) as SchemaNode;

let published: Map<string, SchemaNode> | undefined;

/** The published ECDX schemas by `$id`, as plain JSON. */
export const ecdxSchemas: RefResolver = (ref) => {
  published ??= new Map(allSchemas.map((s) => [String(s.$id), plain(s)]));
  return published.get(ref);
};

/** Keywords that only document: dropped so that two nodes that say the same thing merge. */
const ANNOTATIONS = new Set(['$id', '$schema', 'title', 'description', 'examples', 'default', '$comment', 'deprecated', 'readOnly', 'writeOnly']);

const isEmpty = (node: SchemaNode): boolean => Object.keys(node).length === 0;

/**
 * The node with its `$ref` resolved (its own keywords beside the `$ref` kept) and annotations dropped, one level
 * deep: children stay as written until a generator reaches them.
 */
export function resolveNode(node: SchemaNode, resolve: RefResolver = ecdxSchemas, seen: readonly string[] = []): SchemaNode {
  const out: SchemaNode = {};
  for (const [keyword, value] of Object.entries(node)) if (!ANNOTATIONS.has(keyword) && keyword !== '$ref') out[keyword] = value;
  const ref = node['$ref'];
  if (typeof ref !== 'string') return out;
  if (seen.includes(ref)) throw new Error(`the schema refers to itself through ${ref}: a generator cannot bound it`);
  const target = resolve(ref);
  if (!target) throw new Error(`unknown $ref ${ref}`);
  const resolved = resolveNode(target, resolve, [...seen, ref]);
  return isEmpty(out) ? resolved : mergeNodes(resolved, out, resolve);
}

/** `schema` ready for a generator: plain, resolved, its `allOf` folded. */
export function normalise(schema: TSchema | SchemaNode, resolve: RefResolver = ecdxSchemas): SchemaNode {
  return fold(resolveNode(plain(schema), resolve), resolve);
}

/** Fold `allOf` into the node (distributing `anyOf`); other keywords stay. */
export function fold(node: SchemaNode, resolve: RefResolver = ecdxSchemas): SchemaNode {
  const parts = node['allOf'] as SchemaNode[] | undefined;
  if (!parts) return node;
  const { allOf: _allOf, ...rest } = node;
  return parts.map((p) => fold(resolveNode(p, resolve), resolve)).reduce((a, b) => mergeNodes(a, b, resolve), rest as SchemaNode);
}

/**
 * Two nodes a value must both satisfy, as one. Objects merge member by member; an `anyOf` distributes over the
 * other node; what cannot be merged (two patterns on one string) is kept as `allOf`, and the generator draws from
 * the narrower part and keeps what the other accepts.
 */
export function mergeNodes(first: SchemaNode, second: SchemaNode, resolve: RefResolver = ecdxSchemas): SchemaNode {
  const a = fold(resolveNode(first, resolve), resolve);
  const b = fold(resolveNode(second, resolve), resolve);
  if (isEmpty(a)) return b;
  if (isEmpty(b)) return a;
  // A rule met twice (a member's own $ref and a branch's, both CrossBorderTransfer) is met once.
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  if (Array.isArray(b['anyOf']) && Object.keys(b).length === 1) {
    return { anyOf: (b['anyOf'] as SchemaNode[]).map((branch) => mergeNodes(a, fold(resolveNode(branch, resolve), resolve), resolve)) };
  }
  if (Array.isArray(a['anyOf']) && Object.keys(a).length === 1) return mergeNodes(b, a, resolve);
  if (isObjectNode(a) && isObjectNode(b)) return mergeObjects(a, b, resolve);
  return { allOf: [...partsOf(a), ...partsOf(b)] };
}

/** The parts of an intersection, nested ones flattened; any other node is one part. */
const partsOf = (node: SchemaNode): SchemaNode[] => (Array.isArray(node['allOf']) && Object.keys(node).length === 1 ? (node['allOf'] as SchemaNode[]) : [node]);

const isObjectNode = (node: SchemaNode): boolean => node['type'] === 'object' || (node['type'] === undefined && 'properties' in node);

function mergeObjects(a: SchemaNode, b: SchemaNode, resolve: RefResolver): SchemaNode {
  const properties: Record<string, SchemaNode> = { ...((a['properties'] as Record<string, SchemaNode>) ?? {}) };
  for (const [name, schema] of Object.entries((b['properties'] as Record<string, SchemaNode>) ?? {})) {
    const other = properties[name];
    const resolved = resolveNode(schema, resolve);
    properties[name] = other ? mergeNodes(resolveNode(other, resolve), resolved, resolve) : resolved;
  }
  const required = [...new Set([...((a['required'] as string[]) ?? []), ...((b['required'] as string[]) ?? [])])];
  const merged: SchemaNode = { ...a, ...b, type: 'object', properties, required };
  // Closed when either part is closed: the closed part lists every member the value may have.
  if (a['additionalProperties'] === false || b['additionalProperties'] === false) merged['additionalProperties'] = false;
  return merged;
}

/** The `type` of a node as a list (`undefined`: any). */
export function typesOf(node: SchemaNode): string[] | undefined {
  const type = node['type'];
  if (type === undefined) {
    if ('const' in node) return [jsonType(node['const'])];
    if (Array.isArray(node['enum'])) return [...new Set((node['enum'] as unknown[]).map(jsonType))];
    if ('properties' in node) return ['object'];
    if ('items' in node) return ['array'];
    if ('pattern' in node || 'format' in node || 'minLength' in node || 'maxLength' in node) return ['string'];
    return undefined;
  }
  return Array.isArray(type) ? (type as string[]) : [type as string];
}

/** The JSON Schema type of a value. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
