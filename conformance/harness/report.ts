// The conformance report: what `runConformance()` returns, what report.json holds and what every reporter renders.
// The schema is the type (TypeBox); reporters and tools in other languages read report.json against it.
import { Type, type Static } from '@sinclair/typebox';
import { PartyRole, RoleScope } from '../../schemas/src/index.ts';

export const RESULT_STATUSES = ['passed', 'failed', 'warning', 'skipped', 'precondition-failed', 'error', 'waived'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

const Status = Type.Union(RESULT_STATUSES.map((s) => Type.Literal(s)));

/** The states a waiver can cover: what would otherwise count against the run (never a pass, never a skip). */
export const WAIVABLE_STATUSES = ['failed', 'warning', 'precondition-failed', 'error'] as const;
export type WaivableStatus = (typeof WAIVABLE_STATUSES)[number];

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

/**
 * One entry of a waivers file (`ecdx test --waivers FILE`, decision 0047): a failure of one check, or of the checks
 * of one requirement, that someone accountable accepted for a while, and why.
 */
export const Waiver = Type.Object(
  {
    /** The check id it covers (`discovery/claim-served-unsigned`); give this or `requirement`, not both. */
    check: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** The requirement id it covers (`ECDX-CNF-001`): every check whose failure is of this requirement. */
    requirement: Type.Optional(Type.String({ pattern: '^ECDX-[A-Z]{3}-[0-9]{3}$', maxLength: 12 })),
    /** Why the result is accepted, for the reader of the report. */
    justification: Type.String({ minLength: 1, maxLength: 2000 }),
    /** Who accepted it (a person or a body, with its role), so that a reader knows whom to ask. */
    grantedBy: Type.String({ minLength: 1, maxLength: 200 }),
    /** The last day it applies (YYYY-MM-DD, UTC); a run after that day refuses the file. */
    expires: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 }),
  },
  { additionalProperties: false },
);
export type Waiver = Static<typeof Waiver>;

/** On a waived result: the status the check really ended with, and the waivers that covered it. */
export const AppliedWaiver = Type.Object(
  {
    waivedStatus: Type.Union(WAIVABLE_STATUSES.map((s) => Type.Literal(s))),
    grants: Type.Array(Waiver, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type AppliedWaiver = Static<typeof AppliedWaiver>;

/**
 * What the run did with one waiver it was given: `applied` to the checks named, `unused` (it matched no result
 * that needed it), or `ignored` by a certification run (`checks` then names what it would have covered).
 */
export const WaiverUse = Type.Object(
  {
    ...Waiver.properties,
    use: Type.Union([Type.Literal('applied'), Type.Literal('unused'), Type.Literal('ignored')]),
    checks: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type WaiverUse = Static<typeof WaiverUse>;

/** The options a run was given, as resolved (defaults filled in); the key by its id and algorithm, never its material. */
export const RunSettings = Type.Object(
  {
    target: Type.String(),
    role: PartyRole,
    classes: Type.Union([Type.Array(Type.String()), Type.Null()]),
    only: Type.Array(Type.String()),
    skip: Type.Array(Type.String()),
    timeoutMs: Type.Number(),
    maxDurationMs: Type.Number(),
    checkDeadlineMs: Type.Number(),
    maxResponseBytes: Type.Integer(),
    settleMs: Type.Number(),
    concurrency: Type.Integer(),
    fuzzRuns: Type.Integer(),
    insecureHttp: Type.Boolean(),
    key: Type.Object({ id: Type.String(), algorithm: Type.String() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type RunSettings = Static<typeof RunSettings>;

/**
 * What the run ran with, so that a reader can tell whether two reports are comparable and repeat one (decision
 * 0048). The requirements registry's digest is `specSha256`, the harness version `harnessVersion`, beside it.
 */
export const Provenance = Type.Object(
  {
    /** SHA-256 of spec/openapi.yaml. */
    openapiSha256: Sha256,
    /**
     * SHA-256 of the published schemas: of the lines `<sha-256 of the file>  <file name>` of every schemas/json/*.json,
     * in file name order, each ended by a line feed — what `LC_ALL=C sha256sum *.json | sha256sum` prints there.
     */
    schemasSha256: Sha256,
    /** SHA-256 of the JSON array of the checks the run chose from, `{id, requirements, title}` sorted by id. */
    checkSetSha256: Sha256,
    checkCount: Type.Integer({ minimum: 0 }),
    /** The seed of the generated cases: `--seed` with it sends the same requests again. */
    seed: Type.Integer({ minimum: 0 }),
    settings: RunSettings,
  },
  { additionalProperties: false },
);
export type Provenance = Static<typeof Provenance>;

/** The file name of the detached signature beside report.json. */
export const SIGNATURE_FILE = 'report.json.jws';

/**
 * Says that report.json is signed (`ecdx test --sign-key`): a detached JWS (RFC 7515 Appendix F, EdDSA of RFC 8037)
 * over its exact bytes, in `signature` beside it. Written before the signature is made, so it is signed too.
 */
export const Seal = Type.Object(
  {
    alg: Type.Literal('EdDSA'),
    /** The RFC 7638 thumbprint (SHA-256, base64url) of the Ed25519 public key that verifies the signature. */
    keyThumbprint: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }),
    signature: Type.Literal(SIGNATURE_FILE),
  },
  { additionalProperties: false },
);
export type Seal = Static<typeof Seal>;

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

/**
 * The texts of an entry in the report's other language (decision 0062): `message` and `title` stay English, as they
 * always were; the Chinese stands here, absent where the harness has none (a message not yet in a catalogue).
 */
export const Translations = Type.Object(
  {
    'zh-Hans': Type.Object(
      {
        title: Type.Optional(Type.String()),
        message: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type Translations = Static<typeof Translations>;

/** One assertion the check made, in order, with its outcome. */
export const Assertion = Type.Object(
  {
    kind: Type.Literal('assertion'),
    passed: Type.Boolean(),
    message: Type.String(),
    translations: Type.Optional(Translations),
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
    translations: Type.Optional(Translations),
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
    /** For a `waived` result: the status it really ended with and the waivers that covered it. */
    waiver: Type.Optional(AppliedWaiver),
    title: Type.String(),
    message: Type.String({ description: 'Why the check ended as it did, in one sentence a person can act on.' }),
    /** The title and the message in Chinese. */
    translations: Type.Optional(Translations),
    /**
     * For a failed or warning check: the requirements the failing assertion verifies — the one it names, or all of
     * the check's when it names none. Absent otherwise.
     */
    failedRequirementIds: Type.Optional(Type.Array(Type.String())),
    /** The shared fixtures the check used (ids of `fixtures`); their evidence is in their own record. */
    uses: Type.Optional(Type.Array(Type.String())),
    evidence: Type.Array(Evidence),
    /** How many evidence entries between the first ones and the last ones were not kept (a check that asserted thousands of times). */
    omittedEvidence: Type.Optional(Type.Integer({ minimum: 1 })),
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
    translations: Type.Optional(Translations),
    usedBy: Type.Array(Type.String()),
    evidence: Type.Array(Evidence),
    omittedEvidence: Type.Optional(Type.Integer({ minimum: 1 })),
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
    waived: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type Summary = Static<typeof Summary>;

/** What a run was asked to test, so that a narrowed run never reads as a conformance verdict. */
export const RunScope = Type.Object(
  {
    /** Narrowed below what the target claims (`--only`, `--skip`, `--classes`): a partial run, not a verdict. */
    partial: Type.Boolean(),
    /** The filters as given (check ids, requirement ids or area names); empty when none. */
    only: Type.Array(Type.String()),
    skip: Type.Array(Type.String()),
    /** `--classes` as given, or null when the claim decided. */
    classes: Type.Union([Type.Array(Type.String()), Type.Null()]),
  },
  { additionalProperties: false },
);
export type RunScope = Static<typeof RunScope>;

/**
 * What reached the harness's push receiver and was not taken as the target's pushes: anyone who learns a callback
 * URL can post to it, so only deliveries that verify count; the rest is shown, and changes no verdict.
 */
export const PushNoise = Type.Object(
  {
    /** Deliveries to a callback URL whose signature did not verify with its subscription's key. */
    forged: Type.Integer({ minimum: 0 }),
    /** Deliveries larger than the receiver takes, refused with 413. */
    oversized: Type.Integer({ minimum: 0 }),
    /** Deliveries beyond the number the receiver keeps, refused with 503. */
    overflow: Type.Integer({ minimum: 0 }),
    /** Requests to no callback URL of the run, answered 404. */
    stray: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type PushNoise = Static<typeof PushNoise>;

/**
 * `conformant` only for a whole run in which no MUST check failed, errored or was blocked, and some check ran;
 * `conformant-with-waivers` when that holds only because waivers covered some results (decision 0047): it passes a
 * vendor's CI, and is no conformance verdict.
 */
export const VERDICTS = ['conformant', 'conformant-with-waivers', 'not-conformant', 'partial'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const ConformanceReport = Type.Object(
  {
    summary: Summary,
    /**
     * True when the verdict is `conformant`: a whole run (not narrowed), at least one check executed, and no MUST
     * check failed, errored or could not reach its precondition.
     */
    conformant: Type.Boolean(),
    /** `partial` for a narrowed run whatever its results; otherwise conformant (with waivers or without) or not. */
    verdict: Type.Union(VERDICTS.map((v) => Type.Literal(v))),
    scope: RunScope,
    results: Type.Array(CheckResult),
    /** The shared fixtures that checks of the run created, in the order they were first asked for. */
    fixtures: Type.Optional(Type.Array(FixtureRecord)),
    /** What reached the push receiver and did not count (present when the receiver ran). */
    noise: Type.Optional(PushNoise),
    /** Why the run ended before every check had run: its deadline (max duration), or a failure of the harness. */
    stopped: Type.Optional(Type.String()),
    target: Type.Object({ url: Type.String(), role: PartyRole }),
    /** The target's conformance claim as served, or null when it could not be read. */
    claim: Type.Union([Type.Unknown(), Type.Null()]),
    /** The classes the run tested: claimed (or chosen with --classes) and with at least one check executed. */
    classes: Type.Array(Type.String()),
    harnessVersion: Type.String(),
    specVersion: Type.String(),
    /** SHA-256 of spec/requirements.json: which exact requirements the run checked against. */
    specSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    startedAt: Type.String(),
    finishedAt: Type.String(),
    /** A certification run (`--certify`): the whole claimed suite, every waiver ignored. */
    certification: Type.Optional(Type.Boolean()),
    /** Every waiver the run was given and what it did with it (absent when it was given none). */
    waivers: Type.Optional(Type.Array(WaiverUse)),
    /** What the run ran with: digests of the spec, schemas and checks, the settings and the seed. */
    provenance: Type.Optional(Provenance),
    /** Present when report.json is signed: how, and by which key. */
    seal: Type.Optional(Seal),
  },
  { additionalProperties: false },
);
export type ConformanceReport = Static<typeof ConformanceReport>;

/** Counts of a result list. */
export function summarise(results: readonly CheckResult[]): Summary {
  const summary: Summary = { passed: 0, failed: 0, warning: 0, skipped: 0, preconditionFailed: 0, error: 0, waived: 0 };
  for (const r of results) {
    if (r.status === 'precondition-failed') summary.preconditionFailed += 1;
    else summary[r.status] += 1;
  }
  return summary;
}

/** No MUST-level check failed, errored or was blocked by a failed precondition. */
const noMustFailure = (results: readonly CheckResult[]): boolean =>
  !results.some((r) => r.level === 'MUST' && (r.status === 'failed' || r.status === 'error' || r.status === 'precondition-failed'));

/** Whether any check was executed (skipped ones were not). */
const executedAny = (results: readonly CheckResult[]): boolean => results.some((r) => r.status !== 'skipped');

/**
 * The verdict of a run: a narrowed run is `partial`; a run that executed no check is never conformant; one that
 * passes only because results were waived says so.
 */
export const verdictOf = (results: readonly CheckResult[], scope: Pick<RunScope, 'partial'>): Verdict => {
  if (scope.partial) return 'partial';
  if (!noMustFailure(results) || !executedAny(results)) return 'not-conformant';
  return results.some((r) => r.status === 'waived') ? 'conformant-with-waivers' : 'conformant';
};

/** Whether the run passes a vendor's CI (exit 0): conformant, with waivers or without, or a partial run that passed what it ran. */
export const runPassed = (report: Pick<ConformanceReport, 'verdict' | 'results'>): boolean =>
  report.verdict === 'partial' ? partialRunPassed(report.results) : report.verdict !== 'not-conformant';

/** The run conforms: a whole run, some check executed, no MUST check failed, errored or blocked. */
export const isConformant = (results: readonly CheckResult[], scope: Pick<RunScope, 'partial'> = { partial: false }): boolean =>
  verdictOf(results, scope) === 'conformant';

/** A partial run passed what it ran: no MUST failure among the checks executed, and some executed. */
export const partialRunPassed = (results: readonly CheckResult[]): boolean => noMustFailure(results) && executedAny(results);
