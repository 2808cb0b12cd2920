// Every response the reference mock sends in the suite's own run is one the OpenAPI document describes: a status the
// operation documents, its media type, a body valid against its schema, its header fields. The harness runs
// against each role of the mock through a recording proxy (its own evidence is redacted for reports), and every
// recorded response goes through an Ajv validator built from spec/openapi.yaml, the file an outside validating proxy
// would load. The run leaves out the push-delivery checks, which wait on the retry schedule in real time (26 s) and
// send nothing to the mock that the subscription checks kept here do not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { OpenAPIV3_1 } from 'openapi-types';
import { areas } from '../conformance/checks/index.ts';
import { runConformance } from '../conformance/index.ts';
import { startMockServer } from '../mocks/server.ts';
import type { PartyRole } from '../schemas/src/index.ts';
import { responseValidator, type ObservedResponse } from './openapi-responses.ts';
import { startRecordingProxy } from './recording-proxy.ts';

const document = parse(readFileSync(join(import.meta.dirname, '..', 'spec', 'openapi.yaml'), 'utf8')) as OpenAPIV3_1.Document;

const PUSH_CHECKS_KEPT = [
  'push/subscription-created',
  'push/secret-shown-once',
  'push/subscription-request-validated',
  'push/callback-https-required',
  'push/subscription-read-and-deleted',
];
const only = [...Object.keys(areas).filter((area) => area !== 'push'), ...PUSH_CHECKS_KEPT];

/** The documented operations of a role, as `METHOD /path/template`. */
function operationsOf(role: PartyRole): string[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { 'x-ecdx-role'?: string }>)
      .filter(([, op]) => [role, 'both'].includes(op['x-ecdx-role'] ?? ''))
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

async function recordRun(role: PartyRole) {
  const proxy = await startRecordingProxy();
  // The mock verifies signatures against the origin the harness signed: the proxy's.
  const server = await startMockServer({ role, port: 0, host: '127.0.0.1', publicOrigin: proxy.url, clockSpeed: 1 });
  proxy.upstream = server.url;
  try {
    const report = await runConformance({ target: proxy.url, role, concurrency: 4, timeoutMs: 10_000, settleMs: 400, only });
    return { report, exchanges: proxy.exchanges };
  } finally {
    await server.close();
    await proxy.close();
  }
}

describe("the reference mock's responses in the suite's own run", () => {
  it('are all documented and valid against the OpenAPI document, for both roles', async () => {
    const runs = await Promise.all((['carrier', 'platform'] as const).map(async (role) => ({ role, ...(await recordRun(role)) })));
    for (const { role, report, exchanges } of runs) {
      const validate = responseValidator(document, role);
      expect(report.results.filter((r) => r.status === 'error').map((r) => r.checkId)).toEqual([]);
      expect(exchanges.flatMap(validate)).toEqual([]);
      // Every operation of the role was answered at least once, so none goes unexamined.
      const answered = new Set(exchanges.map((e) => `${e.method} ${templateOf(e.target)}`));
      expect(operationsOf(role).filter((op) => !answered.has(op))).toEqual([]);
    }
  }, 120_000);
});

/** The document's path template a request target falls under, or the path itself. */
function templateOf(target: string): string {
  const path = new URL(target, 'http://target').pathname;
  const templates = Object.keys(document.paths ?? {}).sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  return templates.find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path)) ?? path;
}

describe('responseValidator', () => {
  const validate = responseValidator(document, 'carrier');
  const json = (body: unknown) => new TextEncoder().encode(JSON.stringify(body));
  const problem = { type: 'https://ecdx.dev/problems/not-found', title: 'Not found', status: 404 };
  const answer = (over: Partial<ObservedResponse>): ObservedResponse => ({
    method: 'GET',
    target: '/v1/shipments/SF1234567890123',
    status: 404,
    headers: { 'content-type': 'application/problem+json' },
    body: json(problem),
    ...over,
  });

  it('accepts a documented problem', () => {
    expect(validate(answer({}))).toEqual([]);
  });

  it('names a status the operation does not document', () => {
    expect(validate(answer({ status: 418, body: json({ ...problem, status: 418 }) }))).toEqual([
      expect.stringMatching(/^GET \/v1\/shipments\/SF1234567890123 → 418: the status is not documented/),
    ]);
  });

  it('names a media type the status does not document', () => {
    expect(validate(answer({ headers: { 'content-type': 'text/html' } }))).toEqual([
      expect.stringContaining('content type text/html; documented: application/problem+json'),
    ]);
  });

  it('names a body that does not match the schema', () => {
    expect(validate(answer({ body: json({ ...problem, extra: true }) }))).toEqual([expect.stringContaining('does not match the documented schema')]);
  });

  it('names a missing required header field', () => {
    const shipment = (document.components!.schemas!.Shipment as { examples: unknown[] }).examples[0];
    const created = { method: 'POST', target: '/v1/shipments', status: 201, headers: { 'content-type': 'application/json' }, body: json(shipment) };
    expect(validate({ ...created, headers: { ...created.headers, location: '/v1/shipments/SF1234567890123' } })).toEqual([]);
    expect(validate(created)).toEqual([expect.stringContaining('the required header field Location is missing')]);
  });

  it('holds a request to an operation of the other role, or to no operation, to a problem', () => {
    expect(validate(answer({ method: 'POST', target: '/v1/tracking-events' }))).toEqual([]);
    expect(validate(answer({ method: 'POST', target: '/v1/tracking-events', headers: { 'content-type': 'application/json' } }))).toEqual([
      expect.stringContaining('no operation of a carrier'),
    ]);
  });
});
