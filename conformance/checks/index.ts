// The registry of every check of the suite, gathered from one file per area.
import type { CheckDefinition } from '../harness/check.ts';
import { discoveryChecks } from './discovery.ts';
import { errorChecks } from './errors.ts';
import { idempotencyChecks } from './idempotency.ts';
import { incidentChecks } from './incidents.ts';
import { noticeNegotiationChecks } from './notices-negotiation.ts';
import { noticeReceiptChecks } from './notices.ts';
import { pushCarrierChecks } from './push-carrier.ts';
import { pushContentChecks } from './push-carrier-content.ts';
import { pushDeliveryChecks } from './push-carrier-delivery.ts';
import { pushPlatformChecks } from './push-platform.ts';
import { keyChecks } from './security-keys.ts';
import { signatureChecks } from './security.ts';
import { healthTimingChecks, statisticsChecks } from './statistics.ts';
import { shippingChecks } from './shipping.ts';
import { trackingJourneyChecks } from './tracking-journey.ts';
import { trackingPrivacyChecks } from './tracking-privacy.ts';
import { trackingChecks } from './tracking.ts';

export const checks: readonly CheckDefinition[] = [...discoveryChecks, ...signatureChecks, ...keyChecks, ...idempotencyChecks, ...errorChecks, ...pushCarrierChecks, ...pushContentChecks, ...pushDeliveryChecks, ...pushPlatformChecks, ...shippingChecks, ...trackingChecks, ...trackingJourneyChecks, ...trackingPrivacyChecks, ...noticeReceiptChecks, ...noticeNegotiationChecks, ...incidentChecks, ...statisticsChecks, ...healthTimingChecks];
