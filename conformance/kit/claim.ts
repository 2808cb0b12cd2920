// What the target's conformance claim says, as the checks ask it: which classes it claims (by the class URIs of
// schemas/src/classes.ts), which push signature schemes it offers or accepts, which carrier code it answers for.
import { classUri, type ConformanceClassName } from '../../schemas/src/classes.ts';
import type { TestContext } from '../harness/context.ts';
import { M } from './messages.ts';

/** Whether the target's claim lists the class. */
export const claimsClass = (t: TestContext, name: ConformanceClassName): boolean => (t.claim?.classes ?? []).includes(classUri(name));

export type Scheme = 'v1a' | 'v1';

/** The push schemes the claim lists (the carrier's offer, the platform's acceptance), v1a first; v1a when unreadable. */
export function claimedSchemes(t: TestContext): Scheme[] {
  const listed = t.claim?.webhookSignatureSchemes ?? [];
  const schemes = (['v1a', 'v1'] as const).filter((s) => listed.includes(s));
  return schemes.length > 0 ? schemes : ['v1a'];
}

/** The target's carrier code from its claim; the check ends precondition-failed without one. */
export function targetCarrierCode(t: TestContext): string {
  const claim = t.need(t.claim, M.claimUnreadableCarrierCode());
  return t.need(claim.party.carrierCode, M.noCarrierCode());
}
