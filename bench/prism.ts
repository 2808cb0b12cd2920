// Stoplight Prism (@stoplight/prism-cli, a dev dependency) mocking spec/openapi.yaml, as a child process on a free
// loopback port, logging errors only. It is the common off-the-shelf alternative to a hand-written mock, so the
// mock's rate is judged against it on the same operation.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './ports.ts';
import { processCpuSeconds } from './proc-stat.ts';

const root = join(import.meta.dirname, '..');
/** How long Prism may take to read and resolve the document before the bench gives up. */
const START_TIMEOUT_MS = 60_000;

export interface PrismServer {
  url: string;
  /** CPU seconds (user + system) the Prism process has used so far, from /proc. */
  cpuSeconds(): number;
  close(): Promise<void>;
}

function prismEntry(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { prism: string } };
  return join(dirname(manifest), bin.prism);
}

export async function startPrism(): Promise<PrismServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [prismEntry(), 'mock', join(root, 'spec', 'openapi.yaml'), '-h', '127.0.0.1', '-p', String(port), '-v', 'error'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await ready(child, `${url}/v1/health`);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    url,
    cpuSeconds: () => processCpuSeconds(child.pid!),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/** Poll until Prism answers at all (any status: the health operation needs a signature it cannot check). */
async function ready(child: ChildProcess, probe: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prism exited with code ${child.exitCode} before it listened`);
    try {
      await fetch(probe, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`Prism did not listen within ${START_TIMEOUT_MS / 1000} s`);
}
