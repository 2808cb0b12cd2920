#!/usr/bin/env node
// The `ecdx` command. The sources are TypeScript run through tsx's loader, so nothing needs a build step or an
// install script.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
