// The latency proxy's behaviour: bytes pass unchanged both ways, a round trip takes at least the latency, and its
// bounds hold (connections refused past the limit, reading paused past the buffer, both sides closed on an error).
// No timing is asserted beyond "at least the latency".
import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startLatencyProxy, type LatencyProxy } from './latency-proxy.ts';
import { freePort } from './ports.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(onSocket: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy(); // a paused socket never sees the other side go
      }),
  );
  return { server, port: (server.address() as { port: number }).port };
}

async function proxyTo(port: number, extra: { oneWayMs?: number; maxConnections?: number; maxBufferedBytes?: number } = {}): Promise<LatencyProxy> {
  const proxy = await startLatencyProxy({ target: { port }, oneWayMs: extra.oneWayMs ?? 5, ...extra });
  cleanups.push(() => proxy.close());
  return proxy;
}

function dial(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => resolve(socket));
    socket.once('error', reject);
    cleanups.push(() => void socket.destroy());
  });
}

/** Everything the socket receives until the other side ends it. */
const received = (socket: Socket): Promise<Buffer> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.once('close', () => resolve(Buffer.concat(chunks)));
  });

const closed = (socket: Socket): Promise<void> => new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

describe('the latency proxy', () => {
  it('passes bytes through unchanged in both directions, and the end of the stream', async () => {
    const echo = await listen((s) => s.pipe(s));
    const proxy = await proxyTo(echo.port);
    const payload = randomBytes(3 * 1024 * 1024);
    const socket = await dial(proxy.port);
    const answer = received(socket);
    socket.end(payload);
    expect((await answer).equals(payload)).toBe(true);
  });

  it('delays a round trip by at least the latency', async () => {
    const echo = await listen((s) => s.pipe(s));
    const proxy = await proxyTo(echo.port, { oneWayMs: 40 });
    const socket = await dial(proxy.port);
    const sent = performance.now();
    const answered = new Promise<number>((resolve) => socket.once('data', () => resolve(performance.now())));
    socket.write('ping');
    expect((await answered) - sent).toBeGreaterThanOrEqual(40);
  });

  it('closes a connection beyond maxConnections and keeps the open ones', async () => {
    const echo = await listen((s) => s.pipe(s));
    const proxy = await proxyTo(echo.port, { maxConnections: 1 });
    const first = await dial(proxy.port);
    const firstAnswer = new Promise<string>((resolve) => first.once('data', (c: Buffer) => resolve(c.toString())));
    first.write('one');
    expect(await firstAnswer).toBe('one');
    const second = connect({ port: proxy.port, host: '127.0.0.1' });
    second.on('error', () => undefined); // a reset is one way of being refused
    cleanups.push(() => void second.destroy());
    await closed(second);
    expect(proxy.stats().refused).toBe(1);
    const again = new Promise<string>((resolve) => first.once('data', (c: Buffer) => resolve(c.toString())));
    first.write('still');
    expect(await again).toBe('still');
  });

  it('stops reading a side whose bytes the other side does not take, past maxBufferedBytes', async () => {
    const stalled = await listen((s) => s.pause()); // reads nothing: the proxy's writes to it pile up
    const proxy = await proxyTo(stalled.port, { oneWayMs: 1, maxBufferedBytes: 256 * 1024 });
    const socket = await dial(proxy.port);
    socket.on('error', () => undefined);
    const chunk = randomBytes(64 * 1024);
    for (let i = 0; i < 256; i++) socket.write(chunk); // 16 MiB offered
    await new Promise((resolve) => setTimeout(resolve, 300));
    // At most the bound plus the one chunk read past it (a socket reads up to 64 KiB at a time).
    expect(proxy.stats().peakBufferedBytes).toBeLessThanOrEqual(256 * 1024 + 64 * 1024);
  });

  it('closes the client when the target refuses the connection', async () => {
    const proxy = await proxyTo(await freePort());
    const socket = await dial(proxy.port);
    socket.on('error', () => undefined);
    await closed(socket);
    expect(socket.destroyed).toBe(true);
  });

  it('closes the client when the target fails mid-stream', async () => {
    const failing = await listen((s) => s.once('data', () => s.resetAndDestroy()));
    const proxy = await proxyTo(failing.port);
    const socket = await dial(proxy.port);
    socket.on('error', () => undefined);
    socket.write('anything');
    await closed(socket);
    expect(socket.destroyed).toBe(true);
  });

  it('forwards to loopback only', async () => {
    await expect(startLatencyProxy({ target: { host: '192.0.2.1', port: 80 }, oneWayMs: 1 })).rejects.toThrow(/loopback/);
  });
});
