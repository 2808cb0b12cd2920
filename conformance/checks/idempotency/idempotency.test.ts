// Idempotency checks against scripted answers: a target that keeps its keys as the Security chapter says, and
// targets that do not.
import { describe, expect, it } from 'vitest';
import { sameJson } from '../../../protocol/json.ts';
import { runScripted, scriptedClaim, scriptedProblem, type Script } from '../../harness/scripted-target.ts';
import { idempotencyChecks } from './index.ts';

const check = (id: string) => idempotencyChecks.find((c) => c.id === id)!;
const outcome = ({ status, message }: { status: string; message: string }) => ({ status, message });
const claim = scriptedClaim('carrier', ['security', 'carrier-shipping']);
const run = async (id: string, script: Script, against = claim) => outcome(await runScripted(check(id), { role: 'carrier', claim: against, script }));

const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

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
    if (key === undefined || !VALID_KEY.test(key)) return scriptedProblem('idempotency-key-missing');
    const seen = kept.get(key);
    if (seen) return sameJson(JSON.parse(seen.body), JSON.parse(request.body)) ? seen.answer : scriptedProblem('idempotency-key-reused');
    created += 1;
    const answer = { status: 201, json: { waybillNo: `ECDX${String(created).padStart(12, '0')}`, createdAt: new Date().toISOString() } };
    kept.set(key, { body: request.body, answer });
    shipments.set(answer.json.waybillNo, answer.json);
    return answer;
  };
};
/** Processes every request anew, key or no key. */
const forgetful = (): Script => {
  let created = 0;
  return (request) =>
    request.method === 'POST' ? { status: 201, json: { waybillNo: `ECDX${String(++created).padStart(12, '0')}` } } : scriptedProblem('not-found');
};

describe('idempotency checks against scripted answers', () => {
  it('idempotency/key-required', async () => {
    expect(await run('idempotency/key-required', keeper())).toMatchInlineSnapshot(`
      {
        "message": "24 assertions held",
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

  it('idempotency/replay-answers-original', async () => {
    expect(await run('idempotency/replay-answers-original', keeper())).toMatchInlineSnapshot(`
      {
        "message": "3 assertions held",
        "status": "passed",
      }
    `);
    expect(await run('idempotency/replay-answers-original', forgetful())).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/shipments repeated with the same Idempotency-Key: the body differs from the original's (the request was processed again): /waybillNo differ",
        "status": "failed",
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
