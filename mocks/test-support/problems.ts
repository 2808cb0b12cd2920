// Assertions shared by the pipeline tests: every refusal is an RFC 9457 problem from the ECDX catalogue
// (ECDX-ERR-001/002), valid against the published Problem schema.
import { expect } from 'vitest';
import { problemType, problemTypeUri, type Problem, type ProblemSlug } from '../../schemas/src/problems.ts';
import { violations } from '../../schemas/validate.ts';
import { PROBLEM_TYPE } from '../core/respond.ts';
import type { MockResponse } from '../core/types.ts';

/** The reasons a response is not a well-formed ECDX problem; empty when it is one. */
export function problemDefects(status: number, contentType: string | undefined, body: unknown): string[] {
  const defects: string[] = [];
  if (status < 400 || status > 599) defects.push(`status ${status} is not an error`);
  if (contentType !== PROBLEM_TYPE) defects.push(`content-type is ${contentType ?? 'absent'}`);
  for (const v of violations('Problem', body)) defects.push(`body ${v.pointer || '(root)'}: ${v.message}`);
  if (defects.length > 0) return defects;
  const problem = body as Problem;
  if (problem.status !== status) defects.push(`body status ${problem.status} differs from HTTP status ${status}`);
  const slug = problem.type.slice('https://ecdx.dev/problems/'.length) as ProblemSlug;
  let entry: ReturnType<typeof problemType>;
  try {
    entry = problemType(slug);
  } catch {
    return [...defects, `type ${problem.type} is not in the catalogue`];
  }
  if (entry.title !== problem.title) defects.push(`title '${problem.title}' is not the catalogue's '${entry.title}'`);
  if (entry.status !== status) defects.push(`catalogue status of ${slug} is ${entry.status}, not ${status}`);
  return defects;
}

/** Assert that `response` is the catalogue problem `slug`, and return its body. */
export function expectProblem(response: MockResponse, slug: ProblemSlug): Problem {
  expect(problemDefects(response.status, response.headers['content-type'], response.body)).toEqual([]);
  expect(response.body).toMatchObject({ type: problemTypeUri(slug) });
  return response.body as Problem;
}
