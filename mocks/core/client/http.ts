// One request of the reference client to a counterparty (chapter Test controls, ECDX-CNF-010). The counterparty is
// someone else's server: the request has a hard deadline, reads a bounded part of the answer, follows no redirect
// (undici follows none without its redirect interceptor), and turns every transport failure into an outcome, as a
// push attempt does (push/deliver.ts, whose capped reader it shares).
import { request } from 'undici';
import { flatten, readCapped } from '../push/deliver.ts';

/** No answer within this many real milliseconds is no answer at all: the action then retries or gives up. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** The most of an answer the client reads: a page of 100 events is well under it. */
const MAX_ANSWER_BYTES = 1024 * 1024;

const CLIENT_USER_AGENT = 'ecdx-reference-mock/1 (client)';

export interface OutgoingRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export type Exchange = { kind: 'answered'; status: number; headers: Record<string, string>; body: unknown } | { kind: 'no-answer'; reason: string };

export async function exchange(outgoing: OutgoingRequest, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Exchange> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await request(outgoing.url, {
      method: outgoing.method,
      headers: { 'user-agent': CLIENT_USER_AGENT, accept: 'application/json', ...outgoing.headers },
      ...(outgoing.body === undefined ? {} : { body: outgoing.body }),
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const { text, truncated } = await readCapped(response.body, MAX_ANSWER_BYTES);
    return { kind: 'answered', status: response.statusCode, headers: flatten(response.headers), body: truncated ? undefined : parsed(text) };
  } catch (error) {
    if (signal.aborted) return { kind: 'no-answer', reason: `no answer within ${timeoutMs / 1000} s` };
    const e = error as { code?: string; message?: string; name?: string };
    return { kind: 'no-answer', reason: `${e.code ?? e.name ?? 'Error'}: ${String(e.message ?? error).slice(0, 200)}` };
  }
}

/** The answer's JSON, or undefined when it is none: the caller judges the shape it needs. */
function parsed(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
