// `ecdx/conformance`: the conformance suite as a library. `runConformance()` returns the same report object that
// report.json holds, so a vendor can run the suite inside its own tests; the reporters render it; the protocol
// module signs and verifies requests and pushes.
import { checks } from './checks/index.ts';
import { redactReport } from './harness/redact.ts';
import type { ConformanceReport } from './harness/report.ts';
import { runSuite, type RunOptions } from './harness/runner.ts';

export { ConfigurationError, HARNESS_VERSION, runCheck, validateTarget } from './harness/runner.ts';
export type { ProgressListener, RunOptions } from './harness/runner.ts';

/**
 * Run the suite (or `options.checks`) against a target and return the report (the object report.json holds),
 * redacted as every report that leaves the harness is: a vendor's test logs it, stores it, attaches it.
 */
export const runConformance = async (options: RunOptions): Promise<ConformanceReport> =>
  redactReport(await runSuite({ ...options, checks: options.checks ?? checks }));
export { ConformanceReport, CheckResult, isConformant, summarise } from './harness/report.ts';
export type { Evidence, Exchange, ResultStatus, Summary } from './harness/report.ts';
export { Provenance, Seal, Waiver, WaiverUse } from './harness/report.ts';
export { applyWaivers, parseWaivers } from './harness/waivers.ts';
export { detachedProblem, keyThumbprint, sealOf, signDetached } from './harness/seal.ts';
export { defineCheck } from './harness/check.ts';
export { defineFixture } from './harness/check.ts';
export type { Check, CheckDefinition, Fixture } from './harness/check.ts';
export { checks };
export { ConsoleProgress, reporters, writeReports } from './reporters/index.ts';
export type { ReportFormat } from './reporters/index.ts';
export * from '../protocol/index.ts';
