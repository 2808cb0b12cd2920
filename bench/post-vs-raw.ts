// postVsRaw: the signed creating request, POST /v1/shipments with a valid ShipmentRequest, against raw node:http
// reading the body and answering the same 201 document. Every request is a new creation: its own platformOrderId,
// Idempotency-Key and nonce (load-client.ts), so the mock validates, stores and answers each one in full.
import { DEMO_CARRIER_CODE } from '../mocks/core/mock.ts';
import { startMockServer } from '../mocks/server.ts';
import { buildRequest } from '../mocks/testing.ts';
import { schemaByName } from '../schemas/src/index.ts';
import { figure, type Figure } from './figures.ts';
import { keyFor, loadProblems, runClient, type LoadPlan, type LoadResult } from './load-client.ts';
import { startRawServer } from './mock-throughput.ts';
import { median } from './rounds.ts';

/** The schema's example, addressed to the demo carrier, without the privacy number whose expiry is a fixed date. */
export function shipmentRequest(): Record<string, unknown> {
  const body = structuredClone((schemaByName('ShipmentRequest') as { examples: Record<string, unknown>[] }).examples[0]!);
  const recipient = { ...(body['recipient'] as Record<string, unknown>) };
  delete recipient['privacyNumber'];
  return { ...body, recipient, carrierCode: DEMO_CARRIER_CODE };
}

export async function measurePostVsRaw(smoke: boolean): Promise<{ postVsRaw: Figure }> {
  const sizes = smoke ? { requests: 200, warmup: 50, rounds: 1 } : { requests: 3_000, warmup: 500, rounds: 5 };
  const server = await startMockServer({ port: 0, clockSpeed: 0 });
  const raw = await startRawServer(201);
  try {
    const body = shipmentRequest();
    const sample = await server.mock.handle(
      buildRequest(server.mock, 'POST', '/v1/shipments', { ...body, platformOrderId: 'bench-sample' }, { key: keyFor('hmac-sha256') }),
    );
    if (sample.status !== 201) throw new Error(`the mock refused the bench shipment: ${sample.status} ${JSON.stringify(sample.body)}`);
    raw.setBody(sample.body);
    const now = server.mock.context.clock.now();
    const plan = (url: string, requests: number): LoadPlan => ({
      url,
      method: 'POST',
      path: '/v1/shipments',
      body,
      now,
      algorithm: 'hmac-sha256',
      requests,
      connections: 4,
      pipelining: 16,
      timeLimitMs: 30_000,
    });
    await runClient(plan(raw.url, sizes.warmup));
    await runClient(plan(server.url, sizes.warmup));
    const rounds: { raw: LoadResult; mock: LoadResult; ratio: number }[] = [];
    for (let i = 0; i < sizes.rounds; i++) {
      const rawResult = await runClient(plan(raw.url, sizes.requests));
      const mockResult = await runClient(plan(server.url, sizes.requests));
      rounds.push({ raw: rawResult, mock: mockResult, ratio: mockResult.requestsPerSecond / rawResult.requestsPerSecond });
    }
    const problems = rounds.flatMap((r, i) => [
      ...loadProblems(`raw, round ${i + 1}`, r.raw, sizes.requests, 201),
      ...loadProblems(`mock, round ${i + 1}`, r.mock, sizes.requests, 201),
    ]);
    if (problems.length > 0) throw new Error(problems.join('; '));
    return {
      postVsRaw: figure('postVsRaw', median(rounds.map((r) => r.ratio)), {
        rounds: rounds.map((r) => r.ratio),
        detail: {
          rawRequestsPerSecond: Math.round(median(rounds.map((r) => r.raw.requestsPerSecond))),
          mockRequestsPerSecond: Math.round(median(rounds.map((r) => r.mock.requestsPerSecond))),
          perCpuSecondRatio: median(rounds.map((r) => r.mock.requestsPerCpuSecond / r.raw.requestsPerCpuSecond)),
          requestsPerRound: sizes.requests,
          storedShipmentsAtEnd: sizes.warmup + sizes.requests * sizes.rounds + 1,
        },
      }),
    };
  } finally {
    await raw.close();
    await server.close();
  }
}
