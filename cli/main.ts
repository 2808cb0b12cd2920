// The `ecdx` command line. Every misuse ends with a one-line message on stderr and exit code 2; every command
// answers --help with its usage and --version with the versions, so that a reader never has to guess which works.
import { conformanceClassNames, SPEC_VERSION } from '../schemas/src/classes.ts';
import { mockCommand } from './mock.ts';
import { requirementsCommand } from './requirements.ts';
import { serve } from './serve.ts';
import { testCommand } from './test.ts';
import { verifyReportCommand } from './verify-report.ts';
import { verifyLogCommand } from './verify-log.ts';
import { watchCommand } from './monitor.ts';
import { ConfigurationError } from '../conformance/harness/runner.ts';
import { packageVersion } from '../schemas/package-root.ts';

const HELP = `ecdx ${packageVersion} — ECDX ${SPEC_VERSION} tools

Usage:
  ecdx test --target URL --role carrier|platform [options]
                                               run the conformance suite against an endpoint (ecdx test --help)
  ecdx serve --role carrier|platform [options]
                                               play the counterparty of a client you drive, judge what it
                                               sends and write the reports (ecdx serve --help)
  ecdx verify-report REPORT --public-key FILE
                                               check a sealed report.json and print what it claims
                                               (ecdx verify-report --help)
  ecdx monitor --target URL --role carrier|platform [options]
                                               watch a link for weeks: interruptions judged against the
                                               notices, an evidence log, metrics (ecdx monitor --help)
  ecdx monitor verify-log FILE [--public-key FILE] [--head HASH]
                                               check a monitor's hash-chained evidence log: exit 0 intact,
                                               1 edited, reordered or cut short (ecdx monitor verify-log --help)
  ecdx requirements [--json] [--class NAME] [--untested]
                                               the requirements with the checks and mock faults of each
                                               (ecdx requirements --help)
  ecdx mock [--role R] [--port N] [--fault NAME]… [--data FILE] [--list-faults [--json]]
                                               run the reference mock server (ecdx mock --help for all options)
  ecdx --version                               print the harness and spec versions (also after a command)
  ecdx --help                                  print this help

Classes: ${conformanceClassNames.join(', ')}
`;

class UsageError extends Error {}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}
// A reader that goes away early (`ecdx test … | head -2`) closes stdout. That is no error of ours, and it must not
// end the process: the run goes on, writes its reports and exits with its verdict's code. Whatever is written to
// stdout afterwards goes nowhere.
// The same for stderr (`2>&1 | head`).
const open = { stdout: true, stderr: true };
process.stdout.on('error', () => {
  open.stdout = false;
});
process.stderr.on('error', () => {
  open.stderr = false;
});
const processIo: Io = {
  out: (l) => {
    if (open.stdout) process.stdout.write(`${l}\n`);
  },
  err: (l) => {
    if (open.stderr) process.stderr.write(`${l}\n`);
  },
};

/** The subcommands, by name; each parses its own arguments and answers its own --help. */
export const COMMANDS: Readonly<Record<string, (args: string[], io: Io) => number | Promise<number>>> = {
  test: testCommand,
  serve,
  requirements: requirementsCommand,
  mock: mockCommand,
  'verify-report': verifyReportCommand,
  monitor: monitorCommand,
};

/** `ecdx monitor`: watch links (cli/monitor.ts), or `verify-log` a log it wrote. */
function monitorCommand(args: string[], io: Io): Promise<number> | number {
  const [sub, ...rest] = args;
  if (sub === 'verify-log') return verifyLogCommand(rest, io);
  if (sub !== undefined && !sub.startsWith('-'))
    throw new UsageError(`ecdx monitor: unknown subcommand '${sub}' (available: verify-log; or options to watch a target)`);
  return watchCommand(args, io);
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
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(`unknown command '${command}' (try 'ecdx --help')`);
    // No option of any command takes a value that begins with "--" (parseArgs refuses one as ambiguous), so the
    // token is the flag wherever it stands.
    if (rest.includes('--version')) {
      io.out(`ecdx ${packageVersion} (spec ${SPEC_VERSION})`);
      return 0;
    }
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigurationError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`ecdx: ${(error as Error).message.split('\n')[0]}`);
      return 2;
    }
    throw error;
  }
}
