import type { RoleScope } from '../../schemas/src/index.ts';
// The operations of the ECDX v1 interface (BRIEF §2), as data. The OpenAPI document is generated from this table,
// the published schemas and the requirements registry; nothing about an operation is written twice.

/** Which role serves an operation. */
export type Role = RoleScope;
export type ProblemStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query';
  /** A published schema name, or an inline JSON Schema. */
  schema: string | Record<string, unknown>;
  description: string;
  required?: boolean;
  example: unknown;
}

export interface OperationSpec {
  method: 'get' | 'post' | 'delete';
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  role: Role;
  /** Policy clauses the operation serves (BRIEF §2). */
  policy: string[];
  /** false only for discovery: GET /v1/conformance and GET /v1/health. */
  signed: boolean;
  /**
   * The push receiver: authenticated by its Standard Webhooks signature (`webhook-*` fields), not by an RFC 9421
   * request signature. `signed` stays true: the push is signed, only differently.
   */
  push?: true;
  /** Creating POSTs carry Idempotency-Key. */
  idempotent: boolean;
  parameters?: ParameterSpec[];
  requestBody?: { schema: string; description: string };
  success: { status: 200 | 201 | 204; schema?: string; description: string; location?: string };
  /** Further non-problem responses (e.g. 503 with a Health body). */
  alternatives?: { status: number; schema: string; description: string }[];
  problems: ProblemStatus[];
}

/** Problems every signed operation can answer, beyond its own. */
export const SIGNED_PROBLEMS: ProblemStatus[] = [400, 401, 429];
/** Problems every operation with a JSON body can answer. */
export const BODY_PROBLEMS: ProblemStatus[] = [413, 415, 422];

const waybillNo: ParameterSpec = {
  name: 'waybillNo',
  in: 'path',
  schema: 'WaybillNumber',
  required: true,
  description: 'The waybill number the carrier assigned when it accepted the shipping data.',
  example: 'SF1234567890123',
};
const noticeId: ParameterSpec = {
  name: 'noticeId',
  in: 'path',
  schema: 'ObjectId',
  required: true,
  description: 'The identifier the issuer gave the interruption notice.',
  example: 'ntc-20260301-01',
};
const subscriptionId: ParameterSpec = {
  name: 'subscriptionId',
  in: 'path',
  schema: 'ObjectId',
  required: true,
  description: 'The identifier the carrier gave the subscription.',
  example: 'sub_01J9Z3W6QK',
};

export const operations: OperationSpec[] = [
  // --- Discovery: served by every role, unsigned --------------------------------------------------------
  {
    method: 'get',
    path: '/v1/conformance',
    operationId: 'getConformanceClaim',
    tag: 'Discovery',
    summary: 'Read the conformance claim',
    description:
      'What this implementation claims: the ECDX version, its role, the conformance classes it implements and the ' +
      'parameters a counterparty needs (idempotency-key expiry, retention, signature algorithms). Unsigned, so that ' +
      'a counterparty or the conformance harness can discover an endpoint before it has exchanged keys.',
    role: 'both',
    policy: ['OP-05', 'OP-10'],
    signed: false,
    idempotent: false,
    parameters: [
      {
        name: 'role',
        in: 'query',
        schema: { type: 'string', enum: ['carrier', 'platform'] },
        description:
          "For an implementation that serves both roles at one base URL (such as the reference mock): which role's " +
          'claim to answer; without it, the carrier claim. A single-role implementation may ignore `carrier` and ' +
          '`platform`; any other value is answered 422 `validation-failed` naming `/role` `in: query` (ECDX-CNF-007).',
        example: 'carrier',
      },
    ],
    success: { status: 200, schema: 'ConformanceClaim', description: 'The claim.' },
    problems: [422, 429],
  },
  {
    method: 'get',
    path: '/v1/health',
    operationId: 'getHealth',
    tag: 'Discovery',
    summary: 'Check the interconnection',
    description:
      'The heartbeat behind the automatic interconnection checks of OP-06: overall status, the server clock, and ' +
      'for each data feed the time of the last exchange and the backlog. Unsigned, so that monitoring needs no keys.',
    role: 'both',
    policy: ['OP-06'],
    signed: false,
    idempotent: false,
    success: { status: 200, schema: 'Health', description: 'The health document, whatever the status (UP, DEGRADED or DOWN): the body says which.' },
    problems: [429],
  },
  // --- Shipping data: served by a carrier ---------------------------------------------------------------
  {
    method: 'post',
    path: '/v1/shipments',
    operationId: 'createShipment',
    tag: 'Shipping data',
    summary: 'Send shipping data for one parcel',
    description:
      'The platform sends the shipping data (寄递数据) of one parcel: sender, recipient, addresses, telephone numbers ' +
      'and contents (OP-01), for the purpose of delivery only (OP-03). The carrier validates it, refuses prohibited ' +
      'contents, and answers with the shipment and its waybill number.',
    role: 'carrier',
    policy: ['OP-01', 'OP-03'],
    signed: true,
    idempotent: true,
    requestBody: { schema: 'ShipmentRequest', description: 'The shipping data of one parcel.' },
    success: {
      status: 201,
      schema: 'Shipment',
      description: 'Accepted: the shipment as the carrier holds it, with its waybill number.',
      location: '/v1/shipments/{waybillNo}',
    },
    problems: [409],
  },
  {
    method: 'get',
    path: '/v1/shipments/{waybillNo}',
    operationId: 'getShipment',
    tag: 'Shipping data',
    summary: 'Read a shipment',
    description: 'The shipment as the carrier holds it. Only the platform that sent the shipping data may read it.',
    role: 'carrier',
    policy: ['OP-01'],
    signed: true,
    idempotent: false,
    parameters: [waybillNo],
    success: { status: 200, schema: 'Shipment', description: 'The shipment.' },
    problems: [404],
  },
  {
    method: 'post',
    path: '/v1/shipments/{waybillNo}/cancellation',
    operationId: 'cancelShipment',
    tag: 'Shipping data',
    summary: 'Cancel a shipment before acceptance',
    description:
      'Withdraws the shipping data of a parcel that the carrier has not yet accepted (收寄). After acceptance the ' +
      "parcel is in the carrier's hands and the answer is 409.",
    role: 'carrier',
    policy: ['OP-01'],
    signed: true,
    idempotent: true,
    parameters: [waybillNo],
    requestBody: { schema: 'CancellationRequest', description: 'Why the shipment is cancelled.' },
    success: { status: 200, schema: 'Shipment', description: 'Cancelled: the shipment in its final state.' },
    problems: [404, 409],
  },
  // --- Parcel data: served by a carrier -----------------------------------------------------------------
  {
    method: 'get',
    path: '/v1/shipments/{waybillNo}/events',
    operationId: 'listTrackingEvents',
    tag: 'Parcel data',
    summary: 'Read the trajectory of a parcel',
    description:
      'The parcel data (快件数据) of one waybill: its tracking events in sequence order, through the acceptance, ' +
      'sorting, transport and delivery nodes (OP-02), one page at a time. Follow `nextCursor` until it is absent.',
    role: 'carrier',
    policy: ['OP-02'],
    signed: true,
    idempotent: false,
    parameters: [
      waybillNo,
      {
        name: 'cursor',
        in: 'query',
        schema: { type: 'string', minLength: 1, maxLength: 512 },
        description: 'The `nextCursor` of the previous page; absent for the first page.',
        example: 'c2VxPTIw',
      },
      {
        name: 'limit',
        in: 'query',
        // No maximum of 100: a larger limit is served as maxPageSize (ECDX-TRK-010). The bound only keeps the number an int32.
        schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 2147483647, default: 20 },
        description:
          "Events per page: default 20, never more than the carrier claim's `maxPageSize` (at most 100); a larger limit " +
          'is served as `maxPageSize`, not refused, and a page holds that many events unless fewer remain (ECDX-TRK-010).',
        example: 20,
      },
    ],
    success: { status: 200, schema: 'EventPage', description: 'One page of events, in sequence order.' },
    problems: [404, 422],
  },
  {
    method: 'post',
    path: '/v1/subscriptions',
    operationId: 'createSubscription',
    tag: 'Subscriptions',
    summary: 'Subscribe a callback to parcel data pushes',
    description:
      "The platform asks the carrier to push new tracking events to its callback URL (the platform's " +
      '`POST /v1/tracking-events`). For the HMAC scheme `v1` the carrier returns the signing secret once, in this ' +
      'response.',
    role: 'carrier',
    policy: ['OP-02'],
    signed: true,
    idempotent: true,
    requestBody: { schema: 'SubscriptionRequest', description: 'The callback and what to push to it.' },
    success: {
      status: 201,
      schema: 'Subscription',
      description: 'Subscribed.',
      location: '/v1/subscriptions/{subscriptionId}',
    },
    problems: [409],
  },
  {
    method: 'get',
    path: '/v1/subscriptions/{subscriptionId}',
    operationId: 'getSubscription',
    tag: 'Subscriptions',
    summary: 'Read a subscription',
    description: 'The subscription and its state (a subscription whose callback answered 410 is DISABLED).',
    role: 'carrier',
    policy: ['OP-02'],
    signed: true,
    idempotent: false,
    parameters: [subscriptionId],
    success: { status: 200, schema: 'Subscription', description: 'The subscription.' },
    problems: [404],
  },
  {
    method: 'delete',
    path: '/v1/subscriptions/{subscriptionId}',
    operationId: 'deleteSubscription',
    tag: 'Subscriptions',
    summary: 'End a subscription',
    description:
      'Stops the pushes of a subscription. Deleting is idempotent in effect: a second delete answers 404 ' +
      '`subscription-not-found`, exactly as a subscription that never existed or belongs to another platform (ECDX-PSH-029).',
    role: 'carrier',
    policy: ['OP-02'],
    signed: true,
    idempotent: false,
    parameters: [subscriptionId],
    success: { status: 204, description: 'Ended; no more pushes will be sent.' },
    problems: [404],
  },
  // --- Pushes: served by a platform ---------------------------------------------------------------------
  {
    method: 'post',
    path: '/v1/tracking-events',
    operationId: 'receiveTrackingEvents',
    tag: 'Pushes',
    summary: 'Receive a batch of pushed tracking events',
    description:
      "The platform's webhook target. The carrier signs each push per Standard Webhooks (`webhook-id` is the batch " +
      'id); the platform verifies the signature and the timestamp, deduplicates by event id and acknowledges with ' +
      'a 2xx. A push that carries no valid `webhook-signature`, or a `webhook-timestamp` more than 300 s from the ' +
      "platform's clock, is answered 401 without processing any event; a push carries no RFC 9421 signature and no " +
      '`Idempotency-Key`. Any answer other than 2xx makes the carrier retry on the published schedule; 410 ends the ' +
      'subscription. This operation and the `tracking-events` webhook describe the same message.',
    role: 'platform',
    policy: ['OP-02'],
    signed: true,
    push: true,
    idempotent: false,
    requestBody: { schema: 'PushBatch', description: 'One batch of up to 100 tracking events.' },
    success: { status: 200, schema: 'PushAcknowledgement', description: 'Received (duplicates included).' },
    problems: [410],
  },
  // --- Interruption notices: served by every role -------------------------------------------------------
  {
    method: 'post',
    path: '/v1/interruption-notices',
    operationId: 'receiveInterruptionNotice',
    tag: 'Interruption notices',
    summary: 'Receive advance notice of an interruption',
    description:
      'A party that will interrupt a data feed for a legitimate reason notifies the other in advance (OP-07). The ' +
      "receiver checks the lead time, the declared severity and the disclosure plan against the standard's rules " +
      'and holds the notice for negotiation. It first looks for a notice it already holds from the issuer: the same ' +
      'notice again is answered 201 with the copy however late it arrives, a different one under the same noticeId ' +
      '409. A notice addressed to another party, or naming an issuer other than the signer, is 403 and not held.',
    role: 'both',
    policy: ['OP-07'],
    signed: true,
    idempotent: true,
    requestBody: { schema: 'InterruptionNoticeRequest', description: 'The notice.' },
    success: {
      status: 201,
      schema: 'InterruptionNotice',
      description: 'Received: the notice with its negotiation state and obligations.',
      location: '/v1/interruption-notices/{noticeId}',
    },
    problems: [403, 409],
  },
  {
    method: 'get',
    path: '/v1/interruption-notices/{noticeId}',
    operationId: 'getInterruptionNotice',
    tag: 'Interruption notices',
    summary: 'Read a notice and its negotiation',
    description: 'The notice as received, every response so far, the negotiation state and the obligations it sets.',
    role: 'both',
    policy: ['OP-07'],
    signed: true,
    idempotent: false,
    parameters: [noticeId],
    success: { status: 200, schema: 'InterruptionNotice', description: 'The notice.' },
    problems: [404],
  },
  {
    method: 'post',
    path: '/v1/interruption-notices/{noticeId}/responses',
    operationId: 'respondToInterruptionNotice',
    tag: 'Interruption notices',
    summary: 'Negotiate: acknowledge, accept, object, propose, withdraw, report',
    description:
      'Records one step of the negotiation that OP-07 requires after a notice. A response that the negotiation ' +
      'state does not allow (anything after WITHDRAWN) answers 409.',
    role: 'both',
    policy: ['OP-07'],
    signed: true,
    idempotent: true,
    parameters: [noticeId],
    requestBody: { schema: 'NoticeResponse', description: 'The response.' },
    success: { status: 201, schema: 'InterruptionNotice', description: 'Recorded: the notice in its new state.' },
    problems: [404, 409],
  },
  // --- Security incidents -------------------------------------------------------------------------------
  {
    method: 'post',
    path: '/v1/security-incidents',
    operationId: 'receiveSecurityIncident',
    tag: 'Security incidents',
    summary: 'Receive notification of a security incident',
    description:
      'A party that suffers a security incident affecting shared data notifies its counterparty (OP-08, OP-09): ' +
      'what happened, what data, whether the emergency plan is running, what was done and which authorities know.',
    role: 'both',
    policy: ['OP-08', 'OP-09'],
    signed: true,
    idempotent: true,
    requestBody: { schema: 'SecurityIncident', description: 'The incident notification.' },
    success: { status: 201, schema: 'IncidentReceipt', description: 'Received.' },
    problems: [409],
  },
  // --- Statistics ---------------------------------------------------------------------------------------
  {
    method: 'get',
    path: '/v1/statistics/sharing',
    operationId: 'getSharingStatistics',
    tag: 'Statistics',
    summary: 'Read aggregated sharing statistics',
    description:
      'Counts that let the authorities assess how data is shared (OP-11): shipping data received, parcel data ' +
      'provided, pushes, interruptions, incidents. Aggregates only: never personal data.',
    role: 'both',
    policy: ['OP-11'],
    signed: true,
    idempotent: false,
    parameters: [
      {
        name: 'from',
        in: 'query',
        required: true,
        schema: 'Timestamp',
        description: 'Start of the period (inclusive).',
        example: '2026-03-01T00:00:00+08:00',
      },
      {
        name: 'to',
        in: 'query',
        required: true,
        schema: 'Timestamp',
        description: 'End of the period (exclusive); at most 366 days after `from`.',
        example: '2026-04-01T00:00:00+08:00',
      },
    ],
    success: { status: 200, schema: 'SharingStatistics', description: 'The statistics of the period.' },
    problems: [422],
  },
  // --- Test controls: only on a test deployment (claim testMode: true) --------------------------------------
  {
    method: 'get',
    path: '/v1/test/clock',
    operationId: 'getTestClock',
    tag: 'Test controls',
    summary: 'Read the test clock',
    description:
      'The clock of a test deployment. Served only when the conformance claim says `testMode: true`; a production ' + 'deployment answers 404 (ECDX-CNF-005).',
    role: 'both',
    policy: ['OP-10'],
    signed: true,
    idempotent: false,
    success: { status: 200, schema: 'TestClock', description: 'The clock.' },
    problems: [404],
  },
  {
    method: 'post',
    path: '/v1/test/clock',
    operationId: 'advanceTestClock',
    tag: 'Test controls',
    summary: 'Move the test clock forward',
    description:
      "Moves a test deployment's clock forward, so that simulated parcels progress, scheduled push retries fall " +
      'due and idempotency keys age as if that much time had passed. Not a creating request: it carries no ' +
      '`Idempotency-Key`.',
    role: 'both',
    policy: ['OP-10'],
    signed: true,
    idempotent: false,
    requestBody: { schema: 'TestClockAdvance', description: 'How far to move the clock.' },
    success: { status: 200, schema: 'TestClock', description: 'The clock after the move.' },
    problems: [404],
  },
  {
    method: 'post',
    path: '/v1/test/actions',
    operationId: 'performTestAction',
    tag: 'Test controls',
    summary: 'Act as a client of the harness',
    description:
      'Asks a test deployment that claims the class `client` to perform one action as a client of the counterparty ' +
      'the body names (the harness): send shipping data, subscribe, read a trajectory, issue a notice, respond to ' +
      'one, notify an incident. The deployment acts as its production code would, with its own keys, ' +
      '`Idempotency-Key`s and retries, and answers once it is done (ECDX-CNF-010). An action its claim does not ' +
      'list in `testActions` is answered 404. Not a creating request: it carries no `Idempotency-Key`.',
    role: 'both',
    policy: ['OP-10'],
    signed: true,
    idempotent: false,
    requestBody: { schema: 'TestAction', description: 'The action and the counterparty to act towards.' },
    success: { status: 200, schema: 'TestActionOutcome', description: 'What the deployment did.' },
    problems: [404, 422],
  },
];

/** The push, as the carrier sends it: the OpenAPI `webhooks` entry. */
export const pushWebhook = {
  name: 'tracking-events',
  operationId: 'pushTrackingEvents',
  summary: 'Push new tracking events to a subscribed callback',
  description:
    'The carrier POSTs each batch of new events to the callback URL of every matching subscription, signed per ' +
    'Standard Webhooks (`webhook-id` = batch id, `webhook-timestamp`, `webhook-signature` with `v1a` ed25519 or ' +
    '`v1` HMAC-SHA256). A 2xx answer delivers the batch; otherwise the carrier retries 5 s, 5 min, 30 min, 2 h, 5 h, ' +
    '10 h, 14 h, 20 h and 24 h after the previous attempt (±10 % jitter), honouring `Retry-After`; 410 disables ' +
    'the subscription.',
  policy: ['OP-02'],
  schema: 'PushBatch',
  acknowledgement: 'PushAcknowledgement',
};
