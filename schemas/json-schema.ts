// Plain JSON Schema (2020-12) documents from the TypeBox sources: what other languages and tools consume.
import type { TSchema } from '@sinclair/typebox';
import { allSchemas, schemaName, SCHEMA_BASE } from './src/index.ts';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The schema as plain JSON: TypeBox's symbol-keyed metadata dropped, the dialect declared first. */
export function toJsonSchema(schema: TSchema): Record<string, unknown> {
  const { examples, ...plain } = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
  // Examples last: a reader looks for the structure first.
  return { $schema: JSON_SCHEMA_DIALECT, ...plain, ...(examples === undefined ? {} : { examples }) };
}

/** Every generated file of `schemas/json/`, keyed by path relative to the project root. */
export function generateJsonSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  const index: { name: string; $id: string; title: string; file: string }[] = [];
  for (const schema of allSchemas) {
    const name = schemaName(schema);
    const file = `${name}.json`;
    files.set(`schemas/json/${file}`, `${JSON.stringify(toJsonSchema(schema), null, 2)}\n`);
    index.push({ name, $id: schema.$id as string, title: String(schema.title ?? name), file });
  }
  files.set('schemas/json/index.json', `${JSON.stringify({ base: SCHEMA_BASE, dialect: JSON_SCHEMA_DIALECT, schemas: index }, null, 2)}\n`);
  return files;
}
