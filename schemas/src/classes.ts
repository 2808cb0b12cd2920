// The closed list of conformance classes. A vendor claims classes in GET /v1/conformance; every requirement and
// every check belongs to exactly one. Class URIs are stable: never rename one, add a new one instead.
export const SPEC_VERSION = '1.0.0-draft';

export const CLASS_BASE = 'https://ecdx.dev/conformance/1.0/';

export const conformanceClasses = {
  core: { role: 'both', title: 'Core: discovery, health, errors', policy: ['OP-05', 'OP-06', 'OP-10'] },
  security: { role: 'both', title: 'Security: request signatures and idempotency', policy: ['OP-08'] },
  privacy: { role: 'both', title: 'Privacy: masking, minimisation, purpose limitation', policy: ['OP-03', 'OP-04'] },
  'carrier-shipping': { role: 'carrier', title: 'Carrier: receiving shipping data', policy: ['OP-01', 'OP-03'] },
  'carrier-tracking-pull': { role: 'carrier', title: 'Carrier: trajectory by request', policy: ['OP-02'] },
  'carrier-tracking-push': { role: 'carrier', title: 'Carrier: subscriptions and pushes', policy: ['OP-02'] },
  'platform-tracking-receiver': { role: 'platform', title: 'Platform: receiving pushes', policy: ['OP-02'] },
  notices: { role: 'both', title: 'Interruption notices and negotiation', policy: ['OP-06', 'OP-07'] },
  incidents: { role: 'both', title: 'Security incident notification', policy: ['OP-08', 'OP-09'] },
  statistics: { role: 'both', title: 'Sharing statistics for authorities', policy: ['OP-11'] },
  client: { role: 'both', title: 'Client duties: what a party sends as a client', policy: ['OP-02', 'OP-03', 'OP-05', 'OP-07', 'OP-08', 'OP-09'] },
} as const;

export type ConformanceClassName = keyof typeof conformanceClasses;
export const conformanceClassNames = Object.keys(conformanceClasses) as ConformanceClassName[];
export const classUri = (name: ConformanceClassName): string => `${CLASS_BASE}${name}`;
