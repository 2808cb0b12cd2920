// A free loopback port for a server that must be told its port before it starts (Prism, the push receiver behind a
// latency proxy). The port is free when this returns; on loopback nothing else takes it in the instant before use.
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
