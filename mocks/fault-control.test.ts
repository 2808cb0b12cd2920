// The standalone server's fault control over HTTP (fault-control.ts): list, replace and reset the faults of a
// running test deployment; misuse is answered with a 4xx problem, never a 5xx; without test mode there is nothing.
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { Health } from '../schemas/src/index.ts';
import type { MockResponse } from './core/types.ts';
import { FAULT_CONTROL_PATH } from './fault-control.ts';
import { startMockServer, type MockServer, type MockServerOptions } from './server.ts';
import { expectProblem } from './test-support/problems.ts';

const open: MockServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function start(options: MockServerOptions = {}): Promise<MockServer> {
  const server = await startMockServer({ port: 0, role: 'carrier', clockSpeed: 0, ...options });
  open.push(server);
  return server;
}

/** An unsigned request; a body that is not a string is sent as JSON. */
async function call(server: MockServer, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<MockResponse> {
  const bytes = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const response = await request(`${server.url}${path}`, { method: method as 'GET', headers: bytes ? { 'content-type': contentType } : {}, body: bytes });
  const text = await response.body.text();
  const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, String(value)]));
  const isJson = /json/.test(headers['content-type'] ?? '');
  return { status: response.statusCode, headers, body: text === '' ? undefined : isJson ? (JSON.parse(text) as unknown) : text };
}

const control = (server: MockServer, method: string, body?: unknown, contentType?: string) => call(server, method, FAULT_CONTROL_PATH, body, contentType);
/** What a switch fault changes: an unsigned read is refused (401), or let through to the operation (404 for this waybill). */
const unsignedRead = async (server: MockServer) => (await call(server, 'GET', '/v1/shipments/ECDX000000000018')).status;
/** What a rewrite fault changes: health-version-mismatch names 1.0.0. */
const healthVersion = async (server: MockServer) => ((await call(server, 'GET', '/v1/health')).body as Health).ecdxVersion;

describe('the fault control of a test deployment', () => {
  it('lists the faults the server started with', async () => {
    const server = await start({ faults: ['health-version-mismatch'] });
    expect(await control(server, 'GET')).toMatchObject({ status: 200, body: { faults: ['health-version-mismatch'] } });
  });

  it('replaces them, which changes what the mock does from the next request on, and resets them', async () => {
    const server = await start({ faults: ['health-version-mismatch'] });
    expect([await unsignedRead(server), await healthVersion(server)]).toEqual([401, '1.0.0']);

    const replaced = await control(server, 'PUT', { faults: ['accept-unsigned'] });
    expect(replaced).toMatchObject({ status: 200, body: { faults: ['accept-unsigned'] } });
    expect([await unsignedRead(server), await healthVersion(server)]).toEqual([404, '1.0.0-draft']);

    expect(await control(server, 'PUT', { faults: [] })).toMatchObject({ status: 200, body: { faults: [] } });
    expect([await unsignedRead(server), await healthVersion(server)]).toEqual([401, '1.0.0-draft']);

    expect(await control(server, 'DELETE')).toMatchObject({ status: 200, body: { faults: ['health-version-mismatch'] } });
    expect([await unsignedRead(server), await healthVersion(server)]).toEqual([401, '1.0.0']);
  });

  it('answers misuse with a 4xx problem and changes nothing', async () => {
    const server = await start({ faults: ['health-version-mismatch'] });
    const unknown = expectProblem(await control(server, 'PUT', { faults: ['accept-unsigned', 'accept-unsinged'] }), 'validation-failed');
    expect(unknown.invalidParams).toEqual([{ name: '/faults/1', in: 'body', reason: "unknown fault 'accept-unsinged' (see ecdx mock --list-faults)" }]);
    expectProblem(await control(server, 'PUT', '{"faults": ['), 'malformed-json');
    expectProblem(await control(server, 'PUT'), 'unsupported-media-type');
    expectProblem(await control(server, 'PUT', { faults: ['accept-unsigned'] }, 'text/plain'), 'unsupported-media-type');
    expectProblem(await control(server, 'PUT', { faults: 'accept-unsigned' }), 'validation-failed');
    expectProblem(await control(server, 'PUT', { faults: [], also: true }), 'validation-failed');
    expectProblem(await control(server, 'PUT', ['accept-unsigned']), 'validation-failed');
    const post = await control(server, 'POST', { faults: [] });
    expectProblem(post, 'method-not-allowed');
    expect(post.headers['allow']).toBe('GET, PUT, DELETE');
    expect(await control(server, 'GET')).toMatchObject({ status: 200, body: { faults: ['health-version-mismatch'] } });
  });

  it('is never rewritten by a fault, so a fault can always be switched off again', async () => {
    const server = await start({ faults: ['problem-as-plain-text'] });
    expect((await call(server, 'GET', '/v1/nothing-here')).headers['content-type']).toMatch(/^text\/plain/);
    expectProblem(await control(server, 'PUT', { faults: ['no-such-fault'] }), 'validation-failed');
    expect(await control(server, 'PUT', { faults: [] })).toMatchObject({ status: 200, body: { faults: [] } });
    expectProblem(await call(server, 'GET', '/v1/nothing-here'), 'not-found');
  });
});

describe('without test mode', () => {
  it('there is no fault control: the path is not found, and the faults stay as started', async () => {
    const server = await start({ testMode: false, faults: ['health-version-mismatch'] });
    for (const method of ['GET', 'PUT', 'DELETE']) {
      expectProblem(await control(server, method, method === 'PUT' ? { faults: [] } : undefined), 'not-found');
    }
    expect(server.mock.faults.map((f) => f.name)).toEqual(['health-version-mismatch']);
  });
});
