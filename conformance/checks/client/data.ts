// What a platform sends and reads as a client (issue 15): shipping data without personal data the standard does not
// define (ECDX-PRV-011), a trajectory read to its last page (ECDX-TRK-021), and a gap in pushed sequences repaired
// by a pull (ECDX-PSH-027). The harness plays the carrier, through a session of its judging counterparty.
import { signWebhook, webhookSecret, type WebhookSigningKey } from '../../../protocol/index.ts';
import type { PushBatch, SubscriptionRequest } from '../../../schemas/src/index.ts';
import { defineCheck, defineGroup } from '../../harness/check.ts';
import type { TestContext } from '../../harness/context.ts';
import type { CounterpartySession } from '../../harness/counterparty/server.ts';
import { act, requestsTo, sentBy } from '../../kit/client-actions.ts';
import { cursorFindings, shippingDataFindings } from '../../kit/client-duties.ts';
import { demoPushKey, harnessWaybill, trajectoryEvents } from '../../kit/pushes.ts';
import { HARNESS_CARRIER_CODE } from '../../kit/requests.ts';
import { shortId } from '../../kit/ids.ts';
import { SECOND, timestamp } from '../../kit/time.ts';
import { verbatim } from '../../i18n/text.ts';
import { M } from './messages.ts';

const group = defineGroup({ needs: ['test-mode', 'counterparty'] });

/** More events than the largest page a claim may state (100): whatever limit the client names, it needs a cursor. */
const LONG_TRAJECTORY = 120;
/** How long a platform has to pull after a gap showed (beyond the settle time): it repairs in the background. */
const REPAIR_WAIT_MS = 10 * SECOND;

/** The key the harness signs pushes of `subscription` with: the demo carrier's v1a key, or the v1 secret it issued. */
function pushKeyOf(session: CounterpartySession, subscriptionId: string, scheme: SubscriptionRequest['signatureScheme']): WebhookSigningKey {
  const secret = session.state.subscriptions.get(subscriptionId)?.secret;
  return scheme === 'v1' && secret ? webhookSecret(secret) : demoPushKey('v1a');
}

/** POST a batch to the platform's callback as the carrier it subscribed to, signed per Standard Webhooks. */
async function pushTo(t: TestContext, callbackUrl: string, batch: PushBatch, key: WebhookSigningKey) {
  const text = JSON.stringify(batch);
  const headers = { 'content-type': 'application/json', ...signWebhook({ id: batch.batchId, timestamp: t.targetNow(), body: text }, key) };
  return t.http.send({ method: 'POST', path: callbackUrl, rawBody: text, headers, sign: false, idempotencyKey: false, timeoutMs: 25 * SECOND });
}

export const clientDataChecks = [
  defineCheck({
    id: 'client/shipping-data-minimal',
    requirements: ['ECDX-PRV-011'],
    group,
    title: 'The shipping data a platform sends carries nothing ShipmentRequest does not define and no identity number',
    description:
      'Makes the platform send the shipping data of one of its test orders (`send-shipment`) and examines what ' +
      'arrived: no member ShipmentRequest does not define, and no checksum-valid resident identity number in any ' +
      'member it does define (a contents name, a company, a remark).',
    async run(t) {
      const session = await t.counterparty();
      await act(t, session, { action: 'send-shipment' });
      const request = await sentBy(t, session, 'createShipment', verbatim('POST /v1/shipments'));
      t.expectNone(shippingDataFindings(request), M.shippingDataMinimal());
    },
  }),

  defineCheck({
    id: 'client/trajectory-read-to-the-end',
    requirements: ['ECDX-TRK-021'],
    group,
    title: 'A platform reading a trajectory follows nextCursor until a page carries none',
    description:
      `Serves a trajectory of ${LONG_TRAJECTORY} events — more than any page holds — and asks the platform to read it ` +
      '(`pull-trajectory`). Every page the harness answered with a `nextCursor` must be followed by a request with ' +
      'that cursor, so that the last page is read.',
    async run(t) {
      const session = await t.counterparty();
      const waybillNo = harnessWaybill();
      session.state.serveTrajectory(
        waybillNo,
        trajectoryEvents(
          t,
          Array.from({ length: LONG_TRAJECTORY }, (_, i) => i + 1),
          waybillNo,
        ),
      );
      await act(t, session, { action: 'pull-trajectory', waybillNo });
      await sentBy(t, session, 'listTrackingEvents', verbatim(`GET /v1/shipments/${waybillNo}/events`));
      const pages = requestsTo(session, 'listTrackingEvents').filter((r) => r.params.waybillNo === waybillNo);
      t.expectNone(cursorFindings(pages), M.followedEveryCursor({ n: pages.length }));
    },
  }),

  defineCheck({
    id: 'client/gap-repaired-by-pull',
    requirements: ['ECDX-PSH-027'],
    group,
    title: 'A platform that receives pushed events with a gap in their sequences pulls the trajectory',
    description:
      'Makes the platform subscribe to the harness as its carrier (`subscribe`), then pushes a batch of one waybill ' +
      'whose sequences skip one (1, 2, 4, 5) — a gap no retry of that batch will fill — signed as the subscription ' +
      `names, and waits up to ${REPAIR_WAIT_MS / SECOND} s for \`GET /v1/shipments/{waybillNo}/events\` of that waybill.`,
    async run(t) {
      const session = await t.counterparty();
      await act(t, session, { action: 'subscribe' });
      const subscribed = await sentBy(t, session, 'createSubscription', verbatim('POST /v1/subscriptions'));
      t.precondition(subscribed.answer.status === 201, M.subscriptionAnswered({ status: subscribed.answer.status }));
      const request = subscribed.json as SubscriptionRequest;
      const { subscriptionId } = JSON.parse(subscribed.answer.body) as { subscriptionId: string };
      const waybillNo = harnessWaybill();
      const events = trajectoryEvents(t, [1, 2, 3, 4, 5], waybillNo);
      session.state.serveTrajectory(waybillNo, events);
      const batch: PushBatch = {
        batchId: `bat_${shortId()}`,
        subscriptionId,
        carrierCode: HARNESS_CARRIER_CODE,
        sentAt: timestamp(t.targetNow()),
        events: events.filter((e) => e.sequence !== 3),
      };
      const answer = await pushTo(t, request.callbackUrl, batch, pushKeyOf(session, subscriptionId, request.signatureScheme));
      t.precondition(answer.status >= 200 && answer.status < 300, M.pushAnswered({ status: answer.status }));
      const pulled = await session.waitFor((r) => r.operationId === 'listTrackingEvents' && r.params.waybillNo === waybillNo, t.settleMs + REPAIR_WAIT_MS);
      t.assert(pulled !== undefined, M.pulledAfterGap({ waybillNo }));
    },
  }),
];
