// The delivery checks against scripted carriers that push: variants the text allows (a backfill, a dispatcher that
// runs a while after the clock moved, an answer read late by a busy carrier whose attempt timeout follows its test
// clock) must pass, and a carrier that is really slow or really retries a delivered batch must not.
import { describe, expect, it } from 'vitest';
import type { Check } from '../../harness/check.ts';
import { runSuite } from '../../harness/runner.ts';
import { SCRIPTED_TARGET, scriptedClaim, scriptedDispatcher } from '../../harness/scripted-target.ts';
import { pushChecks } from './index.ts';
import { type CarrierBehaviour, DELIVERY_CHECKS, scriptedCarrier } from './scripted-carrier.ts';

const check = (id: string): Check => pushChecks.find((c) => c.id === id)!;
const claim = scriptedClaim('carrier', ['carrier-shipping', 'carrier-tracking-pull', 'carrier-tracking-push'], { testMode: true });

/** One check against the scripted carrier, waiting `settleMs` for what must not come (runScripted waits 50 ms). */
async function outcome(id: string, behaviour: CarrierBehaviour = {}, settleMs = 50) {
  const carrier = scriptedCarrier(behaviour);
  const { dispatcher } = scriptedDispatcher((request) =>
    request.method === 'GET' && request.path.startsWith('/v1/conformance') ? { status: 200, json: claim } : carrier.script(request),
  );
  try {
    const report = await runSuite({ target: SCRIPTED_TARGET, role: 'carrier', checks: [check(id)], dispatcher, timeoutMs: 2_000, settleMs });
    const { status, message } = report.results[0]!;
    return { status, message };
  } finally {
    await carrier.idle();
    await dispatcher.close();
  }
}

const DELIVERY = DELIVERY_CHECKS;

describe.concurrent('the push delivery checks against a carrier that pushes as the text allows', () => {
  it.concurrent.each(DELIVERY)('%s passes', async (id) => {
    expect(await outcome(id)).toMatchObject({ status: 'passed' });
  });

  it.concurrent.each(DELIVERY)('%s passes when the carrier also pushes what was recorded before the subscription (a backfill)', async (id) => {
    expect(await outcome(id, { backfill: true })).toMatchObject({ status: 'passed' });
  });
});

describe.concurrent('push/first-attempt-prompt judges the target by its own clock, not by the harness\u2019s haste', () => {
  it('passes a carrier whose dispatcher runs a second after the clock moved (it stamps what its clock reads then)', async () => {
    expect(await outcome('push/first-attempt-prompt', { dispatchLagMs: 1_000 })).toMatchObject({ status: 'passed' });
  }, 60_000);

  it('warns about a carrier that makes the first attempt 10 minutes after recordedAt, however patiently it is watched', async () => {
    expect(await outcome('push/first-attempt-prompt', { gatherMs: 10 * 60_000 })).toMatchObject({
      status: 'warning',
      message: expect.stringMatching(/came 60\d s after its recordedAt/),
    });
  }, 60_000);
});

describe.concurrent('push/2xx-ends-delivery gives the target time to read each answer before it moves the clock', () => {
  it('passes a busy carrier that reads answers late and times attempts out on its test clock', async () => {
    // A settle time long enough for a retry of the busy carrier's to arrive, as a real run's is.
    const busy = { sendLagMs: 1_500, readLagMs: 1_500, clockTimeout: true };
    expect(await outcome('push/2xx-ends-delivery', busy, 2_000)).toMatchObject({ status: 'passed' });
  }, 60_000);

  it('fails a carrier that takes only 200 as delivery and retries a batch answered 202', async () => {
    expect(await outcome('push/2xx-ends-delivery', { only200: true })).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/answered 202, was not attempted again \(got \d+ more attempts?\)/),
    });
  }, 60_000);
});

describe.concurrent('push/abandoned-batch-disables', () => {
  it('fails a carrier that abandons a batch but leaves the subscription ACTIVE', async () => {
    expect(await outcome('push/abandoned-batch-disables', { activeAfterAbandon: true })).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/DISABLED with disabledReason DELIVERY_FAILING \(got ACTIVE\)/),
    });
  }, 60_000);
});
