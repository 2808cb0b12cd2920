import { afterEach, describe, expect, it } from 'vitest';
import { addSeconds } from '../../../schemas/notice-rules.ts';
import type { IncidentReceipt, Problem, SecurityIncident } from '../../../schemas/src/index.ts';
import { send } from '../../testing.ts';
import { createMock, type Mock } from '../mock.ts';
import { timestampAt } from './discovery.ts';
import { heldIncidents } from './incidents.ts';
import { HOUR, SECOND } from '../../../schemas/time.ts';

const START = Date.parse('2026-03-01T09:30:00+08:00');
const NOW = timestampAt(START);
/** The notice rules count seconds. */
const HOUR_S = HOUR / SECOND;
const mocks: Mock[] = [];
const mockOf = () => {
  const mock = createMock({ selfCheck: true, clockSpeed: 0, clockStart: START });
  mocks.push(mock);
  return mock;
};
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

const incident = (overrides: Partial<SecurityIncident> = {}): SecurityIncident => ({
  incidentId: 'inc-0001',
  reportedBy: { name: 'ECDX Demo Platform', role: 'platform' },
  detectedAt: addSeconds(NOW, -2 * HOUR_S),
  occurredAt: addSeconds(NOW, -5 * HOUR_S),
  reportedAt: addSeconds(NOW, -60),
  category: 'CREDENTIAL_COMPROMISE',
  severity: 'LARGER',
  summary: '一个请求签名密钥在日志中暴露,已吊销。',
  affectedDataCategories: ['CREDENTIALS'],
  estimatedRecords: 0,
  affectedFeeds: ['SHIPPING_DATA'],
  emergencyPlanActivated: true,
  emergencyPlanActivatedAt: addSeconds(NOW, -HOUR_S),
  measuresTaken: ['吊销并轮换密钥'],
  authoritiesNotified: [{ authority: 'COMMERCE', notifiedAt: addSeconds(NOW, -HOUR_S) }],
  contact: { mailbox: 'security@example.com' },
  ...overrides,
});

const notify = (mock: Mock, body: SecurityIncident, options = {}) => send(mock, 'POST', '/v1/security-incidents', body, options);
const problemOf = (r: { body?: unknown }) => r.body as Problem;

describe('POST /v1/security-incidents', () => {
  it('answers a valid, signed notification with 201 and a receipt of its id and the time of receipt', async () => {
    const mock = mockOf();
    mock.context.clock.advance(5_000);
    const r = await notify(mock, incident());
    expect(r.status).toBe(201);
    expect(r.body as IncidentReceipt).toEqual({ incidentId: 'inc-0001', receivedAt: timestampAt(START + 5_000) });
  });

  it('refuses an unsigned notification with 401 and records nothing', async () => {
    const mock = mockOf();
    const r = await notify(mock, incident(), { key: false });
    expect(r.status).toBe(401);
    expect(problemOf(r).type).toBe('https://ecdx.dev/problems/signature-missing');
    expect(heldIncidents(mock.context).size).toBe(0);
  });

  it('refuses with validation-failed an occurredAt after detectedAt and a reportedAt before detectedAt', async () => {
    const mock = mockOf();
    const occurredLater = await notify(mock, incident({ occurredAt: addSeconds(NOW, -HOUR_S) }));
    expect(occurredLater.status).toBe(422);
    expect(problemOf(occurredLater).type).toBe('https://ecdx.dev/problems/validation-failed');
    expect(problemOf(occurredLater).invalidParams).toEqual([expect.objectContaining({ name: '/occurredAt', in: 'body' })]);
    const reportedEarlier = await notify(mock, incident({ reportedAt: addSeconds(NOW, -3 * HOUR_S) }));
    expect(problemOf(reportedEarlier).invalidParams?.[0]?.name).toBe('/reportedAt');
    expect(heldIncidents(mock.context).size).toBe(0);
  });

  it('refuses a body that is not a valid SecurityIncident', async () => {
    const { measuresTaken: _m, ...withoutMeasures } = incident();
    const r = await send(mockOf(), 'POST', '/v1/security-incidents', withoutMeasures);
    expect(r.status).toBe(422);
    expect(problemOf(r).type).toBe('https://ecdx.dev/problems/validation-failed');
  });

  it('records a repeated incidentId as an update with a new receipt and keeps every version', async () => {
    const mock = mockOf();
    await notify(mock, incident());
    mock.context.clock.advance(HOUR_S * 1000);
    const update = await notify(mock, incident({ severity: 'MAJOR', reportedAt: addSeconds(NOW, HOUR_S) }));
    expect(update.status).toBe(201);
    expect((update.body as IncidentReceipt).receivedAt).toBe(timestampAt(START + HOUR_S * 1000));
    const [held] = heldIncidents(mock.context).values();
    expect(held?.versions.map((v) => v.incident.severity)).toEqual(['LARGER', 'MAJOR']);
  });

  it('answers a repeat under the same Idempotency-Key with the original receipt and records it once', async () => {
    const mock = mockOf();
    const first = await notify(mock, incident(), { idempotencyKey: 'key-1' });
    mock.context.clock.advance(60_000);
    const replay = await notify(mock, incident(), { idempotencyKey: 'key-1' });
    expect(replay.body).toEqual(first.body);
    expect(heldIncidents(mock.context).values()[0]?.versions).toHaveLength(1);
  });

  it('accepts a late notification, one without an emergency plan, and one with no authority notified', async () => {
    const mock = mockOf();
    const late = incident({
      incidentId: 'inc-late',
      detectedAt: addSeconds(NOW, -72 * HOUR_S),
      occurredAt: addSeconds(NOW, -80 * HOUR_S),
      emergencyPlanActivatedAt: addSeconds(NOW, -70 * HOUR_S),
    });
    const { emergencyPlanActivatedAt: _at, ...planless } = incident({ incidentId: 'inc-planless', emergencyPlanActivated: false });
    const unreported = incident({ incidentId: 'inc-unreported', authoritiesNotified: [] });
    // An activation time for a plan said not to run is contradictory, but no ground for refusal in the chapter.
    const contradictory = incident({ incidentId: 'inc-contradictory', emergencyPlanActivated: false });
    for (const body of [late, planless, unreported, contradictory]) expect((await notify(mock, body)).status).toBe(201);
  });
});
