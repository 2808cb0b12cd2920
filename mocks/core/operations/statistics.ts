// Sharing statistics (chapter Sharing statistics, ECDX-STA-*, ECDX-PRV-015): figures for a period, computed from the
// activity log, scoped to the requesting client. The log holds codes and counts only, and every figure below is a
// count or a code, so nothing personal can reach the answer; the arithmetic holds by construction.
import type { ExchangeParty, PartyRole, SharingStatistics, TrackingNode } from '../../../schemas/src/index.ts';
import { statisticsPeriodProblem, Timestamp } from '../../../schemas/src/index.ts';
import { violations } from '../../../schemas/validate.ts';
import { activitiesBetween, type Activity } from '../activity.ts';
import { json, problemResponse, validationProblem } from '../respond.ts';
import type { MockContext, MockResponse, OperationHandler, OperationInput, Party } from '../types.ts';
import { timestampAt } from './discovery.ts';
import { RECEIVED_EVENTS } from './receiver.ts';

/** What the push receiver keeps of each event (receiver.ts): enough to time its delivery. */
interface ReceivedEvent {
  event: { recordedAt: string };
  batchId: string;
  receivedAt: number;
}

/** How long the fault `statistics-short-retention` keeps figures: far less than the 366 days ECDX-STA-006 asks. */
const SHORT_RETENTION_DAYS = 90;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type Figures = Omit<SharingStatistics, 'period' | 'generatedAt' | 'role' | 'party' | 'counterparty'>;

/** Each of `from` and `to` exactly once, as an RFC 3339 timestamp with an offset; every violation is listed. */
function readPeriod(query: URLSearchParams): { from: string; to: string } | MockResponse {
  const invalid: { name: string; in: 'query'; reason: string }[] = [];
  const read = (name: 'from' | 'to'): string | undefined => {
    const values = query.getAll(name);
    if (values.length === 0) invalid.push({ name: `/${name}`, in: 'query', reason: 'required' });
    else if (values.length > 1) invalid.push({ name: `/${name}`, in: 'query', reason: 'given more than once' });
    else if (violations(Timestamp, values[0]).length > 0) {
      invalid.push({ name: `/${name}`, in: 'query', reason: 'must be an RFC 3339 date-time with an offset, such as 2026-03-01T00:00:00+08:00' });
    } else return values[0];
    return undefined;
  };
  const from = read('from');
  const to = read('to');
  if (from === undefined || to === undefined) return validationProblem(invalid, 'The statistics period is missing or malformed.');
  return { from, to };
}

/** The role the mock reports in: the counterpart of the requester's role, where the mock plays both. */
function reportingRole(mock: MockContext, caller: Party | undefined): PartyRole {
  if (mock.role !== 'both') return mock.role;
  return caller?.role === 'carrier' ? 'platform' : 'carrier';
}

const exchangeParty = (party: Omit<Party, 'keyid'>): ExchangeParty =>
  party.role === 'carrier' ? { name: party.name, role: 'carrier', carrierCode: party.carrierCode ?? '' } : { name: party.name, role: 'platform' };

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 1000) / 1000;
}

/**
 * What each role reports: a carrier the shipping data it received, the events it provided and the pushes it made;
 * a platform the pushes it received (it sends no shipping data from the mock, and a batch received is a batch
 * delivered to it).
 */
const COUNTED_BY: Record<PartyRole, ReadonlySet<Activity['kind']>> = {
  carrier: new Set(['shipment-accepted', 'shipment-rejected', 'event-provided', 'push-delivered', 'push-retried', 'push-failed']),
  platform: new Set(['event-provided', 'push-received']),
};

/** The figures of a set of log entries, for the reporting role. */
function figuresOf(log: readonly Activity[], role: PartyRole, receivedLatencies: readonly number[] = []): Figures {
  const rejectedByReason: Record<string, number> = {};
  const byNode: Record<TrackingNode, number> = { ACCEPTANCE: 0, SORTING: 0, TRANSPORT: 0, DELIVERY: 0 };
  let accepted = 0;
  let rejected = 0;
  let provided = 0;
  let delivered = 0;
  let retried = 0;
  let failed = 0;
  const latencies: number[] = [];
  for (const entry of log) {
    if (!COUNTED_BY[role].has(entry.kind)) continue;
    switch (entry.kind) {
      case 'shipment-accepted':
        accepted += 1;
        break;
      case 'shipment-rejected': {
        rejected += 1;
        // Reasons are catalogue slugs; anything else is counted without being repeated.
        const reason = SLUG.test(entry.reason) ? entry.reason : 'unknown';
        rejectedByReason[reason] = (rejectedByReason[reason] ?? 0) + 1;
        break;
      }
      case 'event-provided':
        provided += 1;
        byNode[entry.node] += 1;
        break;
      case 'push-delivered':
        delivered += 1;
        latencies.push(Math.max(0, entry.latencySeconds));
        break;
      case 'push-received':
        delivered += 1;
        break;
      case 'push-retried':
        retried += 1;
        break;
      case 'push-failed':
        failed += 1;
        break;
    }
  }
  if (role === 'platform') latencies.push(...receivedLatencies);
  // A median is due whenever a push was delivered (ECDX-STA-004). A platform that received only events it already
  // held has no fresh event to time; 0 s is then what it observed.
  const latency = median(latencies) ?? (delivered > 0 ? 0 : undefined);
  return {
    shipments: { received: accepted + rejected, accepted, rejected, rejectedByReason },
    trackingEvents: { provided, byNode },
    pushes: {
      delivered,
      retried,
      failed,
      ...(latency === undefined ? {} : { medianLatencySeconds: latency }),
    },
    // The mock never interrupts a feed and never suffers an incident of its own; it answers whenever it runs.
    interruptions: { count: 0, minutes: 0 },
    incidents: { count: 0 },
    availabilityPercent: 100,
  };
}

/** For a platform, the delay from each received event's recordedAt to its arrival, for the batches counted. */
function receivedLatencies(mock: MockContext, log: readonly Activity[]): number[] {
  const batches = new Set(log.flatMap((a) => (a.kind === 'push-received' ? [a.batchId] : [])));
  if (batches.size === 0) return [];
  return mock.store
    .collection<ReceivedEvent>(RECEIVED_EVENTS)
    .values()
    .filter((r) => batches.has(r.batchId))
    .map((r) => Math.max(0, (r.receivedAt - Date.parse(r.event.recordedAt)) / 1000));
}

function sharingStatistics(mock: MockContext, caller: Party | undefined, from: string, to: string): SharingStatistics {
  const now = mock.clock.now();
  const role = reportingRole(mock, caller);
  const everyone = mock.fault('statistics-cover-all-counterparties');
  // A period that ends later is counted up to now: nothing later has happened yet.
  const log = activitiesBetween(mock, Date.parse(from), Math.min(Date.parse(to), now + 1), everyone ? undefined : caller?.keyid);
  return {
    period: { from, to },
    generatedAt: timestampAt(now),
    role,
    party: exchangeParty(mock.self[role]),
    ...(caller ? { counterparty: exchangeParty(caller) } : {}),
    ...figuresOf(log, role, role === 'platform' ? receivedLatencies(mock, log) : []),
  };
}

function getSharingStatistics({ mock, caller, query }: OperationInput): MockResponse {
  const period = readPeriod(query);
  if (!('from' in period)) return period;
  const now = mock.clock.now();
  const problem = statisticsPeriodProblem(period.from, period.to, new Date(now));
  if (problem && !mock.fault('statistics-period-unchecked')) return problemResponse('statistics-period-invalid', { detail: problem });
  if (mock.fault('statistics-short-retention') && Date.parse(period.from) < now - SHORT_RETENTION_DAYS * 86_400_000) {
    return problemResponse('statistics-period-invalid', { detail: `figures are kept for ${SHORT_RETENTION_DAYS} days` });
  }
  return json(200, sharingStatistics(mock, caller, period.from, period.to));
}

export const handlers = {
  getSharingStatistics,
} satisfies Record<string, OperationHandler>;
