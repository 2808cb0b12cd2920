// The mocks a fault's test builds: with the named faults on, a frozen clock and the self-check, each closed after its
// test. One factory for every fault test file, so they all judge a fault against the same mock.
import { afterEach } from 'vitest';
import { createMock, type Mock } from '../core/mock.ts';
import { faultsNamed, type FaultName } from '../faults/index.ts';

/** The virtual clock's start in fault tests: a weekday morning in China Standard Time. */
export const FAULT_TEST_START = Date.parse('2026-03-01T09:30:00+08:00');

/** A `mockWith(...faults)` whose mocks close after each test; call it at the top level of a test file. */
export function faultMocks(): (...faults: FaultName[]) => Mock {
  const open: Mock[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((m) => m.close()));
  });
  return (...faults) => {
    const mock = createMock({ selfCheck: true, clockSpeed: 0, clockStart: FAULT_TEST_START, faults: faultsNamed(...faults) });
    open.push(mock);
    return mock;
  };
}
