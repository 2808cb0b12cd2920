import { afterEach, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../../protocol/index.ts';
import { addSeconds, obligations } from '../../../schemas/notice-rules.ts';
import type { InterruptionNotice, InterruptionNoticeRequest, NoticeResponse, Problem } from '../../../schemas/src/index.ts';
import { send } from '../../testing.ts';
import { createMock, type Mock, type MockOptions } from '../mock.ts';
import type { MockResponse } from '../types.ts';
import { timestampAt } from './discovery.ts';
import { HOUR, SECOND } from '../../../schemas/time.ts';

const START = Date.parse('2026-03-01T09:30:00+08:00');
const NOW = timestampAt(START);
/** The notice rules count seconds. */
const HOUR_S = HOUR / SECOND;
const mocks: Mock[] = [];
const mockOf = (options: MockOptions = {}) => {
  const mock = createMock({ selfCheck: true, clockSpeed: 0, clockStart: START, ...options });
  mocks.push(mock);
  return mock;
};
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

/** A maintenance notice from the demo platform to the mock carrier: 72 hours ahead, one hour long, MINOR. */
const maintenance = (overrides: Partial<InterruptionNoticeRequest> = {}): InterruptionNoticeRequest => ({
  noticeId: 'ntc-0001',
  issuer: { name: 'ECDX Demo Platform', role: 'platform' },
  recipient: { name: 'ECDX Reference Mock Carrier', role: 'carrier', carrierCode: 'ECDXDEMO' },
  affectedFeeds: ['SHIPPING_DATA'],
  reason: 'PLANNED_MAINTENANCE',
  reasonDetail: '订单系统数据库升级',
  issuedAt: NOW,
  plannedStart: addSeconds(NOW, 72 * HOUR_S),
  plannedEnd: addSeconds(NOW, 73 * HOUR_S),
  impact: { severity: 'MINOR', estimatedShipmentsPerDay: 100, affectedUsers: '平台商家', mitigation: '维护后补发寄递数据' },
  ...overrides,
});

/** An agreement expiry: SERIOUS, indefinite, 30 days ahead, disclosed a day before. */
const expiry = (): InterruptionNoticeRequest => {
  const { plannedEnd: _end, ...notice } = maintenance({
    noticeId: 'ntc-expiry',
    reason: 'AGREEMENT_EXPIRY',
    plannedStart: addSeconds(NOW, 30 * 24 * HOUR_S),
    impact: { severity: 'SERIOUS', estimatedShipmentsPerDay: 20_000, affectedUsers: '全部商家', mitigation: '切换承运商' },
    publicDisclosure: { channels: ['MERCHANT_BACKEND'], plannedAt: addSeconds(NOW, 29 * 24 * HOUR_S) },
  });
  return notice;
};

const response = (
  type: 'ACKNOWLEDGE' | 'ACCEPT' | 'OBJECT' | 'WITHDRAW',
  respondent: 'ISSUER' | 'RECIPIENT' = 'ISSUER',
  responseId = `rsp-${type}`,
): NoticeResponse => ({
  responseId,
  respondent,
  type,
  respondedAt: NOW,
});
const proposal = (responseId = 'rsp-propose', hours = 96, respondent: 'ISSUER' | 'RECIPIENT' = 'ISSUER'): NoticeResponse => ({
  responseId,
  respondent,
  type: 'PROPOSE',
  respondedAt: NOW,
  proposal: { plannedStart: addSeconds(NOW, hours * HOUR_S), plannedEnd: addSeconds(NOW, (hours + 1) * HOUR_S) },
});

const post = (mock: Mock, notice: InterruptionNoticeRequest, options = {}) => send(mock, 'POST', '/v1/interruption-notices', notice, options);
const respond = (mock: Mock, noticeId: string, body: NoticeResponse, options = {}) =>
  send(mock, 'POST', `/v1/interruption-notices/${noticeId}/responses`, body, options);
const read = (mock: Mock, noticeId: string, options = {}) => send(mock, 'GET', `/v1/interruption-notices/${noticeId}`, undefined, options);

const problemOf = (r: MockResponse) => r.body as Problem;
const noticeOf = (r: MockResponse) => r.body as InterruptionNotice;

describe('POST /v1/interruption-notices', () => {
  it('holds an acceptable notice: 201, Location, state ISSUED, no responses, the obligations of the rules, receivedAt', async () => {
    const mock = mockOf();
    const r = await post(mock, maintenance());
    expect(r.status).toBe(201);
    expect(r.headers['location']).toBe('/v1/interruption-notices/ntc-0001');
    expect(noticeOf(r)).toEqual({
      ...maintenance(),
      negotiation: { state: 'ISSUED', responses: [], obligations: { publicDisclosureRequired: false, authorityReportRequired: false } },
      receivedAt: NOW,
    });
  });

  it('publishes the disclosure duty of a SERIOUS notice with its deadline', async () => {
    const r = await post(mockOf(), expiry());
    expect(r.status).toBe(201);
    expect(noticeOf(r).negotiation.obligations).toEqual(obligations(expiry(), 'ISSUED'));
    expect(noticeOf(r).negotiation.obligations.publicDisclosureDueBy).toBe(expiry().plannedStart);
  });

  it('accepts a notice from a carrier when the mock plays the platform', async () => {
    const notice = maintenance({
      issuer: { name: 'ECDX Demo Carrier', role: 'carrier', carrierCode: 'ECDXDEMO' },
      recipient: { name: 'ECDX Reference Mock Platform', role: 'platform' },
      affectedFeeds: ['PARCEL_DATA_PUSH'],
    });
    expect((await post(mockOf({ role: 'platform' }), notice, { key: demoCredentials.carrier.signingKey })).status).toBe(201);
  });

  it('accepts a maintenance notice issued exactly 72 hours ahead and refuses one a second shorter', async () => {
    const mock = mockOf();
    expect((await post(mock, maintenance())).status).toBe(201);
    const late = await post(mock, maintenance({ noticeId: 'ntc-late', plannedStart: addSeconds(NOW, 72 * HOUR_S - 1) }));
    expect(late.status).toBe(422);
    expect(problemOf(late).type).toBe('https://ecdx.dev/problems/notice-lead-time-too-short');
    expect(problemOf(late).invalidParams).toEqual([expect.objectContaining({ name: '/plannedStart', in: 'body' })]);
  });

  it('refuses a notice whose declared severity is below the minimum', async () => {
    const r = await post(mockOf(), maintenance({ impact: { ...maintenance().impact, estimatedShipmentsPerDay: 10_000 } }));
    expect(r.status).toBe(422);
    expect(problemOf(r).type).toBe('https://ecdx.dev/problems/notice-severity-understated');
  });

  it('refuses a SIGNIFICANT notice without a public disclosure, and one planned after its deadline', async () => {
    const mock = mockOf();
    const significant = maintenance({ plannedEnd: addSeconds(NOW, 76 * HOUR_S), impact: { ...maintenance().impact, severity: 'SIGNIFICANT' } });
    const missing = await post(mock, significant);
    expect(problemOf(missing).type).toBe('https://ecdx.dev/problems/notice-disclosure-missing');
    const tooLate = await post(mock, { ...significant, publicDisclosure: { channels: ['WEBSITE'], plannedAt: addSeconds(NOW, 72 * HOUR_S + 1) } });
    expect(tooLate.status).toBe(422);
    expect(problemOf(tooLate).type).toBe('https://ecdx.dev/problems/notice-disclosure-missing');
    const inTime = await post(mock, { ...significant, publicDisclosure: { channels: ['WEBSITE'], plannedAt: addSeconds(NOW, 72 * HOUR_S) } });
    expect(inTime.status).toBe(201);
  });

  it('refuses an issuedAt more than 300 s before or 30 s after receipt', async () => {
    const mock = mockOf();
    const backdated = await post(
      mock,
      maintenance({ issuedAt: addSeconds(NOW, -301), plannedStart: addSeconds(NOW, 80 * HOUR_S), plannedEnd: addSeconds(NOW, 81 * HOUR_S) }),
    );
    expect(problemOf(backdated).type).toBe('https://ecdx.dev/problems/notice-issued-at-invalid');
    const ahead = await post(
      mock,
      maintenance({ issuedAt: addSeconds(NOW, 31), plannedStart: addSeconds(NOW, 80 * HOUR_S), plannedEnd: addSeconds(NOW, 81 * HOUR_S) }),
    );
    expect(problemOf(ahead).type).toBe('https://ecdx.dev/problems/notice-issued-at-invalid');
    expect((await post(mock, maintenance({ issuedAt: addSeconds(NOW, -300) }))).status).toBe(201);
  });

  it('refuses with validation-failed a plannedEnd that does not follow plannedStart and two parties of one role', async () => {
    const mock = mockOf();
    const backwards = await post(mock, maintenance({ plannedEnd: maintenance().plannedStart }));
    expect(problemOf(backwards).type).toBe('https://ecdx.dev/problems/validation-failed');
    expect(problemOf(backwards).invalidParams?.[0]?.name).toBe('/plannedEnd');
    const sameRole = await post(mock, maintenance({ recipient: { name: '另一平台', role: 'platform' } }));
    expect(problemOf(sameRole).type).toBe('https://ecdx.dev/problems/validation-failed');
    expect(problemOf(sameRole).invalidParams?.[0]?.name).toBe('/recipient/role');
  });

  it("answers a notice breaking several rules with the first rule's type and lists every one", async () => {
    const r = await post(
      mockOf(),
      maintenance({ issuedAt: addSeconds(NOW, -600), plannedStart: addSeconds(NOW, HOUR_S), plannedEnd: addSeconds(NOW, 2 * HOUR_S) }),
    );
    expect(problemOf(r).type).toBe('https://ecdx.dev/problems/notice-issued-at-invalid');
    expect(problemOf(r).invalidParams?.map((p) => p.name)).toEqual(['/issuedAt', '/plannedStart']);
  });

  it('refuses with 403 a notice whose issuer is not the signer, or that is addressed to another carrier', async () => {
    const mock = mockOf();
    const impersonated = await post(
      mock,
      maintenance({ issuer: { name: 'X', role: 'carrier', carrierCode: 'SF' }, recipient: { name: 'Y', role: 'platform' } }),
    );
    expect(impersonated.status).toBe(403);
    expect(problemOf(impersonated).type).toBe('https://ecdx.dev/problems/forbidden');
    const elsewhere = await post(mock, maintenance({ recipient: { name: '顺丰', role: 'carrier', carrierCode: 'SF' } }));
    expect(elsewhere.status).toBe(403);
  });

  it('answers the same notice under a new Idempotency-Key with its copy, and a different one under the same noticeId with 409', async () => {
    const mock = mockOf();
    expect((await post(mock, maintenance())).status).toBe(201);
    await respond(mock, 'ntc-0001', proposal());
    const again = await post(mock, maintenance());
    expect(again.status).toBe(201);
    expect(noticeOf(again).negotiation.state).toBe('PROPOSED');
    const different = await post(mock, maintenance({ reasonDetail: '另一次维护' }));
    expect(different.status).toBe(409);
    expect(problemOf(different).type).toBe('https://ecdx.dev/problems/notice-already-exists');
  });

  it('holds notices of different clients apart even under one noticeId', async () => {
    const mock = mockOf();
    expect((await post(mock, maintenance())).status).toBe(201);
    expect((await post(mock, maintenance({ reasonDetail: '另一客户端' }), { key: demoCredentials.platformHmac })).status).toBe(201);
  });
});

describe('GET /v1/interruption-notices/{noticeId}', () => {
  it('answers the notice as held, with every response in the order received', async () => {
    const mock = mockOf();
    await post(mock, maintenance());
    await respond(mock, 'ntc-0001', proposal());
    await respond(mock, 'ntc-0001', response('WITHDRAW'));
    const r = await read(mock, 'ntc-0001');
    expect(r.status).toBe(200);
    expect(noticeOf(r).negotiation.state).toBe('WITHDRAWN');
    expect(noticeOf(r).negotiation.responses.map((x) => x.responseId)).toEqual(['rsp-propose', 'rsp-WITHDRAW']);
  });

  it("answers 404 notice-not-found alike for an unknown notice and for another client's", async () => {
    const mock = mockOf();
    await post(mock, maintenance());
    const unknown = await read(mock, 'ntc-none');
    const foreign = await read(mock, 'ntc-0001', { key: demoCredentials.platformHmac });
    const byCarrier = await read(mock, 'ntc-0001', { key: demoCredentials.carrier.signingKey });
    for (const r of [unknown, foreign, byCarrier]) {
      expect(r.status).toBe(404);
      expect(problemOf(r).type).toBe('https://ecdx.dev/problems/notice-not-found');
    }
    expect(problemOf(foreign).detail).toBe(problemOf(unknown).detail);
  });
});

describe('POST /v1/interruption-notices/{noticeId}/responses', () => {
  it("applies the issuer's proposal: 201, state PROPOSED, the response appended, obligations recomputed", async () => {
    const mock = mockOf();
    await post(mock, expiry());
    const r = await respond(mock, 'ntc-expiry', proposal('rsp-1', 40 * 24));
    expect(r.status).toBe(201);
    expect(noticeOf(r).negotiation).toEqual({ state: 'PROPOSED', responses: [proposal('rsp-1', 40 * 24)], obligations: obligations(expiry(), 'PROPOSED') });
  });

  it('drops every duty once the issuer withdraws', async () => {
    const mock = mockOf();
    await post(mock, expiry());
    const r = await respond(mock, 'ntc-expiry', response('WITHDRAW'));
    expect(noticeOf(r).negotiation.state).toBe('WITHDRAWN');
    expect(noticeOf(r).negotiation.obligations).toEqual({ publicDisclosureRequired: false, authorityReportRequired: false });
  });

  it("records the issuer's disclosure and report without changing the state", async () => {
    const mock = mockOf();
    await post(mock, expiry());
    const disclosed: NoticeResponse = {
      responseId: 'rsp-d',
      respondent: 'ISSUER',
      type: 'DISCLOSED',
      respondedAt: NOW,
      disclosure: { channels: ['WEBSITE'], plannedAt: NOW },
    };
    const r = await respond(mock, 'ntc-expiry', disclosed);
    expect(r.status).toBe(201);
    expect(noticeOf(r).negotiation.state).toBe('ISSUED');
  });

  it('refuses with 409 a response the state does not admit and leaves the notice unchanged', async () => {
    const mock = mockOf();
    await post(mock, maintenance());
    await respond(mock, 'ntc-0001', proposal('rsp-1'));
    const second = await respond(mock, 'ntc-0001', proposal('rsp-2', 100));
    const ownAccepted = await respond(mock, 'ntc-0001', response('ACCEPT'));
    for (const r of [second, ownAccepted]) {
      expect(r.status).toBe(409);
      expect(problemOf(r).type).toBe('https://ecdx.dev/problems/notice-state-conflict');
    }
    expect(noticeOf(await read(mock, 'ntc-0001')).negotiation.responses).toHaveLength(1);
  });

  it('refuses every response to a withdrawn notice with 409, whoever it claims to come from', async () => {
    const mock = mockOf();
    await post(mock, maintenance());
    await respond(mock, 'ntc-0001', response('WITHDRAW'));
    for (const body of [proposal('rsp-x'), response('ACKNOWLEDGE', 'RECIPIENT', 'rsp-y'), response('WITHDRAW', 'ISSUER', 'rsp-z')]) {
      const r = await respond(mock, 'ntc-0001', body);
      expect(r.status).toBe(409);
      expect(problemOf(r).type).toBe('https://ecdx.dev/problems/notice-state-conflict');
    }
  });

  it("refuses with 422 notice-response-not-allowed a response from the mock's own side and one the issuer never gives", async () => {
    const mock = mockOf();
    await post(mock, maintenance());
    const ownSide = await respond(mock, 'ntc-0001', response('ACKNOWLEDGE', 'RECIPIENT'));
    expect(ownSide.status).toBe(422);
    expect(problemOf(ownSide).type).toBe('https://ecdx.dev/problems/notice-response-not-allowed');
    expect(problemOf(ownSide).invalidParams?.[0]?.name).toBe('/respondent');
    const never = await respond(mock, 'ntc-0001', response('ACKNOWLEDGE', 'ISSUER'));
    expect(never.status).toBe(422);
    expect(problemOf(never).type).toBe('https://ecdx.dev/problems/notice-response-not-allowed');
    expect(noticeOf(await read(mock, 'ntc-0001')).negotiation.responses).toEqual([]);
  });

  it('refuses a proposal whose end does not follow its start with validation-failed', async () => {
    const mock = mockOf();
    await post(mock, maintenance());
    const body = proposal();
    const r = await respond(mock, 'ntc-0001', {
      ...body,
      proposal: { plannedStart: addSeconds(NOW, 96 * HOUR_S), plannedEnd: addSeconds(NOW, 95 * HOUR_S) },
    } as NoticeResponse);
    expect(r.status).toBe(422);
    expect(problemOf(r).invalidParams?.[0]?.name).toBe('/proposal/plannedEnd');
  });

  it("answers 404 for an unknown notice and for another client's", async () => {
    const mock = mockOf();
    await post(mock, maintenance());
    expect((await respond(mock, 'ntc-none', proposal())).status).toBe(404);
    const foreign = await respond(mock, 'ntc-0001', proposal(), { key: demoCredentials.platformHmac });
    expect(foreign.status).toBe(404);
    expect(problemOf(foreign).type).toBe('https://ecdx.dev/problems/notice-not-found');
  });

  it('records a response sent again under a new Idempotency-Key once, and refuses another response reusing its id', async () => {
    const mock = mockOf();
    await post(mock, maintenance());
    await respond(mock, 'ntc-0001', proposal());
    const again = await respond(mock, 'ntc-0001', proposal());
    expect(again.status).toBe(201);
    expect(noticeOf(again).negotiation.responses).toHaveLength(1);
    const reused = await respond(mock, 'ntc-0001', { ...response('WITHDRAW'), responseId: 'rsp-propose' });
    expect(reused.status).toBe(422);
    expect(problemOf(reused).invalidParams?.[0]?.name).toBe('/responseId');
  });
});
