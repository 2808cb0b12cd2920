// The test actions as the kit sends them: the session's URL named as the counterparty, no Idempotency-Key, and a
// target that does not list or answer an action leaves the check precondition-failed, never passed.
import { afterEach, describe, expect, it } from 'vitest';
import { PreconditionFailed } from '../harness/check.ts';
import { CounterpartyServer, type CounterpartySession } from '../harness/counterparty/server.ts';
import { scriptedClaim, scriptedContext, type Script } from '../harness/scripted-target.ts';
import { demoCredentials } from '../../protocol/index.ts';
import { act, sentBy } from './client-actions.ts';
import { verbatim } from '../i18n/text.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const claim = scriptedClaim('platform', ['client'], { testMode: true, testActions: ['send-shipment', 'notify-incident'] });

function context(script: Script) {
  const scripted = scriptedContext({ role: 'platform', claim, script });
  close = scripted.close;
  return scripted;
}

const session = { url: 'http://127.0.0.1:9/c/x', requests: [] } as unknown as CounterpartySession;

describe('act', () => {
  it('posts the action towards the session, without an Idempotency-Key, and returns the outcome', async () => {
    const { t, requests } = context(() => ({ status: 200, json: { action: 'send-shipment', outcome: 'DONE', requests: 1 } }));
    expect(await act(t, session, { action: 'send-shipment' })).toEqual({ action: 'send-shipment', outcome: 'DONE', requests: 1 });
    expect(JSON.parse(requests[0]!.body)).toEqual({ action: 'send-shipment', counterparty: 'http://127.0.0.1:9/c/x' });
    expect(requests[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('ends precondition-failed for an action the claim does not list, without asking', async () => {
    const { t, requests } = context(() => ({ status: 200, json: {} }));
    await expect(act(t, session, { action: 'subscribe' })).rejects.toThrow(PreconditionFailed);
    expect(requests).toEqual([]);
  });

  it('ends precondition-failed when the answer is no outcome of the action', async () => {
    const { t } = context(() => ({ status: 404, json: { title: 'not served' } }));
    await expect(act(t, session, { action: 'notify-incident' })).rejects.toThrow('answered 404');
    const other = context(() => ({ status: 200, json: { action: 'send-shipment', outcome: 'DONE', requests: 0 } }));
    await expect(act(other.t, session, { action: 'notify-incident' })).rejects.toThrow('did not answer a TestActionOutcome');
  });
});

describe('sentBy', () => {
  it('returns the request the action sent, and fails when none came', async () => {
    const server = await CounterpartyServer.start({ role: 'carrier', clientKeys: [demoCredentials.platform.verificationKey] });
    try {
      const { t } = context(() => ({ status: 404 }));
      const live = server.session();
      await fetch(`${live.url}/v1/security-incidents`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      expect((await sentBy(t, live, 'receiveSecurityIncident', verbatim('incident'))).seq).toBe(1);
      await expect(sentBy(t, live, 'createShipment', verbatim('shipping data'))).rejects.toThrow('sent no shipping data to the harness');
    } finally {
      await server.close();
    }
  });
});
