// ecdx/monitor: the pieces of `ecdx monitor` a party can use on its own — the evidence log and its verification, the
// verdict on an interruption against the notices received, the metrics and the report's schema.
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
