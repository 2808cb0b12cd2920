import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { attemptDelivery, createPushAgent, MAX_ANSWER_BYTES } from './deliver.ts';
import { startTestCallback, type TestCallback } from './test-support.ts';

const attempt = (url: string, timeoutMs = 1_000) =>
  attemptDelivery(
    { url, headers: { 'webhook-id': 'bat_1', 'webhook-timestamp': '1', 'webhook-signature': 'v1a,x' }, body: '{"batchId":"bat_1"}' },
    { timeoutMs, agent: createPushAgent(timeoutMs) },
  );

let callback: TestCallback | undefined;
afterEach(async () => {
  await callback?.close();
  callback = undefined;
});

describe('one delivery attempt', () => {
  it('POSTs the body as application/json with the given headers and reports the answer', async () => {
    callback = await startTestCallback([{ status: 202, headers: { 'retry-after': '7' }, body: '{"ok":true}' }]);
    const outcome = await attempt(callback.url);
    expect(outcome).toMatchObject({ kind: 'answered', status: 202, body: '{"ok":true}', truncated: false });
    expect(outcome.kind === 'answered' && outcome.headers['retry-after']).toBe('7');
    const [delivery] = callback.deliveries;
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.headers['webhook-id']).toBe('bat_1');
    expect(delivery!.body).toBe('{"batchId":"bat_1"}');
  });

  it('gives up on a callback that does not answer within the timeout', async () => {
    callback = await startTestCallback([{ delayMs: 5_000 }]);
    const started = Date.now();
    const outcome = await attempt(callback.url, 300);
    expect(outcome).toEqual({ kind: 'no-answer', reason: 'no answer within the attempt timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports a connection reset as no answer', async () => {
    callback = await startTestCallback([{ reset: true }]);
    expect((await attempt(callback.url)).kind).toBe('no-answer');
  });

  it('reports an answer that is not HTTP as no answer', async () => {
    callback = await startTestCallback([{ garbage: true }]);
    expect((await attempt(callback.url)).kind).toBe('no-answer');
  });

  it('reports a refused connection as no answer', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    expect((await attempt(`http://127.0.0.1:${port}/cb`)).kind).toBe('no-answer');
  });

  it('reads at most 64 KiB of an endless answer and still reports its status', async () => {
    callback = await startTestCallback([{ hugeBodyBytes: 50 * 1024 * 1024 }]);
    const started = Date.now();
    const outcome = await attempt(callback.url, 5_000);
    expect(outcome).toMatchObject({ kind: 'answered', status: 200, truncated: true });
    expect(outcome.kind === 'answered' && outcome.body.length).toBe(MAX_ANSWER_BYTES);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('follows no redirect: the 3xx is the answer, and the target of the redirect hears nothing', async () => {
    const elsewhere = await startTestCallback();
    callback = await startTestCallback([{ status: 307, headers: { location: elsewhere.url } }]);
    const outcome = await attempt(callback.url);
    expect(outcome).toMatchObject({ kind: 'answered', status: 307 });
    expect(elsewhere.deliveries).toHaveLength(0);
    await elsewhere.close();
  });

  it('reports an https callback that cannot be reached as no answer', async () => {
    expect((await attempt('https://127.0.0.1:1/cb', 500)).kind).toBe('no-answer');
  });
});
