// The reports of runs against the mock with faults that leak (a problem quoting a telephone, a cursor holding one,
// a signature echoed in Location, numbers in event descriptions, a disclosed push secret) hold no secret, no
// signature value the harness sent, no full mobile, landline or GB 11643 number — in any format, in the console's
// output, or in the report object the library returns. The harness's requests pass through a dispatcher that
// records the `signature` values exactly as sent, so that the scan looks for those values and not only for shapes.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Agent, type Dispatcher } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { runConformance } from '../conformance/index.ts';
import type { ConformanceReport } from '../conformance/harness/report.ts';
import { ConsoleProgress, REPORT_FORMATS, writeReports } from '../conformance/reporters/index.ts';
import { renderRunIndex } from '../conformance/reporters/run-index.ts';
import { faults as catalogue, type FaultName } from '../mocks/faults/index.ts';
import { startMockServer } from '../mocks/server.ts';
import * as demo from '../protocol/demo-credentials.ts';
import { findMobileNumbers, findResidentIds } from '../schemas/identifiers.ts';
import type { PartyRole } from '../schemas/src/index.ts';

const LEAKING: readonly FaultName[] = [
  'problem-echoes-personal-data',
  'cursor-with-recipient-phone',
  'credential-in-location',
  'courier-phone-unmasked-in-description',
  'returned-landline-masked-wrongly',
  'id-number-in-delivery-description',
  'delivery-description-with-address',
  'subscription-secret-disclosed',
  'push-v1-shared-secret',
  'statistics-contain-mobile-number',
];

/** The published secrets, whole and line by line (a PEM's body), as written and percent-encoded. */
const DEMO_SECRETS = [
  demo.DEMO_PLATFORM_PRIVATE_KEY_PEM,
  demo.DEMO_CARRIER_PRIVATE_KEY_PEM,
  demo.DEMO_HMAC_SECRET_BASE64,
  demo.DEMO_CARRIER_HMAC_SECRET_BASE64,
  demo.DEMO_PUSH_SIGNING_KEY,
  demo.DEMO_WEBHOOK_SECRET,
]
  .flatMap((s) => [s, ...s.split('\n'), s.replace(/^wh(sec|sk)_/, '')])
  .filter((s) => s.length >= 20 && !s.startsWith('-----'));

/** An unmasked mainland landline (rule M3's LandlineNumber). */
const LANDLINE = /(?<![\d-])0\d{2,3}-[2-9]\d{6,7}(?!\d)/g;
/** A Standard Webhooks signature (`v1a,base64`) of the target's pushes. */
const PUSH_SIGNATURE = /\bv1a?,[A-Za-z0-9+/]{40,}/g;

/** Percent escapes decoded where they decode, so that an encoded number or signature is found as well. */
const decoded = (text: string): string =>
  text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });

/** Every leak in a text: what it is and the value found. */
function leaksIn(text: string, signatures: ReadonlySet<string>): string[] {
  const leaks: string[] = [];
  for (const form of [text, decoded(text)]) {
    for (const secret of DEMO_SECRETS) if (form.includes(secret)) leaks.push(`demo secret ${secret.slice(0, 12)}…`);
    for (const value of signatures) if (form.includes(value)) leaks.push(`signature value ${value.slice(0, 12)}…`);
    for (const mobile of findMobileNumbers(form)) leaks.push(`mobile ${mobile}`);
    for (const id of findResidentIds(form)) leaks.push(`GB 11643 number ${id}`);
    for (const m of form.matchAll(LANDLINE)) leaks.push(`landline ${m[0]}`);
    for (const m of form.matchAll(PUSH_SIGNATURE)) leaks.push(`push signature ${m[0].slice(0, 16)}…`);
  }
  return [...new Set(leaks)];
}

/** An undici dispatcher that records the byte sequence of every `signature` header the harness sends. */
function recordingDispatcher(signatures: Set<string>): Dispatcher {
  return new Agent().compose((dispatch) => (options, handler) => {
    const headers = options.headers;
    const entries: [string, unknown][] = Array.isArray(headers)
      ? headers.flatMap((_, i) => (i % 2 === 0 ? [[String(headers[i]), headers[i + 1]] as [string, unknown]] : []))
      : Object.entries((headers ?? {}) as Record<string, unknown>);
    for (const [name, value] of entries) {
      if (name.toLowerCase() !== 'signature') continue;
      for (const m of String(value).matchAll(/=:([A-Za-z0-9+/]+=*):/g)) signatures.add(m[1]!);
    }
    return dispatch(options, handler);
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** One whole run of the suite against the mock of `role` with every leaking fault of that role switched on. */
async function leakyRun(role: PartyRole, signatures: Set<string>): Promise<{ report: ConformanceReport; dir: string }> {
  const faults = LEAKING.filter((name) => ['both', role].includes(catalogue.find((f) => f.name === name)!.role));
  const server = await startMockServer({ role, port: 0, host: '127.0.0.1', faults: [...faults], clockSpeed: 1 });
  const dispatcher = recordingDispatcher(signatures);
  const dir = mkdtempSync(join(tmpdir(), `ecdx-leaks-${role}-`));
  dirs.push(dir);
  const stream = new PassThrough();
  const printed: string[] = [];
  stream.on('data', (chunk: Buffer) => printed.push(chunk.toString('utf8')));
  const progress = new ConsoleProgress({ stream, env: {}, tty: false });
  try {
    const report = await runConformance({ target: server.url, role, concurrency: 4, timeoutMs: 10_000, settleMs: 400, dispatcher, progress });
    const paths = await writeReports(report, { dir, formats: REPORT_FORMATS });
    progress.end(report, paths);
    await new Promise((resolve) => setImmediate(resolve));
    writeFileSync(join(dir, 'console.txt'), printed.join(''));
    return { report, dir };
  } finally {
    progress.stop();
    await server.close();
    await dispatcher.close();
  }
}

describe('reports of runs against faults that leak', () => {
  it('hold no secret, signature value, full mobile, landline or GB 11643 number, in any file or the returned report', async () => {
    const signatures = new Set<string>();
    const runs = await Promise.all([leakyRun('carrier', signatures), leakyRun('platform', signatures)]);
    expect(signatures.size).toBeGreaterThan(100); // the scan knows what the harness signed
    const index = join(runs[0]!.dir, 'index.html');
    writeFileSync(index, renderRunIndex(runs.map(({ report, dir }) => ({ report, href: `${dir}/report.html` }))));

    const found: Record<string, string[]> = {};
    for (const { report, dir } of runs) {
      // The faults did leak: the privacy and security checks they break failed, so the evidence held the data.
      expect(report.summary.failed).toBeGreaterThan(0);
      const files = readdirSync(dir);
      expect(files.sort()).toEqual(
        [...(dir === runs[0]!.dir ? ['index.html'] : []), 'console.txt', 'junit.xml', 'report.html', 'report.json', 'report.md', 'summary.txt'].sort(),
      );
      for (const file of files) found[`${report.target.role}/${file}`] = leaksIn(readFileSync(join(dir, file), 'utf8'), signatures);
      found[`${report.target.role}: runConformance()`] = leaksIn(JSON.stringify(report), signatures);
    }
    expect(Object.fromEntries(Object.entries(found).filter(([, leaks]) => leaks.length > 0))).toEqual({});
  }, 300_000);
});
