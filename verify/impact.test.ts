// The impact analysis (verify/impact.ts): which checks a fault can reach, on impacts written by hand, and on a real
// traced run of the mock (checks side by side), where a fault's switch is seen consulted by the checks that exercise
// its rule and no other.
import { describe, expect, it } from 'vitest';
import { defineCheck, type Check } from '../conformance/harness/check.ts';
import { runConformance } from '../conformance/index.ts';
import { checks as suite } from '../conformance/checks/index.ts';
import { faultByName } from '../mocks/faults/index.ts';
import { startMockServer } from '../mocks/server.ts';
import { checksReachedBy, impactRecorder, RUN_WIDE, TRACE_HEADER, type Impact } from './impact.ts';

const check = (id: string, requirements: string[]): Check =>
  defineCheck({ id, requirements, title: id, description: 'A check of the impact tests.', run: async () => {} });

const checks = [
  check('shipping/a', ['ECDX-SHP-003']),
  check('shipping/b', ['ECDX-SHP-004']),
  check('tracking/c', ['ECDX-TRK-001']),
  check('tracking/d', ['ECDX-TRK-002']),
  check('statistics/e', ['ECDX-STA-001']),
];
const impact = (part: Partial<Impact> = {}): Impact => ({ everywhere: new Set(), switches: new Map(), operations: new Map(), fixtures: new Map(), ...part });
const ids = (selected: readonly Check[]) => selected.map((c) => c.id);
const fault = (name: string) => faultByName(name)!;

describe('checksReachedBy', () => {
  const switchFault = fault('waybill-reused-for-same-order'); // a switch of operations/shipments.ts, ECDX-SHP-006

  it('runs the checks during which the switch was consulted, those of run-wide state, and none other', () => {
    const reached = checksReachedBy(switchFault, checks, impact({ switches: new Map([['shipping/b', new Set([switchFault.switch!])]]) }));
    expect(ids(reached)).toEqual(['shipping/b', 'statistics/e']);
  });

  it('runs the checks of the fault’s own requirements even where the trace saw nothing', () => {
    const own = [...checks, check('shipping/own', switchFault.requirements)];
    expect(ids(checksReachedBy(switchFault, own, impact()))).toEqual(['statistics/e', 'shipping/own']);
  });

  it('runs everything when the switch was consulted before any check (start-up, the claim)', () => {
    expect(checksReachedBy(switchFault, checks, impact({ everywhere: new Set([switchFault.switch!]) }))).toBe(checks);
  });

  it('counts a fixture’s requests for the checks that use it', () => {
    const viaFixture = impact({ switches: new Map([['journeys', new Set([switchFault.switch!])]]), fixtures: new Map([['tracking/d', ['journeys']]]) });
    expect(ids(checksReachedBy(switchFault, checks, viaFixture))).toEqual(['tracking/d', 'statistics/e']);
  });

  it('follows fixtures both ways: whoever shares a fixture, directly or through another, with a reached check', () => {
    const shared = impact({
      switches: new Map([['tracking/c', new Set([switchFault.switch!])]]),
      fixtures: new Map([
        ['tracking/c', ['journeys']],
        ['journeys', ['delivered-parcel']],
        ['shipping/a', ['delivered-parcel']],
      ]),
    });
    expect(ids(checksReachedBy(switchFault, checks, shared))).toEqual(['shipping/a', 'tracking/c', 'statistics/e']);
  });

  it('runs a rewrite of one operation with the checks that were answered by it; one of every operation with all', () => {
    const rewrite = fault('shipment-created-without-location');
    expect(rewrite.operation).toBeDefined();
    const answered = impact({ operations: new Map([['tracking/d', new Set([rewrite.operation!])]]) });
    expect(ids(checksReachedBy(rewrite, checks, answered))).toEqual(['tracking/d', 'statistics/e']);
  });
});

describe('the run-wide checks', () => {
  it('name areas and checks of the suite', () => {
    const known = new Set(suite.flatMap((c) => [c.id, c.id.split('/')[0]!]));
    expect(RUN_WIDE.filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('a traced run of the mock', () => {
  it('sees a fault’s switch consulted by the checks of its rule, and not by checks of another area', async () => {
    const recorder = impactRecorder();
    const server = await startMockServer({ role: 'carrier', port: 0, host: '127.0.0.1', trace: recorder.trace });
    try {
      const report = await runConformance({
        target: server.url,
        role: 'carrier',
        settleMs: 50,
        only: ['shipping/repeat-cancellation', 'errors/unknown-path'],
        traceHeader: TRACE_HEADER,
      });
      const traced = recorder.finish(report);
      const restamped = fault('repeat-cancellation-restamped');
      expect(traced.switches.get('shipping/repeat-cancellation')).toContain(restamped.switch);
      expect(traced.switches.get('errors/unknown-path') ?? new Set()).not.toContain(restamped.switch);
      const reached = ids(checksReachedBy(restamped, suite, traced));
      expect(reached).toContain('shipping/repeat-cancellation');
      expect(reached).not.toContain('errors/unknown-path');
    } finally {
      await server.close();
    }
  }, 60_000);
});
