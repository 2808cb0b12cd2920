// The check model itself: what defineCheck derives from the registry, what a group passes on, how the runner
// reports a step not taken and a scan that found nothing, and how shared fixtures are created, recorded and fail.
import { describe, expect, it } from 'vitest';
import { classOf, defineCheck, defineFixture, defineGroup, roleOf } from './check.ts';
import { runSuite } from './runner.ts';
import { scriptedClaim, scriptedDispatcher, SCRIPTED_TARGET, type Script } from './scripted-target.ts';
import { verbatim } from '../i18n/text.ts';

const claim = scriptedClaim('carrier', ['carrier-shipping']);
const serving =
  (script: Script): Script =>
  (request) =>
    request.path.startsWith('/v1/conformance') ? { status: 200, json: claim } : script(request);

async function run(checks: Parameters<typeof runSuite>[0]['checks'], script: Script = () => ({ status: 200, json: {} })) {
  const { dispatcher, requests } = scriptedDispatcher(serving(script));
  try {
    return { report: await runSuite({ target: SCRIPTED_TARGET, role: 'carrier', checks, dispatcher, timeoutMs: 2_000 }), requests };
  } finally {
    await dispatcher.close();
  }
}

describe('defineCheck', () => {
  it('derives class and role from the requirements', () => {
    const check = defineCheck({
      id: 'shipping/x',
      requirements: ['ECDX-SHP-001'],
      title: 'Derived',
      description: 'A check that says neither class nor role.',
      run: async () => {},
    });
    expect([check.class, check.role, check.declared]).toEqual(['carrier-shipping', 'carrier', {}]);
    expect([classOf(['ECDX-SEC-002']), roleOf(['ECDX-SEC-002'])]).toEqual(['security', 'both']);
    expect(roleOf(['ECDX-SEC-002', 'ECDX-SHP-001'])).toBe('carrier');
  });

  it('asks for the class when the requirements belong to several, and takes what a group or the check says', () => {
    const definition = {
      id: 'shipping/y',
      requirements: ['ECDX-SHP-003', 'ECDX-PRV-010'],
      title: 'Mixed',
      description: 'Requirements of two classes.',
      run: async () => {},
    };
    expect(() => defineCheck(definition)).toThrow(/belong to several classes, so it must name its class/);
    const group = defineGroup({ role: 'carrier', needs: ['test-mode'] });
    const check = defineCheck({ ...definition, class: 'carrier-shipping', group });
    expect([check.class, check.role, check.needs, check.declared]).toEqual(['carrier-shipping', 'carrier', ['test-mode'], { class: 'carrier-shipping' }]);
    expect(defineCheck({ ...definition, class: 'privacy', group, needs: ['callback'] }).needs).toEqual(['callback']);
  });
});

describe('the runner', () => {
  it("attributes an assertion to the check's only requirement, and reports a step not taken without counting it", async () => {
    const check = defineCheck({
      id: 'shipping/z',
      requirements: ['ECDX-SHP-001'],
      title: 'Blocked step',
      description: 'Asserts once and skips a step.',
      async run(t) {
        t.assert(t.role === 'carrier', verbatim('the first step held'));
        t.blocked(verbatim('the harness holds no second key, so the second step was not taken'));
      },
    });
    const { report } = await run([check]);
    const result = report.results[0]!;
    expect([result.status, result.message]).toMatchInlineSnapshot(`
      [
        "passed",
        "1 assertion held; a step was not taken: the harness holds no second key, so the second step was not taken",
      ]
    `);
    expect(result.evidence).toMatchInlineSnapshot(`
      [
        {
          "kind": "assertion",
          "message": "the first step held",
          "passed": true,
          "requirementId": "ECDX-SHP-001",
        },
        {
          "kind": "blocked",
          "message": "the harness holds no second key, so the second step was not taken",
          "requirementId": "ECDX-SHP-001",
        },
      ]
    `);
  });

  it('fails expectNone on the first finding, with how many more there were', async () => {
    const check = defineCheck({
      id: 'shipping/w',
      requirements: ['ECDX-SHP-001', 'ECDX-SHP-002'],
      title: 'Findings',
      description: 'Scans and finds two things.',
      async run(t) {
        t.expectNone(
          [{ message: verbatim('the first member leaks'), pointer: '/a', requirementId: 'ECDX-SHP-002' }, { message: verbatim('the second too') }],
          verbatim('nothing leaks'),
        );
      },
    });
    const { report } = await run([check]);
    const result = report.results[0]!;
    expect([result.status, result.message, result.failedRequirementIds]).toMatchInlineSnapshot(`
      [
        "failed",
        "the first member leaks (and 1 more finding)",
        [
          "ECDX-SHP-002",
        ],
      ]
    `);
  });

  it('creates a shared fixture once, in a record of its own, for every check that uses it', async () => {
    let created = 0;
    const shipment = defineFixture({
      id: 'shipment:test',
      title: 'A shipment',
      async create(t) {
        created += 1;
        const response = await t.http.post('/v1/shipments', { order: 1 });
        t.assert(response.status === 201, verbatim('the shipment was created'));
        return { waybillNo: 'ECDX000000000001' };
      },
    });
    const reader = (id: string) =>
      defineCheck({
        id,
        requirements: ['ECDX-SHP-007'],
        title: 'Reads the shipment',
        description: 'Uses the shared shipment.',
        uses: { shipment },
        async run(t, { shipment: shared }) {
          const { waybillNo } = await shared();
          t.assert((await t.http.get(`/v1/shipments/${waybillNo}`)).status === 200, verbatim(`${waybillNo} reads back`));
        },
      });
    const { report, requests } = await run([reader('shipping/a'), reader('shipping/b')], (r) => ({ status: r.method === 'POST' ? 201 : 200, json: {} }));
    expect(created).toBe(1);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(report.results.map((r) => [r.checkId, r.status, r.uses, r.evidence.length])).toEqual([
      ['shipping/a', 'passed', ['shipment:test'], 2],
      ['shipping/b', 'passed', ['shipment:test'], 2],
    ]);
    expect(report.fixtures?.map((f) => ({ ...f, durationMs: 0, evidence: f.evidence.map((e) => e.kind) }))).toMatchInlineSnapshot(`
      [
        {
          "durationMs": 0,
          "evidence": [
            "http",
            "assertion",
          ],
          "id": "shipment:test",
          "status": "ready",
          "title": "A shipment",
          "usedBy": [
            "shipping/a",
            "shipping/b",
          ],
        },
      ]
    `);
  });

  it('ends every check that needs a fixture precondition-failed when it cannot be created', async () => {
    const broken = defineFixture({
      id: 'shipment:broken',
      title: 'A shipment that cannot be made',
      async create(t) {
        const response = await t.http.post('/v1/shipments', {});
        t.precondition(response.status === 201, verbatim(`POST /v1/shipments answered ${response.status}`));
        return response;
      },
    });
    const user = defineCheck({
      id: 'shipping/c',
      requirements: ['ECDX-SHP-007'],
      title: 'Needs it',
      description: 'Uses the broken fixture.',
      uses: { broken },
      run: async (_t, { broken: get }) => void (await get()),
    });
    const { report } = await run([user], () => ({ status: 500, json: {} }));
    expect([report.results[0]!.status, report.results[0]!.message]).toMatchInlineSnapshot(`
      [
        "precondition-failed",
        "the shared fixture 'shipment:broken' could not be set up: POST /v1/shipments answered 500",
      ]
    `);
    expect(report.fixtures?.map((f) => [f.id, f.status, f.message])).toMatchInlineSnapshot(`
      [
        [
          "shipment:broken",
          "failed",
          "POST /v1/shipments answered 500",
        ],
      ]
    `);
  });
});
