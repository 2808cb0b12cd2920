// Keys and credentials (chapter Security §5–§6) and the signature algorithms a claim promises (chapter Core, ECDX-
// CNF-004): the published demo credentials are refused by a production deployment, no credential appears in a URL
// the target hands out, and every algorithm in signatureAlgorithms (and, for a platform, every push scheme in
// webhookSignatureSchemes) is accepted — as is a page as large as maxPageSize.
import { pointerToken } from '../../kit/json.ts';
import {
  DEMO_CARRIER_HMAC_SECRET_BASE64,
  DEMO_HMAC_SECRET_BASE64,
  DEMO_PUSH_PUBLIC_KEY,
  DEMO_PUSH_SIGNING_KEY,
  DEMO_WEBHOOK_SECRET,
  demoCredentials,
  signWebhook,
  type SigningKey,
  type WebhookSigningKey,
} from '../../../protocol/index.ts';
import { schemaByName } from '../../../schemas/src/index.ts';
import { violations } from '../../../schemas/validate.ts';
import { defineCheck } from '../../harness/check.ts';
import { TargetUnreachable, type HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
import { DEMO_PUSH_SUBSCRIPTION_ID, demoPushKey } from '../../kit/pushes.ts';
import { creatingRequest, HARNESS_CARRIER_CODE, probePath, shipmentBody, signatureOf } from '../../kit/requests.ts';
import { expectRefusal } from '../../kit/refusals.ts';
import { timestamp } from '../../kit/time.ts';
import { verbatim, type Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

/** Every published demo request key (all keyids begin with ecdx-demo-). */
const DEMO_KEYS: readonly SigningKey[] = [
  demoCredentials.platform.signingKey,
  demoCredentials.platformHmac,
  demoCredentials.carrier.signingKey,
  demoCredentials.carrierHmac,
];

// --- credentials in URLs ------------------------------------------------------------------------------------

/** Query parameters and fragments that carry a credential. */
const CREDENTIAL_PARAMETER =
  /[?&#;](sig|signature|signature-input|keyid|key|secret|token|access_token|api[-_]?key|password|passwd|auth|authorization|credential|whsec)=/i;
const KEY_PREFIX = /whsec_|whsk_|whpk_/;
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;
const base64url = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const DEMO_SECRETS = [DEMO_HMAC_SECRET_BASE64, DEMO_CARRIER_HMAC_SECRET_BASE64, DEMO_WEBHOOK_SECRET, DEMO_PUSH_SIGNING_KEY, DEMO_PUSH_PUBLIC_KEY].flatMap(
  (s) => {
    const bare = s.replace(/^wh(sec|sk|pk)_/, '');
    return [bare, base64url(bare), encodeURIComponent(bare)];
  },
);

/** Members whose value is a URL, a link or a cursor (which a client puts into a URL). */
const URL_MEMBER = /(url|uri|href|link|links|location|cursor)$/i;
const looksLikeUrl = (value: string) => /^(https?:\/\/|\/v1\/)/i.test(value);

/** Every URL-like string in a body: values of URL/link/cursor members, and strings that look like URLs. */
function urlsIn(value: unknown, pointer = '', member = ''): { pointer: string; url: string }[] {
  if (typeof value === 'string') return URL_MEMBER.test(member) || looksLikeUrl(value) ? [{ pointer, url: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => urlsIn(item, `${pointer}/${i}`, member));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urlsIn(v, `${pointer}/${pointerToken(k)}`, k));
  return [];
}

/** Why `url` carries a credential, or undefined. `secrets` are values the harness knows to be credentials. */
function credentialIn(url: string, secrets: readonly string[]): Bilingual | undefined {
  if (KEY_PREFIX.test(url)) return M.webhooksKey();
  if (CREDENTIAL_PARAMETER.test(url)) return M.credentialParameter({ name: String(CREDENTIAL_PARAMETER.exec(url)?.[1]) });
  if (USERINFO.test(url)) return M.userInformation();
  if (secrets.some((s) => s.length >= 16 && url.includes(s))) return M.secretValue();
  return undefined;
}

function scanUrls(t: TestContext, response: HttpResponse, what: Bilingual, secrets: readonly string[]): number {
  const found: { pointer: string; url: string; where: Bilingual }[] = urlsIn(response.json).map((u) => ({
    ...u,
    where: M.atMember({ what, pointer: u.pointer }),
  }));
  const location = response.headers['location'];
  if (location !== undefined) found.push({ pointer: '', url: location, where: M.atLocation({ what }) });
  for (const { url, where, pointer } of found) {
    const reason = credentialIn(url, secrets);
    t.assert(reason === undefined, reason ? M.putsInUrl({ where, reason }) : M.noCredentialInUrl({ where }), pointer ? { pointer } : {});
  }
  return found.length;
}

/** The signature value the harness sent, as it appears base64 in the Signature field. */
const sentSignature = (response: HttpResponse): string[] => {
  const value = /ecdx=:([^:]+):/.exec(response.sent.headers['signature'] ?? '')?.[1];
  return value ? [value, base64url(value), encodeURIComponent(value)] : [];
};

// --- claimed parameters -------------------------------------------------------------------------------------

/** A valid one-event PushBatch for a new waybill (sequence 1, ACCEPTED), as of the target's clock. */
function pushBatch(t: TestContext): Record<string, unknown> {
  const now = t.targetNow();
  const id = Math.floor(Math.random() * 1e12)
    .toString()
    .padStart(12, '0');
  const waybillNo = `ECDXCONF${id}`;
  const example = structuredClone((schemaByName('TrackingEvent') as { examples?: Record<string, unknown>[] }).examples?.[0] ?? {});
  const event = {
    ...example,
    eventId: `evt_${waybillNo}_0001`,
    waybillNo,
    carrierCode: HARNESS_CARRIER_CODE,
    sequence: 1,
    occurredAt: timestamp(now - 60_000),
    recordedAt: timestamp(now - 50_000),
  };
  delete (event as Record<string, unknown>)['realNameVerification'];
  // The subscription a platform test deployment holds at the demo carrier, whose v1 secret it was issued.
  const batch = {
    batchId: `bat_conf${id}`,
    subscriptionId: DEMO_PUSH_SUBSCRIPTION_ID,
    carrierCode: HARNESS_CARRIER_CODE,
    sentAt: timestamp(now),
    events: [event],
  };
  const found = violations(schemaByName('PushBatch'), batch, 3);
  if (found.length > 0) throw new Error(`harness bug: the PushBatch it built is invalid: ${found.map((v) => `${v.pointer} ${v.message}`).join('; ')}`);
  return batch;
}

/** Push `batch` signed with `key` alone; undefined when the target does not answer in time. */
async function push(t: TestContext, batch: Record<string, unknown>, key: WebhookSigningKey): Promise<HttpResponse | undefined> {
  const body = new TextEncoder().encode(JSON.stringify(batch));
  const headers = signWebhook({ id: String(batch['batchId']), timestamp: t.targetNow(), body }, key);
  try {
    return await t.http.send({
      method: 'POST',
      path: '/v1/tracking-events',
      rawBody: body,
      headers: { 'content-type': 'application/json', ...headers },
      sign: false,
      idempotencyKey: false,
    });
  } catch (error) {
    if (error instanceof TargetUnreachable) return undefined;
    throw error;
  }
}

export const keyChecks = [
  defineCheck({
    id: 'security/demo-keys-refused-in-production',
    requirements: ['ECDX-SEC-016'],
    title: 'A production deployment refuses the published demo credentials',
    description:
      'Applies to a target whose claim does not declare `testMode`: signs a GET with each published demo key ' +
      '(`ecdx-demo-…`) and expects 401 `unknown-key`. A test deployment (claim `testMode: true`) may accept them, ' +
      'so against one the check sends nothing and ends skipped, saying why.',
    async run(t) {
      const claim = t.need(t.claim, M.claimUnreadableForProduction());
      if (claim.testMode === true) t.notApplicable(M.testDeployment());
      for (const key of DEMO_KEYS) {
        const path = probePath(t);
        const response = await t.http.get(path, { sign: key });
        expectRefusal(t, response, 401, 'unknown-key', { what: M.demoKeyInProduction({ path: path.split('?')[0]!, keyid: key.keyid }) });
      }
    },
  }),
  defineCheck({
    id: 'security/no-credentials-in-urls',
    requirements: ['ECDX-SEC-017'],
    title: 'No URL the target hands out carries a credential',
    description:
      "Creates a resource with the role's creating request, reads it back where it can, and scans the Location " +
      'header and every URL, link and cursor in the bodies and in the conformance claim for Standard Webhooks keys ' +
      '(`whsec_`, `whsk_`, `whpk_`), credential parameters (`sig=`, `token=`, `key=` …), user information, the demo ' +
      'secrets and the signature the harness sent.',
    async run(t) {
      const request = creatingRequest(t);
      const created = await t.http.post(request.path, request.body);
      const secrets = [...DEMO_SECRETS, ...sentSignature(created)];
      let scanned = scanUrls(t, created, M.answerTo({ request: request.label }), secrets);
      const location = created.headers['location'];
      if (created.status >= 200 && created.status < 300 && location?.startsWith('/v1/') && credentialIn(location, secrets) === undefined) {
        const read = await t.http.get(location);
        scanned += scanUrls(t, read, verbatim(`GET ${location}`), [...secrets, ...sentSignature(read)]);
      }
      const claimUrls = urlsIn(t.rawClaim);
      const inClaim = claimUrls.flatMap(({ pointer, url }) => {
        const reason = credentialIn(url, secrets);
        return reason ? [{ message: M.claimPutsInUrl({ reason, pointer }), pointer }] : [];
      });
      const total = scanned + claimUrls.length;
      t.expectNone(inClaim, M.urlsScanned({ n: total }));
    },
  }),
  defineCheck({
    id: 'security/claimed-parameters-honoured',
    requirements: ['ECDX-CNF-004'],
    title: 'Every signature algorithm and push scheme the claim lists is accepted, and a page of maxPageSize',
    description:
      "Sends a signed GET with each algorithm in the claim's `signatureAlgorithms` for which the harness holds a " +
      'key (its own key and the second key of the same counterparty) and expects it not to be refused with 401. ' +
      'A platform test deployment that claims `platform-tracking-receiver` gets a valid push of the demo carrier\u2019s ' +
      'subscription `sub_ecdx-demo`, signed with the key of each scheme in `webhookSignatureSchemes` that a test ' +
      'deployment holds for it (chapter Test controls: the v1a key, the published v1 secret), and must accept it ' +
      '(2xx). An algorithm or scheme ' +
      'the harness holds no usable key for is reported as not exercised. For a carrier that claims ' +
      '`carrier-tracking-pull`, reads the events of a new shipment with `limit` = `maxPageSize` and expects 200.',
    async run(t) {
      const claim = t.need(t.claim, W.claimUnreadable());
      const path = probePath(t);
      const own = await t.http.get(path);
      const ownSignature = t.need(signatureOf(own), M.noOwnSignature());
      t.precondition(own.status !== 401, M.ownKeyRefusedClaim({ alg: ownSignature.alg, keyid: ownSignature.keyid }));
      const harnessRole = t.role === 'carrier' ? M.platformRole() : M.carrierRole();
      for (const alg of claim.signatureAlgorithms) {
        if (ownSignature.alg === alg) {
          t.assert(own.status !== 401, M.algAccepted({ path: path.split('?')[0]!, alg, keyid: ownSignature.keyid, status: own.status }));
        } else if (t.secondKey?.alg === alg) {
          const response = await t.http.get(probePath(t), { sign: t.secondKey });
          t.assert(response.status !== 401, M.secondAlgAccepted({ alg, path: path.split('?')[0]!, keyid: t.secondKey.keyid, status: response.status }));
        } else {
          t.blocked(M.algNotExercised({ alg, role: harnessRole }));
        }
      }
      if (t.role === 'platform' && claim.classes.some((c) => c.endsWith('/platform-tracking-receiver'))) {
        for (const scheme of claim.webhookSignatureSchemes) {
          if (claim.testMode !== true) {
            t.blocked(M.pushSchemeInProduction({ scheme }));
            continue;
          }
          const response = await push(t, pushBatch(t), demoPushKey(scheme));
          t.precondition(response !== undefined, M.pushNotAnswered({ scheme, ms: t.timeoutMs }));
          t.assert(
            response!.status >= 200 && response!.status < 300,
            M.pushAccepted({
              scheme,
              subscription: DEMO_PUSH_SUBSCRIPTION_ID,
              key: scheme === 'v1' ? M.publishedV1Secret() : M.demoV1aKey(),
              status: response!.status,
            }),
          );
        }
      }
      const pulls = claim.classes.some((c) => c.endsWith('/carrier-tracking-pull'));
      if (t.role !== 'carrier' || !pulls) return;
      const created = await t.http.post('/v1/shipments', shipmentBody(t));
      const waybillNo = (created.json as { waybillNo?: unknown } | undefined)?.waybillNo;
      t.precondition(created.status === 201 && typeof waybillNo === 'string', M.noWaybillForPage({ status: created.status }));
      const page = await t.http.get(`/v1/shipments/${encodeURIComponent(waybillNo as string)}/events?limit=${claim.maxPageSize}`);
      t.assert(page.status === 200, M.maxPageServed({ size: claim.maxPageSize, status: page.status }));
    },
  }),
];
