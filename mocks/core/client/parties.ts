// The two parties of an action, as notices and incidents name them: the mock's own party of the role it plays, and
// the counterparty as its claim presents it.
import type { ConformanceClaim, ExchangeParty, PartyRole } from '../../../schemas/src/index.ts';
import type { MockContext } from '../types.ts';
import { ActionFailed } from './session.ts';

export function ownParty(mock: MockContext, role: PartyRole): ExchangeParty {
  const self = mock.self[role];
  return role === 'carrier' ? { name: self.name, role, carrierCode: self.carrierCode ?? '' } : { name: self.name, role };
}

export function claimedParty(claim: ConformanceClaim): ExchangeParty {
  if (claim.role === 'platform') return { name: claim.party.name, role: 'platform' };
  if (claim.party.carrierCode === undefined) throw new ActionFailed('the counterparty claims to be a carrier but names no carrier code');
  return { name: claim.party.name, role: 'carrier', carrierCode: claim.party.carrierCode };
}
