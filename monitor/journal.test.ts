// The journal: records go into the SQLite state and onto the log file; a log file behind the state (the process
// killed between the two writes) is brought up to it on open; one that is not a prefix of the state is refused.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLog } from './evidence/verify.ts';
import { Journal } from './journal.ts';
import type { EvidenceEntry } from './evidence/chain.ts';

const root = mkdtempSync(join(tmpdir(), 'ecdx-journal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const entry = (n: number): EvidenceEntry => ({ at: new Date(Date.UTC(2026, 2, 1, 0, n)).toISOString(), kind: 'probe', target: 'link', data: { n } });

function paths() {
  const dir = mkdtempSync(join(root, 'j-'));
  return { statePath: join(dir, 'state.db'), evidencePath: join(dir, 'evidence.jsonl') };
}

describe('Journal', () => {
  it('reads back what it wrote, from the state, after a restart', async () => {
    const where = paths();
    const first = Journal.open(where);
    first.write([entry(1), entry(2)]);
    first.close();
    const second = Journal.open(where);
    second.write([entry(3)]);
    expect(second.records.map((r) => [r.seq, r.data.n])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    second.close();
    expect((await verifyLog(where.evidencePath)).ok).toBe(true);
  });

  it('appends to the log what the state holds and the log lost (killed between the two writes, or a torn line)', async () => {
    const where = paths();
    const journal = Journal.open(where);
    journal.write([entry(1), entry(2), entry(3)]);
    journal.close();
    const lines = readFileSync(where.evidencePath, 'utf8').split('\n');
    writeFileSync(where.evidencePath, `${lines[0]}\n${lines[1]!.slice(0, 20)}`); // one record whole, the next torn
    const reopened = Journal.open(where);
    expect(reopened.repairs.join(' ')).toMatch(/appended 2 record\(s\)/);
    reopened.close();
    expect(readFileSync(where.evidencePath, 'utf8')).toBe(lines.join('\n'));
    expect((await verifyLog(where.evidencePath)).ok).toBe(true);
  });

  it('refuses a log that is not the state’s: longer than it, or different', () => {
    const where = paths();
    const journal = Journal.open(where);
    journal.write([entry(1)]);
    journal.close();
    const other = paths();
    const foreign = Journal.open({ evidencePath: other.evidencePath, statePath: other.statePath });
    foreign.write([entry(7), entry(8)]);
    foreign.close();
    writeFileSync(where.evidencePath, readFileSync(other.evidencePath));
    expect(() => Journal.open(where)).toThrow(/holds 2 records, the state only 1/);
    writeFileSync(where.evidencePath, `${readFileSync(other.evidencePath, 'utf8').split('\n')[0]}\n`);
    expect(() => Journal.open(where)).toThrow(/differs from the state at record 1/);
  });

  it('without a state, continues the chain of the log file itself', async () => {
    const { evidencePath } = paths();
    Journal.open({ evidencePath }).write([entry(1)]);
    const again = Journal.open({ evidencePath });
    again.write([entry(2)]);
    expect(again.records.map((r) => r.seq)).toEqual([1, 2]);
    expect((await verifyLog(evidencePath)).records).toBe(2);
  });

  it("signs every record and the head with the operator's key (--sign-key), across a restart", async () => {
    const where = paths();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const first = Journal.open({ ...where, signer: privateKey });
    first.write([entry(1)]);
    // One monitor per state: a second one would fork the chain.
    expect(() => Journal.open(where)).toThrow(/in use by another process/);
    first.close();
    const again = Journal.open({ ...where, signer: privateKey });
    again.write([entry(2)]);
    again.close();
    expect(again.records.every((r) => typeof r.sig === 'string')).toBe(true);
    expect(await verifyLog(where.evidencePath, { publicKey })).toMatchObject({ ok: true, records: 2, signed: 'all' });
    const other = generateKeyPairSync('ed25519').publicKey;
    expect((await verifyLog(where.evidencePath, { publicKey: other })).ok).toBe(false);
  });

  it('refuses a state file that is no monitor state', () => {
    const where = paths();
    writeFileSync(where.statePath, 'not a database at all, just text');
    expect(() => Journal.open(where)).toThrow(/cannot use .* as the monitor's state/);
  });
});
