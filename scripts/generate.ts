// Writes every generated file. Usage: tsx scripts/generate.ts [generator-name …]
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedFolders, generators } from './generators.ts';

const root = join(import.meta.dirname, '..');
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in generators));
if (unknown.length > 0) {
  console.error(`unknown generator(s): ${unknown.join(', ')}; known: ${Object.keys(generators).join(', ')}`);
  process.exit(2);
}
const written = new Set<string>();
for (const [name, generate] of Object.entries(generators)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const files = await generate();
  for (const [path, content] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    written.add(path);
  }
  console.log(`${name}: ${files.size} file(s)`);
}
if (wanted.length === 0) {
  for (const folder of generatedFolders) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name).slice(root.length + 1);
      if (!written.has(path)) {
        rmSync(join(root, path));
        console.log(`removed stale ${path}`);
      }
    }
  }
}
