// The table `npm run bench` prints: one line per figure, its value, target and whether it is met.
import type { Figure, FigureKey } from './figures.ts';

/** A value as the table and bench/README.md show it: ratios and seconds to 2 places, sizes and rates whole. */
export function formatValue(figure: Pick<Figure, 'value' | 'unit'>): string {
  if (figure.value === null) return '—';
  const digits = figure.unit === '×' || figure.unit === 's' ? 2 : 0;
  return `${figure.value.toFixed(digits)} ${figure.unit}`;
}

export const formatTarget = (figure: Pick<Figure, 'target' | 'unit'>): string => `${figure.target.op} ${figure.target.bound} ${figure.unit}`;

export const verdict = (figure: Pick<Figure, 'met' | 'error'>): string =>
  figure.error ? 'error' : figure.met === null ? 'n/a' : figure.met ? 'met' : 'MISSED';

export function printTable(figures: Record<FigureKey, Figure>, specs: Record<FigureKey, { what: string }>): void {
  const rows = (Object.keys(figures) as FigureKey[]).map((key) => {
    const f = figures[key];
    return [key, formatValue(f), formatTarget(f), verdict(f), f.error ?? f.note ?? specs[key].what];
  });
  const header = ['figure', 'value', 'target', '', 'what'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
