// Building responses: JSON bodies and RFC 9457 problems from the catalogue.
import { problem, type Problem, type ProblemSlug } from '../../schemas/src/problems.ts';
import type { MockResponse } from './types.ts';

export const JSON_TYPE = 'application/json';
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
  const body = problem(slug, fields);
  return { status: body.status, headers: { 'content-type': PROBLEM_TYPE, ...headers }, body };
}

/** A 422 `validation-failed` problem naming each offending member by JSON Pointer. */
export const validationProblem = (
  invalidParams: { name: string; reason: string; in?: 'body' | 'query' | 'path' | 'header' }[],
  detail = 'The request does not match the schema of this operation.',
  instance?: string,
): MockResponse => problemResponse('validation-failed', { detail, invalidParams, ...(instance ? { instance } : {}) });

export const isProblem = (response: MockResponse): boolean => response.headers['content-type'] === PROBLEM_TYPE;
