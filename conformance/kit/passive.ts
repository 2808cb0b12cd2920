// The client duties judged passively (`ecdx serve`, decision 0052): from the requests a client sent the root session
// of the judging counterparty, whoever drove it, one result per duty. The judges are the client checks' own
// (client-duties.ts), so that a client judged by hand and through the test actions reads the same. A duty passes
// only on positive evidence — requests of the kind it judges, with no finding — and one of whose kind no request
// came is `skipped`, never passed.
import { english, joinTexts, messageMembers, verbatim, type Text } from '../i18n/text.ts';
import type { PartyRole } from '../../schemas/src/index.ts';
import { problemTypeUri } from '../../schemas/src/problems.ts';
import { requirementById } from '../../spec/registry.ts';
import { classOf, roleOf } from '../harness/check.ts';
import type { Finding } from '../harness/context.ts';
import type { ClientRequest } from '../harness/counterparty/server.ts';
import type { CheckResult, Evidence, Exchange } from '../harness/report.ts';
import {
  cursorFindings,
  idempotencyKeyFindings,
  incidentFindings,
  isCreating,
  keyRandomnessFindings,
  noticeFindings,
  retryAfterFindings,
  retryFindings,
  shippingDataFindings,
  signatureFindings,
} from './client-duties.ts';
import { M } from './messages.ts';
import { W } from '../i18n/words.ts';

/** What a duty judged: how many requests of its kind (0: none came), the requests it read, and what is wrong. */
interface Judgement {
  observed: number;
  read: readonly ClientRequest[];
  findings: Finding[];
}

interface Duty {
  id: string;
  requirementIds: string[];
  title: string;
  /** The role the harness plays for which the client can owe this duty. */
  playedBy: readonly PartyRole[];
  /** "the client sent no …": what would have shown the duty. */
  evidenceOf: Text;
  /** "… held": what a pass shows, given the number observed. */
  held: (observed: number) => Text;
  judge(requests: readonly ClientRequest[], clientTime: (request: ClientRequest) => number): Judgement;
}

const IN_FLIGHT = problemTypeUri('idempotency-request-in-flight');

/** Whether the answer asks the client to send the same request again (ECDX-IDM-011): 429, 503, 409 in flight. */
function retryDue(request: ClientRequest): boolean {
  const { status, body } = request.answer;
  if (status === 429 || status === 503) return true;
  if (status !== 409) return false;
  try {
    return (JSON.parse(body) as { type?: unknown }).type === IN_FLIGHT;
  } catch {
    return false;
  }
}

/**
 * Each creating request answered so that a retry was due, with the request the client sent again: the next one to
 * the same operation and path that carries its key or its body. A client may give up and send something new
 * instead; that is no retry, and judging it as one would fail a client that did nothing wrong.
 */
export function retriesOf(requests: readonly ClientRequest[]): [answered: ClientRequest, retry: ClientRequest][] {
  const pairs: [ClientRequest, ClientRequest][] = [];
  for (const [i, answered] of requests.entries()) {
    if (!isCreating(answered) || !retryDue(answered)) continue;
    const retry = requests.slice(i + 1).find((r) => r.operationId === answered.operationId && r.path === answered.path);
    if (!retry) continue;
    const sameKey = retry.headers['idempotency-key'] !== undefined && retry.headers['idempotency-key'] === answered.headers['idempotency-key'];
    if (sameKey || retry.body.equals(answered.body)) pairs.push([answered, retry]);
  }
  return pairs;
}

const delaySeconds = (request: ClientRequest) => /^\d{1,10}$/.test(request.answer.headers['retry-after']?.trim() ?? '');

/** The same finding of the same request sent twice (a notice retried after a 503) is one finding. */
const distinct = (findings: Finding[]): Finding[] => [...new Map(findings.map((f) => [`${f.requirementId} ${f.pointer} ${english(f.message)}`, f])).values()];

const of = (requests: readonly ClientRequest[], operationId: string) => requests.filter((r) => r.operationId === operationId);

const DUTIES: readonly Duty[] = [
  {
    id: 'serve/requests-signed',
    requirementIds: ['ECDX-SEC-001'],
    title: 'Every request the client sent but discovery carries a valid ecdx signature with its registered key',
    playedBy: ['carrier', 'platform'],
    evidenceOf: M.evidenceSigned(),
    held: (n) => M.heldSigned({ n }),
    judge(requests) {
      const signed = requests.filter((r) => r.signature.kind !== 'unsigned-operation');
      return { observed: signed.length, read: signed, findings: signatureFindings(signed) };
    },
  },
  {
    id: 'serve/creating-requests-keyed',
    requirementIds: ['ECDX-IDM-001'],
    title: 'Every creating request carries an Idempotency-Key, a new one for each new request',
    playedBy: ['carrier', 'platform'],
    evidenceOf: M.evidenceCreating(),
    held: (n) => M.heldKeyed({ n }),
    judge(requests) {
      const creating = requests.filter(isCreating);
      return { observed: creating.length, read: creating, findings: idempotencyKeyFindings(requests) };
    },
  },
  {
    id: 'serve/idempotency-keys-random',
    requirementIds: ['ECDX-IDM-009'],
    title: 'Idempotency-Keys look random: room for 128 bits, no counter, nothing of the request in them',
    playedBy: ['carrier', 'platform'],
    evidenceOf: M.evidenceKeyed(),
    held: (n) => M.heldRandom({ n }),
    judge(requests) {
      const keyed = requests.filter((r) => isCreating(r) && r.headers['idempotency-key'] !== undefined);
      return { observed: keyed.length, read: keyed, findings: keyRandomnessFindings(requests) };
    },
  },
  {
    id: 'serve/retry-keeps-key',
    requirementIds: ['ECDX-IDM-011'],
    title: 'A creating request sent again after 409 idempotency-request-in-flight, 429 or 503 carries the same key and body',
    playedBy: ['carrier', 'platform'],
    evidenceOf: M.evidenceRetry(),
    held: (n) => M.heldRetry({ n }),
    judge(requests) {
      const pairs = retriesOf(requests);
      return { observed: pairs.length, read: pairs.flat(), findings: pairs.flatMap(([answered, retry]) => retryFindings(answered, retry)) };
    },
  },
  {
    id: 'serve/retry-after-honoured',
    requirementIds: ['ECDX-ERR-013'],
    title: 'A client answered 429 or 503 with Retry-After waits that long before sending the request again',
    playedBy: ['carrier', 'platform'],
    evidenceOf: M.evidenceRetryAfter(),
    held: (n) => M.heldRetryAfter({ n }),
    judge(requests) {
      const pairs = retriesOf(requests).filter(([answered]) => delaySeconds(answered));
      return { observed: pairs.length, read: pairs.flat(), findings: pairs.flatMap(([answered, retry]) => retryAfterFindings(answered, retry)) };
    },
  },
  {
    id: 'serve/trajectory-read-to-the-end',
    requirementIds: ['ECDX-TRK-021'],
    title: 'A platform reading a trajectory follows nextCursor until a page carries none',
    playedBy: ['carrier'],
    evidenceOf: M.evidenceCursor(),
    held: (n) => M.heldCursor({ n }),
    judge(requests) {
      const pages = of(requests, 'listTrackingEvents').filter((r) => r.answer.status === 200);
      const withCursor = pages.filter((p) => (JSON.parse(p.answer.body || '{}') as { nextCursor?: unknown }).nextCursor !== undefined);
      const waybills = new Set(pages.map((p) => p.params.waybillNo));
      return {
        observed: withCursor.length,
        read: pages,
        findings: [...waybills].flatMap((w) => cursorFindings(pages.filter((p) => p.params.waybillNo === w))),
      };
    },
  },
  {
    id: 'serve/shipping-data-minimal',
    requirementIds: ['ECDX-PRV-011'],
    title: 'The shipping data a platform sends carries nothing ShipmentRequest does not define and no identity number',
    playedBy: ['carrier'],
    evidenceOf: M.evidenceShippingData(),
    held: (n) => M.heldShippingData({ n }),
    judge(requests) {
      const sent = of(requests, 'createShipment');
      return { observed: sent.length, read: sent, findings: distinct(sent.flatMap(shippingDataFindings)) };
    },
  },
  {
    id: 'serve/notices-timely',
    requirementIds: ['ECDX-NTC-002'],
    title: 'A notice of an interruption gives the lead time and severity its reason needs',
    playedBy: ['carrier', 'platform'],
    evidenceOf: M.evidenceNotice(),
    held: (n) => M.heldNotice({ n }),
    judge(requests, clientTime) {
      const sent = of(requests, 'receiveInterruptionNotice');
      return { observed: sent.length, read: sent, findings: distinct(sent.flatMap((r) => noticeFindings(r, clientTime(r)))) };
    },
  },
  {
    id: 'serve/incidents-timely',
    requirementIds: ['ECDX-INC-002'],
    title: 'An incident notification is valid and comes within 24 hours of detection',
    playedBy: ['carrier', 'platform'],
    evidenceOf: M.evidenceIncident(),
    held: (n) => M.heldIncident({ n }),
    judge(requests, clientTime) {
      const sent = of(requests, 'receiveSecurityIncident');
      return { observed: sent.length, read: sent, findings: distinct(sent.flatMap((r) => incidentFindings(r, clientTime(r)))) };
    },
  },
];

/** The ids of the duties judged when the harness plays `role`, in report order. */
export const passiveDutyIds = (role: PartyRole): string[] => DUTIES.filter((d) => d.playedBy.includes(role)).map((d) => d.id);

const levelOf = (ids: readonly string[]): 'MUST' | 'SHOULD' => (ids.some((id) => requirementById(id)?.level.startsWith('MUST')) ? 'MUST' : 'SHOULD');

/** How many findings a result's message names before it counts the rest. */
const NAMED_FINDINGS = 3;
/** The exchanges a result shows of the requests it read; the rest are counted (omittedEvidence). */
const SHOWN_EXCHANGES = 20;

export interface PassiveOptions {
  /** The client's clock at a request's arrival (epoch ms), by which lead times are judged; its arrival by default. */
  clientTime?: (request: ClientRequest) => number;
  /** The request as evidence (redacted, as the counterparty recorded it), when it was recorded. */
  exchangeOf?: (request: ClientRequest) => Exchange | undefined;
}

/** The exchanges of the requests a duty read, in order of arrival, the first SHOWN_EXCHANGES of them. */
function exchangesOf(read: readonly ClientRequest[], exchangeOf: PassiveOptions['exchangeOf']): { shown: Exchange[]; omitted: number } {
  if (!exchangeOf) return { shown: [], omitted: 0 };
  const distinctRequests = [...new Map(read.map((r) => [r.seq, r])).values()].sort((a, b) => a.seq - b.seq);
  const exchanges = distinctRequests.map(exchangeOf).filter((e): e is Exchange => e !== undefined);
  return { shown: exchanges.slice(0, SHOWN_EXCHANGES), omitted: Math.max(0, exchanges.length - SHOWN_EXCHANGES) };
}

function resultOf(duty: Duty, judgement: Judgement, exchangeOf: PassiveOptions['exchangeOf']): CheckResult {
  const level = levelOf(duty.requirementIds);
  const base = {
    checkId: duty.id,
    requirementIds: duty.requirementIds,
    class: classOf(duty.requirementIds) ?? 'client',
    role: roleOf(duty.requirementIds) ?? 'both',
    level,
    title: duty.title,
    durationMs: 0,
  };
  if (judgement.observed === 0) return { ...base, status: 'skipped', ...messageMembers(M.notObserved({ evidence: duty.evidenceOf })), evidence: [] };
  const { findings } = judgement;
  const { shown, omitted } = exchangesOf(judgement.read, exchangeOf);
  const seen = { ...base, ...(omitted > 0 ? { omittedEvidence: omitted } : {}) };
  if (findings.length === 0) {
    const held = duty.held(judgement.observed);
    return {
      ...seen,
      status: 'passed',
      ...messageMembers(held),
      evidence: [...shown, { kind: 'assertion', passed: true, ...messageMembers(held), requirementId: duty.requirementIds[0] }],
    };
  }
  const failures: Evidence[] = findings.map((f) => ({
    kind: 'assertion',
    passed: false,
    ...messageMembers(f.message),
    requirementId: f.requirementId ?? duty.requirementIds[0]!,
    ...(f.pointer === undefined ? {} : { pointer: f.pointer }),
  }));
  const more = findings.length - NAMED_FINDINGS;
  const named = joinTexts(
    findings.slice(0, NAMED_FINDINGS).map((f) => f.message),
    W.semicolon(),
  );
  return {
    ...seen,
    status: level === 'MUST' ? 'failed' : 'warning',
    ...messageMembers(more > 0 ? joinTexts([named, M.andMore({ n: more })], verbatim('')) : named),
    failedRequirementIds: [...new Set(findings.map((f) => f.requirementId ?? duty.requirementIds[0]!))],
    evidence: [...shown, ...failures],
  };
}

/** One result per client duty that applies when the harness plays `role`, judged on `requests` (in order of arrival). */
export function judgePassively(role: PartyRole, requests: readonly ClientRequest[], options: PassiveOptions = {}): CheckResult[] {
  const clientTime = options.clientTime ?? ((request: ClientRequest) => request.receivedAt);
  return DUTIES.filter((duty) => duty.playedBy.includes(role)).map((duty) => resultOf(duty, duty.judge(requests, clientTime), options.exchangeOf));
}
