// The evidence log on disk (decision 0054): JSON Lines appended in batches and fsynced, and beside it the head
// sidecar `<log>.head`, the last record's seq and hash (signed when the operator signs), because a chain alone cannot
// show that records were cut off its end. Opening reads only the tail, however long the log has grown.
import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { sign, type KeyObject } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { keyThumbprint } from '../../conformance/harness/seal.ts';
import { ed25519PrivateKey } from '../../protocol/index.ts';
import { Count } from '../../schemas/src/index.ts';
import { violations } from '../../schemas/validate.ts';
import { GENESIS, lineHash, recordProblem, type ChainHead, type EvidenceRecord } from './chain.ts';

/** The head sidecar: what the writer vouches the log held when it last appended. */
export const EvidenceHead = Type.Object(
  {
    seq: Count(),
    hash: Type.String({ pattern: '^[0-9a-f]{64}$', maxLength: 64 }),
    /** The last record's `at`. */
    at: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
    /** RFC 7638 thumbprint of the key that signed, so that a reader knows which public key to ask for. */
    keyThumbprint: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', maxLength: 43 })),
    /** Ed25519 over the UTF-8 bytes of headMessage(seq, hash), base64. */
    sig: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9+/]{86}==$', maxLength: 88 })),
  },
  { additionalProperties: false },
);
export type EvidenceHead = Static<typeof EvidenceHead>;

/** What the sidecar's signature covers: `<seq> <hash>` (decimal, one space, hex). */
export const headMessage = (seq: number, hash: string): Buffer => Buffer.from(`${seq} ${hash}`, 'utf8');

export const headPathOf = (path: string): string => `${path}.head`;

/** The sidecar as it lies, or undefined when there is none; throws when it is there but is no EvidenceHead. */
export function readHead(path: string): EvidenceHead | undefined {
  let text: string;
  try {
    text = readFileSync(headPathOf(path), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const value: unknown = JSON.parse(text);
  const [first] = violations(EvidenceHead, value, 1);
  if (first) throw new TypeError(`${first.pointer || '/'} ${first.message}`);
  return value as EvidenceHead;
}

const NEWLINE = 0x0a;
const FIRST_CHUNK = 4096;

/** The end of the last complete line (the offset after its newline) and that line's bytes, reading backwards. */
function readTail(fd: number, size: number): { end: number; line?: Buffer } {
  let tail = Buffer.alloc(0);
  let start = size;
  let chunk = FIRST_CHUNK;
  for (;;) {
    const from = Math.max(0, start - chunk);
    const piece = Buffer.alloc(start - from);
    readSync(fd, piece, 0, piece.length, from);
    tail = Buffer.concat([piece, tail]);
    start = from;
    chunk *= 2; // a long line costs O(its length), not O(length²)
    const last = tail.lastIndexOf(NEWLINE);
    if (last < 0) {
      if (start === 0) return { end: 0 };
      continue;
    }
    const before = last === 0 ? -1 : tail.lastIndexOf(NEWLINE, last - 1);
    if (before >= 0 || start === 0) return { end: start + last + 1, line: tail.subarray(before + 1, last) };
  }
}

export class EvidenceFile {
  readonly path: string;
  /** What open() cut off the end of the file (a record torn mid-write), in words; undefined when it cut nothing. */
  readonly repaired?: string;
  readonly #signer?: KeyObject;
  #head: ChainHead | undefined;
  #at: string | undefined;

  private constructor(path: string, head: { head: ChainHead; at: string } | undefined, repaired: string | undefined, signer: KeyObject | undefined) {
    this.path = path;
    this.#head = head?.head;
    this.#at = head?.at;
    if (repaired) this.repaired = repaired;
    if (signer) this.#signer = ed25519PrivateKey(signer);
  }

  /**
   * Open (or create) the log. A last line without its newline is a record the process was killed writing: it is cut
   * off (the monitor's SQLite state still holds it and appends it again). A head sidecar that is missing or behind the
   * file is brought up to the file's head, signed with `signer` when one is given.
   */
  static open(path: string, options: { signer?: KeyObject } = {}): EvidenceFile {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'a+');
    let repaired: string | undefined;
    let last: { head: ChainHead; at: string } | undefined;
    try {
      const size = fstatSync(fd).size;
      const { end, line } = readTail(fd, size);
      if (end < size) {
        ftruncateSync(fd, end);
        fsyncSync(fd);
        repaired = `cut ${size - end} byte(s) of a record torn mid-write after byte ${end} of ${path}`;
      }
      if (line) {
        let record: unknown;
        try {
          record = JSON.parse(line.toString('utf8'));
        } catch {
          throw new Error(`the last record of ${path} is not JSON: the log is damaged (check it with ecdx monitor verify-log)`);
        }
        const problem = recordProblem(record);
        if (problem) throw new Error(`the last record of ${path} is no evidence record (${problem}): check it with ecdx monitor verify-log`);
        const { seq, at } = record as EvidenceRecord;
        last = { head: { seq, hash: lineHash(line) }, at };
      }
    } finally {
      closeSync(fd);
    }
    const file = new EvidenceFile(path, last, repaired, options.signer);
    let sidecar: EvidenceHead | undefined;
    try {
      sidecar = readHead(path);
    } catch {
      sidecar = undefined; // unreadable: rewritten from the file below
    }
    if (last && (!sidecar || sidecar.seq < last.head.seq)) file.#writeHead();
    return file;
  }

  get head(): ChainHead | undefined {
    return this.#head;
  }

  /** Append sealed records (one write, fsynced), then the head sidecar. The batch must continue the chain exactly. */
  append(sealed: readonly { line: string; head: ChainHead }[]): void {
    if (sealed.length === 0) return;
    let seq = this.#head?.seq ?? 0;
    let hash = this.#head?.hash ?? GENESIS;
    let at = this.#at;
    for (const { line, head } of sealed) {
      if (head.seq !== seq + 1) throw new RangeError(`${this.path}: record seq ${head.seq} cannot follow seq ${seq}`);
      if (line.includes('\n')) throw new TypeError(`${this.path}: a record's line holds no newline`);
      const record = JSON.parse(line) as EvidenceRecord;
      if (record.seq !== head.seq || record.prev !== hash || lineHash(line) !== head.hash)
        throw new RangeError(`${this.path}: record seq ${head.seq} does not continue the chain at seq ${seq} (its seq, prev or hash differ)`);
      ({ seq, hash } = head);
      at = record.at;
    }
    const bytes = Buffer.from(`${sealed.map((s) => s.line).join('\n')}\n`, 'utf8');
    const fd = openSync(this.path, 'a');
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.#head = { seq, hash };
    this.#at = at;
    this.#writeHead();
  }

  /** The sidecar, atomically: a reader sees the old head or the new one, never half of one. */
  #writeHead(): void {
    const { seq, hash } = this.#head!;
    const head: EvidenceHead = {
      seq,
      hash,
      ...(this.#at ? { at: this.#at } : {}),
      ...(this.#signer ? { keyThumbprint: keyThumbprint(this.#signer), sig: sign(null, headMessage(seq, hash), this.#signer).toString('base64') } : {}),
    };
    const tmp = `${headPathOf(this.path)}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, `${JSON.stringify(head)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, headPathOf(this.path));
  }
}
