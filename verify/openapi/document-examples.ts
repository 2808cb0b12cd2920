// The request examples of the published OpenAPI document (spec/openapi.yaml), read as an outside implementer reads
// them, and sent to the reference mock signed with the demo credentials. Path and cursor values name resources the
// server issues (a waybill number, a subscription id, a page cursor), so those are taken from the answers of the
// requests before; everything else is sent exactly as the document gives it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// biome-ignore lint/suspicious/noExplicitAny: walking untyped YAML
type Json = Record<string, any>;

export const openApiDocument = (): Json => parse(readFileSync(join(import.meta.dirname, '..', '..', 'spec', 'openapi.yaml'), 'utf8')) as Json;

export interface ExampleRequest {
  operationId: string;
  method: string;
  /** The path template, e.g. `/v1/shipments/{waybillNo}`. */
  path: string;
  role: 'carrier' | 'platform' | 'both';
  /** The lowest 2xx status the document gives the operation. */
  success: number;
  /** How the request is authenticated: an RFC 9421 signature, a Standard Webhooks one, or not at all. */
  security: 'request' | 'push' | 'none';
  pathParams: Record<string, string>;
  query: Record<string, string>;
  /** The Idempotency-Key example, when the operation takes the header. */
  idempotencyKey?: string;
  body?: unknown;
}

const securityOf = (requirements: Json[] | undefined): ExampleRequest['security'] =>
  requirements === undefined ? 'request' : requirements.some((r) => 'standardWebhooksSignature' in r) ? 'push' : requirements.length === 0 ? 'none' : 'request';

/** Every operation of the document's `paths`, with the examples it documents. */
export function exampleRequests(doc: Json = openApiDocument()): ExampleRequest[] {
  const resolve = (node: Json): Json =>
    typeof node.$ref === 'string'
      ? (node.$ref as string)
          .slice(2)
          .split('/')
          .reduce((n: Json, key: string) => n[key], doc)
      : node;
  const requests: ExampleRequest[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json) as [string, Json][]) {
      const parameters = ((op.parameters ?? []) as Json[]).map(resolve);
      const byPlace = (place: string) =>
        Object.fromEntries(parameters.filter((p) => p.in === place && p.example !== undefined).map((p) => [p.name as string, String(p.example)]));
      const idempotency = parameters.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      const statuses = Object.keys(op.responses as Json)
        .map(Number)
        .filter((s) => s >= 200 && s < 300);
      requests.push({
        operationId: op.operationId as string,
        method: method.toUpperCase(),
        path,
        role: op['x-ecdx-role'],
        success: Math.min(...statuses),
        security: securityOf(op.security as Json[] | undefined),
        pathParams: byPlace('path'),
        query: byPlace('query'),
        ...(idempotency ? { idempotencyKey: String(idempotency.example) } : {}),
        ...(op.requestBody ? { body: resolve(op.requestBody).content['application/json'].example } : {}),
      });
    }
  }
  return requests;
}
