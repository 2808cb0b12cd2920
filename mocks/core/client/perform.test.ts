// POST /v1/test/actions against a small counterparty: each action sends what its duties ask, answers DONE with what
// it created and how many requests it sent, FAILED (never a 5xx) when the counterparty refuses or is gone, and 404
// where the mock's role or its mode does not offer it. Notices issued are held and answerable; gaps are repaired.
import { afterEach, describe, expect, it } from 'vitest';
import { checkNewNotice, minimumLeadTimeSeconds } from '../../../schemas/notice-rules.ts';
import type { InterruptionNotice, InterruptionNoticeRequest, PartyRole, SecurityIncident, ShipmentRequest } from '../../../schemas/src/index.ts';
import { isValid } from '../../../schemas/validate.ts';
import { significantMaintenance } from '../../test-support/notices.ts';
import { send } from '../../testing.ts';
import { demoCredentials } from '../../../protocol/index.ts';
import { createMock, type Mock, type MockOptions } from '../mock.ts';
import { timestampAt } from '../operations/discovery.ts';
import { receivedEventsOf } from '../operations/receiver.ts';
import { trackingEvent } from '../push/test-support.ts';
import { performTestAction } from './perform.ts';
import { act, pushTo, startCounterparty, type TestCounterparty } from './test-support.ts';

const START = Date.parse('2026-03-01T09:30:00+08:00');
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});
const mockOf = (options: MockOptions = {}): Mock => {
  const mock = createMock({ role: 'platform', clockSpeed: 0, clockStart: START, selfCheck: true, ...options });
  open.push(mock);
  return mock;
};
const counterparty = async (role: PartyRole = 'carrier', schemes?: string[]): Promise<TestCounterparty> => {
  const c = await startCounterparty(role, schemes);
  open.push(c);
  return c;
};
const events = (waybillNo: string, sequences: number[]) => sequences.map((s) => trackingEvent(waybillNo, s, 'IN_TRANSIT', START - 60_000 + s));

describe('POST /v1/test/actions', () => {
  it('is not served outside test mode, nor for an action the role does not offer', async () => {
    const c = await counterparty();
    // A production deployment refuses the demo keys first (ECDX-SEC-016): the handler is asked directly.
    const production = mockOf({ testMode: false }).context;
    const request = { method: 'POST', url: new URL('http://127.0.0.1:4010/v1/test/actions'), headers: {}, body: undefined };
    expect((await performTestAction({ mock: production, body: { action: 'notify-incident', counterparty: c.url }, request })).status).toBe(404);
    expect((await act(mockOf({ role: 'carrier' }), { action: 'send-shipment', counterparty: c.url })).status).toBe(404);
    expect(c.requests).toHaveLength(0);
  });

  it('answers FAILED with a detail when the counterparty refuses, and when it cannot be reached', async () => {
    const c = await counterparty();
    c.script('POST /v1/security-incidents', [{ status: 422, body: { type: 'https://ecdx.dev/problems/validation-failed', detail: 'no' } }]);
    const refused = await act(mockOf(), { action: 'notify-incident', counterparty: c.url });
    expect(refused).toMatchObject({ status: 200, outcome: { outcome: 'FAILED', requests: 1 } });
    expect(refused.outcome.detail).toContain('422');
    const gone = await counterparty();
    await gone.close();
    const unreachable = await act(mockOf(), { action: 'notify-incident', counterparty: gone.url });
    expect(unreachable).toMatchObject({ status: 200, outcome: { outcome: 'FAILED' } });
  });
});

describe('send-shipment', () => {
  it("sends the schema's example to the claimed carrier code with the order id asked for, and names the waybill", async () => {
    const c = await counterparty();
    const { outcome } = await act(mockOf(), { action: 'send-shipment', counterparty: c.url, platformOrderId: 'ecdx-happy-7f3a' });
    expect(outcome).toEqual({ action: 'send-shipment', outcome: 'DONE', requests: 2, detail: 'waybill ECDX0000000017' });
    const sent = c.to('POST /v1/shipments')[0]!.json as ShipmentRequest;
    expect(isValid('ShipmentRequest', sent)).toBe(true);
    expect(sent).toMatchObject({ platformOrderId: 'ecdx-happy-7f3a', carrierCode: 'ECDXDEMO', purpose: 'DELIVERY' });
    expect(Date.parse(sent.recipient.privacyNumber!.expiresAt)).toBeGreaterThan(START);
  });
  it('chooses an ecdx-happy order id when none is asked for', async () => {
    const c = await counterparty();
    await act(mockOf(), { action: 'send-shipment', counterparty: c.url });
    expect((c.to('POST /v1/shipments')[0]!.json as ShipmentRequest).platformOrderId).toMatch(/^ecdx-happy-[0-9a-f-]{36}$/);
  });
});

describe('pull-trajectory', () => {
  it('follows nextCursor to the last page and keeps the events as received', async () => {
    const c = await counterparty();
    c.serve('ECDX0000000017', events('ECDX0000000017', [1, 2, 3, 4, 5]));
    const mock = mockOf();
    const { outcome } = await act(mock, { action: 'pull-trajectory', counterparty: c.url, waybillNo: 'ECDX0000000017' });
    expect(outcome).toMatchObject({ outcome: 'DONE', detail: '5 events', requests: 3 });
    expect(c.requests.map((r) => r.query.get('cursor'))).toEqual([null, '2', '4']);
    expect(receivedEventsOf(mock.context, 'ECDX0000000017').map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('subscribe and gap repair', () => {
  it('subscribes its own receiver, v1a where offered, and pulls a waybill whose pushed sequences leave a gap', async () => {
    const c = await counterparty();
    const mock = mockOf();
    const { outcome } = await act(mock, { action: 'subscribe', counterparty: c.url });
    expect(outcome).toMatchObject({ outcome: 'DONE', detail: 'subscription sub_test-1', requests: 2 });
    expect(c.to('POST /v1/subscriptions')[0]!.json).toEqual({
      callbackUrl: 'http://127.0.0.1:4010/v1/tracking-events',
      scope: { type: 'ALL' },
      signatureScheme: 'v1a',
    });

    const trajectory = events('ECDX0000000017', [1, 2, 3, 4]);
    c.serve('ECDX0000000017', trajectory);
    expect(await pushTo(mock, 'sub_test-1', trajectory.slice(0, 2))).toBe(200);
    await mock.context.background.idle();
    expect(c.to('GET /v1/shipments/ECDX0000000017/events')).toHaveLength(0);
    expect(await pushTo(mock, 'sub_test-1', trajectory.slice(3))).toBe(200);
    await mock.context.background.idle();
    expect(c.to('GET /v1/shipments/ECDX0000000017/events').length).toBeGreaterThan(0);
    expect(receivedEventsOf(mock.context, 'ECDX0000000017').map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
  });

  it('subscribes v1 where v1a is not offered, and takes pushes signed with the secret the 201 issued', async () => {
    const c = await counterparty('carrier', ['v1']);
    const mock = mockOf();
    await act(mock, { action: 'subscribe', counterparty: c.url, waybillNos: ['ECDX0000000017'] });
    expect(c.to('POST /v1/subscriptions')[0]!.json).toMatchObject({ scope: { type: 'WAYBILLS', waybillNos: ['ECDX0000000017'] }, signatureScheme: 'v1' });
    const { signWebhook, webhookSecret } = await import('../../../protocol/index.ts');
    const body = JSON.stringify({
      batchId: 'bat_1',
      subscriptionId: 'sub_test-1',
      carrierCode: 'ECDXDEMO',
      sentAt: timestampAt(START),
      events: events('ECDX0000000017', [1]),
    });
    const headers = {
      'content-type': 'application/json',
      ...signWebhook({ id: 'bat_1', timestamp: START, body }, webhookSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')),
    };
    const response = await mock.handle({
      method: 'POST',
      url: new URL('http://127.0.0.1:4010/v1/tracking-events'),
      headers,
      body: new TextEncoder().encode(body),
    });
    expect(response.status).toBe(200);
  });
});

describe('issue-notice', () => {
  const issue = async (mock: Mock, c: TestCounterparty, reason = 'PLANNED_MAINTENANCE') => {
    const { outcome } = await act(mock, { action: 'issue-notice', counterparty: c.url, reason });
    return { outcome, notice: c.to('POST /v1/interruption-notices')[0]?.json as InterruptionNoticeRequest };
  };
  for (const reason of ['PLANNED_MAINTENANCE', 'AGREEMENT_EXPIRY', 'SECURITY_INCIDENT'] as const) {
    it(`sends a ${reason} notice the rules accept, with the lead time of its reason and an hour more`, async () => {
      const c = await counterparty();
      const { outcome, notice } = await issue(mockOf(), c, reason);
      expect(outcome).toEqual({ action: 'issue-notice', outcome: 'DONE', requests: 2, detail: `notice ${notice.noticeId}` });
      expect(isValid('InterruptionNoticeRequest', notice)).toBe(true);
      expect(checkNewNotice(notice, new Date(START))).toEqual([]);
      expect((Date.parse(notice.plannedStart) - Date.parse(notice.issuedAt)) / 1000).toBe(minimumLeadTimeSeconds(reason) + 3600);
      expect(notice).toMatchObject({
        issuer: { role: 'platform', name: 'ECDX Reference Mock Platform' },
        recipient: { role: 'carrier', carrierCode: 'ECDXDEMO' },
      });
    });
  }

  it("holds the issuer's copy for the recipient, who reads it and answers it; another platform does not see it", async () => {
    const c = await counterparty();
    const mock = mockOf();
    const { notice } = await issue(mock, c);
    const path = `/v1/interruption-notices/${notice.noticeId}`;
    const carrier = { key: demoCredentials.carrier.signingKey };
    const copy = await send(mock, 'GET', path, undefined, carrier);
    expect(copy.status).toBe(200);
    expect((copy.body as InterruptionNotice).negotiation.state).toBe('ISSUED');
    const acknowledge = { responseId: 'rsp-1', respondent: 'RECIPIENT', type: 'ACKNOWLEDGE', respondedAt: timestampAt(START) };
    const answered = await send(mock, 'POST', `${path}/responses`, acknowledge, carrier);
    expect(answered.status).toBe(201);
    expect((answered.body as InterruptionNotice).negotiation).toMatchObject({ state: 'ACKNOWLEDGED', responses: [acknowledge] });
    const ownSide = await send(mock, 'POST', `${path}/responses`, { ...acknowledge, responseId: 'rsp-2', respondent: 'ISSUER', type: 'WITHDRAW' }, carrier);
    expect(ownSide.status).toBe(422);
    expect((await send(mock, 'GET', path, undefined, carrier)).body).toMatchObject({ negotiation: { state: 'ACKNOWLEDGED' } });
  });
});

describe('respond-to-notice', () => {
  it("posts the recipient's response to the issuer and records it in the mock's own copy", async () => {
    const c = await counterparty();
    const mock = mockOf();
    const notice = significantMaintenance(timestampAt(START), {
      noticeId: 'ntc-harness-1',
      issuer: { name: 'Test Carrier', role: 'carrier', carrierCode: 'ECDXDEMO' },
      recipient: { name: 'ECDX Reference Mock Platform', role: 'platform' },
      affectedFeeds: ['PARCEL_DATA_PUSH'],
    });
    const carrier = { key: demoCredentials.carrier.signingKey };
    expect((await send(mock, 'POST', '/v1/interruption-notices', notice, carrier)).status).toBe(201);
    const { outcome } = await act(mock, { action: 'respond-to-notice', counterparty: c.url, noticeId: 'ntc-harness-1', type: 'OBJECT' });
    expect(outcome).toMatchObject({ outcome: 'DONE', requests: 2 });
    const posted = c.to('POST /v1/interruption-notices/ntc-harness-1/responses')[0]!.json as { responseId: string };
    expect(posted).toMatchObject({ respondent: 'RECIPIENT', type: 'OBJECT' });
    const own = (await send(mock, 'GET', '/v1/interruption-notices/ntc-harness-1', undefined, carrier)).body as InterruptionNotice;
    expect(own.negotiation).toMatchObject({ state: 'DISPUTED', responses: [posted] });
  });
});

describe('notify-incident', () => {
  it('notifies a valid incident detected minutes before, as the party of its role', async () => {
    const c = await counterparty('platform');
    const { outcome } = await act(mockOf({ role: 'carrier' }), { action: 'notify-incident', counterparty: c.url });
    expect(outcome.outcome).toBe('DONE');
    const incident = c.to('POST /v1/security-incidents')[0]!.json as SecurityIncident;
    expect(isValid('SecurityIncident', incident)).toBe(true);
    expect(incident.reportedBy).toMatchObject({ role: 'carrier', carrierCode: 'ECDXDEMO' });
    expect(Date.parse(incident.reportedAt) - Date.parse(incident.detectedAt)).toBeLessThan(3_600_000);
  });
});
