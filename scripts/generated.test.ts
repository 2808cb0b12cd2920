import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFolders, generators } from './generators.ts';

const root = join(import.meta.dirname, '..');

describe('generated files are up to date (run `npm run generate` when this fails)', () => {
  const produced = new Set<string>();
  for (const [name, generate] of Object.entries(generators)) {
    it(`${name} output matches the committed files`, async () => {
      const files = await generate();
      for (const [path, content] of files) {
        produced.add(path);
        expect(existsSync(join(root, path)), `${path} is missing`).toBe(true);
        expect(readFileSync(join(root, path), 'utf8'), `${path} is stale`).toBe(content);
      }
    });
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
