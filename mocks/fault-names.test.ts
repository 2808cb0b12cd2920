// Fault names are a type: the adapters and the test helpers take FaultName, so a misspelt name does not compile —
// `tsc -p .` (in npm test) fails on an @ts-expect-error that no longer expects anything. From plain JavaScript the
// same name is refused when the mock starts, with the message `ecdx mock --fault` gives.
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from './handlers.ts';
import { startMockServer } from './server.ts';

const UNKNOWN = "unknown fault 'accept-unsinged' (see ecdx mock --list-faults)";
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((m) => m.close()));
});

describe('a fault name', () => {
  it('spelt right compiles and is committed', async () => {
    const { mock } = createHandlers({ faults: ['accept-unsigned'] });
    open.push(mock);
    expect(mock.faults.map((f) => f.name)).toEqual(['accept-unsigned']);
    const server = await startMockServer({ port: 0, faults: ['accept-unsigned', 'problem-as-plain-text'] });
    open.push(server);
    expect(server.mock.faults.map((f) => f.name)).toEqual(['accept-unsigned', 'problem-as-plain-text']);
  });

  it('misspelt is a type error for startMockServer, and refused when it starts', async () => {
    // @ts-expect-error — 'accept-unsinged' is no fault of the catalogue
    await expect(startMockServer({ port: 0, faults: ['accept-unsinged'] })).rejects.toThrow(UNKNOWN);
  });

  it('misspelt is a type error for createHandlers, and refused when it creates the mock', () => {
    // @ts-expect-error — 'accept-unsinged' is no fault of the catalogue
    expect(() => createHandlers({ faults: ['accept-unsinged'] })).toThrow(UNKNOWN);
  });
});
