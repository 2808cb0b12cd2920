// The evidence log's records and how one is sealed onto the chain (decision 0054). A record is one line of JSON
// Lines; its `prev` is the SHA-256 (hex) of the previous record's line as written, so that editing, removing or
// reordering a record breaks every link after it. Optionally each record is signed with the operator's Ed25519 key.
//
// Exactly what is hashed and signed, for a verifier in any language:
// - the hash of a record is SHA-256 over the UTF-8 bytes of its line, without the trailing newline
//   (`sha256sum` of `printf %s "$line"`); the first record's `prev` is 64 zeros;
// - the signature (`sig`, standard base64 with padding, 88 characters) is Ed25519 (RFC 8032, pure, no pre-hash) over
//   the UTF-8 bytes of the line without its `sig` member: the line with its final `,"sig":"<88 characters>"` removed,
//   i.e. the line ends `…,"prev":"<hex>"}`. `sig` is always the last member, so this is a cut of the text, never a
//   re-serialisation of the JSON.
import { createHash, sign, type KeyObject } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { ed25519PrivateKey } from '../../protocol/index.ts';
import { Count, StringEnum } from '../../schemas/src/index.ts';
import { violations } from '../../schemas/validate.ts';

/** The `prev` of the first record: no record comes before it. */
export const GENESIS = '0'.repeat(64);

export const EVIDENCE_KINDS = [
  'monitor-started',
  'monitor-stopped',
  'probe',
  'push',
  'notice',
  'notice-response',
  'incident',
  'interruption-opened',
  'interruption-closed',
  'verdict',
] as const;

/** A record's line is at most this long; the verifier reads lines with a bound so that a forged file cannot exhaust it. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** The members of a record, in the order every line writes them. */
export const RECORD_MEMBERS = ['seq', 'at', 'kind', 'target', 'data', 'prev', 'sig'] as const;

const Sha256Hex = Type.String({ pattern: '^[0-9a-f]{64}$', maxLength: 64 });

export const EvidenceRecord = Type.Object(
  {
    /** 1 for the first record, one more for each record after it: the record on line N has seq N. */
    seq: Count({ minimum: 1 }),
    /** When the monitor observed or decided what the record says, by its own clock. */
    at: Type.String({ format: 'date-time', maxLength: 40 }),
    kind: StringEnum(EVIDENCE_KINDS),
    /** The monitored link's configured name; absent for records about the monitor itself. */
    target: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** What the record says: the probe's outcome, the notice as received, the verdict. */
    data: Type.Record(Type.String({ maxLength: 200 }), Type.Unknown()),
    /** SHA-256 (hex) of the previous record's line, GENESIS for the first. */
    prev: Sha256Hex,
    /** Ed25519 over the line without this member, base64. */
    sig: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9+/]{86}==$', maxLength: 88 })),
  },
  { additionalProperties: false },
);
export type EvidenceRecord = Static<typeof EvidenceRecord>;

/** Where the chain ends: the last record's seq and the SHA-256 of its line (the next record's `prev`). */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** What the monitor has to say; sealRecord adds the seq, the link and the signature. */
export type EvidenceEntry = Pick<EvidenceRecord, 'at' | 'kind' | 'target' | 'data'>;

/** SHA-256 (hex) of a line's UTF-8 bytes: the record's hash. */
export const lineHash = (line: string | Uint8Array): string => createHash('sha256').update(line).digest('hex');

/** Why a record would not be valid, or undefined when it is. */
export function recordProblem(value: unknown): string | undefined {
  const [first] = violations(EvidenceRecord, value, 1);
  return first ? `${first.pointer || '/'} ${first.message}` : undefined;
}

/** The record as a line, its members in RECORD_MEMBERS order whatever order the caller built it in. */
function lineOf(record: EvidenceRecord): string {
  const { seq, at, kind, target, data, prev, sig } = record;
  return JSON.stringify({ seq, at, kind, ...(target === undefined ? {} : { target }), data, prev, ...(sig === undefined ? {} : { sig }) });
}

/** Seal an entry onto the chain after `head` (undefined: the first record): its record, its line and the new head. */
export function sealRecord(head: ChainHead | undefined, entry: EvidenceEntry, signer?: KeyObject): { record: EvidenceRecord; line: string; head: ChainHead } {
  const unsigned: EvidenceRecord = {
    seq: (head?.seq ?? 0) + 1,
    at: entry.at,
    kind: entry.kind,
    ...(entry.target === undefined ? {} : { target: entry.target }),
    data: entry.data,
    prev: head?.hash ?? GENESIS,
  };
  // The writer refuses what the verifier would: a record written now is evidence for years.
  const problem = recordProblem(unsigned);
  if (problem) throw new TypeError(`not a valid evidence record: ${problem}`);
  const record = signer ? { ...unsigned, sig: sign(null, Buffer.from(lineOf(unsigned), 'utf8'), ed25519PrivateKey(signer)).toString('base64') } : unsigned;
  const line = lineOf(record);
  if (Buffer.byteLength(line, 'utf8') > MAX_LINE_BYTES) throw new RangeError(`an evidence record is at most ${MAX_LINE_BYTES} bytes as a line`);
  return { record, line, head: { seq: record.seq, hash: lineHash(line) } };
}

/**
 * The bytes a record's signature covers: the line without its final `,"sig":"…"` member. Undefined when the line does
 * not end with that member written exactly as sealRecord writes it.
 */
export function signedBytesOf(line: Buffer, sig: string): Buffer | undefined {
  const suffix = Buffer.from(`,"sig":"${sig}"}`, 'utf8');
  if (line.length <= suffix.length || !line.subarray(line.length - suffix.length).equals(suffix)) return undefined;
  return Buffer.concat([line.subarray(0, line.length - suffix.length), Buffer.from('}')]);
}
