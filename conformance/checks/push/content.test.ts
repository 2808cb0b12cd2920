// The content checks against scripted carriers that push: one as the text allows it (with and without a backfill of
// what was recorded before the subscription) and one that stamps pushes with the wrong clock.
import { describe, expect, it } from 'vitest';
import type { Check } from '../../harness/check.ts';
import { runScripted, scriptedClaim } from '../../harness/scripted-target.ts';
import { pushChecks } from './index.ts';
import { type CarrierBehaviour, scriptedCarrier } from './scripted-carrier.ts';

const check = (id: string): Check => pushChecks.find((c) => c.id === id)!;
const claim = scriptedClaim('carrier', ['carrier-shipping', 'carrier-tracking-pull', 'carrier-tracking-push', 'security'], {
  testMode: true,
  webhookSignatureSchemes: ['v1a', 'v1'],
});

async function outcome(id: string, behaviour: CarrierBehaviour = {}) {
  const carrier = scriptedCarrier(behaviour);
  const { status, message } = await runScripted(check(id), { role: 'carrier', claim, script: carrier.script });
  await carrier.idle();
  return { status, message };
}

const CONTENT = [
  'push/only-events-in-scope',
  'push/every-event-pushed',
  'push/events-identical-to-trajectory',
  'push/standard-webhooks-envelope',
  'push/batch-shape',
  'push/v1-secret-per-subscription',
];

describe.concurrent('the push content checks against a carrier that pushes as the text allows', () => {
  it.concurrent.each(CONTENT)('%s passes', async (id) => {
    expect((await outcome(id)).status).toBe('passed');
  });

  it.concurrent.each(CONTENT)('%s passes when the carrier also pushes what was recorded before the subscription (a backfill)', async (id) => {
    expect(await outcome(id, { backfill: true })).toMatchObject({ status: 'passed' });
  });
});

describe.concurrent('push/standard-webhooks-envelope against a carrier that stamps pushes with the wrong clock', () => {
  it('fails when webhook-timestamp is the real time, not the test clock the harness moved', async () => {
    expect(await outcome('push/standard-webhooks-envelope', { wallClockStamps: true })).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/webhook-timestamp is the attempt time .*the target's clock read (about|between) \d+.* when it was attempted/),
    });
  });
});

describe.concurrent('pushes that do not verify count as no push', () => {
  it('fail the envelope check, which names how many did not verify', async () => {
    expect(await outcome('push/standard-webhooks-envelope', { signsWithAnotherKey: true })).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/^\d+ push(es)? to the subscription to every status did not verify with the demo carrier push key \(v1a\)/),
    });
  });

  it('never make every-event-pushed pass: the events they carry do not count', async () => {
    expect(await outcome('push/every-event-pushed', { signsWithAnotherKey: true })).toMatchObject({
      status: 'precondition-failed',
      message: expect.stringMatching(/did not verify with its key, so the events they carried do not count/),
    });
  });
});
