// The reference client's faults: off, each duty holds in what the mock sends through a test action; on, exactly the
// deviation shows and the neighbouring duties still hold.
import { afterEach, describe, expect, it } from 'vitest';
import { demoCredentials, demoKeyring, NonceCache, verifyRequest } from '../../protocol/index.ts';
import { findResidentIds } from '../../schemas/identifiers.ts';
import { checkNewNotice } from '../../schemas/notice-rules.ts';
import type { InterruptionNoticeRequest, PartyRole, SecurityIncident } from '../../schemas/src/index.ts';
import { problemTypeUri } from '../../schemas/src/problems.ts';
import { isValid } from '../../schemas/validate.ts';
import { act, pushTo, startCounterparty, type Recorded, type TestCounterparty } from '../core/client/test-support.ts';
import { waitBefore } from '../core/client/retry.ts';
import { createMock, type Mock } from '../core/mock.ts';
import { trackingEvent } from '../core/push/test-support.ts';
import { send } from '../testing.ts';
import { clientFaults } from './client.ts';
import { faultsNamed, type FaultName } from './index.ts';

const START = Date.parse('2026-03-01T09:30:00+08:00');
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});
const mockWith = (role: PartyRole, ...faults: FaultName[]): Mock => {
  const mock = createMock({ role, clockSpeed: 0, clockStart: START, faults: faultsNamed(...faults) });
  open.push(mock);
  return mock;
};
const platform = (...faults: FaultName[]) => mockWith('platform', ...faults);
const counterparty = async (role: PartyRole = 'carrier'): Promise<TestCounterparty> => {
  const c = await startCounterparty(role);
  open.push(c);
  return c;
};
const keyOf = (r: Recorded) => r.headers['idempotency-key'];
const shipTwice = async (mock: Mock, c: TestCounterparty) => {
  for (const platformOrderId of ['ecdx-happy-a', 'ecdx-happy-b']) await act(mock, { action: 'send-shipment', counterparty: c.url, platformOrderId });
  return c.to('POST /v1/shipments');
};
const inFlight = { status: 409, body: { type: problemTypeUri('idempotency-request-in-flight') } };

it('every client fault is tested here', async () => {
  const source = await import('node:fs/promises').then((fs) => fs.readFile(new URL(import.meta.url), 'utf8'));
  for (const fault of clientFaults) expect(source, fault.name).toContain(`describe('${fault.name}'`);
});

describe('test-action-requests-miscounted', () => {
  it('off: the outcome counts the requests the counterparty received', async () => {
    const c = await counterparty('platform');
    expect((await act(mockWith('carrier'), { action: 'notify-incident', counterparty: c.url })).outcome.requests).toBe(c.requests.length);
  });
  it('on: it counts one more, the action otherwise done', async () => {
    const c = await counterparty('platform');
    const { outcome } = await act(mockWith('carrier', 'test-action-requests-miscounted'), { action: 'notify-incident', counterparty: c.url });
    expect(outcome).toMatchObject({ outcome: 'DONE', requests: c.requests.length + 1 });
  });
});

describe('client-requests-unsigned', () => {
  const verified = (c: TestCounterparty, r: Recorded) =>
    verifyRequest(
      { method: r.method, url: `${c.url}${r.path}`, headers: r.headers, body: r.body },
      { keyring: demoKeyring(), nonceCache: new NonceCache(), now: START },
    );
  it('off: every request but the claim verifies with the demo key of its role', async () => {
    const c = await counterparty('platform');
    await act(mockWith('carrier'), { action: 'notify-incident', counterparty: c.url });
    const signed = c.requests.filter((r) => r.path !== '/v1/conformance');
    expect(signed.map((r) => verified(c, r)).map((v) => (v.ok ? v.keyid : v.problem))).toEqual([demoCredentials.carrier.signingKey.keyid]);
  });
  it('on: nothing is signed; the request is still keyed and the action done', async () => {
    const c = await counterparty('platform');
    const { outcome } = await act(mockWith('carrier', 'client-requests-unsigned'), { action: 'notify-incident', counterparty: c.url });
    expect(outcome.outcome).toBe('DONE');
    const [sent] = c.to('POST /v1/security-incidents');
    expect(sent!.headers['signature']).toBeUndefined();
    expect(keyOf(sent!)).toBeDefined();
  });
});

describe('client-idempotency-key-missing', () => {
  it('off: each creating POST carries a key of its own', async () => {
    const sent = await shipTwice(platform(), await counterparty());
    expect(new Set(sent.map(keyOf)).size).toBe(2);
  });
  it('on: no creating POST carries one; they are still signed', async () => {
    const sent = await shipTwice(platform('client-idempotency-key-missing'), await counterparty());
    expect(sent.map(keyOf)).toEqual([undefined, undefined]);
    expect(sent[0]!.headers['signature']).toBeDefined();
  });
});

describe('client-idempotency-key-reused', () => {
  it('on: the second shipment carries the first one’s key with another body', async () => {
    const [first, second] = await shipTwice(platform('client-idempotency-key-reused'), await counterparty());
    expect(keyOf(second!)).toBe(keyOf(first!));
    expect(second!.body).not.toBe(first!.body);
  });
});

describe('client-idempotency-key-predictable', () => {
  it('off: keys are UUIDs version 4 that carry nothing of the body', async () => {
    const sent = await shipTwice(platform(), await counterparty());
    for (const r of sent) expect(keyOf(r)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('on: keys are the order id and a counter, still one per request', async () => {
    const sent = await shipTwice(platform('client-idempotency-key-predictable'), await counterparty());
    expect(sent.map(keyOf)).toEqual(['ecdx-happy-a-1', 'ecdx-happy-b-2']);
  });
});

describe('client-retry-with-new-key', () => {
  it('off: the shipment sent again after 409 in flight keeps its key and body', async () => {
    const c = await counterparty();
    c.script('POST /v1/shipments', [inFlight]);
    expect((await act(platform(), { action: 'send-shipment', counterparty: c.url })).outcome.outcome).toBe('DONE');
    const [first, retry] = c.to('POST /v1/shipments');
    expect([keyOf(retry!), retry!.body]).toEqual([keyOf(first!), first!.body]);
  });
  it('on: it comes with another key and the same body', async () => {
    const c = await counterparty();
    c.script('POST /v1/shipments', [inFlight]);
    await act(platform('client-retry-with-new-key'), { action: 'send-shipment', counterparty: c.url });
    const [first, retry] = c.to('POST /v1/shipments');
    expect(keyOf(retry!)).not.toBe(keyOf(first!));
    expect(retry!.body).toBe(first!.body);
  });
});

describe('client-ignores-retry-after', () => {
  const answered = { kind: 'answered' as const, status: 429, headers: { 'retry-after': '2' }, body: undefined };
  it('off: the client waits at least what Retry-After names, then retries', async () => {
    expect(waitBefore(platform().context, answered)).toBeGreaterThanOrEqual(2000);
    const c = await counterparty();
    c.script('POST /v1/shipments', [{ status: 503, headers: { 'retry-after': '1' } }]);
    expect((await act(platform(), { action: 'send-shipment', counterparty: c.url })).outcome).toMatchObject({ outcome: 'DONE', requests: 3 });
  });
  it('on: it waits 50 ms whatever Retry-After names', () => {
    expect(waitBefore(platform('client-ignores-retry-after').context, answered)).toBe(50);
  });
});

describe('client-pull-stops-at-first-page', () => {
  const trajectory = ['1', '2', '3', '4', '5'].map((s) => trackingEvent('ECDX0000000017', Number(s), 'IN_TRANSIT', START));
  it('off: the pull reads every page', async () => {
    const c = await counterparty();
    c.serve('ECDX0000000017', trajectory);
    expect((await act(platform(), { action: 'pull-trajectory', counterparty: c.url, waybillNo: 'ECDX0000000017' })).outcome.detail).toBe('5 events');
  });
  it('on: it reads the first page and stops, though it names a cursor', async () => {
    const c = await counterparty();
    c.serve('ECDX0000000017', trajectory);
    const { outcome } = await act(platform('client-pull-stops-at-first-page'), { action: 'pull-trajectory', counterparty: c.url, waybillNo: 'ECDX0000000017' });
    expect(outcome).toMatchObject({ outcome: 'DONE', detail: '2 events' });
    expect(c.to('GET /v1/shipments/ECDX0000000017/events')).toHaveLength(1);
  });
});

describe('shipment-carries-resident-id', () => {
  it('off: the shipping data holds no resident ID number', async () => {
    const [sent] = await shipTwice(platform(), await counterparty());
    expect(findResidentIds(sent!.body)).toEqual([]);
  });
  it("on: one hides in the sender's company, the data still valid", async () => {
    const [sent] = await shipTwice(platform('shipment-carries-resident-id'), await counterparty());
    expect(findResidentIds((sent!.json as { sender: { company: string } }).sender.company)).toHaveLength(1);
    expect(isValid('ShipmentRequest', sent!.json)).toBe(true);
  });
});

describe('interruption-without-notice', () => {
  it('on: issue-notice answers DONE after sending nothing', async () => {
    const c = await counterparty();
    const { outcome } = await act(platform('interruption-without-notice'), { action: 'issue-notice', counterparty: c.url, reason: 'PLANNED_MAINTENANCE' });
    expect(outcome).toEqual({ action: 'issue-notice', outcome: 'DONE', requests: 0 });
    expect(c.requests).toHaveLength(0);
  });
});

const issued = async (mock: Mock, c: TestCounterparty) => {
  await act(mock, { action: 'issue-notice', counterparty: c.url, reason: 'PLANNED_MAINTENANCE' });
  return c.to('POST /v1/interruption-notices')[0]!.json as InterruptionNoticeRequest;
};

describe('notice-lead-time-too-short', () => {
  it('on: plannedStart lies an hour after issuedAt; the rules refuse exactly the lead time', async () => {
    const notice = await issued(platform('notice-lead-time-too-short'), await counterparty());
    expect(Date.parse(notice.plannedStart) - Date.parse(notice.issuedAt)).toBe(3_600_000);
    expect(checkNewNotice(notice, new Date(START)).map((p) => p.problemSlug)).toEqual(['notice-lead-time-too-short']);
  });
});

describe('issued-notice-not-held', () => {
  const read = (mock: Mock, noticeId: string) =>
    send(mock, 'GET', `/v1/interruption-notices/${noticeId}`, undefined, { key: demoCredentials.carrier.signingKey });
  it("off: the recipient reads the issuer's copy", async () => {
    const mock = platform();
    expect((await read(mock, (await issued(mock, await counterparty())).noticeId)).status).toBe(200);
  });
  it('on: the notice is sent, valid, and GET answers 404', async () => {
    const mock = platform('issued-notice-not-held');
    const notice = await issued(mock, await counterparty());
    expect(checkNewNotice(notice, new Date(START))).toEqual([]);
    expect((await read(mock, notice.noticeId)).status).toBe(404);
  });
});

describe('incident-notified-late', () => {
  const notified = async (mock: Mock) => {
    const c = await counterparty('platform');
    await act(mock, { action: 'notify-incident', counterparty: c.url });
    return c.to('POST /v1/security-incidents')[0]!.json as SecurityIncident;
  };
  it('on: detectedAt lies 30 hours before reportedAt, the notification otherwise valid', async () => {
    const incident = await notified(mockWith('carrier', 'incident-notified-late'));
    expect(Date.parse(incident.reportedAt) - Date.parse(incident.detectedAt)).toBe(30 * 3_600_000);
    expect(isValid('SecurityIncident', incident)).toBe(true);
  });
});

describe('gap-not-repaired', () => {
  const pushedWithGap = async (mock: Mock) => {
    const c = await counterparty();
    await act(mock, { action: 'subscribe', counterparty: c.url });
    const trajectory = [1, 2, 3].map((s) => trackingEvent('ECDX0000000017', s, 'IN_TRANSIT', START));
    c.serve('ECDX0000000017', trajectory);
    expect(await pushTo(mock, 'sub_test-1', [trajectory[0]!, trajectory[2]!])).toBe(200);
    await mock.context.background.idle();
    return c.to('GET /v1/shipments/ECDX0000000017/events');
  };
  it('off: the gap is pulled from the carrier', async () => expect((await pushedWithGap(platform())).length).toBeGreaterThan(0));
  it('on: the push is taken and nothing is pulled', async () => expect(await pushedWithGap(platform('gap-not-repaired'))).toEqual([]));
});
