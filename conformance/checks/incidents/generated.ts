// Generated incident checks (kit/generated.ts): the invalid SecurityIncidents derived from the schema member by
// member and keyword by keyword, and `--fuzz-runs` random ones, each of which must be refused with 422
// validation-failed naming the member it breaks.
import { SecurityIncident } from '../../../schemas/src/index.ts';
import { arbitraryFor } from '../../generate/arbitrary.ts';
import { defineCheck } from '../../harness/check.ts';
import { expectGeneratedRefusals, fullInstance } from '../../kit/generated.ts';
import { verbatim } from '../../i18n/text.ts';

const PATH = '/v1/security-incidents';

export const generatedIncidentChecks = [
  defineCheck({
    id: 'incidents/generated-invalid-incident-refused',
    requirements: ['ECDX-INC-008', 'ECDX-ERR-003', 'ECDX-ERR-004', 'ECDX-ERR-008'],
    class: 'incidents',
    title: 'Every invalid SecurityIncident derived from the schema is refused naming its member',
    description:
      'Derives invalid notifications from `SecurityIncident` (each member missing, of a wrong type, its pattern, ' +
      'format, bounds or enum broken, an undefined member, oversized) from a valid one with every member the schema ' +
      'defines, and `--fuzz-runs` random ones, and posts each to `POST /v1/security-incidents`; then the valid one ' +
      'declared as text/plain. Each must be refused with 422 `validation-failed` naming the member it breaks (415 ' +
      'for text/plain), never 2xx, never 5xx.',
    async run(t) {
      await expectGeneratedRefusals(t, {
        what: verbatim(`POST ${PATH}`),
        schema: SecurityIncident,
        base: fullInstance(t, SecurityIncident),
        arbitrary: arbitraryFor(SecurityIncident),
        send: (body, headers) => t.http.post(PATH, body, headers ? { headers } : {}),
        requirement: 'ECDX-INC-008',
        mediaTypeRequirement: 'ECDX-ERR-008',
      });
    },
  }),
];
