// Every operation handler of the mock, gathered from one file per area, and the background services areas start.
import type { MockContext, OperationHandler } from '../types.ts';
import * as discovery from './discovery.ts';
import * as incidents from './incidents.ts';
import * as notices from './notices.ts';
import * as receiver from './receiver.ts';
import * as shipments from './shipments.ts';
import * as statistics from './statistics.ts';
import * as subscriptions from './subscriptions.ts';
import * as testControls from './test-controls.ts';
import * as tracking from './tracking.ts';

interface Area {
  handlers: Readonly<Record<string, OperationHandler>>;
  start?: (mock: MockContext) => void;
}

const areas: Area[] = [discovery, shipments, tracking, subscriptions, receiver, notices, incidents, statistics, testControls];

/** operationId → handler, one for every operation of spec/openapi/operations.ts (routes.ts refuses to start without). */
export const operationHandlers = {
  ...discovery.handlers,
  ...shipments.handlers,
  ...tracking.handlers,
  ...subscriptions.handlers,
  ...receiver.handlers,
  ...notices.handlers,
  ...incidents.handlers,
  ...statistics.handlers,
  ...testControls.handlers,
};

/**
 * The operationId of an operation of the standard, as a type: the operations table types its ids as plain strings,
 * so the union is read off the handler table, which covers it exactly (operations/index.test.ts).
 */
export type OperationId = keyof typeof operationHandlers;

/** Start each area's background services (the push dispatcher, the trajectory simulator's timers). */
export function startServices(mock: MockContext): void {
  for (const area of areas) area.start?.(mock);
}
