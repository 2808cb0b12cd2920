import { readFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEMO_WEBHOOK_SECRET,
  demoCredentials,
  formatWebhookKey,
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  type WebhookVerificationKey,
} from '../../protocol/index.ts';
import type { Subscription } from '../../schemas/src/index.ts';
import { MINUTE, SECOND } from '../../schemas/time.ts';
import { violations } from '../../schemas/validate.ts';
import { PreconditionFailed } from '../harness/check.ts';
import { TargetClient, TargetUnreachable, type HttpResponse } from '../harness/client.ts';
import { Fixtures, TestContext, type RunEnvironment } from '../harness/context.ts';
import type { Delivery } from '../harness/receiver.ts';
import { SCRIPTED_TARGET, scriptedClaim, scriptedContext, scriptedDispatcher, type Script, type ScriptedRequest } from '../harness/scripted-target.ts';
import {
  acknowledgementOf,
  batchIdOf,
  createPushShipment,
  DEMO_PUSH_SUBSCRIPTION_ID,
  demoPushKey,
  eventsOf,
  foreignShipment,
  harnessWaybill,
  is2xx,
  isTimeout,
  pushBatch,
  pushSigningKey,
  repeatsOf,
  sendPush,
  settle,
  subscribe,
  subscriptionIdOf,
  subscriptionPath,
  subscriptionRequest,
  trackingEvent,
  trajectoryEvents,
  unknownPushKey,
  unsubscribeAll,
  verificationKeyFor,
  verifyDelivery,
  waitUntil,
  webhookTimestamp,
} from './pushes.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await close?.();
  close = undefined;
});

const carrierClaim = scriptedClaim('carrier', ['carrier-shipping', 'carrier-tracking-push'], { testMode: true, webhookSignatureSchemes: ['v1a', 'v1'] });

/** The harness as platform, towards a carrier answering `script`. */
function carrier(script?: Script) {
  const scripted = scriptedContext({ role: 'carrier', claim: carrierClaim, ...(script ? { script } : {}) });
  close = scripted.close;
  return scripted;
}

/** The harness as carrier, towards a platform accepting `schemes` and answering `script`. */
function platform(script?: Script, schemes: ('v1a' | 'v1')[] = ['v1a']) {
  const claim = scriptedClaim('platform', ['platform-tracking-receiver'], { webhookSignatureSchemes: schemes });
  const scripted = scriptedContext({ role: 'platform', claim, ...(script ? { script } : {}) });
  close = scripted.close;
  return scripted;
}

/** As `carrier`, in a run that has a second platform key (scriptedContext has none). */
function carrierWithSecondKey(script: Script) {
  const { dispatcher, requests } = scriptedDispatcher(script);
  const key = demoCredentials.platform.signingKey;
  const env: RunEnvironment = {
    role: 'carrier',
    baseUrl: SCRIPTED_TARGET,
    claim: carrierClaim,
    rawClaim: carrierClaim,
    client: (record) => new TargetClient({ baseUrl: SCRIPTED_TARGET, key, timeoutMs: 2_000, clockOffset: () => 0, record, dispatcher }),
    secondKey: demoCredentials.platformHmac,
    receiver: undefined,
    timeoutMs: 2_000,
    settleMs: 50,
    seed: 1,
    fuzzRuns: 10,
    clockOffset: { value: 0 },
    fixtures: new Fixtures(),
  };
  close = () => dispatcher.close();
  return { t: new TestContext(env), requests };
}

/** A valid Shipment for the ShipmentRequest in `request`. */
const shipmentCreated = (request: ScriptedRequest, waybillNo: string) => ({
  status: 201,
  headers: { location: `/v1/shipments/${waybillNo}` },
  json: {
    waybillNo,
    carrierCode: 'ECDXDEMO',
    status: 'CREATED',
    request: JSON.parse(request.body),
    createdAt: '2026-03-01T09:30:02+08:00',
    updatedAt: '2026-03-01T09:30:02+08:00',
  },
});

const keyidOf = (request: ScriptedRequest): string | undefined => /keyid="([^"]+)"/.exec(request.headers['signature-input'] ?? '')?.[1];

const response = (status: number, json: unknown): HttpResponse => ({
  status,
  headers: {},
  text: JSON.stringify(json ?? ''),
  json,
  durationMs: 1,
  sent: { method: 'POST', url: `${SCRIPTED_TARGET}/v1/subscriptions`, headers: {}, body: undefined },
});

const delivery = (json: unknown, headers: Record<string, string> = {}, receivedAt = 1_000): Delivery => {
  const body = Buffer.from(JSON.stringify(json));
  return { path: '/callbacks/x/v1/tracking-events', headers, body, json, receivedAt, answeredStatus: 200 };
};

/** A delivery as a carrier signs it with `key`, at `at`. */
function signedDelivery(json: { batchId: string }, key = demoCredentials.push.v1a.signingKey, at = Date.parse('2026-03-01T01:30:00Z')): Delivery {
  const body = JSON.stringify(json);
  return { ...delivery(json, { ...signWebhook({ id: json.batchId, timestamp: at, body }, key) }), body: Buffer.from(body) };
}

const event = (eventId: string, waybillNo = 'ECDXDEMO0000000001', sequence = 1) => ({ eventId, waybillNo, sequence, status: 'ACCEPTED' });

describe('kit/pushes: waiting', () => {
  it('waits until a condition holds, or gives up after the time allowed', async () => {
    const { t } = carrier();
    let ready = false;
    setTimeout(() => (ready = true), 30);
    expect(await waitUntil(t, () => ready, 1_000, 5)).toBe(true);
    const started = Date.now();
    expect(await waitUntil(t, () => false, 60, 5)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('settles for the run\u2019s settle time', async () => {
    const { t } = carrier(); // settleMs 50
    vi.useFakeTimers();
    let settled = false;
    void settle(t).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(49);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it('reads the sockets once more before it says that what it waited for did not come', async () => {
    const { t } = carrier();
    // A push that reaches a busy harness: it is written to a socket while the harness is blocked past its deadline,
    // so that when the harness runs again the timer of its wait is due before the socket has been read.
    let arrived = false;
    const server = createServer((socket) => socket.on('data', () => (arrived = true)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise((resolve) => client.once('connect', resolve));
    try {
      const waiting = waitUntil(t, () => arrived, 10, 5);
      setImmediate(() => {
        client.write('push');
        const blockedUntil = Date.now() + 30;
        while (Date.now() < blockedUntil) {
          // busy: nothing else runs
        }
      });
      expect(await waiting).toBe(true);
    } finally {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('kit/pushes: shipments and subscriptions (carrier targets)', () => {
  it('creates a shipment on the regular path and returns its waybill number', async () => {
    const { t, requests } = carrier((r) => shipmentCreated(r, 'ECDXDEMO0000000042'));
    expect(await createPushShipment(t)).toBe('ECDXDEMO0000000042');
    expect(JSON.parse(requests[0]!.body).platformOrderId).toMatch(/^ecdx-happy-/);
  });

  it('ends the check precondition-failed when no shipment is created', async () => {
    const { t } = carrier(() => ({ status: 503, json: {} }));
    await expect(createPushShipment(t)).rejects.toThrow(PreconditionFailed);
  });

  it('ships as another platform with the second key, when there is one and the target accepts it', async () => {
    expect(await foreignShipment(carrier().t)).toBeUndefined();
    const { t, requests } = carrierWithSecondKey((r) => shipmentCreated(r, 'ECDXDEMO0000000077'));
    expect(await foreignShipment(t)).toBe('ECDXDEMO0000000077');
    expect(keyidOf(requests[0]!)).toBe(demoCredentials.platformHmac.keyid);
    const refused = carrierWithSecondKey(() => ({ status: 401, json: {} }));
    expect(await foreignShipment(refused.t)).toBeUndefined();
  });

  it('writes subscription requests for waybills or for ALL', () => {
    expect(subscriptionRequest({ callbackUrl: 'https://p.example/cb', waybillNos: ['SF1'], statuses: ['SORTING'], scheme: 'v1' })).toMatchInlineSnapshot(`
      {
        "callbackUrl": "https://p.example/cb",
        "scope": {
          "type": "WAYBILLS",
          "waybillNos": [
            "SF1",
          ],
        },
        "signatureScheme": "v1",
        "statuses": [
          "SORTING",
        ],
      }
    `);
    expect(subscriptionRequest({ callbackUrl: 'https://p.example/cb', scheme: 'v1a' })).toEqual({
      callbackUrl: 'https://p.example/cb',
      scope: { type: 'ALL' },
      signatureScheme: 'v1a',
    });
  });

  it('reads a subscriptionId only when it can stand in a path, and writes the path escaped', () => {
    expect(subscriptionIdOf(response(201, { subscriptionId: 'sub_7Q2M1' }))).toBe('sub_7Q2M1');
    expect(subscriptionIdOf(response(201, { subscriptionId: '../admin' }))).toBeUndefined();
    expect(subscriptionIdOf(response(201, { subscriptionId: 7 }))).toBeUndefined();
    expect(subscriptionIdOf(response(500, undefined))).toBeUndefined();
    expect(subscriptionPath('sub 1/2')).toBe('/v1/subscriptions/sub%201%2F2');
  });

  it('subscribes, collecting the id for the clean-up', async () => {
    const subscription = {
      subscriptionId: 'sub_1',
      callbackUrl: 'https://p.example/cb',
      scope: { type: 'ALL' },
      signatureScheme: 'v1a',
      state: 'ACTIVE',
      createdAt: '2026-03-01T08:00:00+08:00',
    };
    const { t } = carrier(() => ({ status: 201, json: subscription }));
    const created: string[] = [];
    expect(await subscribe(t, { callbackUrl: 'https://p.example/cb', scheme: 'v1a' }, created)).toEqual(subscription);
    expect(created).toEqual(['sub_1']);
  });

  it('ends the check precondition-failed on a v1 subscription without a secret, still collecting its id', async () => {
    const { t } = carrier(() => ({ status: 201, json: { subscriptionId: 'sub_2', signatureScheme: 'v1', createdAt: '2026-03-01T08:00:00+08:00' } }));
    const created: string[] = [];
    await expect(subscribe(t, { callbackUrl: 'https://p.example/cb', scheme: 'v1' }, created)).rejects.toThrow(PreconditionFailed);
    expect(created).toEqual(['sub_2']);
    expect(t.evidence.at(-1)).toMatchInlineSnapshot(`
      {
        "kind": "assertion",
        "message": "precondition: the new v1 subscription came without a whsec_ secret, so its pushes cannot be verified",
        "passed": false,
        "translations": {
          "zh-Hans": {
            "message": "前提条件：新的 v1 订阅未带 whsec_ 共享密钥，因此无法验证其推送",
          },
        },
      }
    `);
  });

  it('ends the check precondition-failed when the subscription is not created', async () => {
    const { t } = carrier(() => ({ status: 422, json: {} }));
    const created: string[] = [];
    await expect(subscribe(t, { callbackUrl: 'https://p.example/cb', scheme: 'v1a' }, created)).rejects.toThrow(
      'POST /v1/subscriptions (v1a) was answered 422 without a subscriptionId, so no push can be observed',
    );
    expect(created).toEqual([]);
  });

  it('deletes every subscription, whatever the target answers or fails to', async () => {
    const { t, requests } = carrier((r) => {
      if (r.path.endsWith('/sub_1')) throw new Error('connection reset');
      return { status: 500, json: {} };
    });
    await expect(unsubscribeAll(t, ['sub_1', 'sub_2'])).resolves.toBeUndefined();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /v1/subscriptions/sub_1', 'DELETE /v1/subscriptions/sub_2']);
  });
});

describe('kit/pushes: deliveries (carrier targets)', () => {
  it('reads the events and batchId of a delivery loosely', () => {
    const d = delivery({ batchId: 'bat_1', events: [event('e1'), { sequence: 2 }, 'junk', null] });
    expect(eventsOf(d).map((e) => e.eventId)).toEqual(['e1']);
    expect(batchIdOf(d)).toBe('bat_1');
    expect(eventsOf(delivery('not a batch'))).toEqual([]);
    expect(batchIdOf(delivery({ batchId: 3 }))).toBeUndefined();
  });

  it('reads webhook-timestamp as milliseconds, and nothing else as a time', () => {
    expect(webhookTimestamp(delivery({}, { 'webhook-timestamp': '1772328600' }))).toBe(Date.parse('2026-03-01T01:30:00Z'));
    expect(webhookTimestamp(delivery({}, { 'webhook-timestamp': '1772328600.5' }))).toBeUndefined();
    expect(webhookTimestamp(delivery({}, { 'webhook-timestamp': '-1' }))).toBeUndefined();
    expect(webhookTimestamp(delivery({}))).toBeUndefined();
  });

  it('verifies a delivery\u2019s signature at the time it carries, however old', () => {
    const old = signedDelivery({ batchId: 'bat_1' }, demoCredentials.push.v1a.signingKey, Date.parse('2020-01-01T00:00:00Z'));
    expect(verifyDelivery(old, demoCredentials.push.v1a.verificationKey).ok).toBe(true);
    expect(verifyDelivery(old, demoCredentials.push.v1).ok).toBe(false);
    expect(verifyDelivery({ ...old, body: Buffer.from('{"batchId":"bat_2"}') }, demoCredentials.push.v1a.verificationKey).ok).toBe(false);
  });

  it('finds the key a subscription\u2019s pushes verify with', () => {
    const subscription = (signatureScheme: 'v1a' | 'v1', secret?: string) =>
      ({ subscriptionId: 's', signatureScheme, ...(secret ? { secret } : {}) }) as Subscription;
    const secret = generateWebhookSecret();
    const ownSecret = formatWebhookKey(secret);
    const signed = signedDelivery({ batchId: 'bat_1' }, secret);
    expect(verificationKeyFor(subscription('v1a'))).toBe(demoCredentials.push.v1a.verificationKey);
    expect(verifyDelivery(signed, verificationKeyFor(subscription('v1', ownSecret)) as WebhookVerificationKey).ok).toBe(true);
    expect(verificationKeyFor(subscription('v1', 'not a secret'))).toBeUndefined();
    expect(verificationKeyFor(subscription('v1'))).toBeUndefined();
  });

  it('recognises a retry by its events, its batchId or its webhook-id, never an earlier delivery', () => {
    const first = delivery({ batchId: 'bat_1', events: [event('e1')] }, { 'webhook-id': 'bat_1' }, 2_000);
    const sameEvents = delivery({ batchId: 'bat_9', events: [event('e1')] }, { 'webhook-id': 'bat_9' }, 3_000);
    const sameBatch = delivery({ batchId: 'bat_1', events: [] }, {}, 3_000);
    const sameWebhookId = delivery({}, { 'webhook-id': 'bat_1' }, 3_000);
    const other = delivery({ batchId: 'bat_2', events: [event('e2')] }, { 'webhook-id': 'bat_2' }, 3_000);
    const earlier = delivery({ batchId: 'bat_1', events: [event('e1')] }, { 'webhook-id': 'bat_1' }, 1_000);
    expect(repeatsOf([earlier, first, sameEvents, sameBatch, sameWebhookId, other], first)).toEqual([sameEvents, sameBatch, sameWebhookId]);
  });
});

describe('kit/pushes: events and batches (platform targets)', () => {
  const instant = Date.parse('2026-03-01T01:30:00Z');

  it('makes waybill numbers nobody issued', () => {
    expect(harnessWaybill()).toMatch(/^ECDXT\d{12}$/);
    expect(harnessWaybill()).not.toBe(harnessWaybill());
  });

  it('builds a valid tracking event recorded `age` before the target\u2019s now', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: instant });
    const { t } = platform();
    const e = trackingEvent(t, 'ECDXT000000000001', 3, 'EXCEPTION', { subStatus: 'EXCEPTION_DAMAGED', age: 10 * MINUTE, tag: 'x' });
    expect(violations('TrackingEvent', e)).toEqual([]);
    expect(e).toMatchInlineSnapshot(`
      {
        "carrierCode": "ECDXDEMO",
        "description": "快件外包装破损，已重新包装",
        "eventId": "evt_x_ECDXT000000000001_3",
        "location": {
          "divisionCode": "440305",
          "facilityCode": "SZ755-NS",
          "facilityName": "深圳南山科技园营业点",
        },
        "node": "TRANSPORT",
        "occurredAt": "2026-03-01T09:19:20+08:00",
        "recordedAt": "2026-03-01T09:20:00+08:00",
        "sequence": 3,
        "status": "EXCEPTION",
        "subStatus": "EXCEPTION_DAMAGED",
        "terminal": false,
        "waybillNo": "ECDXT000000000001",
      }
    `);
    expect(trackingEvent(t, 'ECDXT000000000001', 4, 'DELIVERED').terminal).toBe(true);
    expect(trackingEvent(t, 'ECDXT000000000001', 4, 'DELIVERED').recordedAt).toBe('2026-03-01T09:28:00+08:00');
  });

  it('builds the events of one trajectory along the regular path, a minute apart, the last a minute old', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: instant });
    const { t } = platform();
    const events = trajectoryEvents(t, [1, 2, 3]);
    expect(events.map((e) => `${e.sequence} ${e.status} ${e.recordedAt}`)).toEqual([
      '1 ACCEPTED 2026-03-01T09:27:00+08:00',
      '2 IN_TRANSIT 2026-03-01T09:28:00+08:00',
      '3 SORTING 2026-03-01T09:29:00+08:00',
    ]);
    expect(new Set(events.map((e) => e.waybillNo)).size).toBe(1);
    expect(new Set(events.map((e) => e.eventId.split('_')[1])).size).toBe(1);
    expect(trajectoryEvents(t, [1])[0]!.eventId).not.toBe(trajectoryEvents(t, [1])[0]!.eventId);
    expect(trajectoryEvents(t, [2], 'ECDXT000000000009')[0]!.waybillNo).toBe('ECDXT000000000009');
  });

  it('wraps events in a valid PushBatch, sent now', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: instant });
    const { t } = platform();
    const batch = pushBatch(t, trajectoryEvents(t, [1, 2]));
    expect(violations('PushBatch', batch)).toEqual([]);
    expect(batch.batchId).toMatch(/^bat_[0-9a-f]{12}$/);
    expect(batch.sentAt).toBe('2026-03-01T09:30:00+08:00');
    expect(pushBatch(t, [], 'bat_given').batchId).toBe('bat_given');
  });

  it('names the subscription a platform test deployment holds at the demo carrier, as the Test controls chapter does', () => {
    const { t } = platform();
    expect(pushBatch(t, []).subscriptionId).toBe(DEMO_PUSH_SUBSCRIPTION_ID);
    const chapter = readFileSync(new URL('../../spec/text/95-test-controls.md', import.meta.url), 'utf8');
    expect(chapter).toContain(`\`${DEMO_PUSH_SUBSCRIPTION_ID}\``);
  });
});

describe('kit/pushes: pushing (platform targets)', () => {
  it('signs with the demo key of the scheme the platform accepts, or an unknown key of that scheme', () => {
    expect(demoPushKey('v1a')).toBe(demoCredentials.push.v1a.signingKey);
    // The v1 secret a test deployment holds for the demo subscription: the published demo secret.
    expect(formatWebhookKey(demoPushKey('v1'))).toBe(DEMO_WEBHOOK_SECRET);
    expect(pushSigningKey(platform().t).scheme).toBe('v1a');
    expect(pushSigningKey(platform(undefined, ['v1']).t)).toBe(demoCredentials.push.v1);
    for (const schemes of [['v1a'], ['v1']] as const) {
      const { t } = platform(undefined, [...schemes]);
      const unknown = unknownPushKey(t);
      expect(unknown.scheme).toBe(pushSigningKey(t).scheme);
      const headers = signWebhook({ id: 'bat_1', timestamp: Date.now(), body: '{}' }, unknown);
      const known = schemes[0] === 'v1a' ? demoCredentials.push.v1a.verificationKey : demoCredentials.push.v1;
      expect(verifyWebhook(headers, '{}', known).ok).toBe(false);
    }
  });

  it('posts a push signed per Standard Webhooks, its webhook-id the batchId, without a request signature', async () => {
    const { t, requests } = platform(() => ({ status: 200, json: { batchId: 'bat_1', received: 0, duplicates: 0 } }));
    const batch = pushBatch(t, [], 'bat_1');
    const answer = await sendPush(t, { body: batch });
    expect(answer.status).toBe(200);
    const sent = requests[0]!;
    expect(`${sent.method} ${sent.path}`).toBe('POST /v1/tracking-events');
    expect(sent.headers['webhook-id']).toBe('bat_1');
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.headers['signature-input']).toBeUndefined();
    expect(sent.headers['idempotency-key']).toBeUndefined();
    expect(JSON.parse(sent.body)).toEqual(batch);
    expect(verifyWebhook(sent.headers, sent.body, demoCredentials.push.v1a.verificationKey, { now: t.targetNow() }).ok).toBe(true);
  });

  it('sends a push as told: at another time, with headers removed, or its body changed after signing', async () => {
    const { t, requests } = platform(() => ({ status: 401, json: {} }));
    const batch = pushBatch(t, [], 'bat_2');
    const at = Date.parse('2026-03-01T01:30:00Z');
    await sendPush(t, { body: batch, at });
    await sendPush(t, { body: batch, headers: { 'webhook-signature': undefined } });
    await sendPush(t, { body: batch, alterBody: (text) => text.replace('bat_2', 'bat_3') });
    await sendPush(t, { rawBody: '{"events": [', id: 'bat_raw' });
    const [timed, unsigned, altered, raw] = requests;
    expect(timed!.headers['webhook-timestamp']).toBe(String(at / SECOND));
    expect(unsigned!.headers['webhook-signature']).toBeUndefined();
    expect(JSON.parse(altered!.body).batchId).toBe('bat_3');
    expect(verifyWebhook(altered!.headers, altered!.body, demoCredentials.push.v1a.verificationKey, { now: t.targetNow() }).ok).toBe(false);
    expect([raw!.body, raw!.headers['webhook-id']]).toEqual(['{"events": [', 'bat_raw']);
  });

  it('tells a timeout from other failures to answer', () => {
    expect(isTimeout(new TargetUnreachable('POST /v1/tracking-events: no answer within 17000 ms'))).toBe(true);
    expect(isTimeout(new TargetUnreachable('POST /v1/tracking-events: connection refused'))).toBe(false);
    expect(isTimeout(new Error('no answer within 5 ms'))).toBe(false);
  });

  it('reads a 2xx and its acknowledgement, when it carries a readable one', () => {
    expect([199, 200, 204, 299, 300, 401].map((s) => is2xx(response(s, undefined)))).toEqual([false, true, true, true, false, false]);
    expect(acknowledgementOf(response(200, { batchId: 'bat_1', received: 3, duplicates: 1, extra: true }))).toEqual({
      batchId: 'bat_1',
      received: 3,
      duplicates: 1,
    });
    expect(acknowledgementOf(response(200, { batchId: 'bat_1', received: 3 }))).toBeUndefined();
    expect(acknowledgementOf(response(202, 'queued'))).toBeUndefined();
    expect(acknowledgementOf(response(204, undefined))).toBeUndefined();
  });
});
