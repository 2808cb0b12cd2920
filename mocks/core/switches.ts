// Every switch the core can flip, grouped by the core module that reads it. A switch is a point deep in the core
// (the order of checks, what is stored, what is pushed) where a fault bends a rule: the module asks
// `mock.fault('name')` there, and the catalogue's switch faults (mocks/faults/) name the switch they turn on.
// switches.test.ts reads each module's source and holds this table to it: every switch listed for a module is read
// there, as the literal `fault('name')`, and no module reads a switch listed for another.
//
// The adapters (mocks/server.ts, mocks/handlers.ts) also read `no-body-size-limit`, to know how much of a body to
// read before the core sees it.

export const switches = {
  'mock.ts': [
    // request signatures
    'accept-unsigned',
    'accept-uncovered-components',
    'ignore-content-digest',
    'accept-expired-signature',
    'accept-created-minutes-ahead',
    'accept-replayed-nonce',
    'nonces-forgotten-after-a-minute',
    'accept-unknown-key',
    'accept-bad-signature',
    'accept-short-nonce',
    'accept-component-parameters',
    'accept-unknown-derived-component',
    'digest-unchecked-without-content',
    'validate-before-authenticate',
    'union-violation-at-enclosing-value',
    'conformance-requires-signature',
    'platform-accept-unsigned-push',
    // idempotency
    'idempotency-key-optional',
    'idempotency-key-only-for-notices',
    'idempotency-replay-creates-again',
    'idempotency-key-reuse-accepted',
    'idempotency-no-in-flight-guard',
    'idempotency-key-consumed-by-refusal',
    'idempotency-key-global-scope',
    'idempotency-key-refused-when-not-creating',
    // routing, sizes, media types, JSON
    'unknown-path-needs-signature',
    'wrong-method-as-not-found',
    'options-answered-with-allow',
    'no-body-size-limit',
    'ignore-content-type',
    'server-error-on-bad-input',
    'malformed-json-as-validation-error',
    // schema validation, one operation at a time
    'accept-invalid-shipping-data',
    'accept-invalid-cancellation',
    'accept-invalid-subscription',
    'platform-accept-invalid-push-batch',
  ],
  'operations/shipments.ts': [
    'shipment-readable-by-other-platforms',
    'waybill-reused-for-same-order',
    'accept-foreign-carrier-code',
    'accept-prohibited-contents',
    'require-package-weight',
    'cancel-after-acceptance',
    'repeat-cancellation-restamped',
    'accept-lapsed-consent',
    'consent-demanded-for-order',
    'ignore-separate-consent-reference',
    // what only generated shipping data finds (conformance/checks/shipping/generated.ts)
    'astral-characters-lost-on-store',
    'cross-border-basis-reference-dropped',
  ],
  'operations/tracking.ts': [
    'page-boundary-skips-event',
    'limit-ignored',
    'limit-above-100-refused',
    'default-page-size-10',
    'invalid-limit-served-default',
    'foreign-cursor-restarts-walk',
    'cursor-expires-after-a-minute',
    'unknown-waybill-events-empty',
    'foreign-waybill-events-forbidden',
    'cursor-with-recipient-phone',
    'waybill-looked-up-before-query',
  ],
  'simulator/trajectory.ts': [
    'no-sorting-event',
    'arrival-node-delivery',
    'out-for-delivery-with-pickup-sub-status',
    'sequence-with-gaps',
    'event-ids-reused-across-waybills',
    'recorded-before-occurred',
    'delivered-not-terminal',
    'event-after-terminal',
    'location-without-division-code',
    'acceptance-without-real-name-check',
    'signatory-name-masked-wrongly',
    'names-masked-to-first-character',
    'happy-path-sorts-after-dispatch',
    'cancellation-records-no-event',
  ],
  'simulator/stories.ts': [
    'courier-phone-masked-wrongly-in-description',
    'returned-landline-masked-wrongly',
    'id-number-in-delivery-description',
    'delivery-description-with-address',
    'courier-phone-unmasked-in-description',
  ],
  'operations/subscriptions.ts': [
    'subscribe-foreign-waybills',
    'subscribe-plain-http-callback',
    'subscription-readable-by-other-platforms',
    'push-v1-shared-secret',
    'subscription-deleted-twice-answers-204',
  ],
  'push/dispatcher.ts': [
    'deleted-subscription-still-pushed',
    'push-timestamp-on-real-clock',
    'push-ignores-status-filter',
    'push-drops-events',
    'push-event-differs-from-trajectory',
    'push-webhook-id-not-batch-id',
    'push-batch-descending',
    'push-only-200-is-delivery',
    'push-retry-new-batch-id',
    'push-retry-reuses-signature',
    'push-retry-schedule-compressed',
    'push-ignores-410',
    'push-ignores-retry-after',
    'push-backlog-not-counted',
    'pending-pushes-stated-early',
    'subscription-active-after-abandoned-batch',
  ],
  'operations/receiver.ts': [
    'platform-single-push-signature-only',
    'platform-slow-acknowledgement',
    'platform-reprocesses-duplicates',
    'platform-refuses-duplicate-batch',
    'platform-refuses-out-of-order-events',
    'platform-oversized-batch-as-validation-error',
    'platform-refuses-unexpected-status',
  ],
  'operations/notices.ts': [
    'notice-lead-time-not-checked',
    'notice-severity-not-checked',
    'notice-disclosure-not-checked',
    'notice-issued-at-not-checked',
    'notice-readable-by-any-party',
    'notice-response-answers-old-state',
    'notice-response-after-withdrawal-accepted',
    'notice-own-side-response-accepted',
    'notice-duplicate-overwritten',
    'notice-resend-judged-by-issued-at',
    'notice-misaddressed-accepted',
    'notice-duty-cleared-when-met',
  ],
  'operations/incidents.ts': [
    'incident-time-order-not-checked',
    'incident-update-refused',
    'incident-refused-without-emergency-plan',
    'incident-refused-when-late',
  ],
  'operations/discovery.ts': ['claim-unknown-role-answered'],
  'operations/statistics.ts': ['statistics-cover-all-counterparties', 'statistics-period-unchecked', 'statistics-short-retention'],
  // the reference client (test actions, ECDX-CNF-010)
  'client/session.ts': [
    'client-requests-unsigned',
    'client-idempotency-key-missing',
    'client-idempotency-key-reused',
    'client-idempotency-key-predictable',
    'client-retry-with-new-key',
  ],
  'client/retry.ts': ['client-ignores-retry-after'],
  'client/trajectory.ts': ['client-pull-stops-at-first-page', 'gap-not-repaired'],
  'client/shipment.ts': ['shipment-carries-resident-id'],
  'client/notices.ts': ['interruption-without-notice', 'notice-lead-time-too-short', 'issued-notice-not-held'],
  'client/incident.ts': ['incident-notified-late'],
} as const;

/** A core module that reads switches: its path below mocks/core/. */
export type SwitchModule = keyof typeof switches;

/** The name of a switch the core can flip; `mock.fault(name)` takes nothing else, so a misspelt switch does not compile. */
export type Switch = (typeof switches)[SwitchModule][number];

const known: ReadonlySet<string> = new Set(Object.values(switches).flat());

export const isSwitch = (name: string): name is Switch => known.has(name);
