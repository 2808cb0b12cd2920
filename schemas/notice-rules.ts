// The machine-checkable rules of interruption notices (spec/text/50-notices.md, ECDX-NTC-*): minimum lead
// times, minimum severity, the disclosure and reporting duties, and the negotiation state machine. Pure
// functions of their arguments, shared by the mock (which enforces them) and the harness (which expects them).
import type { ProblemSlug } from './src/problems.ts';
import {
  IMPACT_SEVERITIES,
  type ImpactSeverity,
  type InterruptionNoticeRequest,
  type InterruptionReason,
  type NegotiationState,
  type NoticeObligations,
  type NoticeResponse,
  type NoticeResponseType,
  type Respondent,
} from './src/notices.ts';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** Minimum lead time (plannedStart − issuedAt) per reason, in seconds (ECDX-NTC-004). */
export const MINIMUM_LEAD_TIME_SECONDS: Readonly<Record<InterruptionReason, number>> = {
  AGREEMENT_EXPIRY: 30 * DAY,
  AGREEMENT_TERMINATION: 30 * DAY,
  PLANNED_MAINTENANCE: 72 * HOUR,
  SYSTEM_CHANGE: 7 * DAY,
  OTHER: 7 * DAY,
  SECURITY_INCIDENT: 0,
  LEGAL_REQUIREMENT: 0,
};

/** Reasons that cannot wait: the notice may even follow the start, by at most this much. */
export const LATE_NOTICE_ALLOWANCE_SECONDS = 2 * HOUR;

/** For reasons without lead time, the disclosure and the report are due at the latest this long after issuedAt. */
export const URGENT_DUTY_GRACE_SECONDS = 24 * HOUR;

/** How far issuedAt may lie before / after the receiver's clock when the notice arrives (ECDX-NTC-007). */
export const ISSUED_AT_MAX_AGE_SECONDS = 300;
export const ISSUED_AT_MAX_SKEW_SECONDS = 30;

/** Thresholds of the minimum severity (ECDX-NTC-005). */
export const SEVERITY_THRESHOLDS = {
  seriousDurationSeconds: 24 * HOUR,
  significantDurationSeconds: 2 * HOUR,
  seriousShipmentsPerDay: 10_000,
  significantShipmentsPerDay: 1_000,
} as const;

export const minimumLeadTimeSeconds = (reason: InterruptionReason): number => MINIMUM_LEAD_TIME_SECONDS[reason];

const isUrgent = (reason: InterruptionReason): boolean => MINIMUM_LEAD_TIME_SECONDS[reason] === 0;

export const severityRank = (severity: ImpactSeverity): number => IMPACT_SEVERITIES.indexOf(severity);

const higher = (a: ImpactSeverity, b: ImpactSeverity): ImpactSeverity => (severityRank(a) >= severityRank(b) ? a : b);

/** The parts of a notice the rules read. */
export type NoticeFacts = Pick<InterruptionNoticeRequest, 'reason' | 'issuedAt' | 'plannedStart' | 'plannedEnd' | 'impact' | 'publicDisclosure'> &
  Partial<Pick<InterruptionNoticeRequest, 'issuer' | 'recipient'>>;

const ms = (timestamp: string): number => Date.parse(timestamp);

/** The least severity a notice may declare, from its reason, planned duration and volume (ECDX-NTC-005). */
export function minimumSeverity(notice: Pick<NoticeFacts, 'reason' | 'plannedStart' | 'plannedEnd' | 'impact'>): ImpactSeverity {
  const t = SEVERITY_THRESHOLDS;
  const volume = notice.impact.estimatedShipmentsPerDay;
  if (notice.reason === 'AGREEMENT_EXPIRY' || notice.reason === 'AGREEMENT_TERMINATION' || notice.plannedEnd === undefined) return 'SERIOUS';
  const durationSeconds = (ms(notice.plannedEnd) - ms(notice.plannedStart)) / 1000;
  if (durationSeconds > t.seriousDurationSeconds || volume >= t.seriousShipmentsPerDay) return 'SERIOUS';
  if (durationSeconds > t.significantDurationSeconds || volume >= t.significantShipmentsPerDay) return 'SIGNIFICANT';
  return 'MINOR';
}

/** The severity the duties follow: the declared one, or the minimum where that is higher. */
export const effectiveSeverity = (notice: Pick<NoticeFacts, 'reason' | 'plannedStart' | 'plannedEnd' | 'impact'>): ImpactSeverity =>
  higher(notice.impact.severity, minimumSeverity(notice));

/** `timestamp` + `seconds`, written in the UTC offset of `timestamp` (so that due times read like the notice). */
export function addSeconds(timestamp: string, seconds: number): string {
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(timestamp)?.[1] ?? 'Z';
  const offsetMinutes = offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(ms(timestamp) + seconds * 1000 + offsetMinutes * 60_000);
  return `${local.toISOString().slice(0, 19)}${offset}`;
}

/**
 * When the public disclosure and, where required, the report to the authorities are due: before plannedStart;
 * for reasons without lead time, by the later of plannedStart and issuedAt + 24 h (ECDX-NTC-006, ECDX-NTC-008).
 */
export function dutiesDueBy(notice: Pick<NoticeFacts, 'reason' | 'issuedAt' | 'plannedStart'>): string {
  if (!isUrgent(notice.reason)) return notice.plannedStart;
  const grace = addSeconds(notice.issuedAt, URGENT_DUTY_GRACE_SECONDS);
  return ms(grace) > ms(notice.plannedStart) ? grace : notice.plannedStart;
}

/** One reason to refuse a notice: the problem type, where in the body, and why. */
export interface NoticeProblem {
  problemSlug: ProblemSlug;
  pointer: string;
  /** Why, in English (what the receiver's problem `detail` says). */
  detail: string;
  /** The same in Simplified Chinese, for a report read in Chinese (every rule here gives it; a mock's refusal need not). */
  detailZh?: string;
}

/**
 * Every rule a new notice (valid against InterruptionNoticeRequest) breaks, checked at `now`, the receiver's
 * clock. Empty means acceptable. A receiver answers the first problem's type (422) and lists all in invalidParams.
 */
export function checkNewNotice(notice: NoticeFacts, now: Date): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  const add = (problemSlug: ProblemSlug, pointer: string, detail: string, detailZh: string) => problems.push({ problemSlug, pointer, detail, detailZh });
  const issued = ms(notice.issuedAt);
  const start = ms(notice.plannedStart);

  // The parties and the period first: they are wrong whatever the time of sending (ECDX-NTC-007, §3).
  if (notice.issuer && notice.recipient && notice.issuer.role === notice.recipient.role) {
    add(
      'validation-failed',
      '/recipient/role',
      'issuer and recipient play the same role; a notice goes from a carrier to a platform or back',
      'issuer 与 recipient 的角色相同；通知应由快递企业发给电子商务平台，或反之',
    );
  }
  if (notice.plannedEnd !== undefined && ms(notice.plannedEnd) <= start)
    add('validation-failed', '/plannedEnd', 'plannedEnd does not lie after plannedStart', 'plannedEnd 不晚于 plannedStart');

  const age = (now.getTime() - issued) / 1000;
  if (age > ISSUED_AT_MAX_AGE_SECONDS)
    add(
      'notice-issued-at-invalid',
      '/issuedAt',
      `issuedAt lies ${age} s before receipt (at most ${ISSUED_AT_MAX_AGE_SECONDS} s)`,
      `issuedAt 早于接收时间 ${age} 秒（至多 ${ISSUED_AT_MAX_AGE_SECONDS} 秒）`,
    );
  if (-age > ISSUED_AT_MAX_SKEW_SECONDS)
    add(
      'notice-issued-at-invalid',
      '/issuedAt',
      `issuedAt lies ${-age} s after receipt (at most ${ISSUED_AT_MAX_SKEW_SECONDS} s)`,
      `issuedAt 晚于接收时间 ${-age} 秒（至多 ${ISSUED_AT_MAX_SKEW_SECONDS} 秒）`,
    );

  const leadSeconds = (start - issued) / 1000;
  const minimum = minimumLeadTimeSeconds(notice.reason);
  if (isUrgent(notice.reason)) {
    if (leadSeconds < -LATE_NOTICE_ALLOWANCE_SECONDS) {
      add(
        'notice-lead-time-too-short',
        '/plannedStart',
        `a ${notice.reason} notice may follow the start by at most ${LATE_NOTICE_ALLOWANCE_SECONDS} s; it follows by ${-leadSeconds} s`,
        `${notice.reason} 通知至多可晚于开始时间 ${LATE_NOTICE_ALLOWANCE_SECONDS} 秒；实际晚 ${-leadSeconds} 秒`,
      );
    }
  } else if (leadSeconds < minimum) {
    add(
      'notice-lead-time-too-short',
      '/plannedStart',
      `a ${notice.reason} notice needs ${minimum} s of lead time; it gives ${leadSeconds} s`,
      `${notice.reason} 通知须提前 ${minimum} 秒通知；实际提前 ${leadSeconds} 秒`,
    );
  }

  const least = minimumSeverity(notice);
  if (severityRank(notice.impact.severity) < severityRank(least)) {
    add(
      'notice-severity-understated',
      '/impact/severity',
      `declared ${notice.impact.severity}; reason, duration and volume make it at least ${least}`,
      `声明为 ${notice.impact.severity}；按原因、时长和业务量至少应为 ${least}`,
    );
  }

  if (severityRank(effectiveSeverity(notice)) >= severityRank('SIGNIFICANT')) {
    const due = dutiesDueBy(notice);
    if (!notice.publicDisclosure)
      add(
        'notice-disclosure-missing',
        '/publicDisclosure',
        `a ${effectiveSeverity(notice)} interruption is disclosed publicly by ${due}`,
        `${effectiveSeverity(notice)} 级数据中断须在 ${due} 前向社会公告`,
      );
    else if (ms(notice.publicDisclosure.plannedAt) > ms(due)) {
      add(
        'notice-disclosure-missing',
        '/publicDisclosure/plannedAt',
        `the disclosure is planned after its deadline ${due}`,
        `公告计划时间晚于其截止时间 ${due}`,
      );
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Negotiation

/** The response types each side may ever give (ECDX-NTC-013). Any other is refused with 422. */
export const RESPONSE_TYPES_BY_RESPONDENT: Readonly<Record<Respondent, readonly NoticeResponseType[]>> = {
  ISSUER: ['PROPOSE', 'ACCEPT', 'OBJECT', 'WITHDRAW', 'AUTHORITY_REPORTED', 'DISCLOSED'],
  RECIPIENT: ['ACKNOWLEDGE', 'PROPOSE', 'ACCEPT', 'OBJECT', 'AUTHORITY_REPORTED', 'DISCLOSED'],
};

export type Transition = { state: NegotiationState } | { problemSlug: ProblemSlug; detail: string };

const other = (side: Respondent): Respondent => (side === 'ISSUER' ? 'RECIPIENT' : 'ISSUER');

/**
 * The state after `response` (ECDX-NTC-011 … 013), or the problem that refuses it. `proposedBy` is the side whose
 * proposal is pending; it matters only in PROPOSED (see `pendingProposer`).
 */
export function nextNegotiationState(state: NegotiationState, response: NoticeResponse, proposedBy?: Respondent): Transition {
  const { respondent, type } = response;
  const conflict = (detail: string): Transition => ({ problemSlug: 'notice-state-conflict', detail });
  if (state === 'WITHDRAWN') return conflict('the notice has been withdrawn; it takes no further responses');
  if (!RESPONSE_TYPES_BY_RESPONDENT[respondent].includes(type)) {
    return { problemSlug: 'notice-response-not-allowed', detail: `the ${respondent.toLowerCase()} never gives ${type}` };
  }
  if (response.type === 'PROPOSE' && response.proposal.plannedEnd !== undefined && ms(response.proposal.plannedEnd) <= ms(response.proposal.plannedStart)) {
    return { problemSlug: 'validation-failed', detail: "the proposal's plannedEnd does not lie after its plannedStart" };
  }
  const open = state === 'ISSUED' || state === 'ACKNOWLEDGED';
  const answersProposal = state === 'PROPOSED' && proposedBy !== undefined && respondent === other(proposedBy);
  switch (type) {
    case 'ACKNOWLEDGE':
      return state === 'ISSUED' ? { state: 'ACKNOWLEDGED' } : conflict(`a notice in state ${state} is no longer acknowledged`);
    case 'ACCEPT':
      if (answersProposal) return { state: 'AGREED' };
      if (respondent === 'RECIPIENT' && (open || state === 'DISPUTED')) return { state: 'AGREED' };
      return conflict(state === 'PROPOSED' ? 'a party does not accept its own proposal' : `nothing to accept in state ${state}`);
    case 'OBJECT':
      if (answersProposal) return { state: 'DISPUTED' };
      if (respondent === 'RECIPIENT' && open) return { state: 'DISPUTED' };
      return conflict(state === 'PROPOSED' ? 'a party does not object to its own proposal' : `nothing to object to in state ${state}`);
    case 'PROPOSE':
      if (open || state === 'DISPUTED' || answersProposal) return { state: 'PROPOSED' };
      return conflict(state === 'PROPOSED' ? "the party's own proposal is still pending" : `no proposal after the notice is ${state}`);
    case 'WITHDRAW':
      return { state: 'WITHDRAWN' };
    case 'AUTHORITY_REPORTED':
    case 'DISCLOSED':
      return { state };
  }
}

/** The side whose proposal is pending after `responses`, if the last proposal has not been answered. */
export function pendingProposer(responses: readonly NoticeResponse[]): Respondent | undefined {
  let pending: Respondent | undefined;
  for (const r of responses) {
    if (r.type === 'PROPOSE') pending = r.respondent;
    else if (r.type === 'ACCEPT' || r.type === 'OBJECT' || r.type === 'WITHDRAW') pending = undefined;
  }
  return pending;
}

/** The state reached by applying `responses` in order from ISSUED, or the problem of the first one refused. */
export function negotiationStateOf(responses: readonly NoticeResponse[]): Transition {
  let state: NegotiationState = 'ISSUED';
  for (let i = 0; i < responses.length; i++) {
    const step = nextNegotiationState(state, responses[i]!, pendingProposer(responses.slice(0, i)));
    if ('problemSlug' in step) return step;
    state = step.state;
  }
  return { state };
}

/** A side of a notice as Chinese text names it. */
const RESPONDENT_ZH: Readonly<Record<Respondent, string>> = { ISSUER: '发出方', RECIPIENT: '接收方' };

/**
 * The side a response posted to a copy must come from: a copy's holder records its own responses itself, so
 * what arrives over the wire is the other side's (ECDX-NTC-013). Undefined when acceptable.
 */
export function postedResponseProblem(holder: Respondent, response: NoticeResponse): NoticeProblem | undefined {
  if (response.respondent !== holder) return undefined;
  return {
    problemSlug: 'notice-response-not-allowed',
    pointer: '/respondent',
    detail: `the ${holder.toLowerCase()} records its own responses; a posted one comes from the ${other(holder).toLowerCase()}`,
    detailZh: `${RESPONDENT_ZH[holder]}自行记录其本方的回应；推送来的回应应来自${RESPONDENT_ZH[other(holder)]}`,
  };
}

/**
 * The period both parties agreed by accepting a proposal, if the negotiation reached AGREED that way: the
 * proposal the last ACCEPT answered. Undefined while none is accepted (a notice accepted as issued keeps its own).
 */
export function agreedPeriod(responses: readonly NoticeResponse[]): { plannedStart: string; plannedEnd?: string } | undefined {
  let agreed: { plannedStart: string; plannedEnd?: string } | undefined;
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i]!;
    if (r.type !== 'ACCEPT' || pendingProposer(responses.slice(0, i)) === undefined) continue;
    const proposal = [...responses.slice(0, i)].reverse().find((p) => p.type === 'PROPOSE');
    if (proposal?.type === 'PROPOSE') agreed = proposal.proposal;
  }
  return agreed;
}

/**
 * The duties the notice imposes in `state` (ECDX-NTC-008): what the holder publishes as negotiation.obligations.
 * After an accepted proposal they follow its period (`responses`, the negotiation so far); a duty met (a
 * DISCLOSED or AUTHORITY_REPORTED response) stays published: the obligations state duties, not what is outstanding.
 */
export function obligations(
  posted: Pick<NoticeFacts, 'reason' | 'issuedAt' | 'plannedStart' | 'plannedEnd' | 'impact'>,
  state: NegotiationState,
  responses: readonly NoticeResponse[] = [],
): NoticeObligations {
  if (state === 'WITHDRAWN') return { publicDisclosureRequired: false, authorityReportRequired: false };
  const period = agreedPeriod(responses);
  const { plannedEnd: _end, ...rest } = posted;
  const notice = period ? { ...rest, ...period } : posted;
  const severity = effectiveSeverity(notice);
  const due = dutiesDueBy(notice);
  const publicDisclosureRequired = severityRank(severity) >= severityRank('SIGNIFICANT');
  const authorityReportRequired = severity === 'SERIOUS' && state === 'DISPUTED';
  return {
    publicDisclosureRequired,
    ...(publicDisclosureRequired ? { publicDisclosureDueBy: due } : {}),
    authorityReportRequired,
    ...(authorityReportRequired ? { authorityReportDueBy: due } : {}),
  };
}
