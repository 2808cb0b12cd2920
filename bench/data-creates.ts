// dataCreatesPerSecond: creates per second of the mock on a SQLite file (`--data`) with 70+ subscriptions of scope
// ALL. Measured by bench/data-store.ts (`measureDataStore`), which another change provides; until it exists the
// figure has no value and says why.
import { existsSync } from 'node:fs';
import { figure, noFigure, type Figure } from './figures.ts';

// TODO(lead, issue 12): once bench/data-store.ts lands, import `measureDataStore` statically and map its result
// here; the dynamic import only keeps the bench whole meanwhile.
type DataStoreMeasure = (options: { smoke: boolean }) => Promise<number | { createsPerSecond: number; [detail: string]: unknown }>;

export async function measureDataCreates(smoke: boolean): Promise<{ dataCreatesPerSecond: Figure }> {
  const module = new URL('./data-store.ts', import.meta.url);
  if (!existsSync(module))
    return { dataCreatesPerSecond: noFigure('dataCreatesPerSecond', { note: 'not measured: bench/data-store.ts (measureDataStore) does not exist yet' }) };
  const { measureDataStore } = (await import(module.href)) as { measureDataStore?: DataStoreMeasure };
  if (typeof measureDataStore !== 'function') throw new Error('bench/data-store.ts exports no measureDataStore function');
  const measured = await measureDataStore({ smoke });
  const { createsPerSecond, ...detail } = typeof measured === 'number' ? { createsPerSecond: measured } : measured;
  return { dataCreatesPerSecond: figure('dataCreatesPerSecond', createsPerSecond, { detail }) };
}
