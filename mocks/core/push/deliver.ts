// One delivery attempt of a push batch over HTTP (chapter Pushes §3–4). The callback belongs to someone else and may
// be slow, broken or hostile: the attempt has a hard deadline, reads at most a small part of the answer, follows no
// redirect, and turns every transport failure into an outcome instead of an exception.
import { Agent, request } from 'undici';

/** No answer within this many real milliseconds is a failed attempt (ECDX-PSH-014). */
export const ATTEMPT_TIMEOUT_MS = 15_000;
/** The most of an answer's body the carrier reads; an acknowledgement is a few dozen bytes. */
export const MAX_ANSWER_BYTES = 64 * 1024;

const PUSH_USER_AGENT = 'ecdx-reference-mock/1 (push)';

export interface AttemptRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type AttemptOutcome =
  | { kind: 'answered'; status: number; headers: Record<string, string>; body: string; truncated: boolean }
  | { kind: 'no-answer'; reason: string };

export interface AttemptOptions {
  timeoutMs?: number;
  agent?: Agent;
}

/**
 * A connection pool for pushes, separate from whatever else the process sends. undici 7 follows no redirect unless
 * given the redirect interceptor, which is what we want: a 3xx is a failed attempt, and following it could carry a
 * trajectory somewhere the platform never registered.
 */
export const createPushAgent = (timeoutMs = ATTEMPT_TIMEOUT_MS): Agent =>
  new Agent({
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 4_000,
    connections: MAX_CONNECTIONS_PER_CALLBACK,
  });

/**
 * Attempts to one callback origin at a time; the rest wait their turn. A clock jump makes every pending retry of
 * every subscription due at once, and a receiver that bounds its connections (the harness's takes 32) would drop
 * the surplus: a failed attempt for the carrier, of a push the receiver never saw.
 */
const MAX_CONNECTIONS_PER_CALLBACK = 16;

export async function attemptDelivery(attempt: AttemptRequest, options: AttemptOptions = {}): Promise<AttemptOutcome> {
  const timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await request(attempt.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': PUSH_USER_AGENT, ...attempt.headers },
      body: attempt.body,
      signal,
      ...(options.agent ? { dispatcher: options.agent } : {}),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const { text, truncated } = await readCapped(response.body, MAX_ANSWER_BYTES);
    return { kind: 'answered', status: response.statusCode, headers: flatten(response.headers), body: text, truncated };
  } catch (error) {
    return { kind: 'no-answer', reason: describe(error, signal) };
  }
}

type Chunks = AsyncIterable<Uint8Array | string> & { destroy(error?: Error): unknown };

/** Read at most `limit` bytes; past it, drop the connection rather than drain an endless body (also the reference client's, client/http.ts). */
export async function readCapped(body: Chunks, limit: number): Promise<{ text: string; truncated: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (size + bytes.byteLength > limit) {
      parts.push(bytes.subarray(0, limit - size));
      body.destroy();
      return { text: Buffer.concat(parts).toString('utf8'), truncated: true };
    }
    parts.push(bytes);
    size += bytes.byteLength;
  }
  return { text: Buffer.concat(parts).toString('utf8'), truncated: false };
}

export function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function describe(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'no answer within the attempt timeout';
  const e = error as { code?: string; message?: string; name?: string };
  const what = e.code ?? e.name ?? 'Error';
  return `${what}: ${String(e.message ?? error).slice(0, 200)}`;
}
