// Judging the answers of the shipping operations: refusals that must name members by JSON Pointer, a Shipment's
// time consistency (ECDX-SHP-013), and the control that tells a carrier which does not validate shipping data at
// all (ECDX-SHP-003) from one that misses one rule. (Comparing what was sent with what is held is kit/json.ts's.)
//
// A refusal owes its status, problem type and pointers to the requirement under test; its format to the error
// rules (ECDX-ERR-001 application/problem+json and a valid Problem, ECDX-ERR-002 a catalogue type, ECDX-ERR-003
// invalidParams on validation-failed). Keeping them apart means a target that refuses correctly but formats the
// error wrongly fails the error rules, not the rule under test.
import { pointerWithin } from '../../protocol/json.ts';
import { schemaByName, type Shipment } from '../../schemas/src/index.ts';
import { PROBLEM_BASE, problemTypeUri, type ProblemSlug } from '../../schemas/src/problems.ts';
import { violations } from '../../schemas/validate.ts';
import type { HttpResponse } from '../harness/client.ts';
import type { Finding, TestContext } from '../harness/context.ts';
import { joinTexts, type Bilingual, type Text } from '../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../i18n/words.ts';
import { catalogueSlug, problemSummaryText } from './refusals.ts';
import { postShipment, shipmentRequest, type ShipmentBody } from './shipping-data.ts';
import { violationsText } from '../harness/violations.ts';

export interface RefusalExpectation {
  status: number;
  slug: ProblemSlug;
  /** The requirement the status, the type and the pointers verify; default the check's. */
  requirementId?: string;
  /** Members the problem must name in invalidParams (exactly, or a member below one). */
  pointers?: readonly string[];
  /**
   * The requirement that invalidParams lacking one of `pointers` fails; default requirementId. A validation-failed
   * problem with no invalidParams at all fails ECDX-ERR-003 whatever this says.
   */
  pointerRequirementId?: string;
  /** What was sent, for the messages: "POST /v1/shipments with purpose MARKETING". */
  what: Text;
}

/** A finding that names `requirementId` when there is one (none: the check's own requirement). */
const finding = (requirementId: string | undefined, message: Bilingual, pointer?: string): Finding => ({
  message,
  ...(requirementId ? { requirementId } : {}),
  ...(pointer === undefined ? {} : { pointer }),
});

/**
 * What is wrong with a refusal, first things first: at most one finding, since each step reads what the one before
 * established (a problem's members mean nothing in a 201). Empty when it is as expected. Never throws.
 */
export function judgeRefusal(response: HttpResponse, expected: RefusalExpectation): Finding[] {
  const { status, slug, requirementId, what } = expected;
  if (response.status !== status) {
    return [finding(requirementId, M.refusedWith({ what, status, slugs: slug, got: response.status, problem: problemSummaryText(response) }))];
  }
  const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/problem+json') {
    return [finding('ECDX-ERR-001', M.problemContentType({ what, status, contentType: contentType || W.none() }))];
  }
  const invalid = violations(schemaByName('Problem'), response.json, 3);
  if (invalid.length > 0) {
    const listed = violationsText(invalid);
    return [finding('ECDX-ERR-001', M.invalidProblem({ what, violations: listed }), invalid[0]!.pointer)];
  }
  const problem = response.json as { status?: unknown; type?: unknown; invalidParams?: { name: string }[] };
  if (problem.status !== status) return [finding('ECDX-ERR-001', M.problemStatusMember({ what, member: String(problem.status), status }))];
  if (catalogueSlug(problem.type) === undefined) return [finding('ECDX-ERR-002', M.catalogueType({ what, type: String(problem.type) }))];
  if (problem.type !== problemTypeUri(slug)) {
    const got = String(problem.type).replace(PROBLEM_BASE, '');
    return [finding(requirementId, M.expectedProblem({ what, slug, got, problem: problemSummaryText(response) }))];
  }
  const pointers = expected.pointers ?? [];
  if (pointers.length === 0) return [];
  const pointerRequirement = expected.pointerRequirementId ?? requirementId;
  const named = (problem.invalidParams ?? []).map((p) => p.name);
  if (named.length === 0) {
    return [
      finding(slug === 'validation-failed' ? 'ECDX-ERR-003' : pointerRequirement, M.noInvalidParams({ what, slug, pointers: joinTexts(pointers, M.and()) })),
    ];
  }
  const missing = pointers.filter((p) => !named.some((n) => pointerWithin(n, p)));
  if (missing.length > 0) {
    return [finding(pointerRequirement, M.invalidParamsMissing({ what, missing: joinTexts(missing, M.and()), named: joinTexts(named) }), missing[0]!)];
  }
  return [];
}

/** A refusal as expected, or the check ends failed with the finding (naming its requirement). */
export function expectRefusalNaming(t: TestContext, response: HttpResponse, expected: RefusalExpectation): void {
  const naming = expected.pointers?.length ? M.naming({ pointers: joinTexts(expected.pointers, M.and()) }) : '';
  const held = expected.requirementId ? { requirementId: expected.requirementId } : {};
  t.expectNone(judgeRefusal(response, expected), M.refusedAsExpected({ what: expected.what, status: expected.status, slug: expected.slug, naming }), held);
}

/**
 * A ShipmentRequest that breaks the schema in a way no privacy rule is about (an unknown service level). A carrier
 * that accepts it does not validate shipping data at all: that is ECDX-SHP-003's failure, and a privacy check that
 * saw its own invalid body accepted names ECDX-SHP-003 rather than its own rule.
 */
async function acceptsAnyInvalidShipment(t: TestContext): Promise<boolean> {
  const response = await postShipment(t, shipmentRequest(t, { service: 'WARP_SPEED' }));
  return response.status >= 200 && response.status < 300;
}

/**
 * Called when a body the schema refuses for a privacy rule was accepted: if an unrelated schema violation is
 * accepted too, the check fails naming ECDX-SHP-003 (the target does not validate at all); otherwise it returns and
 * the caller fails its own rule.
 */
async function blameMissingValidation(t: TestContext, response: HttpResponse, what: Text): Promise<void> {
  if (response.status < 200 || response.status >= 300) return;
  if (await acceptsAnyInvalidShipment(t)) t.fail(M.acceptsAnything({ what, status: response.status }), { requirementId: 'ECDX-SHP-003' });
}

/** Where the shipment's times contradict each other (ECDX-SHP-013); empty when consistent. */
export function timeInconsistencies(shipment: Shipment): Bilingual[] {
  const found: Bilingual[] = [];
  const created = Date.parse(shipment.createdAt);
  const updated = Date.parse(shipment.updatedAt);
  const others: [string, string | undefined][] = [
    ['acceptedAt', shipment.acceptedAt],
    ['cancelledAt', shipment.cancelledAt],
  ];
  for (const [name, value] of others) {
    if (value !== undefined && Date.parse(value) < created) found.push(M.earlierThanCreated({ name, value, createdAt: shipment.createdAt }));
  }
  for (const [name, value] of [['createdAt', shipment.createdAt] as [string, string | undefined], ...others]) {
    if (value !== undefined && updated < Date.parse(value)) found.push(M.updatedEarlier({ updatedAt: shipment.updatedAt, name, value }));
  }
  return found;
}

/**
 * Send a body the schema refuses for the check's own (privacy) rule; expect 422 validation-failed naming `pointer`,
 * or ECDX-SHP-003 fails when the target validates nothing (see `blameMissingValidation`).
 */
export async function expectSchemaRefusal(t: TestContext, body: ShipmentBody, pointer: string, what: Text): Promise<void> {
  const response = await postShipment(t, body);
  const label = M.postShipments({ what });
  await blameMissingValidation(t, response, label);
  expectRefusalNaming(t, response, { status: 422, slug: 'validation-failed', pointers: [pointer], what: label });
}

/** The full example request with its recipient changed by `change` (on a copy). */
export const withRecipient = (t: TestContext, change: (recipient: Record<string, unknown>) => void): ShipmentBody => {
  const body = shipmentRequest(t);
  const recipient = structuredClone(body['recipient']) as Record<string, unknown>;
  change(recipient);
  return { ...body, recipient };
};
