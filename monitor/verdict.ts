// Each interruption the monitor sees, held against the notices received from the counterparty that interrupted
// (OP-07): was there a notice for the feed and the time, did it come early enough for its reason, did it state at
// least the minimum severity, and were the public disclosure and the report to the authorities made where the
// standard requires them by their deadlines. Pure: the rules are schemas/notice-rules.ts, the same the mock enforces
// and the harness expects; the lead time runs from when the monitor received the notice, not from the issuedAt the
// issuer wrote, since the issuer's own claim is what a dispute questions.
import {
  agreedPeriod,
  dutiesDueBy,
  LATE_NOTICE_ALLOWANCE_SECONDS,
  minimumLeadTimeSeconds,
  minimumSeverity,
  obligations,
  severityRank,
} from '../schemas/notice-rules.ts';
import type { DataFeed, InterruptionNotice } from '../schemas/src/index.ts';
import type { Compliance, Violation } from './report-schema.ts';

/** A notice as the monitor holds it: its copy, and when its parts reached the monitor (the monitor's clock, epoch ms). */
export interface HeldNotice {
  notice: InterruptionNotice;
  receivedAt: number;
  /** When the issuer's DISCLOSED response arrived, if it did. */
  disclosedAt?: number;
  /** When AUTHORITY_REPORTED responses covered both authorities, if they did. */
  authorityReportedAt?: number;
}

export interface ObservedInterruption {
  feed: DataFeed;
  startedAt: number;
  endedAt?: number;
}

export interface Verdict {
  compliance: Compliance;
  violations: Violation[];
  noticeId?: string;
}

/** How far an interruption may start before the planned start, or end after the planned end, and still be the one announced. */
export const DEFAULT_NOTICE_TOLERANCE_MS = 5 * 60_000;

const ms = (timestamp: string): number => Date.parse(timestamp);

/** "72 h", "3 d 1 h", "59 min", "20 s": a duration as a reader of a dispute wants it, to the minute. */
export function roughDuration(duration: number): string {
  const minutes = Math.round(Math.abs(duration) / 60_000);
  if (minutes === 0) return `${Math.round(Math.abs(duration) / 1000)} s`;
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  const parts = [d ? `${d} d` : '', h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean);
  return parts.join(' ');
}

/** The period the parties now expect: the one they agreed by accepting a proposal, else the notice's own. */
function periodOf(held: HeldNotice): { start: number; end: number | undefined } {
  const period = agreedPeriod(held.notice.negotiation.responses) ?? held.notice;
  return { start: ms(period.plannedStart), end: period.plannedEnd === undefined ? undefined : ms(period.plannedEnd) };
}

/**
 * The verdict on `interruption` at `now`, given every notice received from its counterparty. The notice that covers
 * it is the one for its feed, not withdrawn, whose period contains its start (within `toleranceMs`); where several
 * do, the latest received.
 */
export function judgeInterruption(
  interruption: ObservedInterruption,
  notices: readonly HeldNotice[],
  now: number,
  toleranceMs = DEFAULT_NOTICE_TOLERANCE_MS,
): Verdict {
  const forFeed = notices.filter((h) => h.notice.affectedFeeds.includes(interruption.feed) && h.notice.negotiation.state !== 'WITHDRAWN');
  const covering = forFeed
    .filter((h) => {
      const { start, end } = periodOf(h);
      return interruption.startedAt >= start - toleranceMs && (end === undefined || interruption.startedAt <= end + toleranceMs);
    })
    .sort((a, b) => b.receivedAt - a.receivedAt)[0];
  if (!covering) return { compliance: 'non-compliant', violations: uncovered(interruption, forFeed) };
  const violations: Violation[] = [];
  let pending = false;
  const { notice } = covering;
  const { start, end } = periodOf(covering);

  // The lead time (ECDX-NTC-002): from the monitor's receipt to the planned start. A reason that cannot wait may
  // come late, by at most the allowance.
  const required = minimumLeadTimeSeconds(notice.reason) * 1000;
  const lead = start - covering.receivedAt;
  if (required === 0 ? covering.receivedAt > interruption.startedAt + LATE_NOTICE_ALLOWANCE_SECONDS * 1000 : lead < required) {
    violations.push({
      requirement: 'ECDX-NTC-002',
      detail:
        required === 0
          ? `notice ${notice.noticeId} (${notice.reason}) arrived ${roughDuration(covering.receivedAt - interruption.startedAt)} after the interruption began; it may follow by at most ${roughDuration(LATE_NOTICE_ALLOWANCE_SECONDS * 1000)}`
          : `notice ${notice.noticeId} arrived ${roughDuration(Math.max(0, lead))} before its planned start; ${notice.reason} needs ${roughDuration(required)}`,
    });
  }
  // The impact assessment (ECDX-NTC-002): at least the minimum severity for the reason, duration and volume.
  const minimum = minimumSeverity(notice);
  if (severityRank(notice.impact.severity) < severityRank(minimum)) {
    violations.push({
      requirement: 'ECDX-NTC-002',
      detail: `notice ${notice.noticeId} declares ${notice.impact.severity}; its reason, duration and volume make it at least ${minimum}`,
    });
  }
  // The duties (ECDX-NTC-015, ECDX-NTC-016), by their deadlines, as the monitor's copy records their responses.
  // Both follow the agreed period where a proposal was accepted (spec chapter Notices: the obligations and their
  // deadlines move with it), which obligations() applies.
  const duties = obligations(notice, notice.negotiation.state, notice.negotiation.responses);
  if (duties.publicDisclosureRequired) {
    const due = ms(duties.publicDisclosureDueBy ?? dutiesDueBy(notice));
    const met = covering.disclosedAt !== undefined && covering.disclosedAt <= due;
    if (!met && now > due)
      violations.push({
        requirement: 'ECDX-NTC-015',
        detail: `no public disclosure of notice ${notice.noticeId} was recorded (DISCLOSED) by its deadline ${new Date(due).toISOString()}`,
      });
    else if (!met) pending = true;
  }
  if (duties.authorityReportRequired) {
    const deadline = ms(duties.authorityReportDueBy ?? notice.plannedStart);
    const met = covering.authorityReportedAt !== undefined && covering.authorityReportedAt <= deadline;
    if (!met && now > deadline)
      violations.push({
        requirement: 'ECDX-NTC-016',
        detail: `notice ${notice.noticeId} is SERIOUS and DISPUTED, and no report to both authorities was recorded (AUTHORITY_REPORTED) by ${new Date(deadline).toISOString()}`,
      });
    else if (!met) pending = true;
  }
  // Lasting past the announced end is an interruption no notice announced (ECDX-NTC-001).
  const lastSeen = interruption.endedAt ?? now;
  if (end !== undefined && lastSeen > end + toleranceMs) {
    violations.push({
      requirement: 'ECDX-NTC-001',
      detail: `the interruption lasted ${roughDuration(lastSeen - end)} past the planned end of notice ${notice.noticeId}`,
    });
  }
  const compliance: Compliance = violations.length > 0 ? 'non-compliant' : pending ? 'pending' : 'compliant';
  return { compliance, violations, noticeId: notice.noticeId };
}

/** Why no notice covers it: none for the feed at all, or the interruption began before the one announced. */
function uncovered(interruption: ObservedInterruption, forFeed: readonly HeldNotice[]): Violation[] {
  const early = forFeed.filter((h) => periodOf(h).start > interruption.startedAt).sort((a, b) => periodOf(a).start - periodOf(b).start)[0];
  if (early) {
    return [
      {
        requirement: 'ECDX-NTC-001',
        detail: `the ${interruption.feed} feed was interrupted ${roughDuration(periodOf(early).start - interruption.startedAt)} before the planned start of notice ${early.notice.noticeId}`,
      },
    ];
  }
  return [
    { requirement: 'ECDX-NTC-001', detail: `the ${interruption.feed} feed was interrupted and no interruption notice received covers it` },
    { requirement: 'ECDX-NTC-002', detail: `no interruption notice for ${interruption.feed} reached the monitor before the interruption` },
  ];
}
