// Statistics checks against a scripted carrier (after Redocly's rule tests): it creates shipments and answers the
// figures for a period as the Sharing statistics chapter says, unless a test makes it wrong in one way; each check
// runs once against the right carrier and once against the wrong one, with the status and message a vendor would read.
import { describe, expect, it } from 'vitest';
import { schemaByName, type SharingStatistics } from '../../../schemas/src/index.ts';
import { statisticsPeriodProblem } from '../../../schemas/src/statistics.ts';
import { DAY, SECOND } from '../../../schemas/time.ts';
import { violations } from '../../../schemas/validate.ts';
import type { CheckResult } from '../../harness/report.ts';
import { runScripted, scriptedClaim, scriptedProblem, type Script, type ScriptedAnswer } from '../../harness/scripted-target.ts';
import { statisticsChecks } from './index.ts';

const check = (id: string) => statisticsChecks.find((c) => c.id === id)!;
const outcome = ({ status, message }: CheckResult) => ({ status, message });
const example = (schemaByName('SharingStatistics') as { examples: SharingStatistics[] }).examples[0]!;

/** How the scripted carrier goes wrong, if at all, and how its clock runs. */
interface Faults {
  /**
   * A test clock that stands still (speed 0) 30 s behind the harness's clock, as after 30 s of load since the harness
   * last read it: the read when the run starts is answered 503, so the harness's own estimate is 30 s ahead.
   */
  frozen?: boolean;
  /** It takes a period of 366 days and a second (it counts the days inclusively). */
  periodOneSecondLong?: boolean;
  /** It changes the figures it answers. */
  figures?: (stats: SharingStatistics, recipients: string[]) => SharingStatistics;
}

/** A carrier that creates every valid shipment and counts them in the figures of any period that asks. */
function carrier(faults: Faults = {}): Script {
  let created = 0;
  const recipients: string[] = [];
  const frozenAt = Math.floor(Date.now() / SECOND) * SECOND - 30 * SECOND;
  const now = () => new Date(faults.frozen ? frozenAt : Date.now());
  let clockReads = 0;
  return (request): ScriptedAnswer => {
    const url = new URL(request.path, 'http://carrier.invalid');
    if (url.pathname === '/v1/test/clock' && faults.frozen) {
      return clockReads++ === 0 ? { status: 503, json: {} } : { status: 200, json: { now: now().toISOString(), speed: 0 } };
    }
    if (request.method === 'POST' && url.pathname === '/v1/shipments') {
      const body = JSON.parse(request.body) as { recipient?: { name?: string }; package?: { count?: number } };
      if (violations('ShipmentRequest', body, 1).length > 0)
        return scriptedProblem('validation-failed', { invalidParams: [{ name: '/package/count', reason: 'x' }] });
      recipients.push(body.recipient?.name ?? '');
      const waybillNo = `ECDXDEMO${String(++created).padStart(10, '0')}`;
      const at = new Date().toISOString();
      return { status: 201, json: { waybillNo, carrierCode: 'ECDXDEMO', status: 'CREATED', request: body, createdAt: at, updatedAt: at } };
    }
    if (url.pathname !== '/v1/statistics/sharing') return scriptedProblem('not-found');
    const malformed = (['from', 'to'] as const).filter((name) => violations('Timestamp', url.searchParams.get(name)).length > 0);
    if (malformed.length > 0)
      return scriptedProblem('validation-failed', {
        invalidParams: malformed.map((name) => ({ name: `/${name}`, in: 'query', reason: 'an RFC 3339 date-time' })),
      });
    const [from, to] = [url.searchParams.get('from')!, url.searchParams.get('to')!];
    const longBy = Date.parse(to) - Date.parse(from) - 366 * DAY;
    const problem = statisticsPeriodProblem(from, to, now());
    if (problem && !(faults.periodOneSecondLong && longBy === SECOND)) return scriptedProblem('statistics-period-invalid', { detail: problem });
    const stats: SharingStatistics = {
      ...example,
      period: { from, to },
      generatedAt: now().toISOString(),
      party: { name: 'Scripted Carrier', role: 'carrier', carrierCode: 'ECDXDEMO' },
      counterparty: { name: 'Scripted Platform', role: 'platform' },
      shipments: { received: created, accepted: created, rejected: 0, rejectedByReason: {} },
      interruptions: { count: 0, minutes: 0 },
    };
    return { status: 200, json: faults.figures ? faults.figures(stats, recipients) : stats };
  };
}

const run = async (id: string, script: Script, extra = {}) =>
  outcome(await runScripted(check(id), { role: 'carrier', claim: scriptedClaim('carrier', ['carrier-shipping', 'statistics'], extra), script }));

describe('statistics checks against a scripted carrier', () => {
  it('statistics/period-validated, at the longest period to the second', async () => {
    expect(await run('statistics/period-validated', carrier())).toMatchInlineSnapshot(`
      {
        "message": "57 assertions held",
        "status": "passed",
      }
    `);
    expect(await run('statistics/period-validated', carrier({ periodOneSecondLong: true }))).toMatchInlineSnapshot(`
      {
        "message": "GET /v1/statistics/sharing with a period of 366 days and 1 s: expected HTTP 422 (statistics-period-invalid), got 200",
        "status": "failed",
      }
    `);
  });

  it('statistics/served-for-period', async () => {
    expect(await run('statistics/served-for-period', carrier())).toMatchInlineSnapshot(`
      {
        "message": "6 assertions held",
        "status": "passed",
      }
    `);
    // The schema and the chapter leave counterparty optional: a target that omits it is not failed for it.
    const anonymous = carrier({ figures: ({ counterparty: _counterparty, ...stats }) => stats as SharingStatistics });
    expect(await run('statistics/served-for-period', anonymous)).toMatchInlineSnapshot(`
      {
        "message": "5 assertions held",
        "status": "passed",
      }
    `);
    const misnamed = carrier({ figures: (stats) => ({ ...stats, counterparty: { name: 'Another Carrier', role: 'carrier', carrierCode: 'ECDXOTHER' } }) });
    expect(await run('statistics/served-for-period', misnamed)).toMatchInlineSnapshot(`
      {
        "message": "the counterparty the figures name is the requesting platform (got carrier)",
        "status": "failed",
      }
    `);
  });

  describe('against a test clock that stands still behind the harness', () => {
    it.each([
      'statistics/served-for-period',
      'statistics/period-validated',
      'statistics/no-personal-data',
      'statistics/figures-consistent',
      'statistics/past-year-answered',
    ])('%s asks for periods on the target clock as read', async (id) => {
      expect(await run(id, carrier({ frozen: true }), { testMode: true })).toMatchObject({ status: 'passed' });
    });
  });

  it('statistics/no-personal-data, one judgement over every text member', async () => {
    expect(await run('statistics/no-personal-data', carrier())).toMatchInlineSnapshot(`
      {
        "message": "4 assertions held",
        "status": "passed",
      }
    `);
    const naming = carrier({
      figures: (stats, recipients) => ({ ...stats, counterparty: { role: 'platform', name: `Platform of ${recipients.join(', ')}` } }),
    });
    expect(await run('statistics/no-personal-data', naming)).toMatchInlineSnapshot(`
      {
        "message": "the statistics repeat the name the harness sent, at /counterparty/name",
        "status": "failed",
      }
    `);
  });

  it('statistics/figures-consistent', async () => {
    expect(await run('statistics/figures-consistent', carrier())).toMatchInlineSnapshot(`
      {
        "message": "6 assertions held",
        "status": "passed",
      }
    `);
    const offByOne = carrier({ figures: (stats) => ({ ...stats, shipments: { ...stats.shipments, received: stats.shipments.received + 1 } }) });
    expect(await run('statistics/figures-consistent', offByOne)).toMatchInlineSnapshot(`
      {
        "message": "GET /v1/statistics/sharing for the window of the exchanges: accepted 1 + rejected 0 ≠ received 2",
        "status": "failed",
      }
    `);
  });
});
