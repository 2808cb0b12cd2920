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
function credentialIn(url: string, secrets: readonly string[]): string | undefined {
  if (KEY_PREFIX.test(url)) return 'a Standard Webhooks key or secret (whsec_/whsk_/whpk_)';
  if (CREDENTIAL_PARAMETER.test(url)) return `a credential parameter (${CREDENTIAL_PARAMETER.exec(url)?.[1]}=)`;
  if (USERINFO.test(url)) return 'user information (user:password@)';
  if (secrets.some((s) => s.length >= 16 && url.includes(s))) return 'a signature or secret value';
  return undefined;
}

function scanUrls(t: TestContext, response: HttpResponse, what: string, secrets: readonly string[]): number {
  const found = urlsIn(response.json).map((u) => ({ ...u, where: `${what}, member ${u.pointer}` }));
  const location = response.headers['location'];
  if (location !== undefined) found.push({ pointer: '', url: location, where: `${what}, Location header` });
  for (const { url, where, pointer } of found) {
    const reason = credentialIn(url, secrets);
    t.assert(reason === undefined, reason ? `${where} puts ${reason} in a URL` : `${where}: no credential in the URL`, pointer ? { pointer } : {});
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
      const claim = t.need(t.claim, 'the conformance claim could not be read, so the harness cannot tell a production deployment from a test one');
      if (claim.testMode === true) {
        t.notApplicable(
          'the target claims testMode: it is a test deployment, which may accept the demo credentials (ECDX-SEC-016 binds production deployments only), so they were not sent',
        );
      }
      for (const key of DEMO_KEYS) {
        const path = probePath(t);
        const response = await t.http.get(path, { sign: key });
        expectRefusal(t, response, 401, 'unknown-key', {
          what: `production deployment: GET ${path.split('?')[0]} signed with the published demo key ${key.keyid}`,
        });
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
      let scanned = scanUrls(t, created, `the answer to ${request.label}`, secrets);
      const location = created.headers['location'];
      if (created.status >= 200 && created.status < 300 && location?.startsWith('/v1/') && credentialIn(location, secrets) === undefined) {
        const read = await t.http.get(location);
        scanned += scanUrls(t, read, `GET ${location}`, [...secrets, ...sentSignature(read)]);
      }
      const claimUrls = urlsIn(t.rawClaim);
      const inClaim = claimUrls.flatMap(({ pointer, url }) => {
        const reason = credentialIn(url, secrets);
        return reason ? [{ message: `the conformance claim puts ${reason} in the URL at ${pointer}`, pointer }] : [];
      });
      const total = scanned + claimUrls.length;
      t.expectNone(inClaim, `${total} URL${total === 1 ? '' : 's'} scanned, none carries a credential`);
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
      const claim = t.need(t.claim, 'the conformance claim could not be read');
      const path = probePath(t);
      const own = await t.http.get(path);
      const ownSignature = t.need(signatureOf(own), 'the harness could not read back its own signature parameters');
      t.precondition(
        own.status !== 401,
        `a GET signed with the harness's own ${ownSignature.alg} key (keyid ${ownSignature.keyid}) was refused with 401, so the target does not know the harness's key`,
      );
      const harnessRole = t.role === 'carrier' ? 'platform' : 'carrier';
      for (const alg of claim.signatureAlgorithms) {
        if (ownSignature.alg === alg) {
          t.assert(own.status !== 401, `GET ${path.split('?')[0]} signed with ${alg} (keyid ${ownSignature.keyid}) is accepted (got ${own.status})`);
        } else if (t.secondKey?.alg === alg) {
          const response = await t.http.get(probePath(t), { sign: t.secondKey });
          t.assert(
            response.status !== 401,
            `the claim lists ${alg}, so GET ${path.split('?')[0]} correctly signed with ${alg} (keyid ${t.secondKey.keyid}) is accepted: got ${response.status}`,
          );
        } else {
          t.blocked(`${alg} is listed, but the harness holds no ${alg} key for the ${harnessRole} role, so it was not exercised`);
        }
      }
      if (t.role === 'platform' && claim.classes.some((c) => c.endsWith('/platform-tracking-receiver'))) {
        for (const scheme of claim.webhookSignatureSchemes) {
          if (claim.testMode !== true) {
            t.blocked(
              `the push scheme ${scheme} is listed, but the harness holds only the demo push keys, which a production deployment refuses, so it was not exercised`,
            );
            continue;
          }
          const response = await push(t, pushBatch(t), demoPushKey(scheme));
          t.precondition(response !== undefined, `the push signed with ${scheme} was not answered within ${t.timeoutMs} ms`);
          t.assert(
            response!.status >= 200 && response!.status < 300,
            `the claim lists ${scheme}, so a valid push of the demo carrier's subscription ${DEMO_PUSH_SUBSCRIPTION_ID} signed with ${scheme === 'v1' ? 'its published v1 secret' : "the demo carrier's v1a key"} alone is accepted: expected 2xx, got ${response!.status}`,
          );
        }
      }
      const pulls = claim.classes.some((c) => c.endsWith('/carrier-tracking-pull'));
      if (t.role !== 'carrier' || !pulls) return;
      const created = await t.http.post('/v1/shipments', shipmentBody(t));
      const waybillNo = (created.json as { waybillNo?: unknown } | undefined)?.waybillNo;
      t.precondition(
        created.status === 201 && typeof waybillNo === 'string',
        `POST /v1/shipments was answered ${created.status}, so there is no waybill to read a page of`,
      );
      const page = await t.http.get(`/v1/shipments/${encodeURIComponent(waybillNo as string)}/events?limit=${claim.maxPageSize}`);
      t.assert(
        page.status === 200,
        `the claim publishes maxPageSize ${claim.maxPageSize}, so GET …/events?limit=${claim.maxPageSize} is served: expected HTTP 200, got ${page.status}`,
      );
    },
  }),
];
