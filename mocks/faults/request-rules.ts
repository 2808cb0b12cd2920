// Faults of the request rules decided in issue 10 (decision 0030): the idempotency-key-missing problem names the
// header, a request that creates nothing is processed whatever Idempotency-Key it carries, and HEAD and OPTIONS are
// methods no ECDX path supports. The two switches are read by the request pipeline (mocks/core/mock.ts); the
// problem rewrite applies to every answer, since the refusal comes before the operation's own code.
import type { Problem } from '../../schemas/src/index.ts';
import { defineFault } from '../core/faults.ts';

export const requestRuleFaults = [
  defineFault({
    name: 'idempotency-key-missing-unnamed',
    requirements: ['ECDX-IDM-002'],
    role: 'both',
    description: 'Answers a creating POST without a usable Idempotency-Key with 400 idempotency-key-missing but no invalidParams naming the header.',
    operation: '*',
    rewrite: (_input, r) => {
      const body = r.body as Partial<Problem> | undefined;
      if (r.status !== 400 || !body?.type?.endsWith('/idempotency-key-missing')) return r;
      const { invalidParams: _invalidParams, ...rest } = body;
      return { ...r, body: rest };
    },
  }),
  defineFault({
    name: 'idempotency-key-refused-when-not-creating',
    switch: 'idempotency-key-refused-when-not-creating',
    requirements: ['ECDX-IDM-010'],
    role: 'both',
    description: 'Refuses with 400 bad-request a request that is not a creating POST (a GET, a move of the test clock) when it carries an Idempotency-Key.',
  }),
  defineFault({
    name: 'options-answered-with-allow',
    switch: 'options-answered-with-allow',
    requirements: ['ECDX-CNF-008'],
    role: 'both',
    description: 'Answers OPTIONS on a defined path with 204 and an Allow header, as web frameworks do by default, instead of 405 method-not-allowed.',
  }),
];
