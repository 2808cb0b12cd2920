// A TCP link between two parties that a test can cut, restore and slow down: the outage the monitor must see is
// the network's, not a fault the mock commits, so the monitor is judged on what it would meet in the field — a
// refused connection, a connection reset mid-answer, an answer that comes late.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export class LinkProxy {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #upstream: { host: string; port: number } | undefined;
  #cut = false;
  #delayMs = 0;

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Listen on loopback; the upstream can be named later (the mock must know the proxy's URL before it starts). */
  static async start(upstream?: string): Promise<LinkProxy> {
    const proxy = new LinkProxy(createServer());
    proxy.#server.on('connection', (socket) => proxy.#connect(socket));
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    if (upstream) proxy.to(upstream);
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  to(upstream: string): void {
    const url = new URL(upstream);
    this.#upstream = { host: url.hostname, port: Number(url.port) };
  }

  /** Reset every connection open now and refuse new ones, until restore(). */
  cut(): void {
    this.#cut = true;
    for (const socket of this.#sockets) socket.destroy();
  }

  restore(): void {
    this.#cut = false;
  }

  /** Hold every byte sent through the link this long before it reaches the other side (each request comes late). */
  delay(ms: number): void {
    this.#delayMs = ms;
  }

  #connect(client: Socket): void {
    if (this.#cut || !this.#upstream) {
      client.resetAndDestroy();
      return;
    }
    this.#sockets.add(client);
    const server = connect(this.#upstream.port, this.#upstream.host);
    this.#sockets.add(server);
    const end = () => {
      client.destroy();
      server.destroy();
      this.#sockets.delete(client);
      this.#sockets.delete(server);
    };
    client.on('error', end).on('close', end);
    server.on('error', end).on('close', end);
    server.pipe(client);
    client.on('data', (chunk) => {
      const forward = () => {
        if (!server.destroyed) server.write(chunk);
      };
      if (this.#delayMs > 0) setTimeout(forward, this.#delayMs);
      else forward();
    });
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
