// The route table: every operation of the standard, matched to the handler that serves it.
import { schemaByName, type RoleScope } from '../../schemas/src/index.ts';
import { operations, type OperationSpec } from '../../spec/openapi/operations.ts';
import { callerRoles } from './callers.ts';
import type { OperationId } from './operations/index.ts';
import type { OperationHandler, Route } from './types.ts';

/** Compile `/v1/shipments/{waybillNo}` into a regular expression with one group per parameter. */
function compilePath(path: string): { pattern: RegExp; parameterNames: string[] } {
  const parameterNames: string[] = [];
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
    parameterNames.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), parameterNames };
}

export const servesRole = (operation: OperationSpec, role: RoleScope): boolean => role === 'both' || operation.role === 'both' || operation.role === role;

export function buildRoutes(handlers: Readonly<Record<OperationId, OperationHandler>>, role: RoleScope): Route[] {
  const handled = (id: string): id is OperationId => Object.hasOwn(handlers, id);
  return operations
    .filter((operation) => servesRole(operation, role))
    .map((operation) => {
      const operationId = operation.operationId;
      if (!handled(operationId)) throw new Error(`no handler for operation ${operationId}`);
      return {
        operationId,
        operation,
        bodySchema: operation.requestBody ? schemaByName(operation.requestBody.schema) : undefined,
        handler: handlers[operationId],
        callers: callerRoles(operation, role),
        ...compilePath(operation.path),
      };
    });
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    if (route.operation.method.toUpperCase() !== method) {
      allowed.push(route.operation.method.toUpperCase());
      continue;
    }
    const params: Record<string, string> = {};
    let decodable = true;
    route.parameterNames.forEach((name, i) => {
      try {
        params[name] = decodeURIComponent(m[i + 1]!);
      } catch {
        decodable = false;
      }
    });
    if (!decodable) return { kind: 'not-found' };
    return { kind: 'found', route, params };
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}
