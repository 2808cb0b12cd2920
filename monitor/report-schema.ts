// What `ecdx monitor` reports: report.json holds one MonitorReport, the HTML page renders it, and an authority or the
// other party reads it against this schema. The schema is the type (TypeBox). Every time is the monitor's clock as it
// stamped the observation (the target's test clock when the monitor watches a test deployment, decision 0053).
import { Type, type Static } from '@sinclair/typebox';
import { DataFeed, ExchangeParty, InterruptionReason, PartyRole, SharingStatistics } from '../schemas/src/index.ts';

const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const RequirementId = Type.String({ pattern: '^ECDX-[A-Z]{3}-[0-9]{3}$' });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

/** How an interruption was told from a hiccup: a run of failed probes, or no push for longer than the agreed cadence. */
export const InterruptionCause = Type.Union([Type.Literal('probes-failed'), Type.Literal('push-gap')]);
export type InterruptionCause = Static<typeof InterruptionCause>;

/**
 * `compliant`: a notice covers it and every duty that is due was met. `non-compliant`: it breaks a requirement
 * (`violations` says which). `pending`: covered so far, but a duty is not yet due (a disclosure, a report).
 */
export const COMPLIANCE = ['compliant', 'non-compliant', 'pending'] as const;
export const Compliance = Type.Union(COMPLIANCE.map((c) => Type.Literal(c)));
export type Compliance = Static<typeof Compliance>;

export const Violation = Type.Object(
  {
    requirement: RequirementId,
    /** What the evidence shows, in words: "no notice covers the interruption", "lead time 1 h, PLANNED_MAINTENANCE needs 72 h". */
    detail: Type.String({ minLength: 1, maxLength: 1000 }),
    /**
     * The same in Simplified Chinese, for a report read in Chinese: the same numbers, ids and times. Optional: a
     * report, or an evidence log's verdict, written before the monitor gave it has the English alone.
     */
    detailZh: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type Violation = Static<typeof Violation>;

/** A notice as the monitor received it (the counterparty is its issuer), with what its duties came to. */
export const ObservedNotice = Type.Object(
  {
    noticeId: Type.String({ minLength: 1, maxLength: 64 }),
    reason: InterruptionReason,
    affectedFeeds: Type.Array(DataFeed, { maxItems: DataFeed.enum.length }),
    severity: Type.String({ maxLength: 20 }),
    issuedAt: Instant,
    /** When the monitor received it (its own clock): the lead time is judged from here, not from what issuedAt claims. */
    receivedAt: Instant,
    plannedStart: Instant,
    plannedEnd: Type.Optional(Instant),
    negotiationState: Type.String({ maxLength: 20 }),
    /** Whether a DISCLOSED, an AUTHORITY_REPORTED response arrived, and when. */
    disclosedAt: Type.Optional(Instant),
    authorityReportedAt: Type.Optional(Instant),
  },
  { additionalProperties: false },
);
export type ObservedNotice = Static<typeof ObservedNotice>;

export const Interruption = Type.Object(
  {
    /** Stable across restarts: `<target>/<feed>/<start>`. */
    id: Type.String({ minLength: 1, maxLength: 300 }),
    feed: DataFeed,
    cause: InterruptionCause,
    /** The first failed probe of the run (or the last push before the gap). */
    startedAt: Instant,
    /** The first successful probe after it; absent while it lasts. */
    endedAt: Type.Optional(Instant),
    /** Whole minutes so far (or in all, once ended). */
    minutes: Type.Integer({ minimum: 0 }),
    compliance: Compliance,
    /** At most five from the verdict (monitor/verdict.ts); the bound keeps an edited report.json from flooding its reader. */
    violations: Type.Array(Violation, { maxItems: 20 }),
    /** The notice matched to it, if one covers it. */
    noticeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Why the probes failed, as the first failed probe said (`GET /v1/health: connection refused`). */
    firstFailure: Type.String({ maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type Interruption = Static<typeof Interruption>;

/** One stretch of a feed's timeline: `up` (probes answered), `down` (failed), `unmeasured` (the monitor was not running). */
export const TimelineSpan = Type.Object(
  {
    from: Instant,
    to: Instant,
    state: Type.Union([Type.Literal('up'), Type.Literal('down'), Type.Literal('unmeasured')]),
  },
  { additionalProperties: false },
);
export type TimelineSpan = Static<typeof TimelineSpan>;

export const FeedReport = Type.Object(
  {
    feed: DataFeed,
    /** As SharingStatistics counts it: whole minutes with every probe answered, over the whole minutes of the period. */
    availabilityPercent: Type.Number({ minimum: 0, maximum: 100 }),
    minutes: Type.Object(
      { period: Type.Integer({ minimum: 0 }), measured: Type.Integer({ minimum: 0 }), available: Type.Integer({ minimum: 0 }) },
      { additionalProperties: false },
    ),
    timeline: Type.Array(TimelineSpan),
  },
  { additionalProperties: false },
);
export type FeedReport = Static<typeof FeedReport>;

export const TargetReport = Type.Object(
  {
    /** The target's name in the monitor's configuration (a label of every metric). */
    id: Type.String({ minLength: 1, maxLength: 100 }),
    url: Type.String({ maxLength: 2048 }),
    role: PartyRole,
    /** Who the target is, as its claim names it; absent when the claim could not be read. */
    party: Type.Optional(ExchangeParty),
    period: Type.Object({ from: Instant, to: Instant }, { additionalProperties: false }),
    probes: Type.Object(
      { total: Type.Integer({ minimum: 0 }), failed: Type.Integer({ minimum: 0 }), medianLatencyMs: Type.Optional(Type.Number({ minimum: 0 })) },
      { additionalProperties: false },
    ),
    pushes: Type.Object(
      { received: Type.Integer({ minimum: 0 }), medianLatencySeconds: Type.Optional(Type.Number({ minimum: 0 })) },
      { additionalProperties: false },
    ),
    feeds: Type.Array(FeedReport, { maxItems: DataFeed.enum.length }),
    interruptions: Type.Array(Interruption),
    notices: Type.Array(ObservedNotice),
    /** The standard's figures for this party, computed from what the monitor observed (OP-11); absent while its claim, which names the party, could not be read. */
    statistics: Type.Optional(SharingStatistics),
  },
  { additionalProperties: false },
);
export type TargetReport = Static<typeof TargetReport>;

export const MonitorReport = Type.Object(
  {
    /** `ecdx <version>`. */
    generator: Type.String({ maxLength: 100 }),
    generatedAt: Instant,
    startedAt: Instant,
    targets: Type.Array(TargetReport),
    evidence: Type.Object(
      {
        /** The log file, as the monitor wrote it; `ecdx monitor verify-log FILE` checks it. */
        file: Type.String({ maxLength: 4096 }),
        records: Type.Integer({ minimum: 0 }),
        /** The SHA-256 of the last record: whoever holds it can tell the log was not cut short. */
        head: Type.Optional(Sha256),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type MonitorReport = Static<typeof MonitorReport>;
