// A loopback TCP proxy that puts its target a fixed one-way latency away: every chunk read from one side is written
// to the other `oneWayMs` later, in order, and so is the end of a stream (a half-close). Through it the bench runs
// the suite against a mock "50 ms away" (the harness reaches the mock through one proxy, the mock's pushes reach
// the harness's receiver through another) without a network namespace or root. Bytes are forwarded unchanged: the
// proxy knows nothing of HTTP.
//
// Bounded, since a bench must not take the machine down with it: at most `maxConnections` connections at once
// (more are refused by closing them, and counted), and at most `maxBufferedBytes` delayed in one direction of a connection —
// past that the proxy stops reading that side until the delayed bytes are written (TCP's own backpressure then
// slows the sender). An error on either side closes both.
import { connect, createServer, type Socket } from 'node:net';

export interface LatencyProxyOptions {
  /** Where the proxy forwards to: a loopback host and port. */
  target: { host?: string; port: number };
  /** The delay added to each direction; a round trip through the proxy takes twice this. */
  oneWayMs: number;
  /** Port to listen on (loopback); default 0, any free one. */
  port?: number;
  /** Connections open at once; more are closed at once. Default 256 (a harness run keeps about a hundred). */
  maxConnections?: number;
  /** Bytes held back in one direction of one connection before the proxy stops reading that side. Default 4 MiB. */
  maxBufferedBytes?: number;
}

export interface LatencyProxyStats {
  /** Connections accepted so far. */
  accepted: number;
  /** Connections closed at once because `maxConnections` were open. */
  refused: number;
  /** The most bytes one direction of one connection ever held back. */
  peakBufferedBytes: number;
}

export interface LatencyProxy {
  /** `http://127.0.0.1:PORT`: the origin to give a client instead of the target's. */
  url: string;
  port: number;
  stats(): LatencyProxyStats;
  /** Stop listening and close every connection (both sides) at once. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export async function startLatencyProxy(options: LatencyProxyOptions): Promise<LatencyProxy> {
  const { target, oneWayMs, maxConnections = 256, maxBufferedBytes = 4 * 1024 * 1024 } = options;
  const targetHost = target.host ?? '127.0.0.1';
  if (!LOOPBACK.has(targetHost)) throw new RangeError(`the latency proxy forwards to loopback only, not ${targetHost}`);
  if (!Number.isFinite(oneWayMs) || oneWayMs < 0) throw new RangeError('oneWayMs must be a non-negative number');
  if (!Number.isInteger(maxConnections) || maxConnections < 1) throw new RangeError('maxConnections must be a positive integer');
  if (!Number.isInteger(maxBufferedBytes) || maxBufferedBytes < 1) throw new RangeError('maxBufferedBytes must be a positive integer');

  const stats: LatencyProxyStats = { accepted: 0, refused: 0, peakBufferedBytes: 0 };
  const open = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, oneWayMs);
    timers.add(timer);
  };

  /** Forward `from` to `to`, each chunk and the end `oneWayMs` late, holding back at most maxBufferedBytes. */
  const pipeDelayed = (from: Socket, to: Socket) => {
    let buffered = 0;
    from.on('data', (chunk: Buffer) => {
      buffered += chunk.byteLength;
      stats.peakBufferedBytes = Math.max(stats.peakBufferedBytes, buffered);
      if (buffered >= maxBufferedBytes) from.pause();
      later(() => {
        if (to.destroyed) return;
        to.write(chunk, () => {
          buffered -= chunk.byteLength;
          if (buffered < maxBufferedBytes && from.isPaused() && !from.destroyed) from.resume();
        });
      });
    });
    from.on('end', () => later(() => to.destroyed || to.end()));
  };

  const server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
    stats.accepted++;
    const upstream = connect({ host: targetHost, port: target.port, allowHalfOpen: true, noDelay: true });
    client.setNoDelay(true);
    const both = [client, upstream];
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.add(socket);
      // Whichever side fails takes the other with it at once: nothing is left half-connected.
      socket.once('error', () => closeAll());
      // A side that closed cleanly closes the other once the bytes still delayed towards it are written.
      socket.once('close', () => {
        open.delete(socket);
        later(() => other.destroyed || other.end(() => other.destroy()));
      });
    }
    function closeAll() {
      for (const socket of both) if (!socket.destroyed) socket.destroy();
    }
    pipeDelayed(client, upstream);
    pipeDelayed(upstream, client);
    client.resume();
  });
  server.maxConnections = maxConnections;
  server.on('drop', () => stats.refused++);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats: () => ({ ...stats }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
      }),
  };
}
