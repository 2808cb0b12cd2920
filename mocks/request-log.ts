// The mock's request log: one line per request — method, path, status, problem type, time taken — for a developer
// watching their client talk to the mock (`pretty`, aligned) or for a tool (`json`, one object per line).
//
// A log is copied, kept and pasted into tickets, so it holds nothing a request may carry that must not travel: no
// header (signatures, keys), no body, no query value (a cursor or a secret parameter), and no path segment that
// could be personal data or a credential. A segment is shown only when it has the shape of a short identifier, with
// any long run of digits (a mobile, an identity number, a card) masked; anything else is shown as `…`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROBLEM_BASE } from '../schemas/src/problems.ts';
import { PROBLEM_TYPE } from './core/respond.ts';
import { isMockWaybillNumber } from './core/simulator/waybill-numbers.ts';
import type { MockResponse } from './core/types.ts';

export type RequestLogFormat = 'pretty' | 'json';

/** One request as the log shows it. */
export interface RequestLogEntry {
  /** When the request arrived (RFC 3339, UTC, the real clock: the mock's virtual clock may run at any speed). */
  at: string;
  method: string;
  /** The path with unsafe segments replaced and the query reduced to its parameter names. */
  path: string;
  /** The status answered; null when the client went away before the answer was sent. */
  status: number | null;
  /** The problem type's slug when a problem was answered (`signature-invalid`), else null. */
  problem: string | null;
  /** Milliseconds from the request's arrival to the end of the answer. */
  ms: number;
}

/** Where the log goes: a callback that receives each entry, or a stream that is written one line per request. */
export type RequestLog = ((entry: RequestLogEntry) => void) | { write(line: string): unknown };

/**
 * A fixed path word or an identifier of the ObjectId alphabet (`A–Z a–z 0–9 . _ -`), at most 32 characters: the
 * shortest secret ECDX issues has 32 bytes, 43 characters in base64, so no whole secret fits.
 */
const IDENTIFIER = /^[A-Za-z0-9._-]{1,32}$/;
/**
 * Seven digits or more, also when single dots, hyphens or underscores group them (`138-1234-5678`): a landline, a
 * mobile, an identity number, a card number. A date in an identifier is masked too; safety over legibility.
 */
const LONG_DIGITS = /\d(?:[._-]?\d){6,}/g;
const MAX_SEGMENTS = 12;
const MAX_QUERY_NAMES = 12;

/** One path segment or query name as the log may show it. */
function loggable(raw: string): string {
  let text = raw;
  try {
    text = decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return '…'; // not valid UTF-8 once decoded
  }
  if (text === '') return '';
  if (!IDENTIFIER.test(text)) return '…';
  if (isMockWaybillNumber(text)) return text; // the mock's own waybill numbers: twelve digits, never a person's
  return text.replace(LONG_DIGITS, (run) => {
    const digits = run.replace(/\D/g, '');
    return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
  });
}

/**
 * The request target as the log shows it: the path, each segment checked, and the names of the query parameters
 * with their values left out (`/v1/shipments/ECDX000000000018/events?cursor=…&limit=…`).
 */
export function loggablePath(target: string): string {
  // An absolute target (RFC 9112 §3.2.2) is logged by its path, as the mock serves it.
  const local = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.test(target) ? target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') : target;
  const [pathPart = '', ...rest] = local.split('?');
  const query = rest.join('?').split('#')[0]!;
  const segments = pathPart.split('#')[0]!.split('/');
  const shown = segments.slice(0, MAX_SEGMENTS + 1).map(loggable);
  if (segments.length > MAX_SEGMENTS + 1) shown.push('…');
  let path = shown.join('/') || '/';
  if (!path.startsWith('/')) path = `/${path}`;
  if (rest.length === 0) return path;
  const names = query === '' ? [] : query.split('&').map((pair) => loggable(pair.split('=')[0]!));
  const listed = names.slice(0, MAX_QUERY_NAMES).map((name) => `${name}=…`);
  if (names.length > MAX_QUERY_NAMES) listed.push('…');
  return `${path}?${listed.join('&')}`;
}

/** The slug of the problem a response carries, or null. Only a slug of the catalogue's shape is shown. */
export function problemSlug(response: MockResponse): string | null {
  if (response.headers['content-type'] !== PROBLEM_TYPE) return null;
  const type = (response.body as { type?: unknown } | undefined)?.type;
  if (typeof type !== 'string' || !type.startsWith(PROBLEM_BASE)) return 'problem';
  const slug = type.slice(PROBLEM_BASE.length);
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 64 ? slug : 'problem';
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The entry as one line: `json` is one JSON object; `pretty` aligns the columns, the problem (of any length) last. */
export function formatLogEntry(entry: RequestLogEntry, format: RequestLogFormat): string {
  if (format === 'json') return JSON.stringify(entry);
  const at = new Date(entry.at);
  const time = `${pad2(at.getHours())}:${pad2(at.getMinutes())}:${pad2(at.getSeconds())}.${String(at.getMilliseconds()).padStart(3, '0')}`;
  const status = entry.status === null ? '---' : String(entry.status);
  const ms = `${entry.ms.toFixed(1)} ms`;
  return `${time}  ${entry.method.padEnd(7)} ${entry.path.padEnd(48)} ${status}  ${ms.padStart(9)}${entry.problem ? `  ${entry.problem}` : ''}`;
}

/** What the node:http server calls: when a request arrives, when its answer is known, and for a message it could not read. */
export interface RequestLogger {
  arrived(req: IncomingMessage, res: ServerResponse): void;
  answered(res: ServerResponse, response: MockResponse): void;
  unreadable(status: number): void;
}

/** A logger writing to `log`, or undefined when there is no log (then the server does no work for one). */
export function requestLogger(log: RequestLog | undefined, format: RequestLogFormat = 'pretty'): RequestLogger | undefined {
  if (log === undefined) return undefined;
  const emit = typeof log === 'function' ? log : (entry: RequestLogEntry) => log.write(`${formatLogEntry(entry, format)}\n`);
  const problems = new WeakMap<ServerResponse, string | null>();
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    arrived(req, res) {
      const at = new Date().toISOString();
      const started = performance.now();
      const method = /^[A-Z]{1,16}$/.test(req.method ?? '') ? req.method! : '?';
      const path = loggablePath(req.url ?? '');
      res.once('close', () => {
        const status = res.writableFinished ? res.statusCode : null;
        emit({ at, method, path, status, problem: status === null ? null : (problems.get(res) ?? null), ms: round(performance.now() - started) });
      });
    },
    answered(res, response) {
      problems.set(res, problemSlug(response));
    },
    unreadable(status) {
      emit({ at: new Date().toISOString(), method: '?', path: '…', status, problem: 'bad-request', ms: 0 });
    },
  };
}
