// npm run build (and prepack): the package's JavaScript and declaration files in dist/, compiled by tsc from the
// same sources the checkout runs directly. TypeScript rewrites the `.ts` import paths of the emitted JavaScript
// (rewriteRelativeImportExtensions) but not of the declaration files, so they are rewritten here: a consumer's
// compiler then resolves every path to a .d.ts that ships.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../schemas/package-root.ts';

const dist = packagePath('dist');
rmSync(dist, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [packagePath('node_modules', 'typescript', 'bin', 'tsc'), '-p', packagePath('tsconfig.build.json')], { stdio: 'inherit' });
} catch {
  console.error('build: tsc reported the errors above');
  process.exit(1);
}

/** `from './x.ts'`, `import('./x.ts')`: relative specifiers only; a package name is never touched. */
const RELATIVE_TS = /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g;

let rewritten = 0;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const file = join(entry.parentPath, entry.name);
  const text = readFileSync(file, 'utf8');
  const out = text.replace(RELATIVE_TS, '$1$2.js$3');
  if (out !== text) {
    writeFileSync(file, out);
    rewritten += 1;
  }
}
console.log(`dist/: compiled; import paths rewritten in ${rewritten} declaration files`);
