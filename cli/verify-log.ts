// `ecdx monitor verify-log`: whether an evidence log is as the monitor wrote it (decision 0054). Exit 0 for an intact
// log, 1 when any record was edited, removed, reordered, inserted or cut off, or a signature fails, 2 for a misuse.
import { closeSync, openSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigurationError } from '../conformance/harness/runner.ts';
import { verifyLog } from '../monitor/evidence/verify.ts';
import { publicKeyOf, reason } from './key-files.ts';

export const VERIFY_LOG_HELP = `Usage: ecdx monitor verify-log FILE [--public-key FILE] [--head HASH] [--json]

Checks that an evidence log written by ecdx monitor is whole and unchanged: every line a valid record, the
seqs 1, 2, 3 … without a gap, each record's prev the SHA-256 of the line before it, and the log ending where
its head file (FILE.head) says. With --public-key, every record and the head file must carry a valid
signature of that key.

  FILE                the evidence log (JSON Lines)
  --public-key FILE   the operator's Ed25519 public key (SPKI PEM)
  --head HASH         a head hash you trust (from the report, or received at the time): a record must hash to it
  --json              print the result as JSON

Exit status: 0 for an intact log; 1 when it is not (each problem is printed with its line); 2 for a usage
error (no FILE, a file or key that cannot be read, a malformed --head).
`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function verifyLogCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'public-key': { type: 'string' }, head: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.out(VERIFY_LOG_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new ConfigurationError('give one FILE: ecdx monitor verify-log evidence.jsonl [--public-key FILE] [--head HASH]');
  const path = positionals[0]!;
  if (values.head !== undefined && !/^[0-9a-f]{64}$/.test(values.head)) throw new ConfigurationError('--head is a SHA-256 in hex: 64 characters 0-9a-f');
  const publicKey = values['public-key'] === undefined ? undefined : publicKeyOf(values['public-key']);
  try {
    closeSync(openSync(path, 'r'));
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch (error) {
    throw new ConfigurationError(`cannot read the log ${path}: ${reason(error)}`);
  }
  const result = await verifyLog(path, { ...(publicKey ? { publicKey } : {}), ...(values.head ? { head: values.head } : {}) });
  if (values.json) io.out(JSON.stringify(result, null, 2));
  else if (result.ok) {
    const signatures = result.signed === 'none' ? 'none' : `${result.signed}${publicKey ? ', verified' : ', not checked (no --public-key)'}`;
    io.out(`intact: ${result.records} records, head ${result.head?.hash ?? 'none'}, signatures: ${signatures}`);
    for (const anchor of result.anchors) io.out(`  end vouched for by ${anchor}`);
  } else {
    io.err(`ecdx: NOT intact: ${path} (${result.records} records read)`);
    for (const p of result.problems) io.err(`  ${p.line === 0 ? 'head' : `line ${p.line}`}: ${p.detail}`);
    if (result.omitted > 0) io.err(`  … and ${result.omitted} more problem(s)`);
  }
  return result.ok ? 0 : 1;
}
