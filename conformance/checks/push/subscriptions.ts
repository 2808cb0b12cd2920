// Subscriptions, the carrier's side (chapter Pushes §1): creating one (201, Location, the request repeated, a v1
// secret newly generated and shown once), refusing what is not a valid request or names a waybill that is not the
// platform's, refusing plain-http callbacks off loopback, reading and deleting. Nothing here moves the target's
// clock; the callback URLs are the harness's receiver, so a test deployment accepts them (ECDX-PSH-004).
import { sameJson } from '../../../protocol/index.ts';
import type { Subscription } from '../../../schemas/src/index.ts';
import { defineCheck } from '../../harness/check.ts';
import type { HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
import { claimedSchemes } from '../../kit/claim.ts';
import { randomDigits } from '../../kit/ids.ts';
import { foreignShipment, subscriptionIdOf, subscriptionPath, subscriptionRequest, unsubscribeAll, type SubscriptionOptions } from '../../kit/pushes.ts';
import { expectRefusal } from '../../kit/refusals.ts';
import { happyShipment } from '../../kit/shipping-data.ts';
import { verbatim, type Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

const SECRET = /^whsec_([A-Za-z0-9+/]+={0,2})$/;

/** The secret's random bytes, or undefined when it is not `whsec_` + base64. */
function secretBytes(secret: unknown): number | undefined {
  const match = typeof secret === 'string' ? SECRET.exec(secret) : null;
  return match ? Buffer.from(match[1]!, 'base64').byteLength : undefined;
}

/** `invalidParams` names `pointer`, a member under it or the member above it (never the whole body). */
function expectNamed(t: TestContext, response: HttpResponse, pointer: string, what: Bilingual): void {
  const params = (response.json as { invalidParams?: unknown } | undefined)?.invalidParams;
  const names = Array.isArray(params) ? params.map((p) => (p as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string') : [];
  const named = names.some((n) => n !== '' && (n === pointer || n.startsWith(`${pointer}/`) || pointer.startsWith(`${n}/`)));
  t.assert(named, M.invalidParamsNames({ what, pointer, names: names.length ? names.join(', ') : W.none() }), { requirementId: 'ECDX-ERR-003' });
}

/** POST a subscription the target should refuse; one it creates anyway is deleted at once, then reported. */
async function refused(t: TestContext, body: unknown, what: Bilingual, pointer: string): Promise<void> {
  const response = await t.http.post('/v1/subscriptions', body);
  const id = subscriptionIdOf(response);
  if (response.status >= 200 && response.status < 300 && id) await unsubscribeAll(t, [id]);
  expectRefusal(t, response, 422, 'validation-failed', { what });
  expectNamed(t, response, pointer, what);
}

/** The same members, whatever their order. */
const sameSet = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) => {
  const sorted = (list: readonly unknown[] | undefined) => [...(list ?? [])].map(String).sort();
  return sameJson(sorted(a), sorted(b));
};

export const subscriptionChecks = [
  defineCheck({
    id: 'push/subscription-created',
    requirements: ['ECDX-PSH-001'],
    needs: ['callback'],
    title: 'A subscription request is answered 201 with Location and the subscription, a v1 secret newly generated',
    description:
      "Creates a subscription for each signature scheme the claim offers (a waybill of the harness's own, a status " +
      "filter, the harness's callback) and expects 201, a `Location` naming `/v1/subscriptions/{subscriptionId}` " +
      'and a valid `Subscription` in state `ACTIVE` that repeats the request. A `v1` subscription carries a ' +
      '`whsec_` secret of 24 to 64 random bytes, a second `v1` subscription another secret; a `v1a` one none.',
    uses: { shipment: happyShipment },
    async run(t, { shipment }) {
      const waybillNo = (await shipment()).waybillNo;
      const callback = t.callback();
      const created: string[] = [];
      const secrets: string[] = [];
      try {
        const schemes = claimedSchemes(t);
        for (const scheme of schemes.includes('v1') ? [...schemes, 'v1' as const] : schemes) {
          const options: SubscriptionOptions = { callbackUrl: callback.url, waybillNos: [waybillNo], statuses: ['ACCEPTED', 'DELIVERED'], scheme };
          const request = subscriptionRequest(options);
          const what = M.postWithScheme({ scheme });
          const response = await t.http.post('/v1/subscriptions', request);
          const id = subscriptionIdOf(response);
          if (id) created.push(id);
          t.expectStatus(response, 201, what);
          const subscription = t.expectSchema<Subscription>(response, 'Subscription', what);
          const location = response.headers['location'];
          const path = location ? safePath(location, response.sent.url) : undefined;
          t.assert(
            path?.endsWith(`/v1/subscriptions/${encodeURIComponent(subscription.subscriptionId)}`),
            M.locationNames({ what, subscriptionId: subscription.subscriptionId, location: location ?? M.noLocation() }),
          );
          t.assert(subscription.state === 'ACTIVE', M.newIsActive({ what, state: String(subscription.state) }));
          t.assert(subscription.callbackUrl === options.callbackUrl, M.repeatsCallbackUrl({ what }));
          const scope = subscription.scope as { type: string; waybillNos?: string[] };
          const sameScope = sameJson({ ...scope, waybillNos: undefined }, { type: 'WAYBILLS' }) && sameSet(scope.waybillNos, [waybillNo]);
          t.assert(sameScope, M.repeatsScope({ what, scope: String(JSON.stringify(subscription.scope)) }));
          t.assert(sameSet(subscription.statuses, options.statuses), M.repeatsStatuses({ what, statuses: String(JSON.stringify(subscription.statuses)) }));
          t.assert(subscription.signatureScheme === scheme, M.repeatsScheme({ what, scheme: String(subscription.signatureScheme) }));
          if (scheme === 'v1a') {
            t.assert(subscription.secret === undefined, M.v1aWithoutSecret({ what }));
            continue;
          }
          const bytes = secretBytes(subscription.secret);
          const form = subscription.secret === undefined ? W.none() : bytes === undefined ? M.anotherForm() : M.bytes({ n: bytes });
          t.assert(bytes !== undefined && bytes >= 24 && bytes <= 64, M.v1SecretForm({ what, got: form }));
          t.assert(!secrets.includes(subscription.secret!), M.newSecret({ what }));
          secrets.push(subscription.secret!);
        }
      } finally {
        await unsubscribeAll(t, created);
      }
    },
  }),
  defineCheck({
    id: 'push/secret-shown-once',
    requirements: ['ECDX-PSH-002'],
    needs: ['callback'],
    title: 'A v1 secret appears only in the 201 that created the subscription',
    description:
      'Creates a `v1` subscription, then reads it with `GET /v1/subscriptions/{subscriptionId}`: the answer has no ' +
      '`secret` member and the secret appears nowhere in it, nor in the `Location` URL. (That pushes do not carry ' +
      'it either is checked with the v1 pushes, `push/v1-secret-per-subscription`.)',
    uses: { shipment: happyShipment },
    async run(t, { shipment }) {
      if (!claimedSchemes(t).includes('v1')) t.notApplicable(M.noV1NoDisclosure());
      const waybillNo = (await shipment()).waybillNo;
      const created: string[] = [];
      try {
        const response = await t.http.post('/v1/subscriptions', subscriptionRequest({ callbackUrl: t.callback().url, waybillNos: [waybillNo], scheme: 'v1' }));
        const id = subscriptionIdOf(response);
        if (id) created.push(id);
        const secret = (response.json as { secret?: unknown } | undefined)?.secret;
        t.precondition(
          response.status === 201 && id !== undefined && typeof secret === 'string' && secret.length > 6,
          M.noSecretToFollow({ status: response.status }),
        );
        const key = (secret as string).slice(6);
        t.assert(!(response.headers['location'] ?? '').includes(key), M.locationWithoutSecret());
        const read = await t.http.get(subscriptionPath(id!));
        const path = `/v1/subscriptions/${id}`;
        t.precondition(read.status === 200, M.readAnswered({ path, status: read.status }));
        t.assert((read.json as { secret?: unknown } | undefined)?.secret === undefined, M.noSecretMember({ path }));
        t.assert(!read.text.includes(key) && !Object.values(read.headers).some((v) => v.includes(key)), M.secretNowhere({ path }));
      } finally {
        await unsubscribeAll(t, created);
      }
    },
  }),
  defineCheck({
    id: 'push/subscription-request-validated',
    requirements: ['ECDX-PSH-003'],
    needs: ['callback'],
    title: 'An invalid subscription request, or one naming a waybill that is not the platform\u2019s, is refused with 422',
    description:
      'Sends subscription requests that break the `SubscriptionRequest` schema (no `signatureScheme`; a callback ' +
      'URL with user-info) or list a waybill the carrier never issued, or one issued for another platform (the ' +
      'second key, when the harness has one). Each must be refused with 422 `validation-failed` whose ' +
      '`invalidParams` names the member. A subscription created anyway is deleted at once.',
    uses: { shipment: happyShipment },
    async run(t, { shipment }) {
      const waybillNo = (await shipment()).waybillNo;
      const callbackUrl = t.callback().url;
      const valid = subscriptionRequest({ callbackUrl, waybillNos: [waybillNo], scheme: claimedSchemes(t)[0]! });
      const { signatureScheme: _left, ...withoutScheme } = valid;
      await refused(t, withoutScheme, M.postWithoutScheme(), '/signatureScheme');
      const withUserInfo = { ...valid, callbackUrl: 'https://user:secret@platform.example.com/v1/tracking-events' };
      await refused(t, withUserInfo, M.postWithUserInfo(), '/callbackUrl');
      const unknown = { ...valid, scope: { type: 'WAYBILLS', waybillNos: [`ECDXNONE${randomDigits(10)}`] } };
      await refused(t, unknown, M.postNeverIssued(), '/scope/waybillNos/0');

      const foreign = await foreignShipment(t);
      if (!foreign) {
        const why = t.secondKey ? M.couldNotShip({ keyid: t.secondKey.keyid }) : '';
        return t.blocked(M.noSecondKeyWaybill({ why }));
      }
      const foreignScope = { ...valid, scope: { type: 'WAYBILLS', waybillNos: [foreign] } };
      await refused(t, foreignScope, M.postForeignWaybill(), '/scope/waybillNos/0');
    },
  }),
  defineCheck({
    id: 'push/callback-https-required',
    requirements: ['ECDX-PSH-004'],
    title: 'A plain-http callback URL off loopback is refused with 422',
    description:
      'Asks for pushes to `http://platform.example.com/…` — plain HTTP to a host that is not a loopback address — ' +
      'and expects 422 `validation-failed` naming `/callbackUrl`. (A test deployment may accept plain HTTP on ' +
      'loopback only, which is how the harness receives pushes.) A subscription created anyway is deleted at once.',
    uses: { shipment: happyShipment },
    async run(t, { shipment }) {
      const waybillNo = (await shipment()).waybillNo;
      const body = subscriptionRequest({
        callbackUrl: 'http://platform.example.com/ecdx/v1/tracking-events',
        waybillNos: [waybillNo],
        scheme: claimedSchemes(t)[0]!,
      });
      await refused(t, body, M.postPlainHttp(), '/callbackUrl');
    },
  }),
  defineCheck({
    id: 'push/subscription-read-and-deleted',
    requirements: ['ECDX-PSH-005', 'ECDX-PSH-006', 'ECDX-PSH-029'],
    needs: ['callback'],
    title: 'A subscription is read by its owner only, deleted with 204, and then not found',
    description:
      'Creates a subscription and reads it back (200, the subscription with its state); reads it with another ' +
      "platform's key (the second key), reads an identifier that never existed, deletes it (204) and reads it " +
      'again: each of those reads must be 404 `subscription-not-found`. A DELETE of the identifier that never existed ' +
      'and a second DELETE of the deleted subscription must be answered the same 404.',
    uses: { shipment: happyShipment },
    async run(t, { shipment }) {
      const waybillNo = (await shipment()).waybillNo;
      const options: SubscriptionOptions = { callbackUrl: t.callback().url, waybillNos: [waybillNo], scheme: claimedSchemes(t)[0]! };
      const created: string[] = [];
      try {
        const response = await t.http.post('/v1/subscriptions', subscriptionRequest(options));
        const id = subscriptionIdOf(response);
        if (id) created.push(id);
        t.precondition(response.status === 201 && id !== undefined, M.noSubscriptionId({ status: response.status }));
        const path = subscriptionPath(id!);
        const requirementId = 'ECDX-PSH-005';

        const read = await t.http.get(path);
        t.assert(read.status === 200, M.expectedHttp({ request: `GET ${path}`, expected: 200, status: read.status }), { requirementId });
        const subscription = t.expectSchema<Subscription>(read, 'Subscription', verbatim(`GET ${path}`));
        t.assert(subscription.subscriptionId === id && subscription.callbackUrl === options.callbackUrl, M.answersCreated({ path }), { requirementId });
        t.assert(subscription.state === 'ACTIVE', M.currentStateActive({ path, state: String(subscription.state) }), { requirementId });

        const second = t.secondKey;
        if (second) {
          const foreign = await t.http.get(path, { sign: second });
          if (foreign.status === 401) t.blocked(M.secondKeyRefused({ keyid: second.keyid }), { requirementId });
          else expectRefusal(t, foreign, 404, 'subscription-not-found', { requirementId, what: M.getAsOtherPlatform({ path, keyid: second.keyid }) });
        } else {
          t.blocked(M.noSecondKeyRead(), { requirementId });
        }
        const unknownPath = subscriptionPath(`sub_ecdx-none-${randomDigits(8)}`);
        expectRefusal(t, await t.http.get(unknownPath), 404, 'subscription-not-found', {
          requirementId,
          what: M.neverCreated({ request: `GET ${unknownPath}` }),
        });

        const deleted = await t.http.delete(path);
        if (deleted.status === 204) created.length = 0;
        t.assert(deleted.status === 204, M.expectedHttp({ request: `DELETE ${path}`, expected: 204, status: deleted.status }), {
          requirementId: 'ECDX-PSH-006',
        });
        expectRefusal(t, await t.http.get(path), 404, 'subscription-not-found', { requirementId, what: M.getAfterDelete({ path }) });
        const again = { requirementId: 'ECDX-PSH-029' };
        expectRefusal(t, await t.http.delete(unknownPath), 404, 'subscription-not-found', {
          ...again,
          what: M.neverCreated({ request: `DELETE ${unknownPath}` }),
        });
        expectRefusal(t, await t.http.delete(path), 404, 'subscription-not-found', { ...again, what: M.deleteAgain({ path }) });
      } finally {
        await unsubscribeAll(t, created);
      }
    },
  }),
];

function safePath(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).pathname;
  } catch {
    return undefined;
  }
}
