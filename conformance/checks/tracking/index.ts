// Tracking (chapter Tracking): the trajectory by request, then the journeys of whole parcels.
import { trackingCancellationChecks } from './cancellation.ts';
import { trackingJourneyChecks } from './journey.ts';
import { trackingPageSizeChecks } from './page-size.ts';
import { trackingPullChecks } from './pull.ts';
import { trackingRegularPathChecks } from './regular-path.ts';
import { generatedTrackingChecks } from './generated.ts';

export const trackingChecks = [
  ...trackingPullChecks,
  ...trackingJourneyChecks,
  ...trackingRegularPathChecks,
  ...trackingPageSizeChecks,
  ...trackingCancellationChecks,
  ...generatedTrackingChecks,
];
