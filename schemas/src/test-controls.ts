// Test controls: what a test deployment (one that claims `testMode: true`) exposes so that a conformance harness
// can move a parcel through days of its life in seconds. Never served in production (ECDX-CNF-005).
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Closed, ref, schemaId, Timestamp } from './common.ts';

/** The longest single jump: 30 days, enough for any trajectory and any push retry schedule (24 h steps). */
export const MAX_CLOCK_ADVANCE_SECONDS = 30 * 24 * 60 * 60;

export const TestClockAdvance = Type.Object(
  {
    advanceSeconds: Type.Integer({
      format: 'int32',
      description: "How far to move the target's clock forward, in seconds (1 s to 30 days). Time never moves back.",
      minimum: 1,
      maximum: MAX_CLOCK_ADVANCE_SECONDS,
    }),
  },
  {
    $id: schemaId('TestClockAdvance'),
    title: 'TestClockAdvance',
    description:
      "Body of POST /v1/test/clock: move the test deployment's clock forward. Everything the target does on a " +
      'schedule — recording simulated tracking events, retrying pushes, expiring idempotency keys — follows this ' +
      'clock, so the harness can observe a whole trajectory or a whole retry schedule in seconds.',
    ...Closed,
    examples: [{ advanceSeconds: 3600 }],
  },
);
export type TestClockAdvance = Static<typeof TestClockAdvance>;

export const TestClock = Type.Object(
  {
    now: ref(Timestamp, { description: "The target's current time, as every timestamp it produces reflects it." }),
    speed: Type.Number({
      description: 'Target seconds per real second: 1 runs in real time, 0 stands still between advances.',
      minimum: 0,
    }),
    pendingPushes: Type.Optional(
      Type.Integer({
        format: 'int32',
        description:
          'Push attempts due by `now` that the deployment has not finished: not yet made, or made and their answer not ' +
          'yet taken in (ECDX-CNF-009). 0 says that every attempt due by `now` has been made and answered, so a harness ' +
          'need not wait to conclude that nothing more is coming until the clock moves again. Optional; a carrier ' +
          'deployment should state it.',
        minimum: 0,
        maximum: 2_147_483_647,
      }),
    ),
  },
  {
    $id: schemaId('TestClock'),
    title: 'TestClock',
    description: 'The clock of a test deployment (GET and POST /v1/test/clock).',
    ...Closed,
    examples: [{ now: '2026-03-01T10:30:00+08:00', speed: 0, pendingPushes: 0 }],
  },
);
export type TestClock = Static<typeof TestClock>;

export const testControlSchemas: TSchema[] = [TestClockAdvance, TestClock];
