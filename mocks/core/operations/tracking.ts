// Placeholder: this area's operations are being written.
import { problemResponse } from '../respond.ts';
import type { OperationHandler } from '../types.ts';

const notYet: OperationHandler = () => problemResponse('service-unavailable', { detail: 'not implemented yet' });

export const handlers: Record<string, OperationHandler> = {
  listTrackingEvents: notYet,
};
