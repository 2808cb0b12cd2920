// The fault catalogue: every fault the mock can commit, gathered from one file per area. What a fault is and how the
// core commits one is mocks/core/faults.ts; this is the data, and the one place names become faults.
import type { Fault } from '../core/faults.ts';
import { clientFaults } from './client.ts';
import { governanceFaults } from './governance.ts';
import { noticeSchemaFaults } from './notice-schema.ts';
import { pipelineFaults } from './pipeline.ts';
import { pushFaults } from './push.ts';
import { requestRuleFaults } from './request-rules.ts';
import { shippingFaults } from './shipping.ts';
import { signatureProfileFaults } from './signature-profile.ts';
import { testClockFaults } from './test-clock.ts';
import { trackingFaults } from './tracking.ts';

export type { Fault } from '../core/faults.ts';

export const faults = [
  ...pipelineFaults,
  ...signatureProfileFaults,
  ...requestRuleFaults,
  ...shippingFaults,
  ...trackingFaults,
  ...pushFaults,
  ...testClockFaults,
  ...governanceFaults,
  ...noticeSchemaFaults,
  ...clientFaults,
];

/** The name of a fault of the catalogue: `startMockServer({ faults: [...] })` takes nothing else. */
export type FaultName = (typeof faults)[number]['name'];

const byName: ReadonlyMap<string, Fault<FaultName>> = new Map(faults.map((f) => [f.name, f]));

export const isFaultName = (name: string): name is FaultName => byName.has(name);

export const faultByName = (name: string): Fault<FaultName> | undefined => byName.get(name);

/** What `--fault` and the adapters say of a name the catalogue does not have. */
export const unknownFaultMessage = (name: string): string => `unknown fault '${name}' (see ecdx mock --list-faults)`;

/**
 * The catalogue's faults of these names, in catalogue order (the order their rewrites apply in), each once. A name
 * the catalogue does not have throws: the type refuses it at compile time, this refuses it from plain JavaScript.
 */
export function faultsNamed(...names: readonly FaultName[]): Fault<FaultName>[] {
  for (const name of names) if (!isFaultName(name)) throw new Error(unknownFaultMessage(name));
  const wanted = new Set<string>(names);
  return faults.filter((f) => wanted.has(f.name));
}

/** The public description of every fault (`ecdx mock --list-faults --json`). */
export const faultCatalogue = () => faults.map(({ name, requirements, role, description }) => ({ name, requirements, role, description }));
