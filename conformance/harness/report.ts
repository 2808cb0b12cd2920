// The conformance report: what `runConformance()` returns, what report.json holds and what every reporter renders.
// The schema is the type (TypeBox); reporters and tools in other languages read report.json against it.
import { Type, type Static } from '@sinclair/typebox';
import { PartyRole, RoleScope } from '../../schemas/src/index.ts';

export const RESULT_STATUSES = ['passed', 'failed', 'warning', 'skipped', 'precondition-failed', 'error'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

const Status = Type.Union(RESULT_STATUSES.map((s) => Type.Literal(s)));

/** One HTTP exchange, with secrets and personal data redacted. */
export const Exchange = Type.Object(
  {
    kind: Type.Literal('http'),
    /** Who sent the request: the harness (to the target) or the target (a push to the harness's receiver). */
    direction: Type.Union([Type.Literal('to-target'), Type.Literal('from-target')]),
    request: Type.Object({
      method: Type.String(),
      url: Type.String(),
      headers: Type.Record(Type.String(), Type.String()),
      body: Type.Optional(Type.String({ description: 'Redacted, truncated to 8 KiB.' })),
    }),
    response: Type.Optional(
      Type.Object({
        status: Type.Integer(),
        headers: Type.Record(Type.String(), Type.String()),
        body: Type.Optional(Type.String({ description: 'Redacted, truncated to 8 KiB.' })),
      }),
    ),
    error: Type.Optional(Type.String({ description: 'Why no response arrived (timeout, connection refused …).' })),
    durationMs: Type.Number(),
    at: Type.String({ description: 'When the request was sent (ISO 8601).' }),
  },
  { additionalProperties: false },
);
export type Exchange = Static<typeof Exchange>;

/** One assertion the check made, in order, with its outcome. */
export const Assertion = Type.Object(
  {
    kind: Type.Literal('assertion'),
    passed: Type.Boolean(),
    message: Type.String(),
    /** The requirement the assertion verifies, when the check verifies several. */
    requirementId: Type.Optional(Type.String()),
    /** JSON Pointer into the response body the assertion is about (e.g. the path of a privacy leak). */
    pointer: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Assertion = Static<typeof Assertion>;

/**
 * A step of the check that could not be taken (the harness holds no second key, the claim offers no v1 scheme …):
 * recorded so the report says what was not exercised, never counted as an assertion that held.
 */
export const Blocked = Type.Object(
  {
    kind: Type.Literal('blocked'),
    message: Type.String(),
    requirementId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Blocked = Static<typeof Blocked>;

export const Evidence = Type.Union([Exchange, Assertion, Blocked]);
export type Evidence = Static<typeof Evidence>;

export const CheckResult = Type.Object(
  {
    checkId: Type.String(),
    requirementIds: Type.Array(Type.String(), { minItems: 1 }),
    class: Type.String(),
    role: RoleScope,
    level: Type.Union([Type.Literal('MUST'), Type.Literal('SHOULD')]),
    status: Status,
    title: Type.String(),
    message: Type.String({ description: 'Why the check ended as it did, in one sentence a person can act on.' }),
    /**
     * For a failed or warning check: the requirements the failing assertion verifies — the one it names, or all of
     * the check's when it names none. Absent otherwise.
     */
    failedRequirementIds: Type.Optional(Type.Array(Type.String())),
    /** The shared fixtures the check used (ids of `fixtures`); their evidence is in their own record. */
    uses: Type.Optional(Type.Array(Type.String())),
    evidence: Type.Array(Evidence),
    durationMs: Type.Number(),
  },
  { additionalProperties: false },
);
export type CheckResult = Static<typeof CheckResult>;

/** A shared fixture as the run created it: its own requests and assertions, and which checks read it. */
export const FixtureRecord = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    status: Type.Union([Type.Literal('ready'), Type.Literal('failed')]),
    /** Why it could not be created, when it failed. */
    message: Type.Optional(Type.String()),
    usedBy: Type.Array(Type.String()),
    evidence: Type.Array(Evidence),
    durationMs: Type.Number(),
  },
  { additionalProperties: false },
);
export type FixtureRecord = Static<typeof FixtureRecord>;

export const Summary = Type.Object(
  {
    passed: Type.Integer({ minimum: 0 }),
    failed: Type.Integer({ minimum: 0 }),
    warning: Type.Integer({ minimum: 0 }),
    skipped: Type.Integer({ minimum: 0 }),
    preconditionFailed: Type.Integer({ minimum: 0 }),
    error: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type Summary = Static<typeof Summary>;

export const ConformanceReport = Type.Object(
  {
    summary: Summary,
    /** True when no MUST check failed, errored or could not reach its precondition: the exit code is 0. */
    conformant: Type.Boolean(),
    results: Type.Array(CheckResult),
    /** The shared fixtures that checks of the run created, in the order they were first asked for. */
    fixtures: Type.Optional(Type.Array(FixtureRecord)),
    target: Type.Object({ url: Type.String(), role: PartyRole }),
    /** The target's conformance claim as served, or null when it could not be read. */
    claim: Type.Union([Type.Unknown(), Type.Null()]),
    /** The classes the run tested (from the claim unless --classes said otherwise). */
    classes: Type.Array(Type.String()),
    harnessVersion: Type.String(),
    specVersion: Type.String(),
    /** SHA-256 of spec/requirements.json: which exact requirements the run checked against. */
    specSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    startedAt: Type.String(),
    finishedAt: Type.String(),
  },
  { additionalProperties: false },
);
export type ConformanceReport = Static<typeof ConformanceReport>;

/** Counts of a result list. */
export function summarise(results: readonly CheckResult[]): Summary {
  const summary: Summary = { passed: 0, failed: 0, warning: 0, skipped: 0, preconditionFailed: 0, error: 0 };
  for (const r of results) {
    if (r.status === 'precondition-failed') summary.preconditionFailed += 1;
    else summary[r.status] += 1;
  }
  return summary;
}

/** The run conforms when no MUST-level check failed, errored or was blocked by a failed precondition. */
export const isConformant = (results: readonly CheckResult[]): boolean =>
  !results.some((r) => r.level === 'MUST' && (r.status === 'failed' || r.status === 'error' || r.status === 'precondition-failed'));
