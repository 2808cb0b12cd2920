// The monitor against the hostile bench (verify/hostile/): an endpoint that never answers, trickles, resets, redirects,
// sends garbage or a flood of headers is a feed that is down, with a readable reason — never a crashed, hung or
// bloated monitor — and nothing reaches another origin. Every misbehaviour at once, on the real clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../protocol/index.ts';
import { startMonitor } from '../../monitor/monitor.ts';
import { MISBEHAVIOURS, startHostileTarget, startWitness, type Misbehaviour } from '../hostile/target.ts';
import { until } from './scenario.ts';

const root = mkdtempSync(join(tmpdir(), 'ecdx-monitor-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ecdx monitor against hostile targets', () => {
  it('takes every misbehaviour as an interrupted feed with a one-line reason, and stops promptly', async () => {
    const witness = await startWitness();
    const names = Object.keys(MISBEHAVIOURS) as Misbehaviour[];
    const targets = await Promise.all(names.map((name) => startHostileTarget(name, witness.url)));
    const monitor = await startMonitor({
      targets: names.map((name, i) => ({
        name,
        url: targets[i]!.url,
        role: 'carrier',
        key: demoCredentials.platform.signingKey,
        targetKeys: [demoCredentials.carrier.verificationKey],
      })),
      intervalMs: 100,
      failuresToOpen: 2,
      probeTimeoutMs: 300,
      clock: 'real',
      evidencePath: join(root, 'evidence.jsonl'),
    });
    const rss = process.memoryUsage().rss;
    try {
      const everyOneDown = () => monitor.report().targets.every((t) => t.interruptions.length >= 1);
      expect(await until(everyOneDown, 25_000)).toBe(true);
    } finally {
      const stopping = Date.now();
      await monitor.stop();
      // A round in flight is bounded by its requests' deadlines (twice the probe timeout each).
      expect(Date.now() - stopping).toBeLessThan(5_000);
      await Promise.all([...targets, witness].map((t) => t.close()));
    }
    const report = monitor.report();
    for (const target of report.targets) {
      const first = target.interruptions[0]!;
      expect([target.id, first.compliance]).toEqual([target.id, 'non-compliant']);
      expect(first.firstFailure).toMatch(/^GET \/v1\/(health|shipments)/);
      expect([...first.firstFailure].some((c) => c.charCodeAt(0) < 0x20)).toBe(false); // one line, no control character
      expect(first.firstFailure.length).toBeLessThanOrEqual(300);
    }
    expect(witness.seen).toEqual([]);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);
});
