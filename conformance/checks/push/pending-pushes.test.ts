// push/pending-pushes-stated-truly against scripted carriers (ECDX-CNF-009), and what its verdict does to the run:
// the push checks take a 0 as the end of what is coming only once the statement was seen to hold, so a carrier that
// states it too early fails this check alone and is then judged as one that does not state it at all.
import { describe, expect, it } from 'vitest';
import type { Check } from '../../harness/check.ts';
import type { Evidence } from '../../harness/report.ts';
import { runSuite } from '../../harness/runner.ts';
import { SCRIPTED_TARGET, scriptedClaim, scriptedDispatcher } from '../../harness/scripted-target.ts';
import { pushChecks } from './index.ts';
import { type CarrierBehaviour, DELIVERY_CHECKS, scriptedCarrier } from './scripted-carrier.ts';

const check = (id: string): Check => pushChecks.find((c) => c.id === id)!;
const claim = scriptedClaim('carrier', ['carrier-shipping', 'carrier-tracking-pull', 'carrier-tracking-push'], { testMode: true });
const PENDING = 'push/pending-pushes-stated-truly';

/** How many reads of the test clock in a check's evidence stated pendingPushes 0: the times it took the target's word. */
const toldFinished = (evidence: readonly Evidence[]): number =>
  evidence.filter(
    (e) => e.kind === 'http' && e.request.url.endsWith('/v1/test/clock') && e.request.method === 'GET' && /"pendingPushes":\s*0\b/.test(e.response?.body ?? ''),
  ).length;

/** The checks, in this order of declaration, against one scripted carrier; a settle time that shows when it was waited. */
async function run(ids: string[], behaviour: CarrierBehaviour, settleMs = 50) {
  const carrier = scriptedCarrier(behaviour);
  const { dispatcher } = scriptedDispatcher((request) =>
    request.method === 'GET' && request.path.startsWith('/v1/conformance') ? { status: 200, json: claim } : carrier.script(request),
  );
  try {
    const report = await runSuite({ target: SCRIPTED_TARGET, role: 'carrier', checks: ids.map(check), dispatcher, timeoutMs: 2_000, settleMs });
    return Object.fromEntries(
      report.results.map((r) => [r.checkId, { status: r.status, message: r.message, durationMs: r.durationMs, toldFinished: toldFinished(r.evidence) }]),
    );
  } finally {
    await carrier.idle();
    await dispatcher.close();
  }
}

describe.concurrent(PENDING, () => {
  it('is skipped for a carrier whose test clock does not state pendingPushes', async () => {
    expect((await run([PENDING], {}))[PENDING]).toMatchObject({ status: 'skipped', message: expect.stringMatching(/does not state pendingPushes/) });
  });

  it('passes a carrier that counts the attempt waiting for its answer, a slow dispatcher and a late reader too', async () => {
    expect((await run([PENDING], { statesPending: 'truly' }))[PENDING]).toMatchObject({ status: 'passed' });
    expect((await run([PENDING], { statesPending: 'truly', dispatchLagMs: 300, readLagMs: 300 }))[PENDING]).toMatchObject({ status: 'passed' });
  }, 30_000);

  it('fails a carrier that states 0 while an attempt still waits for its answer', async () => {
    expect((await run([PENDING], { statesPending: 'early' }))[PENDING]).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/stated the attempt as unfinished \(got 0\)/),
    });
  }, 30_000);

  it('runs first among the checks that move the clock, whatever the order they are given in', async () => {
    const results = await run(['push/nothing-after-delete', PENDING], { statesPending: 'truly' });
    expect(Object.keys(results)).toEqual(['push/nothing-after-delete', PENDING]); // the report keeps the suite's order
    expect(results[PENDING]!.status).toBe('passed');
  }, 30_000);
});

describe.concurrent('the push checks rely on pendingPushes only once it was seen to hold', () => {
  const LONG_SETTLE_MS = 1_500;
  it('a truthful carrier: the settle time is not waited, and the checks still pass', async () => {
    const results = await run([PENDING, 'push/nothing-after-delete'], { statesPending: 'truly' }, LONG_SETTLE_MS);
    expect(results['push/nothing-after-delete']).toMatchObject({ status: 'passed' });
    // Each settle ended on the target's word that nothing was pending (the last read of each wait is the evidence).
    expect(results['push/nothing-after-delete']!.toldFinished).toBeGreaterThanOrEqual(2);
  }, 30_000);

  it('a carrier caught stating 0 too early: the other checks wait their settle time and are judged fairly', async () => {
    const busy: CarrierBehaviour = { statesPending: 'early', readLagMs: 300 };
    const results = await run([PENDING, 'push/2xx-ends-delivery', 'push/nothing-after-delete'], busy, 800);
    expect(results[PENDING]!.status).toBe('failed');
    expect(results['push/2xx-ends-delivery']).toMatchObject({ status: 'passed' });
    expect(results['push/nothing-after-delete']).toMatchObject({ status: 'passed' });
    expect(results['push/nothing-after-delete']!.toldFinished).toBe(0);
    expect(results['push/nothing-after-delete']!.durationMs).toBeGreaterThanOrEqual(2 * 800); // both settles waited
  }, 60_000);
});

describe.concurrent('the delivery checks on a carrier whose statement holds', () => {
  const DELIVERY = DELIVERY_CHECKS;
  it.concurrent.each(DELIVERY)(
    '%s passes a busy carrier (slow dispatcher, late reader) that states pendingPushes truly',
    async (id) => {
      const results = await run([PENDING, id], { statesPending: 'truly', dispatchLagMs: 200, readLagMs: 200, clockTimeout: true });
      expect(results[PENDING]!.status).toBe('passed');
      expect(results[id]).toMatchObject({ status: 'passed' });
    },
    60_000,
  );

  it('still fails a carrier that takes only 200 as delivery', async () => {
    const results = await run([PENDING, 'push/2xx-ends-delivery'], { statesPending: 'truly', only200: true });
    expect(results['push/2xx-ends-delivery']).toMatchObject({ status: 'failed', message: expect.stringMatching(/answered 202, was not attempted again/) });
  }, 60_000);

  it('still fails a carrier that leaves the subscription ACTIVE after abandoning a batch', async () => {
    const results = await run([PENDING, 'push/abandoned-batch-disables'], { statesPending: 'truly', activeAfterAbandon: true });
    expect(results['push/abandoned-batch-disables']).toMatchObject({ status: 'failed', message: expect.stringMatching(/\(got ACTIVE\)/) });
  }, 60_000);
});
