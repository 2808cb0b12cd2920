// The push receiver against a flood and against forgers: it refuses what is too large before reading it, keeps a
// bounded number of deliveries, and once the subscription's key is named counts only what verifies with it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCredentials, generateWebhookSigningKey, signWebhook } from '../../protocol/index.ts';
import { MAX_PUSH_BYTES, PushReceiver } from './receiver.ts';

let receiver: PushReceiver;
beforeEach(async () => {
  receiver = await PushReceiver.start();
});
afterEach(async () => {
  await receiver.close();
});

const batch = (n: number) => JSON.stringify({ batchId: `bat_${n}`, events: [] });

async function push(url: string, body: string | Blob, headers: Record<string, string> = {}): Promise<number> {
  try {
    const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0; // the receiver closed the connection before the body was sent: refused all the same
  }
}

const signed = (body: string, key = demoCredentials.push.v1a.signingKey) =>
  signWebhook({ id: `msg_${body.length}`, timestamp: Date.now(), body }, key) as unknown as Record<string, string>;

describe('PushReceiver bounds', () => {
  it('refuses a push over 1 MiB with 413, whether it says its length or not, and keeps nothing of it', async () => {
    const endpoint = receiver.endpoint();
    const bytes = new Uint8Array(MAX_PUSH_BYTES + 1024 * 1024).fill(0x78);
    const large = new Blob([bytes]);
    expect(await push(endpoint.url, large)).toBe(413);
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    const status = await fetch(endpoint.url, { method: 'POST', body: chunked, duplex: 'half' } as RequestInit).then(
      (r) => r.status,
      () => 413,
    );
    expect(status).toBe(413);
    expect(endpoint.deliveries).toEqual([]);
    expect(receiver.noise()).toEqual({ forged: 0, oversized: 2, overflow: 0, stray: 0 });
  });

  it('keeps at most 500 deliveries per callback URL and refuses the rest with 503', async () => {
    const endpoint = receiver.endpoint();
    const recorded: unknown[] = [];
    const recordingEndpoint = receiver.endpoint([], { status: 200 }, (e) => recorded.push(e));
    for (let i = 0; i < 520; i += 13) await Promise.all(Array.from({ length: 13 }, (_, j) => push(endpoint.url, batch(i + j))));
    for (let i = 0; i < 150; i += 1) await push(recordingEndpoint.url, batch(i));
    expect(endpoint.deliveries).toHaveLength(500);
    expect(receiver.noise().overflow).toBe(20);
    expect([recordingEndpoint.deliveries.length, recorded.length]).toEqual([150, 100]);
  }, 20_000);

  it('answers a request to no callback URL of the run with 404 and counts it', async () => {
    expect(await push(`${receiver.endpoint().url.replace(/callbacks\/[^/]+/, 'callbacks/nobody')}`, batch(1))).toBe(404);
    expect(receiver.noise().stray).toBe(1);
  });
});

describe('PushReceiver and forged pushes', () => {
  it('counts only deliveries that verify with the key it was given; forged ones take no scripted answer', async () => {
    const endpoint = receiver.endpoint([{ status: 500 }], { status: 200 });
    endpoint.verifyWith(demoCredentials.push.v1a.verificationKey);
    const waiting = endpoint.waitFor(1, 1_000);
    expect(await push(endpoint.url, batch(1))).toBe(401); // unsigned
    expect(await push(endpoint.url, batch(2), signed(batch(2), generateWebhookSigningKey()))).toBe(401); // another key
    expect(await push(endpoint.url, batch(3), { ...signed(batch(4)) })).toBe(401); // a signature of another body
    expect(endpoint.deliveries).toEqual([]);
    expect(await push(endpoint.url, batch(5), signed(batch(5)))).toBe(500); // the target's: the script's first answer
    expect(await waiting).toBe(true);
    expect(endpoint.deliveries.map((d) => d.json)).toEqual([{ batchId: 'bat_5', events: [] }]);
    expect([endpoint.rejected.count, endpoint.rejected.sample.length, receiver.noise().forged]).toEqual([3, 3, 3]);
  });

  it('judges again what arrived before the key was named', async () => {
    const endpoint = receiver.endpoint();
    await push(endpoint.url, batch(1));
    await push(endpoint.url, batch(2), signed(batch(2)));
    expect(endpoint.deliveries).toHaveLength(2);
    const deliveries = endpoint.deliveries;
    endpoint.verifyWith([demoCredentials.push.v1a.verificationKey]);
    expect(deliveries.map((d) => d.json)).toEqual([{ batchId: 'bat_2', events: [] }]);
    expect(endpoint.rejected.count).toBe(1);
  });

  it('lets a flood of forged pushes change nothing but the count of noise', async () => {
    const endpoint = receiver.endpoint();
    endpoint.verifyWith(demoCredentials.push.v1a.verificationKey);
    for (let i = 0; i < 600; i += 15) await Promise.all(Array.from({ length: 15 }, (_, j) => push(endpoint.url, batch(i + j))));
    expect(await push(endpoint.url, batch(9_999), signed(batch(9_999)))).toBe(200);
    expect(endpoint.deliveries).toHaveLength(1);
    expect([endpoint.rejected.count, endpoint.rejected.sample.length]).toEqual([600, 5]);
  }, 20_000);
});
