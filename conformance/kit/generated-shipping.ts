// Generated shipping data: ShipmentRequests drawn from the schema (conformance/generate/), made acceptable to the
// target beyond the schema — its own carrier code, no prohibited contents, consents current on the target's clock,
// a separate cross-border consent that names a record of the same request — so that a refusal is the target's
// doing, never the generator's. What stays as drawn is everything the schema leaves free: names and addresses in
// any script (CJK of every plane, Latin with diacritics), every telephone form the schema allows, one to five
// contents lines, bounds' edges, domestic and cross-border shipments.
import type fc from 'fast-check';
import { PERMITTED_CONTENTS_CATEGORIES, isProhibitedContentsCategory, ShipmentRequest } from '../../schemas/src/index.ts';
import { violations } from '../../schemas/validate.ts';
import { arbitraryFor, type ArbitraryOptions } from '../generate/arbitrary.ts';
import type { TestContext } from '../harness/context.ts';
import { targetCarrierCode } from './claim.ts';
import type { ShipmentBody } from './shipping-data.ts';
import { DAY, timestamp } from './time.ts';

type Json = Record<string, unknown>;
const records = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/**
 * `drawn` (a valid ShipmentRequest) as shipping data the target must accept: the rules beyond the schema applied
 * to a copy. Still valid against the schema (the generator's tests hold it to that).
 */
export function acceptableShippingData(drawn: ShipmentBody, carrierCode: string, now: number): ShipmentBody {
  const body = structuredClone(drawn);
  body['carrierCode'] = carrierCode;
  for (const line of records(body['contents'])) {
    if (typeof line['category'] === 'string' && isProhibitedContentsCategory(line['category'])) line['category'] = PERMITTED_CONTENTS_CATEGORIES[0];
  }
  // A consent that could justify a use: granted before now, not expired, not withdrawn (ECDX-CON-002).
  for (const consent of records(body['consents'])) {
    consent['grantedAt'] = timestamp(now - DAY);
    consent['expiresAt'] = timestamp(now + 365 * DAY);
    delete consent['withdrawnAt'];
  }
  const crossBorder = body['crossBorder'] as Json | undefined;
  const separate = crossBorder?.['separateConsentId'];
  if (crossBorder && typeof separate === 'string') {
    // The separate consent must be a CROSS_BORDER_TRANSFER record of this request (ECDX-CON-005).
    const consents = records(body['consents']);
    const named = consents.find((c) => c['consentId'] === separate) ?? consents[0];
    if (named) {
      named['consentId'] = separate;
      named['purpose'] = 'CROSS_BORDER_TRANSFER';
    } else delete crossBorder['separateConsentId'];
  }
  if (violations(ShipmentRequest, body, 1).length > 0) {
    // Renaming a consent can collide with another's id: then the request goes without the separate consent.
    if (crossBorder) delete crossBorder['separateConsentId'];
    for (const consent of records(body['consents']))
      if (consent['purpose'] === 'CROSS_BORDER_TRANSFER' && consent['consentId'] === separate) consent['purpose'] = 'ANALYTICS';
  }
  return body;
}

/** Valid shipping data the target must accept, drawn from ShipmentRequest for this run. */
export function shippingDataArbitrary(t: TestContext, options: Pick<ArbitraryOptions, 'optionalMembers'> = {}): fc.Arbitrary<ShipmentBody> {
  const carrierCode = targetCarrierCode(t);
  return arbitraryFor<ShipmentBody>(ShipmentRequest, options).map((drawn) => acceptableShippingData(drawn, carrierCode, t.targetNow()));
}
