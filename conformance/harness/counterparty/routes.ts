// Which operation of the standard a client's request calls, among those the role the harness plays serves. The
// harness does not serve its own test controls: a client has no business with them.
import type { PartyRole } from '../../../schemas/src/index.ts';
import { operations, type OperationSpec } from '../../../spec/openapi/operations.ts';

interface Route {
  operation: OperationSpec;
  pattern: RegExp;
  names: string[];
}

const routesOf = (role: PartyRole): Route[] =>
  operations
    .filter((operation) => (operation.role === role || operation.role === 'both') && operation.tag !== 'Test controls')
    .map((operation) => {
      const names: string[] = [];
      const source = operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { operation, pattern: new RegExp(`^${source}$`), names };
    });

const ROUTES: Record<PartyRole, Route[]> = { carrier: routesOf('carrier'), platform: routesOf('platform') };

/** The operation `method path` calls on a party of `role`, with its path parameters; undefined when none. */
export function matchOperation(role: PartyRole, method: string, path: string): { operationId: string; params: Record<string, string> } | undefined {
  for (const route of ROUTES[role]) {
    if (route.operation.method.toUpperCase() !== method) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    try {
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]!);
      });
    } catch {
      return undefined;
    }
    return { operationId: route.operation.operationId, params };
  }
  return undefined;
}
