// The `/metrics` endpoint the mock (`--metrics-port`) and the monitor serve to a Prometheus: a tiny node:http server
// apart from the ECDX one, so that scraping never shares a port, a log or a rate with the traffic it measures. It knows
// no metrics library (the protocol layer stays neutral): the caller hands it the exposition text. Whatever a client
// sends, it answers or drops the connection; it never throws.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Prometheus' text exposition format 0.0.4, what prom-client's Registry.contentType says. */
const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';
const METRICS_PATH = '/metrics';

interface MetricsEndpointOptions {
  /** Interface to listen on; default 127.0.0.1 (loopback: a metrics port is for the operator's Prometheus only). */
  host?: string;
  /** Port; 0 picks a free one (read it from `url`). */
  port: number;
  /** The exposition text, produced afresh for every scrape. */
  metrics: () => Promise<string>;
  /** Default: Prometheus' text format 0.0.4. */
  contentType?: string;
}

interface MetricsEndpoint {
  /** Where the metrics are, e.g. `http://127.0.0.1:9464/metrics`. */
  url: string;
  close(): Promise<void>;
}

export async function startMetricsEndpoint(options: MetricsEndpointOptions): Promise<MetricsEndpoint> {
  const { host = '127.0.0.1', port, metrics, contentType = PROMETHEUS_TEXT } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`metrics port must be an integer from 0 to 65535, got ${port}`);
  const server = createServer((req, res) => void answer(req, res, metrics, contentType));
  // A request node cannot parse has no one to answer in HTTP: drop it.
  server.on('clientError', (_error: Error, socket: Socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => undefined);
  const address = server.address() as AddressInfo;
  const name = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${name}:${address.port}${METRICS_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, metrics: () => Promise<string>, contentType: string): Promise<void> {
  res.on('error', () => undefined);
  const path = (req.url ?? '').split('?')[0];
  if (path !== METRICS_PATH) return send(res, 404, `not found: the metrics are at ${METRICS_PATH}\n`);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, `${METRICS_PATH} answers GET only\n`, { allow: 'GET, HEAD' });
  let text: string;
  try {
    text = await metrics();
  } catch (error) {
    // One line, no stack: the operator sees the scrape fail (up == 0 or a 500) and the process keeps running.
    return send(res, 500, `the metrics could not be collected: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
  }
  send(res, 200, text, { 'content-type': contentType }, req.method === 'HEAD');
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}, headOnly = false): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(headOnly ? undefined : body);
}
