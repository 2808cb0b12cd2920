// What a carrier pushes (chapter Pushes §2–3; ECDX-SEC-012): one shared run of a parcel's trajectory, observed on
// several subscriptions at once — every status, a status filter, two v1 subscriptions with their own secrets and,
// when the harness has a second platform key, an ALL subscription beside another platform's parcel — and checked
// from several sides: scope and filter, completeness, identity with the trajectory, the Standard Webhooks
// envelope and signature, the batch shape, and the keys. The clock moves once (4 days), in the shared fixture.
import { DEMO_WEBHOOK_SECRET, demoCredentials, sameJson, WEBHOOK_TOLERANCE_SECONDS, webhookSecret } from '../../../protocol/index.ts';
import type { Subscription, TrackingEvent, TrackingStatus } from '../../../schemas/src/index.ts';
import { DAY, HOUR, SECOND } from '../../../schemas/time.ts';
import { defineCheck, defineFixture } from '../../harness/check.ts';
import type { Finding, TestContext } from '../../harness/context.ts';
import type { Delivery } from '../../harness/receiver.ts';
import { claimedSchemes, claimsClass, type Scheme } from '../../kit/claim.ts';
import {
  batchIdOf,
  countOnlyPushesOf,
  createPushShipment,
  eventsOf,
  foreignShipment,
  settle,
  subscribe,
  unsubscribeAll,
  verificationKeyFor,
  verifyDelivery,
  waitUntil,
  webhookTimestamp,
} from '../../kit/pushes.ts';
import { attemptWindow, TargetClock } from '../../kit/push-timing.ts';
import { readTrajectory } from '../../kit/trajectory.ts';
import { joinTexts, type Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

const FILTER: TrackingStatus[] = ['SORTING'];

interface Observed {
  label: Bilingual;
  subscription: Subscription;
  /** The pushes that verify with the subscription's key: only these count as the target's. */
  deliveries: Delivery[];
  /** Pushes to the subscription's own callback URL that did not verify: only the target was given that URL. */
  rejected: { count: number; sample: Delivery[] };
}

interface PushedTrajectory {
  waybillNo: string;
  foreignWaybillNo: string | undefined;
  plain: Observed;
  filtered: Observed;
  v1: [Observed, Observed] | undefined;
  all: Observed | undefined;
  /** The trajectory after the pushes settled. */
  trajectory: TrackingEvent[];
  /** The events recorded while the subscriptions were ACTIVE (what must have been pushed). */
  expected: TrackingEvent[];
  /** The moves of the target's clock, to read each push against the target's time when it arrived. */
  clock: TargetClock;
}

/** The trajectory as the target serves it, the events the pushes can be compared with (those with an eventId). */
async function recordedEvents(t: TestContext, waybillNo: string): Promise<TrackingEvent[]> {
  const { events } = await readTrajectory(t, waybillNo);
  return events.filter((e) => typeof e['eventId'] === 'string') as unknown as TrackingEvent[];
}

const pushedIds = (o: Observed): Set<string> => new Set(o.deliveries.flatMap(eventsOf).map((e) => e.eventId));
const covers = (o: Observed, events: readonly TrackingEvent[]): boolean => {
  const ids = pushedIds(o);
  return events.every((e) => ids.has(e.eventId));
};

/**
 * The shared observation: shipments, subscriptions made after the shipment (so its first events are read, not
 * pushed), the clock moved 4 days, every expected push waited for (10 s at most), then everything unsubscribed.
 */
const pushedTrajectory = defineFixture({
  id: 'push:trajectory',
  title: 'A parcel followed for 4 days of test-clock time by several subscriptions, with every push they received',
  async create(c): Promise<PushedTrajectory> {
    c.requireTestMode();
    const created: string[] = [];
    try {
      const waybillNo = await createPushShipment(c);
      await createPushShipment(c);
      const foreignWaybillNo = await foreignShipment(c);
      const before = new Set((await recordedEvents(c, waybillNo)).map((e) => e.eventId));
      const schemes = claimedSchemes(c);
      const observe = async (label: Bilingual, options: { statuses?: TrackingStatus[]; scheme?: Scheme; all?: boolean }): Promise<Observed> => {
        const callback = c.callback();
        const scheme = options.scheme ?? schemes[0]!;
        const subscription = await subscribe(
          c,
          {
            callbackUrl: callback.url,
            scheme,
            ...(options.all ? {} : { waybillNos: [waybillNo] }),
            ...(options.statuses ? { statuses: options.statuses } : {}),
          },
          created,
        );
        countOnlyPushesOf(callback, subscription);
        return { label, subscription, deliveries: callback.deliveries, rejected: callback.rejected };
      };
      const clock = new TargetClock(c);
      const plain = await observe(M.labelEveryStatus(), {});
      const filtered = await observe(M.labelFiltered({ statuses: joinTexts(FILTER) }), { statuses: FILTER });
      const v1: [Observed, Observed] | undefined = schemes.includes('v1')
        ? [await observe(M.labelFirstV1(), { scheme: 'v1' }), await observe(M.labelSecondV1(), { scheme: 'v1' })]
        : undefined;
      const all = foreignWaybillNo ? await observe(M.labelAll(), { all: true }) : undefined;
      const since = Math.max(...[plain, filtered, ...(v1 ?? [])].map((o) => Date.parse(o.subscription.createdAt)));

      await clock.advance(c, 4 * DAY + HOUR);
      const recorded = await recordedEvents(c, waybillNo);
      const expected = recorded.filter((e) => !before.has(e.eventId) && !(Date.parse(e.recordedAt) < since));
      const sorting = expected.filter((e) => FILTER.includes(e.status));
      await waitUntil(c, () => covers(plain, expected) && covers(filtered, sorting) && (v1 ?? []).every((o) => covers(o, expected)), 10 * SECOND, 50);
      // What must not come (events out of scope or filter) has the run's settle time to show.
      await settle(c);
      const trajectory = await recordedEvents(c, waybillNo);
      return { waybillNo, foreignWaybillNo, plain, filtered, v1, all, trajectory, expected, clock };
    } finally {
      await unsubscribeAll(c, created);
    }
  },
});

const seconds = (ms: number): number => Math.round(ms / SECOND);
const observedOf = (p: PushedTrajectory): Observed[] => [p.plain, p.filtered, ...(p.v1 ?? []), ...(p.all ? [p.all] : [])];
const sequencesOf = (events: readonly TrackingEvent[]) => joinTexts(events.map((e) => String(e.sequence)));
/** The key a subscription's pushes must verify with, as a message names it. */
const keyName = (subscription: Subscription): Bilingual => (subscription.signatureScheme === 'v1a' ? M.demoPushKeyV1a() : M.subscriptionSecretV1());

/** The common start of every check here: test mode, then the shared observation. */
async function observation(t: TestContext, pushed: () => Promise<PushedTrajectory>): Promise<PushedTrajectory> {
  t.requireTestMode();
  const observed = await pushed();
  t.precondition(observed.expected.length > 0, M.nothingRecorded({ waybillNo: observed.waybillNo }));
  return observed;
}

/** What is wrong with the shape of one delivery for `subscription`: the event count, the subscription named, the order. */
function batchShapeFindings(delivery: Delivery, subscription: Subscription, what: Bilingual): Finding[] {
  const findings: Finding[] = [];
  const body = delivery.json as { subscriptionId?: unknown; events?: unknown } | undefined;
  const count = Array.isArray(body?.events) ? body.events.length : 0;
  if (!Array.isArray(body?.events)) findings.push({ message: M.noEventsArray({ what }), pointer: '/events' });
  else if (!(count >= 1 && count <= 100)) findings.push({ message: M.eventCountOutOfRange({ what, count }), pointer: '/events' });
  if (body?.subscriptionId !== subscription.subscriptionId) {
    const message = M.namesOtherSubscription({ what, named: String(body?.subscriptionId), subscriptionId: subscription.subscriptionId });
    findings.push({ message, pointer: '/subscriptionId' });
  }
  const last = new Map<string, number>();
  for (const e of eventsOf(delivery)) {
    const before = last.get(e.waybillNo);
    if (before !== undefined && !(e.sequence > before)) {
      findings.push({ message: M.notAscending({ what, waybillNo: e.waybillNo, sequence: e.sequence, before }) });
    }
    last.set(e.waybillNo, e.sequence);
  }
  return findings;
}

const DESCRIPTION_TAIL =
  " (Shared observation: two shipments of the harness's platform and one of another platform; subscriptions to " +
  'every status, to SORTING only, two v1 subscriptions and one to ALL; the clock moved 4 days.)';

export const pushContentChecks = [
  defineCheck({
    id: 'push/only-events-in-scope',
    requirements: ['ECDX-PSH-007'],
    needs: ['clock', 'callback'],
    title: 'Only events of waybills in scope, of the platform\u2019s own parcels, with a status in the filter are pushed',
    description:
      'Every event pushed for a one-waybill subscription is of that waybill; a subscription filtered to SORTING receives SORTING events only; a subscription to ALL receives nothing of another platform\u2019s parcel.' +
      DESCRIPTION_TAIL,
    uses: { pushed: pushedTrajectory },
    async run(t, { pushed }) {
      const p = await observation(t, pushed);
      for (const o of [p.plain, p.filtered, ...(p.v1 ?? [])]) {
        const strays = o.deliveries.flatMap(eventsOf).filter((e) => e.waybillNo !== p.waybillNo);
        const also = strays.length ? M.alsoOfWaybills({ n: strays.length, waybills: joinTexts([...new Set(strays.map((e) => e.waybillNo))]) }) : '';
        t.assert(strays.length === 0, M.onlyEventsOfWaybill({ label: o.label, waybillNo: p.waybillNo, strays: also }));
      }
      const off = p.filtered.deliveries.flatMap(eventsOf).filter((e) => !FILTER.includes(e.status));
      const offEvents = off.length
        ? M.alsoEvents({ events: joinTexts(off.map((e) => M.statusWithSequence({ status: e.status, sequence: e.sequence })).slice(0, 5)) })
        : '';
      t.assert(off.length === 0, M.onlyFilteredStatuses({ label: p.filtered.label, statuses: joinTexts(FILTER), off: offEvents }));
      if (p.all && p.foreignWaybillNo) {
        const foreign = p.all.deliveries.flatMap(eventsOf).filter((e) => e.waybillNo === p.foreignWaybillNo);
        t.assert(foreign.length === 0, M.nothingForeign({ label: p.all.label, waybillNo: p.foreignWaybillNo, n: foreign.length }));
      } else {
        t.blocked(M.noSecondKeyParcel());
      }
    },
  }),
  defineCheck({
    id: 'push/every-event-pushed',
    requirements: ['ECDX-PSH-008'],
    needs: ['clock', 'callback'],
    title: 'Every event recorded while a subscription is active is pushed',
    description:
      'Every event of the followed parcel that the trajectory shows recorded after the subscriptions were made is pushed to the subscription to every status, and each SORTING one to the filtered subscription.' +
      DESCRIPTION_TAIL,
    uses: { pushed: pushedTrajectory },
    async run(t, { pushed }) {
      const p = await observation(t, pushed);
      for (const [o, events] of [
        [p.plain, p.expected],
        [p.filtered, p.expected.filter((e) => FILTER.includes(e.status))],
      ] as const) {
        const ids = pushedIds(o);
        const missing = events.filter((e) => !ids.has(e.eventId));
        t.precondition(missing.length === 0 || o.rejected.count === 0, M.rejectedUncounted({ n: o.rejected.count, label: o.label }));
        const gaps = missing.length ? M.missingSequences({ sequences: sequencesOf(missing), waybillNo: p.waybillNo }) : '';
        t.assert(missing.length === 0, M.receivedEvery({ label: o.label, n: events.length, missing: gaps }));
      }
    },
  }),
  defineCheck({
    id: 'push/events-identical-to-trajectory',
    requirements: ['ECDX-PSH-010'],
    needs: ['clock', 'callback'],
    title: 'A pushed event is identical, member for member, to the same event in the trajectory',
    description:
      'Each event pushed for the followed parcel is compared with the event of the same `eventId` that `GET /v1/shipments/{waybillNo}/events` serves: it must be there, with every member equal.' +
      DESCRIPTION_TAIL,
    uses: { pushed: pushedTrajectory },
    async run(t, { pushed }) {
      const p = await observation(t, pushed);
      const served = new Map(p.trajectory.map((e) => [e.eventId, e]));
      const events = [p.plain, p.filtered, ...(p.v1 ?? [])].flatMap((o) => o.deliveries.flatMap(eventsOf)).filter((e) => e.waybillNo === p.waybillNo);
      t.precondition(events.length > 0, M.nothingPushed());
      const findings: Finding[] = [];
      for (const event of events) {
        const same = served.get(event.eventId);
        const what = M.pushedEvent({ eventId: event.eventId, sequence: event.sequence });
        if (same === undefined) {
          findings.push({ message: M.notInTrajectory({ what, waybillNo: p.waybillNo }) });
          continue;
        }
        const member = (e: TrackingEvent, k: string) => (e as unknown as Record<string, unknown>)[k];
        const members = [...new Set([...Object.keys(event), ...Object.keys(same)])].filter((k) => !sameJson(member(event, k), member(same, k)));
        if (members.length > 0) findings.push({ message: M.differsFromTrajectory({ what, members: joinTexts(members) }), pointer: `/${members[0]}` });
      }
      t.expectNone(findings, M.identicalToTrajectory({ n: events.length }));
    },
  }),
  defineCheck({
    id: 'push/standard-webhooks-envelope',
    requirements: ['ECDX-PSH-011'],
    needs: ['clock', 'callback'],
    title: 'A push is a signed PushBatch in application/json with webhook-id equal to the batchId',
    description:
      'Every delivery is `application/json`, a valid `PushBatch`, with `webhook-id` equal to its `batchId`, an integer `webhook-timestamp` within 300 s of the target\u2019s clock when the attempt was made (no earlier than its newest event\u2019s `recordedAt` and the subscription\u2019s creation, no later than its arrival: a push made before the harness moved the clock is judged against the time the target had then), and a `webhook-signature` that verifies with the subscription\u2019s scheme: the demo carrier push key for `v1a`, the subscription\u2019s secret for `v1`.' +
      DESCRIPTION_TAIL,
    uses: { pushed: pushedTrajectory },
    async run(t, { pushed }) {
      const p = await observation(t, pushed);
      t.precondition(p.plain.deliveries.length > 0 || p.plain.rejected.count > 0, M.receivedNoPush({ label: p.plain.label }));
      for (const o of observedOf(p)) {
        for (const [i, d] of o.deliveries.entries()) {
          const what = M.pushTo({ n: i + 1, label: o.label });
          const type = (d.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
          t.assert(type === 'application/json', M.contentTypeJson({ what, type: type || W.none() }));
          t.expectSchema(d.json, 'PushBatch', what);
          t.assert(
            d.headers['webhook-id'] === batchIdOf(d),
            M.webhookIdIsBatchId({ what, webhookId: d.headers['webhook-id'] ?? M.noneParenthesised(), batchId: String(batchIdOf(d)) }),
          );
          const ts = webhookTimestamp(d);
          // Judged against the target's clock when the attempt was made, not as it stands now: a push made before
          // the harness moved the clock (a backfill, or an attempt under way meanwhile) carries the time it had then.
          const { earliest, latest } = attemptWindow(p.clock, d, Date.parse(o.subscription.createdAt));
          const tolerance = WEBHOOK_TOLERANCE_SECONDS * SECOND;
          const fresh = ts !== undefined && ts >= earliest - tolerance && ts <= latest + tolerance;
          const when =
            latest - earliest < SECOND ? M.clockAbout({ at: seconds(earliest) }) : M.clockBetween({ earliest: seconds(earliest), latest: seconds(latest) });
          const got = M.timestampGot({ stamp: d.headers['webhook-timestamp'] ?? W.none(), when });
          t.assert(fresh, M.timestampFresh({ what, got }));
          const key = verificationKeyFor(o.subscription);
          const verified = key ? verifyDelivery(d, key) : undefined;
          const detail = verified && !verified.ok ? M.detail({ detail: { en: verified.detail, 'zh-Hans': verified.detailZh } }) : '';
          t.assert(verified?.ok === true, M.signatureVerifies({ what, key: keyName(o.subscription), detail }));
        }
        // The receiver counted only pushes that verify; those that did not came to a URL only the target was given.
        const refused = o.rejected.sample[0];
        const detail = refused && verificationKeyFor(o.subscription) ? verifyDelivery(refused, verificationKeyFor(o.subscription)!) : undefined;
        t.assert(
          o.rejected.count === 0,
          M.rejectedPushes({
            n: o.rejected.count,
            label: o.label,
            key: keyName(o.subscription),
            detail: detail && !detail.ok ? M.detail({ detail: { en: detail.detail, 'zh-Hans': detail.detailZh } }) : '',
          }),
        );
      }
    },
  }),
  defineCheck({
    id: 'push/batch-shape',
    requirements: ['ECDX-PSH-012'],
    needs: ['clock', 'callback'],
    title: 'A batch carries 1 to 100 events, all for the subscription it names, each waybill\u2019s in ascending sequence',
    description:
      'Every delivery names the subscription it was delivered for, holds between 1 and 100 events, and lists the events of each waybill in ascending sequence.' +
      DESCRIPTION_TAIL,
    uses: { pushed: pushedTrajectory },
    async run(t, { pushed }) {
      const p = await observation(t, pushed);
      t.precondition(p.plain.deliveries.length > 0, M.receivedNoPush({ label: p.plain.label }));
      const findings: Finding[] = [];
      for (const o of observedOf(p)) {
        for (const [i, d] of o.deliveries.entries()) findings.push(...batchShapeFindings(d, o.subscription, M.pushTo({ n: i + 1, label: o.label })));
      }
      t.expectNone(findings, M.batchShapeHeld());
    },
  }),
  defineCheck({
    id: 'push/v1-secret-per-subscription',
    requirements: ['ECDX-SEC-012', 'ECDX-PSH-002'],
    class: 'security',
    needs: ['clock', 'callback'],
    title: 'Pushes are signed with a key for pushes alone: v1a with the registered key, v1 with a secret of that subscription only',
    description:
      'v1a pushes verify with the demo carrier push key registered out of band. Two v1 subscriptions get different secrets of 24 to 64 bytes, neither the published demo secret; each subscription\u2019s pushes verify with its own secret and not with the other\u2019s; no push carries a secret (ECDX-PSH-002).' +
      DESCRIPTION_TAIL,
    uses: { pushed: pushedTrajectory },
    async run(t, { pushed }) {
      const requirementId = 'ECDX-SEC-012';
      if (!claimsClass(t, 'carrier-tracking-push')) t.notApplicable(M.noPushClass());
      const p = await observation(t, pushed);
      if (p.plain.subscription.signatureScheme === 'v1a') {
        for (const [i, d] of p.plain.deliveries.entries()) {
          t.assert(
            verifyDelivery(d, demoCredentials.push.v1a.verificationKey).ok,
            M.verifiesWithRegisteredKey({ push: M.pushTo({ n: i + 1, label: p.plain.label }) }),
            {
              requirementId,
            },
          );
        }
      }
      if (!p.v1) return t.blocked(M.noV1NoSecret(), { requirementId });
      const secrets = p.v1.map((o) => o.subscription.secret!);
      t.assert(secrets[0] !== secrets[1], M.differentSecrets(), { requirementId });
      for (const [i, secret] of secrets.entries()) {
        t.assert(secret !== DEMO_WEBHOOK_SECRET, M.notDemoSecret({ label: p.v1[i]!.label }), { requirementId });
        const bytes = Buffer.from(secret.slice(6), 'base64').byteLength;
        t.assert(bytes >= 24 && bytes <= 64, M.secretBytes({ label: p.v1[i]!.label, bytes }), { requirementId });
      }
      for (const [i, o] of p.v1.entries()) {
        const own = webhookSecret(secrets[i]!);
        const other = webhookSecret(secrets[1 - i]!);
        for (const [n, d] of o.deliveries.entries()) {
          const push = M.pushTo({ n: n + 1, label: o.label });
          t.assert(verifyDelivery(d, own).ok, M.verifiesWithOwnSecret({ push }), { requirementId });
          if (secrets[0] !== secrets[1]) t.assert(!verifyDelivery(d, other).ok, M.notWithOtherSecret({ push }), { requirementId });
        }
      }
      const keys = secrets.map((s) => s.slice(6));
      for (const o of observedOf(p)) {
        for (const [n, d] of o.deliveries.entries()) {
          const text = `${d.path} ${JSON.stringify(d.headers)} ${d.body.toString('utf8')}`;
          t.assert(!keys.some((k) => text.includes(k)), M.carriesNoSecret({ push: M.pushTo({ n: n + 1, label: o.label }) }), {
            requirementId: 'ECDX-PSH-002',
          });
        }
      }
    },
  }),
];
