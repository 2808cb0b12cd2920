// Test controls: what a test deployment (one that claims `testMode: true`) exposes so that a conformance harness
// can move a parcel through days of its life in seconds. Never served in production (ECDX-CNF-005).
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Closed, ObjectId, ref, schemaId, StringEnum, Timestamp, WaybillNumber } from './common.ts';
import { InterruptionReason } from './notices.ts';
import { TestActionName } from './test-action-names.ts';

export { TEST_ACTION_NAMES, TestActionName } from './test-action-names.ts';

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

// ---------------------------------------------------------------------------------------------------------
// Test actions (ECDX-CNF-010): a test deployment that claims the class `client` acts, when the harness asks, as a
// client of the counterparty URL the harness names, so that what a party sends (its signatures, its keys, its
// shipping data, its notices and incidents) can be judged without an operator at the keyboard.

/** The actions a party of each role offers (ECDX-CNF-010): what its claim's `testActions` lists when it claims `client`. */
export const TEST_ACTIONS_OF_ROLE = {
  carrier: ['issue-notice', 'respond-to-notice', 'notify-incident'],
  platform: ['send-shipment', 'subscribe', 'pull-trajectory', 'issue-notice', 'respond-to-notice', 'notify-incident'],
} as const satisfies Record<'carrier' | 'platform', readonly TestActionName[]>;

const Counterparty = Type.String({
  format: 'uri',
  maxLength: 2048,
  pattern: '^https?://[^/?#@]+([/?#]|$)',
  description:
    'The base URL of the counterparty to act towards (the part before `/v1`): the harness, playing the carrier or ' +
    'the platform. It may be a loopback `http` URL, since the harness runs beside the test deployment.',
});

const actionBase = { counterparty: Counterparty };

export const TestAction = Type.Union(
  [
    Type.Object(
      {
        action: Type.Literal('send-shipment'),
        ...actionBase,
        platformOrderId: Type.Optional(
          Type.String({
            description:
              'The order id the shipping data must carry, so that the harness can tell this shipment from others ' +
              '(`ecdx-happy-…` asks for the regular path). Absent: the deployment chooses one.',
            minLength: 1,
            maxLength: 64,
            pattern: '^[A-Za-z0-9._-]+$',
          }),
        ),
      },
      { ...Closed, title: 'SendShipmentAction', description: "Send the shipping data of one of the deployment's own test orders (POST /v1/shipments)." },
    ),
    Type.Object(
      {
        action: Type.Literal('subscribe'),
        ...actionBase,
        waybillNos: Type.Optional(
          Type.Array(ref(WaybillNumber), {
            minItems: 1,
            maxItems: 100,
            uniqueItems: true,
            description: 'Subscribe to these waybills; absent: to ALL.',
          }),
        ),
      },
      {
        ...Closed,
        title: 'SubscribeAction',
        description:
          'Subscribe to pushes at the counterparty (POST /v1/subscriptions) with a callback of its own, take the pushes ' +
          'that come as for any carrier, and repair a gap by pulling from the same counterparty (ECDX-PSH-027).',
      },
    ),
    Type.Object(
      { action: Type.Literal('pull-trajectory'), ...actionBase, waybillNo: ref(WaybillNumber) },
      { ...Closed, title: 'PullTrajectoryAction', description: 'Read the whole trajectory of a waybill (GET /v1/shipments/{waybillNo}/events).' },
    ),
    Type.Object(
      { action: Type.Literal('issue-notice'), ...actionBase, reason: ref(InterruptionReason) },
      {
        ...Closed,
        title: 'IssueNoticeAction',
        description:
          'Plan an interruption of a feed to the counterparty for this reason and do what the deployment does before ' +
          'one: notify the counterparty (POST /v1/interruption-notices) and hold its own copy.',
      },
    ),
    Type.Object(
      {
        action: Type.Literal('respond-to-notice'),
        ...actionBase,
        noticeId: ref(ObjectId, { description: 'A notice the counterparty issued to the deployment.' }),
        type: StringEnum(['ACKNOWLEDGE', 'ACCEPT', 'OBJECT'] as const, { description: 'The response to give, as the recipient.' }),
      },
      {
        ...Closed,
        title: 'RespondToNoticeAction',
        description: "Respond to a notice the counterparty issued: post the response to the issuer's copy and record it in the deployment's own.",
      },
    ),
    Type.Object(
      { action: Type.Literal('notify-incident'), ...actionBase },
      {
        ...Closed,
        title: 'NotifyIncidentAction',
        description:
          'Act as on detecting a security incident that affects the data shared with the counterparty: notify it ' + '(POST /v1/security-incidents).',
      },
    ),
  ],
  {
    $id: schemaId('TestAction'),
    title: 'TestAction',
    description:
      'Body of POST /v1/test/actions: what the harness asks a test deployment to do as a client of the counterparty ' +
      'it names. The deployment performs the action as its production code would — its own keys, its own ' +
      'Idempotency-Keys, its retries — and answers when it is done.',
    examples: [
      { action: 'send-shipment', counterparty: 'http://127.0.0.1:9400', platformOrderId: 'ecdx-happy-7f3a' },
      { action: 'issue-notice', counterparty: 'http://127.0.0.1:9400', reason: 'PLANNED_MAINTENANCE' },
    ],
  },
);
export type TestAction = Static<typeof TestAction>;

export const TestActionOutcome = Type.Object(
  {
    action: ref(TestActionName),
    outcome: StringEnum(['DONE', 'FAILED'] as const, {
      description: '`DONE`: the counterparty accepted what the deployment sent; `FAILED`: it gave up (the detail says why).',
    }),
    requests: Type.Integer({
      format: 'int32',
      description: 'How many requests the deployment sent to the counterparty for this action, retries included.',
      minimum: 0,
      maximum: 10_000,
    }),
    detail: Type.Optional(Type.String({ description: 'Why it failed, or what it created (a waybill number, a notice id).', minLength: 1, maxLength: 1000 })),
  },
  {
    $id: schemaId('TestActionOutcome'),
    title: 'TestActionOutcome',
    description: 'The answer to POST /v1/test/actions, once the deployment has finished the action.',
    ...Closed,
    examples: [{ action: 'send-shipment', outcome: 'DONE', requests: 2, detail: 'waybill ECDX0000000017' }],
  },
);
export type TestActionOutcome = Static<typeof TestActionOutcome>;

export const testControlSchemas: TSchema[] = [TestClockAdvance, TestClock, TestActionName, TestAction, TestActionOutcome];
