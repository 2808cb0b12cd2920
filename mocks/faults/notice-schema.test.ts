// notice-free-text-unchecked: off, a notice that breaks its schema anywhere is refused; on, one that breaks it only
// in the free text is held as it came, and one that breaks it elsewhere is still refused.
import { afterEach, describe, expect, it } from 'vitest';
import type { InterruptionNoticeRequest } from '../../schemas/src/index.ts';
import { createMock, type Mock } from '../core/mock.ts';
import { timestampAt } from '../core/operations/discovery.ts';
import { significantMaintenance } from '../test-support/notices.ts';
import { expectProblem } from '../test-support/problems.ts';
import { send } from '../testing.ts';
import { faultsNamed, type FaultName } from './index.ts';
import { noticeSchemaFaults } from './notice-schema.ts';

const START = Date.parse('2026-03-01T09:30:00+08:00');
const NOW = timestampAt(START);
const mocks: Mock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});
const mockWith = (...faults: FaultName[]): Mock => {
  const mock = createMock({ clockSpeed: 0, clockStart: START, faults: faultsNamed(...faults) });
  mocks.push(mock);
  return mock;
};

const notice = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({ ...significantMaintenance(NOW), ...changes });
const post = (mock: Mock, body: Record<string, unknown>) => send(mock, 'POST', '/v1/interruption-notices', body);

it('every notice-schema fault is tested here', async () => {
  const source = await import('node:fs/promises').then((fs) => fs.readFile(new URL(import.meta.url), 'utf8'));
  for (const fault of noticeSchemaFaults) expect(source, fault.name).toContain(`describe('${fault.name}'`);
});

describe('notice-free-text-unchecked', () => {
  it('off: a reasonDetail that is not a string is refused naming it', async () => {
    const problem = expectProblem(await post(mockWith(), notice({ reasonDetail: 12345 })), 'validation-failed');
    expect(problem.invalidParams?.map((p) => p.name)).toEqual(['/reasonDetail']);
  });
  it('on: it is held as it came', async () => {
    const response = await post(mockWith('notice-free-text-unchecked'), notice({ reasonDetail: 12345 }));
    expect(response.status).toBe(201);
    expect((response.body as InterruptionNoticeRequest).reasonDetail).toBe(12345);
  });
  it('on: a notice that breaks its schema elsewhere is still refused', async () =>
    expectProblem(await post(mockWith('notice-free-text-unchecked'), notice({ reasonDetail: 12345, reason: 'BORED' })), 'validation-failed'));
});
