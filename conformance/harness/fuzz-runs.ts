// How many random cases a generated check draws when a run does not say (`--fuzz-runs`): enough to find what the
// mock's faults plant, in seconds against the mock. A certification run draws at least as many.
export const DEFAULT_FUZZ_RUNS = 40;
