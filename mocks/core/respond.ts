// Building responses: JSON bodies and RFC 9457 problems from the catalogue.
import { problem, type Problem, type ProblemSlug } from '../../schemas/src/problems.ts';
import type { MockResponse } from './types.ts';

const JSON_TYPE = 'application/json';
export const PROBLEM_TYPE = 'application/problem+json';

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): MockResponse => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...headers },
  body,
});

export const noContent = (headers: Record<string, string> = {}): MockResponse => ({ status: 204, headers, body: undefined });

/** A problem response; `status` comes from the catalogue entry of `slug`. */
export function problemResponse(
  slug: ProblemSlug,
  fields: Omit<Problem, 'type' | 'title' | 'status'> = {},
  headers: Record<string, string> = {},
): MockResponse {
  const body = problem(slug, boundedFields(fields));
  return { status: body.status, headers: { 'content-type': PROBLEM_TYPE, ...headers }, body };
}

// A problem must stay a valid Problem whatever the request held: a detail may quote a header, an instance is the
// request path and a pointer names members the client chose, and each of these can be longer than the schema allows.
const MAX_DETAIL = 2000;
const MAX_POINTER = 512;
const MAX_REASON = 500;
const MAX_INVALID_PARAMS = 100;
const INSTANCE = /^\S{1,2048}$/;

const clip = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
};

/** The longest ancestor of a pointer that fits (a member name alone may be longer than a pointer may be). */
const boundedPointer = (pointer: string): string => {
  let bounded = pointer;
  while (bounded.length > MAX_POINTER) bounded = bounded.slice(0, bounded.lastIndexOf('/'));
  return bounded;
};

function boundedFields(fields: Omit<Problem, 'type' | 'title' | 'status'>): Omit<Problem, 'type' | 'title' | 'status'> {
  const { detail, instance, invalidParams, ...rest } = fields;
  return {
    ...rest,
    ...(detail ? { detail: clip(detail, MAX_DETAIL) } : {}),
    ...(instance !== undefined && INSTANCE.test(instance) ? { instance } : {}),
    ...(invalidParams
      ? { invalidParams: invalidParams.slice(0, MAX_INVALID_PARAMS).map((p) => ({ ...p, name: boundedPointer(p.name), reason: clip(p.reason, MAX_REASON) })) }
      : {}),
  };
}

/** A 422 `validation-failed` problem naming each offending member by JSON Pointer. */
export const validationProblem = (
  invalidParams: { name: string; reason: string; in?: 'body' | 'query' | 'path' | 'header' }[],
  detail = 'The request does not match the schema of this operation.',
  instance?: string,
): MockResponse => problemResponse('validation-failed', { detail, invalidParams, ...(instance ? { instance } : {}) });

export const isProblem = (response: MockResponse): boolean => response.headers['content-type'] === PROBLEM_TYPE;
