#!/usr/bin/env node
// The `ecdx` command. An installed package runs the compiled JavaScript (dist/); a checkout of the repository runs
// its TypeScript sources through tsx (a development dependency), so that it never runs a stale build.
import { existsSync } from 'node:fs';

const source = new URL('../cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import('../dist/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
