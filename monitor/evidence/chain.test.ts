// The format is checkable without our code: sha256sum recomputes a record's hash from its line's bytes, and
// openssl verifies a record's signature over the line without its `sig` member.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENESIS, sealRecord } from './chain.ts';

const has = (tool: string, ...args: string[]) => {
  try {
    execFileSync(tool, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('sealRecord', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecdx-chain-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const entry = { at: '2026-12-02T08:00:00+08:00', kind: 'probe' as const, target: 'sf-express', data: { ok: true, ms: 12, note: '顺丰' } };

  it('writes the members in a fixed order and links the first record to GENESIS', () => {
    const { line, record } = sealRecord(undefined, { data: entry.data, target: entry.target, kind: entry.kind, at: entry.at });
    expect(Object.keys(JSON.parse(line))).toEqual(['seq', 'at', 'kind', 'target', 'data', 'prev']);
    expect(record).toMatchObject({ seq: 1, prev: GENESIS });
  });

  it('refuses an entry the verifier would reject', () => {
    expect(() => sealRecord(undefined, { ...entry, at: 'yesterday' })).toThrow(/date-time/);
    expect(() => sealRecord(undefined, { ...entry, kind: 'rumour' as never })).toThrow(/kind/);
  });

  it.skipIf(!has('sha256sum', '--version'))("gives the next record's prev that sha256sum computes over the line's bytes", () => {
    const first = sealRecord(undefined, entry);
    const second = sealRecord(first.head, entry);
    const file = join(dir, 'line');
    writeFileSync(file, first.line, 'utf8');
    const digest = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
    expect(digest).toBe(first.head.hash);
    expect(second.record.prev).toBe(digest);
  });

  it.skipIf(!has('openssl', 'version'))('signs the line without its sig member, which openssl pkeyutl verifies', () => {
    const { line, record } = sealRecord({ seq: 4, hash: 'a'.repeat(64) }, entry, privateKey);
    const unsigned = line.replace(`,"sig":"${record.sig}"}`, '}');
    expect(unsigned.endsWith(`"prev":"${'a'.repeat(64)}"}`)).toBe(true);
    writeFileSync(join(dir, 'pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(dir, 'signed'), unsigned, 'utf8');
    writeFileSync(join(dir, 'sig'), Buffer.from(record.sig!, 'base64'));
    const verify = (data: string) =>
      execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'pub.pem'), '-rawin', '-in', data, '-sigfile', join(dir, 'sig')], {
        encoding: 'utf8',
      });
    expect(verify(join(dir, 'signed'))).toMatch(/Signature Verified Successfully/);
    writeFileSync(join(dir, 'edited'), unsigned.replace('"ms":12', '"ms":13'), 'utf8');
    expect(() => verify(join(dir, 'edited'))).toThrow();
  });
});
