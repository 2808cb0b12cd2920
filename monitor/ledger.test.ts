// The ledger alone, on records built by hand: runs of failures, stretches and their horizon, whole minutes, the
// notices and their responses. The scenarios (verify/monitor/) show it against the mock; this pins the arithmetic.
import { describe, expect, it } from 'vitest';
import { violations } from '../schemas/validate.ts';
import type { EvidenceEntry } from './evidence/chain.ts';
import { LinkLedger, median } from './ledger.ts';
import { targetReport } from './report.ts';
import { TargetReport } from './report-schema.ts';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const MIN = 60_000;
const at = (ms: number) => new Date(ms).toISOString();
const probe = (ms: number, up: boolean, horizonMs = 2 * MIN): EvidenceEntry => ({
  at: at(ms),
  kind: 'probe',
  target: 'link',
  data: {
    results: [{ probe: 'health', ok: up, ms: 5, ...(up ? {} : { detail: 'GET /v1/health: connection refused' }) }],
    feeds: { PARCEL_DATA_PULL: up },
    horizonMs,
  },
});

function ledgerOf(entries: EvidenceEntry[]): LinkLedger {
  const ledger = new LinkLedger('link');
  for (const entry of entries) ledger.apply(entry);
  return ledger;
}

describe('LinkLedger', () => {
  it('counts a run of failed rounds from its first, and forgets it at the first round that answers', () => {
    const ledger = ledgerOf([probe(T0, true), probe(T0 + MIN, false), probe(T0 + 2 * MIN, false)]);
    expect(ledger.feed('PARCEL_DATA_PULL')).toMatchObject({
      up: false,
      failures: 2,
      firstFailureAt: T0 + MIN,
      firstFailure: 'GET /v1/health: connection refused',
    });
    ledger.apply(probe(T0 + 3 * MIN, true));
    expect(ledger.feed('PARCEL_DATA_PULL')).toMatchObject({ up: true, failures: 0 });
    expect(ledger.probes).toEqual({ total: 4, failed: 2 });
  });

  it('draws stretches that hold until the next round, and leaves a gap beyond the horizon unmeasured', () => {
    const ledger = ledgerOf([
      probe(T0, true),
      probe(T0 + MIN, true),
      probe(T0 + 2 * MIN, false),
      probe(T0 + 3 * MIN, true),
      probe(T0 + 30 * MIN, true),
      probe(T0 + 31 * MIN, true),
    ]);
    expect(ledger.timeline('PARCEL_DATA_PULL', T0, T0 + 31 * MIN).map((s) => [s.from.slice(11, 16), s.to.slice(11, 16), s.state])).toEqual([
      ['00:00', '00:02', 'up'],
      ['00:02', '00:03', 'down'],
      ['00:03', '00:30', 'unmeasured'], // the round at 00:03 answered, but nothing was measured for 27 min after it
      ['00:30', '00:31', 'up'],
    ]);
  });

  it('counts whole minutes: measured where observed, available where up and no interruption touches them', () => {
    const entries = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((m) => probe(T0 + m * MIN, m < 4 || m > 6));
    const ledger = ledgerOf(entries);
    expect(ledger.minutes(['PARCEL_DATA_PULL'], T0, T0 + 10 * MIN)).toEqual({ period: 10, measured: 10, available: 7 });
    ledger.apply({
      at: at(T0 + 6 * MIN),
      kind: 'interruption-opened',
      target: 'link',
      data: { id: 'link/PARCEL_DATA_PULL/x', feed: 'PARCEL_DATA_PULL', cause: 'probes-failed', startedAt: T0 + 4 * MIN, firstFailure: 'x' },
    });
    ledger.apply({ at: at(T0 + 7 * MIN), kind: 'interruption-closed', target: 'link', data: { id: 'link/PARCEL_DATA_PULL/x', endedAt: T0 + 8 * MIN } });
    // The interruption runs to 00:08, a minute past the first round that answered: that minute is not available.
    expect(ledger.minutes(['PARCEL_DATA_PULL'], T0, T0 + 10 * MIN)).toEqual({ period: 10, measured: 10, available: 6 });
    expect(ledger.openOf('PARCEL_DATA_PULL')).toBeUndefined();
    // Feeds together: a feed never observed leaves every minute unmeasured.
    expect(ledger.minutes(['PARCEL_DATA_PULL', 'PARCEL_DATA_PUSH'], T0, T0 + 10 * MIN)).toEqual({ period: 10, measured: 0, available: 0 });
  });

  it('keeps a notice as received and records when its disclosure and a report to both authorities arrived', () => {
    const notice = { noticeId: 'ntc-1', negotiation: { state: 'ISSUED', responses: [] } };
    const ledger = ledgerOf([
      { at: at(T0), kind: 'notice', target: 'link', data: { notice } },
      { at: at(T0 + MIN), kind: 'notice-response', target: 'link', data: { noticeId: 'ntc-1', response: { type: 'DISCLOSED' }, state: 'ISSUED' } },
      {
        at: at(T0 + 2 * MIN),
        kind: 'notice-response',
        target: 'link',
        data: { noticeId: 'ntc-1', response: { type: 'AUTHORITY_REPORTED', authorityReport: { authorities: ['POSTAL'] } } },
      },
      {
        at: at(T0 + 3 * MIN),
        kind: 'notice-response',
        target: 'link',
        data: { noticeId: 'ntc-1', response: { type: 'AUTHORITY_REPORTED', authorityReport: { authorities: ['COMMERCE'] } }, state: 'DISPUTED' },
      },
    ]);
    const held = ledger.notices.get('ntc-1')!;
    expect([held.receivedAt, held.disclosedAt, held.authorityReportedAt, held.notice.negotiation.state, held.notice.negotiation.responses.length]).toEqual([
      T0,
      T0 + MIN,
      T0 + 3 * MIN,
      'DISPUTED',
      3,
    ]);
  });

  it('counts each event once however often it is pushed, by its node', () => {
    const push = (keys: string[]): EvidenceEntry => ({
      at: at(T0),
      kind: 'push',
      target: 'link',
      data: { events: keys.map((key) => ({ key, node: 'SORTING', latency: 10 })) },
    });
    const ledger = ledgerOf([push(['W#1', 'W#2']), push(['W#2', 'W#3'])]);
    expect([ledger.pushes, ledger.seen.size, ledger.byNode, median(ledger.pushLatencies)]).toEqual([{ received: 2, events: 4 }, 3, { SORTING: 3 }, 10]);
  });

  it("reads a verdict record of an earlier version, whose violations have no Chinese, and one of this version's, into a valid report", () => {
    const id = 'link/PARCEL_DATA_PULL/x';
    const detail = 'the PARCEL_DATA_PULL feed was interrupted and no interruption notice received covers it';
    const verdict = (violation: Record<string, string>): EvidenceEntry => ({
      at: at(T0 + 2 * MIN),
      kind: 'verdict',
      target: 'link',
      data: { id, compliance: 'non-compliant', violations: [violation] },
    });
    const opened: EvidenceEntry = {
      at: at(T0 + MIN),
      kind: 'interruption-opened',
      target: 'link',
      data: { id, feed: 'PARCEL_DATA_PULL', cause: 'probes-failed', startedAt: T0, firstFailure: 'x' },
    };
    const report = (ledger: LinkLedger) =>
      targetReport({ name: 'link', url: 'http://127.0.0.1:1', role: 'carrier', feeds: ['PARCEL_DATA_PULL'], claim: undefined, ledger, now: T0 + 3 * MIN });
    const older = report(ledgerOf([probe(T0, false), opened, verdict({ requirement: 'ECDX-NTC-001', detail })]));
    expect(older.interruptions[0]!.violations).toEqual([{ requirement: 'ECDX-NTC-001', detail }]);
    expect(violations(TargetReport, older)).toEqual([]);
    const detailZh = '数据流 PARCEL_DATA_PULL 发生数据中断，而收到的中断通知均未涵盖它';
    const newer = report(ledgerOf([probe(T0, false), opened, verdict({ requirement: 'ECDX-NTC-001', detail, detailZh })]));
    expect(newer.interruptions[0]!.violations).toEqual([{ requirement: 'ECDX-NTC-001', detail, detailZh }]);
    expect(violations(TargetReport, newer)).toEqual([]);
  });
});
