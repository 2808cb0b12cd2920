// The handler table is where the mock reads the operationIds as a type (OperationId): it must cover the operations
// table of the standard exactly, no operation without a handler and no handler without an operation.
import { describe, expect, it } from 'vitest';
import { operations } from '../../../spec/openapi/operations.ts';
import { operationHandlers } from './index.ts';

describe('the handler table', () => {
  it('has one handler for every operation of the standard and none besides', () => {
    expect(Object.keys(operationHandlers).sort()).toEqual(operations.map((o) => o.operationId).sort());
  });
});
