// `ecdx requirements`: the coverage matrix — each requirement with the checks that verify it and the mock's faults
// that violate it; untestable ones with the reason.
import { parseArgs } from 'node:util';
import { conformanceClassNames, SPEC_VERSION } from '../schemas/src/classes.ts';
import { ConfigurationError } from '../conformance/harness/runner.ts';
import { coverageMatrix } from '../verify/coverage.ts';
import type { CommandIo } from './mock.ts';

export const REQUIREMENTS_HELP = `Usage: ecdx requirements [--json] [--class NAME] [--untested]

Lists the requirements of ECDX ${SPEC_VERSION}: for each its level, class, role and policy clauses, the checks that
verify it and the faults of the reference mock that violate it; for one that no black-box test can decide, why.

  --class NAME             only the requirements of this conformance class
                           (${conformanceClassNames.join(', ')})
  --untested               only the requirements no black-box check can decide
  --json                   the rows as a JSON array: each requirement as spec/requirements.json holds it, with
                           its checks and faults
  --help                   print this help
`;

export function requirementsCommand(args: string[], io: CommandIo): number {
  let values: { json?: boolean; class?: string; untested?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: { json: { type: 'boolean' }, class: { type: 'string' }, untested: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }).values;
  } catch (error) {
    throw new ConfigurationError((error as Error).message.split('\n')[0]!);
  }
  if (values.help) {
    io.out(REQUIREMENTS_HELP);
    return 0;
  }
  if (values.class && !conformanceClassNames.includes(values.class as never)) {
    throw new ConfigurationError(`unknown class '${values.class}' (known: ${conformanceClassNames.join(', ')})`);
  }
  const rows = coverageMatrix().filter((row) => (!values.class || row.requirement.class === values.class) && (!values.untested || !row.requirement.testable));
  if (values.json) {
    io.out(
      JSON.stringify(
        rows.map(({ requirement, checks, faults }) => ({ ...requirement, checks, faults })),
        null,
        2,
      ),
    );
    return 0;
  }
  for (const { requirement: r, checks, faults } of rows) {
    io.out(`${r.id}  ${r.level.padEnd(10)} ${r.class.padEnd(26)} ${r.role.padEnd(8)} ${r.clauses.join(',')}`);
    if (!r.testable) io.out(`    not black-box testable: ${r.untestableReason}`);
    else {
      io.out(`    checks: ${checks.join(', ') || '— none —'}`);
      io.out(`    faults: ${faults.join(', ') || '— none —'}`);
    }
  }
  const testable = rows.filter((r) => r.requirement.testable);
  io.out(
    `${rows.length} requirement(s): ${testable.length} testable (${testable.filter((r) => r.checks.length > 0).length} with a check), ${rows.length - testable.length} not black-box testable`,
  );
  return 0;
}
