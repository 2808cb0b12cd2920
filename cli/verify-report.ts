// `ecdx verify-report`: whether a sealed report.json is as the harness wrote it (its detached JWS verifies over the
// file's exact bytes with the given public key, and it is a valid ConformanceReport), and what it claims. Exit 0 for
// an intact report, 1 for one that is not (an edited byte, a missing or foreign signature), 2 for a misuse.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ConfigurationError } from '../conformance/harness/runner.ts';
import { ConformanceReport, SIGNATURE_FILE } from '../conformance/harness/report.ts';
import { detachedProblem, keyThumbprint } from '../conformance/harness/seal.ts';
import { verdict } from '../conformance/reporters/shared.ts';
import { publicKeyOf, readOrRefuse, reason } from './key-files.ts';

export const VERIFY_REPORT_HELP = `Usage: ecdx verify-report REPORT --public-key FILE [--signature FILE]

Checks that a report.json sealed with ecdx test --sign-key is as the harness wrote it: its signature (a
detached JWS, EdDSA) verifies over the file's exact bytes with the public key, and it is a valid
ConformanceReport. Then prints what the report claims: target, role, classes, verdict, when, with which
specification and harness, the seed, certification and waivers.

  REPORT                   the report.json to check
  --public-key FILE        the Ed25519 public key (SPKI PEM) of whoever sealed it
  --signature FILE         the signature (default: report.json.jws beside REPORT)

Exit status: 0 for an intact report; 1 when it is not (one byte changed, another key, no signature, not a
valid report); 2 for a usage error (missing arguments, a file or key that cannot be read).
`;

/** Compiled on first use: every `ecdx` command loads this module, and only verify-report needs it. */
let validator: ReturnType<typeof TypeCompiler.Compile<typeof ConformanceReport>> | undefined;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What the report claims, one line each: what a reader checks before trusting it. */
function claims(report: ConformanceReport): string[] {
  const waivers = report.waivers ?? [];
  const count = (use: string) => waivers.filter((w) => w.use === use).length;
  return [
    `target: ${report.target.url} (${report.target.role})`,
    `classes: ${report.classes.length > 0 ? report.classes.join(', ') : 'none'}`,
    `verdict: ${report.verdict} — ${verdict(report)}`,
    `run: ${report.startedAt} → ${report.finishedAt}`,
    `spec: ECDX ${report.specVersion}, requirements SHA-256 ${report.specSha256}`,
    ...(report.provenance
      ? [`ran with: OpenAPI ${report.provenance.openapiSha256}, schemas ${report.provenance.schemasSha256}, checks ${report.provenance.checkSetSha256}`]
      : []),
    `harness: ecdx ${report.harnessVersion}`,
    `seed: ${report.provenance ? report.provenance.seed : 'not recorded'}`,
    `certification: ${report.certification ? 'yes, every waiver ignored' : 'no'}`,
    `waivers: ${waivers.length === 0 ? 'none' : `${count('applied')} applied, ${count('unused')} unused, ${count('ignored')} ignored; ${report.summary.waived} result(s) waived`}`,
  ];
}

export function verifyReportCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'public-key': { type: 'string' }, signature: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.out(VERIFY_REPORT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new ConfigurationError('give one REPORT: ecdx verify-report report.json --public-key FILE');
  if (!values['public-key']) throw new ConfigurationError('--public-key FILE is required: the key that verifies the seal');
  const path = positionals[0]!;
  const key = publicKeyOf(values['public-key']);
  const bytes = readOrRefuse(path, 'the report');
  const signaturePath = values.signature ?? join(dirname(path), SIGNATURE_FILE);
  let jws: string;
  try {
    jws = readFileSync(signaturePath, 'utf8');
  } catch (error) {
    io.err(`ecdx: NOT intact: no signature at ${signaturePath} (${reason(error)}): the report is not sealed, or its signature was not kept beside it`);
    return 1;
  }
  const problem = detachedProblem(bytes, jws, key);
  if (problem) {
    io.err(`ecdx: NOT intact: ${problem}`);
    return 1;
  }
  let report: unknown;
  try {
    report = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    io.err(`ecdx: NOT intact: the signature verifies, but ${path} is not JSON: ${reason(error)}`);
    return 1;
  }
  validator ??= TypeCompiler.Compile(ConformanceReport);
  if (!validator.Check(report)) {
    const first = validator.Errors(report).First();
    io.err(`ecdx: NOT intact: the signature verifies, but ${path} is no valid ConformanceReport: ${first?.path || '/'} ${first?.message}`);
    return 1;
  }
  if (report.seal && report.seal.keyThumbprint !== keyThumbprint(key)) {
    io.err(`ecdx: NOT intact: the report names the key ${report.seal.keyThumbprint}, not the one given (${keyThumbprint(key)})`);
    return 1;
  }
  io.out(`intact: ${path} is signed by the key ${keyThumbprint(key)} and is a valid ConformanceReport`);
  for (const line of claims(report)) io.out(`  ${line}`);
  return 0;
}
