// A loopback proxy that records every response exactly as it crossed the wire: status, header fields and the body
// bytes. The harness's own evidence is redacted and truncated for reports (a masked phone number no longer matches
// its schema), so a test that holds the mock's answers to the OpenAPI document reads them here instead. The mock is
// started with the proxy as its public origin, so that it verifies the harness's signatures against the URL the
// harness signed.
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedExchange {
  method: string;
  /** Path and query, as the client sent them. */
  target: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RecordingProxy {
  /** Where clients reach the proxy, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Where the proxy forwards to; set it once the upstream listens. */
  upstream: string | undefined;
  readonly exchanges: RecordedExchange[];
  close(): Promise<void>;
}

const readAll = (message: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const exchanges: RecordedExchange[] = [];
  const proxy: RecordingProxy = { url: '', upstream: undefined, exchanges, close: async () => {} };
  const server = createServer(async (req, res) => {
    const body = await readAll(req).catch(() => undefined);
    if (body === undefined || proxy.upstream === undefined) {
      res.destroy();
      return;
    }
    const upstream = new URL(proxy.upstream);
    const forwarded = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, async (answer) => {
      const answered = await readAll(answer).catch(() => undefined);
      if (answered === undefined) {
        res.destroy();
        return;
      }
      exchanges.push({ method: req.method ?? '', target: req.url ?? '', status: answer.statusCode ?? 0, headers: answer.headers, body: answered });
      // The body is sent whole, so its framing is the proxy's own: the upstream's chunking does not apply.
      const { 'transfer-encoding': _chunked, ...headers } = answer.headers;
      // A HEAD answer keeps its Content-Length: that of the GET it stands for.
      res.writeHead(answer.statusCode ?? 502, req.method === 'HEAD' ? headers : { ...headers, 'content-length': String(answered.length) });
      res.end(answered);
    });
    forwarded.on('error', () => res.destroy());
    forwarded.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
