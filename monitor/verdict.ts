// Each interruption the monitor sees, held against the notices received from the counterparty that interrupted
// (OP-07): was there a notice for the feed and the time, did it come early enough for its reason, did it state at
// least the minimum severity, and were the public disclosure and the report to the authorities made where the
// standard requires them by their deadlines. Pure: the rules are schemas/notice-rules.ts, the same the mock enforces
// and the harness expects; the lead time runs from when the monitor received the notice, not from the issuedAt the
// issuer wrote, since the issuer's own claim is what a dispute questions. Each violation says why in English
// (`detail`) and in Chinese (`detailZh`), from one message of the monitor's catalogue (messages.ts, decision 0064).
import {
  agreedPeriod,
  dutiesDueBy,
  LATE_NOTICE_ALLOWANCE_SECONDS,
  minimumLeadTimeSeconds,
  minimumSeverity,
  obligations,
  severityRank,
} from '../schemas/notice-rules.ts';
import type { Language, MessageParams } from '../conformance/i18n/index.ts';
import type { DataFeed, InterruptionNotice } from '../schemas/src/index.ts';
import { type MonitorMessageKey, monitorTranslator } from './messages.ts';
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

/**
 * "72 h", "3 d 1 h", "59 min", "20 s": a duration as a reader of a dispute wants it, to the minute. In Chinese the
 * same numbers with the Chinese units: "3 天 1 小时", "59 分钟", "20 秒".
 */
export function roughDuration(duration: number, lang: Language = 'en'): string {
  const t = monitorTranslator(lang);
  const minutes = Math.round(Math.abs(duration) / 60_000);
  if (minutes === 0) return t('duration.seconds', { n: Math.round(Math.abs(duration) / 1000) });
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  const parts = [d ? t('duration.days', { n: d }) : '', h ? t('duration.hours', { n: h }) : '', m ? t('duration.minutes', { n: m }) : ''].filter(Boolean);
  return parts.join(' ');
}

/**
 * A violation in both languages from one message of the catalogue: `values` as they are in both (ids, names,
 * times), `durations` (ms) each in its language's units. The numbers and ids are the same in both by construction.
 */
function violation(requirement: string, key: MonitorMessageKey, values: MessageParams, durations: Readonly<Record<string, number>> = {}): Violation {
  const text = (lang: Language): string =>
    monitorTranslator(lang)(key, {
      ...values,
      ...Object.fromEntries(Object.entries(durations).map(([name, duration]) => [name, roughDuration(duration, lang)])),
    });
  return { requirement, detail: text('en'), detailZh: text('zh-Hans') };
}

/**
 * Whether a verdict says what the one recorded says: the same compliance, notice and violations, by their English.
 * A translation alone is no change of verdict: a log an earlier version wrote (no `detailZh`) gets no new verdict
 * records for it, and neither would a reworded Chinese.
 */
export function sameVerdict(a: Verdict, b: Pick<Verdict, 'compliance' | 'violations' | 'noticeId'>): boolean {
  const english = (v: readonly Violation[]) => JSON.stringify(v.map(({ requirement, detail }) => [requirement, detail]));
  return a.compliance === b.compliance && a.noticeId === b.noticeId && english(a.violations) === english(b.violations);
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
    violations.push(
      required === 0
        ? violation(
            'ECDX-NTC-002',
            'verdict.lateAfterStart',
            { noticeId: notice.noticeId, reason: notice.reason },
            { late: covering.receivedAt - interruption.startedAt, allowance: LATE_NOTICE_ALLOWANCE_SECONDS * 1000 },
          )
        : violation('ECDX-NTC-002', 'verdict.leadTooShort', { noticeId: notice.noticeId, reason: notice.reason }, { lead: Math.max(0, lead), required }),
    );
  }
  // The impact assessment (ECDX-NTC-002): at least the minimum severity for the reason, duration and volume.
  const minimum = minimumSeverity(notice);
  if (severityRank(notice.impact.severity) < severityRank(minimum)) {
    violations.push(violation('ECDX-NTC-002', 'verdict.severityUnderstated', { noticeId: notice.noticeId, severity: notice.impact.severity, minimum }));
  }
  // The duties (ECDX-NTC-015, ECDX-NTC-016), by their deadlines, as the monitor's copy records their responses.
  // Both follow the agreed period where a proposal was accepted (spec chapter Notices: the obligations and their
  // deadlines move with it), which obligations() applies.
  const duties = obligations(notice, notice.negotiation.state, notice.negotiation.responses);
  if (duties.publicDisclosureRequired) {
    const due = ms(duties.publicDisclosureDueBy ?? dutiesDueBy(notice));
    const met = covering.disclosedAt !== undefined && covering.disclosedAt <= due;
    if (!met && now > due) violations.push(violation('ECDX-NTC-015', 'verdict.noDisclosure', { noticeId: notice.noticeId, due: new Date(due).toISOString() }));
    else if (!met) pending = true;
  }
  if (duties.authorityReportRequired) {
    const deadline = ms(duties.authorityReportDueBy ?? notice.plannedStart);
    const met = covering.authorityReportedAt !== undefined && covering.authorityReportedAt <= deadline;
    if (!met && now > deadline)
      violations.push(violation('ECDX-NTC-016', 'verdict.noAuthorityReport', { noticeId: notice.noticeId, deadline: new Date(deadline).toISOString() }));
    else if (!met) pending = true;
  }
  // Lasting past the announced end is an interruption no notice announced (ECDX-NTC-001).
  const lastSeen = interruption.endedAt ?? now;
  if (end !== undefined && lastSeen > end + toleranceMs) {
    violations.push(violation('ECDX-NTC-001', 'verdict.outlasted', { noticeId: notice.noticeId }, { over: lastSeen - end }));
  }
  const compliance: Compliance = violations.length > 0 ? 'non-compliant' : pending ? 'pending' : 'compliant';
  return { compliance, violations, noticeId: notice.noticeId };
}

/** Why no notice covers it: none for the feed at all, or the interruption began before the one announced. */
function uncovered(interruption: ObservedInterruption, forFeed: readonly HeldNotice[]): Violation[] {
  const early = forFeed.filter((h) => periodOf(h).start > interruption.startedAt).sort((a, b) => periodOf(a).start - periodOf(b).start)[0];
  if (early) {
    return [
      violation(
        'ECDX-NTC-001',
        'verdict.beforeStart',
        { feed: interruption.feed, noticeId: early.notice.noticeId },
        { early: periodOf(early).start - interruption.startedAt },
      ),
    ];
  }
  return [
    violation('ECDX-NTC-001', 'verdict.uncovered', { feed: interruption.feed }),
    violation('ECDX-NTC-002', 'verdict.noNotice', { feed: interruption.feed }),
  ];
}
