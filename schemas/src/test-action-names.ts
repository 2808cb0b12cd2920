// The names of the test actions (chapter Test controls, ECDX-CNF-010), apart from the actions themselves: the
// conformance claim lists them (`testActions`), and the actions' bodies name reasons and notices, so a module of its
// own keeps the claim from depending on the notice schemas.
import type { Static } from '@sinclair/typebox';
import { schemaId, StringEnum } from './common.ts';

export const TEST_ACTION_NAMES = ['send-shipment', 'subscribe', 'pull-trajectory', 'issue-notice', 'respond-to-notice', 'notify-incident'] as const;
export const TestActionName = StringEnum(TEST_ACTION_NAMES, {
  $id: schemaId('TestActionName'),
  title: 'TestActionName',
  description:
    'An action a test deployment performs as a client of the counterparty its harness names. A platform offers ' +
    '`send-shipment`, `subscribe` and `pull-trajectory`; both roles offer `issue-notice`, `respond-to-notice` and ' +
    '`notify-incident`.',
  examples: ['send-shipment', 'issue-notice'],
});
export type TestActionName = Static<typeof TestActionName>;
