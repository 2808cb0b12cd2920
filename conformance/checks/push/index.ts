// Pushes (chapter Pushes): the carrier's subscriptions, what it pushes and how it delivers, and the platform's
// receiver.
import { pushAbandonmentChecks } from './abandonment.ts';
import { pushContentChecks } from './content.ts';
import { pushDeliveryChecks } from './delivery.ts';
import { generatedPushChecks } from './generated.ts';
import { pendingPushesChecks } from './pending-pushes.ts';
import { pushPromptnessChecks } from './promptness.ts';
import { pushReceiverChecks } from './receiver.ts';
import { subscriptionChecks } from './subscriptions.ts';

export const pushChecks = [
  ...subscriptionChecks,
  ...pushContentChecks,
  ...pushPromptnessChecks,
  ...pushDeliveryChecks,
  ...pushAbandonmentChecks,
  ...pendingPushesChecks,
  ...pushReceiverChecks,
  ...generatedPushChecks,
];
