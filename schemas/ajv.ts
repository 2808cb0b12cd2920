// An Ajv (JSON Schema 2020-12, with formats) loaded from the published JSON files, as an outside user loads
// them: the independent second validator of the differential tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { packagePath } from './package-root.ts';

// ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const jsonDir = packagePath('schemas', 'json');

export function publishedSchemaFiles(): { name: string; $id: string; schema: Record<string, unknown> }[] {
  const index = JSON.parse(readFileSync(join(jsonDir, 'index.json'), 'utf8')) as {
    schemas: { name: string; $id: string; file: string }[];
  };
  return index.schemas.map(({ name, $id, file }) => ({
    name,
    $id,
    schema: JSON.parse(readFileSync(join(jsonDir, file), 'utf8')) as Record<string, unknown>,
  }));
}

/** A strict Ajv 2020 instance with every published schema added. */
export function ajvWithPublishedSchemas(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const { schema } of publishedSchemaFiles()) ajv.addSchema(schema);
  return ajv;
}
