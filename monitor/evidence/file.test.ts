// The log on disk: appends continue the chain or are refused, the head sidecar follows, and a torn last line is cut
// off on open so that the chain continues from the last complete record.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sealRecord } from './chain.ts';
import { EvidenceFile, readHead } from './file.ts';
import { writeTestLog } from './test-log.ts';
import { verifyLog } from './verify.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecdx-evidence-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const entry = { at: '2026-12-02T08:00:00Z', kind: 'probe' as const, data: { ok: true } };

describe('EvidenceFile', () => {
  it('creates the file and its folders, and knows its head from the tail after reopening', () => {
    const path = join(dir, 'a', 'b', 'evidence.jsonl');
    const written = writeTestLog(path, 30);
    const reopened = EvidenceFile.open(path);
    expect(reopened.head).toEqual(written.head);
    expect(reopened.head?.seq).toBe(30);
    expect(reopened.repaired).toBeUndefined();
    expect(readHead(path)).toMatchObject({ seq: 30, hash: written.head!.hash, at: '2026-12-02T00:00:29.000Z' });
  });

  it('finds the head behind a last line longer than its first read', () => {
    const path = join(dir, 'long.jsonl');
    const file = EvidenceFile.open(path);
    const first = sealRecord(undefined, entry);
    const second = sealRecord(first.head, { ...entry, data: { text: 'x'.repeat(20_000) } });
    file.append([first, second]);
    expect(EvidenceFile.open(path).head).toEqual(second.head);
  });

  it('refuses a batch that does not continue the chain', () => {
    const path = join(dir, 'refuse.jsonl');
    const file = EvidenceFile.open(path);
    const first = sealRecord(undefined, entry);
    expect(() => file.append([sealRecord(first.head, entry)])).toThrow(/cannot follow seq 0/);
    file.append([first]);
    expect(() => file.append([first])).toThrow(/cannot follow seq 1/);
    const forked = sealRecord({ seq: 1, hash: 'f'.repeat(64) }, entry);
    expect(() => file.append([forked])).toThrow(/does not continue the chain/);
    expect(file.head).toEqual(first.head);
  });

  it('cuts a torn last line off on open, and the chain continues and verifies', async () => {
    const path = join(dir, 'torn.jsonl');
    writeTestLog(path, 20);
    const intact = statSync(path).size;
    appendFileSync(path, '{"seq":21,"at":"2026-12-02T00:00:20.000Z","kind":"pro');
    const reopened = EvidenceFile.open(path);
    expect(reopened.repaired).toMatch(/cut 53 byte\(s\)/);
    expect(statSync(path).size).toBe(intact);
    expect(reopened.head?.seq).toBe(20);
    reopened.append([sealRecord(reopened.head, entry)]);
    const result = await verifyLog(path);
    expect(result.problems).toEqual([]);
    expect(result.records).toBe(21);
  });

  it('brings a head file that is behind the log up to date on open (killed between the fsync and the head)', async () => {
    const path = join(dir, 'behind.jsonl');
    writeTestLog(path, 10);
    const before = readFileSync(`${path}.head`, 'utf8');
    const file = EvidenceFile.open(path);
    const extra = sealRecord(file.head, entry);
    appendFileSync(path, `${extra.line}\n`);
    expect((await verifyLog(path)).ok).toBe(false);
    EvidenceFile.open(path);
    expect(readFileSync(`${path}.head`, 'utf8')).not.toBe(before);
    expect((await verifyLog(path)).ok).toBe(true);
  });

  it('refuses to open a log whose last complete line is no record', () => {
    const path = join(dir, 'damaged.jsonl');
    writeTestLog(path, 3);
    appendFileSync(path, 'not json\n');
    expect(() => EvidenceFile.open(path)).toThrow(/not JSON/);
    truncateSync(path, 0);
    expect(EvidenceFile.open(path).head).toBeUndefined();
  });
});
