import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../docs/src/print/text.ts';
import { generatedFolders, generators, type Generated } from './generators.ts';

const root = join(import.meta.dirname, '..');

/**
 * What is compared: a text file as it is; a PDF (the printed edition) by the text it draws, in the order it draws
 * it, with all whitespace dropped, because its bytes change with the Chromium build and the fonts that printed it
 * (decision 0058). Not poppler's reading order, nor whitespace kept: a Chromium one release apart wraps a table's
 * Chinese cell a few points differently, and poppler then reads that table's cells in another order.
 */
const comparable = (path: string, content: Generated): string =>
  path.endsWith('.pdf') ? pdfText(typeof content === 'string' ? Buffer.from(content) : content, 'raw').replace(/\s+/g, '') : String(content);
const committed = (path: string): Generated => (path.endsWith('.pdf') ? readFileSync(join(root, path)) : readFileSync(join(root, path), 'utf8'));

describe('generated files are up to date (run `npm run generate` when this fails)', () => {
  const produced = new Set<string>();
  for (const [name, generate] of Object.entries(generators)) {
    it(`${name} output matches the committed files`, async () => {
      const files = await generate();
      for (const [path, content] of files) {
        produced.add(path);
        expect(existsSync(join(root, path)), `${path} is missing`).toBe(true);
        expect(comparable(path, committed(path)), `${path} is stale`).toBe(comparable(path, content));
      }
    }, 120_000); // the docs print their PDFs in Chromium: 14 s here, more on two busy CI cores
  }
  it('generated folders hold no file that no generator produces', () => {
    for (const folder of generatedFolders) {
      for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const path = join(entry.parentPath, entry.name).slice(root.length + 1);
        expect(produced.has(path), `${path} is not produced by any generator`).toBe(true);
      }
    }
  });
});
