// Interruption notices (chapter Interruption notices, ECDX-NTC-*). The mock is the recipient of every notice posted
// to it and holds that copy: the caller is the issuer, so what it posts as responses are the issuer's. It is also
// the issuer of the notices its reference client sends (mocks/core/client/notices.ts) and holds the issuer's copy of
// each, which the recipient reads and answers here (ECDX-NTC-018). Every rule
// (lead time, severity, disclosure, the negotiation state machine, the obligations) comes from
// schemas/notice-rules.ts, which the conformance harness shares; nothing here restates them.
import {
  checkNewNotice,
  nextNegotiationState,
  obligations,
  pendingProposer,
  postedResponseProblem,
  type NoticeProblem,
} from '../../../schemas/notice-rules.ts';
import type { InterruptionNotice, InterruptionNoticeRequest, NoticeObligations, NoticeResponse } from '../../../schemas/src/index.ts';
import type { ProblemSlug } from '../../../schemas/src/problems.ts';
import { json, problemResponse, validationProblem } from '../respond.ts';
import type { Collection } from '../store.ts';
import type { MockContext, MockResponse, OperationHandler, OperationInput, Party } from '../types.ts';
import { timestampAt } from './discovery.ts';
import { canonicalJson } from '../../../protocol/json.ts';

/** A copy of a notice the mock holds, with the keyid of the client that issued it (the only one who may see it). */
interface HeldNotice {
  owner: string;
  notice: InterruptionNotice;
}

/** The most responses a copy holds (InterruptionNotice caps negotiation.responses). */
const MAX_RESPONSES = 500;

const held = (mock: MockContext): Collection<HeldNotice> => mock.store.collection<HeldNotice>('notices');
// ObjectIds never contain '|', so the key cannot be forged by a cleverly chosen noticeId.
const keyOf = (owner: string, noticeId: string) => `${owner}|${noticeId}`;
const ownerOf = (caller: Party | undefined): string => caller?.keyid ?? '-';
const locationOf = (noticeId: string) => `/v1/interruption-notices/${encodeURIComponent(noticeId)}`;

/** The notice as its issuer posted it: the held copy without what the holder added. */
function asPosted(notice: InterruptionNotice): InterruptionNoticeRequest {
  const { negotiation: _negotiation, receivedAt: _receivedAt, ...posted } = notice;
  return posted;
}

const created = (notice: InterruptionNotice): MockResponse => json(201, notice, { location: locationOf(notice.noticeId) });

/** The first problem decides the type; every one is listed, as the chapter asks (§8). */
function refusal(problems: readonly NoticeProblem[]): MockResponse {
  const first = problems[0]!;
  const invalidParams = problems.map((p) => ({ name: p.pointer, in: 'body' as const, reason: p.detail }));
  return problemResponse(first.problemSlug, { detail: first.detail, invalidParams });
}

/**
 * Whether the signer may hand this notice to this mock: it must be the issuer (same role, same carrier code), and
 * the recipient a party the mock plays. A notice whose two parties share a role is left to checkNewNotice, which
 * refuses it as ECDX-NTC-007 demands.
 */
function addressingProblem(mock: MockContext, caller: Party | undefined, notice: InterruptionNoticeRequest): string | undefined {
  const { issuer, recipient } = notice;
  if (caller) {
    if (issuer.role !== caller.role) return `the notice names a ${issuer.role} as issuer, but a ${caller.role} signed it`;
    if (issuer.role === 'carrier' && caller.carrierCode && issuer.carrierCode !== caller.carrierCode) {
      return "the issuer's carrier code is not the signer's";
    }
  }
  if (issuer.role === recipient.role) return undefined;
  if (mock.role !== 'both' && recipient.role !== mock.role) return `this party does not act as a ${recipient.role}`;
  const self = mock.self[recipient.role];
  if (recipient.role === 'carrier' && recipient.carrierCode !== self.carrierCode) return 'the notice is addressed to another carrier';
  return undefined;
}

/** The duties not yet recorded as met: what the fault notice-duty-cleared-when-met publishes instead of the duties. */
function outstanding(duties: NoticeObligations, responses: readonly NoticeResponse[]): NoticeObligations {
  const met = (type: NoticeResponse['type']) => responses.some((r) => r.type === type);
  const { publicDisclosureDueBy, authorityReportDueBy, ...flags } = duties;
  const disclosed = met('DISCLOSED');
  const reported = met('AUTHORITY_REPORTED');
  return {
    ...flags,
    publicDisclosureRequired: duties.publicDisclosureRequired && !disclosed,
    ...(publicDisclosureDueBy && !disclosed ? { publicDisclosureDueBy } : {}),
    authorityReportRequired: duties.authorityReportRequired && !reported,
    ...(authorityReportDueBy && !reported ? { authorityReportDueBy } : {}),
  };
}

/** Rule checks a fault switches off, each for exactly one requirement. */
const UNCHECKED_BY_FAULT: Partial<Record<ProblemSlug, (mock: MockContext) => boolean>> = {
  'notice-lead-time-too-short': (mock) => mock.fault('notice-lead-time-not-checked'),
  'notice-severity-understated': (mock) => mock.fault('notice-severity-not-checked'),
  'notice-disclosure-missing': (mock) => mock.fault('notice-disclosure-not-checked'),
  'notice-issued-at-invalid': (mock) => mock.fault('notice-issued-at-not-checked'),
};

function receiveInterruptionNotice({ mock, caller, body }: OperationInput): MockResponse {
  const posted = body as InterruptionNoticeRequest;
  const owner = ownerOf(caller);
  const notices = held(mock);
  // A notice already held is looked for before the notice's own rules, so that a late resend is not judged by an
  // issuedAt that was plausible when it was first sent (ECDX-NTC-019).
  if (mock.fault('notice-resend-judged-by-issued-at')) {
    const late = checkNewNotice(posted, mock.clock.date()).filter((p) => p.problemSlug === 'notice-issued-at-invalid');
    if (late.length > 0) return refusal(late);
  }
  const existing = notices.get(keyOf(owner, posted.noticeId));
  if (existing) {
    // The same notice again under a new Idempotency-Key is no conflict: the answer is the copy (ECDX-NTC-014).
    if (canonicalJson(asPosted(existing.notice)) === canonicalJson(posted)) return created(existing.notice);
    if (!mock.fault('notice-duplicate-overwritten')) {
      return problemResponse('notice-already-exists', { detail: 'a different notice with this noticeId from this issuer is already held' });
    }
  }
  const misaddressed = addressingProblem(mock, caller, posted);
  if (misaddressed && !mock.fault('notice-misaddressed-accepted')) return problemResponse('forbidden', { detail: misaddressed });

  const problems = checkNewNotice(posted, mock.clock.date()).filter((p) => !UNCHECKED_BY_FAULT[p.problemSlug]?.(mock));
  if (problems.length > 0) return refusal(problems);

  const notice: InterruptionNotice = {
    ...posted,
    negotiation: { state: 'ISSUED', responses: [], obligations: obligations(posted, 'ISSUED') },
    receivedAt: timestampAt(mock.clock.now()),
  };
  notices.put(keyOf(owner, posted.noticeId), { owner, notice });
  return created(notice);
}

/** The copy the caller may see: only the notices it issued (ECDX-NTC-010). */
function find(mock: MockContext, caller: Party | undefined, noticeId: string): HeldNotice | undefined {
  const own = held(mock).get(keyOf(ownerOf(caller), noticeId));
  if (own || !mock.fault('notice-readable-by-any-party')) return own;
  return held(mock)
    .values()
    .find((h) => h.notice.noticeId === noticeId);
}

// The same answer whether the notice does not exist or belongs to another party, so neither can be told apart.
const notFound = () => problemResponse('notice-not-found', { detail: 'no interruption notice with this identifier is held for you' });

function getInterruptionNotice({ mock, caller, params }: OperationInput): MockResponse {
  const copy = find(mock, caller, params['noticeId'] ?? '');
  if (copy) return json(200, copy.notice);
  const issued = issuedCopyFor(mock, caller, params['noticeId'] ?? '');
  return issued ? json(200, issued) : notFound();
}

// ---------------------------------------------------------------------------------------------------------
// The issuer's copies: notices the mock's reference client sent, held until the recipient answers them.

const issuedNotices = (mock: MockContext): Collection<InterruptionNotice> => mock.store.collection<InterruptionNotice>('issued-notices');

/** Hold the issuer's copy of a notice the mock sent (ECDX-NTC-018). */
export function holdIssuedNotice(mock: MockContext, notice: InterruptionNotice): void {
  issuedNotices(mock).put(notice.noticeId, notice);
}

/**
 * The issuer's copy, for its recipient only. The recipient is known by its role: the harness that received the
 * notice signs with whichever key its operator registered, and a party of the issuer's own role never sees it.
 */
function issuedCopyFor(mock: MockContext, caller: Party | undefined, noticeId: string): InterruptionNotice | undefined {
  const notice = issuedNotices(mock).get(noticeId);
  return notice && caller?.role === notice.recipient.role ? notice : undefined;
}

/** The copy with `response` recorded, or the problem that refuses it: the state machine of schemas/notice-rules.ts. */
function withResponse(notice: InterruptionNotice, response: NoticeResponse): InterruptionNotice | NoticeProblem {
  const { state, responses } = notice.negotiation;
  const transition = nextNegotiationState(state, response, pendingProposer(responses));
  if ('problemSlug' in transition) return { problemSlug: transition.problemSlug, pointer: POINTER_OF[transition.problemSlug] ?? '', detail: transition.detail };
  const recorded = [...responses, response];
  return { ...notice, negotiation: { state: transition.state, responses: recorded, obligations: obligations(notice, transition.state, recorded) } };
}

const isProblemOf = (outcome: InterruptionNotice | NoticeProblem): outcome is NoticeProblem => 'problemSlug' in outcome;

/** The recipient's response posted to the issuer's copy: recorded as the rules say, refused otherwise. */
function respondToIssuedNotice(mock: MockContext, notice: InterruptionNotice, response: NoticeResponse): MockResponse {
  const earlier = notice.negotiation.responses.find((r) => r.responseId === response.responseId);
  if (earlier) {
    if (canonicalJson(earlier) === canonicalJson(response)) return created(notice);
    return validationProblem([{ name: '/responseId', in: 'body', reason: 'another response with this responseId is already recorded for this notice' }]);
  }
  const fromOwnSide = postedResponseProblem('ISSUER', response);
  if (notice.negotiation.state !== 'WITHDRAWN' && fromOwnSide) return refusal([fromOwnSide]);
  if (notice.negotiation.responses.length >= MAX_RESPONSES) {
    return problemResponse('notice-state-conflict', { detail: `the notice holds the most responses a copy keeps (${MAX_RESPONSES})` });
  }
  const updated = withResponse(notice, response);
  if (isProblemOf(updated)) return updated.pointer ? refusal([updated]) : problemResponse(updated.problemSlug, { detail: updated.detail });
  holdIssuedNotice(mock, updated);
  return json(201, updated);
}

/**
 * Record the mock's own response in the copy it holds as recipient, after posting it to the issuer's (ECDX-NTC-018):
 * undefined when recorded, else why the copy's state refuses it.
 */
export function recordOwnResponse(mock: MockContext, noticeId: string, issuerRole: Party['role'], response: NoticeResponse): string | undefined {
  const copy = held(mock)
    .values()
    .find((h) => h.notice.noticeId === noticeId && h.notice.issuer.role === issuerRole);
  if (!copy) return `no notice ${noticeId} is held`;
  const updated = withResponse(copy.notice, response);
  if (isProblemOf(updated)) return updated.detail;
  held(mock).put(keyOf(copy.owner, noticeId), { ...copy, notice: updated });
  return undefined;
}

const POINTER_OF: Partial<Record<ProblemSlug, string>> = {
  'validation-failed': '/proposal/plannedEnd',
  'notice-response-not-allowed': '/type',
};

function respondToInterruptionNotice({ mock, caller, params, body }: OperationInput): MockResponse {
  const key = keyOf(ownerOf(caller), params['noticeId'] ?? '');
  const copy = held(mock).get(key);
  const response = body as NoticeResponse;
  if (!copy) {
    const issued = issuedCopyFor(mock, caller, params['noticeId'] ?? '');
    return issued ? respondToIssuedNotice(mock, issued, response) : notFound();
  }
  const { notice } = copy;
  const { state, responses } = notice.negotiation;

  const earlier = responses.find((r) => r.responseId === response.responseId);
  if (earlier) {
    // A response sent again under a new Idempotency-Key is recorded once; a different one needs its own id.
    if (canonicalJson(earlier) === canonicalJson(response)) return created(notice);
    return validationProblem([{ name: '/responseId', in: 'body', reason: 'another response with this responseId is already recorded for this notice' }]);
  }

  // The mock holds the recipient's copy: what arrives over the wire must be the issuer's (ECDX-NTC-013). A
  // withdrawn notice refuses everything with 409 first, as nextNegotiationState decides (ECDX-NTC-012).
  const fromOwnSide = postedResponseProblem('RECIPIENT', response);
  if (state !== 'WITHDRAWN' && fromOwnSide && !mock.fault('notice-own-side-response-accepted')) return refusal([fromOwnSide]);

  const transition = nextNegotiationState(state, response, pendingProposer(responses));
  let next = state;
  if ('problemSlug' in transition) {
    if (!(state === 'WITHDRAWN' && mock.fault('notice-response-after-withdrawal-accepted'))) {
      const pointer = POINTER_OF[transition.problemSlug];
      return pointer
        ? refusal([{ problemSlug: transition.problemSlug, pointer, detail: transition.detail }])
        : problemResponse(transition.problemSlug, { detail: transition.detail });
    }
  } else {
    next = transition.state;
  }
  if (responses.length >= MAX_RESPONSES) {
    return problemResponse('notice-state-conflict', { detail: `the notice holds the most responses a copy keeps (${MAX_RESPONSES})` });
  }

  const duties = obligations(notice, next, [...responses, response]);
  const updated: InterruptionNotice = {
    ...notice,
    negotiation: {
      state: next,
      responses: [...responses, response],
      obligations: mock.fault('notice-duty-cleared-when-met') ? outstanding(duties, [...responses, response]) : duties,
    },
  };
  held(mock).put(key, { ...copy, notice: updated });
  return json(201, mock.fault('notice-response-answers-old-state') ? notice : updated);
}

export const handlers = {
  receiveInterruptionNotice,
  getInterruptionNotice,
  respondToInterruptionNotice,
} satisfies Record<string, OperationHandler>;
