// `ecdx serve`: the reference mock, driven through its test actions, is the client; the harness plays its carrier,
// judges what it sent and writes the reports. A correct client passes every duty it showed; a client that forgets
// the Idempotency-Key or ignores Retry-After fails that requirement and nothing else. No timing is asserted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { ConformanceReport } from '../conformance/harness/report.ts';
import type { FaultName } from '../mocks/faults/index.ts';
import { startMockServer } from '../mocks/server.ts';
import { DEMO_PLATFORM_KEYID, DEMO_PLATFORM_PUBLIC_KEY_PEM, demoCredentials, signRequest, type SigningKey } from '../protocol/index.ts';
import type { TestAction, TestActionOutcome } from '../schemas/src/index.ts';
import { main } from './main.ts';
import { parseServeArguments } from './serve.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ecdx-serve-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** `ecdx serve` in-process: the URL it printed once it listens, and its exit code and stderr when it ends. */
function startServe(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let announce: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const ended = main(['serve', ...args], {
    out: (line) => {
      out.push(line);
      const url = /point the \w+'s client at (\S+)/.exec(line)?.[1];
      if (url) announce(url);
    },
    err: (line) => err.push(line),
  }).then((code) => ({ code, out, err }));
  return { listening: Promise.race([listening, ended.then(() => '')]), ended };
}

/** POST /v1/test/actions to the mock, signed as the demo party the harness plays (the carrier by default). */
async function act(mockUrl: string, action: TestAction, key: SigningKey = demoCredentials.carrier.signingKey): Promise<TestActionOutcome> {
  const url = `${mockUrl}/v1/test/actions`;
  const body = new TextEncoder().encode(JSON.stringify(action));
  const headers: Record<string, string> = { host: new URL(url).host, 'content-type': 'application/json' };
  Object.assign(headers, signRequest({ method: 'POST', url, headers, body }, { key }));
  const { host: _host, ...wire } = headers;
  const response = await fetch(url, { method: 'POST', headers: wire, body });
  expect(response.status).toBe(200);
  return (await response.json()) as TestActionOutcome;
}

/** Point a mock platform (with these faults) at `ecdx serve --role carrier`, drive it, finish; the code and report. */
async function judgeMockPlatform(faults: FaultName[]): Promise<{ code: number; report: ConformanceReport }> {
  const dir = mkdtempSync(join(root, 'run-'));
  const serving = startServe(['--role', 'carrier', '--report-dir', dir, '--format', 'json,junit,html,md']);
  const url = await serving.listening;
  const mock = await startMockServer({ role: 'platform', port: 0, faults });
  try {
    const sent = await act(mock.url, { action: 'send-shipment', counterparty: url });
    expect(sent.outcome).toBe('DONE');
    const waybillNo = /waybill (\S+)/.exec(sent.detail ?? '')?.[1] ?? '';
    expect((await act(mock.url, { action: 'pull-trajectory', counterparty: url, waybillNo })).detail).toBe('45 events');
    expect((await act(mock.url, { action: 'notify-incident', counterparty: url })).outcome).toBe('DONE');
    expect((await fetch(`${url}/v1/test/finish`, { method: 'POST' })).status).toBe(202);
  } finally {
    await mock.close();
  }
  const { code } = await serving.ended;
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ConformanceReport;
  expect([...Value.Errors(ConformanceReport, report)].map((e) => `${e.path} ${e.message}`)).toEqual([]);
  for (const file of ['junit.xml', 'report.html', 'report.md']) expect(readFileSync(join(dir, file), 'utf8').length).toBeGreaterThan(0);
  return { code, report };
}

const statuses = (report: ConformanceReport) => Object.fromEntries(report.results.map((r) => [r.checkId, r.status]));
const failedRequirements = (report: ConformanceReport) => report.results.flatMap((r) => (r.status === 'failed' ? (r.failedRequirementIds ?? []) : []));

describe('ecdx serve', () => {
  it('judges a correct platform client: every duty it showed passes, the duties it could not show are not observed', { timeout: 60_000 }, async () => {
    const { code, report } = await judgeMockPlatform([]);
    expect(code).toBe(0);
    expect(statuses(report)).toEqual({
      'serve/requests-signed': 'passed',
      'serve/creating-requests-keyed': 'passed',
      'serve/idempotency-keys-random': 'passed',
      'serve/retry-keeps-key': 'passed',
      'serve/retry-after-honoured': 'passed',
      'serve/trajectory-read-to-the-end': 'passed',
      'serve/shipping-data-minimal': 'passed',
      'serve/notices-timely': 'skipped',
      'serve/incidents-timely': 'passed',
    });
    expect(report.results.find((r) => r.checkId === 'serve/notices-timely')?.message).toMatch(/^not observed: the client sent no /);
    expect([report.verdict, report.target.role, report.classes]).toEqual(['partial', 'platform', ['client']]);
    expect(report.results.find((r) => r.checkId === 'serve/retry-after-honoured')?.requirementIds).toEqual(['ECDX-ERR-013']);
    const shipped = report.results.find((r) => r.checkId === 'serve/shipping-data-minimal')?.evidence ?? [];
    expect(shipped.filter((e) => e.kind === 'http').map((e) => (e.kind === 'http' ? `${e.request.method} ${new URL(e.request.url).pathname}` : ''))).toEqual([
      'POST /v1/shipments',
      'POST /v1/shipments',
    ]);
  });

  it.each([
    ['client-idempotency-key-missing', 'ECDX-IDM-001'],
    ['client-ignores-retry-after', 'ECDX-ERR-013'],
  ] as const)('fails a client with the fault %s on %s and on nothing else', { timeout: 60_000 }, async (fault, requirement) => {
    const { code, report } = await judgeMockPlatform([fault]);
    expect(code).toBe(1);
    expect(failedRequirements(report)).toEqual([requirement]);
  });

  it('judges a carrier client playing the platform: its notice and its incident, keyed, signed and retried after Retry-After', {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(root, 'platform-'));
    const serving = startServe(['--role', 'platform', '--report-dir', dir, '--format', 'json']);
    const url = await serving.listening;
    const mock = await startMockServer({ role: 'carrier', port: 0 });
    try {
      for (const action of [
        { action: 'issue-notice', counterparty: url, reason: 'PLANNED_MAINTENANCE' },
        { action: 'notify-incident', counterparty: url },
      ] as const) {
        const outcome = await act(mock.url, action, demoCredentials.platform.signingKey);
        expect([outcome.outcome, outcome.detail]).toEqual(['DONE', expect.any(String)]);
      }
      await fetch(`${url}/v1/test/finish`, { method: 'POST' });
    } finally {
      await mock.close();
    }
    const { code } = await serving.ended;
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ConformanceReport;
    expect([code, statuses(report)]).toEqual([
      0,
      {
        'serve/requests-signed': 'passed',
        'serve/creating-requests-keyed': 'passed',
        'serve/idempotency-keys-random': 'passed',
        'serve/retry-keeps-key': 'passed',
        'serve/retry-after-honoured': 'passed',
        'serve/notices-timely': 'passed',
        'serve/incidents-timely': 'passed',
      },
    ]);
    expect(report.target.role).toBe('carrier');
  });

  it('plays nothing with --no-scenarios: the shipment is answered 201 at once, so no retry is there to judge', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(root, 'plain-'));
    const serving = startServe(['--role', 'carrier', '--no-scenarios', '--report-dir', dir, '--format', 'json']);
    const url = await serving.listening;
    const mock = await startMockServer({ role: 'platform', port: 0 });
    try {
      expect((await act(mock.url, { action: 'send-shipment', counterparty: url })).requests).toBe(2); // its claim, its shipment
      await fetch(`${url}/v1/test/finish`, { method: 'POST' });
    } finally {
      await mock.close();
    }
    const { code } = await serving.ended;
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ConformanceReport;
    const judged = statuses(report);
    expect([code, judged['serve/retry-after-honoured'], judged['serve/retry-keeps-key'], judged['serve/shipping-data-minimal']]).toEqual([
      0,
      'skipped',
      'skipped',
      'passed',
    ]);
  });

  it('exits 1 with one clear line when the client sent nothing, or nothing a duty judges, whether finished or out of time', { timeout: 30_000 }, async () => {
    const finished = startServe(['--role', 'platform', '--report-dir', join(root, 'nothing'), '--format', 'json']);
    expect((await fetch(`${await finished.listening}/v1/test/finish`, { method: 'POST' })).status).toBe(202);
    const { code, err } = await finished.ended;
    expect([code, err]).toEqual([1, [expect.stringMatching(/^ecdx: the client sent no request to http:\/\/\S+ before .*: nothing was judged$/)]]);
    const report = JSON.parse(readFileSync(join(root, 'nothing', 'report.json'), 'utf8')) as ConformanceReport;
    expect(report.results.every((r) => r.status === 'skipped')).toBe(true);
    const discovered = startServe(['--role', 'carrier', '--report-dir', join(root, 'claim-only'), '--format', 'json']);
    const url = await discovered.listening;
    expect((await fetch(`${url}/v1/conformance`)).status).toBe(200);
    await fetch(`${url}/v1/test/finish`, { method: 'POST' });
    const claimOnly = await discovered.ended;
    expect([claimOnly.code, claimOnly.err]).toEqual([1, [expect.stringMatching(/^ecdx: the client's 1 request showed none of the duties judged/)]]);
    const timedOut = await startServe(['--role', 'carrier', '--duration', '10ms', '--report-dir', join(root, 'timed-out'), '--format', 'json']).ended;
    expect(timedOut.code).toBe(1);
  });

  it.each([
    [[], /^ecdx: --role must be carrier or platform$/],
    [['--role', 'courier'], /^ecdx: --role must be carrier or platform, not 'courier'$/],
    [['--role', 'carrier', '--port', 'x'], /^ecdx: --port must be a whole number/],
    [['--role', 'carrier', '--duration', 'soon'], /^ecdx: --duration must be a duration/],
    [['--role', 'carrier', '--format', 'pdf'], /^ecdx: unknown --format 'pdf'/],
    [['--role', 'carrier', '--client-key-id', 'k'], /^ecdx: --client-key-id needs --client-key-file or --client-key-env$/],
    [['--role', 'carrier', '--client-key-id', 'k', '--client-key-env', 'ECDX_NO_SUCH_VARIABLE'], /is empty or not set$/],
    [['--role', 'carrier', '--public-url', 'https://harness.example/v1'], /^ecdx: --public-url ends in \/v1/],
    [['--role', 'carrier', '--frobnicate'], /frobnicate/],
  ])('answers the misuse %j with one line and exit code 2', async (args, message) => {
    const { code, err } = await startServe(args).ended;
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(message)]);
  });

  it("reads its options from a config file, flags winning, and registers the client's key as given or the demo keys of its role", () => {
    const config = join(root, 'serve.yaml');
    writeFileSync(config, 'role: platform\nduration: 2m\nreport-dir: out\nformat: [json, md]\n');
    const keyFile = join(root, 'client.pem');
    writeFileSync(keyFile, DEMO_PLATFORM_PUBLIC_KEY_PEM);
    const fromFile = parseServeArguments(['--config', config, '--role', 'carrier', '--client-key-id', DEMO_PLATFORM_KEYID, '--client-key-file', keyFile]);
    expect(fromFile.help).toBe(false);
    if (fromFile.help) return;
    expect([fromFile.role, fromFile.durationMs, fromFile.reportDir, fromFile.formats, fromFile.scenarios]).toEqual([
      'carrier',
      120_000,
      'out',
      ['json', 'md'],
      true,
    ]);
    expect(fromFile.clientKeys.map((k) => [k.keyid, k.alg])).toEqual([[DEMO_PLATFORM_KEYID, 'ed25519']]);
    const defaults = parseServeArguments(['--role', 'platform']);
    if (defaults.help) throw new Error('no help asked for');
    expect(defaults.clientKeys.map((k) => k.keyid)).toEqual([demoCredentials.carrier.verificationKey.keyid, demoCredentials.carrierHmac.keyid]);
    writeFileSync(config, 'role: carrier\nsecret: x\n');
    expect(() => parseServeArguments(['--config', config])).toThrow(/key material does not go in a config file/);
  });
});
