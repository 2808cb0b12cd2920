// Governance of the exchange: discovery and health (OP-05, OP-06), interruption notices (OP-07), security
// incidents (OP-08, OP-09), sharing statistics (OP-11) and the error format every endpoint uses. The schemas live
// in one file per subject; this module only gathers the published ones.
import type { TSchema } from '@sinclair/typebox';
import { ConformanceClaim, DataFeed, ExchangeParty, Health } from './discovery.ts';
import { IncidentReceipt, SecurityIncident } from './incidents.ts';
import {
  AuthorityReport,
  InterruptionNotice,
  InterruptionNoticeRequest,
  InterruptionReason,
  NegotiationState,
  NoticeResponse,
  PublicDisclosure,
} from './notices.ts';
import { InvalidParam, Problem } from './problems.ts';
import { SharingStatistics } from './statistics.ts';

export * from './discovery.ts';
export * from './incidents.ts';
export * from './notices.ts';
export * from './problems.ts';
export * from './statistics.ts';

/** The schemas of this area that are published on their own. */
export const governanceSchemas: TSchema[] = [
  DataFeed,
  ExchangeParty,
  ConformanceClaim,
  Health,
  InvalidParam,
  Problem,
  InterruptionReason,
  NegotiationState,
  PublicDisclosure,
  AuthorityReport,
  NoticeResponse,
  InterruptionNoticeRequest,
  InterruptionNotice,
  SecurityIncident,
  IncidentReceipt,
  SharingStatistics,
];
