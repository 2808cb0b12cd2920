// A notice the mock carrier accepts, for the tests of notice faults: from the demo platform, for planned maintenance
// 72 hours after `now`, three hours long, SIGNIFICANT and so disclosed a day ahead.
import { addSeconds } from '../../schemas/notice-rules.ts';
import type { InterruptionNoticeRequest } from '../../schemas/src/index.ts';
import { HOUR, SECOND } from '../../schemas/time.ts';

const hours = (n: number): number => (n * HOUR) / SECOND;

export const significantMaintenance = (now: string, overrides: Partial<InterruptionNoticeRequest> = {}): InterruptionNoticeRequest => ({
  noticeId: 'ntc-1',
  issuer: { name: 'ECDX Demo Platform', role: 'platform' },
  recipient: { name: 'ECDX Reference Mock Carrier', role: 'carrier', carrierCode: 'ECDXDEMO' },
  affectedFeeds: ['SHIPPING_DATA'],
  reason: 'PLANNED_MAINTENANCE',
  reasonDetail: '维护',
  issuedAt: now,
  plannedStart: addSeconds(now, hours(72)),
  plannedEnd: addSeconds(now, hours(75)),
  impact: { severity: 'SIGNIFICANT', estimatedShipmentsPerDay: 100, affectedUsers: '商家', mitigation: '补发' },
  publicDisclosure: { channels: ['WEBSITE'], plannedAt: addSeconds(now, hours(24)) },
  ...overrides,
});
