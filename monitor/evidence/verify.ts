// Whether an evidence log is as its writer wrote it (decision 0054): every line a valid record, seq 1, 2, 3 … with no
// gap, each `prev` the SHA-256 of the line before, each signature valid, and the end of the log where the head
// sidecar (or a head hash the holder trusts) says it is. The file is streamed: memory stays constant however long it is.
import { verify, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { keyThumbprint } from '../../conformance/harness/seal.ts';
import { GENESIS, lineHash, MAX_LINE_BYTES, RECORD_MEMBERS, recordProblem, signedBytesOf, type ChainHead, type EvidenceRecord } from './chain.ts';
import { headMessage, headPathOf, readHead, type EvidenceHead } from './file.ts';

export interface LogVerification {
  ok: boolean;
  /** Complete lines read (each should be one record), counted even after the problems stop being listed. */
  records: number;
  /** The last record's seq and the hash of its line. */
  head?: ChainHead;
  /** Whether the records carry a signature (checked only when a public key is given). */
  signed: 'all' | 'none' | 'some';
  /** `line` 0 is about the log as a whole (its head sidecar). */
  problems: { line: number; detail: string }[];
  /** Problems found beyond the ones listed. */
  omitted: number;
  /** What vouched for the end of the log, in words ("the head file, signed by key …, at seq 50"). */
  anchors: string[];
}

const MAX_PROBLEMS = 20;

/**
 * The file's lines as exact bytes. Not node:readline: it decodes to text (the hash is over bytes) and also breaks a
 * line at a lone CR; and it holds a line of any length, where a forged file could be one endless line.
 */
async function* linesOf(path: string): AsyncGenerator<{ bytes: Buffer; complete: boolean; tooLong: boolean }> {
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
      if (!tooLong) parts.push(chunk.subarray(from, nl));
      length += nl - from;
      yield { bytes: tooLong || length > MAX_LINE_BYTES ? Buffer.alloc(0) : Buffer.concat(parts), complete: true, tooLong: tooLong || length > MAX_LINE_BYTES };
      parts = [];
      length = 0;
      tooLong = false;
      from = nl + 1;
    }
    length += chunk.length - from;
    if (length > MAX_LINE_BYTES) {
      tooLong = true;
      parts = [];
    } else parts.push(chunk.subarray(from));
  }
  if (length > 0) yield { bytes: Buffer.concat(parts), complete: false, tooLong };
}

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

export async function verifyLog(path: string, options: { publicKey?: KeyObject; head?: string } = {}): Promise<LogVerification> {
  const problems: LogVerification['problems'] = [];
  let omitted = 0;
  const problem = (line: number, detail: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, detail });
    else omitted += 1;
  };
  const { publicKey } = options;

  let sidecar: EvidenceHead | undefined;
  let sidecarUnreadable: string | undefined;
  try {
    sidecar = readHead(path);
  } catch (error) {
    sidecarUnreadable = (error as Error).message;
  }

  let records = 0;
  let signedCount = 0;
  let lastSeq = 0;
  let lastHash = GENESIS;
  let head: ChainHead | undefined;
  let sidecarLine: { line: number; hash: string; at: string } | undefined;
  let givenAt: number | undefined;

  for await (const { bytes, complete, tooLong } of linesOf(path)) {
    const n = records + 1;
    if (!complete) {
      problem(n, `line ${n} is torn: the file does not end with a newline (the writer was killed mid-record, or the file was cut in the middle of a line)`);
      break;
    }
    records = n;
    if (tooLong) {
      problem(n, `line ${n} is longer than ${MAX_LINE_BYTES} bytes: no evidence record is`);
      lastHash = '';
      continue;
    }
    const hash = lineHash(bytes);
    const text = bytes.toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      problem(n, `line ${n} is not JSON: ${text.length > 60 ? `${text.slice(0, 60)}…` : text || '(empty)'}`);
      lastHash = hash;
      continue;
    }
    const invalid = recordProblem(value);
    if (invalid) {
      problem(n, `line ${n} is no valid evidence record: ${invalid}`);
      lastHash = hash;
      continue;
    }
    const record = value as EvidenceRecord;
    const members = Object.keys(record);
    const order = RECORD_MEMBERS.filter((m) => members.includes(m));
    if (members.join() !== order.join() || JSON.stringify(record) !== text)
      problem(n, `line ${n} (seq ${record.seq}) is not written as the monitor writes a record (member order ${members.join(', ')}, spacing or escapes differ)`);
    if (record.seq !== lastSeq + 1)
      problem(
        n,
        record.seq > lastSeq + 1
          ? `line ${n} holds seq ${record.seq} after seq ${lastSeq}: ${record.seq - lastSeq - 1} record(s) before it were removed`
          : `line ${n} holds seq ${record.seq} after seq ${lastSeq}: records were reordered or repeated`,
      );
    else if (record.prev !== lastHash)
      problem(
        n,
        n === 1
          ? `line 1 (seq 1) does not start the chain: its prev is ${short(record.prev)}, not ${short(GENESIS)}`
          : `line ${n} (seq ${record.seq}) does not chain to line ${n - 1}: its prev ${short(record.prev)} is not the SHA-256 of line ${n - 1} (${short(lastHash)}): line ${n - 1} was edited, or records between them were removed, inserted or reordered`,
      );
    if (record.sig !== undefined) {
      signedCount += 1;
      if (publicKey) {
        const signedBytes = signedBytesOf(bytes, record.sig);
        if (!signedBytes || !verify(null, signedBytes, publicKey, Buffer.from(record.sig, 'base64')))
          problem(
            n,
            `line ${n} (seq ${record.seq}): its signature does not verify with the given key: the record was changed after it was signed, or another key signed it`,
          );
      }
    } else if (publicKey) problem(n, `line ${n} (seq ${record.seq}) is not signed, and a public key was given: every record should be`);
    lastSeq = record.seq;
    lastHash = hash;
    head = { seq: record.seq, hash };
    if (sidecar && record.seq === sidecar.seq) sidecarLine = { line: n, hash, at: record.at };
    if (options.head === hash) givenAt ??= record.seq;
  }

  const anchors: string[] = [];
  if (options.head !== undefined) {
    if (givenAt === undefined)
      problem(
        records + 1,
        `no record hashes to the given head ${short(options.head)}: the log was cut short before it, or a record up to it was changed (the log ends at line ${records})`,
      );
    else anchors.push(`the given head, at seq ${givenAt}${head && head.seq > givenAt ? ` (${head.seq - givenAt} record(s) after it)` : ''}`);
  }
  if (sidecarUnreadable !== undefined) problem(0, `the head file ${headPathOf(path)} is no evidence head: ${sidecarUnreadable}`);
  else if (!sidecar) {
    if (options.head === undefined)
      problem(0, `there is no head file ${headPathOf(path)}: cannot rule out that the log was cut short (give the head hash you trust with --head)`);
  } else {
    let sidecarOk = true;
    const fail = (line: number, detail: string) => {
      sidecarOk = false;
      problem(line, detail);
    };
    if (publicKey) {
      if (sidecar.sig === undefined) fail(0, `the head file ${headPathOf(path)} is not signed, and a public key was given: it may have been rewritten`);
      else if (!verify(null, headMessage(sidecar.seq, sidecar.hash), publicKey, Buffer.from(sidecar.sig, 'base64')))
        fail(0, `the head file's signature does not verify with the given key: the head was rewritten, or another key signed it`);
    }
    if (sidecar.seq > (head?.seq ?? 0))
      fail(
        records + 1,
        `line ${records + 1} is missing: the head file says the log holds ${sidecar.seq} records (head ${short(sidecar.hash)}), it ends at seq ${head?.seq ?? 0}: the log was cut short`,
      );
    else if (!sidecarLine || sidecarLine.hash !== sidecar.hash)
      fail(
        sidecarLine?.line ?? records,
        `line ${sidecarLine?.line ?? records} (seq ${sidecar.seq}) is not the record the head file vouches for: its hash ${short(sidecarLine?.hash ?? '')} is not ${short(sidecar.hash)}: it or a record before it was changed`,
      );
    else {
      if (sidecar.at !== undefined && sidecar.at !== sidecarLine.at)
        fail(sidecarLine.line, `line ${sidecarLine.line}: the head file says the last record is at ${sidecar.at}, the record says ${sidecarLine.at}`);
      if (head && head.seq > sidecar.seq)
        fail(
          sidecarLine.line + 1,
          `lines ${sidecarLine.line + 1}–${records} come after the head the head file vouches for (seq ${sidecar.seq}): they were appended later, or the writer stopped before updating its head`,
        );
    }
    if (sidecarOk) {
      const by =
        sidecar.sig === undefined
          ? 'unsigned'
          : publicKey
            ? `signed by key ${keyThumbprint(publicKey)}`
            : `signed${sidecar.keyThumbprint ? ` by key ${sidecar.keyThumbprint}` : ''}, not checked (no public key given)`;
      anchors.push(`the head file (${by}), at seq ${sidecar.seq}`);
    }
  }

  const signed = signedCount === 0 ? 'none' : signedCount === records ? 'all' : 'some';
  return { ok: problems.length === 0, records, ...(head ? { head } : {}), signed, problems, omitted, anchors };
}
