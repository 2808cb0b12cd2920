// The registry of every published ECDX schema. Generators, validators and tests read this list; adding a schema
// to an area's exported list is all it takes to publish it.
import type { TSchema } from '@sinclair/typebox';
import { commonSchemas } from './common.ts';
import { shippingSchemas } from './shipping.ts';
import { trackingSchemas } from './tracking.ts';
import { governanceSchemas } from './governance.ts';
import { testControlSchemas } from './test-controls.ts';

export * from './common.ts';
export * from './shipping.ts';
export * from './tracking.ts';
export * from './governance.ts';
export * from './test-controls.ts';

export const allSchemas: readonly TSchema[] = [...commonSchemas, ...shippingSchemas, ...trackingSchemas, ...governanceSchemas, ...testControlSchemas];

/** The short name of a published schema: the last path segment of its `$id` without `.json`. */
export const schemaName = (schema: TSchema): string => {
  const id = schema.$id;
  if (!id) throw new Error(`schema without $id: ${JSON.stringify(schema).slice(0, 80)}`);
  return id.slice(id.lastIndexOf('/') + 1).replace(/\.json$/, '');
};

export const schemasByName: ReadonlyMap<string, TSchema> = new Map(allSchemas.map((s) => [schemaName(s), s]));

export const schemaByName = (name: string): TSchema => {
  const schema = schemasByName.get(name);
  if (!schema) throw new Error(`no published schema named ${name}`);
  return schema;
};
