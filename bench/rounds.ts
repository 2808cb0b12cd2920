// How the bench repeats a measure: the median of rounds, and for the long figures (whole suite runs) as many rounds
// as fit a budget, so that the full bench stays within its five minutes whatever the harness's speed is today.
import { loadProblems, type LoadResult } from './load-client.ts';

/** The median (the upper one of an even count): robust to the one round a neighbour's load spoilt. */
export const median = (values: readonly number[]): number => {
  if (values.length === 0) throw new RangeError('the median of no values');
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
};

export interface TimedRounds<T> {
  /** Wall seconds of each round, in order. */
  seconds: number[];
  /** What each round returned. */
  results: T[];
  /** The median of `seconds`. */
  median: number;
}

/**
 * Run `round` up to `rounds` times and time each, within `budgetSeconds` of rounds (at least
 * one round always runs; another runs only if one more like the last still fits). The median is over the rounds that ran, and the figure says how many that was.
 */
export async function timedRounds<T>(rounds: number, budgetSeconds: number, round: (index: number) => Promise<T>): Promise<TimedRounds<T>> {
  const seconds: number[] = [];
  const results: T[] = [];
  let spent = 0;
  for (let i = 0; i < rounds && (i === 0 || spent + seconds[i - 1]! <= budgetSeconds); i++) {
    const started = performance.now();
    results.push(await round(i));
    const took = (performance.now() - started) / 1000;
    seconds.push(took);
    spent += took;
  }
  return { seconds, results, median: median(seconds) };
}

/** One round of the mock's load and its baseline's (raw node:http, Prism), measured back to back. */
export interface PairedRound {
  mock: LoadResult;
  baseline: LoadResult;
}

/**
 * The mock against its baseline over paired rounds: the median of the rounds' ratios of rates (each taken in the
 * same round, decision 0042), the ratios themselves and the medians behind them. Throws, naming each run, when a
 * run was not answered in full with `status`.
 */
export function pairedRatio(
  rounds: readonly PairedRound[],
  runs: { baseline: string; mockRequests: number; baselineRequests: number; status: number },
): { ratio: number; ratios: number[]; mockRequestsPerSecond: number; baselineRequestsPerSecond: number; perCpuSecondRatio: number } {
  const problems = rounds.flatMap((r, i) => [
    ...loadProblems(`${runs.baseline}, round ${i + 1}`, r.baseline, runs.baselineRequests, runs.status),
    ...loadProblems(`mock, round ${i + 1}`, r.mock, runs.mockRequests, runs.status),
  ]);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const ratios = rounds.map((r) => r.mock.requestsPerSecond / r.baseline.requestsPerSecond);
  return {
    ratio: median(ratios),
    ratios,
    mockRequestsPerSecond: Math.round(median(rounds.map((r) => r.mock.requestsPerSecond))),
    baselineRequestsPerSecond: Math.round(median(rounds.map((r) => r.baseline.requestsPerSecond))),
    perCpuSecondRatio: median(rounds.map((r) => r.mock.requestsPerCpuSecond / r.baseline.requestsPerCpuSecond)),
  };
}
