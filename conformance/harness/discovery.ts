// Before any check: the target's claim (which decides what runs) and, for a test deployment, its clock. Both are
// ordinary requests of the run, with the run's request deadline: a target that never answers, or answers one byte
// a second, delays the run by a request timeout, never forever.
import { isValid } from '../../schemas/validate.ts';
import type { ConformanceClaim, PartyRole } from '../../schemas/src/index.ts';
import { TargetUnreachable } from './client.ts';
import { TestContext, type RunEnvironment } from './context.ts';

/** Read the claim into `env` (`rawClaim` as served, `claim` when it is valid) and the test clock's offset. */
export async function discover(env: RunEnvironment, role: PartyRole): Promise<void> {
  const discovery = new TestContext(env);
  await unlessUnreachable(async () => {
    // The claim is read unsigned; `?role=` lets a two-role test deployment answer for one.
    let response = await discovery.http.get(`/v1/conformance?role=${role}`, { sign: false });
    // A target that wrongly demands a signature for discovery fails its own check; the rest of the run still
    // needs the claim, so ask again signed.
    if (response.status === 401) response = await discovery.http.get(`/v1/conformance?role=${role}`);
    env.rawClaim = response.json;
    if (response.status === 200 && isValid('ConformanceClaim', response.json)) env.claim = response.json as ConformanceClaim;
  });
  if (!env.claim?.testMode) return;
  await unlessUnreachable(async () => {
    let clock = await discovery.http.get('/v1/test/clock');
    if (clock.status === 401) {
      // The target's clock may already stand days ahead (an earlier run moved it), which makes a signature on our
      // clock stale: estimate its time from the unsigned health document and ask again.
      const health = await discovery.http.get('/v1/health', { sign: false });
      const serverTime = Date.parse((health.json as { serverTime?: string } | undefined)?.serverTime ?? '');
      if (Number.isFinite(serverTime)) env.clockOffset.value = serverTime - Date.now();
      clock = await discovery.http.get('/v1/test/clock');
    }
    const now = Date.parse((clock.json as { now?: string } | undefined)?.now ?? '');
    if (clock.status === 200 && Number.isFinite(now)) env.clockOffset.value = now - Date.now();
  });
}

/** A target that does not answer leaves the claim unread (the discovery checks say why); anything else is ours. */
async function unlessUnreachable(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (!(error instanceof TargetUnreachable)) throw error;
  }
}
