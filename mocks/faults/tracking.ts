// Faults of this area (being written).
import type { Fault } from './fault.ts';

export const trackingFaults: Fault[] = [];
