// What the self-tests know of the faults beyond their requirement lists, in one place: the checks a fault leaves
// without the state they need (they end precondition-failed, never passed), with why. The whole matrix
// (verify-suite.test.ts) and the per-area runs (verify/checks/) hold the faults to exactly their requirements with
// these exceptions only.
import type { FaultName } from '../mocks/faults/index.ts';

export const MAY_BLOCK: Partial<Record<FaultName, readonly string[]>> = {
  // an unsigned but correct request must be refused first, to see what is looked at before the signature
  'accept-unsigned': ['security/authentication-before-validation'],
  // a request must be refused with 401 for its key to be shown unspent
  'accept-expired-signature': ['idempotency/refused-request-keeps-key'],
  // how long keys are kept shows only where a repeat is answered from the key at all
  'idempotency-replay-creates-again': ['idempotency/kept-for-published-expiry'],
  // a deployment that claims production mode offers no test clock and no test delay
  'claim-production-accepts-demo-keys': ['idempotency/in-flight-conflict', 'idempotency/kept-for-published-expiry', 'security/nonce-remembered-until-expiry'],
  // stale pushes are judged only where a wrongly signed one is refused (ECDX-PSH-019)
  'platform-accept-unsigned-push': ['push/receiver-rejects-stale'],
  // no Location header to scan
  'shipment-created-without-location': ['privacy/location-without-personal-data'],
  // no page gives a cursor
  'limit-ignored': ['tracking/cursor-lifetime', 'tracking-privacy/cursor-without-personal-data'],
  // its walk needs a cursor kept 55 minutes
  'cursor-expires-after-a-minute': ['tracking/walk-while-recording'],
  // keys are judged for randomness only where the creating requests carry some
  'client-idempotency-key-missing': ['client/idempotency-keys-random'],
  // a copy served without its responses cannot show which responses the party recorded in it (ECDX-NTC-018)
  'notice-read-without-responses': ['client/issuer-holds-its-notice'],
};
