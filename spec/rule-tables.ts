// The rule tables of the Health, Interruption notices and Core chapters, generated from the data the rules are
// computed with, so that the text an outside implementer reads and the numbers the reference uses cannot part.
import type { InterruptionReason } from '../schemas/src/notices.ts';
import { FEEDS_OF_CLASSES } from '../schemas/src/discovery.ts';
import {
  ISSUED_AT_MAX_AGE_SECONDS,
  ISSUED_AT_MAX_SKEW_SECONDS,
  LATE_NOTICE_ALLOWANCE_SECONDS,
  MINIMUM_LEAD_TIME_SECONDS,
  SEVERITY_THRESHOLDS,
  URGENT_DUTY_GRACE_SECONDS,
} from '../schemas/notice-rules.ts';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** A duration in the largest whole unit the chapters use: "30 days", "72 hours", "300 seconds". */
export function describeSeconds(seconds: number): string {
  const unit = (n: number, name: string) => `${n.toLocaleString('en')} ${name}${n === 1 ? '' : 's'}`;
  if (seconds % DAY === 0 && seconds >= 7 * DAY) return unit(seconds / DAY, 'day');
  if (seconds % HOUR === 0) return unit(seconds / HOUR, 'hour');
  return unit(seconds, 'second');
}

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');

/** Reasons with the same minimum in one row, longest first. */
function leadTimeRows(): string[][] {
  const groups = new Map<number, string[]>();
  for (const reason of Object.keys(MINIMUM_LEAD_TIME_SECONDS) as InterruptionReason[])
    groups.set(MINIMUM_LEAD_TIME_SECONDS[reason], [...(groups.get(MINIMUM_LEAD_TIME_SECONDS[reason]) ?? []), reason]);
  return [...groups.entries()]
    .sort(([a], [b]) => b - a)
    .map(([seconds, reasons]) => {
      const urgent = seconds === 0;
      return [
        reasons.map((r) => `\`${r}\``).join(', '),
        urgent ? 'none' : describeSeconds(seconds),
        urgent ? `by at most ${describeSeconds(LATE_NOTICE_ALLOWANCE_SECONDS)}` : 'no',
        urgent ? `the later of \`plannedStart\` and \`issuedAt\` + ${describeSeconds(URGENT_DUTY_GRACE_SECONDS)}` : '`plannedStart`',
      ];
    });
}

export const ruleTables: Record<string, () => string> = {
  'health-feeds': () =>
    table(
      ['role', 'claimed class', 'feed'],
      FEEDS_OF_CLASSES.map((r) => [r.role, `\`${r.className}\``, `\`${r.feed}\``]),
    ),
  'notice-lead-times': () =>
    [
      table(['reason', 'minimum lead time', 'the notice may follow `plannedStart`', 'disclosure and report due by'], leadTimeRows()),
      '',
      `\`issuedAt\` is plausible when it lies at most ${describeSeconds(ISSUED_AT_MAX_AGE_SECONDS)} before and at most ` +
        `${describeSeconds(ISSUED_AT_MAX_SKEW_SECONDS)} after the receiver's time of receipt.`,
    ].join('\n'),
  'notice-severity-thresholds': () => {
    const t = SEVERITY_THRESHOLDS;
    return table(
      ['minimum severity', 'planned duration longer than', 'or shipments a day at least', 'or else'],
      [
        [
          '`SERIOUS`',
          describeSeconds(t.seriousDurationSeconds),
          t.seriousShipmentsPerDay.toLocaleString('en'),
          'reason `AGREEMENT_EXPIRY` or `AGREEMENT_TERMINATION`, or no `plannedEnd`',
        ],
        ['`SIGNIFICANT`', describeSeconds(t.significantDurationSeconds), t.significantShipmentsPerDay.toLocaleString('en'), '—'],
        ['`MINOR`', '—', '—', 'every other notice'],
      ],
    );
  },
};
