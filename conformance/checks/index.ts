// The registry of every check of the suite: one folder per area, named as the prefix of its checks' ids, each
// exporting its checks from its index. The table's order is the order of the report.
import type { Check } from '../harness/check.ts';
import { clientChecks } from './client/index.ts';
import { consentChecks } from './consent/index.ts';
import { discoveryChecks } from './discovery/index.ts';
import { errorChecks } from './errors/index.ts';
import { healthChecks } from './health/index.ts';
import { idempotencyChecks } from './idempotency/index.ts';
import { incidentChecks } from './incidents/index.ts';
import { noticeChecks } from './notices/index.ts';
import { privacyChecks } from './privacy/index.ts';
import { pushChecks } from './push/index.ts';
import { securityChecks } from './security/index.ts';
import { shippingChecks } from './shipping/index.ts';
import { statisticsChecks } from './statistics/index.ts';
import { trackingPrivacyChecks } from './tracking-privacy/index.ts';
import { trackingChecks } from './tracking/index.ts';

/** Area (the folder, and the prefix of every check id in it) → its checks. */
export const areas = {
  discovery: discoveryChecks,
  security: securityChecks,
  idempotency: idempotencyChecks,
  errors: errorChecks,
  push: pushChecks,
  shipping: shippingChecks,
  privacy: privacyChecks,
  consent: consentChecks,
  tracking: trackingChecks,
  'tracking-privacy': trackingPrivacyChecks,
  notices: noticeChecks,
  incidents: incidentChecks,
  statistics: statisticsChecks,
  health: healthChecks,
  client: clientChecks,
} as const satisfies Record<string, readonly Check[]>;

for (const [area, list] of Object.entries(areas)) {
  for (const check of list)
    if (!check.id.startsWith(`${area}/`)) throw new Error(`check ${check.id} is registered in area ${area}: its id must start with '${area}/'`);
}

export const checks: readonly Check[] = Object.values(areas).flat();
