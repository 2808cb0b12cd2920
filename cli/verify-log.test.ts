// `ecdx monitor verify-log` on an intact log of 50 records (exit 0), then on a copy tampered with each way a party
// could tamper with it (exit 1, a problem naming the line), and misuse (exit 2: ConfigurationError).
import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../conformance/harness/runner.ts';
import { lineHash, sealRecord, type ChainHead, type EvidenceRecord } from '../monitor/evidence/chain.ts';
import { writeTestLog } from '../monitor/evidence/test-log.ts';
import { verifyLogCommand } from './verify-log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecdx-verify-log-'));
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const keyFile = join(dir, 'public.pem');
let copies = 0;

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await verifyLogCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A copy of `log` (and its head file) with its lines rewritten by `edit`. */
function tampered(log: string, edit: (lines: string[]) => string[], ending = '\n'): string {
  const path = join(dir, `copy-${++copies}.jsonl`);
  const lines = readFileSync(log, 'utf8').split('\n').slice(0, -1);
  writeFileSync(path, edit(lines).join('\n') + ending);
  copyFileSync(`${log}.head`, `${path}.head`);
  return path;
}

const editMember = (line: string, change: (r: EvidenceRecord) => void): string => {
  const record = JSON.parse(line) as EvidenceRecord;
  change(record);
  return JSON.stringify(record);
};

/** Records 1…n re-sealed from `records` without the key (a forger's recomputed chain). */
function reseal(lines: string[]): string[] {
  let head: ChainHead | undefined;
  return lines.map((line) => {
    const { at, kind, target, data } = JSON.parse(line) as EvidenceRecord;
    const sealed = sealRecord(head, { at, kind, ...(target ? { target } : {}), data });
    head = sealed.head;
    return sealed.line;
  });
}

let plain: string;
let signed: string;
beforeAll(() => {
  writeFileSync(keyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(join(dir, 'other.pem'), other.publicKey.export({ type: 'spki', format: 'pem' }));
  plain = join(dir, 'plain.jsonl');
  signed = join(dir, 'signed.jsonl');
  writeTestLog(plain, 50);
  writeTestLog(signed, 50, privateKey);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ecdx monitor verify-log on an intact log', () => {
  it('exits 0 and says how many records, the head and the signatures', async () => {
    const head = lineHash(readFileSync(plain, 'utf8').split('\n')[49]!);
    expect(await run([plain])).toMatchObject({ code: 0, out: expect.stringContaining(`intact: 50 records, head ${head}, signatures: none`) });
    const result = await run([signed, '--public-key', keyFile]);
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('signatures: all, verified') });
    expect(result.out).toContain('the head file (signed by key');
    expect(await run([plain, '--head', head])).toMatchObject({ code: 0, out: expect.stringContaining('the given head, at seq 50') });
    const json = JSON.parse((await run([signed, '--json'])).out);
    expect(json).toMatchObject({ ok: true, records: 50, signed: 'all', problems: [] });
  });
});

describe('ecdx monitor verify-log on a tampered copy', () => {
  const cases: [string, () => string, string[], RegExp][] = [
    [
      'one field of a middle record edited',
      () =>
        tampered(plain, (l) =>
          l.map((x, i) =>
            i === 24
              ? editMember(x, (r) => {
                  r.data['ok'] = !r.data['ok'];
                })
              : x,
          ),
        ),
      [],
      /line 26 .*does not chain to line 25/,
    ],
    [
      'the last record edited',
      () =>
        tampered(plain, (l) =>
          l.map((x, i) =>
            i === 49
              ? editMember(x, (r) => {
                  r.at = '2026-12-03T00:00:00.000Z';
                })
              : x,
          ),
        ),
      [],
      /line 50 \(seq 50\) is not the record the head file vouches for/,
    ],
    [
      'a middle line deleted',
      () => tampered(plain, (l) => l.filter((_, i) => i !== 19)),
      [],
      /line 20 holds seq 21 after seq 19: 1 record\(s\) before it were removed/,
    ],
    ['two lines swapped', () => tampered(plain, (l) => l.map((x, i) => (i === 10 ? l[30]! : i === 30 ? l[10]! : x))), [], /line 11 holds seq 31 after seq 10/],
    ['the last line dropped', () => tampered(plain, (l) => l.slice(0, -1)), [], /line 50 is missing: the head file says the log holds 50 records/],
    ['a line cut in half', () => tampered(plain, (l) => [...l.slice(0, 30), l[30]!.slice(0, 40), ...l.slice(31)]), [], /line 31 is not JSON/],
    ['the last line cut in half (torn)', () => tampered(plain, (l) => [...l.slice(0, 49), l[49]!.slice(0, 40)], ''), [], /line 50 is torn/],
    [
      'a record edited in a signed log',
      () =>
        tampered(signed, (l) =>
          l.map((x, i) =>
            i === 24
              ? editMember(x, (r) => {
                  r.data['i'] = 99;
                })
              : x,
          ),
        ),
      ['--public-key', keyFile],
      /line 25 \(seq 25\): its signature does not verify/,
    ],
    ['a signed log checked with another key', () => signed, ['--public-key', join(dir, 'other.pem')], /line 1 \(seq 1\): its signature does not verify/],
  ];
  for (const [what, make, args, problem] of cases)
    it(`exits 1 for ${what}`, async () => {
      const result = await run([make(), ...args]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(problem);
    });

  it('exits 1 for a forged record inserted with a recomputed chain: by the head file, and by the signatures when signed', async () => {
    const forged = (log: string) =>
      tampered(log, (l) =>
        reseal([
          ...l.slice(0, 20),
          editMember(l[20]!, (r) => {
            r.data = { forged: true };
          }),
          ...l.slice(20),
        ]),
      );
    const unsigned = await run([forged(plain)]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.err).toMatch(/line 50 \(seq 50\) is not the record the head file vouches for|after the head/);
    const result = await run([forged(signed), '--public-key', keyFile]);
    expect(result.err).toMatch(/line 1 \(seq 1\) is not signed/);
  });

  it('exits 1 when the last line is dropped and the head file rewritten without the key: signed, by the head; unsigned, only with --head', async () => {
    const cut = (log: string) => {
      const path = tampered(log, (l) => l.slice(0, -1));
      const last = readFileSync(path, 'utf8').split('\n')[48]!;
      writeFileSync(`${path}.head`, JSON.stringify({ seq: 49, hash: lineHash(last), at: (JSON.parse(last) as EvidenceRecord).at }));
      return path;
    };
    const signedCut = await run([cut(signed), '--public-key', keyFile]);
    expect(signedCut.code).toBe(1);
    expect(signedCut.err).toMatch(/head: the head file .* is not signed/);
    const plainCut = cut(plain);
    expect((await run([plainCut])).code).toBe(0); // without a key, a rewritten head cannot be told from the writer's
    const trusted = lineHash(readFileSync(plain, 'utf8').split('\n')[49]!);
    const withHead = await run([plainCut, '--head', trusted]);
    expect(withHead.code).toBe(1);
    expect(withHead.err).toMatch(/line 50: no record hashes to the given head/);
  });

  it('exits 1 for a log without its head file unless a trusted head is given', async () => {
    const path = join(dir, 'headless.jsonl');
    copyFileSync(plain, path);
    expect((await run([path])).err).toMatch(/cannot rule out that the log was cut short/);
    expect((await run([path, '--head', lineHash(readFileSync(plain, 'utf8').split('\n')[49]!)])).code).toBe(0);
  });
});

describe('ecdx monitor verify-log misuse', () => {
  it('throws a ConfigurationError (exit 2) for no FILE, an unreadable file, a bad key or a malformed --head', async () => {
    await expect(run([])).rejects.toThrow(ConfigurationError);
    await expect(run([join(dir, 'nowhere.jsonl')])).rejects.toThrow(/cannot read the log/);
    await expect(run([dir])).rejects.toThrow(/cannot read the log/);
    await expect(run([plain, '--public-key', plain])).rejects.toThrow(/no Ed25519 public key/);
    await expect(run([plain, '--head', 'abc'])).rejects.toThrow(/--head/);
    expect((await run(['--help'])).out).toContain('Usage: ecdx monitor verify-log');
  });
});
