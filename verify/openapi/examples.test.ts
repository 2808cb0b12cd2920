// Every request example of the published OpenAPI document, sent signed with the demo credentials to the reference
// mock, is accepted with the operation's documented success status (issue 10, point 4). An example the mock
// refuses is an example an outside implementer would copy and see refused.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMock, type Mock, type MockRequest } from '../../mocks/index.ts';
import { demoCredentials, signRequest, signWebhook } from '../../protocol/index.ts';
import { exampleRequests, openApiDocument, type ExampleRequest } from './document-examples.ts';

const ORIGIN = 'http://127.0.0.1:4010';
/** The moment the examples are written at (their `issuedAt`, `reportedAt`…), so that time checks pass. */
const EXAMPLES_AT = Date.parse('2026-03-01T10:00:10+08:00');

/** Values the server issues, learnt from the answers so far: they replace the document's illustrative ones. */
type Issued = Record<string, string>;

function requestFor(mock: Mock, example: ExampleRequest, issued: Issued, idempotencyKey: string | undefined): MockRequest {
  const path = example.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(issued[name] ?? example.pathParams[name] ?? ''));
  const url = new URL(path, ORIGIN);
  for (const [name, value] of Object.entries(example.query)) {
    // A cursor is opaque server state: the document's one can only illustrate the form.
    if (name === 'cursor') continue;
    url.searchParams.set(name, value);
  }
  const body = example.body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(example.body));
  const headers: Record<string, string> = { host: url.host };
  if (body) headers['content-type'] = 'application/json';
  const now = mock.context.clock.now();
  if (example.security === 'push') {
    const batch = example.body as { batchId: string };
    Object.assign(headers, signWebhook({ id: batch.batchId, timestamp: now, body: body! }, demoCredentials.push.v1a.signingKey));
  } else if (example.security !== 'none') {
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    // The notice and the incident of the examples are the carrier's, so the carrier sends them to the platform.
    const key = /interruption-notices|security-incidents/.test(example.path) ? demoCredentials.carrier.signingKey : demoCredentials.platform.signingKey;
    Object.assign(headers, signRequest({ method: example.method, url: url.href, headers, body }, { key, now }));
  }
  return { method: example.method, url, headers, body };
}

/** What an answer issues that later requests need. */
function learn(issued: Issued, body: unknown): void {
  if (body === null || typeof body !== 'object') return;
  for (const name of ['waybillNo', 'subscriptionId', 'noticeId'] as const) {
    const value = (body as Record<string, unknown>)[name];
    if (typeof value === 'string' && issued[name] === undefined) issued[name] = value;
  }
}

async function sendAll(mock: Mock, examples: readonly ExampleRequest[]): Promise<{ operationId: string; status: number; expected: number; body: unknown }[]> {
  const issued: Issued = {};
  let firstKey = true;
  const answers = [];
  for (const example of examples) {
    // The document's Idempotency-Key example is sent once; a second request under it would be another request.
    const key = example.idempotencyKey === undefined ? undefined : firstKey ? example.idempotencyKey : randomUUID();
    if (example.idempotencyKey !== undefined) firstKey = false;
    const response = await mock.handle(requestFor(mock, example, issued, key));
    learn(issued, response.body);
    answers.push({ operationId: example.operationId, status: response.status, expected: example.success, body: response.body });
  }
  return answers;
}

const freshMock = () => createMock({ role: 'both', testMode: true, clockSpeed: 0, clockStart: EXAMPLES_AT });

describe('the request examples of spec/openapi.yaml', () => {
  const examples = exampleRequests();

  it('cover every operation of the document', () => {
    expect(examples.length).toBe(Object.values(openApiDocument().paths as object).flatMap((item) => Object.keys(item as object)).length);
  });

  it('are each accepted by the reference mock, signed with the demo credentials, with the documented success status', async () => {
    const answers = await sendAll(freshMock(), examples);
    expect(answers.filter((a) => a.status !== a.expected)).toEqual([]);
  });

  it('would show a wrong example: a shipment addressed to another carrier is refused', async () => {
    const broken = examples.map((e) => (e.operationId === 'createShipment' ? { ...e, body: { ...(e.body as object), carrierCode: 'SF' } } : e));
    const answers = await sendAll(freshMock(), broken);
    expect(answers.find((a) => a.operationId === 'createShipment')?.status).toBe(422);
  });
});
