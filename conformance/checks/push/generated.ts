// Generated push checks (kit/generated.ts): the invalid SubscriptionRequests and PushBatches derived from their
// schemas member by member and keyword by keyword, and `--fuzz-runs` random ones, each of which must be refused with
// 422 validation-failed naming the member it breaks.
import { PushBatch, SubscriptionRequest } from '../../../schemas/src/index.ts';
import { arbitraryFor } from '../../generate/arbitrary.ts';
import { defineCheck } from '../../harness/check.ts';
import { verbatim } from '../../i18n/text.ts';
import { shortId } from '../../kit/ids.ts';
import { expectGeneratedRefusals, fullInstance } from '../../kit/generated.ts';
import { sendPush, subscriptionIdOf, subscriptionPath } from '../../kit/pushes.ts';

/** A callback no one answers (RFC 2606 .invalid): a subscription a faulty carrier accepted pushes nowhere. */
const NOWHERE = 'https://callback.invalid/ecdx/v1/tracking-events';

const withCallback = (body: unknown): unknown => ({ ...(body as Record<string, unknown>), callbackUrl: NOWHERE });

export const generatedPushChecks = [
  defineCheck({
    id: 'push/generated-invalid-subscription-refused',
    requirements: ['ECDX-PSH-003', 'ECDX-ERR-003', 'ECDX-ERR-004', 'ECDX-ERR-008'],
    class: 'carrier-tracking-push',
    title: 'Every invalid SubscriptionRequest derived from the schema is refused naming its member',
    description:
      'Derives invalid requests from `SubscriptionRequest` (each member missing, of a wrong type, its pattern, bounds ' +
      'or enum broken, an undefined member, oversized), starting from a valid request with every member the schema ' +
      'defines (its callback a `.invalid` host), and `--fuzz-runs` random ones, and posts each to `POST /v1/subscriptions`; ' +
      'then the valid request declared as text/plain. Each must be refused with 422 `validation-failed` naming the ' +
      'member it breaks (415 for text/plain), never 2xx, never 5xx.',
    async run(t) {
      await expectGeneratedRefusals(t, {
        what: verbatim('POST /v1/subscriptions'),
        schema: SubscriptionRequest,
        base: withCallback(fullInstance(t, SubscriptionRequest)),
        arbitrary: arbitraryFor(SubscriptionRequest).map(withCallback),
        send: (body, headers) => t.http.post('/v1/subscriptions', body, headers ? { headers } : {}),
        requirement: 'ECDX-PSH-003',
        undo: async (created) => {
          const id = subscriptionIdOf(created);
          if (id) await t.http.delete(subscriptionPath(id));
        },
        mediaTypeRequirement: 'ECDX-ERR-008',
      });
    },
  }),
  defineCheck({
    id: 'push/generated-invalid-push-batch-refused',
    requirements: ['ECDX-PSH-024', 'ECDX-PSH-023', 'ECDX-ERR-003', 'ECDX-ERR-004'],
    class: 'platform-tracking-receiver',
    title: 'Every invalid PushBatch derived from the schema, correctly signed, is refused naming its member',
    description:
      'Derives invalid batches from `PushBatch` (each member missing, of a wrong type, its pattern, bounds or enum ' +
      'broken, an undefined member, oversized) from a valid batch with every member the schema defines, and ' +
      '`--fuzz-runs` random ones, signs each as the carrier and posts it to `POST /v1/tracking-events`. Each must be ' +
      'refused with 422 `validation-failed` naming the member it breaks (a batch of more than 100 events with 413 ' +
      '`batch-too-large`), never acknowledged, never 5xx.',
    async run(t) {
      await expectGeneratedRefusals(t, {
        what: verbatim('POST /v1/tracking-events'),
        schema: PushBatch,
        base: fullInstance(t, PushBatch),
        arbitrary: arbitraryFor(PushBatch),
        send: (body) => sendPush(t, { body, id: `bat_${shortId()}` }),
        requirement: 'ECDX-PSH-024',
        // More than 100 events is a batch too large to take (ECDX-PSH-023), not an invalid one.
        refusalOf: (v) => (v.pointer === '/events' && v.keyword === 'maxItems' ? { status: 413, slug: 'batch-too-large' } : undefined),
        requirementOf: (v) => (v.pointer === '/events' && v.keyword === 'maxItems' ? 'ECDX-PSH-023' : undefined),
      });
    },
  }),
];
