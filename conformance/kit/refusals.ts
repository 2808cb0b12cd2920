// Refusals: what a refusal owes to the requirement under test (its status and problem type) and what it owes to
// the error format (ECDX-ERR-001 application/problem+json and a valid Problem, ECDX-ERR-002 a catalogue type),
// kept apart so that a target that refuses correctly but formats the error wrongly fails the error rules, not the
// rule under test.
import { schemaByName } from '../../schemas/src/index.ts';
import { PROBLEM_BASE, problemTypes, problemTypeUri, type ProblemSlug } from '../../schemas/src/problems.ts';
import { violations } from '../../schemas/validate.ts';
import type { HttpResponse } from '../harness/client.ts';
import type { TestContext } from '../harness/context.ts';
import { joinTexts, verbatim, type Bilingual, type Text } from '../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../i18n/words.ts';
import { violationsText } from '../harness/violations.ts';

const CATALOGUE_SLUGS = new Set<string>(problemTypes.map((p) => p.slug));

/** The catalogue slug of a type URI, or undefined when the URI is not in the catalogue. */
export const catalogueSlug = (type: unknown): ProblemSlug | undefined => {
  if (typeof type !== 'string' || !type.startsWith(PROBLEM_BASE)) return undefined;
  const slug = type.slice(PROBLEM_BASE.length);
  return CATALOGUE_SLUGS.has(slug) ? (slug as ProblemSlug) : undefined;
};

/** A problem answer in a few words for a message: ` (validation-failed: /carrierCode …)`, or nothing. */
export function problemSummary(response: HttpResponse): string {
  const parts = problemParts(response);
  return parts ? ` (${parts})` : '';
}

/** The same, in both languages (the target's own words inside our parentheses). */
export function problemSummaryText(response: HttpResponse): Bilingual {
  const parts = problemParts(response);
  return parts ? M.problemSummary({ summary: parts }) : verbatim('');
}

function problemParts(response: HttpResponse): string {
  const body = response.json as { type?: unknown; detail?: unknown } | undefined;
  if (!body || typeof body !== 'object') return '';
  const type = typeof body.type === 'string' ? body.type.replace(PROBLEM_BASE, '') : undefined;
  const detail = typeof body.detail === 'string' ? body.detail.slice(0, 160) : undefined;
  return [type, detail].filter(Boolean).join(': ');
}

/** A label as a value of a message: plain English is shown as it is in both languages. */
const label = (what: Text): Bilingual => (typeof what === 'string' ? verbatim(what) : what);

export interface RefusalOptions {
  /** The requirement the status and problem type verify; default the check's. */
  requirementId?: string;
  /** What was sent, for the messages: "unsigned POST /v1/shipments". */
  what: Text;
}

/** A refusal with `status` and the problem `slug`, judged as the module comment says. */
export function expectRefusal(
  t: TestContext,
  response: HttpResponse,
  status: number,
  slug: ProblemSlug | readonly ProblemSlug[],
  options: RefusalOptions,
): void {
  const what = label(options.what);
  const named = options.requirementId ? { requirementId: options.requirementId } : {};
  const slugs: readonly ProblemSlug[] = typeof slug === 'string' ? [slug] : slug;
  const slugList = joinTexts(slugs, W.or());
  t.assert(response.status === status, M.refusedWith({ what, status, slugs: slugList, got: response.status, problem: problemSummaryText(response) }), named);
  expectProblemFormat(t, response, what);
  const type = (response.json as { type?: unknown }).type;
  t.assert(catalogueSlug(type) !== undefined, M.catalogueType({ what, type: String(type) }), {
    requirementId: 'ECDX-ERR-002',
  });
  t.assert(
    slugs.some((s) => problemTypeUri(s) === type),
    M.problemTypeIs({ what, slugs: slugList, type: String(type) }),
    named,
  );
}

/** application/problem+json, a valid Problem, its status member the HTTP status (ECDX-ERR-001). */
export function expectProblemFormat(t: TestContext, response: HttpResponse, sent: Text): void {
  const what = label(sent);
  const requirementId = 'ECDX-ERR-001';
  const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  t.assert(contentType === 'application/problem+json', M.problemContentType({ what, status: response.status, contentType: contentType || W.none() }), {
    requirementId,
  });
  const found = violations(schemaByName('Problem'), response.json, 5);
  t.assert(found.length === 0, found.length === 0 ? M.validProblem({ what }) : M.invalidProblem({ what, violations: violationsText(found) }), {
    requirementId,
    ...(found[0] ? { pointer: found[0].pointer } : {}),
  });
  const member = (response.json as { status?: unknown }).status;
  t.assert(member === response.status, M.problemStatusMember({ what, member: String(member), status: response.status }), { requirementId });
}
