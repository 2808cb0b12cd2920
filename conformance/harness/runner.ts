// The runner: reads the target's claim, decides which checks apply, runs them (those that move the target's clock
// last and one at a time), and returns the report.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dispatcher } from 'undici';
import { CLASS_BASE, conformanceClassNames, SPEC_VERSION, type ConformanceClassName } from '../../schemas/src/classes.ts';
import { requirementById } from '../../spec/registry.ts';
import { demoCredentials, type SigningKey, type VerificationKey } from '../../protocol/index.ts';
import { boundFixture, boundResult, boundValue } from './bounded.ts';
import { AssertionFailed, NotApplicable, PreconditionFailed, type Check } from './check.ts';
import { TargetClient, TargetUnreachable } from './client.ts';
import { Fixtures, TestContext, type RunEnvironment } from './context.ts';
import { checkDeadlineFor, DEFAULT_MAX_DURATION_MS, describeSeconds, notRunMessage, RunStop, Stop, stoppedMessage } from './deadline.ts';
import { discover } from './discovery.ts';
import { pool } from './pool.ts';
import { PushReceiver } from './receiver.ts';
import { CounterpartyServer } from './counterparty/server.ts';
import { DEFAULT_CONCURRENCY, provenanceOf, settingsOf } from './provenance.ts';
import { isConformant, summarise, verdictOf, type CheckResult, type ConformanceReport, type Waiver } from './report.ts';
import { applyWaivers, certificationProblem, validateWaivers, WaiverError } from './waivers.ts';
import { DEFAULT_FUZZ_RUNS } from './fuzz-runs.ts';
import { runScope, selectedBy, unknownNames } from './selection.ts';
import { HARNESS } from './messages.ts';
import { CHECK_TITLES_ZH } from '../i18n/check-titles.ts';
import { messageMembers, textOf, type Text } from '../i18n/text.ts';
import type { PartyRole } from '../../schemas/src/index.ts';
import { packageRoot } from '../../schemas/package-root.ts';

const root = packageRoot;
export const HARNESS_VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
/** SHA-256 of spec/requirements.json: the exact requirements a run checks against. */
export const specSha256 = (): string =>
  createHash('sha256')
    .update(readFileSync(join(root, 'spec', 'requirements.json')))
    .digest('hex');

/** A mistake in how the harness was asked to run: the CLI answers it with exit code 2. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

export interface ProgressListener {
  start?(total: number): void;
  checkStarted?(check: Check): void;
  checkFinished?(result: CheckResult): void;
}

export interface RunOptions {
  /** The target's base URL (the part before `/v1`). */
  target: string;
  /** The role of the target: the harness plays the other one. */
  role: PartyRole;
  /** Conformance class names to test; default: what the target claims. */
  classes?: readonly string[];
  /** Run only these checks (check ids, requirement ids or area names such as `discovery`). */
  only?: readonly string[];
  /** Leave out these checks (check ids, requirement ids or area names). */
  skip?: readonly string[];
  /** The key the harness signs with; default the demo key of the role it plays. */
  key?: SigningKey;
  /** A second key of the same counterparty, for per-client checks; default the demo HMAC key of the role played. */
  secondKey?: SigningKey;
  /** Where the push receiver listens (default 127.0.0.1) and the URL a target behind NAT must call instead. */
  callbackHost?: string;
  callbackPort?: number;
  callbackUrl?: string;
  /**
   * The URL a target must call to reach the harness's judging counterparty when it acts as a client (test actions),
   * when it reaches the harness through NAT or a tunnel; it listens on `callbackHost` at `counterpartyPort`.
   */
  counterpartyUrl?: string;
  counterpartyPort?: number;
  /** The keys the target signs its requests with as a client; default the demo keys of its role. */
  targetKeys?: readonly VerificationKey[];
  /** The deadline of each request, headers and body together (default 10 s). */
  timeoutMs?: number;
  /** The run's budget (default 10 minutes): then the checks still running or not started end as errors. */
  maxDurationMs?: number;
  /** One check's budget (default twelve request timeouts, at least two minutes). */
  checkDeadlineMs?: number;
  /** Response bodies are read up to this many bytes (default 2 MiB). */
  maxResponseBytes?: number;
  /** How long to wait before concluding that something did not happen (default 1,500 ms). */
  settleMs?: number;
  concurrency?: number;
  /** The seed of the generated cases (default: drawn at random, and recorded in the report so a run can be repeated). */
  seed?: number;
  /** Random cases each generated check draws beyond its systematic ones (default `DEFAULT_FUZZ_RUNS`). */
  fuzzRuns?: number;
  /** Waivers (decision 0047): results they cover read `waived` and do not fail the run. */
  waivers?: readonly Waiver[];
  /** A certification run: every waiver ignored (and recorded so), no filter allowed. */
  certify?: boolean;
  /** Allow plain http:// to a non-loopback target. */
  insecureHttp?: boolean;
  /** Send every request through this undici dispatcher (a scripted target in the harness's own tests, a proxy). */
  dispatcher?: Dispatcher;
  /** The checks to choose from; `runConformance` (conformance/index.ts) gives the whole suite by default. */
  checks?: readonly Check[];
  progress?: ProgressListener;
  /**
   * Send a header of this name with every request, naming the check (or fixture) that makes it: for the
   * self-test's trace of a run against the mock (verify/impact.ts). Not signed, not in the evidence; not a CLI option.
   */
  traceHeader?: string;
}

/** A seed for a run that was given none: any 31-bit integer, as fast-check takes. */
export const drawSeed = (): number => Math.floor(Math.random() * 0x7fffffff);

/** The published demo keys a test deployment of `role` signs its requests with (chapter Security, Appendix A). */
export const demoKeysOf = (role: PartyRole): VerificationKey[] =>
  role === 'carrier'
    ? [demoCredentials.carrier.verificationKey, demoCredentials.carrierHmac]
    : [demoCredentials.platform.verificationKey, demoCredentials.platformHmac];

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

export function validateTarget(target: string, insecureHttp = false): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new ConfigurationError(`--target '${target}' is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigurationError(`--target must be http(s), not ${url.protocol}`);
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname) && !insecureHttp) {
    throw new ConfigurationError(`plain http to ${url.hostname} is refused (ECDX requires HTTPS); use https, a loopback target, or --insecure-http`);
  }
  if (url.search || url.hash) throw new ConfigurationError('--target must not carry a query or fragment');
  // A target given with its /v1 would be asked for /v1/v1/…: the harness adds /v1 to every path.
  if (/\/v1\/?$/.test(url.pathname)) {
    const base = `${url.origin}${url.pathname.replace(/\/v1\/?$/, '')}`;
    throw new ConfigurationError(`--target ${target} ends in /v1: drop it (--target ${base}); the target is the part before /v1, which the harness adds`);
  }
  return url;
}

const levelOf = (check: Check): 'MUST' | 'SHOULD' => (check.requirements.some((id) => requirementById(id)?.level.startsWith('MUST')) ? 'MUST' : 'SHOULD');

const classNameOf = (uri: string): string | undefined => (uri.startsWith(CLASS_BASE) ? uri.slice(CLASS_BASE.length) : undefined);

/** Run these checks against a target and return the report (the object report.json holds). */
export async function runSuite(options: RunOptions & { checks: readonly Check[] }): Promise<ConformanceReport> {
  const startedAt = new Date().toISOString();
  const target = validateTarget(options.target, options.insecureHttp).href.replace(/\/$/, '');
  const { checks } = options;
  for (const name of options.classes ?? []) {
    if (!conformanceClassNames.includes(name as ConformanceClassName))
      throw new ConfigurationError(`unknown class '${name}' (known: ${conformanceClassNames.join(', ')})`);
  }
  for (const [flag, names] of [
    ['--only', options.only],
    ['--skip', options.skip],
  ] as const) {
    const unknown = unknownNames(checks, names)[0];
    if (unknown !== undefined) throw new ConfigurationError(`${flag} '${unknown}' names no check, requirement or area`);
  }
  checkWaiverOptions(options);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const checkDeadlineMs = options.checkDeadlineMs ?? checkDeadlineFor(timeoutMs);
  const key = options.key ?? (options.role === 'carrier' ? demoCredentials.platform.signingKey : demoCredentials.carrier.signingKey);
  const needsReceiver = options.role === 'carrier' && checks.some((c) => c.needs?.includes('callback'));
  const receiver = needsReceiver
    ? await PushReceiver.start({
        host: options.callbackHost ?? '127.0.0.1',
        ...(options.callbackPort === undefined ? {} : { port: options.callbackPort }),
        ...(options.callbackUrl ? { publicUrl: options.callbackUrl } : {}),
      })
    : undefined;
  const run = new RunStop(options.maxDurationMs ?? DEFAULT_MAX_DURATION_MS);
  const clockOffset = { value: 0 };
  let counterparty: Promise<CounterpartyServer> | undefined;
  const startCounterparty = () =>
    (counterparty ??= CounterpartyServer.start({
      role: options.role === 'carrier' ? 'platform' : 'carrier',
      host: options.callbackHost ?? '127.0.0.1',
      ...(options.counterpartyPort === undefined ? {} : { port: options.counterpartyPort }),
      ...(options.counterpartyUrl ? { publicUrl: options.counterpartyUrl } : {}),
      clientKeys: options.targetKeys ?? demoKeysOf(options.role),
      clientNow: () => Date.now() + clockOffset.value,
    }));
  const clients: TargetClient[] = [];
  const env: RunEnvironment = {
    role: options.role,
    baseUrl: target,
    claim: undefined,
    rawClaim: undefined,
    client: (record, signal, tracedAs) => {
      const client = new TargetClient({
        baseUrl: target,
        key,
        timeoutMs,
        clockOffset: () => clockOffset.value,
        record,
        signal: signal ?? run.signal,
        ...(options.maxResponseBytes ? { maxResponseBytes: options.maxResponseBytes } : {}),
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
        ...(options.traceHeader && tracedAs ? { traceAs: { header: options.traceHeader, value: tracedAs } } : {}),
      });
      clients.push(client);
      return client;
    },
    secondKey: options.secondKey ?? (options.role === 'carrier' ? demoCredentials.platformHmac : demoCredentials.carrierHmac),
    receiver,
    counterparty: startCounterparty,
    timeoutMs,
    settleMs: options.settleMs ?? 1_500,
    seed: options.seed ?? drawSeed(),
    fuzzRuns: options.fuzzRuns ?? DEFAULT_FUZZ_RUNS,
    clockOffset,
    pendingPushes: {},
    fixtures: new Fixtures(),
    signal: run.signal,
  };

  const results = new Map<Check, CheckResult>();
  let selected: Check[] = [];
  let claimed = new Set<string>();
  // A failure of the harness itself stops the run; what finished is kept and the rest ends as an error.
  const harnessFailed = (error: unknown) => run.stop(new Stop(HARNESS.harnessFailed({ reason: describeError(error) }), false));
  try {
    await discover(env, options.role);
    claimed = new Set<string>(options.classes ?? classNamesOf(env.claim?.classes));
    if (!options.classes && !env.claim) claimed.add('core'); // without a readable claim, core still runs and says why

    selected = checks.filter((c) => (c.role === 'both' || c.role === options.role) && selectedBy(c, options.only, options.skip));
    options.progress?.start?.(selected.length);
    const runnable: Check[] = [];
    for (const check of selected) {
      if (claimed.has(check.class)) runnable.push(check);
      else
        results.set(
          check,
          skippedResult(check, options.classes ? HARNESS.classNotClaimedOrSelected({ class: check.class }) : HARNESS.classNotClaimed({ class: check.class })),
        );
    }
    for (const result of results.values()) options.progress?.checkFinished?.(result);

    const runOne = async (check: Check) => {
      if (run.reason) return; // stopped: it is reported as not run
      try {
        options.progress?.checkStarted?.(check);
        const result = await runCheck(check, env, checkDeadlineMs);
        results.set(check, result);
        options.progress?.checkFinished?.(result);
      } catch (error) {
        harnessFailed(error);
      }
    };
    // Checks that move the target's clock would disturb others: they run after the rest, one at a time.
    const concurrent = runnable.filter((c) => !c.needs?.includes('clock'));
    const moving = runnable.filter((c) => c.needs?.includes('clock'));
    const exclusive = [...moving.filter((c) => c.opensClockPhase), ...moving.filter((c) => !c.opensClockPhase)];
    await pool(concurrent, options.concurrency ?? DEFAULT_CONCURRENCY, runOne);
    for (const check of exclusive) await runOne(check);
  } catch (error) {
    harnessFailed(error);
  } finally {
    run.dispose();
  }
  const noise = receiver?.noise();
  await receiver?.close();
  await counterparty?.then(
    (server) => server.close(),
    () => {},
  );
  await Promise.all(clients.map((c) => c.close()));

  const stopped = run.reason;
  const ran = selected.map((check) => {
    const result = results.get(check);
    if (result) return result;
    const notRun = errorResult(check, notRunMessage(stopped ?? new Stop(HARNESS.harnessFailedBare(), false)));
    try {
      options.progress?.checkFinished?.(notRun); // the progress shows every check, those the run did not reach too
    } catch {
      // the progress already failed the run; the report still says what happened
    }
    return notRun;
  });
  const { results: ordered, uses } = applyWaivers(ran, options.waivers ?? [], options.certify === true);
  const scope = runScope(options, classNamesOf(env.claim?.classes));
  const tested = new Set(ordered.filter((r) => r.status !== 'skipped').map((r) => r.class));
  const fixtures = env.fixtures.records().map(boundFixture);
  const settings = settingsOf(options, { target, timeoutMs, checkDeadlineMs, settleMs: env.settleMs, fuzzRuns: env.fuzzRuns, key });
  return {
    summary: summarise(ordered),
    conformant: isConformant(ordered, scope),
    verdict: verdictOf(ordered, scope),
    scope,
    results: ordered,
    ...(fixtures.length > 0 ? { fixtures } : {}),
    ...(noise ? { noise } : {}),
    ...(stopped ? { stopped: stopped.message } : {}),
    target: { url: target, role: options.role },
    claim: env.rawClaim === undefined ? null : boundValue(env.rawClaim),
    classes: [...claimed].filter((c) => tested.has(c)).sort(),
    harnessVersion: HARNESS_VERSION,
    specVersion: SPEC_VERSION,
    specSha256: specSha256(),
    startedAt,
    finishedAt: new Date().toISOString(),
    certification: options.certify === true,
    ...(options.waivers?.length ? { waivers: uses } : {}),
    provenance: provenanceOf(checks, settings, env.seed),
  };
}

/** Waivers that expired or name nothing, and filters on a certification run, are the caller's mistakes (exit 2). */
function checkWaiverOptions(options: RunOptions & { checks: readonly Check[] }): void {
  const problem = options.certify ? certificationProblem(options) : undefined;
  if (problem) throw new ConfigurationError(problem);
  try {
    validateWaivers(options.waivers ?? [], options.checks);
  } catch (error) {
    if (error instanceof WaiverError) throw new ConfigurationError(error.message);
    throw error;
  }
}

const classNamesOf = (uris: readonly string[] | undefined): string[] => (uris ?? []).map(classNameOf).filter((c): c is string => c !== undefined);

/** A thrown value as words, whatever was thrown (`throw null` included). */
const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function skippedResult(check: Check, message: Text): CheckResult {
  return { ...resultOf(check), status: 'skipped', ...resultMessage(check, message) };
}

function errorResult(check: Check, message: Text): CheckResult {
  return { ...resultOf(check), status: 'error', ...resultMessage(check, message) };
}

const resultOf = (check: Check): Omit<CheckResult, 'status' | 'message'> => ({
  checkId: check.id,
  requirementIds: check.requirements,
  class: check.class,
  role: check.role,
  level: levelOf(check),
  title: check.title,
  evidence: [],
  durationMs: 0,
});

/**
 * A result's `message` (English) and its `translations`: the Chinese title of the check and the Chinese message,
 * each where the harness has it (decision 0062).
 */
function resultMessage(check: Check, message: Text): Pick<CheckResult, 'message' | 'translations'> {
  const members = messageMembers(message);
  const title = Object.hasOwn(CHECK_TITLES_ZH, check.id) ? CHECK_TITLES_ZH[check.id] : undefined;
  const zh = { ...(title === undefined ? {} : { title }), ...members.translations?.['zh-Hans'] };
  return { message: members.message, ...(Object.keys(zh).length > 0 ? { translations: { 'zh-Hans': zh } } : {}) };
}

/**
 * Run one check within `deadlineMs`. When its deadline or the run's passes, it is stopped: its requests and waits
 * end, and it is reported as an error with the evidence it had gathered until then.
 */
export async function runCheck(check: Check, env: RunEnvironment, deadlineMs = checkDeadlineFor(env.timeoutMs)): Promise<CheckResult> {
  const stop = new AbortController();
  const byRun = () => stop.abort(env.signal?.reason);
  if (env.signal?.aborted) byRun();
  else env.signal?.addEventListener('abort', byRun, { once: true });
  const deadline = setTimeout(() => stop.abort(new Stop(HARNESS.checkDeadline({ within: describeSeconds(deadlineMs) }), true)), deadlineMs);
  const stopped = new Promise<never>((_, reject) => {
    const onStop = () => reject(stop.signal.reason);
    if (stop.signal.aborted) onStop();
    else stop.signal.addEventListener('abort', onStop, { once: true });
  });
  stopped.catch(() => {}); // a check that finished first leaves it pending: never an unhandled rejection
  const t = new TestContext(env, check.requirements, stop.signal, { movesClock: check.needs?.includes('clock') === true, tracedAs: check.id });
  const level = levelOf(check);
  const started = Date.now();
  let status: CheckResult['status'] = 'passed';
  let message: Text = HARNESS.observedNothing();
  try {
    await Promise.race([check.run(t, t.handles(check.uses, check.id)), stopped]);
    const held = t.evidence.filter((e) => e.kind === 'assertion' && e.passed).length;
    const blocked = t.evidence.filter((e) => e.kind === 'blocked');
    const first = blocked[0] ? textOf(blocked[0]) : undefined;
    message = HARNESS.held({ n: held });
    if (first)
      message = blocked.length === 1 ? HARNESS.stepNotTaken({ held: message, first }) : HARNESS.stepsNotTaken({ held: message, n: blocked.length, first });
    if (held === 0) {
      // A check passes only on positive evidence of the required behaviour: with none, it could not decide.
      status = 'precondition-failed';
      message = first ? HARNESS.nothingObserved({ reason: first }) : HARNESS.observedNothing();
    }
  } catch (error) {
    if (error instanceof AssertionFailed) {
      status = level === 'MUST' ? 'failed' : 'warning';
      message = error.text;
    } else if (error instanceof PreconditionFailed) {
      status = 'precondition-failed';
      message = error.text;
    } else if (error instanceof NotApplicable) {
      status = 'skipped';
      message = HARNESS.doesNotApply({ reason: error.text });
    } else if (error instanceof TargetUnreachable) {
      status = 'error';
      // How the connection failed is the client's own words (undici's, the operating system's): shown as they are.
      message = HARNESS.targetDidNotAnswer({ reason: error.message });
    } else {
      status = 'error';
      message = HARNESS.harnessCouldNotDecide({ reason: describeError(error) });
    }
  } finally {
    clearTimeout(deadline);
    env.signal?.removeEventListener('abort', byRun);
    t.dispose();
  }
  if (stop.signal.aborted) {
    // Whatever the body made of its stopped requests, the check did not finish.
    status = 'error';
    const reason = stop.signal.reason instanceof Stop ? stop.signal.reason : new Stop(HARNESS.errorRaised({ error: describeError(stop.signal.reason) }), false);
    message = stoppedMessage(reason, reason !== undefined && env.signal?.reason === stop.signal.reason);
  } else stop.abort(new Stop(HARNESS.checkFinished(), false)); // anything it left running stops now
  const failedAssertion = [...t.evidence].reverse().find((e) => e.kind === 'assertion' && !e.passed);
  const failedRequirementIds =
    status === 'failed' || status === 'warning'
      ? failedAssertion?.kind === 'assertion' && failedAssertion.requirementId
        ? [failedAssertion.requirementId]
        : check.requirements
      : undefined;
  const bounded = boundResult({
    checkId: check.id,
    requirementIds: check.requirements,
    class: check.class,
    role: check.role,
    level,
    status,
    title: check.title,
    ...resultMessage(check, message),
    ...(failedRequirementIds ? { failedRequirementIds } : {}),
    ...(Object.keys(check.uses).length > 0 ? { uses: Object.values(check.uses).map((f) => f.id) } : {}),
    evidence: t.evidence,
    durationMs: Date.now() - started,
  });
  const omittedEvidence = (bounded.omittedEvidence ?? 0) + t.omittedExchanges;
  return omittedEvidence > 0 ? { ...bounded, omittedEvidence } : bounded;
}
