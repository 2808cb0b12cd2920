// verifyLog stops listing after 20 problems but reads on to the end, counting every record.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTestLog } from './test-log.ts';
import { verifyLog } from './verify.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecdx-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verifyLog', () => {
  it('lists at most 20 problems, counts the rest, and counts every record', async () => {
    const path = join(dir, 'evidence.jsonl');
    writeTestLog(path, 60);
    const lines = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, lines.map((l) => l.replace('"ok":', '"ok" :')).join('\n'));
    const result = await verifyLog(path);
    expect(result).toMatchObject({ ok: false, records: 60, signed: 'none' });
    expect(result.problems).toHaveLength(20);
    expect(result.omitted).toBeGreaterThan(40);
    expect(result.problems[0]).toEqual({ line: 1, detail: expect.stringMatching(/^line 1 \(seq 1\) is not written as the monitor writes a record/) });
  });

  it('reports a line longer than any record without holding it', async () => {
    const path = join(dir, 'long.jsonl');
    writeTestLog(path, 2);
    writeFileSync(path, `${readFileSync(path, 'utf8')}${'x'.repeat(2 * 1024 * 1024)}\n`);
    const result = await verifyLog(path);
    expect(result.problems.map((p) => p.detail)).toContainEqual(expect.stringMatching(/^line 3 is longer than 1048576 bytes/));
  });
});
