// Faults of the test clock at its edges (chapter Test controls, decision 0029): a test deployment states every
// time on its test clock, the webhook-timestamp of its pushes included.
import { defineFault } from '../core/faults.ts';

export const testClockFaults = [
  defineFault({
    name: 'push-timestamp-on-real-clock',
    switch: 'push-timestamp-on-real-clock',
    // The envelope check judges webhook-timestamp against the target's clock at the attempt (ECDX-PSH-011).
    requirements: ['ECDX-PSH-011'],
    role: 'carrier',
    description:
      "Stamps webhook-timestamp with the real time instead of the attempt time on the test clock: after the clock is moved, every push's timestamp lies days before the events it carries.",
  }),
];
