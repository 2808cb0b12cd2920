// Whether a value satisfies one node of a schema: for the parts a generator cannot draw from directly (the other
// half of an `allOf` of two patterns, a `not`), and for the final word on a whole instance when the caller gives no
// validator of its own. Ajv, loaded with the published schemas so that `$ref`s inside a node resolve.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { publishedSchemaFiles } from '../../schemas/ajv.ts';
import type { SchemaNode } from './schema-node.ts';

// ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let ajv: Ajv2020 | undefined;
// By the node's text, not its identity: the generators fold and merge nodes afresh on every walk, and Ajv keeps every
// schema object it compiled — keyed by identity, each walk would compile (and keep) the same node again.
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (ajv) return ajv;
  // Not strict: merged nodes name `required` members their own `properties` do not list, which is valid JSON Schema.
  ajv = new Ajv2020({ strict: false, allErrors: false, unicodeRegExp: true });
  addFormats(ajv);
  for (const { schema } of publishedSchemaFiles()) ajv.addSchema(schema);
  return ajv;
}

/** The value satisfies the node. */
/** A node's text, once per node object: drawing calls satisfies on the same node for every value. */
const keys = new WeakMap<SchemaNode, string>();

export function satisfies(node: SchemaNode, value: unknown): boolean {
  let key = keys.get(node);
  if (key === undefined) {
    key = JSON.stringify(node);
    keys.set(node, key);
  }
  let validate = compiled.get(key);
  if (!validate) {
    validate = instance().compile(node);
    compiled.set(key, validate);
  }
  return validate(value) === true;
}
