// The fault catalogue: every fault the mock can commit, gathered from one file per area.
import type { Fault } from './fault.ts';
import { governanceFaults } from './governance.ts';
import { pipelineFaults } from './pipeline.ts';
import { pushFaults } from './push.ts';
import { shippingFaults } from './shipping.ts';
import { trackingFaults } from './tracking.ts';

export type { Fault } from './fault.ts';

export const faults: readonly Fault[] = [...pipelineFaults, ...shippingFaults, ...trackingFaults, ...pushFaults, ...governanceFaults];

export const faultByName = (name: string): Fault | undefined => faults.find((f) => f.name === name);

/** The public description of every fault (`ecdx mock --list-faults --json`). */
export const faultCatalogue = () => faults.map(({ name, requirements, role, description }) => ({ name, requirements, role, description }));
