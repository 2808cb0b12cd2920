import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConsoleProgress, formatResultLine, renderConsoleSummary, renderConsoleText, type ConsoleStream } from './console.ts';
import {
  claimedButUntestedReport,
  CONTROL_PAYLOAD,
  controlReport,
  hostileReport,
  loadFixture,
  PARTIAL_ONLY,
  partialReport,
  RAW_CONTROL,
} from './fixtures/index.ts';

/** A stream that records what is written; `isTTY` as asked. */
function capture(isTTY: boolean): { stream: ConsoleStream; text: () => string } {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
  if (isTTY) {
    stream.isTTY = true;
    stream.columns = 120;
  }
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { stream, text: () => chunks.join('') };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for terminal escapes
const ANSI = /\u001b\[/;
const flush = () => new Promise((resolve) => setImmediate(resolve));

/** Plays a report through the progress object the way the runner does. */
async function play(progress: ConsoleProgress, report = loadFixture('with-failures'), paths: string[] = []) {
  progress.start(report.results.length);
  for (const r of report.results) {
    progress.checkStarted(r.checkId);
    progress.checkFinished(r);
  }
  progress.end(report, paths);
  await flush();
}

describe('console: one line per check when the stream is not a TTY', () => {
  it('prints the documented line for every finished check, without colours', async () => {
    const out = capture(false);
    const progress = new ConsoleProgress({ stream: out.stream, env: {} });
    expect(progress.color).toBe(false);
    const report = loadFixture('with-failures');
    await play(progress, report, ['/tmp/reports/report.json', '/tmp/reports/report.html']);
    const text = out.text();
    expect(text).not.toMatch(ANSI);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`Running ${report.results.length} checks`);
    expect(lines).toContain('✔ passed  carrier-shipping  shipments/accepts-valid-shipping-data  (ECDX-SHP-001)');
    expect(lines).toContain('✘ failed  privacy  privacy/masks-courier-and-signatory  (ECDX-PRV-007, ECDX-PRV-001, ECDX-PRV-002)');
    expect(lines).toContain('⊘ precondition-failed  carrier-shipping  shipments/refuses-cancel-after-acceptance  (ECDX-SHP-010)');
    expect(lines).toContain('○ skipped  notices  notices/accepts-valid-notice  (ECDX-NTC-003)');
    for (const r of report.results) expect(lines).toContain(formatResultLine(r));
    expect(lines.at(-2)).toBe('Reports: /tmp/reports/report.json, /tmp/reports/report.html');
  });

  it('ends with per-class counts, then every failed, errored and precondition-failed check, then the total', async () => {
    const out = capture(false);
    const report = loadFixture('with-failures');
    await play(new ConsoleProgress({ stream: out.stream, env: {} }), report);
    const text = out.text();
    const summary = text.slice(text.indexOf('Results by class'));
    expect(summary).toMatch(/^ {2}class +passed {2}failed {2}warning {2}skipped {2}precondition-failed {2}error {2}waived$/m);
    expect(summary).toMatch(/^ {2}core +2 +1 +1 +0 +0 +0 +0$/m);
    expect(summary).toMatch(/^ {2}notices \(not claimed\) +0 +0 +0 +1 +0 +0 +0$/m);
    expect(summary).toMatch(/^ {2}carrier-tracking-pull +1 +0 +1 +0 +0 +1 +1$/m);
    const problems = summary.slice(summary.indexOf('Failed, error, precondition-failed (8)'));
    for (const r of report.results) {
      const listed = problems.includes(`  ${r.checkId}  (${r.requirementIds.join(', ')})`);
      expect(listed, r.checkId).toBe(['failed', 'error', 'precondition-failed'].includes(r.status));
      if (listed) expect(problems).toContain(`      ${r.message}`);
    }
    expect(problems).toContain('      ✘ body is a validation-failed Problem: /type is missing at /type');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '22 checks: 8 passed, 4 failed, 2 warning, 3 skipped, 2 precondition-failed, 2 error, 1 waived — NOT CONFORMANT (19.1 s)',
    );
  });

  it('says CONFORMANT and lists no failures for a passing run', () => {
    const text = renderConsoleSummary(loadFixture('all-passing'));
    expect(text).not.toContain('Failed, error, precondition-failed');
    expect(text).toContain('15 checks: 15 passed, 0 failed, 0 warning, 0 skipped, 0 precondition-failed, 0 error, 0 waived — CONFORMANT');
    expect(text).toContain('Generated cases: seed 1234567 (repeat the run with --seed 1234567)');
  });

  it('keeps control characters from the target out of the terminal', () => {
    const report = hostileReport();
    const failed = report.results.find((r) => r.status === 'failed')!;
    failed.message = 'evil \u001b[2J\u001b]0;title\u0007 text\nsecond line';
    const text = renderConsoleSummary(report);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('evil \\x1b[2J\\x1b]0;title\\x07 text second line');
  });

  it('shows C1 controls, a lone carriage return and bidi overrides from the target as escapes, never raw', () => {
    const report = controlReport();
    report.target.url = `https://evil.example.test/${CONTROL_PAYLOAD}`;
    for (const text of [renderConsoleSummary(report), renderConsoleText(report)]) {
      expect(text).not.toMatch(RAW_CONTROL);
      expect(text).toContain('a\\x1b]0;pwned\\x07b\\x1b[2Jc\\x9b31md\\x00e\\x7ff\\x0dg\\u202eh\\u2066i\\u202aj\\u2069k');
    }
  });

  it('writes a plain-text summary file without colours', () => {
    const text = renderConsoleText(loadFixture('with-failures'));
    expect(text).not.toMatch(ANSI);
    expect(text.split('\n')[0]).toBe('ECDX conformance: https://sandbox.kuaidi.example.test/ecdx (carrier), spec 1.0.0-draft, harness 0.1.0');
  });
});

describe('console: progress bar on a TTY', () => {
  it('draws a bar with the running check, prints non-passed results above it, then the summary', async () => {
    const out = capture(true);
    const progress = new ConsoleProgress({ stream: out.stream, env: {} });
    expect(progress.color).toBe(true);
    await play(progress, loadFixture('with-failures'), ['reports/report.html']);
    const raw = out.text();
    expect(raw).toMatch(ANSI);
    const text = stripVTControlCharacters(raw);
    expect(text).toContain('✘ failed  core  errors/problem-json-on-4xx  (ECDX-ERR-001)');
    expect(text).not.toContain('✔ passed  core  conformance/serves-claim-unsigned');
    expect(text).toMatch(/[█░]{30} \d+\/22/);
    expect(text).toContain('Results by class');
    expect(text).toContain('Reports: reports/report.html');
  });

  it('shows the most recently started check that is still running', async () => {
    const out = capture(true);
    const progress = new ConsoleProgress({ stream: out.stream, env: {}, color: false });
    const report = loadFixture('all-passing');
    progress.start(2);
    progress.checkStarted('first/check');
    progress.checkStarted({ id: 'second/check' }); // the runner passes the check definition
    await new Promise((resolve) => setTimeout(resolve, 250)); // the bar redraws on a timer (every 100 ms)
    progress.checkFinished({ ...report.results[0]!, checkId: 'second/check' });
    progress.checkFinished({ ...report.results[1]!, checkId: 'first/check' });
    progress.end(report);
    await flush();
    const text = stripVTControlCharacters(out.text());
    expect(text).toContain('second/check (+1)');
    expect(text).not.toMatch(ANSI);
  });

  it('stops the bar and its timer on stop(), which a runner calls when it fails before end()', async () => {
    const out = capture(true);
    const progress = new ConsoleProgress({ stream: out.stream, env: {}, color: false });
    const report = loadFixture('with-failures');
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    progress.start(3);
    progress.checkStarted(report.results[2]!.checkId);
    progress.checkFinished(report.results[2]!);
    expect(timers()).toBeGreaterThan(before);
    progress.stop();
    progress.stop();
    expect(timers()).toBe(before);
    await flush();
    const text = stripVTControlCharacters(out.text());
    expect(text).toContain('✘ failed  core  errors/problem-json-on-4xx  (ECDX-ERR-001)');
    expect(text).not.toContain('Results by class');
  });

  it('turns colours off when NO_COLOR is set, and on when asked', async () => {
    const off = capture(true);
    const progress = new ConsoleProgress({ stream: off.stream, env: { NO_COLOR: '1' } });
    expect(progress.color).toBe(false);
    await play(progress);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for terminal escapes
    expect(off.text()).not.toMatch(/\u001b\[(3\d|1|2)m/);

    expect(new ConsoleProgress({ stream: capture(true).stream, env: { NO_COLOR: '' } }).color).toBe(true);
    expect(new ConsoleProgress({ stream: capture(false).stream, env: {}, color: true }).color).toBe(true);
  });
});

describe('console: a partial run', () => {
  it('is labelled a partial run, not a conformance verdict, with its filters and whether what ran passed', () => {
    const text = renderConsoleSummary(partialReport());
    expect(text).not.toContain('CONFORMANT');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      `1 check: 1 passed, 0 failed, 0 warning, 0 skipped, 0 precondition-failed, 0 error, 0 waived — Partial run — not a conformance verdict (--only ${PARTIAL_ONLY}): what ran passed (750 ms)`,
    );
    expect(renderConsoleSummary(partialReport(true))).toContain('— Partial run — not a conformance verdict (--skip health/answers-quickly): what ran FAILED');
  });

  it('lists the claimed classes the run did not test as not tested, never as tested or not claimed', () => {
    const text = renderConsoleSummary(partialReport());
    expect(text).toMatch(/^ {2}carrier-shipping +1 +0 +0 +0 +0 +0 +0$/m);
    expect(text).toMatch(/^ {2}core \(not tested in this partial run\) +0 +0 +0 +0 +0 +0 +0$/m);
    expect(text).not.toContain('(not claimed)');
    expect(renderConsoleSummary(claimedButUntestedReport())).toMatch(/^ {2}notices \(nothing to test\) +0 +0 +0 +0 +0 +0 +0$/m);
  });
});
