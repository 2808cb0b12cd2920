import { afterEach, describe, expect, it } from 'vitest';
import { isValid } from '../../schemas/validate.ts';
import { PreconditionFailed } from '../harness/check.ts';
import { scriptedClaim, scriptedContext } from '../harness/scripted-target.ts';
import { creatingKind, creatingRequest, invalidBody, optionalCreatingRequest, optionalProbePath, probePath, resend, signatureOf } from './requests.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

function context(...args: Parameters<typeof scriptedContext>) {
  const scripted = scriptedContext(...args);
  close = scripted.close;
  return scripted;
}

describe('kit/requests', () => {
  it('builds the creating request of the role, valid against its schema and fresh each time', () => {
    const carrier = context({ role: 'carrier', claim: scriptedClaim('carrier', ['carrier-shipping']) }).t;
    const shipment = creatingRequest(carrier);
    expect([shipment.kind, shipment.label]).toEqual(['shipment', 'POST /v1/shipments']);
    expect(isValid('ShipmentRequest', shipment.body)).toBe(true);
    expect(shipment.fresh()['platformOrderId']).not.toBe(shipment.body['platformOrderId']);

    const platform = scriptedContext({ role: 'platform', claim: scriptedClaim('platform', ['notices', 'incidents']) }).t;
    expect(creatingKind(platform)).toBe('notice');
    expect(creatingKind(platform, ['incident', 'notice'])).toBe('incident');
    expect(isValid('InterruptionNoticeRequest', creatingRequest(platform).body)).toBe(true);
    expect(isValid('SecurityIncident', creatingRequest(platform, ['incident']).body)).toBe(true);
  });

  it('ends the check precondition-failed when the target serves no creating request the harness can send', () => {
    const { t } = context({ role: 'platform', claim: scriptedClaim('platform', ['statistics']) });
    expect(optionalCreatingRequest(t)).toBeUndefined();
    expect(() => creatingRequest(t)).toThrow(PreconditionFailed);
    expect(t.evidence.at(-1)).toMatchInlineSnapshot(`
      {
        "kind": "assertion",
        "message": "precondition: the target claims none of the classes whose creating requests the harness can send (notices, incidents)",
        "passed": false,
        "translations": {
          "zh-Hans": {
            "message": "前提条件：被测实现未声明一致性测试套件能发送其创建类请求的任何一致性类别（notices，incidents）",
          },
        },
      }
    `);
  });

  it('breaks a body in the two places it names, one holding a mobile number', () => {
    const { t } = context({ role: 'carrier', claim: scriptedClaim('carrier', ['carrier-shipping']) });
    const { body, pointers } = invalidBody(creatingRequest(t));
    expect(pointers).toEqual(['/recipient/phone', '/package/count']);
    expect(isValid('ShipmentRequest', body)).toBe(false);
    expect(JSON.stringify(body)).toMatch(/1381234567/);
  });

  it('knows a cheap signed GET for each kind of target, or none', () => {
    expect(optionalProbePath(context({ role: 'carrier', claim: scriptedClaim('carrier') }).t)).toMatch(/^\/v1\/shipments\/ECDXPROBE\d+$/);
    expect(optionalProbePath(scriptedContext({ role: 'platform', claim: scriptedClaim('platform', ['notices']) }).t)).toMatch(
      /^\/v1\/interruption-notices\/ecdx-conf-probe-/,
    );
    expect(optionalProbePath(scriptedContext({ role: 'platform', claim: scriptedClaim('platform', ['statistics']) }).t)).toMatch(
      /^\/v1\/statistics\/sharing\?from=/,
    );
    const bare = scriptedContext({ role: 'platform', claim: scriptedClaim('platform') }).t;
    expect(optionalProbePath(bare)).toBeUndefined();
    expect(() => probePath(bare)).toThrow(PreconditionFailed);
  });

  it('reads back its own signature and replays a request byte for byte', async () => {
    const { t, requests } = context({ role: 'carrier', claim: scriptedClaim('carrier'), script: () => ({ status: 200, json: {} }) });
    const first = await t.http.post('/v1/shipments', { a: 1 });
    expect(signatureOf(first)).toEqual({ keyid: 'ecdx-demo-platform-ed25519', alg: 'ed25519' });
    await resend(t, first);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.body).toBe(requests[0]!.body);
    expect(requests[1]!.headers['signature']).toBe(requests[0]!.headers['signature']);
    expect(requests[1]!.headers['idempotency-key']).toBe(requests[0]!.headers['idempotency-key']);
    expect(signatureOf({ ...first, sent: { ...first.sent, headers: {} } })).toBeUndefined();
  });
});
