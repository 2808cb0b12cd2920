// `tsx bench/readme-table.ts [FILE]`: the Markdown table of bench/README.md from a bench result (default
// bench/results/latest.json), so that the README shows exactly what the run measured.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURE_KEYS, type Figure, type FigureKey } from './figures.ts';
import { formatTarget, formatValue, verdict } from './table.ts';

const file = process.argv[2] ?? join(import.meta.dirname, 'results', 'latest.json');
const result = JSON.parse(readFileSync(file, 'utf8')) as { figures: Record<FigureKey, Figure>; commit: string; generatedAt: string; seconds: number };
const rounds = (f: Figure) => (f.rounds && f.rounds.length > 1 ? `median of ${f.rounds.length}` : f.rounds ? '1 round' : '');
console.log('| figure | value | target | | rounds | what |');
console.log('|---|---|---|---|---|---|');
for (const key of FIGURE_KEYS) {
  const f = result.figures[key];
  console.log(`| \`${key}\` | ${formatValue(f)} | ${formatTarget(f)} | ${verdict(f)} | ${rounds(f)} | ${f.error ?? f.note ?? f.what} |`);
}
console.log(`\nMeasured at commit ${result.commit}, ${result.generatedAt}, in ${result.seconds} s.`);
