// The push checks against the reference mock: with no fault every one passes; with each fault of the push area
// (those whose requirements are all PSH, ECDX-HLT-007, ECDX-SEC-012 or ECDX-SEC-013) exactly that fault's
// requirements fail, and nothing errors. The runs go side by side, one mock server each, to stay within a minute.
import { describe, expect, it } from 'vitest';
import { faults as catalogue, type FaultName } from '../../mocks/faults/index.ts';
import { startMockServer } from '../../mocks/server.ts';
import type { Check } from '../../conformance/harness/check.ts';
import { runConformance } from '../../conformance/index.ts';
import { areas } from '../../conformance/checks/index.ts';

type Role = 'carrier' | 'platform';

const CHECKS: Record<Role, readonly Check[]> = {
  carrier: areas.push.filter((c) => c.role !== 'platform'),
  platform: areas.push.filter((c) => c.role !== 'carrier'),
};

const isPushRequirement = (id: string) => /^ECDX-PSH-\d{3}$/.test(id) || ['ECDX-HLT-007', 'ECDX-SEC-012', 'ECDX-SEC-013'].includes(id);
const pushFaults = (role: Role) => catalogue.filter((f) => (f.role === role || f.role === 'both') && f.requirements.every(isPushRequirement));

/**
 * The slow-acknowledgement fault makes every accepted push take 16 s; run only the checks that time the answer,
 * or the checks that push several correct batches would take minutes.
 */
const ONLY: Record<string, string[]> = {
  'platform-slow-acknowledgement': ['push/receiver-acknowledges-in-time', 'push/receiver-acknowledgement'],
};

interface Outcome {
  failed: string[];
  errors: string[];
  /** Checks not passed in a run that should pass everything. */
  notPassed: string[];
}

async function run(role: Role, faults: readonly FaultName[]): Promise<Outcome> {
  const server = await startMockServer({ role, port: 0, host: '127.0.0.1', faults, clockSpeed: 1 });
  try {
    const only = faults.length === 1 ? ONLY[faults[0]!] : undefined;
    const checks = only ? CHECKS[role].filter((c) => only.includes(c.id)) : CHECKS[role];
    const report = await runConformance({ target: server.url, role, concurrency: 4, timeoutMs: 10_000, checks });
    const results = report.results.filter((r) => r.status !== 'skipped');
    expect(results.length).toBe(checks.length);
    return {
      failed: [...new Set(results.filter((r) => r.status === 'failed').flatMap((r) => r.failedRequirementIds ?? r.requirementIds))].sort(),
      errors: results.filter((r) => r.status === 'error').map((r) => `${r.checkId}: ${r.message}`),
      notPassed: results.filter((r) => r.status !== 'passed').map((r) => `${r.checkId} ${r.status}: ${r.message}`),
    };
  } finally {
    await server.close();
  }
}

describe.concurrent('the push checks against the reference mock', () => {
  for (const role of ['carrier', 'platform'] as const) {
    it(`${role}: every check passes without a fault, and each push fault fails exactly its requirements`, async () => {
      const faults = pushFaults(role);
      expect(faults.length).toBeGreaterThan(5);
      const [baseline, ...outcomes] = await Promise.all([run(role, []), ...faults.map((f) => run(role, [f.name]))]);
      expect(baseline!.notPassed).toEqual([]);
      const seen = Object.fromEntries(faults.map((f, i) => [f.name, { failed: outcomes[i]!.failed, errors: outcomes[i]!.errors }]));
      const wanted = Object.fromEntries(faults.map((f) => [f.name, { failed: [...f.requirements].sort(), errors: [] }]));
      expect(seen).toEqual(wanted);
    }, 110_000);
  }
});
