// The runner: reads the target's claim, decides which checks apply, runs them (those that move the target's clock
// last and one at a time), and returns the report.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dispatcher } from 'undici';
import { CLASS_BASE, conformanceClassNames, SPEC_VERSION, type ConformanceClassName } from '../../schemas/src/classes.ts';
import { requirementById } from '../../spec/registry.ts';
import { isValid } from '../../schemas/validate.ts';
import type { ConformanceClaim } from '../../schemas/src/index.ts';
import { demoCredentials, type SigningKey } from '../../protocol/index.ts';
import { AssertionFailed, PreconditionFailed, type Check } from './check.ts';
import { TargetClient, TargetUnreachable } from './client.ts';
import { Fixtures, TestContext, type RunEnvironment } from './context.ts';
import { pool } from './pool.ts';
import { PushReceiver } from './receiver.ts';
import { isConformant, summarise, verdictOf, type CheckResult, type ConformanceReport, type RunScope } from './report.ts';
import type { PartyRole } from '../../schemas/src/index.ts';

const root = join(import.meta.dirname, '..', '..');
export const HARNESS_VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const specSha256 = () =>
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
  /** Run only these checks (check ids or requirement ids). */
  only?: readonly string[];
  /** Leave out these checks (check ids or requirement ids). */
  skip?: readonly string[];
  /** The key the harness signs with; default the demo key of the role it plays. */
  key?: SigningKey;
  /** A second key of the same counterparty, for per-client checks; default the demo HMAC key of the role played. */
  secondKey?: SigningKey;
  /** Where the push receiver listens (default 127.0.0.1) and the URL a target behind NAT must call instead. */
  callbackHost?: string;
  callbackPort?: number;
  callbackUrl?: string;
  timeoutMs?: number;
  /** How long to wait before concluding that something did not happen (default 1,500 ms). */
  settleMs?: number;
  concurrency?: number;
  /** Allow plain http:// to a non-loopback target. */
  insecureHttp?: boolean;
  /** Send every request through this undici dispatcher (a scripted target in the harness's own tests, a proxy). */
  dispatcher?: Dispatcher;
  /** The checks to choose from; `runConformance` (conformance/index.ts) gives the whole suite by default. */
  checks?: readonly Check[];
  progress?: ProgressListener;
}

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
  const timeoutMs = options.timeoutMs ?? 10_000;
  const key = options.key ?? (options.role === 'carrier' ? demoCredentials.platform.signingKey : demoCredentials.carrier.signingKey);
  const needsReceiver = options.role === 'carrier' && checks.some((c) => c.needs?.includes('callback'));
  const receiver = needsReceiver
    ? await PushReceiver.start({
        host: options.callbackHost ?? '127.0.0.1',
        ...(options.callbackPort === undefined ? {} : { port: options.callbackPort }),
        ...(options.callbackUrl ? { publicUrl: options.callbackUrl } : {}),
      })
    : undefined;
  const clockOffset = { value: 0 };
  const clients: TargetClient[] = [];
  const env: RunEnvironment = {
    role: options.role,
    baseUrl: target,
    claim: undefined,
    rawClaim: undefined,
    client: (record) => {
      const client = new TargetClient({
        baseUrl: target,
        key,
        timeoutMs,
        clockOffset: () => clockOffset.value,
        record,
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
      clients.push(client);
      return client;
    },
    secondKey: options.secondKey ?? (options.role === 'carrier' ? demoCredentials.platformHmac : demoCredentials.carrierHmac),
    receiver,
    timeoutMs,
    settleMs: options.settleMs ?? 1_500,
    clockOffset,
    fixtures: new Fixtures(),
  };

  try {
    // The claim decides what runs. It is read unsigned; `?role=` lets a two-role test deployment answer for one.
    const discovery = new TestContext(env);
    try {
      let response = await discovery.http.get(`/v1/conformance?role=${options.role}`, { sign: false });
      // A target that wrongly demands a signature for discovery fails its own check; the rest of the run still
      // needs the claim, so ask again signed.
      if (response.status === 401) response = await discovery.http.get(`/v1/conformance?role=${options.role}`);
      env.rawClaim = response.json;
      if (response.status === 200 && isValid('ConformanceClaim', response.json)) env.claim = response.json as ConformanceClaim;
    } catch (error) {
      if (!(error instanceof TargetUnreachable)) throw error;
    }
    if (env.claim?.testMode) {
      try {
        let clock = await discovery.http.get('/v1/test/clock');
        if (clock.status === 401) {
          // The target's clock may already stand days ahead (an earlier run moved it), which makes a signature on
          // our clock stale: estimate its time from the unsigned health document and ask again.
          const health = await discovery.http.get('/v1/health', { sign: false });
          const serverTime = Date.parse((health.json as { serverTime?: string } | undefined)?.serverTime ?? '');
          if (Number.isFinite(serverTime)) clockOffset.value = serverTime - Date.now();
          clock = await discovery.http.get('/v1/test/clock');
        }
        const now = Date.parse((clock.json as { now?: string } | undefined)?.now ?? '');
        if (clock.status === 200 && Number.isFinite(now)) clockOffset.value = now - Date.now();
      } catch (error) {
        if (!(error instanceof TargetUnreachable)) throw error;
      }
    }
    const claimed = new Set<string>(options.classes ?? (env.claim?.classes ?? []).map(classNameOf).filter((c): c is string => c !== undefined));
    if (!options.classes && !env.claim) claimed.add('core'); // without a readable claim, core still runs and says why

    const selected = checks.filter((c) => (c.role === 'both' || c.role === options.role) && selectedBy(c, options.only, options.skip));
    options.progress?.start?.(selected.length);
    const results = new Map<Check, CheckResult>();
    const runnable: Check[] = [];
    for (const check of selected) {
      if (claimed.has(check.class)) runnable.push(check);
      else
        results.set(
          check,
          skippedResult(check, `class ${check.class} is not claimed by the target${options.classes ? ' (or not selected with --classes)' : ''}`),
        );
    }
    for (const result of results.values()) options.progress?.checkFinished?.(result);

    const runOne = async (check: Check) => {
      options.progress?.checkStarted?.(check);
      const result = await runCheck(check, env);
      results.set(check, result);
      options.progress?.checkFinished?.(result);
    };
    // Checks that move the target's clock would disturb others: they run after the rest, one at a time.
    const concurrent = runnable.filter((c) => !c.needs?.includes('test-mode'));
    const exclusive = runnable.filter((c) => c.needs?.includes('test-mode'));
    await pool(concurrent, options.concurrency ?? 4, runOne);
    for (const check of exclusive) await runOne(check);

    const ordered = selected.map((c) => results.get(c)!);
    const claimedByTarget = (env.claim?.classes ?? []).map(classNameOf).filter((c): c is string => c !== undefined);
    const scope: RunScope = {
      partial:
        Boolean(options.only?.length) ||
        Boolean(options.skip?.length) ||
        (options.classes !== undefined && claimedByTarget.some((c) => !options.classes!.includes(c))),
      only: [...(options.only ?? [])],
      skip: [...(options.skip ?? [])],
      classes: options.classes ? [...options.classes] : null,
    };
    const tested = new Set(ordered.filter((r) => r.status !== 'skipped').map((r) => r.class));
    return {
      summary: summarise(ordered),
      conformant: isConformant(ordered, scope),
      verdict: verdictOf(ordered, scope),
      scope,
      results: ordered,
      ...(env.fixtures.records().length > 0 ? { fixtures: env.fixtures.records() } : {}),
      target: { url: target, role: options.role },
      claim: env.rawClaim ?? null,
      classes: [...claimed].filter((c) => tested.has(c)).sort(),
      harnessVersion: HARNESS_VERSION,
      specVersion: SPEC_VERSION,
      specSha256: specSha256(),
      startedAt,
      finishedAt: new Date().toISOString(),
    };
  } finally {
    await receiver?.close();
    await Promise.all(clients.map((c) => c.close()));
  }
}

function selectedBy(check: Check, only?: readonly string[], skip?: readonly string[]): boolean {
  const names = [check.id, ...check.requirements];
  if (only?.length && !names.some((n) => only.includes(n))) return false;
  if (skip?.length && names.some((n) => skip.includes(n))) return false;
  return true;
}

function skippedResult(check: Check, message: string): CheckResult {
  return {
    checkId: check.id,
    requirementIds: check.requirements,
    class: check.class,
    role: check.role,
    level: levelOf(check),
    status: 'skipped',
    title: check.title,
    message,
    evidence: [],
    durationMs: 0,
  };
}

/** A check that runs longer than this is stopped and reported as an error. */
const CHECK_DEADLINE_MS = 120_000;

export async function runCheck(check: Check, env: RunEnvironment): Promise<CheckResult> {
  const t = new TestContext(env, check.requirements);
  const level = levelOf(check);
  const started = Date.now();
  let status: CheckResult['status'] = 'passed';
  let message = '';
  let deadline: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      check.run(t, t.handles(check.uses, check.id)),
      new Promise((_, reject) => {
        deadline = setTimeout(() => reject(new Error(`the check did not finish within ${CHECK_DEADLINE_MS / 1000} s`)), CHECK_DEADLINE_MS);
      }),
    ]);
    const held = t.evidence.filter((e) => e.kind === 'assertion' && e.passed).length;
    const blocked = t.evidence.filter((e) => e.kind === 'blocked');
    message = `${held} assertion${held === 1 ? '' : 's'} held`;
    if (blocked[0]) message += `; ${blocked.length === 1 ? 'a step was' : `${blocked.length} steps were`} not taken: ${blocked[0].message}`;
  } catch (error) {
    if (error instanceof AssertionFailed) {
      status = level === 'MUST' ? 'failed' : 'warning';
      message = error.message;
    } else if (error instanceof PreconditionFailed) {
      status = 'precondition-failed';
      message = error.message;
    } else if (error instanceof TargetUnreachable) {
      status = 'error';
      message = `the target did not answer: ${error.message}`;
    } else {
      status = 'error';
      message = `the harness could not decide: ${(error as Error).message ?? String(error)}`;
    }
  } finally {
    clearTimeout(deadline);
  }
  const failedAssertion = [...t.evidence].reverse().find((e) => e.kind === 'assertion' && !e.passed);
  const failedRequirementIds =
    status === 'failed' || status === 'warning'
      ? failedAssertion?.kind === 'assertion' && failedAssertion.requirementId
        ? [failedAssertion.requirementId]
        : check.requirements
      : undefined;
  return {
    checkId: check.id,
    requirementIds: check.requirements,
    class: check.class,
    role: check.role,
    level,
    status,
    title: check.title,
    message,
    ...(failedRequirementIds ? { failedRequirementIds } : {}),
    ...(Object.keys(check.uses).length > 0 ? { uses: Object.values(check.uses).map((f) => f.id) } : {}),
    evidence: t.evidence,
    durationMs: Date.now() - started,
  };
}
