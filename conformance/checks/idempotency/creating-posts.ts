// Every creating POST a target serves, as the operations table (spec/openapi/operations.ts) flags them idempotent,
// each with what the harness needs to send it validly: a body, and for the operations on an existing resource (a
// cancellation, a notice's responses) that resource, made first. ECDX-IDM-002 binds every one of them, so a check of
// it probes them all rather than the one creating request of the role: a platform that keys its notices but not its
// responses or its incident notifications would otherwise pass.
import type { ConformanceClassName } from '../../../schemas/src/classes.ts';
import type { InterruptionNotice } from '../../../schemas/src/index.ts';
import { isValid } from '../../../schemas/validate.ts';
import { operations } from '../../../spec/openapi/operations.ts';
import type { HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
import { claimedSchemes, claimsClass } from '../../kit/claim.ts';
import { buildNotice, buildResponse, noticePath, postNotice, responsesPath } from '../../kit/notices.ts';
import { problemSummaryText } from '../../kit/refusals.ts';
import { subscriptionIdOf, subscriptionRequest, unsubscribeAll } from '../../kit/pushes.ts';
import { incidentBody, shipmentBody } from '../../kit/requests.ts';
import { cancellationPath, cancellationRequest, postShipment, shipmentPath } from '../../kit/shipping-data.ts';
import { isBilingual, verbatim, type Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';

/** One creating POST, ready to send: a fresh valid body each time, and what a refused one must not have done. */
export interface CreatingPost {
  /** `POST /v1/interruption-notices/{noticeId}/responses`, for messages. */
  label: string;
  path: string;
  fresh: () => Record<string, unknown>;
  /** After a request that had to be refused: assert that it changed nothing the harness can read back. */
  unchanged?: (t: TestContext, body: Record<string, unknown>, how: Bilingual) => Promise<void>;
  /** Remove what such a request made anyway, before it is judged: a subscription would go on pushing. */
  undo?: (t: TestContext, response: HttpResponse) => Promise<void>;
}

/** Where a POST to an operation comes from: its class, and how to make it (a text: blocked, with the reason). */
interface Source {
  class: ConformanceClassName;
  prepare: (t: TestContext, label: string) => Promise<CreatingPost | Bilingual>;
}

/** A callback URL no push can reach (RFC 6761 reserves .invalid), for a subscription that must not be created. */
const NOWHERE = 'https://ecdx-conformance.invalid/v1/tracking-events';

const created = (response: HttpResponse, status: number): boolean => response.status === status;

const sources: Record<string, Source> = {
  createShipment: {
    class: 'carrier-shipping',
    prepare: async (t, label) => ({ label, path: '/v1/shipments', fresh: () => shipmentBody(t) }),
  },
  cancelShipment: {
    class: 'carrier-shipping',
    async prepare(t, label) {
      const response = await postShipment(t, shipmentBody(t));
      const waybillNo = (response.json as { waybillNo?: unknown } | undefined)?.waybillNo;
      if (!created(response, 201) || typeof waybillNo !== 'string')
        return M.noShipmentToCancel({ status: response.status, problem: problemSummaryText(response) });
      return {
        label,
        path: cancellationPath(waybillNo),
        fresh: () => cancellationRequest(),
        async unchanged(t, _body, how) {
          const read = await t.http.get(shipmentPath(waybillNo));
          const status = (read.json as { status?: unknown } | undefined)?.status;
          t.assert(
            read.status === 200 && status !== 'CANCELLED',
            M.cancellationLeftShipment({
              how,
              path: shipmentPath(waybillNo),
              status: read.status,
              withStatus: typeof status === 'string' ? M.withStatus({ status }) : verbatim(''),
            }),
          );
        },
      };
    },
  },
  createSubscription: {
    class: 'carrier-tracking-push',
    prepare: async (t, label) => ({
      label,
      path: '/v1/subscriptions',
      fresh: () => subscriptionRequest({ callbackUrl: NOWHERE, scheme: claimedSchemes(t)[0] ?? 'v1a' }),
      async undo(t, response) {
        const id = subscriptionIdOf(response);
        if (id) await unsubscribeAll(t, [id]);
      },
    }),
  },
  receiveInterruptionNotice: {
    class: 'notices',
    prepare: async (t, label) => ({
      label,
      path: '/v1/interruption-notices',
      fresh: () => buildNotice(t) as unknown as Record<string, unknown>,
      async unchanged(t, body, how) {
        const path = noticePath(String(body['noticeId']));
        const read = await t.http.get(path);
        t.assert(read.status === 404, M.refusedCreatedNothing({ request: label, how, path, status: read.status }));
      },
    }),
  },
  respondToInterruptionNotice: {
    class: 'notices',
    async prepare(t, label) {
      const notice = buildNotice(t);
      const response = await postNotice(t, notice);
      if (!created(response, 201)) return M.noNoticeToRespondTo({ status: response.status, problem: problemSummaryText(response) });
      return {
        label,
        path: responsesPath(notice.noticeId),
        fresh: () => buildResponse(t, notice, 'PROPOSE') as unknown as Record<string, unknown>,
        async unchanged(t, _body, how) {
          const read = await t.http.get(noticePath(notice.noticeId));
          const copy = read.json as InterruptionNotice | undefined;
          const held = read.status === 200 && isValid('InterruptionNotice', copy) ? copy!.negotiation.responses.length : undefined;
          t.assert(
            held === 0,
            held === undefined ? M.responseNoValidCopy({ how, path: noticePath(notice.noticeId), status: read.status }) : M.responseRecorded({ how, held }),
          );
        },
      };
    },
  },
  receiveSecurityIncident: {
    class: 'incidents',
    prepare: async (t, label) => ({ label, path: '/v1/security-incidents', fresh: () => incidentBody(t) }),
  },
};

/** The idempotent operations of the operations table that a target of `role` serves. */
const creatingOperations = (role: TestContext['role']) => operations.filter((o) => o.idempotent && (o.role === 'both' || o.role === role));

/**
 * The creating POSTs of every class the target claims, prepared to be sent. An operation whose resource could not
 * be made is a step not taken (`t.blocked`); an operation the harness has no source for is a harness bug.
 */
export async function creatingPosts(t: TestContext): Promise<CreatingPost[]> {
  const posts: CreatingPost[] = [];
  for (const operation of creatingOperations(t.role)) {
    const source = sources[operation.operationId];
    if (!source) throw new Error(`harness bug: no creating POST is known for ${operation.operationId}`);
    if (!claimsClass(t, source.class)) continue;
    const label = `POST ${operation.path}`;
    const prepared = await source.prepare(t, label);
    if (isBilingual(prepared)) t.blocked(M.notProbed({ request: label, reason: prepared }));
    else posts.push(prepared);
  }
  return posts;
}
