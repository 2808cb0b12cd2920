// The test controls of a test deployment (spec chapter Test controls): the clock the harness moves forward, and the
// test actions the mock's reference client performs (mocks/core/client/, ECDX-CNF-010).
import { performTestAction } from '../client/perform.ts';
import type { TestClock, TestClockAdvance } from '../../../schemas/src/index.ts';
import { json, problemResponse } from '../respond.ts';
import { findService } from '../services.ts';
import type { MockContext, OperationHandler } from '../types.ts';

/** The clock, and on a carrier how many push attempts due by now are unfinished (ECDX-CNF-009). */
function clockOf(mock: MockContext): TestClock {
  const pushes = findService(mock, 'pushes');
  return { now: offsetTimestamp(mock.clock.now()), speed: mock.clock.speed, ...(pushes ? { pendingPushes: pushes.pendingAttempts() } : {}) };
}

/** China Standard Time, as the mock's other timestamps. */
function offsetTimestamp(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

const notServed = () => problemResponse('not-found', { detail: 'test controls are served only by a test deployment (testMode)' });

export const handlers = {
  getTestClock: ({ mock }) => (mock.testMode ? json(200, clockOf(mock)) : notServed()),
  advanceTestClock: ({ mock, body }) => {
    if (!mock.testMode) return notServed();
    mock.clock.advance((body as TestClockAdvance).advanceSeconds * 1000);
    return json(200, clockOf(mock));
  },
  performTestAction,
} satisfies Record<string, OperationHandler>;
