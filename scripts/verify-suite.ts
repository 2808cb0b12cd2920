// npm run verify-suite: the suite against the reference mock and against each fault alone. Prints the detection
// matrix and writes docs/detection-matrix.json (rendered by the docs build). Exit 1 when the baseline is not clean,
// a fault goes undetected or causes a false failure.
//   tsx scripts/verify-suite.ts [--role carrier|platform] [--fault NAME]… [--parallel N] [--workers N] [--every-check] [--no-write] [--quiet]
// Each fault runs the checks it can reach, as the traced clean baseline shows (verify/impact.ts, decision 0046);
// --every-check runs every check under every fault instead.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { faultByName, type FaultName } from '../mocks/faults/index.ts';
import { PARTY_ROLES, type PartyRole } from '../schemas/src/index.ts';
import { verifySuite } from '../verify/verify-suite.ts';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true },
    fault: { type: 'string', multiple: true },
    parallel: { type: 'string' },
    'no-write': { type: 'boolean' },
    'every-check': { type: 'boolean' },
    workers: { type: 'string' },
    quiet: { type: 'boolean' },
  },
});
const roles = (values.role ?? PARTY_ROLES) as PartyRole[];
for (const r of roles)
  if (r !== 'carrier' && r !== 'platform') {
    console.error(`verify-suite: --role must be carrier or platform, not '${r}'`);
    process.exit(2);
  }
for (const name of values.fault ?? [])
  if (!faultByName(name)) {
    console.error(`verify-suite: unknown fault '${name}' (see ecdx mock --list-faults)`);
    process.exit(2);
  }
const started = Date.now();
const matrix = await verifySuite({
  roles,
  ...(values.fault ? { faults: values.fault as FaultName[] } : {}),
  parallel: Number(values.parallel ?? 3),
  ...(values['every-check'] ? { reach: 'every-check' as const } : {}),
  // One worker thread per core by default: a run's harness and mock share one.
  workers: Number(values.workers ?? availableParallelism()),
  ...(values.quiet ? {} : { onProgress: (line: string) => console.log(line) }),
});
const whole = !values.fault && roles.length === 2;
if (whole && !values['no-write']) {
  writeFileSync(join(import.meta.dirname, '..', 'docs', 'detection-matrix.json'), `${JSON.stringify(matrix, null, 2)}\n`);
}
const { summary } = matrix;
console.log('');
for (const f of matrix.faults.filter((f) => !f.detected || f.falseFailures.length > 0)) {
  console.log(
    `✘ ${f.fault} [${f.requirements.join(', ')}]: ${f.detected ? '' : 'NOT DETECTED; '}${f.falseFailures.length ? `false failures: ${f.falseFailures.join(', ')}` : ''}`,
  );
}
for (const b of matrix.baseline.filter((b) => b.failed.length || b.errors.length || b.blocked.length)) {
  console.log(`✘ baseline ${b.role}: failed ${b.failed.join(', ') || '-'}; errors ${b.errors.join(' | ') || '-'}; blocked ${b.blocked.join(', ') || '-'}`);
}
console.log(
  `detection matrix: ${summary.detected}/${summary.faults} faults detected, ${summary.withFalseFailures} with false failures, ` +
    `baseline ${summary.baselineClean ? 'clean' : 'NOT clean'} (${Math.round((Date.now() - started) / 1000)} s)`,
);
process.exitCode = summary.baselineClean && summary.detected === summary.faults && summary.withFalseFailures === 0 ? 0 : 1;
