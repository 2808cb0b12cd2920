// Request builders for the pipeline tests beyond mocks/testing.ts: schema examples as bodies, and requests signed
// with deliberate faults (protocol/ `signRequest` and its `tamper` option).
import { schemaByName } from '../../schemas/src/index.ts';
import { DEMO_CARRIER_CODE, type Mock } from '../core/mock.ts';
import type { MockRequest } from '../core/types.ts';
import { demoCredentials, signRequest, signWebhook, type SignOptions } from '../../protocol/index.ts';
import { buildRequest, type RequestOptions } from '../testing.ts';

/** A fresh copy of the first example of a published schema. */
export function exampleOf<T = Record<string, unknown>>(schemaName: string): T {
  const examples = (schemaByName(schemaName) as { examples?: unknown[] }).examples;
  if (!examples?.[0]) throw new Error(`schema ${schemaName} has no example`);
  return structuredClone(examples[0]) as T;
}

/** The ShipmentRequest example addressed to the mock's own carrier code, so that the mock can accept it. */
export function shipmentRequest(platformOrderId = `ord-${Math.random().toString(36).slice(2, 10)}`): Record<string, unknown> {
  return { ...exampleOf('ShipmentRequest'), carrierCode: DEMO_CARRIER_CODE, platformOrderId };
}

/** Sign `request` (unsigned so far) with the demo platform key at the mock's clock, or as `sign` says. */
export function sign(mock: Mock, request: MockRequest, options: Partial<SignOptions> = {}): MockRequest {
  const signed = signRequest(
    { method: request.method, url: request.url.href, headers: request.headers, body: request.body },
    { key: demoCredentials.platform.signingKey, now: mock.context.clock.now(), ...options },
  );
  return { ...request, headers: { ...request.headers, ...signed } };
}

/** A request signed as `signing` says (`tamper` and the other SignOptions go straight to `signRequest`). */
export const signedRequest = (
  mock: Mock,
  method: string,
  path: string,
  body: unknown,
  signing: Partial<SignOptions> = {},
  options: Omit<RequestOptions, 'key' | 'now'> = {},
): MockRequest => sign(mock, buildRequest(mock, method, path, body, { ...options, key: false }), signing);

/** The same request with other body bytes and the same header fields (a body swapped in transit). */
export const withBody = (request: MockRequest, body: string | Uint8Array): MockRequest => ({
  ...request,
  body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
});

export const withHeaders = (request: MockRequest, headers: Record<string, string | undefined>): MockRequest => {
  const merged: Record<string, string> = { ...request.headers };
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return { ...request, headers: merged };
};

/** A push (POST /v1/tracking-events) signed with the demo carrier's push keys, or unsigned with `signed: false`. */
export function pushRequest(mock: Mock, body: unknown, signed = true): MockRequest {
  const request = buildRequest(mock, 'POST', '/v1/tracking-events', body, { key: false, idempotencyKey: false });
  if (!signed) return request;
  const id = typeof (body as { batchId?: unknown })?.batchId === 'string' ? (body as { batchId: string }).batchId : 'batch-test-0001';
  const headers = signWebhook({ id, timestamp: mock.context.clock.now(), body: request.body ?? new Uint8Array() }, demoCredentials.push.v1a.signingKey);
  return { ...request, headers: { ...request.headers, ...headers } };
}
