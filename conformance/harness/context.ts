// What a check's run body works with: a signed HTTP client towards the target, assertions that record evidence,
// the push receiver and the target's test clock. The shared fixtures a check declares (`uses`) reach its body as
// handles; the registry of the run's fixtures (`Fixtures`) creates each once, in a context of its own.
import type { TSchema } from '@sinclair/typebox';
import type { ConformanceClaim } from '../../schemas/src/index.ts';
import { schemaByName } from '../../schemas/src/index.ts';
import { problemTypeUri, type ProblemSlug } from '../../schemas/src/problems.ts';
import { violations } from '../../schemas/validate.ts';
import type { SigningKey } from '../../protocol/index.ts';
import { AssertionFailed, NotApplicable, PreconditionFailed, type Fixture, type Handles, type Uses } from './check.ts';
import type { HttpResponse, RequestSpec, TargetClient } from './client.ts';
import { scanForLeaks } from './privacy-scan.ts';
import type { CallbackEndpoint, PushReceiver, ScriptedAnswer } from './receiver.ts';
import type { CounterpartyServer, CounterpartySession } from './counterparty/server.ts';
import type { Evidence, FixtureRecord } from './report.ts';
import { SECOND } from '../../schemas/time.ts';
import { HARNESS } from './messages.ts';
import { isBilingual, joinTexts, messageMembers, type Bilingual, type Text } from '../i18n/text.ts';
import type { PartyRole } from '../../schemas/src/index.ts';
import { violationsText } from './violations.ts';

/** What every check of one run shares. */
export interface RunEnvironment {
  role: PartyRole;
  /** The target's base URL (the part before `/v1`), without a trailing slash. */
  baseUrl: string;
  claim: ConformanceClaim | undefined;
  /** The raw claim body, valid or not. */
  rawClaim: unknown;
  /** A client whose requests are recorded with `record` and stopped when `signal` aborts. */
  client: (record: (e: Evidence) => void, signal?: AbortSignal, tracedAs?: string) => TargetClient;
  /** A second client identity (another keyid of the same counterparty), for per-client scoping checks. */
  secondKey: SigningKey | undefined;
  receiver: PushReceiver | undefined;
  /** The judging counterparty the client checks point the target at, started on first use (issue 15). */
  counterparty?: () => Promise<CounterpartyServer>;
  timeoutMs: number;
  /**
   * How long to wait for something that should NOT happen (another push after a 2xx or a 410) before concluding it
   * did not. A real endpoint across a network needs seconds; the reference mock on loopback needs far less.
   */
  settleMs: number;
  /** The seed of every generated case of the run (`--seed`): the same seed sends the same requests. */
  seed: number;
  /** How many cases each generated check draws at random beyond its systematic ones (`--fuzz-runs`). */
  fuzzRuns: number;
  /** The target's clock minus ours (ms); updated when the harness moves a test target's clock. */
  clockOffset: { value: number };
  /**
   * Whether the test target's `pendingPushes` (TestClock, ECDX-CNF-009) can be taken at its word: true once the
   * check of that rule saw it hold (it runs first among the checks that move the clock), false when it did not or
   * the target does not state it. Until then the push checks wait as for a target that does not say.
   */
  pendingPushes?: { trusted?: boolean };
  fixtures: Fixtures;
  /** Aborts when the run must end (its deadline, a failure of the harness); the reason says why. */
  signal?: AbortSignal;
}

type Options = Omit<RequestSpec, 'method' | 'path' | 'body'>;

/** What an assertion may say beyond its message. */
export interface AssertionDetails {
  /** The requirement it verifies; default the check's, when the check verifies one. */
  requirementId?: string;
  /** JSON Pointer into the body the assertion is about. */
  pointer?: string;
}

/** One thing found wrong, for `expectNone`: what it is and where. */
export interface Finding {
  message: Text;
  pointer?: string;
  requirementId?: string;
}

export class TestContext {
  readonly evidence: Evidence[] = [];
  /** Exchanges the check left out of its evidence on purpose (leaveOutExchanges): counted in the report. */
  omittedExchanges = 0;
  readonly #env: RunEnvironment;
  readonly #client: TargetClient;
  /** The requirement an assertion verifies when it names none: the check's only one. */
  readonly #requirementId: string | undefined;
  /** Aborts when this context must stop (its check's deadline, or the run's); every wait and request ends then. */
  readonly #signal: AbortSignal | undefined;
  /** A client whose reads are not recorded one by one (pushesFinished polls with it), and its last read. */
  #quiet: TargetClient | undefined;
  #lastQuietRead: Evidence | undefined;
  readonly #sessions: CounterpartySession[] = [];

  /** False for a check that did not declare `needs: ['clock']`: it runs beside others, so it must not move the clock. */
  readonly #movesClock: boolean;
  /** The check or fixture whose context this is, for the self-test's trace of a run. */
  readonly #tracedAs: string | undefined;

  constructor(
    env: RunEnvironment,
    requirementIds: readonly string[] = [],
    signal: AbortSignal | undefined = env.signal,
    options: { movesClock?: boolean; tracedAs?: string } = {},
  ) {
    this.#env = env;
    this.#movesClock = options.movesClock ?? true;
    this.#tracedAs = options.tracedAs;
    this.#signal = signal;
    this.#client = env.client((e) => this.evidence.push(e), signal, this.#tracedAs);
    this.#requirementId = requirementIds.length === 1 ? requirementIds[0] : undefined;
  }

  /**
   * Of the exchanges recorded since evidence entry `from`, keep those `keep` accepts and count the others: for a
   * check that sends hundreds of alike requests (a generated one), whose message already carries the one that
   * matters. Assertions and blocked steps are always kept.
   */
  leaveOutExchanges(from: number, keep: (exchange: Extract<Evidence, { kind: 'http' }>, index: number) => boolean): void {
    let index = 0;
    const kept = this.evidence.slice(from).filter((entry) => entry.kind !== 'http' || keep(entry, index++));
    this.omittedExchanges += this.evidence.length - from - kept.length;
    this.evidence.splice(from, this.evidence.length - from, ...kept);
  }

  get role() {
    return this.#env.role;
  }
  /** The target's base URL (the part before `/v1`). */
  get baseUrl(): string {
    return this.#env.baseUrl;
  }
  get claim(): ConformanceClaim | undefined {
    return this.#env.claim;
  }
  get rawClaim(): unknown {
    return this.#env.rawClaim;
  }
  get secondKey(): SigningKey | undefined {
    return this.#env.secondKey;
  }
  get timeoutMs(): number {
    return this.#env.timeoutMs;
  }
  get settleMs(): number {
    return this.#env.settleMs;
  }
  /** The run's seed for generated cases (`--seed`). */
  get seed(): number {
    return this.#env.seed;
  }
  /** How many random cases a generated check draws (`--fuzz-runs`). */
  get fuzzRuns(): number {
    return this.#env.fuzzRuns;
  }

  // --- HTTP ---------------------------------------------------------------------------------------------
  readonly http = {
    send: (spec: RequestSpec): Promise<HttpResponse> => this.#client.send(spec),
    get: (path: string, options: Options = {}) => this.#client.send({ method: 'GET', path, ...options }),
    post: (path: string, body?: unknown, options: Options = {}) => this.#client.send({ method: 'POST', path, body, ...options }),
    delete: (path: string, options: Options = {}) => this.#client.send({ method: 'DELETE', path, ...options }),
  };

  /** The target's current time as the harness estimates it (epoch ms). */
  targetNow(): number {
    return this.#client.targetNow();
  }

  // --- assertions ---------------------------------------------------------------------------------------
  /** Record a passed assertion, or end the check as failed with `message`. */
  assert(condition: unknown, message: Text, details: AssertionDetails = {}): void {
    const requirementId = details.requirementId ?? this.#requirementId;
    this.evidence.push({
      kind: 'assertion',
      passed: Boolean(condition),
      ...messageMembers(message),
      ...(requirementId ? { requirementId } : {}),
      ...(details.pointer === undefined ? {} : { pointer: details.pointer }),
    });
    if (!condition) throw new AssertionFailed(message);
  }

  fail(message: Text, details: AssertionDetails = {}): never {
    this.assert(false, message, details);
    throw new AssertionFailed(message); // unreachable: assert threw
  }

  /**
   * Nothing of this kind happened: one assertion over everything that was looked at. It holds with `passed` when
   * there is no finding, and fails naming the first finding (and how many more there were).
   */
  expectNone(findings: readonly Finding[], passed: Text, details: AssertionDetails = {}): void {
    const first = findings[0];
    const more = findings.length - 1;
    this.assert(first === undefined, first ? (more > 0 ? HARNESS.moreFindings({ first: first.message, n: more }) : first.message) : passed, {
      ...details,
      ...(first?.requirementId ? { requirementId: first.requirementId } : {}),
      ...(first?.pointer === undefined ? {} : { pointer: first.pointer }),
    });
  }

  /**
   * What the check verifies does not apply to this target (a production-only rule against a test deployment, a
   * feature it does not offer): the check ends `skipped` with the reason. Not for what the target should have let
   * the check see: that is a precondition.
   */
  notApplicable(reason: Text): never {
    this.evidence.push({ kind: 'blocked', ...messageMembers(framed(HARNESS.doesNotApply, reason)) });
    throw new NotApplicable(reason);
  }

  /**
   * A step of the check could not be taken (no second key, a scheme not offered …): the report says what was not
   * exercised and why. It is not an assertion: it holds nothing and fails nothing.
   */
  blocked(message: Text, details: Pick<AssertionDetails, 'requirementId'> = {}): void {
    const requirementId = details.requirementId ?? this.#requirementId;
    this.evidence.push({ kind: 'blocked', ...messageMembers(message), ...(requirementId ? { requirementId } : {}) });
  }

  /** End the check as precondition-failed unless `condition` holds. */
  precondition(condition: unknown, message: Text): void {
    if (!condition) {
      this.evidence.push({ kind: 'assertion', passed: false, ...messageMembers(framed(HARNESS.precondition, message)) });
      throw new PreconditionFailed(message);
    }
  }

  /** The value, or the check ends precondition-failed when it is missing. */
  need<T>(value: T | undefined | null, message: Text): T {
    this.precondition(value !== undefined && value !== null, message);
    return value as T;
  }

  expectStatus(response: HttpResponse, expected: number | readonly number[], what?: Text): void {
    const list = typeof expected === 'number' ? [expected] : expected;
    const title = problemTitle(response);
    this.assert(
      list.includes(response.status),
      labelled(
        what,
        HARNESS.expectedStatus({
          expected: joinTexts(list, HARNESS.statusOr()),
          status: response.status,
          problem: title === undefined ? '' : HARNESS.problemTitle({ title }),
        }),
      ),
    );
  }

  /** The body, asserted valid against a published schema (by name); the violations name the members. */
  expectSchema<T = unknown>(response: HttpResponse | unknown, schemaName: string, what?: Text): T {
    const body = isResponse(response) ? response.json : response;
    const schema: TSchema = schemaByName(schemaName);
    const found = violations(schema, body, 5);
    this.assert(
      found.length === 0,
      labelled(
        what,
        found.length === 0
          ? HARNESS.validSchema({ schema: schemaName })
          : // The validator's own words name the member and the keyword: they stay as it wrote them.
            HARNESS.invalidSchema({ schema: schemaName, violations: violationsText(found) }),
      ),
      found[0] ? { pointer: found[0].pointer } : {},
    );
    return body as T;
  }

  /** An RFC 9457 problem with this status (and catalogue type, when given), as application/problem+json. */
  expectProblem(response: HttpResponse, status: number | readonly number[], slug?: ProblemSlug | readonly ProblemSlug[], what?: Text): void {
    this.expectStatus(response, status, what);
    const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim();
    this.assert(contentType === 'application/problem+json', labelled(what, HARNESS.problemContentType({ contentType: contentType || HARNESS.none() })));
    this.expectSchema(response, 'Problem', what);
    const body = response.json as { status?: number; type?: string };
    this.assert(body.status === response.status, labelled(what, HARNESS.problemStatus({ status: String(body.status), httpStatus: response.status })));
    if (slug !== undefined) {
      const slugs = typeof slug === 'string' ? [slug] : (slug as readonly ProblemSlug[]);
      const uris = slugs.map((s) => problemTypeUri(s));
      this.assert(
        uris.includes(body.type ?? ''),
        labelled(what, HARNESS.problemType({ expected: joinTexts(slugs, HARNESS.statusOr()), type: String(body.type) })),
      );
    }
  }

  /** No unmasked mobile number or GB 11643 number anywhere in `value`; a leak fails with its JSON Pointer. */
  expectNoLeaks(value: unknown, where: Text, requirementId?: string): void {
    const leaks = scanForLeaks(value);
    const first = leaks[0];
    this.assert(
      leaks.length === 0,
      first
        ? HARNESS.leak({
            where,
            kind: first.kind === 'mobile-number' ? HARNESS.mobileNumber() : HARNESS.identityNumber(),
            masked: first.masked,
            pointer: first.pointer || '/',
            more: leaks.length > 1 ? HARNESS.leakMore({ n: leaks.length - 1 }) : '',
          })
        : HARNESS.noLeak({ where }),
      { ...(requirementId ? { requirementId } : {}), ...(first ? { pointer: first.pointer } : {}) },
    );
  }

  // --- shared state -------------------------------------------------------------------------------------
  /** The handles of the fixtures a check (`checkId`) declares: each resolves to the fixture's value. */
  handles(uses: Uses, checkId: string): Handles<Uses> {
    return Object.fromEntries(
      Object.entries(uses).map(([name, fixture]) => [
        name,
        async () => {
          try {
            return await this.#env.fixtures.value(fixture, this.#env, checkId);
          } catch (error) {
            const message = HARNESS.fixtureFailed({ fixture: fixture.id, reason: reasonOf(error) });
            this.evidence.push({ kind: 'assertion', passed: false, ...messageMembers(framed(HARNESS.precondition, message)) });
            throw new PreconditionFailed(message);
          }
        },
      ]),
    );
  }

  // --- test mode ------------------------------------------------------------------------------------------
  requireTestMode(): void {
    this.precondition(this.claim?.testMode === true, HARNESS.noTestMode());
  }

  /** Move the target's clock forward by `ms` (test controls, which count whole seconds) and keep signing in its time. */
  async advanceClock(ms: number): Promise<number> {
    // A harness bug, not the target's: the check runs beside others whose time it would move.
    if (!this.#movesClock) throw new Error("a check that moves the target's clock must declare needs: ['clock']");
    this.requireTestMode();
    const response = await this.http.post('/v1/test/clock', { advanceSeconds: Math.round(ms / SECOND) }, { idempotencyKey: false });
    this.precondition(response.status === 200, HARNESS.clockAnswered({ status: response.status }));
    const now = Date.parse((response.json as { now?: string } | undefined)?.now ?? '');
    this.precondition(Number.isFinite(now), HARNESS.clockNotTestClock());
    this.#env.clockOffset.value = now - Date.now();
    return now;
  }

  /** The target's `pendingPushes` as its TestClock states it now (ECDX-CNF-009), or undefined when it does not. */
  async pendingPushes(): Promise<number | undefined> {
    this.requireTestMode();
    return pendingPushesOf(await this.http.get('/v1/test/clock'));
  }

  /** Record whether the target's `pendingPushes` can be relied on for the rest of the run (see pushesFinished). */
  trustPendingPushes(trusted: boolean): void {
    if (this.#env.pendingPushes) this.#env.pendingPushes.trusted = trusted;
  }

  /**
   * Whether every push attempt due by the target's now has been made and answered, as the target states it
   * (TestClock.pendingPushes, ECDX-CNF-009): `GET /v1/test/clock` is read until it says 0 (true) or `timeoutMs`
   * passes (false). Undefined unless the run has seen the target's statement hold (trustPendingPushes): then only
   * waiting tells — or, with `evenUntrusted`, read anyway: for a wait that is kept in any case and only made longer
   * while the target says it is busy, never shorter. Only the last read is kept as evidence: a poll's every read
   * would bury the exchanges that matter.
   */
  async pushesFinished(timeoutMs = this.#env.timeoutMs, options: { evenUntrusted?: boolean } = {}): Promise<boolean | undefined> {
    if (this.claim?.testMode !== true || (this.#env.pendingPushes?.trusted !== true && !options.evenUntrusted)) return undefined;
    this.#quiet ??= this.#env.client(
      (e) => {
        this.#lastQuietRead = e;
      },
      this.#signal,
      this.#tracedAs,
    );
    const quiet = this.#quiet;
    this.#lastQuietRead = undefined;
    const deadline = Date.now() + timeoutMs;
    try {
      for (let pause = 2; ; pause = Math.min(50, pause * 2)) {
        const read = await quiet.send({ method: 'GET', path: '/v1/test/clock' });
        const pending = pendingPushesOf(read);
        if (pending === undefined) return undefined;
        if (pending === 0) return true;
        if (Date.now() >= deadline) return false;
        await this.sleep(Math.min(pause, Math.max(1, deadline - Date.now())));
      }
    } finally {
      // An untrusted word only lengthened a wait: nothing was concluded from it, so it is no evidence.
      if (this.#lastQuietRead && !options.evenUntrusted) this.evidence.push(this.#lastQuietRead);
    }
  }

  // --- pushes -------------------------------------------------------------------------------------------
  /**
   * A callback URL on the harness's receiver, answering as scripted. Once `verifyWith` names the subscription's
   * key, only deliveries that verify with it count (see CallbackEndpoint).
   */
  callback(
    answers: ScriptedAnswer[] = [],
    fallback?: ScriptedAnswer,
  ): Omit<CallbackEndpoint, 'waitFor'> & { waitFor: (count: number, timeoutMs?: number) => Promise<boolean> } {
    const receiver = this.need(this.#env.receiver, HARNESS.noReceiver());
    const endpoint = receiver.endpoint(answers, fallback, (e) => this.evidence.push(e));
    return { ...endpoint, waitFor: (count, timeoutMs = this.#env.timeoutMs) => this.#unlessStopped(endpoint.waitFor(count, timeoutMs)) };
  }

  // --- the target as a client ---------------------------------------------------------------------------
  /**
   * A session of its own on the judging counterparty (the harness playing the target's counterparty as a server):
   * its URL goes into a test action, and every request the target sends there is recorded in this context's
   * evidence. It ends with the check.
   */
  async counterparty(): Promise<CounterpartySession> {
    const start = this.need(this.#env.counterparty, HARNESS.noCounterparty());
    const session = (await this.#unlessStopped(start())).session();
    session.recordTo((e) => this.evidence.push(e));
    this.#sessions.push(session);
    return session;
  }

  /** End what the check left open (its counterparty sessions). */
  dispose(): void {
    for (const session of this.#sessions.splice(0)) session.end();
  }

  /** Wait `ms`; a stopped context (its deadline passed) ends the wait at once, with the reason, and keeps no timer. */
  sleep(ms: number): Promise<void> {
    const signal = this.#signal;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(stoppedError(signal));
      const onStop = () => {
        clearTimeout(timer);
        reject(stoppedError(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onStop);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onStop, { once: true });
    });
  }

  #unlessStopped<T>(pending: Promise<T>): Promise<T> {
    const signal = this.#signal;
    if (!signal) return pending;
    if (signal.aborted) return Promise.reject(stoppedError(signal));
    return new Promise<T>((resolve, reject) => {
      const onStop = () => reject(stoppedError(signal));
      signal.addEventListener('abort', onStop, { once: true });
      pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onStop));
    });
  }
}

/** `pendingPushes` of a TestClock answer, when it states a count (ECDX-CNF-009). */
function pendingPushesOf(read: HttpResponse): number | undefined {
  const pending = read.status === 200 ? (read.json as { pendingPushes?: unknown } | undefined)?.pendingPushes : undefined;
  return typeof pending === 'number' && Number.isInteger(pending) && pending >= 0 ? pending : undefined;
}

const stoppedError = (signal: AbortSignal): Error =>
  new Error(`stopped: ${signal.reason instanceof Error ? signal.reason.message : String(signal.reason ?? 'the run was stopped')}`);

const isResponse = (value: unknown): value is HttpResponse =>
  typeof value === 'object' && value !== null && 'status' in value && 'text' in value && 'sent' in value;

/** The problem's own title and detail, as the target wrote them (any language), or undefined when it gave none. */
function problemTitle(response: HttpResponse): string | undefined {
  const body = response.json as { title?: unknown; detail?: unknown } | undefined;
  if (!body || typeof body !== 'object') return undefined;
  const text = [body.title, body.detail].filter((v) => typeof v === 'string').join(': ');
  return text ? text.slice(0, 160) : undefined;
}

/** A message framed by the harness (a precondition, a rule that does not apply). */
const framed = (frame: (params: { reason: Bilingual }) => Bilingual, reason: Text): Text => frame({ reason });

/** `what: message`, or the message alone when there is no `what`. */
const labelled = (what: Text | undefined, message: Bilingual): Text => (what === undefined ? message : HARNESS.labelled({ what, message }));

/**
 * Why something failed: in both languages when the error carries them (a check's own error); else the error's own
 * words (a runtime's, a library's), which stay as they were written, introduced in each language.
 */
const reasonOf = (error: unknown): Text =>
  error instanceof Error && 'text' in error && isBilingual(error.text)
    ? error.text
    : HARNESS.errorRaised({ error: error instanceof Error ? error.message : String(error) });

/**
 * The shared fixtures of one run. Each is created once, when a check first reads it, in a context of its own, so
 * its requests and assertions are recorded in its own record (and a fixture that uses another reads it the same way).
 */
export class Fixtures {
  readonly #pending = new Map<Fixture<unknown>, Promise<unknown>>();
  readonly #records = new Map<Fixture<unknown>, FixtureRecord>();

  value<T>(fixture: Fixture<T>, env: RunEnvironment, usedBy: string): Promise<T> {
    const record = this.#records.get(fixture);
    if (record && !record.usedBy.includes(usedBy)) record.usedBy.push(usedBy);
    let pending = this.#pending.get(fixture) as Promise<T> | undefined;
    if (!pending) {
      pending = this.#create(fixture, env, usedBy);
      this.#pending.set(fixture, pending);
    }
    return pending;
  }

  async #create<T>(fixture: Fixture<T>, env: RunEnvironment, usedBy: string): Promise<T> {
    const t = new TestContext(env, [], env.signal, { tracedAs: fixture.id });
    const record: FixtureRecord = { id: fixture.id, title: fixture.title, status: 'ready', usedBy: [usedBy], evidence: t.evidence, durationMs: 0 };
    this.#records.set(fixture, record);
    const started = Date.now();
    try {
      return await fixture.create(t, t.handles(fixture.uses, fixture.id));
    } catch (error) {
      record.status = 'failed';
      const members = messageMembers(reasonOf(error));
      record.message = members.message;
      if (members.translations) record.translations = members.translations;
      throw error;
    } finally {
      record.durationMs = Date.now() - started;
    }
  }

  /** Every fixture created so far, in the order they were first asked for. */
  records(): FixtureRecord[] {
    return [...this.#records.values()];
  }
}
