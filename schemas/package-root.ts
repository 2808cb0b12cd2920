// Where the package's files are, in a checkout and in an installed package alike: the data the standard publishes
// (JSON Schemas, vectors, the requirements registry) sits at the same paths beside the compiled code (dist/) as
// beside the sources, so every module that reads one at run time resolves it from here.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ecdx') return dir;
    if (dirname(dir) === dir) throw new Error(`ecdx: no package.json named ecdx above ${start}`);
  }
}

/** The folder holding ECDX's package.json. */
export const packageRoot: string = findPackageRoot(import.meta.dirname);

/** A path inside the package: `packagePath('spec', 'requirements.json')`. */
export const packagePath = (...parts: string[]): string => join(packageRoot, ...parts);

/** The package's version (package.json). */
export const packageVersion: string = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
