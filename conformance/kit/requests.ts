// Request builders, made for the checks of the request pipeline (security/, idempotency/, errors/) and used by
// other areas too: a creating request that is valid for the target's role, a cheap signed GET both roles serve,
// what the harness's own signature looked like, and a replay of a request exactly as sent. Refusals are judged by
// refusals.ts.
//
// Carrier targets get POST /v1/shipments with the schema example's ShipmentRequest (no privacy number, whose expiry
// is a fixed date), addressed to the claim's carrier code; shipping-data.ts has the richer builders of the
// shipping checks. Platform targets get POST /v1/interruption-notices with a notice the harness, playing the
// carrier, issues now for a maintenance four days ahead, or POST /v1/security-incidents with an incident detected a
// minute ago. Every body is fresh: unique identifiers, times relative to the target's clock.
import { parseDictionary, type InnerList } from 'structured-headers';
import { DEMO_CARRIER_CODE } from '../../protocol/index.ts';
import { schemaByName } from '../../schemas/src/index.ts';
import { operations } from '../../spec/openapi/operations.ts';
import { violations } from '../../schemas/validate.ts';
import type { HttpResponse } from '../harness/client.ts';
import type { TestContext } from '../harness/context.ts';
import type { ConformanceClassName } from '../../schemas/src/classes.ts';
import { claimsClass } from './claim.ts';
import { shortId } from './ids.ts';
import { joinTexts } from '../i18n/text.ts';
import { M } from './messages.ts';
import { DAY, HOUR, MINUTE, SECOND, timestamp } from './time.ts';

export type CreatingKind = 'shipment' | 'notice' | 'incident';

export interface CreatingRequest {
  kind: CreatingKind;
  path: string;
  /** A valid body; call `fresh()` for another one with new identifiers. */
  body: Record<string, unknown>;
  fresh: () => Record<string, unknown>;
  /** `POST /v1/shipments`, for messages. */
  label: string;
  /** What the operation answers when it creates (operations table): a first answer is the original only if it is this. */
  success: { status: number; schema: string };
}

/**
 * The carrier code the harness uses when it plays a carrier (issuer of a notice): the demo carrier's, which a test
 * deployment that trusts the demo credentials registers for the demo carrier key.
 */
export const HARNESS_CARRIER_CODE = DEMO_CARRIER_CODE;

const example = (name: string): Record<string, unknown> => {
  const examples = (schemaByName(name) as { examples?: unknown[] }).examples;
  return structuredClone((examples?.[0] ?? {}) as Record<string, unknown>);
};

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
  const start = now + 4 * DAY;
  return {
    noticeId: `ecdx-conf-ntc-${shortId()}`,
    issuer: { name: 'ECDX conformance harness', role: 'carrier', carrierCode: HARNESS_CARRIER_CODE },
    recipient: { name: t.claim?.party.name ?? 'Platform under test', role: 'platform' },
    affectedFeeds: ['PARCEL_DATA_PUSH'],
    reason: 'PLANNED_MAINTENANCE',
    reasonDetail: '推送服务例行维护(一致性测试)',
    issuedAt: timestamp(now),
    plannedStart: timestamp(start),
    plannedEnd: timestamp(start + HOUR),
    impact: { severity: 'MINOR', estimatedShipmentsPerDay: 10, affectedUsers: '测试商家', mitigation: '维护结束后补推' },
  };
}

/** A valid SecurityIncident reported by the harness (the role it plays), detected a minute ago. */
export function incidentBody(t: TestContext): Record<string, unknown> {
  const now = t.targetNow();
  const body = example('SecurityIncident');
  const reportedBy =
    t.role === 'platform'
      ? { name: 'ECDX conformance harness', role: 'carrier', carrierCode: HARNESS_CARRIER_CODE }
      : { name: 'ECDX conformance harness', role: 'platform' };
  return {
    ...body,
    incidentId: `ecdx-conf-inc-${shortId()}`,
    reportedBy,
    occurredAt: timestamp(now - 2 * MINUTE),
    detectedAt: timestamp(now - MINUTE),
    reportedAt: timestamp(now),
    emergencyPlanActivatedAt: timestamp(now - 30 * SECOND),
    authoritiesNotified: [],
  };
}

const builders: Record<CreatingKind, { operationId: string; build: (t: TestContext) => Record<string, unknown>; classOf: ConformanceClassName }> = {
  shipment: { operationId: 'createShipment', build: (t) => shipmentBody(t), classOf: 'carrier-shipping' },
  notice: { operationId: 'receiveInterruptionNotice', build: noticeBody, classOf: 'notices' },
  incident: { operationId: 'receiveSecurityIncident', build: incidentBody, classOf: 'incidents' },
};

/** The operation of the table (spec/openapi/operations.ts) with this id: its path, request schema and success. */
function operationNamed(operationId: string) {
  const operation = operations.find((o) => o.operationId === operationId);
  if (!operation?.requestBody || !operation.success.schema) throw new Error(`harness bug: ${operationId} is no operation that takes and answers a body`);
  return { path: operation.path, schema: operation.requestBody.schema, success: { status: operation.success.status, schema: operation.success.schema } };
}

/** The kind of creating request the target serves (see `creatingRequest`), or undefined. */
export function creatingKind(t: TestContext, prefer: readonly CreatingKind[] = ['notice', 'incident']): CreatingKind | undefined {
  if (!t.claim) return undefined;
  const kinds: CreatingKind[] = t.role === 'carrier' ? ['shipment'] : prefer.filter((k) => k !== 'shipment');
  return kinds.find((k) => claimsClass(t, builders[k].classOf));
}

/**
 * A creating request the target serves. Carrier targets: a shipment. Platform targets: the first of `prefer` whose
 * class the claim lists — notices by default, since every refusal of a notice is the pipeline's; the idempotency
 * checks prefer incidents, whose receipt dates each processing, so a request processed twice shows. The check ends
 * precondition-failed when there is none.
 */
export function creatingRequest(t: TestContext, prefer: readonly CreatingKind[] = ['notice', 'incident']): CreatingRequest {
  t.precondition(t.claim !== undefined, M.claimUnreadableCreating());
  const kind = creatingKind(t, prefer);
  const offered = t.role === 'carrier' ? ['carrier-shipping'] : prefer.map((k) => builders[k].classOf);
  return buildCreating(t, t.need(kind, M.noCreatingClass({ classes: joinTexts(offered) })));
}

/** The creating request the target serves, or undefined (never ends the check). */
export function optionalCreatingRequest(t: TestContext, prefer?: readonly CreatingKind[]): CreatingRequest | undefined {
  const kind = creatingKind(t, prefer);
  return kind ? buildCreating(t, kind) : undefined;
}

function buildCreating(t: TestContext, kind: CreatingKind): CreatingRequest {
  const { operationId, build } = builders[kind];
  const { path, schema, success } = operationNamed(operationId);
  const fresh = () => {
    const body = build(t);
    const problems = violations(schemaByName(schema), body, 3);
    if (problems.length > 0) throw new Error(`harness bug: the ${schema} it built is invalid: ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`);
    return body;
  };
  return { kind, path, body: fresh(), fresh, label: `POST ${path}`, success };
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
  t.precondition(path !== undefined, M.noProbe());
  return path as string;
}

/** As `probePath`, or undefined when the harness knows no signed GET the target serves. */
export function optionalProbePath(t: TestContext): string | undefined {
  if (t.role === 'carrier') return `/v1/shipments/ECDXPROBE${Date.now() % 1e8}`;
  if (claimsClass(t, 'notices')) return `/v1/interruption-notices/ecdx-conf-probe-${shortId()}`;
  if (claimsClass(t, 'statistics')) {
    const now = t.targetNow();
    return `/v1/statistics/sharing?from=${encodeURIComponent(timestamp(now - DAY))}&to=${encodeURIComponent(timestamp(now - HOUR))}`;
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
