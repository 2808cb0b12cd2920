// Sharing statistics (OP-11): aggregated figures an authority uses to assess how data interconnection and sharing
// work. They are numbers and codes only, and every object is closed, so that no personal data can find room in
// them; the figures are consistent by construction (see `statisticsInconsistencies`).
import { Type, type Static } from '@sinclair/typebox';
import { Closed, Count, ref, schemaId, Timestamp } from './common.ts';
import { ExchangeParty, PartyRole } from './discovery.ts';

/** The longest period one request may cover. */
export const MAX_STATISTICS_PERIOD_DAYS = 366;

const Figure = (description: string) => Count({ description });

export const SharingStatistics = Type.Object(
  {
    period: Type.Object(
      {
        from: ref(Timestamp, { description: 'Start of the period, inclusive: the `from` query parameter as requested.' }),
        to: ref(Timestamp, { description: 'End of the period, exclusive: the `to` query parameter as requested.' }),
      },
      { ...Closed, description: 'The period the figures cover, exactly as requested.' },
    ),
    generatedAt: ref(Timestamp, {
      description:
        'When the figures were computed. A period that ends later is counted up to this instant, inclusive: an exchange completed at exactly `generatedAt` counts.',
    }),
    role: PartyRole,
    party: ref(ExchangeParty, { description: 'The reporting party.' }),
    counterparty: Type.Optional(
      ref(ExchangeParty, {
        description:
          'The requesting party, as registered for the key that signed the request (never what the request says): ' +
          'the figures cover only the exchanges made with that key. Absent when they cover every counterparty, which ' +
          'is what an authority receives.',
      }),
    ),
    shipments: Type.Object(
      {
        received: Figure(
          '`POST /v1/shipments` requests past the signature check and answered 201 or with a problem (not 401, 429 or a replay): received by a carrier; sent and answered so, for a platform.',
        ),
        accepted: Figure('Of those, accepted (a waybill was issued).'),
        rejected: Figure('Of those, refused with a problem.'),
        rejectedByReason: Type.Record(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }), Count({ minimum: 1 }), {
          description: 'Refusals by problem-type slug (`validation-failed`, `prohibited-contents` …); the counts add up to `rejected`.',
          additionalProperties: false,
          maxProperties: 100,
        }),
      },
      { ...Closed, description: 'Shipping data (寄递数据, OP-01). `accepted` + `rejected` = `received`.' },
    ),
    trackingEvents: Type.Object(
      {
        provided: Figure(
          'Distinct trajectory events (waybill and sequence) at their first arrival, by pull or acknowledged push: provided by a carrier, or received by a platform.',
        ),
        byNode: Type.Object(
          {
            ACCEPTANCE: Figure('收寄'),
            SORTING: Figure('分拣'),
            TRANSPORT: Figure('运输'),
            DELIVERY: Figure('投递'),
          },
          { ...Closed, description: 'Events by the node the policy names (OP-02, the `node` of each trackingEvent); the counts add up to `provided`.' },
        ),
      },
      { ...Closed, description: 'Parcel data (快件数据, OP-02).' },
    ),
    pushes: Type.Object(
      {
        delivered: Figure('Push batches delivered (answered 2xx), at the first attempt or a retry.'),
        retried: Figure('Retry attempts made after a failed attempt.'),
        failed: Figure('Push batches abandoned after the retry schedule was exhausted, or refused with 410.'),
        medianLatencySeconds: Type.Optional(
          Type.Number({ description: "Median time from an event's recordedAt to its delivery, in seconds; absent when nothing was delivered.", minimum: 0 }),
        ),
      },
      { ...Closed, description: 'Pushes made (carrier) or received (platform; `retried` and `failed` are then 0).' },
    ),
    interruptions: Type.Object(
      {
        count: Figure('Interruptions of any feed in the period, noticed or not.'),
        minutes: Figure('Their total duration within the period, in whole minutes.'),
      },
      { ...Closed, description: 'Interruptions caused by the reporting party (OP-06, OP-07).' },
    ),
    incidents: Type.Object(
      { count: Figure('Security incidents notified to counterparties in the period.') },
      { ...Closed, description: 'Security incidents (OP-08, OP-09).' },
    ),
    availabilityPercent: Type.Number({
      description:
        'Share of the whole minutes of the counted period in which every probe (at least one a minute) of every ECDX endpoint of the party was answered within 2 s without a 5xx, in percent, rounded down to two decimals. Minutes not measured, and minutes of an interruption, are not available.',
      minimum: 0,
      maximum: 100,
    }),
  },
  {
    $id: schemaId('SharingStatistics'),
    title: 'SharingStatistics',
    description:
      'Aggregated sharing statistics of one party for a period (GET /v1/statistics/sharing?from&to; OP-11): how much ' +
      'shipping data and parcel data was exchanged, refused or delayed, how often feeds were interrupted and how ' +
      'available the interface was. Numbers and codes only; closed at every level so that no personal data fits.',
    ...Closed,
    examples: [
      {
        period: { from: '2026-02-01T00:00:00+08:00', to: '2026-03-01T00:00:00+08:00' },
        generatedAt: '2026-03-01T00:05:00+08:00',
        role: 'carrier',
        party: { name: '顺丰速运有限公司', role: 'carrier', carrierCode: 'SF' },
        counterparty: { name: '示例电商平台有限公司', role: 'platform' },
        shipments: { received: 120500, accepted: 120380, rejected: 120, rejectedByReason: { 'validation-failed': 97, 'prohibited-contents': 23 } },
        trackingEvents: { provided: 841200, byNode: { ACCEPTANCE: 120300, SORTING: 245900, TRANSPORT: 243000, DELIVERY: 232000 } },
        pushes: { delivered: 98000, retried: 310, failed: 2, medianLatencySeconds: 41 },
        interruptions: { count: 1, minutes: 180 },
        incidents: { count: 0 },
        availabilityPercent: 99.95,
      },
    ],
  },
);
export type SharingStatistics = Static<typeof SharingStatistics>;

/** An inconsistency of the figures: the member, and why in English and in Chinese (for a report read in Chinese). */
export interface StatisticsInconsistency {
  pointer: string;
  detail: string;
  detailZh: string;
}

/** The arithmetic the figures must satisfy (ECDX-STA-004); each entry names the inconsistent member. */
export function statisticsInconsistencies(s: SharingStatistics): StatisticsInconsistency[] {
  const found: StatisticsInconsistency[] = [];
  const { shipments, trackingEvents, pushes, period, generatedAt } = s;
  if (shipments.accepted + shipments.rejected !== shipments.received) {
    found.push({
      pointer: '/shipments/received',
      detail: `accepted ${shipments.accepted} + rejected ${shipments.rejected} ≠ received ${shipments.received}`,
      detailZh: `接受 ${shipments.accepted} + 拒绝 ${shipments.rejected} ≠ 收到 ${shipments.received}`,
    });
  }
  const byReason = Object.values(shipments.rejectedByReason).reduce((a, b) => a + b, 0);
  if (byReason !== shipments.rejected)
    found.push({
      pointer: '/shipments/rejectedByReason',
      detail: `reasons add up to ${byReason}, rejected is ${shipments.rejected}`,
      detailZh: `各原因之和为 ${byReason}，而 rejected 为 ${shipments.rejected}`,
    });
  const byNode = Object.values(trackingEvents.byNode).reduce((a, b) => a + b, 0);
  if (byNode !== trackingEvents.provided)
    found.push({
      pointer: '/trackingEvents/byNode',
      detail: `nodes add up to ${byNode}, provided is ${trackingEvents.provided}`,
      detailZh: `各节点之和为 ${byNode}，而 provided 为 ${trackingEvents.provided}`,
    });
  if (pushes.delivered === 0 && pushes.medianLatencySeconds !== undefined)
    found.push({ pointer: '/pushes/medianLatencySeconds', detail: 'a latency without deliveries', detailZh: '没有送达却给出了延迟' });
  if (pushes.delivered > 0 && pushes.medianLatencySeconds === undefined)
    found.push({ pointer: '/pushes/medianLatencySeconds', detail: 'deliveries without a latency', detailZh: '有送达却未给出延迟' });
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  const covered = Math.max(0, Math.min(to, Date.parse(generatedAt)) - from) / 60_000;
  if (s.interruptions.minutes > Math.ceil(covered))
    found.push({ pointer: '/interruptions/minutes', detail: 'more minutes of interruption than the period has', detailZh: '中断分钟数超过统计期间的分钟数' });
  if (s.interruptions.count === 0 && s.interruptions.minutes > 0)
    found.push({ pointer: '/interruptions/minutes', detail: 'minutes of interruption without an interruption', detailZh: '没有中断却有中断分钟数' });
  return found;
}

/**
 * Why a requested period is refused, or undefined when it is acceptable: `to` after `from`, `from` not in the
 * future, at most 366 days (ECDX-STA-002). The caller has already checked that both are RFC 3339 timestamps.
 */
export function statisticsPeriodProblem(from: string, to: string, now: Date): string | undefined {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (!(end > start)) return 'to must lie after from';
  if (start > now.getTime()) return 'the period begins in the future';
  if (end - start > MAX_STATISTICS_PERIOD_DAYS * 86_400_000) return `the period is longer than ${MAX_STATISTICS_PERIOD_DAYS} days`;
  return undefined;
}
