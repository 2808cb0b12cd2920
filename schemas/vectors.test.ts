// Every test vector through both validators: the compiled TypeBox schema and an Ajv built from the published
// JSON files. A disagreement with the expected verdict in either is a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ajvWithPublishedSchemas, publishedSchemaFiles } from './ajv.ts';
import { allSchemas, schemaName, schemasByName } from './src/index.ts';
import { validatorFor } from './validate.ts';

interface VectorTest {
  description: string;
  data: unknown;
  valid: boolean;
}
interface VectorGroup {
  description: string;
  schema: { $ref: string };
  tests: VectorTest[];
}

const vectorDir = join(import.meta.dirname, 'vectors');
const ajv = ajvWithPublishedSchemas();
const vectorFiles = readdirSync(vectorDir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const vectorMetaSchema = JSON.parse(readFileSync(join(vectorDir, 'vectors.schema.json'), 'utf8'));
const checkVectorFile = ajv.compile(vectorMetaSchema);

describe('published JSON Schemas', () => {
  it.each(publishedSchemaFiles().map((f) => [f.name, f] as const))('%s compiles under strict Ajv 2020', (_, file) => {
    expect(() => ajv.getSchema(file.$id)).not.toThrow();
    expect(ajv.getSchema(file.$id)).toBeTypeOf('function');
  });
});

describe.each(allSchemas.map((s) => [schemaName(s), s] as const))('%s', (name, schema) => {
  it('has a title, a description and examples that are valid', () => {
    expect(schema.title, 'title').toBeTruthy();
    expect(schema.description, 'description').toBeTruthy();
    const examples = schema.examples as unknown[] | undefined;
    expect(Array.isArray(examples) && examples.length > 0, 'at least one example').toBe(true);
    const ajvCheck = ajv.getSchema(schema.$id as string)!;
    for (const example of examples ?? []) {
      expect(validatorFor(schema).Check(example), `TypeBox accepts example ${JSON.stringify(example)}`).toBe(true);
      expect(ajvCheck(example), `Ajv accepts example: ${JSON.stringify(ajvCheck.errors)}`).toBe(true);
    }
  });

  it('has a vector file with at least 3 valid and 5 invalid instances', () => {
    const path = join(vectorDir, `${name}.json`);
    expect(existsSync(path), `${path} exists`).toBe(true);
    const groups = JSON.parse(readFileSync(path, 'utf8')) as VectorGroup[];
    const tests = groups.filter((g) => g.schema.$ref === schema.$id).flatMap((g) => g.tests);
    expect(tests.filter((t) => t.valid).length).toBeGreaterThanOrEqual(3);
    expect(tests.filter((t) => !t.valid).length).toBeGreaterThanOrEqual(5);
  });
});

describe.each(vectorFiles)('vectors %s', (file) => {
  const groups = JSON.parse(readFileSync(join(vectorDir, file), 'utf8')) as VectorGroup[];

  it('is well-formed and names a published schema', () => {
    expect(checkVectorFile(groups), JSON.stringify(checkVectorFile.errors)).toBe(true);
    for (const group of groups) {
      const name = group.schema.$ref.slice(group.schema.$ref.lastIndexOf('/') + 1).replace(/\.json$/, '');
      expect(schemasByName.has(name), `${group.schema.$ref} is published`).toBe(true);
    }
  });

  for (const group of groups) {
    const name = group.schema.$ref.slice(group.schema.$ref.lastIndexOf('/') + 1).replace(/\.json$/, '');
    const schema = schemasByName.get(name);
    if (!schema) continue;
    const ajvCheck = ajv.getSchema(group.schema.$ref);
    for (const test of group.tests) {
      it(`${group.description}: ${test.description}`, () => {
        expect(validatorFor(schema).Check(test.data), 'TypeBox verdict').toBe(test.valid);
        expect(ajvCheck?.(test.data), `Ajv verdict ${JSON.stringify(ajvCheck?.errors ?? [])}`).toBe(test.valid);
      });
    }
  }
});
