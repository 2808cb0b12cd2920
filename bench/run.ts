// `npm run bench`: every figure of bench/README.md, measured on this machine, printed as a table and written to
// bench/results/latest.json. Each figure's module measures it against its own baseline in the same run (decision
// 0042); a figure whose measure fails is reported with its error and the others still run.
//   --smoke        tiny counts, one round, one fault, a few checks: exercises every figure's code in seconds
//   --out FILE     write the JSON there instead of bench/results/latest.json
//   --only KEY,…   measure only the groups that give these figures (the others are reported as not measured)
//   --json         print the JSON instead of the table
//   --strict       exit 1 when a target is missed, not only when a measure failed
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureDataCreates } from './data-creates.ts';
import { FIGURE_KEYS, FIGURES, noFigure, type Figure, type FigureKey } from './figures.ts';
import { measureMatrix } from './matrix.ts';
import { measureMockVsPrism } from './mock-vs-prism.ts';
import { measureMockVsRaw } from './mock-vs-raw.ts';
import { measurePeakRss } from './peak-rss.ts';
import { measurePostVsRaw } from './post-vs-raw.ts';
import { measureStoreScale } from './store-scale.ts';
import { measureRtt50, measureStart } from './suite-runs.ts';
import { printTable } from './table.ts';
import { measureValidators } from './validators.ts';

type Measure = (smoke: boolean) => Promise<Partial<Record<FigureKey, Figure>>>;

/** In this order: the in-process micro-measures first, on a fresh heap; the whole-suite runs after. */
const GROUPS: { figures: readonly FigureKey[]; measure: Measure }[] = [
  { figures: ['typeboxVsAjvValid', 'typeboxVsAjvInvalid'], measure: measureValidators },
  { figures: ['mockVsRaw', 'mockVsRawEd25519'], measure: measureMockVsRaw },
  { figures: ['mockVsPrism'], measure: measureMockVsPrism },
  { figures: ['postVsRaw'], measure: measurePostVsRaw },
  { figures: ['bytesPerStoredEvent', 'queryLatencyRatio100k'], measure: measureStoreScale },
  { figures: ['startSeconds'], measure: measureStart },
  { figures: ['rtt50CarrierSeconds'], measure: measureRtt50 },
  { figures: ['harnessPeakRssMb'], measure: measurePeakRss },
  { figures: ['matrixSeconds'], measure: measureMatrix },
  { figures: ['dataCreatesPerSecond'], measure: measureDataCreates },
];

const { values } = parseArgs({
  options: { smoke: { type: 'boolean' }, out: { type: 'string' }, only: { type: 'string' }, json: { type: 'boolean' }, strict: { type: 'boolean' } },
  strict: true,
});
const smoke = values.smoke ?? false;
const only = values.only?.split(',').map((k) => k.trim());
for (const key of only ?? []) {
  if (!(FIGURE_KEYS as readonly string[]).includes(key)) {
    console.error(`bench: --only ${key} is no figure (figures: ${FIGURE_KEYS.join(', ')})`);
    process.exit(2);
  }
}
const out = resolve(values.out ?? join(import.meta.dirname, 'results', 'latest.json'));

const started = performance.now();
const loadAtStart = loadavg();
const figures: Partial<Record<FigureKey, Figure>> = {};
/** Wall seconds of each group's measure: where the bench's own five minutes go. */
const groupSeconds: Record<string, number> = {};
for (const group of GROUPS) {
  if (only && !group.figures.some((k) => only.includes(k))) {
    for (const key of group.figures) figures[key] = noFigure(key, { note: 'not selected (--only)' });
    continue;
  }
  const groupStarted = performance.now();
  if (!values.json) process.stderr.write(`bench: measuring ${group.figures.join(', ')}…`);
  try {
    Object.assign(figures, await group.measure(smoke));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    for (const key of group.figures) figures[key] = noFigure(key, { error: message });
  }
  const took = (performance.now() - groupStarted) / 1000;
  groupSeconds[group.figures.join(',')] = Number(took.toFixed(1));
  if (!values.json) process.stderr.write(` ${took.toFixed(1)} s\n`);
}

const ordered = Object.fromEntries(FIGURE_KEYS.map((key) => [key, figures[key] ?? noFigure(key, { error: 'the group gave no value' })])) as Record<
  FigureKey,
  Figure
>;
const failures = FIGURE_KEYS.flatMap((key) => (ordered[key].error ? [`${key}: ${ordered[key].error}`] : []));
const missed = FIGURE_KEYS.filter((key) => ordered[key].met === false);
const result = {
  command: `npm run bench${smoke ? ' -- --smoke' : ''}`,
  smoke,
  generatedAt: new Date().toISOString(),
  commit: commit(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { atStart: loadAtStart.map((l) => Number(l.toFixed(2))), atEnd: loadavg().map((l) => Number(l.toFixed(2))) },
  },
  seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  groupSeconds,
  figures: ordered,
  missed,
  failures,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);

if (values.json) console.log(JSON.stringify(result, null, 2));
else {
  printTable(ordered, FIGURES);
  console.log(`${result.seconds} s${smoke ? ' (smoke: the values say nothing)' : ''}; written to ${out}`);
  for (const failure of failures) console.error(`FAIL: ${failure}`);
}
process.exitCode = failures.length > 0 || (values.strict && missed.length > 0) ? 1 : 0;

/** The commit measured, with `+changes` when the work tree differs from it (the numbers are then of neither). */
function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: import.meta.dirname, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: import.meta.dirname, encoding: 'utf8' }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}
