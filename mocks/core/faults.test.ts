// How the core commits the faults it is given (faults.ts): switches read where they act, rewrites routed by
// operationId, and the set changed at run time (useFaults / replaceFaults / resetFaults) from the next request on.
// The faults here are bare ones (no catalogue: the core never imports it).
import { afterEach, describe, expect, it } from 'vitest';
import type { Health } from '../../schemas/src/index.ts';
import { expectProblem } from '../test-support/problems.ts';
import { switchedOn } from '../test-support/switches.ts';
import { send } from '../testing.ts';
import { defineFault, type Fault } from './faults.ts';
import { createMock, type Mock, type MockOptions } from './mock.ts';
import { createShipment, DAY, shippingData, START, walk } from './simulator/fixtures.ts';

const open: Mock[] = [];
const mockWith = (options: MockOptions = {}): Mock => {
  const mock = createMock({ clockSpeed: 0, clockStart: START, ...options });
  open.push(mock);
  return mock;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((m) => m.close()));
});

const healthVersion = defineFault({
  name: 'test-health-version',
  requirements: [],
  role: 'both',
  description: 'Rewrites the health document only.',
  operation: 'getHealth',
  rewrite: (_input, r) => ({ ...r, body: { ...(r.body as Health), ecdxVersion: '9.9.9' } }),
});
const everyAnswerMarked = defineFault({
  name: 'test-mark-every-answer',
  requirements: [],
  role: 'both',
  description: 'Marks every answer with a header.',
  operation: '*',
  rewrite: (_input, r) => ({ ...r, headers: { ...r.headers, 'x-marked': 'yes' } }),
});

const unsignedRead = (mock: Mock) => send(mock, 'GET', '/v1/shipments/ECDX000000000018', undefined, { key: false });

describe('switches', () => {
  it('are read where they act: off, the rule holds; on, it bends', async () => {
    expectProblem(await unsignedRead(mockWith()), 'signature-missing');
    expectProblem(await unsignedRead(mockWith({ faults: switchedOn('accept-unsigned') })), 'not-found');
  });

  it('refuse a misspelt switch at compile time', () => {
    const mock = mockWith();
    // @ts-expect-error — 'accept-unsinged' is no switch of switches.ts
    expect(mock.context.fault('accept-unsinged')).toBe(false);
  });
});

describe('rewrites', () => {
  it('change the answers of their operation and of no other', async () => {
    const mock = mockWith({ faults: [healthVersion] });
    expect(((await send(mock, 'GET', '/v1/health', undefined, { key: false })).body as Health).ecdxVersion).toBe('9.9.9');
    expect((await send(mock, 'GET', '/v1/conformance', undefined, { key: false })).body).toMatchObject({ ecdxVersion: '1.0.0-draft' });
  });

  it("of every answer ('*') also see the refusals made before an operation is known; those of an operation do not", async () => {
    const mock = mockWith({ faults: [everyAnswerMarked, healthVersion] });
    const unknownPath = await send(mock, 'GET', '/v1/nothing-here');
    expectProblem(unknownPath, 'not-found');
    expect(unknownPath.headers['x-marked']).toBe('yes');
    const wrongMethod = await send(mock, 'DELETE', '/v1/health');
    expect([wrongMethod.status, wrongMethod.headers['x-marked']]).toEqual([405, 'yes']);
  });

  it('name an operation of the standard, checked at compile time', () => {
    const misrouted = defineFault({
      name: 'test-misrouted',
      requirements: [],
      role: 'both',
      description: 'Names an operation that does not exist.',
      // @ts-expect-error — 'getHelth' is no operationId of spec/openapi/operations.ts
      operation: 'getHelth',
      rewrite: (_input, r) => r,
    });
    expect(misrouted.operation).toBe('getHelth');
  });
});

describe('the faults a mock commits', () => {
  it('count a name once, and refuse an object that is neither a switch nor a rewrite', () => {
    expect(mockWith({ faults: [healthVersion, healthVersion, ...switchedOn('accept-unsigned', 'accept-unsigned')] }).faults.map((f) => f.name)).toEqual([
      'test-health-version',
      'accept-unsigned',
    ]);
    const neither = { name: 'test-nothing', requirements: [], role: 'both', description: 'Does nothing.' } as unknown as Fault;
    expect(() => createMock({ faults: [neither] })).toThrow(/must name either a switch .* or an operation and a rewrite/);
  });

  it('change at run time, from the next request on, and reset to those the mock was created with', async () => {
    const mock = mockWith({ faults: [healthVersion] });
    const version = async () => ((await send(mock, 'GET', '/v1/health', undefined, { key: false })).body as Health).ecdxVersion;

    mock.useFaults(...switchedOn('accept-unsigned'));
    expect(mock.faults.map((f) => f.name)).toEqual(['test-health-version', 'accept-unsigned']);
    expectProblem(await unsignedRead(mock), 'not-found');
    expect(await version()).toBe('9.9.9');

    mock.replaceFaults([]);
    expect(mock.faults).toEqual([]);
    expectProblem(await unsignedRead(mock), 'signature-missing');
    expect(await version()).toBe('1.0.0-draft');

    mock.resetFaults();
    expect(mock.faults.map((f) => f.name)).toEqual(['test-health-version']);
    expectProblem(await unsignedRead(mock), 'signature-missing');
    expect(await version()).toBe('9.9.9');
  });

  it('shape the trajectories computed after a change, not only those of parcels created after it', async () => {
    const mock = mockWith();
    const { waybillNo } = await createShipment(mock, shippingData('ecdx-happy-runtime'));
    mock.context.clock.advance(5 * DAY);
    const sequences = async () => (await walk(mock, waybillNo, 100)).events.map((e) => e.sequence);
    const clean = await sequences();
    expect(clean.slice(0, 4)).toEqual([1, 2, 3, 4]);
    mock.useFaults(...switchedOn('sequence-with-gaps'));
    expect((await sequences()).slice(0, 4)).toEqual([1, 2, 4, 5]);
    mock.resetFaults();
    expect(await sequences()).toEqual(clean);
  });
});
