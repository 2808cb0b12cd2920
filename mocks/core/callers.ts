// Who may call what: a key is registered for a party in one role (decision 0013), and each operation is called by
// the counterpart of the role that serves it, as the operations table says. A key of the wrong role resolves to no
// key at all, at the step where the verifier resolves keyids, so it is refused as an unregistered keyid is.
import type { KeyResolver } from '../../protocol/index.ts';
import type { PartyRole, RoleScope } from '../../schemas/src/index.ts';
import type { OperationSpec } from '../../spec/openapi/operations.ts';
import type { Party, Route } from './types.ts';

const counterpart = (role: PartyRole): PartyRole => (role === 'carrier' ? 'platform' : 'carrier');

/**
 * The roles whose keys may call an operation on a party playing `role`: the counterpart of each role that serves it
 * there. A carrier key calls nothing a carrier serves (POST /v1/shipments), but it does call a two-way operation (a
 * notice) on a mock that plays the platform too.
 */
export function callerRoles(operation: OperationSpec, role: RoleScope): readonly PartyRole[] {
  const serving: readonly PartyRole[] = operation.role !== 'both' ? [operation.role] : role === 'both' ? ['carrier', 'platform'] : [role];
  return serving.map(counterpart);
}

/** The keys that may call `route`; `refused()` says why a keyid it held back resolved to nothing, for the detail. */
export function keysCalling(
  route: Route,
  keyring: KeyResolver,
  parties: Readonly<Record<string, Omit<Party, 'keyid'>>>,
): KeyResolver & { refused(): string | undefined } {
  let refused: string | undefined;
  return {
    get(keyid) {
      const party = parties[keyid];
      if (party && !route.callers.includes(party.role)) {
        refused = `keyid ${keyid} is registered for a ${party.role}, and ${route.operationId} is called by a ${route.callers.join(' or ')}`;
        return undefined;
      }
      return keyring.get(keyid);
    },
    refused: () => refused,
  };
}
