// One request of the reference client: a redirect is an answer, not followed; an answer past the cap is not read
// as JSON; no answer by the deadline is an outcome, not an exception.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { exchange } from './http.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});
const serving = async (handler: Parameters<typeof createServer>[1]): Promise<string> => {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

it('answers a redirect as it came, without following it', async () => {
  let calls = 0;
  const url = await serving((_req, res) => {
    calls += 1;
    res.writeHead(302, { location: '/elsewhere' }).end();
  });
  const outcome = await exchange({ method: 'GET', url: `${url}/v1/conformance`, headers: {} });
  expect(outcome).toMatchObject({ kind: 'answered', status: 302 });
  expect(calls).toBe(1);
});

it('reads JSON, and leaves an answer past the cap unread', async () => {
  const url = await serving((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url === '/big' ? `"${'x'.repeat(2 * 1024 * 1024)}"` : '{"ok":true}');
  });
  expect(await exchange({ method: 'GET', url: `${url}/small`, headers: {} })).toMatchObject({ body: { ok: true } });
  expect(await exchange({ method: 'GET', url: `${url}/big`, headers: {} })).toMatchObject({ kind: 'answered', status: 200, body: undefined });
});

it('turns no answer by the deadline into an outcome', async () => {
  const url = await serving(() => undefined);
  expect(await exchange({ method: 'POST', url, headers: {}, body: '{}' }, 200)).toEqual({ kind: 'no-answer', reason: 'no answer within 0.2 s' });
});
