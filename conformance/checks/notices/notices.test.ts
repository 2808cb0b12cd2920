// Notice checks against a scripted holder of notices (after Redocly's rule tests): it keeps copies as the Interruption
// notices chapter says, by the rules of schemas/notice-rules.ts, unless a test makes it wrong in one way; each check
// runs once against the right holder and once against the wrong one, with the status and message a vendor would read.
import { describe, expect, it } from 'vitest';
import {
  checkNewNotice,
  minimumLeadTimeSeconds,
  nextNegotiationState,
  obligations,
  pendingProposer,
  postedResponseProblem,
} from '../../../schemas/notice-rules.ts';
import type { InterruptionNotice, InterruptionNoticeRequest, NoticeResponse } from '../../../schemas/src/index.ts';
import type { CheckResult } from '../../harness/report.ts';
import { runScripted, scriptedClaim, scriptedProblem, type Script, type ScriptedRequest } from '../../harness/scripted-target.ts';
import { noticeChecks } from './index.ts';

const check = (id: string) => noticeChecks.find((c) => c.id === id)!;
const outcome = ({ status, message }: CheckResult) => ({ status, message: message.replace(/ecdx-conf-ntc-[0-9a-f]{12}/g, 'ecdx-conf-ntc-…') });

/** How the scripted holder goes wrong, if at all. */
interface Faults {
  /** It refuses a lead time of exactly the minimum (it wants more than the minimum). */
  leadTimeExclusive?: boolean;
  /** Its GET answers the copy without the responses recorded. */
  forgetsResponses?: boolean;
  /** It writes the copy's timestamps in UTC: no fault (an instant is the same whatever its offset). */
  utc?: boolean;
  /** It holds a notice addressed to another carrier. */
  acceptsMisaddressed?: boolean;
}

/** The carrier code of the scripted claim: the carrier the notices are addressed to. */
const SCRIPTED_CARRIER = scriptedClaim('carrier').party.carrierCode;

/** The client a request comes from, by the keyid of its signature: a copy is shown only to its issuer. */
const clientOf = (request: ScriptedRequest): string => /keyid="([^"]+)"/.exec(request.headers['signature-input'] ?? '')?.[1] ?? 'unsigned';

const inUtc = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === 'string' && /^\d{4}-\d\d-\d\dT.*\+08:00$/.test(v) ? new Date(v).toISOString().replace('.000Z', 'Z') : v,
  ) as T;

/** A recipient's copies of the notices posted to it (as the reference mock keeps them), answering as `faults` say. */
function holder(faults: Faults = {}): Script {
  const copies = new Map<string, InterruptionNotice>();
  const answer = (status: number, copy: InterruptionNotice) => ({
    status,
    json: faults.utc ? inUtc(copy) : copy,
    headers: { location: `/v1/interruption-notices/${copy.noticeId}` },
  });
  return (request) => {
    const [, noticeId, responses] = /^\/v1\/interruption-notices(?:\/([^/?]+))?(\/responses)?/.exec(request.path) ?? [];
    const key = `${clientOf(request)} ${decodeURIComponent(noticeId ?? '')}`;
    const held = copies.get(key);
    if (request.method === 'POST' && !noticeId) {
      const posted = JSON.parse(request.body) as InterruptionNoticeRequest;
      // A notice already held first (ECDX-NTC-019), then the addressing (ECDX-NTC-020), then the notice's rules.
      const already = copies.get(`${clientOf(request)} ${posted.noticeId}`);
      if (already) return answer(201, already);
      const elsewhere = posted.recipient.role === 'carrier' && posted.recipient.carrierCode !== SCRIPTED_CARRIER;
      if (elsewhere && !faults.acceptsMisaddressed) return scriptedProblem('forbidden');
      const problems = checkNewNotice(posted, new Date());
      const lead = Date.parse(posted.plannedStart) - Date.parse(posted.issuedAt);
      if (faults.leadTimeExclusive && minimumLeadTimeSeconds(posted.reason) > 0 && lead === minimumLeadTimeSeconds(posted.reason) * 1000) {
        problems.unshift({ problemSlug: 'notice-lead-time-too-short', pointer: '/plannedStart', detail: 'more than the minimum, please' });
      }
      if (problems[0]) return scriptedProblem(problems[0].problemSlug, { invalidParams: problems.map((p) => ({ name: p.pointer, reason: p.detail })) });
      const copy = copies.get(`${clientOf(request)} ${posted.noticeId}`) ?? {
        ...posted,
        negotiation: { state: 'ISSUED', responses: [], obligations: obligations(posted, 'ISSUED') },
        receivedAt: posted.issuedAt,
      };
      copies.set(`${clientOf(request)} ${posted.noticeId}`, copy);
      return answer(201, copy);
    }
    if (!held) return scriptedProblem('notice-not-found');
    if (request.method === 'GET') return answer(200, faults.forgetsResponses ? { ...held, negotiation: { ...held.negotiation, responses: [] } } : held);
    if (!responses) return scriptedProblem('method-not-allowed');
    const response = JSON.parse(request.body) as NoticeResponse;
    const own = held.negotiation.state === 'WITHDRAWN' ? undefined : postedResponseProblem('RECIPIENT', response);
    if (own) return scriptedProblem(own.problemSlug, { invalidParams: [{ name: own.pointer, reason: own.detail }] });
    const next = nextNegotiationState(held.negotiation.state, response, pendingProposer(held.negotiation.responses));
    if ('problemSlug' in next)
      return scriptedProblem(next.problemSlug, next.problemSlug === 'notice-state-conflict' ? {} : { invalidParams: [{ name: '/type', reason: next.detail }] });
    const updated = {
      ...held,
      negotiation: { state: next.state, responses: [...held.negotiation.responses, response], obligations: obligations(held, next.state) },
    };
    copies.set(key, updated);
    return answer(201, updated);
  };
}

const run = async (id: string, script: Script, role: 'carrier' | 'platform' = 'carrier') =>
  outcome(await runScripted(check(id), { role, claim: scriptedClaim(role, ['notices']), script }));

describe('notice checks against a scripted holder', () => {
  it('notices/acceptable-notice-received, timestamps compared as instants', async () => {
    expect(await run('notices/acceptable-notice-received', holder({ utc: true }))).toMatchInlineSnapshot(`
      {
        "message": "7 assertions held",
        "status": "passed",
      }
    `);
    const keeping = holder();
    const noLocation: Script = (request) => ({ ...keeping(request), headers: {} });
    expect(await run('notices/acceptable-notice-received', noLocation)).toMatchInlineSnapshot(`
      {
        "message": "the Location header names /v1/interruption-notices/ecdx-conf-ntc-… (got none)",
        "status": "failed",
      }
    `);
  });

  it('notices/lead-time-enforced, to the second', async () => {
    expect(await run('notices/lead-time-enforced', holder())).toMatchInlineSnapshot(`
      {
        "message": "49 assertions held",
        "status": "passed",
      }
    `);
    expect(await run('notices/lead-time-enforced', holder({ leadTimeExclusive: true }))).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/interruption-notices with an AGREEMENT_EXPIRY notice whose lead time is exactly the minimum, 30 d is acceptable: expected HTTP 201, got 422 (notice-lead-time-too-short)",
        "status": "failed",
      }
    `);
  });

  it('notices/copy-readable', async () => {
    expect(await run('notices/copy-readable', holder(), 'platform')).toMatchInlineSnapshot(`
      {
        "message": "8 assertions held",
        "status": "passed",
      }
    `);
    expect(await run('notices/copy-readable', holder({ forgetsResponses: true }), 'platform')).toMatchInlineSnapshot(`
      {
        "message": "the copy lists the three responses posted, in order: ISSUER DISCLOSED, ISSUER AUTHORITY_REPORTED, ISSUER PROPOSE (got none; it differs at /negotiation/responses)",
        "status": "failed",
      }
    `);
  });

  it("notices/unknown-notice-not-found, another client's notice included", async () => {
    expect(await run('notices/unknown-notice-not-found', holder())).toMatchInlineSnapshot(`
      {
        "message": "24 assertions held",
        "status": "passed",
      }
    `);
    expect(await run('notices/unknown-notice-not-found', sharedBetweenClients())).toMatchInlineSnapshot(`
      {
        "message": "GET /v1/interruption-notices/{noticeId} of another client's notice, signed with ecdx-demo-platform-hmac: expected HTTP 404 (notice-not-found), got 200",
        "status": "failed",
      }
    `);
  });

  it('notices/misaddressed-notice-forbidden', async () => {
    expect(await run('notices/misaddressed-notice-forbidden', holder())).toMatchInlineSnapshot(`
      {
        "message": "7 assertions held",
        "status": "passed",
      }
    `);
    expect(await run('notices/misaddressed-notice-forbidden', holder({ acceptsMisaddressed: true }))).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/interruption-notices with a notice addressed to carrier ECDXELSE: expected HTTP 403 (forbidden), got 201",
        "status": "failed",
      }
    `);
  });
});

/** A holder that shows every copy to any client: it takes every request as coming from the same one. */
function sharedBetweenClients(): Script {
  const script = holder();
  return (request) => script({ ...request, headers: { ...request.headers, 'signature-input': 'ecdx=();keyid="any"' } });
}
