// Faults of the request pipeline (mocks/core/mock.ts): authentication, media types, JSON, idempotency, routing and
// the shape of problems. The pipeline reads each one's switch where it bends the rules (the schema-level ones skip
// the validation of one operation's body); the problem-shape faults rewrite every answer, the refusals made before
// an operation is known (404, 405) included.
import { findMobileNumbers } from '../../schemas/identifiers.ts';
import type { InterruptionNoticeRequest } from '../../schemas/src/index.ts';
import { problemTypeUri } from '../../schemas/src/problems.ts';
import { defineFault } from '../core/faults.ts';
import { PROBLEM_TYPE } from '../core/respond.ts';
import type { MockResponse } from '../core/types.ts';

const isProblemResponse = (r: MockResponse) => r.status >= 400 && r.headers['content-type'] === PROBLEM_TYPE;

export const pipelineFaults = [
  // --- request signatures --------------------------------------------------------------------------------
  defineFault({
    name: 'accept-unsigned',
    switch: 'accept-unsigned',
    requirements: ['ECDX-SEC-002'],
    role: 'both',
    description: 'Accepts a request that carries no ecdx signature at all, as if the demo platform had signed it.',
  }),
  defineFault({
    name: 'accept-uncovered-components',
    switch: 'accept-uncovered-components',
    requirements: ['ECDX-SEC-003'],
    role: 'both',
    description: 'Accepts a signature that does not cover every component the request carries (e.g. leaves out content-digest or idempotency-key).',
  }),
  defineFault({
    name: 'ignore-content-digest',
    switch: 'ignore-content-digest',
    requirements: ['ECDX-SEC-004'],
    role: 'both',
    description: 'Does not compare Content-Digest with the body: a tampered body is accepted.',
  }),
  defineFault({
    name: 'accept-expired-signature',
    switch: 'accept-expired-signature',
    requirements: ['ECDX-SEC-005'],
    role: 'both',
    description: 'Accepts signatures whose expires has passed or whose created lies in the future.',
  }),
  defineFault({
    name: 'accept-created-minutes-ahead',
    switch: 'accept-created-minutes-ahead',
    requirements: ['ECDX-SEC-005'],
    role: 'both',
    description:
      'Accepts a signature whose created lies up to 5 minutes ahead of its clock, as if it allowed 300 s of skew for created instead of 30; one further ahead, or expired, is still refused.',
  }),
  defineFault({
    name: 'accept-replayed-nonce',
    switch: 'accept-replayed-nonce',
    requirements: ['ECDX-SEC-006'],
    role: 'both',
    description: 'Forgets nonces: a replayed request is processed again.',
  }),
  defineFault({
    name: 'nonces-forgotten-after-a-minute',
    switch: 'nonces-forgotten-after-a-minute',
    requirements: ['ECDX-SEC-006'],
    role: 'both',
    description:
      "Remembers an accepted nonce for 60 s only, not until the signature's expires + 30 s: a replay within the minute is refused, one later in the signature's validity is processed again.",
  }),
  defineFault({
    name: 'accept-unknown-key',
    switch: 'accept-unknown-key',
    requirements: ['ECDX-SEC-007'],
    role: 'both',
    description: 'Accepts a signature whose keyid names no registered key.',
  }),
  defineFault({
    name: 'accept-bad-signature',
    switch: 'accept-bad-signature',
    requirements: ['ECDX-SEC-008'],
    role: 'both',
    description: 'Accepts a signature that does not verify over the signature base (wrong key, altered method or target).',
  }),
  defineFault({
    name: 'validate-before-authenticate',
    switch: 'validate-before-authenticate',
    requirements: ['ECDX-SEC-010'],
    role: 'both',
    description: 'Validates the body and the Idempotency-Key before the signature, so an unsigned malformed request gets 400/422 instead of 401.',
  }),
  // --- idempotency --------------------------------------------------------------------------------------
  defineFault({
    name: 'idempotency-key-optional',
    switch: 'idempotency-key-optional',
    requirements: ['ECDX-IDM-002'],
    role: 'both',
    description: 'Processes a creating POST that has no Idempotency-Key.',
  }),
  defineFault({
    name: 'idempotency-key-only-for-notices',
    switch: 'idempotency-key-only-for-notices',
    requirements: ['ECDX-IDM-002'],
    role: 'both',
    description:
      'Refuses a POST /v1/interruption-notices without a usable Idempotency-Key, but processes every other creating POST without one: responses to notices, incident notifications, shipments, cancellations, subscriptions.',
  }),
  defineFault({
    name: 'idempotency-replay-creates-again',
    switch: 'idempotency-replay-creates-again',
    requirements: ['ECDX-IDM-003'],
    role: 'both',
    description: 'Processes a repeated request (same key, same body) a second time instead of replaying the stored response.',
  }),
  defineFault({
    name: 'idempotency-key-reuse-accepted',
    switch: 'idempotency-key-reuse-accepted',
    requirements: ['ECDX-IDM-004'],
    role: 'both',
    description: 'Processes a request that reuses a key with a different body instead of answering 422.',
  }),
  defineFault({
    name: 'idempotency-no-in-flight-guard',
    switch: 'idempotency-no-in-flight-guard',
    requirements: ['ECDX-IDM-005'],
    role: 'both',
    description: 'Processes a second request with the same key while the first is still in flight instead of answering 409.',
  }),
  defineFault({
    name: 'idempotency-key-consumed-by-refusal',
    switch: 'idempotency-key-consumed-by-refusal',
    requirements: ['ECDX-IDM-008'],
    role: 'both',
    description: 'Stores the Idempotency-Key of a request it refuses with 401, so the corrected, correctly signed retry with the same key gets the 401 again.',
  }),
  defineFault({
    name: 'idempotency-key-global-scope',
    switch: 'idempotency-key-global-scope',
    requirements: ['ECDX-IDM-007'],
    role: 'both',
    description: 'Scopes Idempotency-Key values globally instead of per client keyid: two clients using the same key collide.',
  }),
  // --- routing, media types, JSON -----------------------------------------------------------------------
  defineFault({
    name: 'unknown-path-needs-signature',
    switch: 'unknown-path-needs-signature',
    requirements: ['ECDX-ERR-006'],
    role: 'both',
    description: 'Answers an unsigned request to an undefined path with 401 instead of 404.',
  }),
  defineFault({
    name: 'wrong-method-as-not-found',
    switch: 'wrong-method-as-not-found',
    // HEAD and OPTIONS are wrong methods on every defined path, so their 405 (ECDX-CNF-008) breaks with it.
    requirements: ['ECDX-ERR-007', 'ECDX-CNF-008'],
    role: 'both',
    description: 'Answers a wrong method on a defined path (HEAD and OPTIONS too) with 404 and no Allow header instead of 405.',
  }),
  defineFault({
    name: 'no-body-size-limit',
    switch: 'no-body-size-limit',
    requirements: ['ECDX-ERR-009'],
    role: 'both',
    description: 'Reads bodies over 1 MiB instead of refusing them with 413.',
  }),
  defineFault({
    name: 'ignore-content-type',
    switch: 'ignore-content-type',
    requirements: ['ECDX-ERR-008'],
    role: 'both',
    description: 'Parses the body as JSON whatever its Content-Type says, instead of answering 415.',
  }),
  defineFault({
    name: 'server-error-on-bad-input',
    switch: 'server-error-on-bad-input',
    requirements: ['ECDX-ERR-004', 'ECDX-ERR-005'],
    role: 'both',
    description: 'Answers malformed JSON with 500 instead of a 4xx problem.',
  }),
  defineFault({
    name: 'malformed-json-as-validation-error',
    switch: 'malformed-json-as-validation-error',
    requirements: ['ECDX-ERR-005'],
    role: 'both',
    description: 'Answers malformed JSON with 422 instead of 400 malformed-json.',
  }),
  defineFault({
    name: 'union-violation-at-enclosing-value',
    switch: 'union-violation-at-enclosing-value',
    // ECDX-SHP-003 and ECDX-CON-004 too: the invalid ShipmentRequest vectors that break one alternative's member
    // (a missing filing number, a recipient abroad without crossBorder) are judged by the members they name.
    requirements: ['ECDX-ERR-003', 'ECDX-SHP-003', 'ECDX-CON-004'],
    // The push receiver's schemas have no conditional rule a platform check breaks; the carrier's shipping data does.
    role: 'carrier',
    description:
      "Names a value that matches no alternative of a conditional rule (a mainland address without divisionCode, a Hong Kong recipient without crossBorder) as a whole in invalidParams, instead of the closest alternative's member.",
  }),
  defineFault({
    name: 'waybill-looked-up-before-query',
    switch: 'waybill-looked-up-before-query',
    requirements: ['ECDX-ERR-011'],
    role: 'carrier',
    description: 'Looks up the waybill before it reads the query: the events of an unknown waybill with limit=0 get 404 instead of 422 validation-failed.',
  }),
  defineFault({
    name: 'conformance-requires-signature',
    switch: 'conformance-requires-signature',
    requirements: ['ECDX-CNF-001'],
    role: 'both',
    description: 'Refuses an unsigned GET /v1/conformance with 401.',
  }),
  // --- schema validation, one operation at a time ---------------------------------------------------------
  defineFault({
    name: 'accept-invalid-shipping-data',
    switch: 'accept-invalid-shipping-data',
    requirements: ['ECDX-SHP-003'],
    role: 'carrier',
    description: 'Accepts a POST /v1/shipments body that is not a valid ShipmentRequest.',
  }),
  defineFault({
    name: 'accept-invalid-cancellation',
    switch: 'accept-invalid-cancellation',
    requirements: ['ECDX-SHP-012'],
    role: 'carrier',
    description: 'Accepts a cancellation body that is not a valid CancellationRequest.',
  }),
  defineFault({
    name: 'accept-invalid-subscription',
    switch: 'accept-invalid-subscription',
    requirements: ['ECDX-PSH-003'],
    role: 'carrier',
    description: 'Accepts a POST /v1/subscriptions body that is not a valid SubscriptionRequest.',
  }),
  defineFault({
    name: 'platform-accept-invalid-push-batch',
    switch: 'platform-accept-invalid-push-batch',
    requirements: ['ECDX-PSH-024'],
    role: 'platform',
    description: 'Acknowledges a correctly signed push whose body is not a valid PushBatch.',
  }),
  defineFault({
    name: 'platform-accept-unsigned-push',
    switch: 'platform-accept-unsigned-push',
    requirements: ['ECDX-PSH-019'],
    role: 'platform',
    description: 'Acknowledges pushes without verifying webhook-signature.',
  }),
  defineFault({
    name: 'credential-in-location',
    requirements: ['ECDX-SEC-017'],
    role: 'both',
    description: "Puts the request's signature in the query of the Location header it answers, where proxies and logs keep it.",
    operation: '*',
    rewrite: (input, r) => {
      const location = r.headers['location'];
      const signature = input.request.headers['signature'];
      if (!location || !signature) return r;
      return { ...r, headers: { ...r.headers, location: `${location}${location.includes('?') ? '&' : '?'}signature=${encodeURIComponent(signature)}` } };
    },
  }),
  defineFault({
    name: 'notice-location-with-mitigation',
    requirements: ['ECDX-PRV-016'],
    // Only a platform's checks scan the Location of a notice it received; a carrier's scan that of its shipments.
    role: 'platform',
    description:
      "Appends the notice's mitigation text, which may name a contact person and a telephone number, to the Location header of a received notice as the query ?about=….",
    operation: 'receiveInterruptionNotice',
    rewrite: (input, r) => {
      const location = r.headers['location'];
      const mitigation = (input.body as InterruptionNoticeRequest | undefined)?.impact?.mitigation;
      if (r.status !== 201 || !location || !mitigation) return r;
      return { ...r, headers: { ...r.headers, location: `${location}?about=${encodeURIComponent(mitigation)}` } };
    },
  }),
  // --- the shape of problems ----------------------------------------------------------------------------
  defineFault({
    name: 'problem-as-plain-text',
    requirements: ['ECDX-ERR-001'],
    role: 'both',
    description: 'Sends errors as text/plain instead of application/problem+json.',
    operation: '*',
    rewrite: (_input, r) =>
      isProblemResponse(r) ? { ...r, headers: { ...r.headers, 'content-type': 'text/plain; charset=utf-8' }, body: `error ${r.status}` } : r,
  }),
  defineFault({
    name: 'problem-type-about-blank',
    // about:blank is outside the Problem schema's type pattern, so the body is no longer a valid Problem either.
    requirements: ['ECDX-ERR-002', 'ECDX-ERR-001'],
    role: 'both',
    description: 'Gives every problem the type about:blank instead of its catalogue URI.',
    operation: '*',
    rewrite: (_input, r) => (isProblemResponse(r) ? { ...r, body: { ...(r.body as object), type: 'about:blank' } } : r),
  }),
  defineFault({
    name: 'problem-without-invalid-params',
    // An unknown claim role is a validation-failed problem that names /role (ECDX-CNF-007), so it breaks with it.
    requirements: ['ECDX-ERR-003', 'ECDX-CNF-007'],
    role: 'both',
    description: 'Leaves invalidParams out of validation-failed problems, so the client cannot tell which member is wrong.',
    operation: '*',
    rewrite: (_input, r) => {
      if (!isProblemResponse(r) || (r.body as { type?: string }).type !== problemTypeUri('validation-failed')) return r;
      const { invalidParams: _dropped, ...rest } = r.body as Record<string, unknown>;
      return { ...r, body: rest };
    },
  }),
  defineFault({
    name: 'problem-echoes-personal-data',
    requirements: ['ECDX-ERR-010'],
    role: 'both',
    description: 'Quotes a telephone number from the request in the detail of a 422 problem.',
    operation: '*',
    rewrite: (input, r) => {
      if (!isProblemResponse(r) || r.status !== 422 || !input.request.body) return r;
      const mobile = findMobileNumbers(new TextDecoder().decode(input.request.body))[0];
      return mobile ? { ...r, body: { ...(r.body as object), detail: `request for ${mobile} refused` } } : r;
    },
  }),
];
