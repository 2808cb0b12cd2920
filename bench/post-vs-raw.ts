// postVsRaw: the signed creating request, POST /v1/shipments with a valid ShipmentRequest, against raw node:http
// reading the body and answering the same 201 document. Every request is a new creation: its own platformOrderId,
// Idempotency-Key and nonce (load-client.ts), so the mock validates, stores and answers each one in full.
import { DEMO_CARRIER_CODE } from '../mocks/core/mock.ts';
import { startMockServer } from '../mocks/server.ts';
import { buildRequest } from '../mocks/testing.ts';
import { schemaByName } from '../schemas/src/index.ts';
import { figure, type Figure } from './figures.ts';
import { keyFor, runClient, type LoadPlan } from './load-client.ts';
import { startRawServer } from './mock-throughput.ts';
import { pairedRatio, type PairedRound } from './rounds.ts';

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
    const rounds: PairedRound[] = [];
    for (let i = 0; i < sizes.rounds; i++) {
      const baseline = await runClient(plan(raw.url, sizes.requests));
      rounds.push({ baseline, mock: await runClient(plan(server.url, sizes.requests)) });
    }
    const paired = pairedRatio(rounds, { baseline: 'raw', mockRequests: sizes.requests, baselineRequests: sizes.requests, status: 201 });
    return {
      postVsRaw: figure('postVsRaw', paired.ratio, {
        rounds: paired.ratios,
        detail: {
          rawRequestsPerSecond: paired.baselineRequestsPerSecond,
          mockRequestsPerSecond: paired.mockRequestsPerSecond,
          perCpuSecondRatio: paired.perCpuSecondRatio,
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
