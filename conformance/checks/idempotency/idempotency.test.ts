// Idempotency checks against scripted answers: a target that keeps its keys as the Security chapter says, and
// targets that do not.
import { describe, expect, it } from 'vitest';
import { sameJson } from '../../../protocol/json.ts';
import { nextNegotiationState, obligations, pendingProposer } from '../../../schemas/notice-rules.ts';
import { schemaByName, type InterruptionNotice, type InterruptionNoticeRequest, type NoticeResponse } from '../../../schemas/src/index.ts';
import { runScripted, scriptedClaim, scriptedProblem, type Script } from '../../harness/scripted-target.ts';
import { idempotencyChecks } from './index.ts';

const check = (id: string) => idempotencyChecks.find((c) => c.id === id)!;
const outcome = ({ status, message }: { status: string; message: string }) => ({ status, message });
const claim = scriptedClaim('carrier', ['security', 'carrier-shipping']);
const run = async (id: string, script: Script, against = claim) => outcome(await runScripted(check(id), { role: 'carrier', claim: against, script }));

const VALID_KEY = /^[\x21-\x7e]{1,255}$/;
/** The 400 as ECDX-IDM-002 has it: the problem naming the header. */
const keyMissing = () => scriptedProblem('idempotency-key-missing', { invalidParams: [{ name: '/Idempotency-Key', in: 'header', reason: 'missing' }] });

/** A valid Shipment for the request, under the n-th waybill number of the scripted carrier. */
const shipment = (n: number, body: string) => {
  const example = (schemaByName('Shipment') as { examples: Record<string, unknown>[] }).examples[0]!;
  const request = JSON.parse(body) as Record<string, unknown>;
  return { ...example, waybillNo: `ECDX${String(n).padStart(12, '0')}`, carrierCode: request['carrierCode'], request, createdAt: new Date().toISOString() };
};

/** Keeps every answer under its key and replays it; refuses a key reused with another body. */
const keeper = (): Script => {
  const kept = new Map<string, { body: string; answer: { status: number; json: unknown } }>();
  let created = 0;
  const shipments = new Map<string, unknown>();
  return (request) => {
    if (request.method === 'GET') {
      const held = shipments.get(request.path.split('/').pop() ?? '');
      return held ? { status: 200, json: held } : scriptedProblem('not-found');
    }
    if (request.method !== 'POST') return scriptedProblem('method-not-allowed');
    const key = request.headers['idempotency-key'];
    if (key === undefined || !VALID_KEY.test(key)) return keyMissing();
    const seen = kept.get(key);
    if (seen) return sameJson(JSON.parse(seen.body), JSON.parse(request.body)) ? seen.answer : scriptedProblem('idempotency-key-reused');
    created += 1;
    const answer = { status: 201, json: shipment(created, request.body) };
    kept.set(key, { body: request.body, answer });
    shipments.set(answer.json.waybillNo, answer.json);
    return answer;
  };
};
/** Processes every request anew, key or no key. */
const forgetful = (): Script => {
  let created = 0;
  return (request) => (request.method === 'POST' ? { status: 201, json: shipment(++created, request.body) } : scriptedProblem('not-found'));
};

/**
 * A platform that holds the notices posted to it, records the issuer's responses and receipts incident
 * notifications; it refuses a creating POST without a usable key — or, with `keysOnlyNotices`, only a notice.
 */
const platform = (options: { keysOnlyNotices?: boolean } = {}): Script => {
  const copies = new Map<string, InterruptionNotice>();
  return (request) => {
    const [, noticeId, responses] = /^\/v1\/interruption-notices(?:\/([^/?]+))?(\/responses)?/.exec(request.path) ?? [];
    const held = noticeId ? copies.get(decodeURIComponent(noticeId)) : undefined;
    if (request.method === 'GET') return held ? { status: 200, json: held } : scriptedProblem('notice-not-found');
    const key = request.headers['idempotency-key'];
    const keyed = (options.keysOnlyNotices && request.path !== '/v1/interruption-notices') || (key !== undefined && VALID_KEY.test(key));
    if (!keyed) return keyMissing();
    if (request.path === '/v1/security-incidents') {
      const { incidentId } = JSON.parse(request.body) as { incidentId: string };
      return { status: 201, json: { incidentId, receivedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') } };
    }
    if (!noticeId) {
      const posted = JSON.parse(request.body) as InterruptionNoticeRequest;
      const copy = {
        ...posted,
        negotiation: { state: 'ISSUED' as const, responses: [], obligations: obligations(posted, 'ISSUED') },
        receivedAt: posted.issuedAt,
      };
      copies.set(posted.noticeId, copy);
      return { status: 201, json: copy };
    }
    if (!held || !responses) return scriptedProblem('notice-not-found');
    const response = JSON.parse(request.body) as NoticeResponse;
    const next = nextNegotiationState(held.negotiation.state, response, pendingProposer(held.negotiation.responses));
    if ('problemSlug' in next) return scriptedProblem(next.problemSlug);
    const updated = {
      ...held,
      negotiation: { state: next.state, responses: [...held.negotiation.responses, response], obligations: obligations(held, next.state) },
    };
    copies.set(held.noticeId, updated);
    return { status: 201, json: updated };
  };
};
const platformClaim = scriptedClaim('platform', ['security', 'notices', 'incidents']);

describe('idempotency checks against scripted answers', () => {
  it('idempotency/key-required', async () => {
    expect(await run('idempotency/key-required', keeper())).toMatchInlineSnapshot(`
      {
        "message": "60 assertions held",
        "status": "passed",
      }
    `);
    expect(await run('idempotency/key-required', forgetful())).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/shipments without an Idempotency-Key: expected HTTP 400 (idempotency-key-missing), got 201",
        "status": "failed",
      }
    `);
  });

  it('idempotency/key-required fails a 400 that does not name the header', async () => {
    const unnamed: Script = (request) => {
      const answer = keeper()(request);
      return request.headers['idempotency-key'] === undefined ? scriptedProblem('idempotency-key-missing') : answer;
    };
    expect(await run('idempotency/key-required', unnamed)).toMatchObject({
      status: 'failed',
      message: 'POST /v1/shipments without an Idempotency-Key: invalidParams names /Idempotency-Key in: header (got null)',
    });
  });

  it('idempotency/key-ignored-on-reads', async () => {
    expect((await run('idempotency/key-ignored-on-reads', keeper())).status).toBe('passed');
    const refusesKeyedReads: Script = (request) =>
      request.method === 'GET' && request.headers['idempotency-key'] !== undefined ? scriptedProblem('bad-request') : keeper()(request);
    expect(await run('idempotency/key-ignored-on-reads', refusesKeyedReads)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/with an Idempotency-Key \(first time\) is answered as without one: expected 404, got 400$/),
    });
  });

  it('idempotency/key-ignored-on-clock-moves', async () => {
    const testClaim = scriptedClaim('carrier', ['security', 'carrier-shipping'], { testMode: true });
    /** A test clock that moves on every POST, or (`replays`) answers a repeated key from a store. */
    const clock = (replays: boolean): Script => {
      let now = Date.parse('2026-03-01T01:30:00Z');
      const kept = new Map<string, { status: number; json: unknown }>();
      return (request) => {
        if (request.path !== '/v1/test/clock') return scriptedProblem('not-found');
        const key = request.headers['idempotency-key'];
        if (request.method === 'POST') {
          if (replays && key && kept.has(key)) return kept.get(key)!;
          now += (JSON.parse(request.body) as { advanceSeconds: number }).advanceSeconds * 1000;
        }
        const answer = { status: 200, json: { now: new Date(now).toISOString(), speed: 0 } };
        if (key) kept.set(key, answer);
        return answer;
      };
    };
    const onTestTarget = async (script: Script) =>
      outcome(await runScripted(check('idempotency/key-ignored-on-clock-moves'), { role: 'carrier', claim: testClaim, script }));
    expect((await onTestTarget(clock(false))).status).toBe('passed');
    expect(await onTestTarget(clock(true))).toMatchObject({ status: 'failed', message: expect.stringContaining('moved the clock again') });
    expect((await run('idempotency/key-ignored-on-clock-moves', clock(false))).status).toBe('skipped');
  });

  it('idempotency/key-required probes every creating POST of a platform', async () => {
    const onPlatform = async (script: Script) =>
      outcome(await runScripted(check('idempotency/key-required'), { role: 'platform', claim: platformClaim, script }));
    expect(await onPlatform(platform())).toMatchInlineSnapshot(`
      {
        "message": "92 assertions held",
        "status": "passed",
      }
    `);
    // Keys its notices but takes responses and incident notifications without one.
    expect(await onPlatform(platform({ keysOnlyNotices: true }))).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/interruption-notices/{noticeId}/responses without an Idempotency-Key: expected HTTP 400 (idempotency-key-missing), got 201",
        "status": "failed",
      }
    `);
  });

  it('idempotency/replay-answers-original', async () => {
    expect(await run('idempotency/replay-answers-original', keeper())).toMatchInlineSnapshot(`
      {
        "message": "3 assertions held",
        "status": "passed",
      }
    `);
    expect(await run('idempotency/replay-answers-original', forgetful())).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/shipments repeated with the same Idempotency-Key: the body differs from the original's (the request was processed again): /waybillNo, /createdAt differ",
        "status": "failed",
      }
    `);
    // Two answers of {} are the same, but neither is a shipment: nothing shows whether the repeat was processed.
    expect(await run('idempotency/replay-answers-original', () => ({ status: 200, json: {} }))).toMatchInlineSnapshot(`
      {
        "message": "the first POST /v1/shipments was answered 200, not 201 with a Shipment, so there is no original answer a repeat could be told apart by",
        "status": "precondition-failed",
      }
    `);
  }, 10_000);

  it('idempotency/key-reuse-refused', async () => {
    expect(await run('idempotency/key-reuse-refused', keeper())).toMatchInlineSnapshot(`
      {
        "message": "6 assertions held",
        "status": "passed",
      }
    `);
    expect(await run('idempotency/key-reuse-refused', forgetful())).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/shipments with another body under an Idempotency-Key already used: expected HTTP 422 (idempotency-key-reused), got 201",
        "status": "failed",
      }
    `);
  });
});
