// The reference client's conversation with one counterparty for one test action: every request signed with the
// mock's own key of the role it plays, at the mock's clock (ECDX-SEC-001), a fresh random Idempotency-Key on every
// creating POST (ECDX-IDM-001, ECDX-IDM-009) that its retries keep (ECDX-IDM-011), and a count of what it sent,
// which the action's outcome reports.
import { randomUUID } from 'node:crypto';
import { demoCredentials, signRequest } from '../../../protocol/index.ts';
import type { ConformanceClaim, PartyRole } from '../../../schemas/src/index.ts';
import type { MockContext } from '../types.ts';
import { exchange, type Exchange, type OutgoingRequest } from './http.ts';
import { describe, withRetries } from './retry.ts';

/** The action could not be completed: the counterparty refused or could not be reached. The outcome is FAILED. */
export class ActionFailed extends Error {}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Per mock, the key of the creating request sent last (for `client-idempotency-key-reused`) and a counter. */
const keyHistory = new WeakMap<MockContext, { last?: string; count: number }>();

/** The Idempotency-Key of a new creating request, or none; `label` names what it creates (an order id …). */
function newIdempotencyKey(mock: MockContext, label: string): string | undefined {
  if (mock.fault('client-idempotency-key-missing')) return undefined;
  const history = keyHistory.get(mock) ?? { count: 0 };
  keyHistory.set(mock, history);
  history.count += 1;
  if (history.last !== undefined && mock.fault('client-idempotency-key-reused')) return history.last;
  // The predictable key is unique, so that only its randomness (ECDX-IDM-009), not its reuse, is wrong.
  history.last = mock.fault('client-idempotency-key-predictable') ? `${label}-${history.count}` : randomUUID();
  return history.last;
}

const counterpart = (role: PartyRole): PartyRole => (role === 'carrier' ? 'platform' : 'carrier');

export class ClientSession {
  /** Requests sent to the counterparty so far, retries included. */
  requests = 0;
  readonly #base: string;
  #role: PartyRole | undefined;
  #claim: ConformanceClaim | undefined;

  /** `role`: the role the mock plays towards the counterparty; absent, the mock's own, or for `both` the counterpart of the claim's. */
  constructor(
    readonly mock: MockContext,
    counterparty: string,
    role?: PartyRole,
  ) {
    this.#base = counterparty.replace(/\/+$/, '');
    this.#role = role ?? (mock.role === 'both' ? undefined : mock.role);
  }

  /** The counterparty's conformance claim (unsigned, as every party serves it), read once. */
  async claim(): Promise<ConformanceClaim> {
    if (this.#claim) return this.#claim;
    const answer = await this.#send({ method: 'GET', path: '/v1/conformance', signed: false });
    const claim = expectStatus(answer, 200, 'GET /v1/conformance') as Partial<ConformanceClaim> | undefined;
    if (claim?.role !== 'carrier' && claim?.role !== 'platform') throw new ActionFailed('GET /v1/conformance answered no claim of a role');
    this.#claim = claim as ConformanceClaim;
    return this.#claim;
  }

  /** The role the mock plays: a mock of both roles plays the counterpart of the counterparty's claim. */
  async role(): Promise<PartyRole> {
    this.#role ??= counterpart((await this.claim()).role);
    return this.#role;
  }

  get(path: string): Promise<Answer> {
    return this.#send({ method: 'GET', path, signed: true });
  }

  /** A creating POST: a new Idempotency-Key, kept with the body for every retry. */
  create(path: string, body: unknown, label: string): Promise<Answer> {
    const key = newIdempotencyKey(this.mock, label);
    return this.#send({ method: 'POST', path, signed: true, body: JSON.stringify(body), idempotencyKey: key });
  }

  async #send(what: { method: 'GET' | 'POST'; path: string; signed: boolean; body?: string; idempotencyKey?: string | undefined }): Promise<Answer> {
    const url = `${this.#base}${what.path}`;
    const { last, gaveUp } = await withRetries(this.mock, (n) => {
      const key = n > 0 && what.idempotencyKey !== undefined && this.mock.fault('client-retry-with-new-key') ? randomUUID() : what.idempotencyKey;
      return this.#attempt(
        { method: what.method, url, headers: headersOf(what.body, key), ...(what.body === undefined ? {} : { body: what.body }) },
        what.signed,
      );
    });
    if (gaveUp) throw new ActionFailed(`${what.method} ${what.path}: ${gaveUp}`);
    if (last.kind === 'no-answer') throw new ActionFailed(`${what.method} ${what.path}: ${last.reason}`);
    return { status: last.status, headers: last.headers, body: last.body };
  }

  async #attempt(outgoing: OutgoingRequest, signed: boolean): Promise<Exchange> {
    const key = signed ? demoCredentials[await this.role()].signingKey : undefined;
    this.requests += 1;
    if (!key || this.mock.fault('client-requests-unsigned')) return exchange(outgoing);
    const signature = signRequest(
      { method: outgoing.method, url: outgoing.url, headers: outgoing.headers, body: outgoing.body },
      { key, now: this.mock.clock.now() },
    );
    return exchange({ ...outgoing, headers: { ...outgoing.headers, ...signature } });
  }
}

function headersOf(body: string | undefined, idempotencyKey: string | undefined): Record<string, string> {
  return {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
  };
}

/** The answer's body when its status is the one expected; otherwise the action fails, saying what came. */
export function expectStatus(answer: Answer, status: number, what: string): unknown {
  if (answer.status === status) return answer.body;
  const problem = answer.body as { type?: unknown; detail?: unknown } | undefined;
  const said = typeof problem?.detail === 'string' ? `: ${problem.detail}` : typeof problem?.type === 'string' ? `: ${problem.type}` : '';
  throw new ActionFailed(`${what} ${describe({ kind: 'answered', ...answer })}${said}`.slice(0, 1000));
}
