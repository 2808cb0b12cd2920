import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startMetricsEndpoint } from './metrics-endpoint.ts';

type MetricsEndpoint = Awaited<ReturnType<typeof startMetricsEndpoint>>;

const TEXT = '# HELP demo_total A demo.\n# TYPE demo_total counter\ndemo_total 3\n';
let open: MetricsEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.map((endpoint) => endpoint.close()));
  open = [];
});

async function start(metrics: () => Promise<string> = async () => TEXT): Promise<MetricsEndpoint> {
  const endpoint = await startMetricsEndpoint({ port: 0, metrics });
  open.push(endpoint);
  return endpoint;
}

/** Bytes written straight to the socket, and everything the server answers until it closes. */
function raw(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('startMetricsEndpoint', () => {
  it('serves the exposition text at GET /metrics on loopback, in the Prometheus text format', async () => {
    const endpoint = await start();
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const response = await fetch(endpoint.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await response.text()).toBe(TEXT);
  });

  it('collects the text afresh for every scrape', async () => {
    let scrapes = 0;
    const endpoint = await start(async () => `scrapes ${++scrapes}\n`);
    expect(await (await fetch(endpoint.url)).text()).toBe('scrapes 1\n');
    expect(await (await fetch(endpoint.url)).text()).toBe('scrapes 2\n');
  });

  it('answers 404 for another path and 405 for a method other than GET', async () => {
    const endpoint = await start();
    const other = await fetch(new URL('/v1/health', endpoint.url));
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('/metrics');
    const post = await fetch(endpoint.url, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 500 with one line when the metrics cannot be collected, and keeps serving', async () => {
    let fail = true;
    const endpoint = await start(async () => {
      if (fail) throw new Error('registry broken\nat somewhere');
      return TEXT;
    });
    const failed = await fetch(endpoint.url);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe('the metrics could not be collected: registry broken\n');
    fail = false;
    expect((await fetch(endpoint.url)).status).toBe(200);
  });

  it('drops a request that is not HTTP and keeps serving', async () => {
    const endpoint = await start();
    expect(await raw(endpoint.url, 'NOT HTTP AT ALL\r\n\r\n')).toBe('');
    expect((await fetch(endpoint.url)).status).toBe(200);
  });

  it('refuses a port out of range and a port in use', async () => {
    await expect(startMetricsEndpoint({ port: 70_000, metrics: async () => TEXT })).rejects.toThrow(RangeError);
    const endpoint = await start();
    const port = Number(new URL(endpoint.url).port);
    await expect(startMetricsEndpoint({ port, metrics: async () => TEXT })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
