// The load of the throughput figures, in a second process so that the servers' CPU time is their own. The parent
// (`runClient`) forks this file with `--client` once and sends it one LoadPlan at a time; the child signs its whole pool of requests
// first — every nonce is single-use, and signing is the client's cost, not the server's — then writes them
// pipelined over a few keep-alive connections as raw HTTP/1.1 and counts the responses by status. Only the sending
// and answering are timed. Loopback only, bounded in requests and in time.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { demoCredentials, signRequest, type SignatureAlgorithm, type SigningKey } from '../protocol/index.ts';

export interface LoadPlan {
  /** Origin the requests are sent to. */
  url: string;
  /** Origin the requests are signed for (`@target-uri`); default `url`. */
  signedFor?: string;
  method: 'GET' | 'POST';
  path: string;
  /**
   * A POST's body: each request sends a copy with its own `platformOrderId` (and its own Idempotency-Key and
   * nonce), so that every one is a new creation rather than a replay.
   */
  body?: Record<string, unknown>;
  /** Signing time (epoch ms): the mock's virtual now. */
  now: number;
  algorithm: SignatureAlgorithm;
  requests: number;
  connections: number;
  pipelining: number;
  /** Stop sending after this long; the result says how many were answered. */
  timeLimitMs: number;
}

export interface LoadResult {
  answered: number;
  /** Wall time from the first request sent to the last answer read. */
  seconds: number;
  requestsPerSecond: number;
  /** CPU time the server's process spent meanwhile (user + system). */
  serverCpuSeconds: number;
  /** Answers per second of server CPU: the rate the server sustains on one core of its own. */
  requestsPerCpuSecond: number;
  statuses: Record<string, number>;
}

export const keyFor = (algorithm: SignatureAlgorithm): SigningKey =>
  algorithm === 'ed25519' ? demoCredentials.platform.signingKey : demoCredentials.platformHmac;

type ClientMessage = { kind: 'sending' } | { kind: 'done'; result: Omit<LoadResult, 'serverCpuSeconds' | 'requestsPerCpuSecond'> };

/**
 * The load client's process, started once and reused for every load of the bench (a fork with tsx costs a second
 * or two on a loaded machine): one load at a time, each sent as a plan and answered with its result.
 */
let client: { child: ChildProcess; queue: Promise<unknown> } | undefined;

function clientProcess(): NonNullable<typeof client> {
  if (client && client.child.exitCode === null && client.child.connected) return client;
  const child = fork(fileURLToPath(import.meta.url), ['--client'], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // Idle, it holds neither this process's event loop nor its exit; it ends when this process disconnects.
  child.unref();
  child.channel?.unref();
  child.once('exit', () => {
    if (client?.child === child) client = undefined;
  });
  client = { child, queue: Promise.resolve() };
  return client;
}

/**
 * Run one load in the client process. The CPU time is read from this process while the client sends: right for a
 * server in this process; for a server in another process (Prism) give `serverCpu`, which reads that process's.
 */
export function runClient(plan: LoadPlan, serverCpu: () => number = ownCpuSeconds): Promise<LoadResult> {
  const shared = clientProcess();
  const run = shared.queue.then(() => oneLoad(shared.child, plan, serverCpu));
  shared.queue = run.catch(() => undefined);
  return run;
}

function oneLoad(child: ChildProcess, plan: LoadPlan, serverCpu: () => number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    let cpuAtStart = serverCpu();
    const onMessage = (message: ClientMessage) => {
      if (message.kind === 'sending') {
        cpuAtStart = serverCpu();
        return;
      }
      const serverCpuSeconds = serverCpu() - cpuAtStart;
      done();
      resolve({ ...message.result, serverCpuSeconds, requestsPerCpuSecond: message.result.answered / serverCpuSeconds });
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`the load client exited with code ${code}`));
    };
    const done = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.channel?.unref();
    };
    child.channel?.ref(); // awaiting an answer: the client's channel keeps this process alive
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(plan);
  });
}

function ownCpuSeconds(): number {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1e6;
}

// --- the load client (second process) ------------------------------------------------------------------------

function serialisedRequests(plan: LoadPlan): Buffer[] {
  const signedFor = plan.signedFor ?? plan.url;
  const url = `${signedFor}${plan.path}`;
  const host = new URL(signedFor).host;
  const key = keyFor(plan.algorithm);
  const run = randomUUID().slice(0, 8);
  return Array.from({ length: plan.requests }, (_, i) => {
    const headers: Record<string, string> = { host };
    let body: Buffer | undefined;
    if (plan.body) {
      body = Buffer.from(JSON.stringify({ ...plan.body, platformOrderId: `bench-${run}-${i}` }));
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(body.byteLength);
      headers['idempotency-key'] = randomUUID();
    }
    Object.assign(headers, signRequest({ method: plan.method, url, headers, ...(body ? { body } : {}) }, { key, now: plan.now }));
    const lines = [`${plan.method} ${plan.path} HTTP/1.1`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
    const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);
    return body ? Buffer.concat([head, body]) : head;
  });
}

/** Send the pool over `connections` sockets, `pipelining` requests in flight on each; count the answers by status. */
async function load(plan: LoadPlan): Promise<Extract<ClientMessage, { kind: 'done' }>['result']> {
  const pool = serialisedRequests(plan);
  process.send!({ kind: 'sending' } satisfies ClientMessage);
  const { port, hostname } = new URL(plan.url);
  const statuses: Record<string, number> = {};
  let next = 0;
  let answered = 0;
  const started = performance.now();
  const deadline = started + plan.timeLimitMs;

  const connection = () =>
    new Promise<void>((resolve, reject) => {
      const socket = connect({ port: Number(port), host: hostname, noDelay: true });
      let buffered: Buffer = Buffer.alloc(0);
      let inFlight = 0;
      const fill = () => {
        const batch: Buffer[] = [];
        while (inFlight < plan.pipelining && next < pool.length && performance.now() < deadline) {
          batch.push(pool[next++]!);
          inFlight++;
        }
        if (batch.length > 0) socket.write(Buffer.concat(batch));
        if (inFlight === 0) socket.end();
      };
      socket.on('connect', fill);
      socket.on('data', (chunk: Buffer) => {
        buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
        for (;;) {
          const end = buffered.indexOf('\r\n\r\n');
          if (end < 0) break;
          const head = buffered.subarray(0, end).toString('latin1');
          const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? Number.NaN);
          if (!Number.isFinite(length)) {
            socket.destroy();
            reject(new Error(`a response without Content-Length: ${head.split('\r\n')[0]}`));
            return;
          }
          if (buffered.length < end + 4 + length) break;
          const status = head.slice(9, 12);
          statuses[status] = (statuses[status] ?? 0) + 1;
          buffered = buffered.subarray(end + 4 + length);
          inFlight--;
          answered++;
        }
        fill();
      });
      socket.on('error', reject);
      socket.on('close', () => resolve());
    });

  await Promise.all(Array.from({ length: plan.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  return { answered, seconds, requestsPerSecond: answered / seconds, statuses };
}

if (process.argv.includes('--client')) {
  process.on('message', (plan: LoadPlan) => {
    load(plan).then(
      (result) => process.send!({ kind: 'done', result } satisfies ClientMessage),
      (error: unknown) => {
        console.error('load client:', error);
        process.exit(1);
      },
    );
  });
  process.once('disconnect', () => process.exit(0));
}

/** What is wrong with a load's result: not every request answered, or answers other than `status`. */
export function loadProblems(name: string, result: LoadResult, requests: number, status: number): string[] {
  const problems: string[] = [];
  if (result.answered !== requests) problems.push(`${name}: ${result.answered} of ${requests} requests answered in time`);
  const others = Object.entries(result.statuses).filter(([s]) => s !== String(status));
  if (others.length > 0) problems.push(`${name}: answers other than ${status}: ${others.map(([s, n]) => `${s}×${n}`).join(' ')}`);
  return problems;
}
