// How the bench repeats a measure: the median of rounds, and for the long figures (whole suite runs) as many rounds
// as fit a budget, so that the full bench stays within its five minutes whatever the harness's speed is today.

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
