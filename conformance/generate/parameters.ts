// Invalid query strings, derived from the schemas of an operation's query parameters as the body variants are
// (invalid.ts): each required parameter missing, each bound passed by one, each pattern, format and enum broken, an
// integer that is not one. A query carries text only, so a variant is what its value says as text: a string where
// an integer is due is a word (`abc`), never a number that would read as valid.
import type { TSchema } from '@sinclair/typebox';
import { satisfies } from './sub-schema.ts';
import { invalidVariants, type BrokenKeyword } from './invalid.ts';
import { normalise, typesOf, type SchemaNode } from './schema-node.ts';

export interface QueryParameter {
  name: string;
  schema: TSchema | SchemaNode;
  required?: boolean;
}

export interface InvalidQuery {
  /** `/name`: how a validation-failed problem names a query parameter (with `in: query`). */
  pointer: string;
  keyword: BrokenKeyword;
  description: string;
  /** The whole query, the broken parameter included (or left out). */
  query: Record<string, string>;
}

/** What a parameter's value reads as: a number where the schema wants one and the text is one. */
function parsed(node: SchemaNode, text: string): unknown {
  const types = typesOf(node) ?? [];
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Every invalid variant of the valid query `valid` (parameter name → its text). */
export function invalidQueries(parameters: readonly QueryParameter[], valid: Record<string, string>): InvalidQuery[] {
  const nodes = new Map(parameters.map((p) => [p.name, normalise(p.schema)]));
  const schema: SchemaNode = {
    type: 'object',
    properties: Object.fromEntries(nodes),
    required: parameters.filter((p) => p.required).map((p) => p.name),
  };
  const values = Object.fromEntries(Object.entries(valid).map(([name, text]) => [name, parsed(nodes.get(name) ?? {}, text)]));
  const refused = (query: Record<string, string>) => {
    const read = Object.fromEntries(Object.entries(query).map(([name, text]) => [name, parsed(nodes.get(name) ?? {}, text)]));
    return !satisfies(schema, read);
  };
  const out: InvalidQuery[] = [];
  const seen = new Set<string>();
  const keep = (variant: InvalidQuery) => {
    const key = JSON.stringify(variant.query);
    if (seen.has(key) || !refused(variant.query)) return;
    seen.add(key);
    out.push(variant);
  };
  // No oversized value: a 10,000-character query is a URI too long for the HTTP server, not a parameter to judge.
  for (const variant of invalidVariants(schema, values, { violationsOf: (instance) => pointersOf(schema, instance), oversizedLength: 0 })) {
    if (variant.pointer === '' || variant.keyword === 'additionalProperties') continue;
    const name = variant.pointer.slice(1);
    const node = nodes.get(name) ?? {};
    const instance = variant.instance as Record<string, unknown>;
    if (variant.keyword === 'type') {
      // Text is every parameter's type: only a number that is not one can be broken by type.
      const types = typesOf(node) ?? [];
      if (!types.includes('integer') && !types.includes('number')) continue;
      const word = typeof instance[name] === 'number' ? String(instance[name]) : 'abc';
      keep({
        pointer: variant.pointer,
        keyword: 'type',
        description: `${name}=${word}: not ${types[0] === 'integer' ? 'an integer' : 'a number'}`,
        query: { ...valid, [name]: word },
      });
      continue;
    }
    const query: Record<string, string> = {};
    for (const [key, value] of Object.entries(instance)) query[key] = typeof value === 'string' ? value : JSON.stringify(value);
    keep({ pointer: variant.pointer, keyword: variant.keyword, description: `${variant.description.replace(variant.pointer, name)}`, query });
  }
  return out;
}

/** The parameters a query object breaks, by pointer (Ajv on each parameter alone: a query has no nesting). */
function pointersOf(schema: SchemaNode, instance: unknown): string[] {
  if (typeof instance !== 'object' || instance === null || Array.isArray(instance)) return [''];
  const object = instance as Record<string, unknown>;
  const properties = schema['properties'] as Record<string, SchemaNode>;
  const required = (schema['required'] as string[]) ?? [];
  const out: string[] = [];
  for (const [name, node] of Object.entries(properties)) {
    if (!(name in object)) {
      if (required.includes(name)) out.push(`/${name}`);
    } else if (!satisfies(node, object[name])) out.push(`/${name}`);
  }
  return out;
}
