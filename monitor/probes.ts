// What one round asks of a link (OP-06: the parties check their interconnection automatically, end to end): the
// health document, unsigned, whose feeds say what the party itself reports; and for a carrier the canary
// trajectory, signed, which shows the pull feed actually answering with data. A probe passes when it is answered
// within the bound (2 s, as ECDX-HLT-009 counts availability) without a 5xx and with a body of the right shape.
import { randomUUID } from 'node:crypto';
import { feedsOfClasses, schemaByName, type ConformanceClaim, type DataFeed, type PartyRole } from '../schemas/src/index.ts';
import { isValid } from '../schemas/validate.ts';
import { TargetUnreachable, type HttpResponse, type TargetClient } from '../conformance/harness/client.ts';
import type { ProbeData, ProbeOutcome } from './ledger.ts';

/**
 * What each role sends, and so can interrupt (OP-07): the feeds a monitor holds the target to. As the standard's
 * notices name them — a carrier announces PARCEL_DATA_PUSH and PARCEL_DATA_PULL, a platform SHIPPING_DATA — so
 * that an interruption is matched against notices in the same terms.
 */
const FEEDS_SENT_BY: Record<PartyRole, DataFeed[]> = { carrier: ['PARCEL_DATA_PULL', 'PARCEL_DATA_PUSH'], platform: ['SHIPPING_DATA'] };

/** The feeds to watch: those the target sends that its claim commits it to, else all those its role sends. */
export function feedsOf(role: PartyRole, claim: ConformanceClaim | undefined): DataFeed[] {
  const claimed = claim ? feedsOfClasses(role, claim.classes).filter((feed) => FEEDS_SENT_BY[role].includes(feed)) : [];
  return claimed.length > 0 ? claimed : FEEDS_SENT_BY[role];
}

const oneLine = (text: string, max = 300): string => text.replace(/\s+/g, ' ').trim().slice(0, max);

async function timed(probe: ProbeOutcome['probe'], send: () => Promise<HttpResponse>, judge: (r: HttpResponse) => string | undefined, boundMs: number) {
  const started = Date.now();
  try {
    const response = await send();
    const ms = response.durationMs;
    const sent = `${response.sent.method} ${new URL(response.sent.url).pathname.replace(/^.*(?=\/v1\/)/, '')}`;
    const problem = response.durationMs > boundMs ? `${sent} answered in ${ms} ms, beyond the ${boundMs} ms bound` : judge(response);
    const outcome: ProbeOutcome = { probe, ok: problem === undefined, status: response.status, ms, ...(problem ? { detail: problem } : {}) };
    return { outcome, response };
  } catch (error) {
    if (!(error instanceof TargetUnreachable)) throw error;
    return { outcome: { probe, ok: false, ms: Date.now() - started, detail: oneLine(error.message) } as ProbeOutcome, response: undefined };
  }
}

export interface RoundResult {
  data: ProbeData;
  /** The target's clock as its health document stated it (epoch ms), when it did. */
  serverTime?: number;
}

/** One round: health, then the canary when there is one; each feed's state from what speaks for it. */
export async function probeRound(http: TargetClient, feeds: readonly DataFeed[], canary: string | undefined, boundMs: number): Promise<RoundResult> {
  const health = await timed(
    'health',
    () => http.send({ method: 'GET', path: '/v1/health', sign: false }),
    (r) =>
      r.status !== 200 ? `GET /v1/health answered ${r.status}` : isValid('Health', r.json) ? undefined : 'GET /v1/health answered no valid Health document',
    boundMs,
  );
  const results = [health.outcome];
  const reported = new Map<string, string>();
  if (health.outcome.ok) for (const f of (health.response!.json as { feeds: { feed: string; status: string }[] }).feeds) reported.set(f.feed, f.status);
  let pull: ProbeOutcome | undefined;
  if (canary !== undefined && feeds.includes('PARCEL_DATA_PULL')) {
    const path = `/v1/shipments/${encodeURIComponent(canary)}/events`;
    pull = (
      await timed(
        'canary',
        () => http.send({ method: 'GET', path }),
        (r) => (r.status !== 200 ? `GET ${path} answered ${r.status}` : isValid('EventPage', r.json) ? undefined : `GET ${path} answered no valid EventPage`),
        boundMs,
      )
    ).outcome;
    results.push(pull);
  }
  const state: ProbeData['feeds'] = {};
  for (const feed of feeds) {
    const down = reported.get(feed) === 'DOWN';
    state[feed] = health.outcome.ok && !down && (feed !== 'PARCEL_DATA_PULL' || pull === undefined || pull.ok);
  }
  const serverTime = Date.parse((health.response?.json as { serverTime?: string } | undefined)?.serverTime ?? '');
  return { data: { results, feeds: state }, ...(Number.isFinite(serverTime) ? { serverTime } : {}) };
}

/** The claim, read unsigned as the harness reads it; undefined when the target does not serve a valid one. */
export async function readClaim(http: TargetClient, role: PartyRole): Promise<ConformanceClaim | undefined> {
  try {
    const response = await http.send({ method: 'GET', path: `/v1/conformance?role=${role}`, sign: false });
    return response.status === 200 && isValid('ConformanceClaim', response.json) ? (response.json as ConformanceClaim) : undefined;
  } catch (error) {
    if (error instanceof TargetUnreachable) return undefined;
    throw error;
  }
}

/** The target's clock as its health document states it (unsigned), when it answers one. */
export async function readServerTime(http: TargetClient): Promise<number | undefined> {
  try {
    const response = await http.send({ method: 'GET', path: '/v1/health', sign: false });
    const serverTime = Date.parse((response.json as { serverTime?: string } | undefined)?.serverTime ?? '');
    return Number.isFinite(serverTime) ? serverTime : undefined;
  } catch (error) {
    if (error instanceof TargetUnreachable) return undefined;
    throw error;
  }
}

/** The test clock's time and speed, on a test deployment. */
export async function readTestClock(http: TargetClient): Promise<{ now: number; speed: number } | undefined> {
  try {
    const response = await http.send({ method: 'GET', path: '/v1/test/clock' });
    const clock = response.json as { now?: string; speed?: number } | undefined;
    const now = Date.parse(clock?.now ?? '');
    return response.status === 200 && Number.isFinite(now) ? { now, speed: typeof clock?.speed === 'number' ? clock.speed : 1 } : undefined;
  } catch (error) {
    if (error instanceof TargetUnreachable) return undefined;
    throw error;
  }
}

/**
 * A canary shipment on a test deployment (its regular path, `ecdx-happy-…`): the standard's own example with the
 * target's carrier code. Never on a production deployment, where it would be a real parcel: there the operator
 * names a canary waybill.
 */
export async function createCanary(http: TargetClient, claim: ConformanceClaim): Promise<string | undefined> {
  const example = structuredClone((schemaByName('ShipmentRequest') as { examples: Record<string, unknown>[] }).examples[0]!);
  const recipient = { ...(example.recipient as Record<string, unknown>) };
  delete recipient.privacyNumber; // its expiry would have to follow the target's clock
  const body = { ...example, recipient, carrierCode: claim.party.carrierCode, platformOrderId: `ecdx-happy-monitor-${randomUUID().slice(0, 8)}` };
  try {
    const response = await http.send({ method: 'POST', path: '/v1/shipments', body });
    const waybillNo = (response.json as { waybillNo?: unknown } | undefined)?.waybillNo;
    return response.status === 201 && typeof waybillNo === 'string' ? waybillNo : undefined;
  } catch (error) {
    if (error instanceof TargetUnreachable) return undefined;
    throw error;
  }
}
