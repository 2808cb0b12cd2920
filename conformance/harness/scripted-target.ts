// A target that answers as a script says, for the harness's own tests (after Redocly, which tests each rule on a
// six-line document): a check, or a kit helper, runs against answers written in the test, through undici's own
// MockAgent, so no socket is opened and nothing of the reference mock is involved.
import type { Check } from './check.ts';
import { MockAgent } from 'undici';
import { classUri, type ConformanceClassName } from '../../schemas/src/classes.ts';
import type { ConformanceClaim, PartyRole } from '../../schemas/src/index.ts';
import { problemType, problemTypeUri, type ProblemSlug } from '../../schemas/src/problems.ts';
import { demoCredentials } from '../../protocol/index.ts';
import { Fixtures, TestContext, type RunEnvironment } from './context.ts';
import { TargetClient } from './client.ts';
import type { CheckResult } from './report.ts';
import { runSuite } from './runner.ts';

/** Where a scripted target answers; nothing listens there. */
export const SCRIPTED_TARGET = 'http://127.0.0.1:9';

export interface ScriptedRequest {
  method: string;
  /** The path with its query. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface ScriptedAnswer {
  status: number;
  /** Sent as application/json (or `headers['content-type']`). */
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export type Script = (request: ScriptedRequest) => ScriptedAnswer;

/** An RFC 9457 problem of the catalogue, as a correct target answers it. */
export const scriptedProblem = (slug: ProblemSlug, extra: Record<string, unknown> = {}): ScriptedAnswer => {
  const { status, title } = problemType(slug);
  return { status, json: { type: problemTypeUri(slug), title, status, ...extra }, headers: { 'content-type': 'application/problem+json' } };
};

/** A claim of `role` for these classes (core included), valid against the ConformanceClaim schema. */
export function scriptedClaim(role: PartyRole, classes: readonly ConformanceClassName[] = [], extra: Partial<ConformanceClaim> = {}): ConformanceClaim {
  return {
    ecdxVersion: '1.0.0-draft',
    role,
    party: role === 'carrier' ? { name: 'Scripted Carrier', carrierCode: 'ECDXDEMO' } : { name: 'Scripted Platform' },
    classes: [...new Set(['core', ...classes] as ConformanceClassName[])].map(classUri),
    features: [],
    idempotencyKeyExpirySeconds: 86_400,
    retention: { shippingDataDays: 180, trackingEventsDays: 180 },
    signatureAlgorithms: ['ed25519', 'hmac-sha256'],
    webhookSignatureSchemes: ['v1a'],
    maxPageSize: 100,
    ...extra,
  } as ConformanceClaim;
}

const headerRecord = (headers: unknown): Record<string, string> => {
  if (!headers || typeof headers !== 'object') return {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers as Record<string, unknown>);
  return Object.fromEntries(entries.map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)]));
};

const bodyText = (body: unknown): string => (typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : '');

/** An undici dispatcher that answers every request to SCRIPTED_TARGET with `script`; `requests` records them. */
export function scriptedDispatcher(script: Script): { dispatcher: MockAgent; requests: ScriptedRequest[] } {
  const dispatcher = new MockAgent();
  dispatcher.disableNetConnect();
  const requests: ScriptedRequest[] = [];
  dispatcher
    .get(SCRIPTED_TARGET)
    .intercept({ path: () => true, method: () => true })
    .reply((options) => {
      const request = { method: options.method, path: options.path, headers: headerRecord(options.headers), body: bodyText(options.body) };
      requests.push(request);
      const answer = script(request);
      const isJson = answer.json !== undefined;
      return {
        statusCode: answer.status,
        data: isJson ? JSON.stringify(answer.json) : (answer.text ?? ''),
        responseOptions: { headers: { ...(isJson ? { 'content-type': 'application/json' } : {}), ...answer.headers } },
      };
    })
    .persist();
  return { dispatcher, requests };
}

/** The claim answered at GET /v1/conformance, then `script` for everything else. */
const withClaim =
  (claim: ConformanceClaim | undefined, script: Script): Script =>
  (request) =>
    claim && request.method === 'GET' && request.path.startsWith('/v1/conformance') ? { status: 200, json: claim } : script(request);

/** Run one check against a scripted target that serves `claim` and answers the rest with `script`. */
export async function runScripted(
  check: Check,
  options: { role: PartyRole; claim?: ConformanceClaim; script: Script },
): Promise<CheckResult & { requests: ScriptedRequest[] }> {
  const { dispatcher, requests } = scriptedDispatcher(withClaim(options.claim, options.script));
  try {
    const report = await runSuite({ target: SCRIPTED_TARGET, role: options.role, checks: [check], dispatcher, timeoutMs: 2_000, settleMs: 50 });
    return { ...report.results[0]!, requests };
  } finally {
    await dispatcher.close();
  }
}

/**
 * A TestContext towards a scripted target, for unit tests of kit helpers: `evidence` shows what they asserted.
 * Close the returned dispatcher after the test.
 */
export function scriptedContext(options: { role: PartyRole; claim?: ConformanceClaim; requirementIds?: string[]; script?: Script }): {
  t: TestContext;
  requests: ScriptedRequest[];
  close: () => Promise<void>;
} {
  const { dispatcher, requests } = scriptedDispatcher(options.script ?? (() => ({ status: 404, json: { title: 'not scripted' } })));
  const clockOffset = { value: 0 };
  const key = options.role === 'carrier' ? demoCredentials.platform.signingKey : demoCredentials.carrier.signingKey;
  const env: RunEnvironment = {
    role: options.role,
    baseUrl: SCRIPTED_TARGET,
    claim: options.claim,
    rawClaim: options.claim,
    client: (record) => new TargetClient({ baseUrl: SCRIPTED_TARGET, key, timeoutMs: 2_000, clockOffset: () => clockOffset.value, record, dispatcher }),
    secondKey: undefined,
    receiver: undefined,
    timeoutMs: 2_000,
    settleMs: 50,
    seed: 1,
    fuzzRuns: 10,
    clockOffset,
    fixtures: new Fixtures(),
  };
  return { t: new TestContext(env, options.requirementIds ?? []), requests, close: () => dispatcher.close() };
}
