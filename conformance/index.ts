// `ecdx/conformance`: the conformance suite as a library. `runConformance()` returns the same report object that
// report.json holds, so a vendor can run the suite inside its own tests; the reporters render it; the protocol
// module signs and verifies requests and pushes.
export { ConfigurationError, HARNESS_VERSION, runCheck, runConformance, validateTarget } from './harness/runner.ts';
export type { ProgressListener, RunOptions } from './harness/runner.ts';
export { ConformanceReport, CheckResult, isConformant, summarise } from './harness/report.ts';
export type { Evidence, Exchange, ResultStatus, Summary } from './harness/report.ts';
export { defineCheck } from './harness/check.ts';
export type { CheckDefinition } from './harness/check.ts';
export { checks } from './checks/index.ts';
export { coverageMatrix } from './coverage.ts';
export { ConsoleProgress, reporters, writeReports } from './reporters/index.ts';
export type { ReportFormat } from './reporters/index.ts';
export * from './protocol/index.ts';
