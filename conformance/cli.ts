// The `ecdx` command line. Subcommands are added as the harness and the mock arrive; every misuse ends with a
// one-line message on stderr and exit code 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { conformanceClassNames, SPEC_VERSION } from '../spec/classes.ts';
import { registry } from '../spec/registry.ts';
import { mockCommand } from './commands/mock.ts';

const packageVersion = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

const HELP = `ecdx ${packageVersion} — ECDX ${SPEC_VERSION} tools

Usage:
  ecdx requirements [--json] [--class NAME]   list the requirements (id, level, class, role, clauses, testable)
  ecdx mock [--role R] [--port N] [--fault NAME]… [--data FILE] [--list-faults [--json]]
                                               run the reference mock server (ecdx mock --help for all options)
  ecdx --version                               print the harness and spec versions
  ecdx --help                                  print this help

Classes: ${conformanceClassNames.join(', ')}
`;

class UsageError extends Error {}

interface Io { out: (line: string) => void; err: (line: string) => void }
const processIo: Io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

function requirementsCommand(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, class: { type: 'string' } }, strict: true });
  if (values.class && !conformanceClassNames.includes(values.class as never)) {
    throw new UsageError(`unknown class '${values.class}' (known: ${conformanceClassNames.join(', ')})`);
  }
  const list = registry().requirements.filter((r) => !values.class || r.class === values.class);
  if (values.json) {
    io.out(JSON.stringify(list, null, 2));
    return 0;
  }
  for (const r of list) {
    io.out([r.id, r.level.padEnd(10), r.class.padEnd(26), r.role.padEnd(8), r.clauses.join(',').padEnd(12), r.testable ? 'testable' : 'not testable'].join('  '));
  }
  io.out(`${list.length} requirement(s)`);
  return 0;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(HELP);
        return 0;
      case '--version':
      case '-v':
        io.out(`ecdx ${packageVersion} (spec ${SPEC_VERSION})`);
        return 0;
      case 'requirements':
        return requirementsCommand(rest, io);
      case 'mock':
        return await mockCommand(rest, io);
      default:
        throw new UsageError(`unknown command '${command}' (try 'ecdx --help')`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`ecdx: ${(error as Error).message.split('\n')[0]}`);
      return 2;
    }
    throw error;
  }
}
