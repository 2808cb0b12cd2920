// The figures `npm run bench` reports, each with its target and whether it is met. The targets come from issue 12's
// table where it has one (`from: 'issue'`); for the figures it lists without a target, decision 0042 sets one
// (`from: 'decision-0042'`), so that every figure can be judged.

export const FIGURE_KEYS = [
  'mockVsRaw',
  'mockVsRawEd25519',
  'mockVsPrism',
  'postVsRaw',
  'typeboxVsAjvValid',
  'typeboxVsAjvInvalid',
  'startSeconds',
  'matrixSeconds',
  'rtt50CarrierSeconds',
  'harnessPeakRssMb',
  'bytesPerStoredEvent',
  'queryLatencyRatio100k',
  'dataCreatesPerSecond',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface Target {
  /** The figure meets the target when `value op bound`. */
  op: '>=' | '<' | '<=';
  bound: number;
  from: 'issue' | 'decision-0042';
}

export interface Figure {
  value: number | null;
  unit: string;
  target: Target;
  /** null when there is no value (not measured, or the measure failed). */
  met: boolean | null;
  /** What was measured, in a few words. */
  what: string;
  /** The value of each round, where the figure is a median of rounds. */
  rounds?: number[];
  /** Supporting numbers (the rates behind a ratio, the counts behind a timing). */
  detail?: Record<string, unknown>;
  /** Why the value is null, or what else a reader must know. */
  note?: string;
  /** The measure failed: the message. The bench exits 1. */
  error?: string;
}

interface FigureSpec {
  unit: string;
  target: Target;
  what: string;
}

const issue = (op: Target['op'], bound: number): Target => ({ op, bound, from: 'issue' });
const decided = (op: Target['op'], bound: number): Target => ({ op, bound, from: 'decision-0042' });

export const FIGURES: Record<FigureKey, FigureSpec> = {
  mockVsRaw: { unit: '×', target: issue('>=', 0.5), what: 'mock ÷ raw node:http req/s, signed GET events, hmac-sha256' },
  mockVsRawEd25519: { unit: '×', target: issue('>=', 0.35), what: 'the same, signed ed25519' },
  mockVsPrism: { unit: '×', target: issue('>=', 4), what: 'mock ÷ Stoplight Prism req/s, the same signed GET' },
  postVsRaw: { unit: '×', target: decided('>=', 0.25), what: 'mock ÷ raw node:http req/s, signed POST /v1/shipments (201)' },
  typeboxVsAjvValid: { unit: '×', target: decided('>=', 1), what: 'TypeBox ÷ ajv checks/s, valid ShipmentRequest + 50-event PushBatch' },
  typeboxVsAjvInvalid: { unit: '×', target: decided('>=', 1), what: 'the same, invalid inputs' },
  startSeconds: { unit: 's', target: issue('<', 8), what: 'both roles’ full runs against the in-process mock (npm start, no reports)' },
  matrixSeconds: { unit: 's', target: issue('<', 60), what: 'verify-suite --no-write (the detection matrix, a worker thread per core), wall' },
  rtt50CarrierSeconds: { unit: 's', target: issue('<', 60), what: 'a full carrier run over a 50 ms round trip (latency proxies both ways)' },
  harnessPeakRssMb: { unit: 'MB', target: issue('<', 150), what: 'peak RSS of the harness process, full carrier run, mock in another process' },
  bytesPerStoredEvent: { unit: 'B', target: decided('<=', 2048), what: 'mock heap per recorded event, in-memory store of 100 000 shipments' },
  queryLatencyRatio100k: {
    unit: '×',
    target: decided('<=', 2),
    what: 'GET …/events latency via mock.handle, 100 000 stored shipments ÷ 10',
  },
  dataCreatesPerSecond: { unit: '/s', target: issue('>=', 300), what: '--data creates/s with 70+ subscriptions of scope ALL' },
};

export const isMet = (value: number, target: Target): boolean =>
  target.op === '>=' ? value >= target.bound : target.op === '<' ? value < target.bound : value <= target.bound;

/** A measured figure: its spec, the value, and whether it meets its target. */
export function figure(key: FigureKey, value: number, extra: Pick<Figure, 'rounds' | 'detail' | 'note'> = {}): Figure {
  const spec = FIGURES[key];
  return { value, unit: spec.unit, target: spec.target, met: isMet(value, spec.target), what: spec.what, ...extra };
}

/** A figure without a value: not measured (`note`), or its measure failed (`error`). */
export function noFigure(key: FigureKey, reason: { note?: string; error?: string }): Figure {
  const spec = FIGURES[key];
  return { value: null, unit: spec.unit, target: spec.target, met: null, what: spec.what, ...reason };
}
