// Request builders and refusal assertions, made for the checks of the request pipeline (security.ts,
// security-keys.ts, idempotency.ts, errors.ts) and used by other areas too: a creating request that is valid for the
// target's role, a cheap signed GET both roles serve, what the harness's own signature looked like, a replay of a
// request exactly as sent, and `expectRefusal`, which keeps apart what a refusal owes to the requirement under test
// (its status and problem type) and what it owes to the error format (ECDX-ERR-001, ECDX-ERR-002).
//
// Carrier targets get POST /v1/shipments with the schema example's ShipmentRequest (no privacy number, whose expiry
// is a fixed date), addressed to the claim's carrier code; support/shipping-data.ts has the richer builders of the
// shipping checks. Platform targets get POST /v1/interruption-notices with a notice the harness, playing the
// carrier, issues now for a maintenance four days ahead, or POST /v1/security-incidents with an incident detected a
// minute ago. Every body is fresh: unique identifiers, times relative to the target's clock.
import { randomBytes, randomUUID } from 'node:crypto';
import { parseDictionary, type InnerList } from 'structured-headers';
import { schemaByName } from '../../schemas/src/index.ts';
import { PROBLEM_BASE, problemType, problemTypes, problemTypeUri, type ProblemSlug } from '../../schemas/src/problems.ts';
import { violations } from '../../schemas/validate.ts';
import type { HttpResponse } from '../harness/client.ts';
import type { TestContext } from '../harness/context.ts';

export type CreatingKind = 'shipment' | 'notice' | 'incident';

export interface CreatingRequest {
  kind: CreatingKind;
  path: string;
  /** A valid body; call `fresh()` for another one with new identifiers. */
  body: Record<string, unknown>;
  fresh: () => Record<string, unknown>;
  /** `POST /v1/shipments`, for messages. */
  label: string;
}

/**
 * The carrier code the harness uses when it plays a carrier (issuer of a notice): the demo carrier's, which a test
 * deployment that trusts the demo credentials registers for the demo carrier key.
 */
export const HARNESS_CARRIER_CODE = 'ECDXDEMO';

const CLASS_PREFIX = 'https://ecdx.dev/conformance/1.0/';
const claims = (t: TestContext, name: string): boolean => (t.claim?.classes ?? []).includes(`${CLASS_PREFIX}${name}`);

const example = (name: string): Record<string, unknown> => {
  const examples = (schemaByName(name) as { examples?: unknown[] }).examples;
  return structuredClone((examples?.[0] ?? {}) as Record<string, unknown>);
};

const shortId = (): string => randomBytes(6).toString('hex');

/** `ms` as an RFC 3339 timestamp in China Standard Time, as ECDX's examples write them. */
export const timestamp = (ms: number): string => `${new Date(Math.floor(ms / 1000) * 1000 + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

/** A minimal valid ShipmentRequest addressed to the target carrier, with a unique platformOrderId. */
export function shipmentBody(t: TestContext, orderPrefix = 'ecdx-conf-'): Record<string, unknown> {
  const body = example('ShipmentRequest');
  const recipient = { ...(body['recipient'] as Record<string, unknown>) };
  delete recipient['privacyNumber']; // its expiry is a fixed date in the example
  return { ...body, recipient, carrierCode: t.claim?.party.carrierCode ?? 'ECDXDEMO', platformOrderId: `${orderPrefix}${shortId()}` };
}

/** A valid InterruptionNoticeRequest from the harness (as carrier) to the target platform, issued now. */
export function noticeBody(t: TestContext): Record<string, unknown> {
  const now = t.targetNow();
  const start = now + 4 * 24 * 3_600_000;
  return {
    noticeId: `ecdx-conf-ntc-${shortId()}`,
    issuer: { name: 'ECDX conformance harness', role: 'carrier', carrierCode: HARNESS_CARRIER_CODE },
    recipient: { name: t.claim?.party.name ?? 'Platform under test', role: 'platform' },
    affectedFeeds: ['PARCEL_DATA_PUSH'],
    reason: 'PLANNED_MAINTENANCE',
    reasonDetail: '推送服务例行维护(一致性测试)',
    issuedAt: timestamp(now),
    plannedStart: timestamp(start),
    plannedEnd: timestamp(start + 3_600_000),
    impact: { severity: 'MINOR', estimatedShipmentsPerDay: 10, affectedUsers: '测试商家', mitigation: '维护结束后补推' },
  };
}

/** A valid SecurityIncident reported by the harness (the role it plays), detected a minute ago. */
export function incidentBody(t: TestContext): Record<string, unknown> {
  const now = t.targetNow();
  const body = example('SecurityIncident');
  const reportedBy = t.role === 'platform'
    ? { name: 'ECDX conformance harness', role: 'carrier', carrierCode: HARNESS_CARRIER_CODE }
    : { name: 'ECDX conformance harness', role: 'platform' };
  return {
    ...body,
    incidentId: `ecdx-conf-inc-${shortId()}`,
    reportedBy,
    occurredAt: timestamp(now - 120_000),
    detectedAt: timestamp(now - 60_000),
    reportedAt: timestamp(now),
    emergencyPlanActivatedAt: timestamp(now - 30_000),
    authoritiesNotified: [],
  };
}

const builders: Record<CreatingKind, { path: string; build: (t: TestContext) => Record<string, unknown>; schema: string; classOf: string }> = {
  shipment: { path: '/v1/shipments', build: (t) => shipmentBody(t), schema: 'ShipmentRequest', classOf: 'carrier-shipping' },
  notice: { path: '/v1/interruption-notices', build: noticeBody, schema: 'InterruptionNoticeRequest', classOf: 'notices' },
  incident: { path: '/v1/security-incidents', build: incidentBody, schema: 'SecurityIncident', classOf: 'incidents' },
};

/** The kind of creating request the target serves (see `creatingRequest`), or undefined. */
export function creatingKind(t: TestContext, prefer: readonly CreatingKind[] = ['notice', 'incident']): CreatingKind | undefined {
  if (!t.claim) return undefined;
  const kinds: CreatingKind[] = t.role === 'carrier' ? ['shipment'] : prefer.filter((k) => k !== 'shipment');
  return kinds.find((k) => claims(t, builders[k].classOf));
}

/**
 * A creating request the target serves. Carrier targets: a shipment. Platform targets: the first of `prefer` whose
 * class the claim lists — notices by default, since every refusal of a notice is the pipeline's; the idempotency
 * checks prefer incidents, whose receipt dates each processing, so a request processed twice shows. The check ends
 * precondition-failed when there is none.
 */
export function creatingRequest(t: TestContext, prefer: readonly CreatingKind[] = ['notice', 'incident']): CreatingRequest {
  t.precondition(t.claim !== undefined, 'the conformance claim could not be read, so the harness cannot tell which creating request the target serves');
  const kind = creatingKind(t, prefer);
  const offered = t.role === 'carrier' ? ['carrier-shipping'] : prefer.map((k) => builders[k].classOf);
  return buildCreating(t, t.need(kind, `the target claims none of the classes whose creating requests the harness can send (${offered.join(', ')})`));
}

/** The creating request the target serves, or undefined (never ends the check). */
export function optionalCreatingRequest(t: TestContext, prefer?: readonly CreatingKind[]): CreatingRequest | undefined {
  const kind = creatingKind(t, prefer);
  return kind ? buildCreating(t, kind) : undefined;
}

function buildCreating(t: TestContext, kind: CreatingKind): CreatingRequest {
  const { path, build, schema } = builders[kind];
  const fresh = () => {
    const body = build(t);
    const problems = violations(schemaByName(schema), body, 3);
    if (problems.length > 0) throw new Error(`harness bug: the ${schema} it built is invalid: ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`);
    return body;
  };
  return { kind, path, body: fresh(), fresh, label: `POST ${path}` };
}

/** A body of the same kind that breaks its schema in two places, one of them holding a mobile number. */
export function invalidBody(request: CreatingRequest): { body: Record<string, unknown>; pointers: string[] } {
  const body = request.fresh();
  switch (request.kind) {
    case 'shipment': {
      const recipient = { ...(body['recipient'] as Record<string, unknown>), phone: '13812345678 ext' };
      const pkg = { ...(body['package'] as Record<string, unknown>), count: 0 };
      return { body: { ...body, recipient, package: pkg }, pointers: ['/recipient/phone', '/package/count'] };
    }
    case 'notice': {
      const impact = { ...(body['impact'] as Record<string, unknown>), estimatedShipmentsPerDay: -1, affectedUsers: '联系 13812345678' };
      return { body: { ...body, impact, reason: 'NO_SUCH_REASON' }, pointers: ['/impact/estimatedShipmentsPerDay', '/reason'] };
    }
    case 'incident': {
      const contact = { ...(body['contact'] as Record<string, unknown>), dutyPhone: '13812345678 ext' };
      return { body: { ...body, contact, estimatedRecords: -1 }, pointers: ['/contact/dutyPhone', '/estimatedRecords'] };
    }
  }
}

/** The path of a cheap signed GET the target serves, answered 404 (or 200) once the signature is accepted. */
export function probePath(t: TestContext): string {
  const path = optionalProbePath(t);
  t.precondition(path !== undefined, 'the target claims neither notices nor statistics nor testMode, so the harness knows no signed GET it serves');
  return path as string;
}

/** As `probePath`, or undefined when the harness knows no signed GET the target serves. */
export function optionalProbePath(t: TestContext): string | undefined {
  if (t.role === 'carrier') return `/v1/shipments/ECDXPROBE${Date.now() % 1e8}`;
  if (claims(t, 'notices')) return `/v1/interruption-notices/ecdx-conf-probe-${shortId()}`;
  if (claims(t, 'statistics')) {
    const now = t.targetNow();
    return `/v1/statistics/sharing?from=${encodeURIComponent(timestamp(now - 86_400_000))}&to=${encodeURIComponent(timestamp(now - 3_600_000))}`;
  }
  return t.claim?.testMode === true ? '/v1/test/clock' : undefined;
}

/** The keyid and alg of the harness's own signature on a request it sent. */
export function signatureOf(response: HttpResponse): { keyid: string; alg: string } | undefined {
  try {
    const member = parseDictionary(response.sent.headers['signature-input'] ?? '').get('ecdx');
    if (!member || !Array.isArray(member[0])) return undefined;
    const params = (member as InnerList)[1];
    const keyid = params.get('keyid');
    const alg = params.get('alg');
    return typeof keyid === 'string' && typeof alg === 'string' ? { keyid, alg } : undefined;
  } catch {
    return undefined;
  }
}

/** Send the exact request again: same bytes, same header fields, same signature (a replay). */
export const resend = (t: TestContext, response: HttpResponse): Promise<HttpResponse> =>
  t.http.send({
    method: response.sent.method,
    path: response.sent.url,
    ...(response.sent.body ? { rawBody: response.sent.body } : {}),
    headers: { ...response.sent.headers },
    sign: false,
    idempotencyKey: response.sent.headers['idempotency-key'] ?? false,
  });

export const newIdempotencyKey = (): string => randomUUID();

// --- refusals ---------------------------------------------------------------------------------------------

const CATALOGUE_SLUGS = new Set<string>(problemTypes.map((p) => p.slug));

/** The catalogue slug of a type URI, or undefined when the URI is not in the catalogue. */
export const catalogueSlug = (type: unknown): ProblemSlug | undefined => {
  if (typeof type !== 'string' || !type.startsWith(PROBLEM_BASE)) return undefined;
  const slug = type.slice(PROBLEM_BASE.length);
  return CATALOGUE_SLUGS.has(slug) ? (slug as ProblemSlug) : undefined;
};

export interface RefusalOptions {
  /** The requirement the status and problem type verify. */
  requirementId: string;
  /** What was sent, for the messages: "unsigned POST /v1/shipments". */
  what: string;
}

/**
 * A refusal with `status` and the problem `slug`. The status and the type name `requirementId`; the format of the
 * problem (application/problem+json, a valid Problem, status member) names ECDX-ERR-001, a type outside the
 * catalogue names ECDX-ERR-002 — so a target that refuses correctly but formats the error wrongly fails the error
 * rules, not the rule under test.
 */
export function expectRefusal(t: TestContext, response: HttpResponse, status: number, slug: ProblemSlug | readonly ProblemSlug[], options: RefusalOptions): void {
  const { requirementId, what } = options;
  const slugs: readonly ProblemSlug[] = typeof slug === 'string' ? [slug] : slug;
  t.assert(response.status === status, `${what}: expected HTTP ${status} (${slugs.join(' or ')}), got ${response.status}${summary(response)}`, { requirementId });
  expectProblemFormat(t, response, what);
  const type = (response.json as { type?: unknown }).type;
  t.assert(catalogueSlug(type) !== undefined, `${what}: the problem type ${String(type)} is a URI of the ECDX problem catalogue`, { requirementId: 'ECDX-ERR-002' });
  t.assert(slugs.some((s) => problemTypeUri(s) === type), `${what}: problem type is ${slugs.join(' or ')} (got ${String(type)})`, { requirementId });
}

/** application/problem+json, a valid Problem, its status member the HTTP status (ECDX-ERR-001). */
export function expectProblemFormat(t: TestContext, response: HttpResponse, what: string): void {
  const requirementId = 'ECDX-ERR-001';
  const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  t.assert(contentType === 'application/problem+json', `${what}: the ${response.status} answer is application/problem+json (got '${contentType || 'none'}')`, { requirementId });
  const found = violations(schemaByName('Problem'), response.json, 5);
  t.assert(
    found.length === 0,
    found.length === 0 ? `${what}: the body is a valid Problem` : `${what}: the body is not a valid Problem: ${found.map((v) => `${v.pointer || '/'} ${v.message}`).join('; ')}`,
    { requirementId, ...(found[0] ? { pointer: found[0].pointer } : {}) },
  );
  const member = (response.json as { status?: unknown }).status;
  t.assert(member === response.status, `${what}: the problem's status member ${String(member)} equals the HTTP status ${response.status}`, { requirementId });
}

/** Whether the catalogue gives this slug this status. */
export const catalogueStatus = (slug: ProblemSlug): number => problemType(slug).status;

function summary(response: HttpResponse): string {
  const body = response.json as { type?: unknown; detail?: unknown } | undefined;
  if (!body || typeof body !== 'object') return '';
  const parts = [typeof body.type === 'string' ? body.type.replace(PROBLEM_BASE, '') : undefined, typeof body.detail === 'string' ? body.detail.slice(0, 160) : undefined].filter(Boolean);
  return parts.length ? ` (${parts.join(': ')})` : '';
}
