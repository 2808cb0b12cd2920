// Single receiver checks against scripted platforms: one that receives pushes as chapter Pushes §5 asks, and one
// with a fault, each check's outcome and message as the report would show them.
import { describe, expect, it } from 'vitest';
import { demoCredentials, verifyWebhook } from '../../../protocol/index.ts';
import { isValid } from '../../../schemas/validate.ts';
import type { Check } from '../../harness/check.ts';
import { runScripted, scriptedClaim, type Script, type ScriptedAnswer, type ScriptedRequest } from '../../harness/scripted-target.ts';
import { pushChecks } from './index.ts';

const check = (id: string): Check => pushChecks.find((c) => c.id === id)!;

const problem = (status: number, slug: string, extra: Record<string, unknown> = {}): ScriptedAnswer => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  json: { type: `https://ecdx.dev/problems/${slug}`, title: slug, status, ...extra },
});

interface ReceiverFaults {
  /** Take every push, signed or not. */
  skipsSignature?: boolean;
  /** Verify only the first signature the header lists. */
  firstSignatureOnly?: boolean;
  /** Refuse an oversized batch as an invalid one. */
  oversizedAsInvalid?: boolean;
  /** Process every event again: no duplicates counted. */
  forgetsEvents?: boolean;
  /** Answer 204, without an acknowledgement. */
  noAcknowledgement?: boolean;
}

/** A platform receiving pushes signed with the demo carrier's v1a key, as ECDX asks, unless told otherwise. */
function receiver(faults: ReceiverFaults = {}): Script {
  const held = new Set<string>();
  return (request: ScriptedRequest) => {
    if (request.method !== 'POST' || request.path !== '/v1/tracking-events') return problem(404, 'not-found');
    const signature = faults.firstSignatureOnly ? request.headers['webhook-signature']?.split(' ')[0] : request.headers['webhook-signature'];
    const headers = { ...request.headers, ...(signature ? { 'webhook-signature': signature } : {}) };
    const verified = verifyWebhook(headers, request.body, demoCredentials.push.v1a.verificationKey);
    if (!verified.ok && !faults.skipsSignature) return problem(401, verified.problem);
    let batch: { batchId: string; events: { eventId: string }[] };
    try {
      batch = JSON.parse(request.body);
    } catch {
      return problem(400, 'malformed-json');
    }
    if (Array.isArray(batch.events) && batch.events.length > 100) {
      return faults.oversizedAsInvalid
        ? problem(422, 'validation-failed', { invalidParams: [{ name: '/events', reason: 'too many' }] })
        : problem(413, 'batch-too-large');
    }
    if (!isValid('PushBatch', batch)) return problem(422, 'validation-failed', { invalidParams: [{ name: '', reason: 'not a PushBatch' }] });
    let duplicates = 0;
    for (const { eventId } of batch.events) {
      if (held.has(eventId) && !faults.forgetsEvents) duplicates++;
      held.add(eventId);
    }
    if (faults.noAcknowledgement) return { status: 204 };
    return { status: 200, json: { batchId: batch.batchId, received: batch.events.length, duplicates } };
  };
}

const claim = scriptedClaim('platform', ['platform-tracking-receiver', 'security']);

async function outcome(id: string, script: Script, classes = claim) {
  const { status, message } = await runScripted(check(id), { role: 'platform', claim: classes, script });
  return { status, message };
}

describe('push/receiver-acknowledgement', () => {
  it('passes on 200 with the PushAcknowledgement of the batch', async () => {
    expect(await outcome('push/receiver-acknowledgement', receiver())).toMatchInlineSnapshot(`
      {
        "message": "5 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails on a 2xx other than 200', async () => {
    expect(await outcome('push/receiver-acknowledgement', receiver({ noAcknowledgement: true }))).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/tracking-events with a valid batch: expected 200, got 204",
        "status": "warning",
      }
    `);
  });
});

describe('push/receiver-verifies-signature', () => {
  it('passes when unsigned and wrongly signed pushes are refused with 401 and none was processed', async () => {
    expect(await outcome('push/receiver-verifies-signature', receiver())).toMatchInlineSnapshot(`
      {
        "message": "20 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails when a push without a signature is taken', async () => {
    expect(await outcome('push/receiver-verifies-signature', receiver({ skipsSignature: true }))).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/tracking-events without webhook-signature: expected HTTP 401 (signature-missing or signature-invalid), got 200",
        "status": "failed",
      }
    `);
  });
});

describe('push/receiver-batch-too-large', () => {
  it('passes on 413 batch-too-large', async () => {
    expect(await outcome('push/receiver-batch-too-large', receiver())).toMatchInlineSnapshot(`
      {
        "message": "8 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails on an oversized batch refused as an invalid one', async () => {
    expect(await outcome('push/receiver-batch-too-large', receiver({ oversizedAsInvalid: true }))).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/tracking-events with 101 events: expected HTTP 413 (batch-too-large), got 422 (validation-failed)",
        "status": "failed",
      }
    `);
  });
});

describe('push/receiver-deduplicates', () => {
  it('passes when the acknowledgements count the events already held', async () => {
    expect(await outcome('push/receiver-deduplicates', receiver())).toMatchInlineSnapshot(`
      {
        "message": "5 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails when events already held are processed again', async () => {
    expect(await outcome('push/receiver-deduplicates', receiver({ forgetsEvents: true }))).toMatchInlineSnapshot(`
      {
        "message": "the repeated batch: the acknowledgement counts 2 events already held, not processed again (got duplicates 0)",
        "status": "failed",
      }
    `);
  });

  it('ends precondition-failed without acknowledgements: the deduplication was not seen', async () => {
    expect(await outcome('push/receiver-deduplicates', receiver({ noAcknowledgement: true }))).toMatchInlineSnapshot(`
      {
        "message": "the platform returned no PushAcknowledgement, so whether it processed the events again cannot be seen",
        "status": "precondition-failed",
      }
    `);
  });
});

describe('push/receiver-several-signatures', () => {
  it('passes when any listed signature that verifies is enough', async () => {
    expect(await outcome('push/receiver-several-signatures', receiver())).toMatchInlineSnapshot(`
      {
        "message": "2 assertions held",
        "status": "passed",
      }
    `);
  });

  it('fails when only the first signature is tried', async () => {
    expect(await outcome('push/receiver-several-signatures', receiver({ firstSignatureOnly: true }))).toMatchInlineSnapshot(`
      {
        "message": "POST /v1/tracking-events signed with an unknown key and then with the carrier’s key: expected a 2xx acknowledgement, got 401 (signature-invalid)",
        "status": "failed",
      }
    `);
  });

  it('does not apply to a platform that receives no pushes (skipped)', async () => {
    expect(await outcome('push/receiver-several-signatures', receiver(), scriptedClaim('platform', ['security']))).toMatchInlineSnapshot(`
      {
        "message": "does not apply: the platform does not claim platform-tracking-receiver, so it receives no pushes",
        "status": "skipped",
      }
    `);
  });
});
