// Every generated, committed file of the project comes from one of these functions. `npm run generate` writes
// them; scripts/generated.test.ts fails when a committed copy is stale.
import { generateDocs } from '../docs/src/build.ts';
import { generatePrintedEdition } from '../docs/src/print/pdf.ts';
import { generateDemoCredentialsAppendix } from '../protocol/demo-credentials-appendix.ts';
import { generateJsonSchemas } from '../schemas/json-schema.ts';
import { generateOpenApi } from '../spec/openapi/document.ts';
import { generateOpenApiTypes } from './openapi-types.ts';
import { generateRequirementsJson } from '../spec/registry.ts';
import { generateChapterTables } from '../spec/text-tables.ts';

/** A file's content: text, or bytes (the printed edition's PDFs). */
export type Generated = string | Uint8Array;
export type Generator = () => Map<string, Generated> | Promise<Map<string, Generated>>;

/** In dependency order: the docs read the OpenAPI document and the chapters that earlier generators write. */
export const generators: Record<string, Generator> = {
  'json-schema': generateJsonSchemas,
  'chapter-tables': generateChapterTables,
  'demo-credentials-appendix': generateDemoCredentialsAppendix,
  requirements: generateRequirementsJson,
  openapi: generateOpenApi,
  'openapi-types': generateOpenApiTypes,
  // `npm run docs` writes the site and the printed edition (docs/ecdx-<version>.<language>.pdf, decision 0058).
  docs: async () => {
    const [site, printed] = await Promise.all([generateDocs(), generatePrintedEdition()]);
    return new Map<string, Generated>([...site, ...printed]);
  },
};

/** Folders whose every file is generated: a file there that no generator produces is stale too. */
export const generatedFolders = ['schemas/json', 'docs/zh-Hans'];
