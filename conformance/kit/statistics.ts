// Helpers for the statistics checks (checks/statistics/): the request for a period, and the exchanges the harness
// makes first so that the figures have something to count — shipments for a carrier target, a push of two tracking
// events for a platform target. The harness asks as the target's counterparty, and asks for a window of time around
// its own exchanges, so that what other checks do at the same time can only add to the figures.
import type { SigningKey } from '../../protocol/index.ts';
import { schemaByName, type SharingStatistics } from '../../schemas/src/index.ts';
import { SECOND, wholeSecond } from '../../schemas/time.ts';
import { violations } from '../../schemas/validate.ts';
import type { HttpResponse } from '../harness/client.ts';
import type { TestContext } from '../harness/context.ts';
import type { Text } from '../i18n/text.ts';
import { M } from './messages.ts';
import { is2xx, pushBatch, sendPush, trajectoryEvents } from './pushes.ts';
import { createShipment, minimalShipmentRequest, personalDataOf, postShipment } from './shipping-data.ts';
import { readTargetClock, timestamp } from './time.ts';
import { violationsText } from '../harness/violations.ts';

export const STATISTICS_PATH = '/v1/statistics/sharing';

/** The path of a statistics request; a parameter given as undefined is left out (to see it refused). */
export function statisticsPath(from: string | undefined, to: string | undefined): string {
  const query = [from === undefined ? undefined : `from=${encodeURIComponent(from)}`, to === undefined ? undefined : `to=${encodeURIComponent(to)}`].filter(
    Boolean,
  );
  return `${STATISTICS_PATH}${query.length ? `?${query.join('&')}` : ''}`;
}

/** GET the statistics for a period (signed with the run's key or `sign`); no judgement. */
export const getStatistics = (t: TestContext, from: string, to: string, sign?: SigningKey): Promise<HttpResponse> =>
  t.http.get(statisticsPath(from, to), sign ? { sign } : {});

/** The statistics for a period, or precondition-failed unless 200 and a valid SharingStatistics (ECDX-STA-001's question). */
export async function readStatistics(t: TestContext, from: string, to: string, why: Text, sign?: SigningKey): Promise<SharingStatistics> {
  const response = await getStatistics(t, from, to, sign);
  t.precondition(response.status === 200, M.statisticsAnswered({ path: STATISTICS_PATH, why, status: response.status }));
  const found = violations(schemaByName('SharingStatistics'), response.json, 3);
  const listed = violationsText(found);
  t.precondition(found.length === 0, M.statisticsInvalid({ path: STATISTICS_PATH, why, violations: listed }));
  return response.json as SharingStatistics;
}

export interface Exchanges {
  /** A period around the exchanges: from a second before the first to a second after the last. */
  from: string;
  to: string;
  /** When the last exchange completed (target's clock, epoch ms). */
  completedAt: number;
  /** What the figures must count at least, and how to read it from them. */
  expected: { label: string; count: (s: SharingStatistics) => number; atLeast: number }[];
  /** Identifiers and personal data the harness sent, which the statistics must never repeat. */
  secrets: { kind: string; value: string }[];
}

/**
 * Exchanges the target's figures must count, made now by the harness (the run's key unless `sign` says otherwise):
 * for a carrier, `shipments` accepted shipments (and, with `rejected`, one invalid one, which only the consistency
 * check needs and nothing asserts is refused or counted); for a platform, one push of two tracking events. The check
 * ends precondition-failed when the target does not take them: that is another area's question.
 */
export async function makeExchanges(t: TestContext, options: { shipments?: number; rejected?: boolean; sign?: SigningKey } = {}): Promise<Exchanges> {
  // The target's clock as read, whatever its speed: a period from the harness's estimate may begin in its future.
  const started = wholeSecond(await readTargetClock(t)) - SECOND;
  const signing = options.sign ? { sign: options.sign } : {};
  const secrets: Exchanges['secrets'] = [];
  let expected: Exchanges['expected'];
  if (t.role === 'carrier') {
    const count = options.shipments ?? 1;
    for (let i = 0; i < count; i++) {
      const created = await createShipment(t, undefined, signing);
      secrets.push({ kind: 'waybill number', value: created.waybillNo });
      for (const datum of personalDataOf(created.request)) secrets.push({ kind: datum.kind, value: datum.value });
    }
    // A refusal to count (whether the target does refuse it is the shipping checks' question, not this one's).
    if (options.rejected) await postShipment(t, minimalShipmentRequest(t, { package: { count: 0 } }), signing);
    expected = [
      { label: 'shipments.received', count: (s) => s.shipments.received, atLeast: count },
      { label: 'shipments.accepted', count: (s) => s.shipments.accepted, atLeast: count },
    ];
  } else {
    const events = trajectoryEvents(t, [1, 2]);
    const response = await sendPush(t, { body: pushBatch(t, events) });
    t.precondition(is2xx(response), M.pushNotTaken({ status: response.status }));
    secrets.push({ kind: 'waybill number', value: events[0]!.waybillNo });
    expected = [
      { label: 'trackingEvents.provided', count: (s) => s.trackingEvents.provided, atLeast: events.length },
      { label: 'pushes.delivered', count: (s) => s.pushes.delivered, atLeast: 1 },
    ];
  }
  const completedAt = await readTargetClock(t);
  return { from: timestamp(started), to: timestamp(Math.ceil(completedAt / SECOND) * SECOND + SECOND), completedAt, expected, secrets };
}

/** The expected figures that `stats` does not reach yet: "shipments.received 0 < 1". */
export const shortfalls = (exchanges: Exchanges, stats: SharingStatistics): string[] =>
  exchanges.expected.filter((e) => e.count(stats) < e.atLeast).map((e) => `${e.label} ${e.count(stats)} < ${e.atLeast}`);

/**
 * A token that reads like the identifier of a parcel: 8–32 upper-case letters and digits (a WaybillNumber)
 * holding at least six digits. Carrier codes (letters) and timestamps (separated digits) never match.
 */
export function waybillLikeToken(text: string): string | undefined {
  for (const token of text.split(/[^A-Z0-9]+/)) {
    if (token.length >= 8 && token.length <= 32 && (token.match(/\d/g)?.length ?? 0) >= 6) return token;
  }
  return undefined;
}
