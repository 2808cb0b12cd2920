// dataCreatesPerSecond: creates per second of the mock on a SQLite file (`--data`) with 72 subscriptions of scope
// ALL, measured by bench/data-store.ts (`measureDataStore`); the file's size, its bytes per stored event, the
// start-up time on it and the rate per CPU second are the figure's detail.
import { measureDataStore } from './data-store.ts';
import { figure, type Figure } from './figures.ts';

export async function measureDataCreates(smoke: boolean): Promise<{ dataCreatesPerSecond: Figure }> {
  const { createsPerSecond, ...detail } = await measureDataStore({ smoke });
  return { dataCreatesPerSecond: figure('dataCreatesPerSecond', createsPerSecond, { detail }) };
}
