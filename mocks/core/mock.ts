// The reference behaviour of ECDX, free of any transport: `createMock()` returns an object whose `handle()` takes a
// MockRequest and returns a MockResponse. Every request goes through the same pipeline, in the order the Core
// chapter fixes: route (404/405) → size (413) → authentication (401) → media type (415) → JSON (400) →
// idempotency (400/409/422/replay) → schema (422) → the operation's own rules.
import type { KeyResolver, NonceStore, WebhookVerificationKey } from '../../protocol/index.ts';
import {
  COMPONENT_WITH_PARAMETERS,
  DEMO_CARRIER_CODE,
  demoCredentials,
  demoKeyring,
  isDemoKeyid,
  NonceCache,
  SHORT_NONCE,
  UNKNOWN_DERIVED_COMPONENT,
  verifyRequestAsync,
  verifyWebhook,
} from '../../protocol/index.ts';
import { violations } from '../../schemas/validate.ts';
import { schemaByName, type RoleScope } from '../../schemas/src/index.ts';
import { recordActivity } from './activity.ts';
import { keysCalling } from './callers.ts';
import { subscriptionPushKeys } from './client/subscriptions.ts';
import { Clock } from './clock.ts';
import { ActiveFaults, type Fault } from './faults.ts';
import { IdempotencyKeys } from './idempotency.ts';
import { isJsonMediaType, parseJson } from './json-body.ts';
import { operationHandlers, startServices, type OperationId } from './operations/index.ts';
import { batchSizeRefusal } from './operations/receiver.ts';
import { isProblem, problemResponse, validationProblem } from './respond.ts';
import { buildRoutes, matchRoute } from './routes.ts';
import { isCoverageFailure, isVerificationFailure, signatureHelp, withOriginHint } from './signature-help.ts';
import { MemoryStore, type Store } from './store.ts';
import { unresolvedViolations } from './unresolved-violations.ts';
import type { Switch } from './switches.ts';
import type { Background, MockContext, MockRequest, MockResponse, OperationInput, Party, Route } from './types.ts';

/** The 400 for a creating POST without a usable key, naming the header (ECDX-IDM-002). */
const idempotencyKeyMissing = (kind: 'missing' | 'malformed'): MockResponse =>
  problemResponse('idempotency-key-missing', {
    detail: 'a creating POST needs an Idempotency-Key of 1–255 visible ASCII characters',
    invalidParams: [
      {
        name: '/Idempotency-Key',
        in: 'header',
        reason: kind === 'missing' ? 'the field is missing' : 'the field is not 1–255 visible ASCII characters',
      },
    ],
  });

/** Largest request body the standard requires a receiver to take (Core chapter). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface MockOptions {
  role?: RoleScope;
  /** Chooses each simulated parcel's path (exceptions, timings); the same seed gives the same trajectories. */
  seed?: number;
  /** Virtual seconds per real second (0 freezes time; tests advance it explicitly). Default 1. */
  clockSpeed?: number;
  /** Virtual start time (epoch ms). */
  clockStart?: number;
  /**
   * Faults to commit, as objects: the core knows no fault by name. The catalogue (`faults`, `faultsNamed()` from
   * mocks/faults/) has every named one; startMockServer and createHandlers take names and look them up there.
   */
  faults?: readonly Fault[];
  /**
   * Told every switch the core consults and every operation whose answer a rewrite could change: what the
   * self-test's impact analysis reads (verify/impact.ts). It observes only; nothing the mock does depends on it.
   */
  trace?: FaultTrace;
  store?: Store;
  /** Keys of the parties allowed to call; default: the demo credentials. */
  keyring?: KeyResolver;
  /** keyid → party; default: the demo platform and demo carrier. */
  parties?: Record<string, Omit<Party, 'keyid'>>;
  /** Keys a platform mock trusts for pushes; default: the demo carrier's push keys. */
  pushVerificationKeys?: readonly WebhookVerificationKey[];
  /** Validate every successful response against its schema and throw on a mismatch (for the mock's own tests). */
  selfCheck?: boolean;
  /** Test mode (claim `testMode: true`): test controls such as the `ecdx-test-delay` header are honoured. */
  testMode?: boolean;
}

export { DEMO_CARRIER_CODE };

const demoParties = (): Record<string, Omit<Party, 'keyid'>> => ({
  [demoCredentials.platform.signingKey.keyid]: { role: 'platform', name: 'ECDX Demo Platform' },
  // The HMAC demo keys belong to a second demo party of each role, so that a harness can act as "another
  // platform" (or carrier) and see that data is scoped to the party that created it.
  [demoCredentials.platformHmac.keyid]: { role: 'platform', name: 'ECDX Demo Platform 2' },
  [demoCredentials.carrier.signingKey.keyid]: { role: 'carrier', name: 'ECDX Demo Carrier', carrierCode: DEMO_CARRIER_CODE },
  [demoCredentials.carrierHmac.keyid]: { role: 'carrier', name: 'ECDX Demo Carrier 2', carrierCode: 'ECDXDEMO2' },
});

export interface Mock {
  handle(request: MockRequest): Promise<MockResponse>;
  readonly context: MockContext;
  readonly routes: readonly Route[];
  /** The faults committed now, in the order their rewrites apply. */
  readonly faults: readonly Fault[];
  /** Commit these faults too, from the next request on (as msw's `server.use()` adds handlers). */
  useFaults(...faults: readonly Fault[]): void;
  /** Commit exactly these faults from the next request on; an empty list commits none. */
  replaceFaults(faults: readonly Fault[]): void;
  /** Commit again the faults the mock was created with (as msw's `server.resetHandlers()`). */
  resetFaults(): void;
  /** Stop timers and background work, close the store. */
  close(): Promise<void>;
}

class BackgroundTasks implements Background {
  readonly #pending = new Set<Promise<unknown>>();
  track(task: Promise<unknown>) {
    const settled = task.catch(() => undefined).finally(() => this.#pending.delete(settled));
    this.#pending.add(settled);
  }
  async idle() {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }
}

/**
 * The `accept-replayed-nonce` fault: a replayed nonce passes as fresh. The switch is read only at a replay, where the
 * fault bends the rule, so that the self-test's trace (verify/impact.ts) sees it reached by the checks that replay.
 */
const replayForgiving = (nonces: NonceStore, forgives: () => boolean): NonceStore => ({
  checkAndRecord: (keyid, nonce, expiresAt, now) => {
    const outcome = nonces.checkAndRecord(keyid, nonce, expiresAt, now);
    return outcome.outcome === 'replayed' && forgives() ? { outcome: 'fresh' } : outcome;
  },
});
/** A nonce store that keeps each nonce for a minute only, not until expires + 30 s: the `nonces-forgotten-after-a-minute` fault. */
const minuteNonces = (nonces: NonceStore): NonceStore => ({
  checkAndRecord: (keyid, nonce, expiresAt, now) => nonces.checkAndRecord(keyid, nonce, Math.min(expiresAt, now + 60), now),
});

/** What a traced mock reports (MockOptions.trace). */
export interface FaultTrace {
  switchRead(name: Switch): void;
  /** An answer of this operation (undefined: a request refused before routing) passed where rewrites apply. */
  rewritable(operationId: OperationId | undefined): void;
  /** Handle a request within this (an AsyncLocalStorage context, say), so that what it consults can be told apart. */
  within?<T>(request: MockRequest, handle: () => T): T;
}

export function createMock(options: MockOptions = {}): Mock {
  const role = options.role ?? 'both';
  const active = new ActiveFaults(options.faults ?? []);
  const clock = new Clock({ speed: options.clockSpeed ?? 1, ...(options.clockStart === undefined ? {} : { start: options.clockStart }) });
  const store: Store = options.store ?? new MemoryStore();
  const parties = options.parties ?? demoParties();
  const keyring = options.keyring ?? demoKeyring();
  const pushKeys = options.pushVerificationKeys ?? [demoCredentials.push.v1a.verificationKey, demoCredentials.push.v1];
  const nonces = store.nonces ?? new NonceCache();
  const background = new BackgroundTasks();
  const testMode = options.testMode ?? true;
  const trace = options.trace;
  const fault = (name: Switch): boolean => {
    trace?.switchRead(name);
    return active.isOn(name);
  };
  const rewrite: ActiveFaults['rewrite'] = (operationId, input, response) => {
    trace?.rewritable(operationId);
    return active.rewrite(operationId, input, response);
  };

  const context: MockContext = {
    role,
    seed: options.seed ?? 1,
    clock,
    store,
    fault,
    get faultGeneration() {
      return active.generation;
    },
    self: {
      carrier: { role: 'carrier', name: 'ECDX Reference Mock Carrier', carrierCode: DEMO_CARRIER_CODE },
      platform: { role: 'platform', name: 'ECDX Reference Mock Platform' },
    },
    background,
    services: new Map(),
    testMode,
  };
  const routes = buildRoutes(operationHandlers, role);
  const idempotency = new IdempotencyKeys(store.collection('idempotency-keys'), clock);
  startServices(context);

  /** 401 problems of the request-signature check; undefined when the caller is authenticated. */
  async function authenticate(request: MockRequest, route: Route): Promise<{ caller?: Party; refusal?: MockResponse }> {
    const signable = { method: request.method, url: request.url.href, headers: request.headers, body: request.body };
    const callingKeys = keysCalling(route, keyring, parties);
    const nonceCache = replayForgiving(fault('nonces-forgotten-after-a-minute') ? minuteNonces(nonces) : nonces, () => fault('accept-replayed-nonce'));
    let result = await verifyRequestAsync(signable, { keyring: callingKeys, nonceCache, now: clock.now() });
    // The fault: a created up to 5 minutes ahead passes, as if the skew allowed for created were 300 s, not 30.
    if (!result.ok && result.problem === 'signature-expired' && result.detail.startsWith('created lies') && fault('accept-created-minutes-ahead'))
      result = await verifyRequestAsync(signable, { keyring: callingKeys, nonceCache, now: clock.now(), skewSeconds: 300 });
    if (result.ok) {
      // A production deployment refuses the published demo keys (ECDX-SEC-016); a test deployment uses them.
      if (!testMode && isDemoKeyid(result.keyid)) {
        return { refusal: problemResponse('unknown-key', { detail: `keyid ${result.keyid} is a published demo key, which a production deployment refuses` }) };
      }
      const party = parties[result.keyid];
      if (!party) return { refusal: problemResponse('unknown-key', { detail: `keyid ${result.keyid} belongs to no registered party` }) };
      return { caller: { keyid: result.keyid, ...party } };
    }
    if (result.status === 429) {
      return { refusal: problemResponse('rate-limited', { detail: result.detail }, { 'retry-after': String(result.retryAfterSeconds) }) };
    }
    // Faults that accept what must be refused; each impersonates the demo platform, as a careless server would.
    const accepted =
      (fault('accept-unsigned') && result.problem === 'signature-missing') ||
      (fault('accept-bad-signature') && result.problem === 'signature-invalid' && isVerificationFailure(result.detail)) ||
      (fault('accept-uncovered-components') && result.problem === 'signature-invalid' && isCoverageFailure(result.detail)) ||
      (fault('ignore-content-digest') && result.problem === 'digest-mismatch') ||
      (fault('accept-expired-signature') && result.problem === 'signature-expired') ||
      (fault('accept-unknown-key') && result.problem === 'unknown-key') ||
      (fault('accept-short-nonce') && result.detail.startsWith(SHORT_NONCE)) ||
      (fault('accept-component-parameters') && result.detail.startsWith(COMPONENT_WITH_PARAMETERS)) ||
      (fault('accept-unknown-derived-component') && result.detail.startsWith(UNKNOWN_DERIVED_COMPONENT)) ||
      (fault('digest-unchecked-without-content') && result.problem === 'digest-mismatch' && (request.body?.byteLength ?? 0) === 0);
    if (accepted) {
      const [keyid, party] = Object.entries(parties).find(([, p]) => p.role === 'platform') ?? Object.entries(parties)[0]!;
      return { caller: { keyid, ...party } };
    }
    // A test deployment helps the developer whose signer fails (signature-help.ts); production says only what failed.
    const help = testMode ? signatureHelp(request, signable, result, callingKeys) : undefined;
    const detail =
      result.problem === 'unknown-key'
        ? (callingKeys.refused() ?? result.detail)
        : isVerificationFailure(result.detail)
          ? withOriginHint(request, result.detail)
          : result.detail;
    return { refusal: problemResponse(result.problem, { detail, ...help }) };
  }

  function authenticatePush(request: MockRequest): MockResponse | undefined {
    if (fault('platform-accept-unsigned-push')) return undefined;
    // Besides the demo carrier's keys, the v1 secrets of the subscriptions the reference client holds (test actions).
    const keys = [...pushKeys, ...subscriptionPushKeys(context)];
    const result = verifyWebhook(request.headers, request.body ?? new Uint8Array(), keys, { now: clock.now() });
    return result.ok ? undefined : problemResponse(result.problem, { detail: result.detail });
  }

  /** Schema validation that a fault switches off for one operation, so that exactly one requirement breaks. */
  const validationSkipped: Partial<Record<OperationId, () => boolean>> = {
    createShipment: () => fault('accept-invalid-shipping-data'),
    cancelShipment: () => fault('accept-invalid-cancellation'),
    createSubscription: () => fault('accept-invalid-subscription'),
    receiveTrackingEvents: () => fault('platform-accept-invalid-push-batch'),
  };

  const handle = (request: MockRequest): Promise<MockResponse> =>
    trace?.within ? trace.within(request, () => handleRequest(request)) : handleRequest(request);

  async function handleRequest(request: MockRequest): Promise<MockResponse> {
    // A refusal made before the operation ran; before routing, only the rewrites of every answer ('*') see it.
    const refuseEarly = (response: MockResponse, operationId?: OperationId) =>
      rewrite(operationId, { request, params: {}, query: request.url.searchParams, body: undefined, caller: undefined, mock: context }, response);
    const match = matchRoute(routes, request.method, request.url.pathname);
    if (match.kind === 'not-found') {
      if (fault('unknown-path-needs-signature') && !request.headers['signature']) return refuseEarly(problemResponse('signature-missing'));
      return refuseEarly(problemResponse('not-found', { detail: `ECDX defines no ${request.url.pathname} for this role`, instance: request.url.pathname }));
    }
    if (match.kind === 'method-not-allowed') {
      if (fault('wrong-method-as-not-found')) return refuseEarly(problemResponse('not-found', { instance: request.url.pathname }));
      // HEAD and OPTIONS are methods no ECDX path supports (chapter Core §4); the fault answers OPTIONS as web frameworks do.
      if (request.method === 'OPTIONS' && fault('options-answered-with-allow'))
        return refuseEarly({ status: 204, headers: { allow: match.allowed.join(', ') } });
      return refuseEarly(problemResponse('method-not-allowed', { detail: `allowed: ${match.allowed.join(', ')}` }, { allow: match.allowed.join(', ') }));
    }
    const { route, params } = match;
    const operation = route.operation;
    if (request.oversized && !fault('no-body-size-limit')) {
      return refuseEarly(problemResponse('payload-too-large', { detail: `the body exceeds ${MAX_BODY_BYTES} bytes` }), route.operationId);
    }

    // Authentication comes before anything that reads the request (ECDX-SEC-010); the fault reverses the order.
    const validateFirst = fault('validate-before-authenticate');
    let caller: Party | undefined;
    let body: unknown;
    const authenticateNow = async (): Promise<MockResponse | undefined> => {
      if (!operation.signed && !(route.operationId === 'getConformanceClaim' && fault('conformance-requires-signature'))) return undefined;
      if (route.operationId === 'receiveTrackingEvents') return authenticatePush(request);
      const outcome = await authenticate(request, route);
      caller = outcome.caller;
      if (outcome.refusal && operation.idempotent && fault('idempotency-key-consumed-by-refusal')) {
        // The fault: the refused request's key is stored with its 401, so the corrected retry replays the 401.
        const claimed = /keyid="([^"]*)"/.exec(request.headers['signature-input'] ?? '')?.[1] ?? '-';
        const decision = idempotency.begin(request, claimed);
        if (decision.kind === 'proceed') decision.complete(outcome.refusal);
      }
      return outcome.refusal;
    };
    if (!validateFirst) {
      const refusal = await authenticateNow();
      if (refusal) return finish(refusal);
    }

    if (route.bodySchema) {
      const contentType = request.headers['content-type'] ?? '';
      if (!isJsonMediaType(contentType) && !fault('ignore-content-type')) {
        return finish(problemResponse('unsupported-media-type', { detail: `send application/json in UTF-8, not '${contentType || 'nothing'}'` }));
      }
      const parsed = parseJson(request.body);
      if (!parsed.ok) {
        if (fault('server-error-on-bad-input')) return finish(problemResponse('internal-error'));
        if (fault('malformed-json-as-validation-error')) return finish(validationProblem([{ name: '', reason: parsed.reason }]));
        return finish(problemResponse('malformed-json', { detail: parsed.reason }));
      }
      body = parsed.value;
    }

    const schemaViolations = (): MockResponse | undefined => {
      // A push over 100 events is refused as too large (ECDX-PSH-023) before the schema, which also caps it, says 422.
      if (route.operationId === 'receiveTrackingEvents') {
        const tooLarge = batchSizeRefusal(context, body);
        if (tooLarge) return tooLarge;
      }
      if (!route.bodySchema || validationSkipped[route.operationId]?.()) return undefined;
      let found: ReturnType<typeof violations>;
      try {
        found = fault('union-violation-at-enclosing-value') ? unresolvedViolations(route.bodySchema, body) : violations(route.bodySchema, body);
      } catch {
        // The validator recurses (uniqueItems hashes whole members): thousands of nesting levels exhaust the stack.
        return validationProblem([{ name: '', reason: 'the body is nested too deeply to be validated', in: 'body' }]);
      }
      return found.length > 0 ? validationProblem(found.map((v) => ({ name: v.pointer, reason: v.message, in: 'body' as const }))) : undefined;
    };

    if (validateFirst) {
      const invalid = schemaViolations();
      if (invalid) return finish(invalid);
      if (operation.idempotent && request.headers['idempotency-key'] === undefined) return finish(idempotencyKeyMissing('missing'));
      const refusal = await authenticateNow();
      if (refusal) return finish(refusal);
    }

    // Any other request is processed as if it carried no Idempotency-Key (ECDX-IDM-010); the fault refuses it.
    if (!operation.idempotent && request.headers['idempotency-key'] !== undefined && fault('idempotency-key-refused-when-not-creating')) {
      return finish(problemResponse('bad-request', { detail: 'an Idempotency-Key is sent only on a creating POST' }));
    }
    let idempotencyKey: ReturnType<IdempotencyKeys['begin']> | undefined;
    if (operation.idempotent) {
      const clientKeyid = fault('idempotency-key-global-scope') ? '*' : (caller?.keyid ?? '-');
      idempotencyKey = idempotency.begin(request, clientKeyid);
      switch (idempotencyKey.kind) {
        case 'missing':
        case 'malformed':
          // The fault processes a request without a usable key; one that has a key is still handled as the rules say.
          if (fault('idempotency-key-optional') || (fault('idempotency-key-only-for-notices') && route.operationId !== 'receiveInterruptionNotice')) {
            idempotencyKey = undefined;
            break;
          }
          return finish(idempotencyKeyMissing(idempotencyKey.kind));
        case 'in-flight':
          if (!fault('idempotency-no-in-flight-guard')) return finish(problemResponse('idempotency-request-in-flight'));
          idempotencyKey = undefined;
          break;
        case 'reused':
          if (!fault('idempotency-key-reuse-accepted')) {
            return finish(problemResponse('idempotency-key-reused', { detail: 'this Idempotency-Key was used for a different request' }));
          }
          idempotencyKey = undefined;
          break;
        case 'replay':
          if (!fault('idempotency-replay-creates-again')) {
            return finish({ ...idempotencyKey.response, headers: { ...idempotencyKey.response.headers, 'idempotency-replayed': 'true' } });
          }
          idempotencyKey = undefined;
          break;
        default:
          break;
      }
    }

    if (!validateFirst) {
      const invalid = schemaViolations();
      if (invalid) {
        if (idempotencyKey?.kind === 'proceed') idempotencyKey.complete(invalid);
        return finish(invalid);
      }
    }

    // Test mode: a client may hold its request in flight to observe the idempotency in-flight guard.
    const delay = Number(request.headers['ecdx-test-delay-ms']);
    if (testMode && delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 5_000)));

    const input: OperationInput = { request, params, query: request.url.searchParams, body, caller, mock: context };
    let response: MockResponse;
    try {
      response = await route.handler(input);
    } catch (error) {
      if (idempotencyKey?.kind === 'proceed') idempotencyKey.abandon();
      console.error(`ecdx mock: ${operation.operationId} failed:`, error);
      return finish(problemResponse('internal-error', { detail: 'the mock failed to process this request; this is a bug in the mock' }));
    }
    if (idempotencyKey?.kind === 'proceed') {
      if (response.status >= 500) idempotencyKey.abandon();
      else idempotencyKey.complete(response);
    }
    if (options.selfCheck && active.list.length === 0) selfCheck(route, response);
    return finish(response, input);

    function finish(response: MockResponse, ran?: OperationInput): MockResponse {
      const subject = ran ?? { request, params, query: request.url.searchParams, body, caller, mock: context };
      if (route.operationId === 'createShipment' && caller && response.headers['idempotency-replayed'] !== 'true') {
        // Every shipping-data record a counterparty got past authentication counts as received (statistics).
        const at = clock.now();
        if (response.status === 201) recordActivity(context, { kind: 'shipment-accepted', at, counterparty: caller.keyid });
        else if (response.status >= 400 && response.status !== 401 && response.status !== 429) {
          const slug =
            String((response.body as { type?: string } | undefined)?.type ?? '')
              .split('/')
              .pop() || 'unknown';
          recordActivity(context, { kind: 'shipment-rejected', at, counterparty: caller.keyid, reason: slug });
        }
      }
      return rewrite(route.operationId, subject, response);
    }
  }

  return {
    handle,
    context,
    routes,
    get faults() {
      return active.list;
    },
    useFaults: (...faults) => active.use(faults),
    replaceFaults: (faults) => active.replace(faults),
    resetFaults: () => active.reset(),
    async close() {
      clock.stop();
      await background.idle();
      store.close();
    },
  };
}

function selfCheck(route: Route, response: MockResponse): void {
  const success = route.operation.success;
  if (response.status !== success.status || !success.schema || isProblem(response)) return;
  const found = violations(schemaByName(success.schema), response.body);
  if (found.length > 0) {
    throw new Error(
      `mock self-check: ${route.operation.operationId} answered a body that is not a valid ${success.schema}: ${JSON.stringify(found.slice(0, 5))}`,
    );
  }
}
