// A sealed report end to end: `ecdx test --sign-key` writes report.json and its detached JWS, `ecdx verify-report`
// exits 0 on it and prints what it claims, 1 once one byte changes or the signature is missing or another key's,
// 2 on misuse; and jose, which we did not write, verifies the same signature.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify, importSPKI } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceReport } from '../conformance/harness/report.ts';
import { keyThumbprint, signDetached } from '../conformance/harness/seal.ts';
import { startMockServer, type MockServer } from '../mocks/server.ts';
import { runCli as run } from './test-support/run-cli.ts';

describe('a sealed report', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  let carrier: MockServer;
  let dir: string;
  let reportPath: string;
  let publicPem: string;
  let original: Buffer;
  beforeAll(async () => {
    carrier = await startMockServer({ role: 'carrier', port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'ecdx-sealed-'));
    writeFileSync(join(dir, 'sign.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    publicPem = join(dir, 'public.pem');
    writeFileSync(publicPem, publicKey.export({ type: 'spki', format: 'pem' }));
    const { code } = await run([
      'test',
      '--target',
      carrier.url,
      '--role',
      'carrier',
      '--only',
      'discovery',
      '--seed',
      '42',
      '--format',
      'json,html',
      '--sign-key',
      join(dir, 'sign.pem'),
      '--report-dir',
      join(dir, 'run'),
    ]);
    expect(code).toBe(0);
    reportPath = join(dir, 'run', 'report.json');
    original = readFileSync(reportPath);
  }, 60_000);
  afterAll(async () => {
    await carrier.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says in report.json and the HTML that it is sealed, and by which key', () => {
    const report = JSON.parse(original.toString('utf8')) as ConformanceReport;
    expect(report.seal).toEqual({ alg: 'EdDSA', keyThumbprint: keyThumbprint(publicKey), signature: 'report.json.jws' });
    expect(report.provenance?.seed).toBe(42);
    expect(report.provenance?.settings.key).toEqual({ id: 'ecdx-demo-platform-ed25519', algorithm: 'ed25519' });
    expect(existsSync(join(dir, 'run', 'report.json.jws'))).toBe(true);
    expect(readFileSync(join(dir, 'run', 'report.html'), 'utf8')).toContain(`by the key of thumbprint ${keyThumbprint(publicKey)}`);
  });

  it('verifies as intact (exit 0) and prints what it claims', async () => {
    const { code, out, err } = await run(['verify-report', reportPath, '--public-key', publicPem]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toContain(`intact: ${reportPath} is signed by the key ${keyThumbprint(publicKey)}`);
    expect(out).toContain(`target: ${carrier.url} (carrier)`);
    expect(out).toMatch(/verdict: partial — Partial run/);
    expect(out).toMatch(/run: \d{4}-\d\d-\d\dT.* → \d{4}-/);
    expect(out).toMatch(/spec: ECDX 1\.0\.0-draft, requirements SHA-256 [0-9a-f]{64}/);
    expect(out).toMatch(/harness: ecdx \S+/);
    expect(out).toContain('seed: 42');
    expect(out).toContain('certification: no');
  });

  it('is a detached JWS that jose verifies over the bytes of report.json', async () => {
    const [header, payload, signature] = readFileSync(join(dir, 'run', 'report.json.jws'), 'utf8')
      .trim()
      .split('.');
    expect(payload).toBe('');
    const key = await importSPKI(readFileSync(publicPem, 'utf8'), 'EdDSA');
    const verified = await compactVerify(`${header}.${original.toString('base64url')}.${signature}`, key);
    expect(Buffer.from(verified.payload).equals(original)).toBe(true);
  });

  it('is NOT intact (exit 1) once one byte changes, and intact again once it is put back', async () => {
    const edited = Buffer.from(original);
    const at = edited.indexOf('"verdict"') + 1;
    edited[at] = edited[at]! ^ 0x20; // "verdict" → "Verdict"
    writeFileSync(reportPath, edited);
    try {
      const { code, err } = await run(['verify-report', reportPath, '--public-key', publicPem]);
      expect(code).toBe(1);
      expect(err).toEqual([expect.stringMatching(/^ecdx: NOT intact: the signature does not verify/)]);
    } finally {
      writeFileSync(reportPath, original);
    }
    expect((await run(['verify-report', reportPath, '--public-key', publicPem])).code).toBe(0);
  });

  it('is NOT intact with another key, or without its signature file', async () => {
    const other = join(dir, 'other.pem');
    writeFileSync(other, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    expect((await run(['verify-report', reportPath, '--public-key', other])).code).toBe(1);
    const missing = await run(['verify-report', reportPath, '--public-key', publicPem, '--signature', join(dir, 'nosuch.jws')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual([expect.stringMatching(/^ecdx: NOT intact: no signature at .*nosuch\.jws \(ENOENT\): the report is not sealed/)]);
  });

  it('is NOT intact when what was signed is no ConformanceReport', async () => {
    const bogus = join(dir, 'bogus.json');
    const bytes = Buffer.from('{"verdict":"conformant"}\n');
    writeFileSync(bogus, bytes);
    writeFileSync(join(dir, 'bogus.jws'), signDetached(bytes, privateKey));
    const { code, err } = await run(['verify-report', bogus, '--public-key', publicPem, '--signature', join(dir, 'bogus.jws')]);
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^ecdx: NOT intact: the signature verifies, but .*bogus\.json is no valid ConformanceReport: /)]);
  });

  it.each([
    [[], /give one REPORT/],
    [['report.json'], /--public-key FILE is required/],
    [['report.json', '--public-key', '/nonexistent/key.pem'], /cannot read --public-key \/nonexistent\/key\.pem: ENOENT/],
    [['report.json', '--public-key', 'package.json'], /--public-key package\.json is no Ed25519 public key/],
    [['report.json', '--frobnicate'], /frobnicate/],
  ])('verify-report %j is a usage error: exit 2, one line', async (args, message) => {
    const { code, err } = await run(['verify-report', ...args]);
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(message)]);
  });

  it('ecdx test refuses a --sign-key it cannot use before running anything', async () => {
    const base = ['test', '--target', carrier.url, '--role', 'carrier'];
    expect((await run([...base, '--sign-key', join(dir, 'nosuch.pem')])).err).toEqual([expect.stringMatching(/^ecdx: cannot read --sign-key .*: ENOENT$/)]);
    expect((await run([...base, '--sign-key', publicPem])).err).toEqual([expect.stringMatching(/is no Ed25519 private key/)]);
    expect((await run([...base, '--sign-key', join(dir, 'sign.pem'), '--format', 'html'])).err).toEqual([
      'ecdx: --sign-key seals report.json: --format must include json',
    ]);
  });
});
