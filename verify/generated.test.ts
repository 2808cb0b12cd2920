// The generated checks against the reference mock, under the faults only generation finds: each fault fails its
// check with the smallest request or counterexample and the seed that reproduces it, and the same seed gives the
// same failure again, word for word. (The detection matrix holds each fault to exactly its requirements.)
import { describe, expect, it } from 'vitest';
import { runConformance } from '../conformance/index.ts';
import type { FaultName } from '../mocks/faults/index.ts';
import { startMockServer } from '../mocks/server.ts';

const cases: [FaultName, string, RegExp][] = [
  [
    'address-detail-bound-off-by-one',
    'shipping/generated-invalid-shipping-data-refused',
    /detail longer than maxLength 200 by one \(keyword maxLength\).*the smallest request that shows it: \{/,
  ],
  [
    'package-accepts-undefined-members',
    'shipping/generated-invalid-shipping-data-refused',
    /\/package\/ecdxUndefinedMember added: the object is closed \(keyword additionalProperties\)/,
  ],
  [
    'astral-characters-lost-on-store',
    'shipping/generated-shipping-data-held-as-sent',
    /the shipment held is not the request sent: .* is "\?[^"]*" instead of .*--seed 7 reproduces it/,
  ],
  ['cross-border-basis-reference-dropped', 'shipping/generated-shipping-data-held-as-sent', /crossBorder.*--seed 7 reproduces it/],
  [
    'notice-free-text-unchecked',
    'notices/generated-invalid-notice-refused',
    /\/(reasonDetail|impact\/(affectedUsers|mitigation)) .*the smallest request that shows it/,
  ],
];

async function failureUnder(fault: FaultName, check: string): Promise<string> {
  const server = await startMockServer({ role: 'carrier', port: 0, host: '127.0.0.1', faults: [fault], clockSpeed: 1 });
  try {
    const report = await runConformance({ target: server.url, role: 'carrier', only: [check], seed: 7, fuzzRuns: 10, timeoutMs: 10_000 });
    const result = report.results.find((r) => r.checkId === check)!;
    expect(result.status, result.message).toBe('failed');
    return result.message;
  } finally {
    await server.close();
  }
}

describe('the generated checks under the faults only generation finds', () => {
  it.each(cases)(
    '%s fails %s with the smallest case, the same for the same seed',
    async (fault, check, shows) => {
      const first = await failureUnder(fault, check);
      expect(first).toMatch(shows);
      expect(await failureUnder(fault, check)).toBe(first);
    },
    60_000,
  );
});
