// Faults for the core's own tests: bare switch faults, so that a test of mocks/core flips a switch without the
// catalogue (mocks/faults/), which the core never imports. The catalogue's tests use the named faults instead.
import type { SwitchFault } from '../core/faults.ts';
import type { Switch } from '../core/switches.ts';

export const switchedOn = (...names: Switch[]): SwitchFault[] =>
  names.map((name) => ({ name, switch: name, requirements: [], role: 'both', description: `the switch ${name}, alone` }));
