// Generated statistics checks (kit/generated.ts): the invalid queries of GET /v1/statistics/sharing derived from its
// parameters' schemas (from or to missing, not a timestamp, one character too long), each of which must be refused
// with 422 validation-failed naming the parameter.
import { defineCheck } from '../../harness/check.ts';
import { expectGeneratedQueryRefusals, queryOf } from '../../kit/generated.ts';

export const generatedStatisticsChecks = [
  defineCheck({
    id: 'statistics/generated-invalid-period-query-refused',
    requirements: ['ECDX-STA-002', 'ECDX-ERR-003', 'ECDX-ERR-004'],
    class: 'statistics',
    title: 'Every invalid period query derived from the parameters is refused naming the parameter',
    description:
      'Derives the invalid queries of `GET /v1/statistics/sharing` from its parameters’ schemas — `from` or `to` ' +
      'missing, breaking the Timestamp pattern or format, one character too long — from a valid past month. Each must ' +
      'be refused with 422 `validation-failed` naming the parameter, never 5xx.',
    async run(t) {
      const { parameters, valid } = queryOf('getSharingStatistics');
      await expectGeneratedQueryRefusals(t, { path: '/v1/statistics/sharing', parameters, valid, requirement: 'ECDX-STA-002' });
    },
  }),
];
