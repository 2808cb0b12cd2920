// Each governance fault against a scenario that observes its requirement: without the fault the scenario sees no
// violation, with it exactly the requirements the fault lists — so every fault is proved to break its rule and,
// as far as the scenario can see, nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../protocol/index.ts';
import { findMobileNumbers } from '../../schemas/identifiers.ts';
import { addSeconds, obligations } from '../../schemas/notice-rules.ts';
import {
  checkConformanceClaim,
  checkHealth,
  feedsOfClasses,
  statisticsInconsistencies,
  type ConformanceClaim,
  type Health,
  type IncidentReceipt,
  type InterruptionNotice,
  type InterruptionNoticeRequest,
  type NoticeResponse,
  type Problem,
  type SecurityIncident,
  type SharingStatistics,
} from '../../schemas/src/index.ts';
import { violations } from '../../schemas/validate.ts';
import requirementsRegistry from '../../spec/requirements.json' with { type: 'json' };
import { recordActivity } from '../core/activity.ts';
import { createMock, type Mock } from '../core/mock.ts';
import { timestampAt } from '../core/operations/discovery.ts';
import { heldIncidents } from '../core/operations/incidents.ts';
import { provideService } from '../core/services.ts';
import { createShipment, shippingData } from '../core/simulator/fixtures.ts';
import type { MockResponse } from '../core/types.ts';
import { significantMaintenance } from '../test-support/notices.ts';
import { send } from '../testing.ts';
import { governanceFaults } from './governance.ts';
import { faults, faultsNamed, type FaultName } from './index.ts';
import { DAY, HOUR, SECOND } from '../../schemas/time.ts';

const START = Date.parse('2026-03-01T09:30:00+08:00');
const NOW = timestampAt(START);
/** The notice rules count seconds. */
const HOUR_S = HOUR / SECOND;
const mocks: Mock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

type Scenario = (mock: Mock) => Promise<string[]>;
/** The requirement, when `broken`; otherwise nothing. */
const unless = (holds: boolean, ...requirements: string[]) => (holds ? [] : requirements);
const problemType = (r: MockResponse) => (r.body as Problem | undefined)?.type?.replace('https://ecdx.dev/problems/', '');

// --- discovery ------------------------------------------------------------------------------------------

const claim = async (mock: Mock, query = '') => (await send(mock, 'GET', `/v1/conformance${query}`, undefined, { key: false })).body as ConformanceClaim;

const health = async (mock: Mock): Promise<string[]> => {
  const c = await claim(mock);
  const r = await send(mock, 'GET', '/v1/health', undefined, { key: false });
  if (r.status !== 200) return ['ECDX-HLT-001'];
  const findings = checkHealth(r.body as Health, mock.context.clock.date(), feedsOfClasses(c.role, c.classes), c.ecdxVersion);
  return [...new Set(findings.map((f) => f.requirement))];
};

/** A push backlog the dispatcher would report while a callback refuses deliveries. */
const stuckPushes = (mock: Mock) =>
  provideService(mock.context, 'pushes', { pendingAttempts: () => 0, backlog: () => ({ pendingBatches: 2, oldestPendingAt: START - 60_000 }) });

const statisticsPath = (from = timestampAt(START - DAY), to = NOW) => `/v1/statistics/sharing?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

/** Whether a creating request made now is still replayed just before the published expiry runs out. */
async function keysKeptAsPublished(mock: Mock): Promise<string[]> {
  const c = await claim(mock);
  const valid = violations('ConformanceClaim', c).length === 0;
  await send(mock, 'POST', '/v1/security-incidents', incident(), { idempotencyKey: 'idem-expiry' });
  mock.context.clock.advance((c.idempotencyKeyExpirySeconds - 60) * 1000);
  const again = await send(mock, 'POST', '/v1/security-incidents', incident(), { idempotencyKey: 'idem-expiry' });
  const replayed = again.headers['idempotency-replayed'] === 'true';
  return [...unless(valid, 'ECDX-CNF-001'), ...unless(c.idempotencyKeyExpirySeconds >= 86_400 && replayed, 'ECDX-IDM-006')];
}

// --- notices --------------------------------------------------------------------------------------------

const notice = (overrides: Partial<InterruptionNoticeRequest> = {}): InterruptionNoticeRequest => significantMaintenance(NOW, overrides);
const issuerSays = (type: 'WITHDRAW' | 'ACCEPT', responseId = `rsp-${type}`): NoticeResponse => ({ responseId, respondent: 'ISSUER', type, respondedAt: NOW });
const proposal = (responseId = 'rsp-p'): NoticeResponse => ({
  responseId,
  respondent: 'ISSUER',
  type: 'PROPOSE',
  respondedAt: NOW,
  proposal: { plannedStart: addSeconds(NOW, 96 * HOUR_S), plannedEnd: addSeconds(NOW, 97 * HOUR_S) },
});
const postNotice = (mock: Mock, body = notice()) => send(mock, 'POST', '/v1/interruption-notices', body);
const respond = (mock: Mock, body: NoticeResponse, noticeId = 'ntc-1') => send(mock, 'POST', `/v1/interruption-notices/${noticeId}/responses`, body);
const readNotice = async (mock: Mock, options = {}) => send(mock, 'GET', '/v1/interruption-notices/ntc-1', undefined, options);
const refusedAs = async (mock: Mock, body: InterruptionNoticeRequest, slug: string) => problemType(await postNotice(mock, body)) === slug;

// --- incidents ------------------------------------------------------------------------------------------

const incident = (overrides: Partial<SecurityIncident> = {}): SecurityIncident => ({
  incidentId: 'inc-1',
  reportedBy: { name: 'ECDX Demo Platform', role: 'platform' },
  detectedAt: addSeconds(NOW, -HOUR_S),
  reportedAt: NOW,
  category: 'DENIAL_OF_SERVICE',
  severity: 'GENERAL',
  summary: '接口遭受流量攻击',
  affectedDataCategories: [],
  estimatedRecords: 0,
  affectedFeeds: ['SHIPPING_DATA'],
  emergencyPlanActivated: true,
  measuresTaken: ['限流'],
  authoritiesNotified: [],
  contact: { mailbox: 'soc@example.com' },
  ...overrides,
});
const notify = (mock: Mock, body = incident(), options = {}) => send(mock, 'POST', '/v1/security-incidents', body, options);

// --- the scenarios --------------------------------------------------------------------------------------

const scenarios: Record<string, Scenario> = {
  'claim-unknown-role-answered': async (mock) => {
    const r = await send(mock, 'GET', '/v1/conformance?role=AAA', undefined, { key: false });
    const params = (r.body as { invalidParams?: { name: string; in?: string }[] }).invalidParams ?? [];
    return unless(r.status === 422 && params.some((p) => p.name === '/role' && p.in === 'query'), 'ECDX-CNF-007');
  },
  'claim-platform-with-carrier-code': async (mock) => unless(checkConformanceClaim(await claim(mock, '?role=platform')).length === 0, 'ECDX-CNF-002'),
  'claim-hmac-not-honoured': async (mock) => {
    const get = await send(mock, 'GET', statisticsPath(), undefined, { key: demoCredentials.platformHmac });
    return unless(get.status === 200, 'ECDX-CNF-004');
  },
  'claim-production-accepts-demo-keys': async (mock) => {
    const production = (await claim(mock)).testMode !== true;
    const demoAccepted = (await send(mock, 'GET', statisticsPath())).status === 200;
    return unless(!(production && demoAccepted), 'ECDX-SEC-016');
  },
  'test-clock-unreadable': async (mock) => {
    const r = await send(mock, 'GET', '/v1/test/clock');
    return unless(
      r.status === 200 &&
        violations('TestClock', r.body).length === 0 &&
        (await send(mock, 'POST', '/v1/test/clock', { advanceSeconds: 60 }, { idempotencyKey: false })).status === 200,
      'ECDX-CNF-006',
    );
  },
  'claim-idempotency-expiry-overstated': keysKeptAsPublished,

  'health-requires-signature': health,
  'health-clock-ahead': health,
  'health-version-mismatch': health,
  'health-omits-shipping-feed': health,
  'health-status-better-than-feeds': health,
  'health-pending-age-without-backlog': health,
  'health-push-backlog-hidden': async (mock) => {
    stuckPushes(mock);
    const push = ((await send(mock, 'GET', '/v1/health')).body as Health).feeds.find((f) => f.feed === 'PARCEL_DATA_PUSH');
    return [...(await health(mock)), ...unless(push !== undefined && push.backlog > 0 && push.status !== 'UP', 'ECDX-HLT-007')];
  },

  'notice-receipt-without-location': async (mock) => unless((await postNotice(mock)).headers['location'] === '/v1/interruption-notices/ntc-1', 'ECDX-NTC-003'),
  'notice-lead-time-not-checked': async (mock) =>
    unless(
      await refusedAs(
        mock,
        notice({
          plannedStart: addSeconds(NOW, HOUR_S),
          plannedEnd: addSeconds(NOW, 2 * HOUR_S),
          publicDisclosure: undefined,
          impact: { ...notice().impact, severity: 'MINOR' },
        }),
        'notice-lead-time-too-short',
      ),
      'ECDX-NTC-004',
    ),
  'notice-severity-not-checked': async (mock) =>
    unless(await refusedAs(mock, notice({ impact: { ...notice().impact, severity: 'MINOR' } }), 'notice-severity-understated'), 'ECDX-NTC-005'),
  'notice-disclosure-not-checked': async (mock) =>
    unless(await refusedAs(mock, notice({ publicDisclosure: undefined }), 'notice-disclosure-missing'), 'ECDX-NTC-006'),
  'notice-issued-at-not-checked': async (mock) =>
    unless(await refusedAs(mock, notice({ issuedAt: addSeconds(NOW, -600) }), 'notice-issued-at-invalid'), 'ECDX-NTC-007'),
  'notice-disclosure-duty-unpublished': async (mock) => {
    await postNotice(mock);
    const held = (await readNotice(mock)).body as InterruptionNotice;
    return unless(JSON.stringify(held.negotiation.obligations) === JSON.stringify(obligations(notice(), 'ISSUED')), 'ECDX-NTC-008');
  },
  'notice-read-without-responses': async (mock) => {
    await postNotice(mock);
    await respond(mock, proposal());
    const held = (await readNotice(mock)).body as InterruptionNotice;
    return unless(held.negotiation.state === 'PROPOSED' && held.negotiation.responses.length === 1, 'ECDX-NTC-009');
  },
  'notice-readable-by-any-party': async (mock) => {
    await postNotice(mock);
    return unless(problemType(await readNotice(mock, { key: demoCredentials.platformHmac })) === 'notice-not-found', 'ECDX-NTC-010');
  },
  'notice-response-answers-old-state': async (mock) => {
    await postNotice(mock);
    const answered = (await respond(mock, proposal())).body as InterruptionNotice;
    const held = (await readNotice(mock)).body as InterruptionNotice;
    return [
      ...unless(answered.negotiation.state === 'PROPOSED' && answered.negotiation.responses.length === 1, 'ECDX-NTC-011'),
      ...unless(held.negotiation.state === 'PROPOSED', 'ECDX-NTC-009'),
    ];
  },
  'notice-response-after-withdrawal-accepted': async (mock) => {
    await postNotice(mock);
    await respond(mock, issuerSays('WITHDRAW'));
    const after = await respond(mock, proposal());
    return unless(after.status === 409 && problemType(after) === 'notice-state-conflict', 'ECDX-NTC-012');
  },
  'notice-own-side-response-accepted': async (mock) => {
    await postNotice(mock);
    const ownSide = await respond(mock, { responseId: 'rsp-ack', respondent: 'RECIPIENT', type: 'ACKNOWLEDGE', respondedAt: NOW });
    return unless(problemType(ownSide) === 'notice-response-not-allowed', 'ECDX-NTC-013');
  },
  'notice-resend-judged-by-issued-at': async (mock) => {
    const first = await postNotice(mock);
    mock.context.clock.advance(10 * 60 * SECOND);
    const again = await postNotice(mock);
    // The neighbour still holds: a new notice with a stale issuedAt is refused.
    const stale = await refusedAs(mock, notice({ noticeId: 'ntc-2' }), 'notice-issued-at-invalid');
    return unless(first.status === 201 && again.status === 201 && stale, 'ECDX-NTC-019');
  },
  'notice-duty-cleared-when-met': async (mock) => {
    await postNotice(mock);
    const disclosed: NoticeResponse = {
      responseId: 'rsp-d',
      respondent: 'ISSUER',
      type: 'DISCLOSED',
      respondedAt: NOW,
      disclosure: { channels: ['WEBSITE'], plannedAt: NOW, url: 'https://example.com/notice' },
    };
    const answer = await respond(mock, disclosed);
    const held = answer.body as InterruptionNotice;
    return unless(answer.status === 201 && held.negotiation.obligations.publicDisclosureRequired === true, 'ECDX-NTC-008', 'ECDX-NTC-011');
  },
  'notice-misaddressed-accepted': async (mock) => {
    const elsewhere = notice({ recipient: { name: 'Another carrier', role: 'carrier', carrierCode: 'ECDXOTHER' } });
    const answer = await postNotice(mock, elsewhere);
    const held = await readNotice(mock);
    return unless(answer.status === 403 && problemType(answer) === 'forbidden' && held.status === 404, 'ECDX-NTC-020');
  },
  'notice-duplicate-overwritten': async (mock) => {
    await postNotice(mock);
    const other = await postNotice(mock, notice({ reasonDetail: '另一次维护' }));
    const held = (await readNotice(mock)).body as InterruptionNotice;
    return unless(other.status === 409 && problemType(other) === 'notice-already-exists' && held.reasonDetail === '维护', 'ECDX-NTC-014');
  },

  'incident-receipt-clock-behind': async (mock) => {
    const receipt = (await notify(mock)).body as IncidentReceipt;
    return unless(receipt.incidentId === 'inc-1' && Math.abs(Date.parse(receipt.receivedAt) - mock.context.clock.now()) <= 30_000, 'ECDX-INC-006');
  },
  'incident-accepts-unsigned': async (mock) => {
    const unsigned = await notify(mock, incident(), { key: false });
    return unless(unsigned.status === 401 && heldIncidents(mock.context).size === 0, 'ECDX-INC-007');
  },
  'incident-time-order-not-checked': async (mock) =>
    unless(problemType(await notify(mock, incident({ occurredAt: NOW }))) === 'validation-failed', 'ECDX-INC-008'),
  'incident-update-refused': async (mock) => {
    await notify(mock);
    return unless((await notify(mock, incident({ severity: 'LARGER' }))).status === 201, 'ECDX-INC-009');
  },
  'incident-refused-without-emergency-plan': async (mock) =>
    unless((await notify(mock, incident({ emergencyPlanActivated: false }))).status === 201, 'ECDX-INC-010'),
  'incident-refused-when-late': async (mock) =>
    unless((await notify(mock, incident({ detectedAt: addSeconds(NOW, -48 * HOUR_S) }))).status === 201, 'ECDX-INC-010'),

  'statistics-cover-all-counterparties': async (mock) => {
    recordActivity(mock.context, { kind: 'shipment-accepted', at: START - 60_000, counterparty: demoCredentials.platformHmac.keyid });
    return unless(
      (await send(mock, 'GET', statisticsPath())).status === 200 &&
        ((await send(mock, 'GET', statisticsPath())).body as SharingStatistics).shipments.received === 0,
      'ECDX-STA-001',
    );
  },
  'statistics-period-misreported': async (mock) => {
    const s = (await send(mock, 'GET', statisticsPath())).body as SharingStatistics;
    return unless(Date.parse(s.period.from) === START - DAY && Date.parse(s.period.to) === START, 'ECDX-STA-001');
  },
  'statistics-period-unchecked': async (mock) =>
    unless(problemType(await send(mock, 'GET', statisticsPath(NOW, timestampAt(START - DAY)))) === 'statistics-period-invalid', 'ECDX-STA-002'),
  'statistics-contain-mobile-number': async (mock) => {
    const text = JSON.stringify((await send(mock, 'GET', statisticsPath())).body);
    return unless(findMobileNumbers(text).length === 0, 'ECDX-STA-003', 'ECDX-PRV-015');
  },
  'statistics-contain-waybill-number': async (mock) => {
    const { waybillNo } = await createShipment(mock, shippingData('ecdx-happy-leak'));
    const text = JSON.stringify((await send(mock, 'GET', statisticsPath(NOW, timestampAt(START + 1000)))).body);
    return unless(!text.includes(waybillNo), 'ECDX-STA-003', 'ECDX-PRV-015');
  },
  'statistics-do-not-add-up': async (mock) =>
    unless(statisticsInconsistencies((await send(mock, 'GET', statisticsPath())).body as SharingStatistics).length === 0, 'ECDX-STA-004'),
  'statistics-short-retention': async (mock) =>
    unless((await send(mock, 'GET', statisticsPath(timestampAt(START - 300 * DAY), NOW))).status === 200, 'ECDX-STA-006'),
};

const run = async (faultNames: FaultName[], scenario: Scenario) => {
  const mock = createMock({ selfCheck: true, clockSpeed: 0, clockStart: START, faults: faultsNamed(...faultNames) });
  mocks.push(mock);
  return (await scenario(mock)).sort();
};

describe('governance faults', () => {
  for (const fault of governanceFaults) {
    it(`${fault.name} breaks exactly ${fault.requirements.join(', ')}`, async () => {
      const scenario = scenarios[fault.name];
      expect(scenario, `a scenario for ${fault.name}`).toBeDefined();
      expect(await run([], scenario!)).toEqual([]);
      expect(await run([fault.name], scenario!)).toEqual([...fault.requirements].sort());
    });
  }

  it('records nothing from a notification whose body is invalid, even with incident-accepts-unsigned', async () => {
    const mock = createMock({ clockSpeed: 0, clockStart: START, faults: faultsNamed('incident-accepts-unsigned') });
    mocks.push(mock);
    const r = await send(mock, 'POST', '/v1/security-incidents', { incidentId: 'x' }, { key: false });
    expect(r.status).toBe(401);
    expect(heldIncidents(mock.context).size).toBe(0);
  });

  it('still accepts a creating POST signed with hmac-sha256 under claim-hmac-not-honoured', async () => {
    const mock = createMock({ clockSpeed: 0, clockStart: START, faults: faultsNamed('claim-hmac-not-honoured') });
    mocks.push(mock);
    expect((await notify(mock, incident(), { key: demoCredentials.platformHmac })).status).toBe(201);
  });
});

describe('fault coverage of the governance requirements', () => {
  const registry = (requirementsRegistry as { requirements: { id: string; level: string; testable: boolean }[] }).requirements;
  const mustTestable = registry.filter((r) => r.testable && (r.level === 'MUST' || r.level === 'MUST NOT'));
  const ours = mustTestable.filter((r) => /^ECDX-(CNF|HLT|NTC|INC|STA)-/.test(r.id) || ['ECDX-PRV-015', 'ECDX-SEC-016', 'ECDX-IDM-006'].includes(r.id));

  it.each(ours.map((r) => r.id))('%s is broken by at least one fault', (id) => {
    expect(faults.some((f) => f.requirements.includes(id))).toBe(true);
  });

  it('names only testable MUST or MUST NOT requirements of the registry, with unique fault names', () => {
    const known = new Set(mustTestable.map((r) => r.id));
    for (const fault of governanceFaults) for (const id of fault.requirements) expect(known.has(id), `${fault.name}: ${id}`).toBe(true);
    const names = faults.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
