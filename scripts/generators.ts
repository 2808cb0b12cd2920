// Every generated, committed file of the project comes from one of these functions. `npm run generate` writes
// them; scripts/generated.test.ts fails when a committed copy is stale.
import { generateDocs } from '../docs/src/build.ts';
import { generateDemoCredentialsAppendix } from '../protocol/demo-credentials-appendix.ts';
import { generateJsonSchemas } from '../schemas/json-schema.ts';
import { generateOpenApi } from '../spec/openapi/document.ts';
import { generateOpenApiTypes } from './openapi-types.ts';
import { generateRequirementsJson } from '../spec/registry.ts';
import { generateChapterTables } from '../spec/text-tables.ts';

export type Generator = () => Map<string, string> | Promise<Map<string, string>>;

/** In dependency order: the docs read the OpenAPI document and the chapters that earlier generators write. */
export const generators: Record<string, Generator> = {
  'json-schema': generateJsonSchemas,
  'chapter-tables': generateChapterTables,
  'demo-credentials-appendix': generateDemoCredentialsAppendix,
  requirements: generateRequirementsJson,
  openapi: generateOpenApi,
  'openapi-types': generateOpenApiTypes,
  docs: generateDocs,
};

/** Folders whose every file is generated: a file there that no generator produces is stale too. */
export const generatedFolders = ['schemas/json'];
