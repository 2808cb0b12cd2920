// ecdx/monitor: `ecdx monitor` as a library (startMonitor: watch links from a party's own process or tests) and the
// pieces a party can use on its own — the evidence log and its verification, the verdict on an interruption against
// the notices received, the metrics, the configuration's and the report's schemas.
export { EVIDENCE_KINDS, EvidenceRecord, GENESIS, sealRecord } from './evidence/chain.ts';
export type { ChainHead, EvidenceEntry } from './evidence/chain.ts';
export { EvidenceFile } from './evidence/file.ts';
export { verifyLog } from './evidence/verify.ts';
export type { LogVerification } from './evidence/verify.ts';
export { MONITOR_METRICS, MonitorMetrics } from './metrics.ts';
export type { ProbeKind } from './metrics.ts';
export {
  COMPLIANCE,
  Compliance,
  FeedReport,
  Interruption,
  InterruptionCause,
  MonitorReport,
  ObservedNotice,
  TargetReport,
  TimelineSpan,
  Violation,
} from './report-schema.ts';
export { DEFAULT_NOTICE_TOLERANCE_MS, roughDuration, judgeInterruption } from './verdict.ts';
export type { HeldNotice, ObservedInterruption, Verdict } from './verdict.ts';
export { startMonitor } from './monitor.ts';
export type { MonitoredTarget, MonitorOptions, RunningMonitor } from './monitor.ts';
export { configProblem, MonitorConfigFile, TargetConfig } from './config.ts';
export { StateFileError } from './journal.ts';
export { renderMonitorReport } from './report-html.ts';
