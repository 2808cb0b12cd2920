// Tracking (chapter Tracking): the trajectory by request, then the journeys of whole parcels.
import { trackingJourneyChecks } from './journey.ts';
import { trackingChecks as pullChecks } from './pull.ts';

export const trackingChecks = [...pullChecks, ...trackingJourneyChecks];
