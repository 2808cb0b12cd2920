// Generated checks (conformance/generate/): the invalid variants of a valid body, each of which must be refused
// with 422 validation-failed naming the member it breaks, and valid bodies drawn by fast-check, each of which a
// property must hold for. Both are deterministic for the run's seed (`--seed`) and bounded (`--fuzz-runs`), and
// both report a failure with the smallest request that shows it:
// - an invalid variant that was not refused is sent again on smaller valid bodies (one optional member or array
//   item fewer at a time, while it still fails): the report shows the smallest;
// - a property that failed is shrunk by fast-check (a bounded number of further requests).
import fc from 'fast-check';
import type { TSchema } from '@sinclair/typebox';
import { arbitraryFor } from '../generate/arbitrary.ts';
import { invalidVariant, invalidVariants, variantAt, type InvalidVariant } from '../generate/invalid.ts';
import { invalidQueries, type QueryParameter } from '../generate/parameters.ts';
import { fold, normalise, resolveNode, type SchemaNode } from '../generate/schema-node.ts';
import { validatorFor } from '../../schemas/validate.ts';
import { pointerWithin } from '../../protocol/json.ts';
import { schemaByName } from '../../schemas/src/index.ts';
import type { ProblemSlug } from '../../schemas/src/problems.ts';
import { operations } from '../../spec/openapi/operations.ts';
import type { HttpResponse } from '../harness/client.ts';
import type { Finding, TestContext } from '../harness/context.ts';
import { pool } from '../harness/pool.ts';
import { verbatim, type Text } from '../i18n/text.ts';
import { M } from './messages.ts';
import { judgeRefusal } from './shipping-refusals.ts';

/** Requests a generated check keeps in flight: a remote target is not tested one round trip at a time. */
const IN_FLIGHT = 6;
/** Failing variants made smaller before they are reported (each costs up to one request per optional member). */
const MINIMISED = 3;
/** Requests fast-check may spend shrinking a failed case, beyond the runs. */
export const SHRINK_BUDGET = 80;

/** One value of an arbitrary for this run's seed: where the systematic variants start. */
export const drawnOnce = <T>(t: TestContext, arbitrary: fc.Arbitrary<T>): T => fc.sample(arbitrary, { numRuns: 1, seed: t.seed })[0]!;

/** A valid instance of `schema` with every member it defines, for this run's seed. */
export const fullInstance = (t: TestContext, schema: TSchema): unknown => drawnOnce(t, arbitraryFor(schema, { optionalMembers: 'always' }));

/** Exchanges a generated check keeps at its start and at its end, beside every one that did not answer as due. */
const KEPT_ALIKE = 20;

/**
 * Leave out of the evidence the alike exchanges since entry `from`: the first and last KEPT_ALIKE stay, and every
 * one whose answer `due` does not accept (no answer at all included); the rest is counted in the report.
 */
export function leaveOutAlike(t: TestContext, from: number, due: (status: number) => boolean): void {
  const total = t.evidence.slice(from).filter((e) => e.kind === 'http').length;
  t.leaveOutExchanges(from, (exchange, i) => i < KEPT_ALIKE || i >= total - KEPT_ALIKE || exchange.response === undefined || !due(exchange.response.status));
}

const refused = (status: number): boolean => status >= 400 && status < 500;

const MAX_SHOWN = 1_500;
/** A body for a message: compact JSON, cut where it would flood the report (the note of its length in each language). */
export const shownText = (value: unknown): Text => {
  const text = JSON.stringify(value);
  return text.length > MAX_SHOWN ? M.truncated({ text: text.slice(0, MAX_SHOWN), n: text.length.toLocaleString('en') }) : verbatim(text);
};

export interface GeneratedRefusals {
  /** What is sent, for the messages: `POST /v1/shipments`. */
  what: Text;
  /** The schema the body must be valid against. */
  schema: TSchema;
  /** A valid body with every member the schema defines (drawn with optionalMembers 'always' and made acceptable). */
  base: unknown;
  /** Valid bodies for the random cases (acceptable to the target beyond the schema: its carrier code, current times). */
  arbitrary: fc.Arbitrary<unknown>;
  /** Send one body. */
  send(body: unknown, headers?: Record<string, string>): Promise<HttpResponse>;
  /** The requirement that states the refusal (ECDX-SHP-003 for POST /v1/shipments). */
  requirement: string;
  /** Where a variant verifies another requirement than `requirement` (a purpose: ECDX-PRV-012); undefined: `requirement`. */
  requirementOf?(variant: InvalidVariant): string | undefined;
  /** The requirement named when variants of several fail and one of them is this one's (a target that validates nothing). */
  preferred?: string;
  /** A refusal the standard names for this variant other than 422 validation-failed (101 events: 413 batch-too-large). */
  refusalOf?(variant: InvalidVariant): { status: number; slug: ProblemSlug } | undefined;
  /** Undo what an accepted variant created (a subscription that would push to nowhere), so it disturbs no other check. */
  undo?(response: HttpResponse): Promise<void>;
  /** The requirement a 415 for a body not declared as JSON verifies (ECDX-ERR-008); undefined: not sent. */
  mediaTypeRequirement?: string;
}

interface Failure {
  variant: InvalidVariant;
  finding: Finding;
}

/**
 * Whose failure a refusal is that does not name the member: ECDX-ERR-003's when it names a value that holds it (the
 * violation was seen, and reported at the enclosing value); the refusal's own requirement when it names only other
 * members (the violation was not seen: the body was refused for something else).
 */
function misnamedUnder(response: HttpResponse, pointer: string, requirementId: string): string {
  const params = (response.json as { invalidParams?: { name?: unknown }[] } | undefined)?.invalidParams;
  const names = Array.isArray(params) ? params.map((p) => p?.name).filter((n): n is string => typeof n === 'string') : [];
  return names.some((n) => n === '' || (n !== pointer && pointerWithin(pointer, n))) ? 'ECDX-ERR-003' : requirementId;
}

/** A 5xx for a request that fails because of itself is ECDX-ERR-004's failure, whatever the variant verifies. */
function judgeVariant(
  response: HttpResponse,
  variant: InvalidVariant,
  spec: Pick<GeneratedRefusals, 'what' | 'requirement' | 'requirementOf' | 'refusalOf'>,
): Finding | undefined {
  // The variant's description is the generator's (conformance/generate/): shown as it wrote it.
  const sent = M.variant({ what: spec.what, description: variant.description, keyword: variant.keyword });
  const requirementId = spec.requirementOf?.(variant) ?? spec.requirement;
  const expected = spec.refusalOf?.(variant) ?? { status: 422, slug: 'validation-failed' as const };
  if (response.status >= 500)
    return {
      message: M.refusedWith({ what: sent, status: expected.status, slugs: expected.slug, got: response.status, problem: '' }),
      requirementId: 'ECDX-ERR-004',
    };
  return judgeRefusal(response, {
    ...expected,
    requirementId,
    // Only a validation-failed problem names members (ECDX-ERR-003).
    ...(expected.slug === 'validation-failed'
      ? { pointers: [variant.pointer], pointerRequirementId: misnamedUnder(response, variant.pointer, requirementId) }
      : {}),
    what: sent,
  })[0];
}

/**
 * Every invalid variant of `spec.base`, then `t.fuzzRuns` variants of random valid bodies (seed `t.seed`): each
 * must be refused with 422 validation-failed naming its member. One judgement over all of them.
 */
export async function expectGeneratedRefusals(t: TestContext, spec: GeneratedRefusals): Promise<void> {
  const from = t.evidence.length;
  const judged = async (variant: InvalidVariant): Promise<Failure | undefined> => {
    const response = await spec.send(variant.instance);
    if (spec.undo && response.status >= 200 && response.status < 300) await spec.undo(response);
    const finding = judgeVariant(response, variant, spec);
    return finding ? { variant, finding } : undefined;
  };

  const systematic = invalidVariants(spec.schema, spec.base);
  t.precondition(systematic.length > 0, M.noVariant({ what: spec.what }));
  const failures = (await pool(systematic, IN_FLIGHT, judged)).filter((f): f is Failure => f !== undefined);

  const random = await randomVariants(t, spec, judged);
  const mediaType = spec.mediaTypeRequirement ? await judgeMediaType(spec) : undefined;

  const reported = await Promise.all(failures.slice(0, MINIMISED).map((f) => smallestFailure(spec, f, judged)));
  const all: Finding[] = [
    ...reported.map((f) => withRequest(f, M.smallestRequest())),
    ...failures.slice(MINIMISED).map((f) => f.finding),
    ...(random ? [random] : []),
    ...(mediaType ? [mediaType] : []),
  ];
  leaveOutAlike(t, from, refused);
  const total = systematic.length + t.fuzzRuns + (spec.mediaTypeRequirement ? 1 : 0);
  const preferred = all.find((f) => f.requirementId === spec.preferred) ?? all[0];
  const findings = preferred
    ? [
        {
          ...preferred,
          message: M.notRefused({ n: failures.length + (random ? 1 : 0) + (mediaType ? 1 : 0), total, first: preferred.message }),
        },
      ]
    : [];
  t.expectNone(findings, M.allRefused({ total, what: spec.what, derived: systematic.length, drawn: t.fuzzRuns, seed: t.seed }));
}

const withRequest = (f: Failure, label: Text): Finding => ({
  ...f.finding,
  message: M.withRequest({ message: f.finding.message, label, request: shownText(f.variant.instance) }),
});

/** A body not declared as JSON: 415 unsupported-media-type (ECDX-ERR-008). */
async function judgeMediaType(spec: GeneratedRefusals): Promise<Finding | undefined> {
  const response = await spec.send(spec.base, { 'content-type': 'text/plain; charset=utf-8' });
  if (response.status >= 500) return { message: M.declaredTextPlain({ what: spec.what, status: response.status }), requirementId: 'ECDX-ERR-004' };
  return judgeRefusal(response, {
    status: 415,
    slug: 'unsupported-media-type',
    ...(spec.mediaTypeRequirement ? { requirementId: spec.mediaTypeRequirement } : {}),
    what: M.validBodyAsTextPlain({ what: spec.what }),
  })[0];
}

/**
 * Make a failing variant smaller: drop one optional member (or array item beyond the minimum) of the valid body at
 * a time, derive the same variant of what is left, and keep the drop when the target still fails it.
 */
async function smallestFailure(spec: GeneratedRefusals, failure: Failure, judged: (v: InvalidVariant) => Promise<Failure | undefined>): Promise<Failure> {
  const accepts = validatorFor(spec.schema);
  let body = spec.base;
  let current = failure;
  for (const pointer of removablePointers(spec.schema, body)) {
    if (pointer === failure.variant.pointer || failure.variant.pointer.startsWith(`${pointer}/`)) continue;
    const smaller = removeAt(body, pointer);
    if (smaller === undefined || !accepts.Check(smaller)) continue;
    const same = variantAt(spec.schema, smaller, failure.variant.pointer, failure.variant.keyword);
    if (!same) continue;
    const still = await judged(same);
    if (still) {
      body = smaller;
      current = still;
    }
  }
  return current;
}

/** The optional members and surplus array items of `body`, deepest last (so a whole member goes before its parts). */
function removablePointers(schema: TSchema, body: unknown): string[] {
  const out: string[] = [];
  const visit = (node: SchemaNode, value: unknown, pointer: string) => {
    const resolved = fold(resolveNode(node));
    const required = new Set<string>();
    const collect = (n: SchemaNode) => {
      for (const r of (n['required'] as string[] | undefined) ?? []) required.add(r);
      for (const b of [...((n['anyOf'] as SchemaNode[] | undefined) ?? []), ...((n['allOf'] as SchemaNode[] | undefined) ?? [])]) collect(fold(resolveNode(b)));
    };
    collect(resolved);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 1; i--) out.push(`${pointer}/${i}`);
      const items = resolved['items'] as SchemaNode | undefined;
      if (items && value.length > 0) visit(items, value[0], `${pointer}/0`);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [name, member] of Object.entries(value as Record<string, unknown>)) {
      if (!required.has(name)) out.push(`${pointer}/${name}`);
      const schemaOf = propertyOf(resolved, name);
      if (schemaOf) visit(schemaOf, member, `${pointer}/${name}`);
    }
  };
  visit(normalise(schema), body, '');
  return out;
}

/** The schema of a member in any part or branch of an object node. */
function propertyOf(node: SchemaNode, name: string): SchemaNode | undefined {
  const own = (node['properties'] as Record<string, SchemaNode> | undefined)?.[name];
  if (own) return own;
  for (const part of [...((node['anyOf'] as SchemaNode[] | undefined) ?? []), ...((node['allOf'] as SchemaNode[] | undefined) ?? [])]) {
    const found = propertyOf(fold(resolveNode(part)), name);
    if (found) return found;
  }
  return undefined;
}

/** A copy without the member (or array item) at `pointer`; undefined when there is none. */
function removeAt(root: unknown, pointer: string): unknown {
  const tokens = pointer.split('/').slice(1);
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (const token of tokens.slice(0, -1)) node = (node as Record<string, unknown>)?.[token];
  const last = tokens.at(-1)!;
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else if (node && typeof node === 'object' && last in node) delete (node as Record<string, unknown>)[last];
  else return undefined;
  return copy;
}

/** `t.fuzzRuns` random valid bodies, one random variant of each; a failure is shrunk by fast-check. */
async function randomVariants(
  t: TestContext,
  spec: GeneratedRefusals,
  judged: (v: InvalidVariant) => Promise<Failure | undefined>,
): Promise<Finding | undefined> {
  const failed = await checkProperty(t, fc.tuple(spec.arbitrary, fc.nat()), async ([body, pick]) => {
    const variant = invalidVariant(spec.schema, body, pick);
    if (!variant) return undefined;
    const failure = await judged(variant);
    return failure ? withRequest(failure, M.theRequest()) : undefined;
  });
  return failed;
}

/**
 * Run a property over `t.fuzzRuns` values of `arbitrary` with the run's seed; the finding of the smallest failing
 * value fast-check found (its message says how to reproduce it), or undefined when it held every time. A request
 * that could not be made (the target unreachable, the check stopped) is rethrown, never shrunk.
 */
export async function checkProperty<T>(
  t: TestContext,
  arbitrary: fc.Arbitrary<T>,
  property: (value: T) => Promise<Finding | undefined>,
): Promise<Finding | undefined> {
  let executions = 0;
  let lastFinding: Finding | undefined;
  let broken: unknown;
  const budget = t.fuzzRuns + SHRINK_BUDGET;
  const result = await fc.check(
    fc.asyncProperty(arbitrary, async (value) => {
      // Past the budget, or after a request failed, every further case counts as held: fast-check then keeps the
      // smallest failure it has, which was really seen.
      if (broken !== undefined || executions >= budget) return true;
      executions += 1;
      try {
        const finding = await property(value);
        if (finding) lastFinding = finding;
        return finding === undefined;
      } catch (error) {
        broken = error;
        return true;
      }
    }),
    { seed: t.seed, numRuns: t.fuzzRuns, endOnFailure: false },
  );
  if (broken !== undefined) throw broken;
  if (!result.failed || !lastFinding) return undefined;
  // The finding of the last failing execution is the smallest counterexample's: fast-check ends on it.
  const smallest = await property(result.counterexample![0]).catch(() => lastFinding);
  const finding = smallest ?? lastFinding;
  return {
    ...finding,
    message: M.propertyFailed({ message: finding.message, seed: t.seed, runs: result.numRuns, shrinks: result.numShrinks }),
  };
}

export interface GeneratedQueryRefusals {
  /** The path the query goes with: `/v1/shipments/ECDXNONE…/events`. */
  path: string;
  /** The operation's query parameters (spec/openapi/operations.ts) and a valid query. */
  parameters: readonly QueryParameter[];
  valid: Record<string, string>;
  /** The requirement that states the refusal. */
  requirement: string;
}

/**
 * Every invalid variant of a valid query: each must be refused with 422 validation-failed naming the parameter
 * (`/name`, in query). A query has few members, so every variant is sent and none is drawn at random.
 */
export async function expectGeneratedQueryRefusals(t: TestContext, spec: GeneratedQueryRefusals): Promise<void> {
  const from = t.evidence.length;
  const variants = invalidQueries(spec.parameters, spec.valid);
  t.precondition(variants.length > 0, M.noQueryVariant({ path: spec.path }));
  const findings = await pool(variants, IN_FLIGHT, async (variant) => {
    const url = `${spec.path}?${new URLSearchParams(variant.query)}`;
    const asVariant: InvalidVariant = { pointer: variant.pointer, keyword: variant.keyword, description: variant.description, instance: variant.query };
    const finding = judgeVariant(await t.http.get(url), asVariant, { what: verbatim(`GET ${spec.path}`), requirement: spec.requirement });
    const request = `GET ${url.length > 300 ? `${url.slice(0, 300)}…` : url}`;
    return finding ? { ...finding, message: M.withRequest({ message: finding.message, label: M.theRequest(), request }) } : undefined;
  });
  leaveOutAlike(t, from, refused);
  const failing = findings.filter((f) => f !== undefined);
  t.expectNone(
    failing.length > 0 ? [{ ...failing[0]!, message: M.queriesNotRefused({ n: failing.length, total: variants.length, first: failing[0]!.message }) }] : [],
    M.allQueriesRefused({ total: variants.length, path: spec.path }),
  );
}

/** An operation's query parameters as the OpenAPI document states them, and the valid query its examples make. */
export function queryOf(operationId: string): { parameters: QueryParameter[]; valid: Record<string, string> } {
  const operation = operations.find((o) => o.operationId === operationId);
  if (!operation) throw new Error(`harness bug: no operation ${operationId}`);
  const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
  return {
    parameters: query.map((p) => ({
      name: p.name,
      schema: typeof p.schema === 'string' ? schemaByName(p.schema) : (p.schema as SchemaNode),
      ...(p.required ? { required: true } : {}),
    })),
    valid: Object.fromEntries(query.filter((p) => p.example !== undefined).map((p) => [p.name, String(p.example)])),
  };
}
