// Live progress on the console while the harness runs, and the summary at the end. On a TTY a progress bar shows
// the running check, and every result that is not a pass is printed above it as it arrives; elsewhere (CI, pipes,
// files) every finished check is one plain line. Colours are on only for a TTY without NO_COLOR.
import cliProgress from 'cli-progress';
import pc from 'picocolors';
import { redactReport, redactText } from '../harness/redact.ts';
import type { CheckResult, ConformanceReport, ResultStatus } from '../harness/report.ts';
import { DEFAULT_LANGUAGE, type Language, listSeparator, translator } from '../i18n/index.ts';
import {
  classBreakdown,
  classStateLabel,
  countsLine,
  formatDuration,
  isProblem,
  partialPassed,
  partialRunLabel,
  RESULT_STATUSES,
  runDurationMs,
  runNotes,
  scopeFilters,
  sealLine,
  seedLine,
  STATUS_SYMBOL,
  statusName,
  summaryKey,
  totalOf,
  verdict,
  visibleText,
  messageIn,
  waiverLine,
  waiverNotes,
} from './shared.ts';

type Colors = ReturnType<typeof pc.createColors>;
type Paint = (text: string) => string;

/** The stream the console writes to: process.stdout, or anything with `write` (tests pass a PassThrough). */
export type ConsoleStream = NodeJS.WritableStream & { isTTY?: boolean };

export interface ConsoleProgressOptions {
  /** Where to write; process.stdout when absent. */
  stream?: ConsoleStream;
  /** Colours on or off; by default on when the stream is a TTY and NO_COLOR is not set. */
  color?: boolean;
  /** Progress bar (true) or one line per check (false); by default a bar when the stream is a TTY. */
  tty?: boolean;
  /** The environment NO_COLOR is read from; process.env when absent. */
  env?: Record<string, string | undefined>;
  /** The language of the progress lines' words and of the final summary; English by default. */
  lang?: Language;
}

export interface ConsoleSummaryOptions {
  color?: boolean;
  /** The language of the summary's own words; English by default. Check ids, classes and messages stay as they are. */
  lang?: Language;
  /** The report files written, listed at the end. */
  reportPaths?: readonly string[];
}

const statusPaint = (c: Colors): Record<ResultStatus, Paint> => ({
  passed: c.green,
  failed: c.red,
  warning: c.yellow,
  skipped: c.dim,
  'precondition-failed': c.magenta,
  error: c.red,
  waived: c.yellow,
});

/** `✔ passed  carrier-shipping  shipments/accepts-valid-shipping-data  (ECDX-SHP-001)` */
export function formatResultLine(result: CheckResult, colors: Colors = pc.createColors(false), lang: Language = DEFAULT_LANGUAGE): string {
  const paint = statusPaint(colors)[result.status];
  const t = translator(lang);
  return [
    paint(`${STATUS_SYMBOL[result.status]} ${statusName(result.status, lang)}`),
    colors.dim(result.class),
    result.status === 'passed' || result.status === 'skipped' ? result.checkId : colors.bold(result.checkId),
    ...(result.waiver ? [colors.dim(t('console.wasStatus', { status: statusName(result.waiver.waivedStatus, lang) }))] : []),
    colors.dim(`(${result.requirementIds.join(', ')})`),
  ].join('  ');
}

/** Folds lines into one and shows control characters as escapes (a vendor's message could carry escape sequences). */
const oneLine = (text: string): string => visibleText(text.replace(/\r?\n/g, ' '));

/**
 * The end-of-run summary: counts per class, then every failed, errored and precondition-failed check with its
 * requirement ids, message and failed assertions, then the one-line total and the report files.
 */
export function renderConsoleSummary(input: ConformanceReport, options: ConsoleSummaryOptions = {}): string {
  const report = redactReport(input);
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const t = translator(lang);
  const c = pc.createColors(options.color ?? false);
  const paint = statusPaint(c);
  const lines: string[] = [];
  // The width a column takes on a terminal: a CJK character takes two cells.
  const width = (text: string): number =>
    [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const padStart = (text: string, n: number): string => ' '.repeat(Math.max(0, n - width(text))) + text;
  const names = RESULT_STATUSES.map((s) => statusName(s, lang));
  // A result's message in the console's language; one the report holds only in English is labelled as the original.
  const original = (r: CheckResult): string => {
    const { text, translated } = messageIn(r, lang);
    return translated ? oneLine(text) : `${t('label.originalMessage')}：${oneLine(text)}`;
  };

  // A class is named with its state unless it was tested: `core (not tested in this partial run)`.
  const rows = classBreakdown(report).map((row) => ({
    ...row,
    name: oneLine(row.name),
    note: row.state === 'tested' ? '' : ` (${classStateLabel(row.state, report, lang)})`,
  }));
  const classHead = t('label.class');
  const nameWidth = Math.max(width(classHead), ...rows.map((r) => width(r.name) + width(r.note)));
  lines.push('', c.bold(t('console.resultsByClass')));
  lines.push(`  ${classHead}${' '.repeat(nameWidth - width(classHead))}  ${names.map((s) => padStart(s, Math.max(width(s), 3))).join('  ')}`);
  for (const row of rows) {
    const label = `${row.name}${c.dim(row.note)}`;
    const pad = ' '.repeat(Math.max(0, nameWidth - width(row.name) - width(row.note)));
    const cells = RESULT_STATUSES.map((s, i) => {
      const n = row.counts[summaryKey(s)];
      const cell = String(n).padStart(Math.max(width(names[i]!), 3));
      return n === 0 ? c.dim(cell) : paint[s](cell);
    });
    lines.push(`  ${label}${pad}  ${cells.join('  ')}`);
  }

  const problems = report.results.filter(isProblem);
  if (problems.length > 0) {
    lines.push('', c.bold(t('console.problems', { n: problems.length })));
    for (const r of problems) {
      lines.push(`  ${formatResultLine(r, c, lang)}`);
      lines.push(`      ${original(r)}`);
      for (const e of r.evidence) {
        if (e.kind === 'assertion' && !e.passed) {
          const where = e.pointer ? ` ${c.dim(t('console.at', { pointer: oneLine(e.pointer) }))}` : '';
          const req = e.requirementId ? ` ${c.dim(`[${oneLine(e.requirementId)}]`)}` : '';
          lines.push(`      ${paint.failed(STATUS_SYMBOL.failed)} ${oneLine(messageIn(e, lang).text)}${where}${req}`);
        }
      }
    }
  }

  const waived = report.results.filter((r) => r.waiver);
  if (waived.length > 0) {
    lines.push('', c.bold(t('console.waived', { n: waived.length })));
    for (const r of waived) {
      lines.push(`  ${formatResultLine(r, c, lang)}`);
      lines.push(`      ${original(r)}`);
      lines.push(`      ${paint.waived(STATUS_SYMBOL.waived)} ${oneLine(waiverLine(r.waiver!, lang))}`);
    }
  }

  const about = [
    ...waiverNotes(report, lang).map((note) => c.yellow(oneLine(note))),
    ...[seedLine(report, lang)].filter((l) => l !== undefined).map((l) => c.dim(t('console.generatedCases', { line: l }))),
  ];
  if (report.seal) about.push(c.dim(t('console.report', { line: oneLine(sealLine(report, lang)) })));
  if (about.length > 0) lines.push('', ...about);

  const total = totalOf(report.summary);
  let verdictText: string;
  if (report.verdict === 'partial') {
    const outcome = partialPassed(report) ? c.green(t('outcome.passed')) : c.red(c.bold(t('outcome.FAILED')));
    verdictText = t('console.partialVerdict', { label: c.yellow(c.bold(partialRunLabel(lang))), filters: oneLine(scopeFilters(report.scope)), outcome });
  } else if (report.verdict === 'conformant-with-waivers') verdictText = c.yellow(c.bold(verdict(report, lang)));
  else verdictText = report.conformant ? c.green(c.bold(verdict(report, lang).toUpperCase())) : c.red(c.bold(verdict(report, lang).toUpperCase()));
  const counts = RESULT_STATUSES.map((s) => {
    const count = t('count.status', { n: report.summary[summaryKey(s)], status: statusName(s, lang) });
    return report.summary[summaryKey(s)] === 0 ? c.dim(count) : paint[s](count);
  }).join(listSeparator(lang));
  lines.push('', t('console.total', { n: total, counts, verdict: verdictText, duration: formatDuration(runDurationMs(report)) }));
  for (const note of runNotes(report, lang)) lines.push(c.yellow(oneLine(note)));
  if (options.reportPaths && options.reportPaths.length > 0) {
    lines.push(t('console.reports', { paths: options.reportPaths.join(', ') }));
  }
  return `${lines.join('\n')}\n`;
}

/** The plain-text summary as a file reporter writes it (no colours). */
export const renderConsoleText = (report: ConformanceReport, lang: Language = DEFAULT_LANGUAGE): string =>
  `${translator(lang)('console.heading', { target: oneLine(redactText(report.target.url)), role: report.target.role, spec: report.specVersion, harness: report.harnessVersion })}\n` +
  `${countsLine(report.summary, lang)}\n` +
  renderConsoleSummary(report, { lang });

/**
 * What the runner calls while it runs: `start(total)` once, `checkStarted` / `checkFinished` per check (checks may
 * overlap), `end(report, reportPaths)` once; `stop()` if the run fails before `end()`.
 */
export class ConsoleProgress {
  readonly #stream: ConsoleStream;
  readonly #tty: boolean;
  readonly #colors: Colors;
  readonly #lang: Language;
  readonly #running: string[] = [];
  #multibar: cliProgress.MultiBar | undefined;
  #bar: cliProgress.SingleBar | undefined;
  #finished = 0;
  #total = 0;

  constructor(options: ConsoleProgressOptions = {}) {
    this.#stream = options.stream ?? process.stdout;
    const env = options.env ?? process.env;
    const isTTY = this.#stream.isTTY === true;
    this.#tty = options.tty ?? isTTY;
    this.#colors = pc.createColors(options.color ?? (isTTY && !env.NO_COLOR));
    this.#lang = options.lang ?? DEFAULT_LANGUAGE;
  }

  /** Whether colours are on. */
  get color(): boolean {
    return this.#colors.isColorSupported;
  }

  start(total: number): void {
    this.#total = total;
    this.#finished = 0;
    const c = this.#colors;
    if (!this.#tty) {
      this.#write(`${translator(this.#lang)('console.running', { n: total })}\n`);
      return;
    }
    this.#multibar = new cliProgress.MultiBar(
      {
        stream: this.#stream,
        format: `${c.cyan('{bar}')} {value}/{total}  {current}`,
        barCompleteChar: '█',
        barIncompleteChar: '░',
        barsize: 30,
        hideCursor: true,
        clearOnComplete: true,
        linewrap: false,
        autopadding: true,
      },
      cliProgress.Presets.shades_classic,
    );
    this.#bar = this.#multibar.create(total, 0, { current: '' });
  }

  /** A check began: its id, or the check itself (the runner passes its Check). */
  checkStarted(check: string | { readonly id: string }): void {
    this.#running.push(typeof check === 'string' ? check : check.id);
    this.#bar?.update({ current: this.#current() });
  }

  checkFinished(result: CheckResult): void {
    const i = this.#running.lastIndexOf(result.checkId);
    if (i >= 0) this.#running.splice(i, 1);
    this.#finished += 1;
    const line = formatResultLine(result, this.#colors, this.#lang);
    if (this.#multibar && this.#bar) {
      if (result.status !== 'passed') this.#multibar.log(`${line}\n`);
      if (this.#finished > this.#total) this.#bar.setTotal(this.#finished);
      this.#bar.increment(1, { current: this.#current() });
    } else {
      this.#write(`${line}\n`);
    }
  }

  end(report: ConformanceReport, reportPaths: readonly string[] = []): void {
    this.stop();
    this.#write(renderConsoleSummary(report, { color: this.color, reportPaths, lang: this.#lang }));
  }

  /**
   * Removes the progress bar and stops its redraw timer, which would otherwise keep the process alive; `end()`
   * calls it. A runner that fails before `end()` calls it in its `finally`. Safe to call more than once.
   */
  stop(): void {
    if (!this.#multibar) return;
    this.#multibar.update(); // flush the lines logged since the last redraw
    this.#multibar.stop();
    this.#multibar = undefined;
    this.#bar = undefined;
  }

  #current(): string {
    const last = this.#running.at(-1);
    if (last === undefined) return '';
    const more = this.#running.length > 1 ? this.#colors.dim(` (+${this.#running.length - 1})`) : '';
    return `${last}${more}`;
  }

  #write(text: string): void {
    this.#stream.write(text);
  }
}
