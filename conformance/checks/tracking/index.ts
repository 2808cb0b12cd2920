// Tracking (chapter Tracking): the trajectory by request, then the journeys of whole parcels.
import { trackingJourneyChecks } from './journey.ts';
import { trackingPullChecks } from './pull.ts';

export const trackingChecks = [...trackingPullChecks, ...trackingJourneyChecks];
