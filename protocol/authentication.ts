// Which received requests carry which authentication: discovery none, the push a Standard Webhooks signature, every
// other operation an RFC 9421 `ecdx` request signature. Read from the operations table, so that the receiver and the
// specification cannot disagree about which operation is signed.
import { operations, type OperationSpec } from '../spec/openapi/operations.ts';

const label = (o: OperationSpec): string => `${o.method.toUpperCase()} ${o.path}`;

/** Operations served without a request signature (discovery), as `METHOD path`: `signed: false` in the operations table. */
export const UNSIGNED_OPERATIONS: readonly string[] = operations.filter((o) => !o.signed).map(label);
/** The push, authenticated by its Standard Webhooks signature instead of an RFC 9421 one. */
export const PUSH_OPERATION = label(operations.find((o) => o.operationId === 'receiveTrackingEvents')!);

/**
 * How a received request is authenticated: `none` for discovery, `push` for the Standard Webhooks push, `request`
 * (an `ecdx` signature) for everything else. `url` may be absolute or a path with a query.
 */
export function authenticationFor(method: string, url: string): 'none' | 'push' | 'request' {
  const operation = `${method.toUpperCase()} ${new URL(url, 'http://localhost').pathname}`;
  if (UNSIGNED_OPERATIONS.includes(operation)) return 'none';
  return operation === PUSH_OPERATION ? 'push' : 'request';
}
